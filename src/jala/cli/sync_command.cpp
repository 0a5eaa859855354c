// `jala sync`: pull a partner's readable TAXII collections since the last sync, keep every object with
// its origin and TLP (collection "from:PARTNER", never served), and import its reports so that they
// link like local ones: their text's selectors are extracted and they are assessed, as `jala ingest`
// does with a STIX file. Reports that came from a partner are never published onwards (publisher.h).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/base/utf8.h"
#include "jala/classify/assess.h"
#include "jala/cli/commands.h"
#include "jala/cli/share_commands.h"
#include "jala/intake/record_builder.h"
#include "jala/server/http_client.h"
#include "jala/server/publisher.h"
#include "jala/share/partners.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_import.h"
#include "jala/share/taxii.h"
#include "jala/storage/store.h"

namespace jala::cli {
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

class Puller {
 public:
  Puller(server::HttpClient& client, std::string secret) : m_client(client), m_secret(std::move(secret)) {}

  Result<nlohmann::json> get(const std::string& url, server::ClientResponse* response_out = nullptr) {
    JALA_TRY_ASSIGN(server::ClientResponse response,
                    m_client.get(url, {{"Accept", std::string(share::k_taxii_media_type)},
                                       {"Authorization", "Bearer " + m_secret}}));
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
  server::HttpClient& m_client;
  std::string m_secret;
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
    server::ClientResponse response;
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
  for (const nlohmann::json& object : objects) have.insert(object.value("id", ""));
  for (const nlohmann::json& object : objects) {
    for (const nlohmann::json& reference : object.value("object_refs", nlohmann::json::array())) {
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

}  // namespace

Result<std::string> partner_secret(const std::string& file) {
  std::string secret;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return unavailable("cannot read {}", file);
    std::getline(in, secret);
  } else if (const char* from_environment = std::getenv("JALA_PARTNER_SECRET"); from_environment != nullptr) {
    secret = from_environment;
  }
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ' || secret.back() == '\n')) secret.pop_back();
  if (secret.empty()) return invalid_argument("give the partner's secret with --secret-file or $JALA_PARTNER_SECRET");
  return secret;
}

namespace {

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

Status sync_command(const Context& context, const SyncArgs& args) {
  JALA_TRY(share::check_partner_name(args.partner));
  JALA_TRY_ASSIGN(const std::string secret, partner_secret(args.secret_file));
  JALA_TRY_ASSIGN(const classify::Model classifier,
                  classify::Model::load(args.model.empty() ? default_model_path() : args.model));
  server::ClientOptions options;
  options.ca_file = args.ca_file;
  JALA_TRY_ASSIGN(server::HttpClient client, server::HttpClient::make(options));
  Puller puller(client, secret);
  const std::string base = args.from.ends_with('/') ? args.from.substr(0, args.from.size() - 1) : args.from;
  JALA_TRY_ASSIGN(const nlohmann::json discovery, puller.get(base + "/taxii2/"));
  const std::string default_root = "/taxii2/" + std::string(share::k_api_root) + "/";
  JALA_TRY_ASSIGN(std::string root, resolve(base, string_member(discovery, "default").value_or(default_root)));
  if (!root.ends_with('/')) root += '/';
  JALA_TRY_ASSIGN(const nlohmann::json collections, puller.get(root + "collections/"));
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  JALA_TRY_ASSIGN(const std::set<std::string> held_sources, sources_held(*store));

  std::size_t objects = 0;
  std::size_t reports = 0;
  std::size_t failed = 0;
  std::size_t failed_objects = 0;  // not STIX objects with a type and an id: not kept
  std::size_t withdrawn = 0;       // new or changed reports the partner withdrew (revoked)
  std::size_t skipped = 0;         // objects that gave no report (stix_import.h)
  const nlohmann::json* listed = array_member(collections, "collections");
  for (const nlohmann::json& collection : listed == nullptr ? nlohmann::json::array() : *listed) {
    const auto can_read = collection.is_object() ? collection.find("can_read") : collection.end();
    if (can_read == collection.end() || *can_read != true) continue;
    const std::string id(string_member(collection, "id").value_or(""));
    if (!is_collection_id(id)) {
      fmt::print(stderr, "jala: sync: the partner lists a collection whose id is no UUID: {}\n", quote_untrusted(id));
      continue;
    }
    const std::string cursor_name = fmt::format("sync:{}:{}", args.partner, id);
    std::optional<std::string> after;
    Status read = store->read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(after, view.share_state(cursor_name));
      return {};
    });
    if (!read.ok()) return read;
    JALA_TRY_ASSIGN(const Pulled pulled,
                    pull_collection(puller, fmt::format("{}collections/{}/objects/", root, id), after));
    if (pulled.objects.empty()) continue;
    Status written = store->write([&](storage::WriteTransaction& transaction) -> Status {
      for (const nlohmann::json& object : pulled.objects) {
        const std::optional<storage::SharedObject> shared =
            share::to_shared_object(object, "from:" + args.partner, args.partner, model::k_default_tlp);
        if (!shared) {
          ++failed_objects;
          continue;
        }
        JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(*shared));
        objects += added ? 1 : 0;
      }
      JALA_TRY_ASSIGN(const nlohmann::json bundle, bundle_with_references(transaction, args.partner, pulled.objects));
      share::ImportOptions import;
      import.default_source = args.partner;
      JALA_TRY_ASSIGN(share::DocumentImport imported, share::import_stix_document(bundle, import));
      skipped += imported.skipped_objects;
      for (share::ImportedReport& report : imported.reports) {
        if (!report.report.ok()) {
          ++failed;
          fmt::print(stderr, "jala: sync: {}: {}\n", report.origin, report.report.error().message());
          continue;
        }
        JALA_TRY_ASSIGN(const std::optional<std::string> owner,
                        transaction.share_state(server::synced_source_state(report.report->source)));
        if (owner ? *owner != args.partner : held_sources.contains(report.report->source)) {
          ++failed;
          fmt::print(stderr, "jala: sync: {}: source '{}' is {}; a partner's report may not overwrite or join it\n",
                     report.origin, report.report->source, owner ? "partner " + *owner + "'s" : "this node's own");
          continue;
        }
        JALA_TRY(transaction.set_share_state(server::synced_source_state(report.report->source), args.partner));
        intake::add_text_selectors(*report.report);
        report.report->assessment = classify::assess(classifier, *report.report);
        JALA_TRY_ASSIGN(const storage::PutOutcome outcome, transaction.put_report(*report.report));
        const bool changed = outcome != storage::PutOutcome::unchanged;
        reports += changed ? 1 : 0;
        withdrawn += changed && report.report->withdrawn ? 1 : 0;
      }
      return pulled.last_added ? transaction.set_share_state(cursor_name, *pulled.last_added) : Status{};
    });
    if (!written.ok()) return written;
  }
  if (args.output == Output::json) {
    fmt::print("{}\n", nlohmann::json{{"partner", args.partner},
                                      {"objects", objects},
                                      {"reports", reports},
                                      {"failed", failed},
                                      {"invalid_objects", failed_objects},
                                      {"withdrawn", withdrawn},
                                      {"skipped", skipped}}
                           .dump());
  } else {
    fmt::print(
        "synced from {}: {} new objects, {} new or changed reports, {} reports could not be read, {} objects"
        " were not STIX objects, {} reports withdrawn by the partner, {} objects skipped\n",
        args.partner, objects, reports, failed, failed_objects, withdrawn, skipped);
  }
  return {};
}

}  // namespace jala::cli
