#include "jala/server/publisher.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <nlohmann/json.hpp>

#include "jala/server/publishing.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_selectors.h"
#include "jala/share/taxii.h"

namespace jala::server {
namespace {

using publishing::k_reports_cursor_state;
using publishing::shared;

constexpr std::string_view k_identity_state = "node:identity";
// Which definitions are published: bump the version when the extension definitions change.
constexpr std::string_view k_definitions_state = "publish:definitions";
std::string definitions_version(const share::NodeIdentity& node) { return "2 " + node.name; }
constexpr std::size_t k_batch = 500;

// What every reader of the collection needs to understand the rest: who wrote it and what the
// markings and extensions mean.
Result<std::size_t> publish_definitions(storage::WriteTransaction& transaction, const share::NodeIdentity& node) {
  std::vector<nlohmann::json> objects = share::identity_objects(node);
  for (const model::Tlp level : model::k_tlp_levels) objects.push_back(share::tlp_marking_object(level));
  objects.push_back(share::jala_identity_object());  // the author the extension definitions name
  for (const share::JalaExtension extension : share::jala_extensions()) {
    objects.push_back(share::extension_definition_object(extension));
  }
  std::size_t added = 0;
  for (const nlohmann::json& object : objects) {
    JALA_TRY_ASSIGN(const storage::SharedObject definition, shared(object, "reports", model::Tlp::clear, nullptr));
    JALA_TRY_ASSIGN(const bool new_version, transaction.put_shared_object(definition));
    added += new_version ? 1 : 0;
  }
  return added;
}

Result<Timestamp> logged_at(const storage::ReadView& view, std::uint64_t index) {
  JALA_TRY_ASSIGN(const std::string entry, view.log_entry(index));
  const nlohmann::json parsed = nlohmann::json::parse(entry, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("logged_at") || !parsed["logged_at"].is_string()) {
    return data_loss("log entry {} has no logged_at", index);
  }
  return parse_rfc3339(parsed["logged_at"].get<std::string>());
}

// The last log leaf published, if any.
Result<std::optional<std::uint64_t>> published_up_to(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const std::optional<std::string> cursor, view.share_state(k_reports_cursor_state));
  if (!cursor) return std::optional<std::uint64_t>();
  std::uint64_t leaf = 0;
  const auto [end, error] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), leaf);
  if (error != std::errc() || end != cursor->data() + cursor->size()) {
    return data_loss("the publishing cursor '{}' is not a log leaf", *cursor);
  }
  return std::optional<std::uint64_t>(leaf);
}

// What a publication would do, read without the write lock: whether the definitions and any reports
// are yet to be published. Most of the serve loop's ticks find neither, and take no lock.
struct Pending {
  bool definitions = false;
  bool reports = false;
};
Result<Pending> pending(storage::Store& store, const share::NodeIdentity& node) {
  Pending found;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::optional<std::string> defined, view.share_state(k_definitions_state));
    found.definitions = defined != definitions_version(node);
    JALA_TRY_ASSIGN(const std::optional<std::uint64_t> after, published_up_to(view));
    JALA_TRY_ASSIGN(const auto next, view.reports_logged_after(after, 1));
    found.reports = !next.empty();
    return {};
  });
  if (!read.ok()) return read.error();
  return found;
}

// How many reports naming an observable are looked at for one that shares it at a lower TLP; past that
// many, the observable follows the raised report, which errs towards sharing less.
constexpr std::size_t k_sharers_looked_at = 100;

// The lowest TLP at which this node's own reports (not a partner's, which this node does not publish) share
// `selector`, now that `raised` is at `raised_tlp`, and the report that shares it there.
struct Sharer {
  model::Tlp tlp = model::Tlp::red;
  storage::RecordKey record;
};
Result<Sharer> lowest_sharer(storage::WriteTransaction& transaction, const model::Selector& selector,
                             const storage::RecordKey& raised, model::Tlp raised_tlp,
                             publishing::PartnerSources& partners) {
  Sharer lowest{raised_tlp, raised};
  JALA_TRY_ASSIGN(const storage::SelectorReports naming,
                  transaction.first_reports_with_selector(selector, k_sharers_looked_at));
  for (const storage::RecordKey& key : naming.first) {
    if (key.source == raised.source && key.id == raised.id) continue;
    JALA_TRY_ASSIGN(const std::optional<model::Report> other, transaction.find_report(key));
    if (!other || other->tlp >= lowest.tlp) continue;
    JALA_TRY_ASSIGN(const bool partners_report, partners.is_partners(transaction, key.source));
    if (!partners_report) lowest = {other->tlp, key};
  }
  return lowest;
}

