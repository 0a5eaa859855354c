// jala evidence head and jala evidence audit: the signed head of the store's evidence log, and a check
// of the log against itself and against the records it names (docs/formats/evidence.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "jala/cli/commands.h"
#include "jala/evidence/package_format.h"
#include "jala/evidence/signing.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

using storage::RecordKey;

// Entries, nodes and records are read this many at a time: on PostgreSQL each read is a round trip.
constexpr std::size_t k_audit_batch = 4096;

// What the scan of the log learns of one record (kind "report" or "transaction", and key).
struct LoggedRecord {
  std::optional<std::uint64_t> version;  // the leaf of its latest logged version
  std::string sha256;                    // that version's
  std::optional<std::uint64_t> custody;  // the leaf of its latest custody event
};
// Every record the log names, with O(1) kept of each: the audit's one pass over the log fills it, and
// the checks of the store's rows and pointers read it after.
using LoggedRecords = std::map<std::pair<std::string, RecordKey>, LoggedRecord>;

// A member of a log entry that must be a string; empty when it is missing or is not one.
std::string string_member(const nlohmann::json& entry, const char* name) {
  const auto found = entry.find(name);
  return found != entry.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// Reads entry `index` into `records`. A custody event must chain to its record's latest version or last
// event as the scan has seen them so far: what append_custody() gave it (the later of the two since
// 2026-12-04, the last event before), so a chain cut or pointed elsewhere is named.
void scan_entry(std::uint64_t index, const std::string& entry, LoggedRecords& records,
                std::vector<std::string>& problems) {
  const nlohmann::json parsed = nlohmann::json::parse(entry, nullptr, false);
  const bool custody = string_member(parsed, "kind") == "custody";
  const std::string kind = string_member(parsed, custody ? "record" : "kind");
  RecordKey key{string_member(parsed, "source"), string_member(parsed, "id")};
  const std::string sha256 = string_member(parsed, "sha256");
  if ((kind != "report" && kind != "transaction") || key.source.empty() || key.id.empty() ||
      (!custody && sha256.empty())) {
    problems.push_back(fmt::format("log entry {}: not a log entry", index));
    return;
  }
  LoggedRecord& logged = records[{kind, key}];
  if (!custody) {
    logged.version = index;
    logged.sha256 = sha256;
    return;
  }
  const auto previous = parsed.find("previous");
  const auto earlier = parsed.find("earlier");  // the last event, when `previous` is a newer version
  const bool chained =
      previous != parsed.end() && previous->is_number_unsigned() &&
      (previous->get<std::uint64_t>() == logged.version || previous->get<std::uint64_t>() == logged.custody) &&
      (earlier == parsed.end() || (earlier->is_number_unsigned() && earlier->get<std::uint64_t>() == logged.custody));
  if (!chained) {
    problems.push_back(
        fmt::format("log entry {}: custody event of {} {} {}, not chained to its latest version or "
                    "last event before it",
                    index, kind, key.source, key.id));
  }
  logged.custody = index;
}

// The SHA-256 of each record's canonical JSON, as the log holds it; nullopt for a record that is gone.
Result<std::vector<std::optional<std::string>>> current_hashes(const storage::ReadView& view, const std::string& kind,
                                                               std::span<const RecordKey> keys) {
  const auto hashes_of = [](const auto& records) {
    std::vector<std::optional<std::string>> hashes;
    hashes.reserve(records.size());
    for (const auto& record : records) {
      hashes.push_back(record ? std::optional(storage::record_sha256(*record)) : std::nullopt);
    }
    return hashes;
  };
  if (kind == "report") {
    JALA_TRY_ASSIGN(const std::vector<std::optional<model::Report>> reports, view.find_reports(keys));
    return hashes_of(reports);
  }
  JALA_TRY_ASSIGN(const std::vector<std::optional<model::Transaction>> transactions, view.find_transactions(keys));
  return hashes_of(transactions);
}

// Every complete subtree, recomputed level by level from the leaves (`level`, with whether each disagrees
// with the store), against the stored nodes. Only the lowest disagreeing node of a branch is named: the
// nodes above it disagree because of it.
Status audit_nodes(const storage::ReadView& view, std::vector<evidence::Hash> level, std::vector<bool> tainted,
                   std::vector<std::string>& problems) {
  for (unsigned height = 1; level.size() >= 2; ++height) {
    std::vector<evidence::Hash> parents;
    std::vector<bool> parents_tainted;
    const std::size_t count = level.size() / 2;
    for (std::size_t first = 0; first < count; first += k_audit_batch) {
      std::vector<evidence::NodeId> ids;
      for (std::size_t p = first; p < std::min(count, first + k_audit_batch); ++p) ids.push_back({height, p});
      JALA_TRY_ASSIGN(const std::vector<std::optional<evidence::Hash>> stored, view.stored_log_nodes(ids));
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const std::size_t i = 2 * (first + k);
        parents.push_back(evidence::node_hash(level[i], level[i + 1]));
        const bool differs = !stored[k] || *stored[k] != parents.back();
        if (differs && !tainted[i] && !tainted[i + 1]) {
          const std::uint64_t first_entry = (i / 2) << height;
          problems.push_back(
              fmt::format("log node at level {} index {} (entries {} to {}): not the hash of its children", height,
                          i / 2, first_entry, first_entry + (std::uint64_t{1} << height) - 1));
        }
        parents_tainted.push_back(differs || tainted[i] || tainted[i + 1]);
      }
    }
    level = std::move(parents);
    tainted = std::move(parents_tainted);
  }
  return {};
}

