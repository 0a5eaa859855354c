// The SQLite backend's evidence log: prepared statements over log_entries and log_nodes (schema 3,
// keyed by position since schema 7, without the leaves since schema 10), each record's latest leaf (in its
// row since schema 9) and the custody chains' latest leaves (log_records).
// Internal to storage/sqlite/. Thread-compatible, like its connection.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "jala/base/result.h"
#include "jala/evidence/merkle.h"
#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {

// Where a node is kept in log_nodes. The tree is cut into tiles six levels high: a tile is a subtree
// whose root is at level 6s + 5, holding its 63 nodes of levels 6s to 6s + 5 at consecutive positions
// (in-order within it); the tiles of a band of six levels follow each other, band after band. A proof
// reads one tile per band, a page or two each, and the upper bands, which every proof reads, stay in
// the page cache. Position = s·2^57 + tile·64 + the node's in-order place in its tile; logs of up to
// 2^56 leaves fit.
std::int64_t log_node_position(evidence::NodeId id);

class LogStatements {
 public:
  static Result<LogStatements> prepare(sqlite3* db);

  Result<std::uint64_t> size();
  Result<std::string> entry(std::uint64_t index);
  Result<evidence::Hash> node(evidence::NodeId id);
  // The hashes of `ids`, in their order, in one query per k_max_batched_nodes ids.
  Result<std::vector<evidence::Hash>> nodes(std::span<const evidence::NodeId> ids);
  Status append(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes);
  Status note_custody(std::string_view kind, std::string_view source, std::string_view id, std::uint64_t index);
  // The latest leaf of a record or of a custody chain (storage::ReadView::log_index).
  Result<std::optional<std::uint64_t>> record_index(std::string_view kind, std::string_view source,
                                                    std::string_view id);

 private:
  struct LeafQueries {
    Statement of_report;       // reports.leaf_index
    Statement of_transaction;  // transactions.leaf_index
    Statement of_custody;      // log_records
  };

  LogStatements(sqlite3* db, Statement size, Statement entry, Statement node, Statement insert_entry,
                Statement insert_node, Statement note_custody, LeafQueries leaf_queries)
      : m_db(db),
        m_size(std::move(size)),
        m_entry(std::move(entry)),
        m_node(std::move(node)),
        m_insert_entry(std::move(insert_entry)),
        m_insert_node(std::move(insert_node)),
        m_note_custody(std::move(note_custody)),
        m_leaf_queries(std::move(leaf_queries)) {}

  // Leaves are not kept in log_nodes (schema 10): a leaf is read as the hash of its entry.
  Result<evidence::Hash> leaf(std::uint64_t index);
  // The query that reads `count` nodes, prepared on first use.
  Result<Statement*> nodes_statement(std::size_t count);

  sqlite3* m_db;
  Statement m_size;
  Statement m_entry;
  Statement m_node;
  Statement m_insert_entry;
  Statement m_insert_node;
  Statement m_note_custody;
  LeafQueries m_leaf_queries;
  std::map<std::size_t, Statement> m_nodes_by_count;  // by list length, at most k_max_batched_nodes of them
};

}  // namespace jala::storage::sqlite
