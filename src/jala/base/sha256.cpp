#include "jala/base/sha256.h"

#include <openssl/sha.h>

namespace jala {

Sha256Digest sha256(std::string_view data) {
  Sha256Digest digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  return digest;
}

std::string to_hex(const Sha256Digest& digest) {
  constexpr char k_hex_digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const std::uint8_t byte : digest) {
    out += k_hex_digits[byte >> 4];
    out += k_hex_digits[byte & 0x0f];
  }
  return out;
}

}  // namespace jala
