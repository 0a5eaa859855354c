#include "jala/base/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace jala {
namespace {

// OpenSSL 3 looks the algorithm up among its providers on every SHA256() call and every
// EVP_DigestInit_ex(EVP_sha256()): more than half the cost of hashing a short message. The digest is
// fetched once, on first use (a function-local static, so thread-safe), and kept for the process's life.
const EVP_MD* sha256_digest() {
  static const EVP_MD* const k_digest = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) throw std::runtime_error("OpenSSL has no SHA-256");
    return fetched;
  }();
  return k_digest;
}

void start(evp_md_ctx_st* context) {
  if (context == nullptr || EVP_DigestInit_ex2(context, sha256_digest(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL cannot start a SHA-256 digest");
  }
}

}  // namespace

Sha256Digest sha256(std::string_view data) {
  // One context per thread, reset by each hash, saves an allocation per call.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                     &EVP_MD_CTX_free);
  start(context.get());
  EVP_DigestUpdate(context.get(), data.data(), data.size());
  Sha256Digest digest{};
  EVP_DigestFinal_ex(context.get(), digest.data(), nullptr);
  return digest;
}

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const { EVP_MD_CTX_free(context); }

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) { start(m_context.get()); }

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

std::string to_hex(std::span<const std::uint8_t> bytes) {
  constexpr std::string_view k_hex_digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t byte : bytes) {
    out += k_hex_digits[byte >> 4U];
    out += k_hex_digits[byte & 0x0FU];
  }
  return out;
}

Status parse_hex(std::string_view text, std::span<std::uint8_t> out) {
  if (text.size() != out.size() * 2) {
    return invalid_argument("expected {} hexadecimal digits, got {}", out.size() * 2, text.size());
  }
  const auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int high = value(text[2 * i]);
    const int low = value(text[2 * i + 1]);
    if (high < 0 || low < 0) return invalid_argument("not hexadecimal at offset {}", 2 * i);
    out[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return {};
}

}  // namespace jala
