#include "jala/server/sync_session.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/base/utf8.h"
#include "jala/classify/assess.h"
#include "jala/intake/record_builder.h"
#include "jala/server/publisher.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_import.h"
#include "jala/share/taxii.h"

namespace jala::server {
namespace {

// scheme://host[:port] of a URL, to resolve the server's absolute paths against.
std::string origin_of(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t path = scheme_end == std::string_view::npos ? url.size() : url.find('/', scheme_end + 3);
  return std::string(url.substr(0, std::min(path, url.size())));
}

// A URL the partner's discovery names, resolved against `base`. The node's secret goes with every request,
// so an API root on another origin (another host, or http instead of https) is refused, not followed.
Result<std::string> resolve(std::string_view base, std::string_view reference) {
  if (reference.starts_with('/') && !reference.starts_with("//")) return origin_of(base) + std::string(reference);
  const std::string origin = origin_of(base);
  if (reference.starts_with(origin + "/")) return std::string(reference);
  return invalid_argument(
      "the partner's discovery names an API root elsewhere ({}); jala sync sends its secret "
      "only to {}",
      quote_untrusted(reference), origin);
}

// A query parameter's value, percent-encoded but for RFC 3986's unreserved characters.
std::string query_value(std::string_view value) {
  std::string encoded;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", byte);
    }
  }
  return encoded;
}

// A collection id as it may go into a URL path: TAXII's are UUIDs.
bool is_collection_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

// GETs of the partner's TAXII resources, each answer checked to be a JSON object.
class Puller {
 public:
  explicit Puller(const PartnerGet& get) : m_get(get) {}

  Result<nlohmann::json> get(const std::string& url, ClientResponse* response_out = nullptr) {
    JALA_TRY_ASSIGN(ClientResponse response, m_get(url));
    if (response.status == 401) return invalid_argument("{} refused this node's secret (401)", url);
    if (response.status != 200) return unavailable("{} answered {}: {}", url, response.status, response.body);
    Result<nlohmann::json> answer = parse_untrusted_json(response.body, {});
    if (!answer.ok()) return data_loss("{} did not answer usable JSON: {}", url, answer.error().message());
    nlohmann::json parsed = std::move(answer).value();
    if (!parsed.is_object()) return data_loss("{} did not answer a JSON object", url);
    if (response_out != nullptr) *response_out = std::move(response);
    return parsed;
  }

 private:
  const PartnerGet& m_get;
};

struct Pulled {
  std::vector<nlohmann::json> objects;
  std::optional<std::string> last_added;  // X-TAXII-Date-Added-Last of the last page with objects
};

Result<Pulled> pull_collection(Puller& puller, const std::string& objects_url,
                               const std::optional<std::string>& after) {
  Pulled pulled;
  std::optional<std::string> next;
  for (;;) {
    std::string url = objects_url + "?limit=" + std::to_string(share::k_max_page_objects);
    if (after) url += "&added_after=" + query_value(*after);
    if (next) url += "&next=" + query_value(*next);
    ClientResponse response;
    JALA_TRY_ASSIGN(const nlohmann::json envelope, puller.get(url, &response));
    const nlohmann::json* objects = array_member(envelope, "objects");
    for (const nlohmann::json& object : objects == nullptr ? nlohmann::json::array() : *objects) {
      if (pulled.objects.size() >= 1'000'000) {
        return invalid_argument("{} sent more than a million objects at once", url);
      }
      pulled.objects.push_back(object);
    }
    if (const std::optional<std::string_view> last = response.header("x-taxii-date-added-last")) {
      pulled.last_added = std::string(*last);
    }
    const auto more = envelope.find("more");
    if (more == envelope.end() || *more != true) break;
    // A page that says there is more must move on: with no objects, or the same next again, it would
    // loop forever.
    const std::optional<std::string_view> given = string_member(envelope, "next");
    if (!given) return data_loss("{} said there is more but gave no next", url);
    if (objects == nullptr || objects->empty() || next == *given) {
      return data_loss("{} said there is more but sent nothing new", url);
    }
    next = std::string(*given);
  }
  return pulled;
}

// The new objects with every object they refer to that came in an earlier sync: a report published
// again refers to observables the partner sent before.
Result<nlohmann::json> bundle_with_references(const storage::ReadView& view, const std::string& partner,
                                              const std::vector<nlohmann::json>& objects) {
  std::set<std::string> have;
  std::vector<std::string> wanted;
  // The partner's objects are read without trusting their shape: an "id" that is no string, or an object
  // that is no object, must not throw (found by fuzz_sync).
  for (const nlohmann::json& object : objects) {
    if (const std::optional<std::string_view> id = string_member(object, "id")) have.emplace(*id);
  }
  for (const nlohmann::json& object : objects) {
    const nlohmann::json* references = array_member(object, "object_refs");
    for (const nlohmann::json& reference : references == nullptr ? nlohmann::json::array() : *references) {
      if (reference.is_string() && !have.contains(reference.get<std::string>())) {
        wanted.push_back(reference.get<std::string>());
        have.insert(reference.get<std::string>());
      }
    }
  }
  nlohmann::json bundle = {{"type", "bundle"}, {"id", "bundle--00000000-0000-4000-8000-000000000000"}};
  bundle["objects"] = objects;
  for (std::size_t first = 0; first < wanted.size(); first += 500) {
    storage::SharedObjectQuery query;
    query.collection = "from:" + partner;
    query.ids.assign(wanted.begin() + static_cast<std::ptrdiff_t>(first),
                     wanted.begin() + static_cast<std::ptrdiff_t>(std::min(first + 500, wanted.size())));
    query.tlp_max = model::Tlp::red;
    query.limit = query.ids.size();
    JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> found, view.shared_objects(query));
    for (const storage::SharedObject& object : found) bundle["objects"].push_back(nlohmann::json::parse(object.object));
  }
  return bundle;
}

