#include "jala/server/publisher.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <nlohmann/json.hpp>

#include "jala/base/sha256.h"
#include "jala/server/publishing.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_network.h"
#include "jala/share/stix_selectors.h"
#include "jala/share/taxii.h"

namespace jala::server {
namespace {

using publishing::k_reports_cursor_state;
using publishing::shared;

constexpr std::string_view k_identity_state = "node:identity";
// The reports cursor at which the networks were last published, and each network's published digest.
constexpr std::string_view k_networks_cursor_state = "publish:networks";
std::string network_state(std::string_view network_id) { return fmt::format("publish:network:{}", network_id); }
constexpr std::size_t k_network_batch = 100;
constexpr std::size_t k_objects_per_put = 1000;
// Which definitions are published: bump the version when the extension definitions change.
constexpr std::string_view k_definitions_state = "publish:definitions";
std::string definitions_version(const share::NodeIdentity& node) { return "1 " + node.name; }
constexpr std::size_t k_batch = 500;

// What every reader of the collection needs to understand the rest: who wrote it and what the
// markings and extensions mean.
Result<std::size_t> publish_definitions(storage::WriteTransaction& transaction, const share::NodeIdentity& node) {
  std::vector<nlohmann::json> objects = share::identity_objects(node);
  for (const model::Tlp level : model::k_tlp_levels) objects.push_back(share::tlp_marking_object(level));
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

// How many reports naming an observable are looked at for one that still shares it; past that many, the
// observable is withdrawn, which errs towards sharing less.
constexpr std::size_t k_sharers_looked_at = 100;

// Whether a report other than `withdrawn` still shares `selector`: one of this node's own (not a
// partner's, which this node does not publish) below TLP:RED.
Result<bool> still_shared(storage::WriteTransaction& transaction, const model::Selector& selector,
                          const storage::RecordKey& withdrawn, publishing::PartnerSources& partners) {
  JALA_TRY_ASSIGN(const storage::SelectorReports naming,
                  transaction.first_reports_with_selector(selector, k_sharers_looked_at));
  for (const storage::RecordKey& key : naming.first) {
    if (key.source == withdrawn.source && key.id == withdrawn.id) continue;
    JALA_TRY_ASSIGN(const std::optional<model::Report> other, transaction.find_report(key));
    if (!other || other->tlp == model::Tlp::red) continue;
    JALA_TRY_ASSIGN(const bool partners_report, partners.is_partners(transaction, key.source));
    if (!partners_report) return true;
  }
  return false;
}

// A report raised to TLP:RED after it was shared is withdrawn: its report and observed-data objects get a
// RED version, and so do the observables that no other shared report names. An object whose latest
// version is above a partner's limit is served to it no more (storage::SharedObjectQuery). A report that
// was never shared gets nothing.
Status withdraw_if_shared(storage::WriteTransaction& transaction, const model::Report& report,
                          const storage::RecordKey& key, const share::NodeIdentity& node, Timestamp modified) {
  // The report is RED now, so these objects are already marked RED.
  std::vector<nlohmann::json> own;
  std::map<std::string, nlohmann::json, std::less<>> observables;  // by id
  for (nlohmann::json& object : share::report_objects(report, node, modified)) {
    const std::string type = object.value("type", "");
    if (type == "report" || type == "observed-data") {
      own.push_back(std::move(object));
    } else {
      observables.emplace(object["id"].get<std::string>(), std::move(object));
    }
  }
  storage::SharedObjectQuery query;
  query.collection = "reports";
  for (const nlohmann::json& object : own) query.ids.push_back(object["id"].get<std::string>());
  query.versions = {.all = true};
  query.tlp_max = model::Tlp::red;
  query.limit = 1;
  JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> published, transaction.shared_objects(query));
  if (published.empty()) return {};
  for (const nlohmann::json& object : own) {
    JALA_TRY_ASSIGN(const storage::SharedObject withdrawn, shared(object, "reports", model::Tlp::red, &key));
    JALA_TRY(transaction.put_shared_object(withdrawn));
  }
  // An observable has one version, so it is withdrawn in place.
  publishing::PartnerSources partners;
  for (const model::Selector& selector : model::named_selectors(report)) {
    const auto observable = observables.find(share::selector_object_id(selector));
    if (observable == observables.end()) continue;  // withdrawn already: two selectors may be one observable
    JALA_TRY_ASSIGN(const bool kept, still_shared(transaction, selector, key, partners));
    if (kept) continue;
    JALA_TRY_ASSIGN(const storage::SharedObject withdrawn,
                    shared(observable->second, "reports", model::Tlp::red, &key));
    JALA_TRY(transaction.withdraw_shared_object(withdrawn));
    observables.erase(observable);
  }
  return {};
}

// Publishes the next batch; false when there was nothing left.
Result<bool> publish_batch(storage::WriteTransaction& transaction, const share::NodeIdentity& node,
                           PublishCounts& counts) {
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> after, published_up_to(transaction));
  JALA_TRY_ASSIGN(const auto logged, transaction.reports_logged_after(after, k_batch));
  if (logged.empty()) return false;
  for (const auto& [index, key] : logged) {
    JALA_TRY_ASSIGN(const std::optional<model::Report> report, transaction.find_report(key));
    if (!report) return data_loss("report {} {} is logged but not stored", key.source, key.id);
    if (report->tlp == model::Tlp::red) {
      JALA_TRY_ASSIGN(const Timestamp modified, logged_at(transaction, index));
      JALA_TRY(withdraw_if_shared(transaction, *report, key, node, modified));
      ++counts.left_private;
      continue;
    }
    JALA_TRY_ASSIGN(const std::optional<std::string> partner, transaction.share_state(synced_source_state(key.source)));
    if (partner) {  // a partner's report is theirs to share, not this node's
      ++counts.from_partners;
      continue;
    }
    JALA_TRY_ASSIGN(const Timestamp modified, logged_at(transaction, index));
    for (const nlohmann::json& object : share::report_objects(*report, node, modified)) {
      JALA_TRY_ASSIGN(const storage::SharedObject published, shared(object, "reports", report->tlp, &key));
      JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(published));
      counts.objects += added ? 1 : 0;
    }
    ++counts.reports;
  }
  JALA_TRY(transaction.set_share_state(k_reports_cursor_state, std::to_string(logged.back().first)));
  return true;
}

