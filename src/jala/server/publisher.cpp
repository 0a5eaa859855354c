#include "jala/server/publisher.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/taxii.h"

namespace jala::server {
namespace {

constexpr std::string_view k_identity_state = "node:identity";
constexpr std::string_view k_cursor_state = "publish:reports";
// Which definitions are published: bump the version when the extension definitions change.
constexpr std::string_view k_definitions_state = "publish:definitions";
std::string definitions_version(const share::NodeIdentity& node) { return "1 " + node.name; }
constexpr std::size_t k_batch = 500;

// A published object: in the reports collection, from this node, at `tlp`, made from `record` if any.
Result<storage::SharedObject> shared(const nlohmann::json& object, model::Tlp tlp, const storage::RecordKey* record) {
  std::optional<storage::SharedObject> made = share::to_shared_object(object, "reports", "local", tlp);
  if (!made) return internal_error("the STIX export made an object without a type or id: {}", object.dump());
  made->tlp = tlp;
  if (record != nullptr) {
    made->record_source = record->source;
    made->record_id = record->id;
  }
  return std::move(*made);
}

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
    JALA_TRY_ASSIGN(const storage::SharedObject definition, shared(object, model::Tlp::clear, nullptr));
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
  JALA_TRY_ASSIGN(const std::optional<std::string> cursor, view.share_state(k_cursor_state));
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
    JALA_TRY_ASSIGN(const auto next, view.logged_after("report", after, 1));
    found.reports = !next.empty();
    return {};
  });
  if (!read.ok()) return read.error();
  return found;
}

// Publishes the next batch; false when there was nothing left.
Result<bool> publish_batch(storage::WriteTransaction& transaction, const share::NodeIdentity& node,
                           PublishCounts& counts) {
  JALA_TRY_ASSIGN(const std::optional<std::uint64_t> after, published_up_to(transaction));
  JALA_TRY_ASSIGN(const auto logged, transaction.logged_after("report", after, k_batch));
  if (logged.empty()) return false;
  for (const auto& [index, key] : logged) {
    JALA_TRY_ASSIGN(const std::optional<model::Report> report, transaction.find_report(key));
    if (!report) return data_loss("report {} {} is logged but not stored", key.source, key.id);
    if (report->tlp == model::Tlp::red) {
      ++counts.left_private;
      continue;
    }
    JALA_TRY_ASSIGN(const std::optional<std::string> partner, transaction.share_state("synced-source:" + key.source));
    if (partner) {  // a partner's report is theirs to share, not this node's
      ++counts.from_partners;
      continue;
    }
    JALA_TRY_ASSIGN(const Timestamp modified, logged_at(transaction, index));
    for (const nlohmann::json& object : share::report_objects(*report, node, modified)) {
      JALA_TRY_ASSIGN(const storage::SharedObject published, shared(object, report->tlp, &key));
      JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(published));
      counts.objects += added ? 1 : 0;
    }
    ++counts.reports;
  }
  JALA_TRY(transaction.set_share_state(k_cursor_state, std::to_string(logged.back().first)));
  return true;
}

}  // namespace

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

}  // namespace jala::server
