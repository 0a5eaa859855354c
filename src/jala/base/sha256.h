// SHA-256 digests (FIPS 180-4), through OpenSSL. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jala {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);

// Lower-case hexadecimal text of any byte array.
std::string to_hex(const Sha256Digest& digest);

}  // namespace jala
