// jala evidence head and jala evidence audit: the signed head of the store's evidence log, and a check
// of the log against itself and against the records it names (docs/formats/evidence.md).
#include <map>
#include <nlohmann/json.hpp>

#include "jala/cli/commands.h"
#include "jala/evidence/signing.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

// The SHA-256 of the record's canonical JSON, as the log holds it; nullopt when the record is gone.
Result<std::optional<std::string>> current_hash(const storage::ReadView& view, const std::string& kind,
                                                const storage::RecordKey& key) {
  if (kind == "report") {
    JALA_TRY_ASSIGN(const std::optional<model::Report> report, view.find_report(key));
    if (!report) return std::optional<std::string>();
    return std::optional<std::string>(storage::record_sha256(*report));
  }
  JALA_TRY_ASSIGN(const std::optional<model::Transaction> transaction, view.find_transaction(key));
  if (!transaction) return std::optional<std::string>();
  return std::optional<std::string>(storage::record_sha256(*transaction));
}

// Every complete subtree, recomputed level by level from the leaves (`level`, with whether each disagrees
// with the store), against the stored nodes. Only the lowest disagreeing node of a branch is named: the
// nodes above it disagree because of it.
void audit_nodes(const storage::ReadView& view, std::vector<evidence::Hash> level, std::vector<bool> tainted,
                 std::vector<std::string>& problems) {
  for (unsigned height = 1; level.size() >= 2; ++height) {
    std::vector<evidence::Hash> parents;
    std::vector<bool> parents_tainted;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      parents.push_back(evidence::node_hash(level[i], level[i + 1]));
      const Result<evidence::Hash> stored = view.log_node({height, i / 2});
      const bool differs = !stored.ok() || *stored != parents.back();
      if (differs && !tainted[i] && !tainted[i + 1]) {
        const std::uint64_t first_entry = (i / 2) << height;
        problems.push_back(fmt::format("log node at level {} index {} (entries {} to {}): not the hash of its children",
                                       height, i / 2, first_entry, first_entry + (std::uint64_t{1} << height) - 1));
      }
      parents_tainted.push_back(differs || tainted[i] || tainted[i + 1]);
    }
    level = std::move(parents);
    tainted = std::move(parents_tainted);
  }
}

}  // namespace

Result<std::string> node_key_path(const Context& context) {
  const char* from_environment = std::getenv("JALA_KEY");
  if (from_environment != nullptr && *from_environment != '\0') return std::string(from_environment);
  if (storage::is_postgres_location(context.db)) {
    return invalid_argument("a PostgreSQL store has no file beside it for the node's signing key: set JALA_KEY");
  }
  return context.db + ".key";
}

Status evidence_head_command(const Context& context, Output output) {
  JALA_TRY_ASSIGN(const std::string key_path, node_key_path(context));
  JALA_TRY_ASSIGN(const evidence::SigningKey key, evidence::SigningKey::load_or_create(key_path));
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  evidence::TreeHead head;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(head.size, view.log_size());
    JALA_TRY_ASSIGN(head.root, evidence::root(storage::LogNodes(view), head.size));
    return {};
  }));
  head.timestamp = now();
  const evidence::SignedTreeHead signed_head = key.sign(head);
  if (output == Output::json) {
    const nlohmann::ordered_json document = {{"size", head.size},
                                             {"root", to_hex(head.root)},
                                             {"timestamp", head.timestamp.unix_micros},
                                             {"signature", to_hex(signed_head.signature)},
                                             {"public_key", to_hex(key.public_key())}};
    fmt::print("{}\n", document.dump());
    return {};
  }
  fmt::print("size        {}\nroot        {}\ntimestamp   {} ({})\nsignature   {}\npublic key  {}\n", head.size,
             to_hex(head.root), head.timestamp.unix_micros, format_rfc3339(head.timestamp),
             to_hex(signed_head.signature), to_hex(key.public_key()));
  return {};
}

Result<int> evidence_audit_command(const Context& context, Output output) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  std::vector<std::string> problems;
  std::uint64_t size = 0;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(size, view.log_size());
    // The latest entry of each record: earlier ones log versions the store no longer holds.
    std::map<std::pair<std::string, storage::RecordKey>, std::pair<std::uint64_t, std::string>> latest;
    std::vector<evidence::Hash> level;  // the leaves, recomputed from the entries
    std::vector<bool> tainted;          // whether each disagrees with the store
    for (std::uint64_t i = 0; i < size; ++i) {
      JALA_TRY_ASSIGN(const std::string entry, view.log_entry(i));
      const evidence::Hash leaf = evidence::leaf_hash(entry);
      tainted.push_back(false);
      if (view.log_stores_leaves()) {
        const Result<evidence::Hash> stored = view.log_node({0, i});
        tainted.back() = !stored.ok() || *stored != leaf;
      }
      if (tainted.back()) problems.push_back(fmt::format("log entry {}: its leaf hash is not the stored one", i));
      level.push_back(leaf);
      const nlohmann::json parsed = nlohmann::json::parse(entry, nullptr, false);
      if (!parsed.is_discarded() && parsed.value("kind", "") == "custody") continue;  // names no record content
      if (parsed.is_discarded() || !parsed.contains("kind") || !parsed.contains("sha256")) {
        problems.push_back(fmt::format("log entry {}: not a log entry", i));
        continue;
      }
      latest[{parsed.at("kind").get<std::string>(),
              storage::RecordKey{parsed.at("source").get<std::string>(), parsed.at("id").get<std::string>()}}] = {
          i, parsed.at("sha256").get<std::string>()};
    }
    audit_nodes(view, std::move(level), std::move(tainted), problems);
    JALA_TRY_ASSIGN(const auto unlogged, view.unlogged_records());
    for (const auto& [kind, key] : unlogged) {
      problems.push_back(fmt::format("{} {} {}: in the store, but no log entry names it", kind, key.source, key.id));
    }
    for (const auto& [item, logged] : latest) {
      JALA_TRY_ASSIGN(const std::optional<std::string> hash, current_hash(view, item.first, item.second));
      if (!hash) {
        problems.push_back(fmt::format("{} {} {}: logged at entry {}, missing from the store", item.first,
                                       item.second.source, item.second.id, logged.first));
      } else if (*hash != logged.second) {
        problems.push_back(fmt::format("{} {} {}: changed since it was logged at entry {}", item.first,
                                       item.second.source, item.second.id, logged.first));
      }
    }
    return {};
  }));
  if (output == Output::json) {
    fmt::print("{}\n", nlohmann::ordered_json{{"entries", size}, {"problems", problems}}.dump());
  } else {
    for (const std::string& problem : problems) fmt::print("{}\n", problem);
    fmt::print("audited {} log entries: {} problem{}\n", size, problems.size(), problems.size() == 1 ? "" : "s");
  }
  return problems.empty() ? 0 : 1;
}

}  // namespace jala::cli
