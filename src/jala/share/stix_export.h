// Jala's values as STIX 2.1 objects, for partners and for the TAXII server: pure functions from plain
// values (a Report, a Selector, the node's identity) to nlohmann::json objects, one STIX object each.
// docs/formats/stix.md gives the mapping table by table.
//
// - Ids are deterministic (stix_ids.h): exporting again gives the same ids, so a partner's store
//   updates its copy instead of adding another.
// - Timestamps have millisecond precision ("2026-03-01T01:15:00.000Z").
// - Each SDO and SRO carries the official TLP 2.0 marking of its level in object_marking_refs, and its
//   author, the exporting node's identity, in created_by_ref. An SCO goes out with the marking of the
//   report it belongs to; make_bundle keeps the most restrictive when several reports name it.
// - make_bundle adds what the objects refer to and every reader needs: the TLP marking-definitions and
//   Jala's extension definitions (stix_extensions.h) with their author.
//
// What may leave the node (TLP:RED never does) is the caller's decision: these functions convert
// whatever they are given. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/time.h"
#include "jala/model/report.h"
#include "jala/model/selector.h"
#include "jala/model/tlp.h"

namespace jala::share {

// The agency a node speaks for: the author of everything it exports. Value type.
struct NodeIdentity {
  std::string name;     // "VN-MPS"; names the identity's id, so keep it stable
  std::string country;  // ISO 3166-1 alpha-2, or empty
  std::string description;
  std::string contact_information;
  std::vector<std::string> sectors = {"government-national"};  // STIX industry-sector-ov
  Timestamp created;                                           // when the identity was set up: its created and modified
};

// `identity` (identity_class "organization"), and, when the country is known, the country's
// `location` and the identity's `located-at` relationship to it.
std::vector<nlohmann::json> identity_objects(const NodeIdentity& node);
std::string identity_id(const NodeIdentity& node);

// `report`, its `observed-data`, and one SCO for each distinct selector the report names (form
// selectors first, then those found in its text). Reports and observed-data are named by the report's
// (source, id); `modified` defaults to the report's time, and should be when the node last changed it.
std::vector<nlohmann::json> report_objects(const model::Report& report, const NodeIdentity& node,
                                           std::optional<Timestamp> modified = std::nullopt);
std::string report_object_id(std::string_view source, std::string_view id);
std::string observed_data_object_id(std::string_view source, std::string_view id);

// A lure account (a handle, number, address or site a scam advertises) as an `indicator` whose STIX
// pattern matches the account's observable.
struct LureAccount {
  model::Selector account;
  Timestamp valid_from;  // when the node first saw it: the indicator's created
  model::Tlp tlp = model::k_default_tlp;
  std::string description;  // optional: where it was seen, what it lured with
};
nlohmann::json lure_indicator_object(const LureAccount& lure, const NodeIdentity& node);

// A `sighting` by the node of an SDO (STIX 2.1 allows only SDOs as sighting_of_ref; an indicator, for
// a selector). The node is where it was sighted.
struct SightingFacts {
  std::string sighting_of_ref;
  std::vector<std::string> observed_data_refs;  // optional: what was seen
  Timestamp first_seen;
  Timestamp last_seen;
  std::uint32_t count = 1;
  model::Tlp tlp = model::k_default_tlp;
};
nlohmann::json sighting_object(const SightingFacts& sighting, const NodeIdentity& node);

// A lure account's indicator and the node's sighting of it: `sighting` says when, how often and in which
// observed-data; its sighting_of_ref is set to the indicator.
std::vector<nlohmann::json> lure_account_objects(const LureAccount& lure, SightingFacts sighting,
                                                 const NodeIdentity& node);

// A `bundle` of the objects: each id once (an SCO named by several reports keeps the most
// restrictive marking; an SDO, its latest `modified`), preceded by the TLP marking-definitions and
// Jala extension definitions they refer to. Its id is derived from the ids of its objects. Objects
// without a string id are left out.
nlohmann::json make_bundle(const std::vector<nlohmann::json>& objects);

}  // namespace jala::share