// The sources of the reports the store holds, read once before a sync: a partner's report must not take
// over one of them, which would overwrite this node's report (a TLP:RED one too) and stop its other
// reports of that source from being published.
Result<std::set<std::string>> sources_held(storage::Store& store) {
  std::set<std::string> sources;
  JALA_TRY(store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const storage::StoreStats stats, view.stats());
    for (const auto& [source, count] : stats.reports_by_source) sources.insert(source);
    return {};
  }));
  return sources;
}

}  // namespace

Result<SyncCounts> sync_from(const PartnerGet& get, std::string_view base_url, const std::string& partner,
                             storage::Store& store, const classify::Model& classifier,
                             const std::function<void(std::string_view)>& warn) {
  Puller puller(get);
  const std::string base(base_url.ends_with('/') ? base_url.substr(0, base_url.size() - 1) : base_url);
  JALA_TRY_ASSIGN(const nlohmann::json discovery, puller.get(base + "/taxii2/"));
  const std::string default_root = "/taxii2/" + std::string(share::k_api_root) + "/";
  JALA_TRY_ASSIGN(std::string root, resolve(base, string_member(discovery, "default").value_or(default_root)));
  if (!root.ends_with('/')) root += '/';
  JALA_TRY_ASSIGN(const nlohmann::json collections, puller.get(root + "collections/"));
  JALA_TRY_ASSIGN(const std::set<std::string> held_sources, sources_held(store));

  SyncCounts counts;
  const nlohmann::json* listed = array_member(collections, "collections");
  for (const nlohmann::json& collection : listed == nullptr ? nlohmann::json::array() : *listed) {
    const auto can_read = collection.is_object() ? collection.find("can_read") : collection.end();
    if (can_read == collection.end() || *can_read != true) continue;
    const std::string id(string_member(collection, "id").value_or(""));
    if (!is_collection_id(id)) {
      warn(fmt::format("the partner lists a collection whose id is no UUID: {}", quote_untrusted(id)));
      continue;
    }
    const std::string cursor_name = fmt::format("sync:{}:{}", partner, id);
    std::optional<std::string> after;
    Status read = store.read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(after, view.share_state(cursor_name));
      return {};
    });
    if (!read.ok()) return read.error();
    JALA_TRY_ASSIGN(const Pulled pulled,
                    pull_collection(puller, fmt::format("{}collections/{}/objects/", root, id), after));
    if (pulled.objects.empty()) continue;
    Status written = store.write([&](storage::WriteTransaction& transaction) -> Status {
      for (const nlohmann::json& object : pulled.objects) {
        const std::optional<storage::SharedObject> shared =
            share::to_shared_object(object, "from:" + partner, partner, model::k_default_tlp);
        if (!shared) {
          ++counts.invalid_objects;
          continue;
        }
        JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(*shared));
        counts.objects += added ? 1 : 0;
      }
      JALA_TRY_ASSIGN(const nlohmann::json bundle, bundle_with_references(transaction, partner, pulled.objects));
      share::ImportOptions import;
      import.default_source = partner;
      JALA_TRY_ASSIGN(share::DocumentImport imported, share::import_stix_document(bundle, import));
      counts.skipped += imported.skipped_objects;
      for (share::ImportedReport& report : imported.reports) {
        if (!report.report.ok()) {
          ++counts.failed;
          warn(fmt::format("{}: {}", report.origin, report.report.error().message()));
          continue;
        }
        JALA_TRY_ASSIGN(const std::optional<std::string> owner,
                        transaction.share_state(synced_source_state(report.report->source)));
        if (owner ? *owner != partner : held_sources.contains(report.report->source)) {
          ++counts.failed;
          warn(fmt::format("{}: source '{}' is {}; a partner's report may not overwrite or join it", report.origin,
                           report.report->source, owner ? "partner " + *owner + "'s" : "this node's own"));
          continue;
        }
        JALA_TRY(transaction.set_share_state(synced_source_state(report.report->source), partner));
        intake::add_text_selectors(*report.report);
        report.report->assessment = classify::assess(classifier, *report.report);
        JALA_TRY_ASSIGN(const storage::PutOutcome outcome, transaction.put_report(*report.report));
        const bool changed = outcome != storage::PutOutcome::unchanged;
        counts.reports += changed ? 1 : 0;
        counts.withdrawn += changed && report.report->withdrawn ? 1 : 0;
      }
      return pulled.last_added ? transaction.set_share_state(cursor_name, *pulled.last_added) : Status{};
    });
    if (!written.ok()) return written.error();
  }
  return counts;
}

}  // namespace jala::server
