// Partner agreements and their secrets. A partner authenticates with the secret `jala partner add`
// printed once; the node keeps only its hash. The secret starts with the partner's name, so that a
// Bearer token names whose hash to check: "NAME.RANDOM" with 32 random bytes in URL-safe base64.
//
// The hash is BLAKE2b-256 ("$jala-blake2b-256$" and the digest in URL-safe base64), which a check
// computes in about a microsecond: a secret of 256 random bits needs no slow hash to resist guessing
// from a stolen store, and a slow one let wrong secrets hold the server's workers (ADR 0016). Hashes
// stored before 2026-12-04 are Argon2id strings (libsodium's crypto_pwhash_str), still checked as such
// until the partner's first sign-in, which replaces them with the fast hash of the same secret.
//
// Thread-safe (libsodium is initialised once).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/model/tlp.h"

namespace jala::share {

// Lower-case letters, digits, '-' and '_', 1 to 64 of them.
Status check_partner_name(std::string_view name);
// The highest TLP a partner may receive: TLP:RED never leaves the node.
Result<model::Tlp> parse_partner_tlp(std::string_view text);

// The highest TLP a partner whose agreement says `agreed` receives: TLP:RED never leaves the node,
// whatever an agreement (or a store edited by hand) says.
model::Tlp highest_shared(model::Tlp agreed);

std::string make_partner_secret(std::string_view name);
Result<std::string> hash_partner_secret(std::string_view secret);
bool secret_matches(std::string_view secret_hash, std::string_view secret);
// Whether a stored hash is an Argon2id string of an agreement made before 2026-12-04, which the server
// replaces with the fast hash once the partner signs in with its secret.
bool is_legacy_secret_hash(std::string_view secret_hash);
// The partner a Bearer secret names, or nothing when it is not of the form NAME.RANDOM.
std::optional<std::string> partner_named_by(std::string_view secret);

}  // namespace jala::share