// Stored nodes over entries past the log's end: what cutting entries off its end leaves behind. Appends
// store each level's nodes left to right, so if any node of a level lies past the end, the first one does.
Status audit_nodes_past_end(const storage::ReadView& view, std::uint64_t size, std::vector<std::string>& problems) {
  for (unsigned level = 0; level < 64; ++level) {
    const evidence::NodeId past{level, size >> level};
    const Result<evidence::Hash> stored = view.log_node(past);
    if (stored.ok()) {
      const std::uint64_t first_entry = past.index << level;
      problems.push_back(fmt::format("log node at level {} index {} (entries {} to {}): stored past the log's end",
                                     level, past.index, first_entry, first_entry + ((std::uint64_t{1} << level) - 1)));
    } else if (stored.error().code() != ErrorCode::not_found) {
      return stored.error();
    }
  }
  return {};
}

// ", past the log's end" when the store points at a leaf the log does not have.
std::string past_end(std::uint64_t leaf, std::uint64_t size) { return leaf >= size ? ", past the log's end" : ""; }

// One record the log names against the store: its content (`hash`, nothing when it is gone), the leaf its
// row points at (`leaf`), and the last leaf of its custody chain (`chain`).
void audit_record(const std::string& kind, const RecordKey& key, const LoggedRecord& logged,
                  const std::optional<std::string>& hash, std::optional<std::uint64_t> leaf,
                  std::optional<std::uint64_t> chain, std::uint64_t size, std::vector<std::string>& problems) {
  const std::string name = fmt::format("{} {} {}", kind, key.source, key.id);
  if (!hash) {
    problems.push_back(fmt::format("{}: logged at entry {}, missing from the store", name, *logged.version));
  } else if (*hash != logged.sha256) {
    problems.push_back(fmt::format("{}: changed since it was logged at entry {}", name, *logged.version));
  }
  if (leaf && *leaf != *logged.version) {
    problems.push_back(fmt::format("{}: the store points at entry {}{}, but its latest version is logged at entry {}",
                                   name, *leaf, past_end(*leaf, size), *logged.version));
  }
  if (chain == logged.custody) return;
  if (!chain) {
    problems.push_back(fmt::format("{}: custody event at entry {}, but the store keeps no custody chain for it", name,
                                   *logged.custody));
  } else if (!logged.custody) {
    problems.push_back(fmt::format("{}: its custody chain ends at entry {}{}, but the log has no custody event of it",
                                   name, *chain, past_end(*chain, size)));
  } else {
    problems.push_back(fmt::format("{}: its custody chain ends at entry {}{}, but its last custody event is entry {}",
                                   name, *chain, past_end(*chain, size), *logged.custody));
  }
}

