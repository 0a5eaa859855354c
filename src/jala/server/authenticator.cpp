#include "jala/server/authenticator.h"

#include <sodium.h>

#include <array>

#include <fmt/core.h>

#include "jala/share/partners.h"

namespace jala::server {
namespace {

// The bounded set of remembered credentials: a flood of distinct valid secrets cannot grow it
// forever (there are few partners; past this, it starts again).
constexpr std::size_t k_max_remembered = 4096;

std::optional<std::string> decode_base64(std::string_view text) {
  std::string decoded(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), text.data(), text.size(),
                        nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  decoded.resize(length);
  return decoded;
}

struct Credentials {
  std::string name;
  std::string secret;
};

std::optional<Credentials> read_credentials(std::string_view authorization) {
  if (authorization.size() > 1024) return std::nullopt;
  if (authorization.starts_with("Bearer ")) {
    std::string secret(authorization.substr(7));
    std::optional<std::string> name = share::partner_named_by(secret);
    if (!name) return std::nullopt;
    return Credentials{std::move(*name), std::move(secret)};
  }
  if (authorization.starts_with("Basic ")) {
    std::optional<std::string> decoded = decode_base64(authorization.substr(6));
    if (!decoded) return std::nullopt;
    const std::size_t colon = decoded->find(':');
    if (colon == std::string::npos) return std::nullopt;
    return Credentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
  }
  return std::nullopt;
}

}  // namespace

Authenticator::Authenticator() : m_key(crypto_generichash_KEYBYTES, '\0') {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  randombytes_buf(m_key.data(), m_key.size());
}

std::string Authenticator::remembered_key(const storage::Partner& partner, std::string_view secret) const {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(m_key.data()), m_key.size(), digest.size());
  for (const std::string_view part : {std::string_view(partner.name), std::string_view(partner.secret_hash), secret}) {
    const std::uint64_t length = part.size();
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  }
  crypto_generichash_final(&state, digest.data(), digest.size());
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

const std::string& Authenticator::decoy_hash() {
  std::call_once(m_decoy_made, [this] {
    std::string secret(32, '\0');
    randombytes_buf(secret.data(), secret.size());
    // Only fails without memory for one hash; an empty decoy then fails every check at once, as before.
    Result<std::string> hash = share::hash_partner_secret(secret);
    if (hash.ok()) m_decoy_hash = std::move(*hash);
  });
  return m_decoy_hash;
}

Result<SignIn> Authenticator::check(const storage::ReadView& view, std::string_view name, std::string_view secret,
                                    std::string_view address) {
  JALA_TRY_ASSIGN(std::optional<storage::Partner> partner, view.find_partner(name));
  if (partner && partner->revoked) partner.reset();
  const std::string key = partner ? remembered_key(*partner, secret) : std::string();
  {
    const std::lock_guard lock(m_mutex);
    if (partner && m_verified.contains(key)) return SignIn{std::move(partner), std::nullopt};
    if (const auto wait = m_throttle.wait(address, SignInThrottle::Clock::now())) return SignIn{std::nullopt, wait};
  }
  const bool matches = share::secret_matches(partner ? partner->secret_hash : decoy_hash(), secret);
  const std::lock_guard lock(m_mutex);
  if (!partner || !matches) {
    m_throttle.record_failure(address, SignInThrottle::Clock::now());
    return SignIn{};
  }
  if (m_verified.size() >= k_max_remembered) m_verified.clear();
  m_verified.insert(key);
  return SignIn{std::move(partner), std::nullopt};
}

Result<SignIn> Authenticator::authenticate(storage::Store& store, std::optional<std::string_view> authorization,
                                           std::string_view address) {
  if (!authorization) return SignIn{};
  // Malformed credentials, or a name no partner could have, are refused at once: they tell nothing.
  const std::optional<Credentials> credentials = read_credentials(*authorization);
  if (!credentials || !share::check_partner_name(credentials->name).ok()) return SignIn{};
  SignIn sign_in;
  JALA_TRY(store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(sign_in, check(view, credentials->name, credentials->secret, address));
    return {};
  }));
  if (sign_in.partner && share::is_legacy_secret_hash(sign_in.partner->secret_hash)) {
    // Best effort: the partner is signed in either way, and the next sign-in tries again.
    if (const Status replaced = replace_legacy_hash(store, *sign_in.partner, credentials->secret); !replaced.ok()) {
      fmt::print(stderr, "jala: serve: cannot replace the old hash of partner {}: {}\n", sign_in.partner->name,
                 replaced.error().message());
    }
  }
  return sign_in;
}

Status Authenticator::replace_legacy_hash(storage::Store& store, const storage::Partner& signed_in,
                                          std::string_view secret) {
  JALA_TRY_ASSIGN(std::string fast_hash, share::hash_partner_secret(secret));
  return store.write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(std::optional<storage::Partner> current, transaction.find_partner(signed_in.name));
    // Only the agreement just checked: not one revoked, renewed or replaced by another worker meanwhile.
    if (!current || current->revoked || current->secret_hash != signed_in.secret_hash) return {};
    current->secret_hash = std::move(fast_hash);
    return transaction.put_partner(*current);
  });
}

}  // namespace jala::server
