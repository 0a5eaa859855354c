#include "jala/share/taxii.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/model/text.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"

namespace jala::share {
namespace {

Result<std::size_t> parse_count(std::string_view name, std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) {
    return invalid_argument("{} must be a positive whole number, not {}", name, quote_untrusted(text));
  }
  return value;
}

// The version a manifest or version list shows: the stored version, else the time added (TAXII 2.1
// section 3.4.1 for objects without `modified` or `created`).
std::string shown_version(const storage::SharedObject& object) {
  return object.version.empty() ? format_taxii_time(object.added) : object.version;
}

}  // namespace

const CollectionInfo* find_collection_by_alias(std::string_view alias) {
  for (const CollectionInfo& collection : k_collections) {
    if (collection.alias == alias) return &collection;
  }
  return nullptr;
}

std::string collection_id(std::string_view node_name, std::string_view alias) {
  return format_uuid(uuid_v5(k_jala_namespace, canonical_json(nlohmann::json::array(
                                                   {"taxii-collection", std::string(node_name), std::string(alias)}))));
}

const CollectionInfo* find_collection(std::string_view node_name, std::string_view id) {
  for (const CollectionInfo& collection : k_collections) {
    if (collection_id(node_name, collection.alias) == id) return &collection;
  }
  return nullptr;
}

CollectionAccess access_to(const CollectionInfo& collection, const std::vector<std::string>& agreed_aliases) {
  const bool agreed = agreed_aliases.empty() ||
                      std::find(agreed_aliases.begin(), agreed_aliases.end(), collection.alias) != agreed_aliases.end();
  return {agreed && collection.partners_read, agreed && collection.partners_write};
}

Result<storage::SharedObjectQuery> parse_object_query(const QueryParameters& parameters) {
  storage::SharedObjectQuery query;
  query.limit = k_max_page_objects;
  bool other_spec_versions_only = false;
  for (const auto& [name, value] : parameters) {
    if (name == "added_after") {
      Result<Timestamp> after = parse_rfc3339(value);
      if (!after.ok()) return invalid_argument("added_after is not a timestamp: {}", after.error().message());
      query.added_after = std::max(query.added_after.value_or(*after), *after);
    } else if (name == "limit") {
      JALA_TRY_ASSIGN(const std::size_t limit, parse_count("limit", value));
      query.limit = std::min(limit, k_max_page_objects);
    } else if (name == "next") {
      std::int64_t micros = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), micros);
      if (error != std::errc() || end != value.data() + value.size()) {
        return invalid_argument("next is not a value this server gave: {}", quote_untrusted(value));
      }
      query.added_after = std::max(query.added_after.value_or(Timestamp{micros}), Timestamp{micros});
    } else if (name == "match[id]") {
      query.ids = model::split_list(value, ',');
    } else if (name == "match[type]") {
      query.types = model::split_list(value, ',');
    } else if (name == "match[version]") {
      query.versions = {};  // the values given, OR'ed
      for (const std::string& version : model::split_list(value, ',')) {
        if (version == "last") {
          query.versions.last = true;
        } else if (version == "first") {
          query.versions.first = true;
        } else if (version == "all") {
          query.versions.all = true;
        } else if (const Result<Timestamp> time = parse_rfc3339(version); time.ok()) {
          query.versions.exact.push_back(version);
          query.versions.exact_added.push_back(*time);
        } else {
          return invalid_argument("match[version] takes last, first, all or timestamps, not {}",
                                  quote_untrusted(version));
        }
      }
    } else if (name == "match[spec_version]") {
      const std::vector<std::string> versions = model::split_list(value, ',');
      other_spec_versions_only = std::find(versions.begin(), versions.end(), "2.1") == versions.end();
    } else {
      return invalid_argument("unknown query parameter {}", quote_untrusted(name));
    }
  }
  // Every stored object is STIX 2.1: asking only for other versions matches nothing, and no STIX type is
  // "-". Applied last, so that it holds whatever order the filters come in.
  if (other_spec_versions_only) query.types = {"-"};
  return query;
}

std::string stated_version(const nlohmann::json& object) {
  for (const char* field : {"modified", "created"}) {
    const auto found = object.find(field);
    if (found != object.end() && found->is_string()) return found->get<std::string>();
  }
  return {};
}

std::optional<storage::SharedObject> to_shared_object(const nlohmann::json& object, std::string_view collection,
                                                      std::string_view origin, model::Tlp unmarked) {
  if (!object.is_object()) return std::nullopt;
  const auto type = object.find("type");
  const auto id = object.find("id");
  if (type == object.end() || !type->is_string() || id == object.end() || !id->is_string() ||
      id->get_ref<const std::string&>().find("--") == std::string::npos) {
    return std::nullopt;
  }
  storage::SharedObject shared;
  shared.collection = std::string(collection);
  shared.id = id->get<std::string>();
  shared.type = type->get<std::string>();
  shared.version = stated_version(object);
  std::optional<model::Tlp> marked;
  if (const auto markings = object.find("object_marking_refs"); markings != object.end() && markings->is_array()) {
    for (const nlohmann::json& marking : *markings) {
      if (!marking.is_string()) continue;
      if (const std::optional<model::Tlp> level = tlp_of_marking_id(marking.get<std::string>())) {
        marked = std::max(marked.value_or(*level), *level);
      }
    }
  }
  shared.tlp = marked.value_or(unmarked);
  shared.origin = std::string(origin);
  shared.object = object.dump();
  return shared;
}