// Each record the log names against the store: its content, the leaf its row points at, and the last
// leaf of its custody chain. Both must be the entries the scan found last: a package proves the one, and
// `custody` follows the other. Returns how many records the log names a version of are in the store.
Result<std::size_t> audit_records(const storage::ReadView& view, const LoggedRecords& records, std::uint64_t size,
                                  std::vector<std::string>& problems) {
  // In batches of one kind, in the map's order, so that the problems come out in that order.
  std::vector<LoggedRecords::const_iterator> batch;
  std::size_t held = 0;
  const auto audit_batch = [&]() -> Status {
    if (batch.empty()) return {};
    const std::string& kind = batch.front()->first.first;
    std::vector<RecordKey> keys;
    keys.reserve(batch.size());
    for (const auto& logged : batch) keys.push_back(logged->first.second);
    JALA_TRY_ASSIGN(const std::vector<std::optional<std::string>> hashes, current_hashes(view, kind, keys));
    JALA_TRY_ASSIGN(const std::vector<std::optional<std::uint64_t>> leaves, view.log_indexes(kind, keys));
    JALA_TRY_ASSIGN(const std::vector<std::optional<std::uint64_t>> chains, view.log_indexes("custody:" + kind, keys));
    for (std::size_t i = 0; i < batch.size(); ++i) {
      held += hashes[i] ? 1 : 0;
      audit_record(kind, keys[i], batch[i]->second, hashes[i], leaves[i], chains[i], size, problems);
    }
    batch.clear();
    return {};
  };
  for (auto logged = records.begin(); logged != records.end(); ++logged) {
    if (!logged->second.version) continue;  // its custody events are named as not chained
    if (!batch.empty() && (batch.front()->first.first != logged->first.first || batch.size() == k_audit_batch)) {
      JALA_TRY(audit_batch());
    }
    batch.push_back(logged);
  }
  JALA_TRY(audit_batch());
  return held;
}

// Rows the log names nowhere whose leaf is one of the log's: a row slipped in with the leaf of another
// record's entry, which neither unlogged_records() nor audit_records() lists. The store's count of rows,
// against those two, says whether there are any; only then is every report's and transaction's key read
// (a whole pass of the store), to name them.
Status audit_rows_named_nowhere(const storage::ReadView& view, const LoggedRecords& records, std::uint64_t size,
                                std::size_t rows_accounted_for, std::vector<std::string>& problems) {
  JALA_TRY_ASSIGN(const storage::StoreStats stats, view.stats());
  if (static_cast<std::size_t>(stats.reports + stats.transactions) <= rows_accounted_for) return {};
  // The rows of `kind` that the log names no version of, their leaves read in batches.
  std::vector<RecordKey> unnamed;
  const auto check = [&](const std::string& kind) -> Status {
    for (std::size_t first = 0; first < unnamed.size(); first += k_audit_batch) {
      const std::span<const RecordKey> keys =
          std::span(unnamed).subspan(first, std::min(k_audit_batch, unnamed.size() - first));
      JALA_TRY_ASSIGN(const std::vector<std::optional<std::uint64_t>> leaves, view.log_indexes(kind, keys));
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!leaves[i] || *leaves[i] >= size) continue;  // unlogged_records() named it
        problems.push_back(fmt::format("{} {} {}: in the store, pointing at entry {}, which does not log it", kind,
                                       keys[i].source, keys[i].id, *leaves[i]));
      }
    }
    unnamed.clear();
    return {};
  };
  const auto keep_if_unnamed = [&](const std::string& kind, RecordKey key) {
    const auto logged = records.find({kind, key});
    if (logged == records.end() || !logged->second.version) unnamed.push_back(std::move(key));
  };
  JALA_TRY_ASSIGN(const graph::LinkInput reports, view.link_input());
  for (graph::ReportId r = 0; r < reports.report_count(); ++r) {
    keep_if_unnamed("report", {reports.report(r).source, reports.report(r).id});
  }
  JALA_TRY(check("report"));
  JALA_TRY_ASSIGN(const flow::Ledger ledger, view.ledger());
  for (flow::TransferId t = 0; t < ledger.transfer_count(); ++t) {
    keep_if_unnamed("transaction", {std::string(ledger.source(t)), std::string(ledger.record_id(t))});
  }
  return check("transaction");
}

