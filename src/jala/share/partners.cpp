#include "jala/share/partners.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace jala::share {
namespace {

void initialise_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  });
}

constexpr std::size_t k_random_bytes = 32;
// How a hash made by hash_partner_secret begins; any other stored hash is an Argon2id string.
constexpr std::string_view k_fast_hash_prefix = "$jala-blake2b-256$";

}  // namespace

Status check_partner_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return invalid_argument("a partner name has 1 to 64 characters");
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return invalid_argument("a partner name takes lower-case letters, digits, '-' and '_', not '{}'", name);
    }
  }
  return {};
}

Result<model::Tlp> parse_partner_tlp(std::string_view text) {
  JALA_TRY_ASSIGN(const model::Tlp level, model::parse_tlp(text));
  if (level == model::Tlp::red) return invalid_argument("TLP:RED never leaves the node; the highest is amber+strict");
  return level;
}

model::Tlp highest_shared(model::Tlp agreed) { return std::min(agreed, model::Tlp::amber_strict); }

std::string make_partner_secret(std::string_view name) {
  initialise_sodium();
  std::array<unsigned char, k_random_bytes> random{};
  randombytes_buf(random.data(), random.size());
  std::string encoded(sodium_base64_ENCODED_LEN(k_random_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(random.data(), random.size());
  encoded.resize(encoded.find('\0'));
  return std::string(name) + "." + encoded;
}

Result<std::string> hash_partner_secret(std::string_view secret) {
  initialise_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     nullptr, 0);
  std::string encoded(sodium_base64_ENCODED_LEN(digest.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return std::string(k_fast_hash_prefix) + encoded;
}

bool is_legacy_secret_hash(std::string_view secret_hash) { return !secret_hash.starts_with(k_fast_hash_prefix); }

bool secret_matches(std::string_view secret_hash, std::string_view secret) {
  initialise_sodium();
  if (!is_legacy_secret_hash(secret_hash)) {
    const Result<std::string> hashed = hash_partner_secret(secret);
    return hashed.ok() && hashed->size() == secret_hash.size() &&
           sodium_memcmp(hashed->data(), secret_hash.data(), secret_hash.size()) == 0;
  }
  const std::string hash(secret_hash);  // crypto_pwhash_str_verify wants it NUL-terminated
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

std::optional<std::string> partner_named_by(std::string_view secret) {
  const std::size_t dot = secret.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view name = secret.substr(0, dot);
  if (!check_partner_name(name).ok()) return std::nullopt;
  return std::string(name);
}

}  // namespace jala::share
