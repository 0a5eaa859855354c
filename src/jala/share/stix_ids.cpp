#include "jala/share/stix_ids.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace jala::share {
namespace {

// Fetched once, as base/sha256.cpp does for SHA-256: OpenSSL 3 otherwise looks the algorithm up among
// its providers on every digest.
const EVP_MD* sha1_digest() {
  static const EVP_MD* const k_digest = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    if (fetched == nullptr) {
      throw std::runtime_error("OpenSSL has no SHA-1");
    }
    return fetched;
  }();
  return k_digest;
}

}  // namespace

Uuid uuid_v5(const Uuid& name_space, std::string_view name) {
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                     &EVP_MD_CTX_free);
  if (context == nullptr || EVP_DigestInit_ex2(context.get(), sha1_digest(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL cannot start a SHA-1 digest");
  }
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
  EVP_DigestUpdate(context.get(), name_space.data(), name_space.size());
  EVP_DigestUpdate(context.get(), name.data(), name.size());
  EVP_DigestFinal_ex(context.get(), digest.data(), nullptr);
  Uuid uuid{};
  std::copy_n(digest.begin(), uuid.size(), uuid.begin());
  uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0FU) | 0x50U);  // version 5
  uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3FU) | 0x80U);  // the RFC variant
  return uuid;
}

std::string format_uuid(const Uuid& uuid) {
  constexpr std::string_view k_hex_digits = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (std::size_t i = 0; i < uuid.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) {
      text += '-';
    }
    text += k_hex_digits[uuid[i] >> 4U];
    text += k_hex_digits[uuid[i] & 0x0FU];
  }
  return text;
}

std::string canonical_json(const nlohmann::json& document) {
  // nlohmann's compact form is RFC 8785 for such documents: object members are kept sorted by their
  // bytes (for ASCII keys, the UTF-16 order JCS asks for), strings are written as UTF-8 with only '"',
  // '\\' and control characters escaped (\b \f \n \r \t, else \u00xx in lower case), and integers are
  // written in full.
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string sco_id(std::string_view type, const nlohmann::json& contributing) {
  return std::string(type) + "--" + format_uuid(uuid_v5(k_stix_sco_namespace, canonical_json(contributing)));
}

std::string jala_object_id(std::string_view type, std::initializer_list<std::string_view> parts) {
  nlohmann::json name = nlohmann::json::array({type});
  for (const std::string_view part : parts) {
    name.push_back(part);
  }
  return std::string(type) + "--" + format_uuid(uuid_v5(k_jala_namespace, canonical_json(name)));
}

}  // namespace jala::share