// A signed tree head kept apart from the store, as `jala evidence head --json` prints it or a package holds it
// (tree_head.json): the log must still begin with the entries it signed. Only such a head shows entries cut
// off the log's end together with every row and pointer that named them.
struct KeptHead {
  std::string file;
  evidence::SignedTreeHead signed_head;
  evidence::PublicKey key{};
};

// A head is one line of about 400 bytes.
constexpr std::size_t k_max_head_file_bytes = std::size_t{64} * 1024;

Result<KeptHead> read_kept_head(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found("--head: {}: cannot be opened", file);
  std::string bytes(k_max_head_file_bytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > k_max_head_file_bytes) {
    return invalid_argument("--head: {}: over {} bytes, too large for a tree head", file, k_max_head_file_bytes);
  }
  Result<std::pair<evidence::SignedTreeHead, evidence::PublicKey>> parsed =
      evidence::package_format::parse_tree_head(bytes);
  if (!parsed.ok()) return parsed.error().with_context(fmt::format("--head: {}: not a signed tree head", file));
  return KeptHead{file, parsed->first, parsed->second};
}

// This node's public key, when it has one; a head signed with another key is named.
std::optional<evidence::PublicKey> node_public_key(const Context& context) {
  const Result<std::string> path = node_key_path(context);
  if (!path.ok() || !std::filesystem::exists(*path)) return std::nullopt;
  const Result<evidence::SigningKey> key = evidence::SigningKey::load_or_create(*path);
  return key.ok() ? std::optional(key->public_key()) : std::nullopt;
}

// Each kept head against the log's leaves: a valid signature, this node's key, and the root of the log's
// first `size` entries.
void audit_kept_heads(std::vector<KeptHead> heads, std::span<const evidence::Hash> leaves,
                      const std::optional<evidence::PublicKey>& node_key, std::vector<std::string>& problems) {
  std::sort(heads.begin(), heads.end(),
            [](const KeptHead& a, const KeptHead& b) { return a.signed_head.head.size < b.signed_head.head.size; });
  evidence::CompactRange prefix;  // the tree of the log's first prefix.size() entries
  for (const KeptHead& kept : heads) {
    const evidence::TreeHead& head = kept.signed_head.head;
    const std::string name =
        fmt::format("head {} ({} entries, signed {})", kept.file, head.size, format_rfc3339(head.timestamp));
    if (!evidence::verify_tree_head(kept.signed_head, kept.key).ok()) {
      problems.push_back(fmt::format("{}: its signature does not verify with its public key", name));
      continue;
    }
    if (node_key && kept.key != *node_key) {
      problems.push_back(
          fmt::format("{}: signed with key {}, not this node's ({})", name, to_hex(kept.key), to_hex(*node_key)));
    }
    if (head.size > leaves.size()) {
      problems.push_back(
          fmt::format("{}: the log has {} entries now: entries were cut off its end", name, leaves.size()));
      continue;
    }
    while (prefix.size() < head.size) prefix.append(leaves[prefix.size()]);
    const Result<evidence::Hash> root = evidence::root(prefix, head.size);
    if (!root.ok() || *root != head.root) {
      problems.push_back(
          fmt::format("{}: the log's first {} entries no longer have the root it signed", name, head.size));
    }
  }
}