// A network to publish, with the digest of what it says. Its objects are made again when they are put,
// a batch at a time, so that a first publication of a large store does not hold them all.
struct ChangedNetwork {
  const graph::NetworkSummary* network = nullptr;
  std::string digest;
};

std::vector<nlohmann::json> network_objects(const analysis::LinkedStore& linked, const graph::NetworkSummary& network,
                                            const share::NodeIdentity& node) {
  return share::network_objects(share::network_export(linked.input, network), node);
}

// Whether a network stays home: it has a TLP:RED report, or a report a partner's sync brought in.
Result<bool> kept_home(const storage::ReadView& view, const analysis::LinkedStore& linked,
                       const graph::NetworkSummary& network, publishing::PartnerSources& partners) {
  for (const graph::ReportId r : network.reports) {
    const graph::ReportFacts& facts = linked.input.report(r);
    if (facts.tlp == model::Tlp::red) return true;
    JALA_TRY_ASSIGN(const bool partners_report, partners.is_partners(view, facts.source));
    if (partners_report) return true;
  }
  return false;
}

// The networks whose published version is missing or says something else now.
Result<std::vector<ChangedNetwork>> changed_networks(const storage::ReadView& view, const analysis::LinkedStore& linked,
                                                     const share::NodeIdentity& node, NetworkPublishCounts& counts) {
  std::vector<ChangedNetwork> changed;
  publishing::PartnerSources partners;
  for (const graph::NetworkSummary& network : linked.ranked) {
    JALA_TRY_ASSIGN(const bool home, kept_home(view, linked, network, partners));
    if (home) {
      ++counts.kept_home;
      continue;
    }
    std::string said;
    for (const nlohmann::json& object : network_objects(linked, network, node)) said += object.dump();
    std::string digest = to_hex(sha256(said));
    JALA_TRY_ASSIGN(const std::optional<std::string> published, view.share_state(network_state(network.id)));
    if (published != digest) changed.push_back({&network, std::move(digest)});
  }
  return changed;
}

// Puts the objects of the networks that say something new, reading their latest versions a thousand
// objects at a time (publishing::put_new_versions): an object that says what its latest version says is
// left as it is, so a network that grows by one report changes its grouping and the relationships of
// the links that report names, not the others.
Status put_networks(storage::WriteTransaction& transaction, const analysis::LinkedStore& linked,
                    std::span<const ChangedNetwork> networks, const share::NodeIdentity& node,
                    const std::string& published_at, NetworkPublishCounts& counts) {
  std::vector<publishing::MarkedObject> objects;
  const auto put_objects = [&]() -> Status {
    JALA_TRY_ASSIGN(const std::vector<bool> versioned,
                    publishing::put_new_versions(transaction, "networks", objects, published_at));
    counts.objects += static_cast<std::size_t>(std::ranges::count(versioned, true));
    objects.clear();
    return {};
  };
  for (const ChangedNetwork& changed : networks) {
    const share::NetworkExport exported = share::network_export(linked.input, *changed.network);
    for (nlohmann::json& object : share::network_objects(exported, node)) {
      objects.push_back({std::move(object), exported.tlp});
    }
    if (objects.size() >= k_objects_per_put) JALA_TRY(put_objects());
    JALA_TRY(transaction.set_share_state(network_state(changed.network->id), changed.digest));
    ++counts.networks;
  }
  return put_objects();
}

}  // namespace

std::string synced_source_state(std::string_view source) { return fmt::format("synced-source:{}", source); }

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
                              const std::function<void(std::size_t)>& progress) {
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
    if (progress) progress(counts.reports + counts.left_private + counts.from_partners);
  }
  return counts;
}

Result<NetworkPublishCounts> publish_networks(storage::Store& store, const share::NodeIdentity& node,
                                              AnalysisCache& analyses) {
  NetworkPublishCounts counts;
  std::optional<std::string> reports_cursor;
  std::optional<std::string> networks_cursor;
  std::shared_ptr<const analysis::LinkedStore> linked;
  std::vector<ChangedNetwork> changed;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(reports_cursor, view.share_state(k_reports_cursor_state));
    JALA_TRY_ASSIGN(networks_cursor, view.share_state(k_networks_cursor_state));
    if (!reports_cursor || networks_cursor == reports_cursor) return {};
    JALA_TRY_ASSIGN(linked, analyses.linked(view));
    JALA_TRY_ASSIGN(changed, changed_networks(view, *linked, node, counts));
    return {};
  });
  if (!read.ok()) return read.error();
  if (!reports_cursor || networks_cursor == reports_cursor) return counts;
  const std::string published_at = share::format_stix_time(now());
  JALA_TRY(publishing::write_in_batches(
      store, changed.size(), k_network_batch,
      [&](storage::WriteTransaction& transaction, std::size_t from, std::size_t to) {
        return put_networks(transaction, *linked, std::span(changed).subspan(from, to - from), node, published_at,
                            counts);
      },
      k_networks_cursor_state, *reports_cursor));
  return counts;
}

}  // namespace jala::server
