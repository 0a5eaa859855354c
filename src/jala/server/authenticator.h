// Who is asking: checks a request's Authorization header (HTTP Basic with the partner's name and
// secret, or Bearer with the secret alone) against the partner's agreement in the store. The Argon2id
// check costs tens of milliseconds on purpose, so a credential that passed is remembered, keyed by a
// keyed hash of the secret and the stored hash it matched: a new secret or a revocation takes effect
// at the next request, because the agreement itself is read from the store every time.
//
// Thread-safe: one Authenticator serves every worker.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "jala/base/result.h"
#include "jala/storage/store.h"

namespace jala::server {

class Authenticator {
 public:
  Authenticator();

  // The partner whose valid, unrevoked credentials the header holds; nothing when they are missing,
  // malformed, wrong or revoked (the caller answers 401 alike, so as not to tell which).
  Result<std::optional<storage::Partner>> authenticate(const storage::ReadView& view,
                                                       std::optional<std::string_view> authorization);
  // The same, reading the agreement in its own read of `store`.
  Result<std::optional<storage::Partner>> authenticate(storage::Store& store,
                                                       std::optional<std::string_view> authorization);

 private:
  std::string remembered_key(const storage::Partner& partner, std::string_view secret) const;

  std::string m_key;  // random per process: the remembered keys mean nothing elsewhere
  std::mutex m_mutex;
  std::unordered_set<std::string> m_verified;
};

}  // namespace jala::server