bool is_observable(const nlohmann::json& object) {
  const std::string type = object.value("type", "");
  return type != "report" && type != "observed-data";
}

// The latest published version of each of these reports (by the id of its report object), for those
// published before: its TLP and version, and whether it was revoked. One read per batch.
struct PublishedReport {
  model::Tlp tlp = model::Tlp::red;
  std::string version;
  bool revoked = false;
};
using PublishedReports = std::map<std::string, PublishedReport, std::less<>>;
Result<PublishedReports> published_reports(storage::WriteTransaction& transaction,
                                           const std::vector<std::pair<std::uint64_t, storage::RecordKey>>& logged) {
  storage::SharedObjectQuery query;
  query.collection = "reports";
  for (const auto& [index, key] : logged) query.ids.push_back(share::report_object_id(key.source, key.id));
  query.tlp_max = model::Tlp::red;
  query.limit = query.ids.size();
  JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> latest, transaction.shared_objects(query));
  PublishedReports reports;
  for (const storage::SharedObject& object : latest) {
    const nlohmann::json body = nlohmann::json::parse(object.object, nullptr, false);
    const bool revoked = body.is_object() && body.value("revoked", false) == true;
    reports.emplace(object.id, PublishedReport{object.tlp, object.version, revoked});
  }
  return reports;
}

// The observables of a report raised after it was shared rise with it, to the lowest TLP at which another
// of this node's own reports still shares them. An observable has one version, so it is raised in place,
// marked anew. (The report's own objects get a new version at the new TLP, and an object whose latest
// version is above a partner's limit is served to it no more: storage::SharedObjectQuery.)
Status raise_observables(storage::WriteTransaction& transaction, const model::Report& report,
                         const storage::RecordKey& key, const std::vector<nlohmann::json>& objects) {
  std::map<std::string, const nlohmann::json*, std::less<>> observables;  // by id
  for (const nlohmann::json& object : objects) {
    if (is_observable(object)) observables.emplace(object["id"].get<std::string>(), &object);
  }
  publishing::PartnerSources partners;
  for (const model::Selector& selector : model::named_selectors(report)) {
    const auto observable = observables.find(share::selector_object_id(selector));
    if (observable == observables.end()) continue;  // raised already: two selectors may be one observable
    JALA_TRY_ASSIGN(const Sharer lowest, lowest_sharer(transaction, selector, key, report.tlp, partners));
    nlohmann::json marked = *observable->second;
    marked["object_marking_refs"] = nlohmann::json::array({share::tlp_marking_id(lowest.tlp)});
    JALA_TRY_ASSIGN(const storage::SharedObject raised, shared(marked, "reports", lowest.tlp, &lowest.record));
    JALA_TRY(transaction.raise_shared_object(raised));
    observables.erase(observable);
  }
  return {};
}

