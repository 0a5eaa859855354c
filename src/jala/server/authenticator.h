// Who is asking: checks a request's Authorization header (HTTP Basic with the partner's name and
// secret, or Bearer with the secret alone) against the partner's agreement in the store (share/partners.h:
// a BLAKE2b hash, checked in under a microsecond, or for agreements made before 2026-12-04 an Argon2id
// hash, tens of milliseconds). A credential that passed is remembered, keyed by a keyed hash of the
// secret and the stored hash it matched: a new secret or a revocation takes effect at the next request,
// because the agreement itself is read from the store every time.
//
// A name that is no partner's, or a revoked one's, is checked against a decoy hash of the new kind, so
// that a wrong secret does not tell which agencies have agreements (except that a wrong secret for a name
// with an Argon2id hash takes longer); and each address may fail only a few times a minute
// (sign_in_throttle.h), so that wrong secrets cannot keep the workers hashing Argon2id.
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

  // The credentials of the header, sent from `address` (the client's IP address).
  Result<SignIn> authenticate(const storage::ReadView& view, std::optional<std::string_view> authorization,
                              std::string_view address);
  // The same, reading the agreement in its own read of `store`.
  Result<SignIn> authenticate(storage::Store& store, std::optional<std::string_view> authorization,
                              std::string_view address);

 private:
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
