// What the store keeps for sharing with partner nodes (docs/formats/taxii.md): the STIX objects each
// TAXII collection holds, the partners' agreements, and small named state (publishing and sync
// cursors, TAXII status resources). Value types; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jala/base/time.h"
#include "jala/model/tlp.h"

namespace jala::storage {

// One version of a STIX object in a collection.
struct SharedObject {
  std::string collection;  // the collection's alias, e.g. "reports"
  std::string id;          // the STIX id
  std::string version;     // the STIX `modified`, else `created`, else the time it was added
  std::string type;        // the STIX type
  model::Tlp tlp = model::k_default_tlp;
  std::string origin;  // "local", or the partner it came from
  std::string object;  // its JSON
  // The stored report it was made from (empty for objects from partners): whose disclosure to a
  // partner is a custody event.
  std::string record_source;
  std::string record_id;
  Timestamp added{};  // when the collection got it: set by the store, unique and increasing per collection
};

// Which versions of each object to read, among those the TLP limit lets through. A version is read when
// it is any of those asked for: TAXII's match[version] takes several values (first,last).
struct VersionMatch {
  bool all = false;
  bool first = false;
  bool last = false;
  std::vector<std::string> exact = {};
  // The exact versions as times: an object without a version of its own (an observable has no `modified`)
  // is listed with the time the collection added it as its version, and that time finds it.
  std::vector<Timestamp> exact_added = {};

  bool operator==(const VersionMatch&) const = default;
};

// Which objects of one collection to read, in the order they were added.
struct SharedObjectQuery {
  std::string collection;
  std::optional<Timestamp> added_after;           // exclusive
  std::vector<std::string> types;                 // empty: every type
  std::vector<std::string> ids;                   // empty: every id
  VersionMatch versions{.last = true};
  // Versions marked above it are left out, and so is every version of an object whose latest version is
  // (withdrawn: a report raised to a TLP the reader may not see is no longer served in any version).
  model::Tlp tlp_max = model::Tlp::amber_strict;
  std::size_t limit = 1000;
};

// What an agreement allows of private overlap unless it says otherwise (ADR 0009): sets of up to a
// million selectors, and 24 sessions in any 24 hours.
inline constexpr std::uint32_t k_default_overlap_max_set = 1'000'000;
inline constexpr std::uint32_t k_default_overlap_sessions_per_day = 24;

// A partner agency's agreement: which collections it may read and write, up to which TLP, and how much
// private overlap it may run. Only the hash of its secret is kept.
struct Partner {
  std::string name;
  std::string secret_hash;  // share::hash_partner_secret's output, or an older agreement's Argon2id string
  model::Tlp tlp_max = model::Tlp::green;
  std::vector<std::string> collections;
  Timestamp added{};
  std::optional<Timestamp> revoked;
  // Private overlap: the largest set the partner may send in one session, and how many sessions it may
  // start in any 24 hours (0: none). Each session is a chance to test guessed selectors, so both bound
  // what a partner can learn beyond what it is entitled to.
  std::uint32_t overlap_max_set = k_default_overlap_max_set;
  std::uint32_t overlap_sessions_per_day = k_default_overlap_sessions_per_day;
};

}  // namespace jala::storage
