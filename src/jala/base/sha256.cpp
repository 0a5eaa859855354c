#include "jala/base/sha256.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace jala {

Sha256Digest sha256(std::string_view data) {
  Sha256Digest digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  return digest;
}

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const { EVP_MD_CTX_free(context); }

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) {
  if (m_context == nullptr || EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL cannot start a SHA-256 digest");
  }
}

Sha256& Sha256::update(std::string_view data) {
  EVP_DigestUpdate(m_context.get(), data.data(), data.size());
  return *this;
}

Sha256& Sha256::update_field(std::string_view data) {
  std::array<char, 8> length{};
  for (std::size_t i = 0; i < length.size(); ++i) length[i] = static_cast<char>((data.size() >> (8 * i)) & 0xff);
  update(std::string_view(length.data(), length.size()));
  return update(data);
}

Sha256& Sha256::update_field(std::int64_t number) {
  std::array<char, 8> bytes{};
  const auto bits = static_cast<std::uint64_t>(number);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((bits >> (8 * i)) & 0xff);
  return update_field(std::string_view(bytes.data(), bytes.size()));
}

Sha256Digest Sha256::finish() {
  Sha256Digest digest{};
  EVP_DigestFinal_ex(m_context.get(), digest.data(), nullptr);
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