// The audit, on one snapshot: `size` is the log's size, and `problems` what is wrong, in the order of
// the checks.
Status audit_log(const storage::ReadView& view, const std::vector<KeptHead>& heads,
                 const std::optional<evidence::PublicKey>& node_key, std::uint64_t& size,
                 std::vector<std::string>& problems) {
  JALA_TRY_ASSIGN(size, view.log_size());
  LoggedRecords records;
  std::vector<evidence::Hash> level;  // the leaves, recomputed from the entries
  std::vector<bool> tainted;          // whether each disagrees with the store
  for (std::uint64_t first = 0; first < size; first += k_audit_batch) {
    JALA_TRY_ASSIGN(const std::vector<std::string> entries, view.log_entries(first, k_audit_batch));
    if (entries.size() != std::min<std::uint64_t>(k_audit_batch, size - first)) {
      return not_found("the log has no entry {}", first + entries.size());
    }
    std::vector<std::optional<evidence::Hash>> stored_leaves;
    if (view.log_stores_leaves()) {
      std::vector<evidence::NodeId> ids;
      for (std::uint64_t i = first; i < first + entries.size(); ++i) ids.push_back({0, i});
      JALA_TRY_ASSIGN(stored_leaves, view.stored_log_nodes(ids));
    }
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const std::uint64_t i = first + k;
      const evidence::Hash leaf = evidence::leaf_hash(entries[k]);
      tainted.push_back(view.log_stores_leaves() && (!stored_leaves[k] || *stored_leaves[k] != leaf));
      if (tainted.back()) problems.push_back(fmt::format("log entry {}: its leaf hash is not the stored one", i));
      level.push_back(leaf);
      scan_entry(i, entries[k], records, problems);
    }
  }
  audit_kept_heads(heads, level, node_key, problems);
  JALA_TRY(audit_nodes(view, std::move(level), std::move(tainted), problems));
  JALA_TRY(audit_nodes_past_end(view, size, problems));
  JALA_TRY_ASSIGN(const auto unlogged, view.unlogged_records());
  std::size_t unlogged_named = 0;
  for (const auto& [kind, key] : unlogged) {
    const auto logged = records.find({kind, key});
    if (logged != records.end() && logged->second.version) continue;  // audit_records names where it points
    ++unlogged_named;
    JALA_TRY_ASSIGN(const std::optional<std::uint64_t> leaf, view.log_index(kind, key));
    if (leaf) {
      problems.push_back(fmt::format("{} {} {}: in the store, pointing at entry {}, past the log's end", kind,
                                     key.source, key.id, *leaf));
    } else {
      problems.push_back(fmt::format("{} {} {}: in the store, but no log entry names it", kind, key.source, key.id));
    }
  }
  JALA_TRY_ASSIGN(const std::size_t held, audit_records(view, records, size, problems));
  return audit_rows_named_nowhere(view, records, size, held + unlogged_named, problems);
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
  // The store first: a mistyped --db must leave no new key behind.
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  JALA_TRY_ASSIGN(const evidence::SigningKey key, evidence::SigningKey::load_or_create(key_path));
  evidence::TreeHead head;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(head.size, view.log_size());
    JALA_TRY_ASSIGN(head.root, evidence::root(storage::LogNodes(view), head.size));
    return {};
  }));
  head.timestamp = now();
  const evidence::SignedTreeHead signed_head = key.sign(head);
  if (output == Output::json) {
    fmt::print("{}", evidence::package_format::tree_head_json(signed_head, key.public_key()));
    return {};
  }
  fmt::print("size        {}\nroot        {}\ntimestamp   {} ({})\nsignature   {}\npublic key  {}\n", head.size,
             to_hex(head.root), head.timestamp.unix_micros, format_rfc3339(head.timestamp),
             to_hex(signed_head.signature), to_hex(key.public_key()));
  return {};
}

Result<int> evidence_audit_command(const Context& context, const std::vector<std::string>& head_files, Output output) {
  std::vector<KeptHead> heads;
  for (const std::string& file : head_files) {
    JALA_TRY_ASSIGN(KeptHead head, read_kept_head(file));
    heads.push_back(std::move(head));
  }
  const std::optional<evidence::PublicKey> node_key = heads.empty() ? std::nullopt : node_public_key(context);
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::vector<std::string> problems;
  std::uint64_t size = 0;
  JALA_TRY(
      store->read([&](const storage::ReadView& view) { return audit_log(view, heads, node_key, size, problems); }));
  if (output == Output::json) {
    fmt::print("{}\n",
               nlohmann::ordered_json{{"entries", size}, {"heads", heads.size()}, {"problems", problems}}.dump());
  } else {
    for (const std::string& problem : problems) fmt::print("{}\n", problem);
    fmt::print("audited {} log entries{}: {} problem{}\n", size,
               heads.empty() ? "" : fmt::format(" against {} kept head{}", heads.size(), heads.size() == 1 ? "" : "s"),
               problems.size(), problems.size() == 1 ? "" : "s");
  }
  return problems.empty() ? 0 : 1;
}

}  // namespace jala::cli
