// TAXII 2.1 resources (OASIS TAXII 2.1, sections 3-5): the node's collections, the parsing of the
// object-query parameters, and the JSON of discovery, API root, collection, envelope, manifest,
// versions, status and error resources. Pure: the server reads the store and calls these.
// docs/formats/taxii.md lists the endpoints and what each partner sees.
//
// Pure functions over values and a constant table; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/base/time.h"
#include "jala/model/tlp.h"
#include "jala/storage/sharing.h"

namespace jala::share {

inline constexpr std::string_view k_taxii_media_type = "application/taxii+json;version=2.1";
inline constexpr std::string_view k_stix_media_type = "application/stix+json;version=2.1";
inline constexpr std::string_view k_api_root = "jala";  // the one API root: /taxii2/jala/
// A page holds at most this many objects, whatever `limit` asks (TAXII 2.1 section 3.4).
inline constexpr std::size_t k_max_page_objects = 1000;

// The node's collections. Partners read the first two, within their agreement, and write the inbox.
struct CollectionInfo {
  std::string_view alias;
  std::string_view title;
  std::string_view description;
  bool partners_read;
  bool partners_write;
};
inline constexpr std::array<CollectionInfo, 4> k_collections = {{
    {"reports", "Scam reports",
     "Reports of scams this node took in, with the selectors they name, as report, observed-data and "
     "observables, each marked with the report's TLP.",
     true, false},
    {"networks", "Scam networks",
     "The networks this node's reports link into, as groupings of the member reports and the selectors "
     "that link them, with a relationship saying why each link holds; each marked with the most "
     "restrictive TLP of its reports. The reports are in the reports collection.",
     true, false},
    {"lures", "Lure accounts",
     "The phones, e-mail addresses and handles that this node's job-lure reports name, each as an indicator "
     "whose pattern matches it, with this node's sighting of it: how many lure reports, first and last seen, and "
     "their observed-data (in the reports collection). Marked with the most restrictive TLP of those reports; "
     "TLP:RED and partners' reports are not counted.",
     true, false},
    {"inbox", "Partner submissions",
     "Where partners post STIX bundles for this node; they are stored with their origin and TLP.", false, true},
}};

const CollectionInfo* find_collection_by_alias(std::string_view alias);
// The collection's TAXII id: a UUIDv5 of the node and the alias, so it is stable across restarts.
std::string collection_id(std::string_view node_name, std::string_view alias);
const CollectionInfo* find_collection(std::string_view node_name, std::string_view id);

// What a partner may do with a collection, given its agreement's collections (empty: every one).
struct CollectionAccess {
  bool can_read = false;
  bool can_write = false;
};
CollectionAccess access_to(const CollectionInfo& collection, const std::vector<std::string>& agreed_aliases);

// Parses the query parameters of a Get Objects, Get Manifest, Get Object or Get Object Versions request
// (added_after, limit, next, match[id|type|version|spec_version]) into a store query. `next` is the
// opaque value an earlier page returned. Errors are invalid_argument (400), naming the parameter.
using QueryParameters = std::vector<std::pair<std::string, std::string>>;
Result<storage::SharedObjectQuery> parse_object_query(const QueryParameters& parameters);

// The version a STIX object states: its `modified`, else its `created`, else empty.
std::string stated_version(const nlohmann::json& object);
// A STIX object as a collection keeps it: its id, type and stated version, and its TLP: the most
// restrictive TLP marking it carries, else `unmarked`. Nothing when it is not an object with a string
// type and an id of the form TYPE--ID (what a partner sends is untrusted).
std::optional<storage::SharedObject> to_shared_object(const nlohmann::json& object, std::string_view collection,
                                                      std::string_view origin, model::Tlp unmarked);

// TAXII timestamps: UTC with microseconds, "2026-03-01T01:15:00.123456Z" (date_added must be exact,
// so that added_after resumes where a page ended).
std::string format_taxii_time(Timestamp time);

// One page read from the store with limit + 1, so the renderer knows whether there is more.
struct Page {
  std::vector<storage::SharedObject> objects;
  bool more = false;
};
Page make_page(std::vector<storage::SharedObject> objects, std::size_t limit);

// The headers every page of objects carries: X-TAXII-Date-Added-First and -Last (none when empty).
std::vector<std::pair<std::string, std::string>> date_added_headers(const Page& page);

std::string discovery_json(std::string_view title, std::string_view contact);
std::string api_root_json(std::string_view title, std::size_t max_content_length);
nlohmann::json collection_json(std::string_view node_name, const CollectionInfo& collection, CollectionAccess access);
std::string collections_json(std::string_view node_name, const std::vector<std::string>& agreed_aliases);
std::string envelope_json(const Page& page);
std::string manifest_json(const Page& page);
std::string versions_json(const Page& page);

// A status resource for an envelope a partner posted (TAXII 2.1 section 4.3.1).
struct PostOutcome {
  std::string status_id;
  Timestamp request_timestamp;
  struct Detail {
    std::string id;
    std::string version;
    std::string message;  // why it failed; empty for a success
  };
  std::vector<Detail> successes;
  std::vector<Detail> failures;
};
std::string status_json(const PostOutcome& outcome);

// An error message resource (TAXII 2.1 section 3.6.1).
std::string error_json(int http_status, std::string_view title, std::string_view description);

}  // namespace jala::share
