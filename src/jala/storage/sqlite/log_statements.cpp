#include "jala/storage/sqlite/log_statements.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>

namespace jala::storage::sqlite {
namespace {

// A proof reads at most about 2 log2(n) nodes, so one query covers it; longer lists take several.
constexpr std::size_t k_max_batched_nodes = 128;

}  // namespace

std::int64_t log_node_position(evidence::NodeId id) {
  constexpr unsigned k_tile_levels = 6;
  const unsigned band = id.level / k_tile_levels;
  const unsigned level = id.level % k_tile_levels;             // in the tile
  const unsigned below_tile_root = k_tile_levels - 1 - level;  // levels between the node and its tile's root
  const std::uint64_t tile = id.index >> below_tile_root;
  const std::uint64_t index = id.index & ((std::uint64_t{1} << below_tile_root) - 1);  // in the tile
  const std::uint64_t in_tile = (index << (level + 1)) + (std::uint64_t{1} << level) - 1;
  return static_cast<std::int64_t>((std::uint64_t{band} << 57) + (tile << k_tile_levels) + in_tile);
}

Result<LogStatements> LogStatements::prepare(sqlite3* db) {
  JALA_TRY_ASSIGN(Statement size, Statement::prepare(db, "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_entries"));
  JALA_TRY_ASSIGN(Statement entry, Statement::prepare(db, "SELECT entry FROM log_entries WHERE leaf_index = ?"));
  JALA_TRY_ASSIGN(Statement node, Statement::prepare(db, "SELECT hash FROM log_nodes WHERE position = ?"));
  JALA_TRY_ASSIGN(Statement insert_entry,
                  Statement::prepare(db, "INSERT INTO log_entries (leaf_index, entry) VALUES (?, ?)"));
  JALA_TRY_ASSIGN(Statement insert_node,
                  Statement::prepare(db, "INSERT INTO log_nodes (position, hash) VALUES (?, ?)"));
  JALA_TRY_ASSIGN(Statement note_custody,
                  Statement::prepare(db,
                                     "INSERT OR REPLACE INTO log_records (kind, source, source_id, leaf_index)"
                                     " VALUES (?, ?, ?, ?)"));
  JALA_TRY_ASSIGN(Statement of_report,
                  Statement::prepare(db,
                                     "SELECT leaf_index FROM reports WHERE source = ? AND source_id = ?"
                                     " AND leaf_index IS NOT NULL"));
  JALA_TRY_ASSIGN(Statement of_transaction, Statement::prepare(db,
                                                               "SELECT leaf_index FROM transactions WHERE source = ?"
                                                               " AND source_id = ? AND leaf_index IS NOT NULL"));
  JALA_TRY_ASSIGN(
      Statement of_custody,
      Statement::prepare(db, "SELECT leaf_index FROM log_records WHERE kind = ? AND source = ? AND source_id = ?"));
  return LogStatements(db, std::move(size), std::move(entry), std::move(node), std::move(insert_entry),
                       std::move(insert_node), std::move(note_custody),
                       LeafQueries{std::move(of_report), std::move(of_transaction), std::move(of_custody)});
}

Result<std::uint64_t> LogStatements::size() {
  JALA_TRY_ASSIGN(const bool row, m_size.step());
  const std::int64_t count = row ? m_size.column_int(0) : 0;
  m_size.reset();
  return static_cast<std::uint64_t>(count);
}

Result<std::string> LogStatements::entry(std::uint64_t index) {
  m_entry.bind(1, static_cast<std::int64_t>(index));
  JALA_TRY_ASSIGN(const bool row, m_entry.step());
  if (!row) {
    m_entry.reset();
    return not_found("the log has no entry {}", index);
  }
  std::string entry(m_entry.column_text(0));
  m_entry.reset();
  return entry;
}

Result<evidence::Hash> LogStatements::leaf(std::uint64_t index) {
  Result<std::string> stored = entry(index);
  if (stored.ok()) return evidence::leaf_hash(*stored);
  if (stored.error().code() != ErrorCode::not_found) return std::move(stored).error();
  return not_found("the log has no node at level 0 index {}", index);
}

Result<evidence::Hash> LogStatements::node(evidence::NodeId id) {
  if (id.level == 0) return leaf(id.index);
  m_node.bind(1, log_node_position(id));
  JALA_TRY_ASSIGN(const bool row, m_node.step());
  if (!row) {
    m_node.reset();
    return not_found("the log has no node at level {} index {}", id.level, id.index);
  }
  evidence::Hash hash{};
  const Status copied = evidence::copy_stored_hash(m_node.column_blob(0), id, hash);
  m_node.reset();
  JALA_TRY(copied);
  return hash;
}

Result<Statement*> LogStatements::nodes_statement(std::size_t count) {
  if (const auto found = m_nodes_by_count.find(count); found != m_nodes_by_count.end()) return &found->second;
  // The list of wanted nodes, numbered, drives the join (CROSS JOIN keeps it the outer loop), so the
  // query is one primary-key search per node, as the single-node query is, without a statement each.
  std::string values;
  for (std::size_t i = 0; i < count; ++i) {
    fmt::format_to(std::back_inserter(values), "{}({}, ?)", i == 0 ? "" : ", ", i);
  }
  JALA_TRY_ASSIGN(
      Statement statement,
      Statement::prepare(m_db, fmt::format("SELECT wanted.column1, n.hash FROM (VALUES {}) AS wanted CROSS JOIN"
                                           " log_nodes n ON n.position = wanted.column2",
                                           values)));
  return &m_nodes_by_count.emplace(count, std::move(statement)).first->second;
}

Result<std::vector<evidence::Hash>> LogStatements::nodes(std::span<const evidence::NodeId> ids) {
  std::vector<evidence::Hash> hashes(ids.size());
  std::vector<bool> found(ids.size(), false);
  std::vector<std::size_t> kept;  // places in `ids` of the nodes log_nodes keeps: all but leaves
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].level != 0) {
      kept.push_back(i);
      continue;
    }
    JALA_TRY_ASSIGN(hashes[i], leaf(ids[i].index));
    found[i] = true;
  }
  for (std::size_t first = 0; first < kept.size(); first += k_max_batched_nodes) {
    const std::span<const std::size_t> batch(kept.data() + first, std::min(k_max_batched_nodes, kept.size() - first));
    JALA_TRY_ASSIGN(Statement* const query, nodes_statement(batch.size()));
    for (std::size_t i = 0; i < batch.size(); ++i) {
      query->bind(static_cast<int>(i + 1), log_node_position(ids[batch[i]]));
    }
    while (true) {
      JALA_TRY_ASSIGN(const bool row, query->step());  // a failed step resets the query
      if (!row) break;
      const std::size_t place = batch[static_cast<std::size_t>(query->column_int(0))];
      if (Status copied = evidence::copy_stored_hash(query->column_blob(1), ids[place], hashes[place]); !copied.ok()) {
        query->reset();
        return std::move(copied).error();
      }
      found[place] = true;
    }
    query->reset();
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!found[i]) return not_found("the log has no node at level {} index {}", ids[i].level, ids[i].index);
  }
  return hashes;
}