// Publishes the next batch; false when there was nothing left. A TLP:RED report is not published; one
// raised to RED after it was shared is withdrawn: its report and observed-data objects get a RED version.
// A withdrawn report is published revoked, and nothing of it after that: STIX gives a revoked object no
// later version.
Result<bool> publish_batch(storage::WriteTransaction& transaction, const share::NodeIdentity& node,
                           PublishCounts& counts) {
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> after, published_up_to(transaction));
  JALA_TRY_ASSIGN(const auto logged, transaction.reports_logged_after(after, k_batch));
  if (logged.empty()) return false;
  JALA_TRY_ASSIGN(PublishedReports published, published_reports(transaction, logged));
  for (const auto& [index, key] : logged) {
    JALA_TRY_ASSIGN(const std::optional<model::Report> report, transaction.find_report(key));
    if (!report) return data_loss("report {} {} is logged but not stored", key.source, key.id);
    const bool red = report->tlp == model::Tlp::red;
    if (!red) {
      JALA_TRY_ASSIGN(const std::optional<std::string> partner,
                      transaction.share_state(synced_source_state(key.source)));
      if (partner) {  // a partner's report is theirs to share, not this node's
        ++counts.from_partners;
        continue;
      }
    }
    const std::string report_id = share::report_object_id(key.source, key.id);
    const auto earlier = published.find(report_id);
    if (earlier != published.end() && earlier->second.revoked) {
      ++counts.stay_revoked;
      continue;
    }
    const bool raised = earlier != published.end() && earlier->second.tlp < report->tlp;
    if (red && !raised) {
      ++counts.left_private;
      continue;
    }
    JALA_TRY_ASSIGN(Timestamp modified, logged_at(transaction, index));
    if (earlier != published.end()) {
      JALA_TRY_ASSIGN(modified, publishing::time_after_version(modified, earlier->second.version));
    }
    const std::vector<nlohmann::json> objects = share::report_objects(*report, node, modified);
    for (const nlohmann::json& object : objects) {
      if (red && is_observable(object)) continue;
      JALA_TRY_ASSIGN(const storage::SharedObject shared_object, shared(object, "reports", report->tlp, &key));
      JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(shared_object));
      counts.objects += (added && !red) ? 1 : 0;
    }
    if (raised) JALA_TRY(raise_observables(transaction, *report, key, objects));
    published.insert_or_assign(report_id,
                               PublishedReport{report->tlp, share::format_stix_time(modified), report->withdrawn});
    ++(red ? counts.left_private : counts.reports);
  }
  JALA_TRY(transaction.set_share_state(k_reports_cursor_state, std::to_string(logged.back().first)));
  return true;
}

}  // namespace

constexpr std::string_view k_synced_source_prefix = "synced-source:";

std::string synced_source_state(std::string_view source) { return fmt::format("{}{}", k_synced_source_prefix, source); }

Result<std::vector<std::string>> synced_sources(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const auto states, view.share_states_with_prefix(k_synced_source_prefix));
  std::vector<std::string> sources;
  sources.reserve(states.size());
  for (const auto& [name, partner] : states) sources.push_back(name.substr(k_synced_source_prefix.size()));
  return sources;
}

Result<std::optional<share::NodeIdentity>> stored_node_identity(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const std::optional<std::string> stored, view.share_state(k_identity_state));
  if (!stored) return std::optional<share::NodeIdentity>();
  const nlohmann::json parsed = nlohmann::json::parse(*stored, nullptr, false);
  if (!parsed.is_object() || !parsed.value("name", nlohmann::json()).is_string()) {
    return data_loss("the stored node identity is not valid JSON: {}", *stored);
  }
  share::NodeIdentity node;
  node.name = parsed["name"].get<std::string>();
  node.country = parsed.value("country", "");
  JALA_TRY_ASSIGN(node.created, parse_rfc3339(parsed.value("created", "")));
  return std::optional<share::NodeIdentity>(std::move(node));
}

Status store_node_identity(storage::WriteTransaction& transaction, const share::NodeIdentity& node) {
  return transaction.set_share_state(
      k_identity_state,
      nlohmann::json{{"name", node.name}, {"country", node.country}, {"created", format_rfc3339(node.created)}}.dump());
}

Result<PublishCounts> publish(storage::Store& store, const share::NodeIdentity& node,
                              const std::function<bool(std::size_t)>& go_on) {
  PublishCounts counts;
  JALA_TRY_ASSIGN(const Pending todo, pending(store, node));
  if (todo.definitions) {
    const Status defined = store.write([&](storage::WriteTransaction& transaction) -> Status {
      JALA_TRY_ASSIGN(const std::size_t added, publish_definitions(transaction, node));
      counts.objects += added;
      return transaction.set_share_state(k_definitions_state, definitions_version(node));
    });
    if (!defined.ok()) return defined.error();
  }
  for (bool more = todo.reports; more;) {
    const Status batch = store.write([&](storage::WriteTransaction& transaction) -> Status {
      JALA_TRY_ASSIGN(more, publish_batch(transaction, node, counts));
      return {};
    });
    if (!batch.ok()) return batch.error();
    if (more && go_on && !go_on(counts.reports + counts.left_private + counts.from_partners + counts.stay_revoked)) {
      break;
    }
  }
  return counts;
}

}  // namespace jala::server
