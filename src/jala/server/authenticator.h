// Who is asking: checks a request's Authorization header (HTTP Basic with the partner's name and
// secret, or Bearer with the secret alone) against the partner's agreement in the store (share/partners.h:
// a BLAKE2b hash, checked in under a microsecond, or for agreements made before 2026-12-04 an Argon2id
// hash, tens of milliseconds). A credential that passed is remembered, keyed by a keyed hash of the
// secret and the stored hash it matched: a new secret or a revocation takes effect at the next request,
// because the agreement itself is read from the store every time.
//
// A name that is no partner's, or a revoked one's, is checked against a decoy hash of the new kind, so
// that a wrong secret does not tell which agencies have agreements; and each address may fail only a few
// times a minute (sign_in_throttle.h). An agreement made before 2026-12-04 keeps its Argon2id hash only
// until the partner's first sign-in, which replaces it with the fast hash of the same secret: until then a
// wrong secret for its name takes longer (tens of milliseconds) than for any other.
//
// Thread-safe: one Authenticator serves every worker.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "jala/base/result.h"
#include "jala/server/sign_in_throttle.h"
#include "jala/storage/store.h"

namespace jala::server {

// What a request's credentials come to.
struct SignIn {
  // The partner whose valid, unrevoked credentials the header holds; nothing when they are missing,
  // malformed, wrong or revoked (the caller answers 401 alike, so as not to tell which).
  std::optional<storage::Partner> partner;
  // Set when the credentials were not checked because `address` failed too often: the caller answers
  // 429 with this Retry-After.
  std::optional<std::chrono::seconds> retry_after;
};

class Authenticator {
 public:
  Authenticator();

  // The credentials of the header, sent from `address` (the client's IP address), against the agreement
  // in `store`. A legacy Argon2id hash that the secret matched is replaced there by its fast hash.
  Result<SignIn> authenticate(storage::Store& store, std::optional<std::string_view> authorization,
                              std::string_view address);

 private:
  Result<SignIn> check(const storage::ReadView& view, std::string_view name, std::string_view secret,
                       std::string_view address);
  static Status replace_legacy_hash(storage::Store& store, const storage::Partner& signed_in, std::string_view secret);
  std::string remembered_key(const storage::Partner& partner, std::string_view secret) const;
  // The hash that a name no partner holds is checked against: made once, of a secret nobody knows.
  const std::string& decoy_hash();

  std::string m_key;  // random per process: the remembered keys mean nothing elsewhere
  std::once_flag m_decoy_made;
  std::string m_decoy_hash;
  std::mutex m_mutex;  // guards the two below
  std::unordered_set<std::string> m_verified;
  SignInThrottle m_throttle;
};

}  // namespace jala::server
