// What the store keeps for sharing with partner nodes (docs/formats/taxii.md): the STIX objects each
// TAXII collection holds, the partners' agreements, and small named state (publishing and sync
// cursors, TAXII status resources). Value types; thread-compatible.
#pragma once

#include <cstddef>
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
  Timestamp added{};   // when the collection got it: set by the store, unique and increasing per collection
};

enum class VersionMatch { last, first, all };

// Which objects of one collection to read, in the order they were added.
struct SharedObjectQuery {
  std::string collection;
  std::optional<Timestamp> added_after;  // exclusive
  std::vector<std::string> types;        // empty: every type
  std::vector<std::string> ids;          // empty: every id
  VersionMatch versions = VersionMatch::last;  // among the versions the TLP limit lets through
  std::vector<std::string> exact_versions;     // when not empty, instead of `versions`
  model::Tlp tlp_max = model::Tlp::amber_strict;  // objects marked above it are left out
  std::size_t limit = 1000;
};

// A partner agency's agreement: which collections it may read and write, up to which TLP. Only the
// Argon2id hash of its secret is kept.
struct Partner {
  std::string name;
  std::string secret_hash;  // crypto_pwhash_str's output
  model::Tlp tlp_max = model::Tlp::green;
  std::vector<std::string> collections;
  Timestamp added{};
  std::optional<Timestamp> revoked;
};

}  // namespace jala::storage
