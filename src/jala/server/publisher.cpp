#include "jala/server/publisher.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"

namespace jala::server {
namespace {

constexpr std::string_view k_identity_state = "node:identity";
constexpr std::string_view k_cursor_state = "publish:reports";
constexpr std::size_t k_batch = 500;

storage::SharedObject shared(const nlohmann::json& object, model::Tlp tlp, const storage::RecordKey* record) {
  storage::SharedObject shared;
  shared.collection = "reports";
  shared.id = object.at("id").get<std::string>();
  shared.type = object.at("type").get<std::string>();
  if (object.contains("modified")) {
    shared.version = object["modified"].get<std::string>();
  } else if (object.contains("created")) {
    shared.version = object["created"].get<std::string>();
  }
  shared.tlp = tlp;
  shared.origin = "local";
  shared.object = object.dump();
  if (record != nullptr) {
    shared.record_source = record->source;
    shared.record_id = record->id;
  }
  return shared;
}

// What every reader of the collection needs to understand the rest: who wrote it and what the
// markings and extensions mean.
Result<std::size_t> publish_definitions(storage::WriteTransaction& transaction, const share::NodeIdentity& node) {
  std::vector<nlohmann::json> objects = share::identity_objects(node);
  for (const model::Tlp level :
       {model::Tlp::clear, model::Tlp::green, model::Tlp::amber, model::Tlp::amber_strict, model::Tlp::red}) {
    objects.push_back(share::tlp_marking_object(level));
  }
  for (const share::JalaExtension extension : share::jala_extensions()) {
    objects.push_back(share::extension_definition_object(extension));
  }
  std::size_t added = 0;
  for (const nlohmann::json& object : objects) {
    JALA_TRY_ASSIGN(const bool new_version, transaction.put_shared_object(shared(object, model::Tlp::clear, nullptr)));
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

// Publishes the next batch; false when there was nothing left.
Result<bool> publish_batch(storage::WriteTransaction& transaction, const share::NodeIdentity& node,
                           PublishCounts& counts) {
  JALA_TRY_ASSIGN(const std::optional<std::string> cursor, transaction.share_state(k_cursor_state));
  std::optional<std::uint64_t> after;
  if (cursor) {
    std::uint64_t leaf = 0;
    const auto [end, error] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), leaf);
    if (error != std::errc() || end != cursor->data() + cursor->size()) {
      return data_loss("the publishing cursor '{}' is not a log leaf", *cursor);
    }
    after = leaf;
  }
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
      JALA_TRY_ASSIGN(const bool added, transaction.put_shared_object(shared(object, report->tlp, &key)));
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
  const Status defined = store.write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(const std::size_t added, publish_definitions(transaction, node));
    counts.objects += added;
    return {};
  });
  if (!defined.ok()) return defined.error();
  for (bool more = true; more;) {
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