std::string format_taxii_time(Timestamp time) {
  const std::int64_t micros = ((time.unix_micros % 1'000'000) + 1'000'000) % 1'000'000;
  const std::string whole = format_rfc3339(Timestamp{time.unix_micros - micros});  // "...:SSZ"
  return fmt::format("{}.{:06}Z", std::string_view(whole).substr(0, whole.size() - 1), micros);
}

Page make_page(std::vector<storage::SharedObject> objects, std::size_t limit) {
  Page page;
  page.more = objects.size() > limit;
  if (page.more) objects.resize(limit);
  page.objects = std::move(objects);
  return page;
}

std::vector<std::pair<std::string, std::string>> date_added_headers(const Page& page) {
  if (page.objects.empty()) return {};
  return {{"X-TAXII-Date-Added-First", format_taxii_time(page.objects.front().added)},
          {"X-TAXII-Date-Added-Last", format_taxii_time(page.objects.back().added)}};
}

std::string discovery_json(std::string_view title, std::string_view contact) {
  const std::string root = fmt::format("/taxii2/{}/", k_api_root);
  nlohmann::json discovery = {{"title", title},
                              {"description", "A Jala node: scam intelligence shared under partner agreements."},
                              {"default", root},
                              {"api_roots", {root}}};
  if (!contact.empty()) discovery["contact"] = contact;
  return discovery.dump();
}

std::string api_root_json(std::string_view title, std::size_t max_content_length) {
  return nlohmann::json{{"title", title},
                        {"description", "Scam reports shared under partner agreements and TLP 2.0."},
                        {"versions", {k_taxii_media_type}},
                        {"max_content_length", max_content_length}}
      .dump();
}

nlohmann::json collection_json(std::string_view node_name, const CollectionInfo& collection, CollectionAccess access) {
  return {{"id", collection_id(node_name, collection.alias)},
          {"title", collection.title},
          {"description", collection.description},
          {"alias", collection.alias},
          {"can_read", access.can_read},
          {"can_write", access.can_write},
          {"media_types", {k_stix_media_type}}};
}

std::string collections_json(std::string_view node_name, const std::vector<std::string>& agreed_aliases) {
  nlohmann::json list = nlohmann::json::array();
  for (const CollectionInfo& collection : k_collections) {
    const CollectionAccess access = access_to(collection, agreed_aliases);
    if (access.can_read || access.can_write) list.push_back(collection_json(node_name, collection, access));
  }
  nlohmann::json collections = nlohmann::json::object();
  if (!list.empty()) collections["collections"] = std::move(list);
  return collections.dump();
}

std::string envelope_json(const Page& page) {
  // The stored objects are JSON already: spliced in as they are, not parsed again.
  std::string body = fmt::format(R"({{"more":{})", page.more ? "true" : "false");
  if (page.more) body += fmt::format(R"(,"next":"{}")", page.objects.back().added.unix_micros);
  if (!page.objects.empty()) {
    body += R"(,"objects":[)";
    for (std::size_t i = 0; i < page.objects.size(); ++i) {
      if (i > 0) body += ',';
      body += page.objects[i].object;
    }
    body += ']';
  }
  body += '}';
  return body;
}

std::string manifest_json(const Page& page) {
  nlohmann::json manifest = {{"more", page.more}};
  if (page.more) manifest["next"] = std::to_string(page.objects.back().added.unix_micros);
  for (const storage::SharedObject& object : page.objects) {
    manifest["objects"].push_back({{"id", object.id},
                                   {"date_added", format_taxii_time(object.added)},
                                   {"version", shown_version(object)},
                                   {"media_type", k_stix_media_type}});
  }
  return manifest.dump();
}

std::string versions_json(const Page& page) {
  nlohmann::json versions = {{"more", page.more}};
  if (page.more) versions["next"] = std::to_string(page.objects.back().added.unix_micros);
  for (const storage::SharedObject& object : page.objects) versions["versions"].push_back(shown_version(object));
  return versions.dump();
}

std::string status_json(const PostOutcome& outcome) {
  nlohmann::json status = {{"id", outcome.status_id},
                           {"status", "complete"},
                           {"request_timestamp", format_taxii_time(outcome.request_timestamp)},
                           {"total_count", outcome.successes.size() + outcome.failures.size()},
                           {"success_count", outcome.successes.size()},
                           {"failure_count", outcome.failures.size()},
                           {"pending_count", 0}};
  for (const PostOutcome::Detail& success : outcome.successes) {
    status["successes"].push_back({{"id", success.id}, {"version", success.version}});
  }
  for (const PostOutcome::Detail& failure : outcome.failures) {
    status["failures"].push_back({{"id", failure.id}, {"version", failure.version}, {"message", failure.message}});
  }
  return status.dump();
}

std::string error_json(int http_status, std::string_view title, std::string_view description) {
  return nlohmann::json{{"title", title}, {"description", description}, {"http_status", std::to_string(http_status)}}
      .dump();
}

}  // namespace jala::share
