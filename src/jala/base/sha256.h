// SHA-256 digests (FIPS 180-4), through OpenSSL. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "jala/base/result.h"

struct evp_md_ctx_st;

namespace jala {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);

// Incremental hashing. Not thread-safe; one hasher per thread.
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view data);
  // Feeds a length-prefixed field (8-byte little-endian length, then the bytes), so that a sequence of
  // fields has exactly one encoding: ("ab", "c") and ("a", "bc") hash differently.
  Sha256& update_field(std::string_view data);
  Sha256& update_field(std::int64_t number);
  Sha256Digest finish();

 private:
  struct ContextDeleter {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, ContextDeleter> m_context;
};

// Lower-case hexadecimal text of any bytes, and back: exactly out.size() bytes from twice as many
// digits of either case, else an error.
std::string to_hex(std::span<const std::uint8_t> bytes);
Status parse_hex(std::string_view text, std::span<std::uint8_t> out);

}  // namespace jala