Status LogStatements::append(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) {
  JALA_TRY(m_insert_entry.bind(1, static_cast<std::int64_t>(index)).bind(2, entry).run());
  for (const evidence::Node& node : nodes) {
    if (node.id.level == 0) continue;  // a leaf is the hash of its entry, just stored
    m_insert_node.bind(1, log_node_position(node.id)).bind_blob(2, node.hash.data(), node.hash.size());
    JALA_TRY(m_insert_node.run());
  }
  return {};
}

Status LogStatements::note_custody(std::string_view kind, std::string_view source, std::string_view id,
                                   std::uint64_t index) {
  return m_note_custody.bind(1, kind).bind(2, source).bind(3, id).bind(4, static_cast<std::int64_t>(index)).run();
}

Result<std::optional<std::uint64_t>> LogStatements::record_index(std::string_view kind, std::string_view source,
                                                                 std::string_view id) {
  Statement* query = &m_leaf_queries.of_custody;
  if (kind == "report" || kind == "transaction") {
    query = kind == "report" ? &m_leaf_queries.of_report : &m_leaf_queries.of_transaction;
    query->bind(1, source).bind(2, id);
  } else {
    query->bind(1, kind).bind(2, source).bind(3, id);
  }
  JALA_TRY_ASSIGN(const bool row, query->step());
  std::optional<std::uint64_t> index;
  if (row) index = static_cast<std::uint64_t>(query->column_int(0));
  query->reset();
  return index;
}

}  // namespace jala::storage::sqlite
