// The evidence log in the PostgreSQL backend (view.h): entries by leaf, the hash of every complete
// subtree by (level, index), and the leaf of each record's latest logged version.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "jala/storage/postgres/view.h"

namespace jala::storage::postgres {

Result<std::uint64_t> View::log_size() const {
  JALA_TRY_ASSIGN(const Rows rows, query("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_entries"));
  return static_cast<std::uint64_t>(rows.integer(0, 0));
}

Result<std::string> View::log_entry(std::uint64_t index) const {
  JALA_TRY_ASSIGN(const Rows rows, query("SELECT entry FROM log_entries WHERE leaf_index = $1",
                                         Params().integer(static_cast<std::int64_t>(index))));
  if (rows.size() == 0) return not_found("the log has no entry {}", index);
  return std::string(rows.text(0, 0));
}

Result<evidence::Hash> View::log_node(evidence::NodeId id) const {
  JALA_TRY_ASSIGN(std::vector<evidence::Hash> hashes, log_nodes(std::span(&id, 1)));
  return hashes.front();
}

Result<Rows> View::select_log_nodes(std::span<const evidence::NodeId> ids) const {
  // One query for the whole list: the wanted (level, index) pairs, numbered (from 1), joined to the table.
  std::vector<std::int64_t> levels;
  std::vector<std::int64_t> indexes;
  for (const evidence::NodeId& id : ids) {
    levels.push_back(id.level);
    indexes.push_back(static_cast<std::int64_t>(id.index));
  }
  return query(
      "SELECT w.place, n.hash FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY"
      " AS w(level, idx, place) JOIN log_nodes n ON n.level = w.level AND n.idx = w.idx",
      Params().integers(levels).integers(indexes));
}

Result<std::vector<evidence::Hash>> View::log_nodes(std::span<const evidence::NodeId> ids) const {
  JALA_TRY_ASSIGN(const Rows rows, select_log_nodes(ids));
  std::vector<evidence::Hash> hashes(ids.size());
  std::vector<bool> found(ids.size(), false);
  for (std::size_t row = 0; row < rows.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(rows, row, ids.size()));
    JALA_TRY(evidence::copy_stored_hash(rows.bytes(row, 1), ids[place], hashes[place]));
    found[place] = true;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!found[i]) return not_found("the log has no node at level {} index {}", ids[i].level, ids[i].index);
  }
  return hashes;
}

Result<std::vector<std::optional<evidence::Hash>>> View::stored_log_nodes(std::span<const evidence::NodeId> ids) const {
  JALA_TRY_ASSIGN(const Rows rows, select_log_nodes(ids));
  std::vector<std::optional<evidence::Hash>> hashes(ids.size());
  for (std::size_t row = 0; row < rows.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(rows, row, ids.size()));
    evidence::Hash hash{};
    if (evidence::copy_stored_hash(rows.bytes(row, 1), ids[place], hash).ok()) hashes[place] = hash;
  }
  return hashes;
}

Result<std::vector<std::string>> View::log_entries(std::uint64_t first, std::size_t count) const {
  const auto start = static_cast<std::int64_t>(first);
  const auto end = static_cast<std::int64_t>(std::min<std::uint64_t>(first + count, INT64_MAX));
  JALA_TRY_ASSIGN(const Rows rows, query("SELECT leaf_index, entry FROM log_entries WHERE leaf_index >= $1"
                                         " AND leaf_index < $2 ORDER BY leaf_index",
                                         Params().integer(start).integer(end)));
  std::vector<std::string> entries;
  entries.reserve(rows.size());
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const std::int64_t index = start + static_cast<std::int64_t>(row);
    if (rows.integer(row, 0) != index) return not_found("the log has no entry {}", index);
    entries.emplace_back(rows.text(row, 1));
  }
  return entries;
}

Status View::do_append_log(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) {
  // Gathered into multi-row inserts: a log read sends them first (Connection::insert_row).
  JALA_TRY(
      m_connection.insert_row("INSERT INTO log_entries (leaf_index, entry) SELECT * FROM unnest($1::bigint[],"
                              " $2::text[])",
                              Params().integer(static_cast<std::int64_t>(index)).text(entry)));
  for (const evidence::Node& node : nodes) {
    JALA_TRY(m_connection.insert_row(
        "INSERT INTO log_nodes (level, idx, hash) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bytea[])",
        Params()
            .integer(node.id.level)
            .integer(static_cast<std::int64_t>(node.id.index))
            .bytes({reinterpret_cast<const char*>(node.hash.data()), node.hash.size()})));
  }
  return {};
}

Status View::do_note_custody(std::string_view kind, const RecordKey& key, std::uint64_t index) {
  JALA_TRY(
      run("INSERT INTO log_records (kind, source, source_id, leaf_index) VALUES ($1, $2, $3, $4)"
          " ON CONFLICT (kind, source, source_id) DO UPDATE SET leaf_index = EXCLUDED.leaf_index",
          Params().text(kind).text(key.source).text(key.id).integer(static_cast<std::int64_t>(index))));
  return {};
}

Result<std::optional<std::uint64_t>> View::log_index(std::string_view kind, const RecordKey& key) const {
  Result<Rows> found = kind == "report" || kind == "transaction"
                           ? query(fmt::format("SELECT leaf_index FROM {}s WHERE source = $1 AND source_id = $2"
                                               " AND leaf_index IS NOT NULL",
                                               kind),
                                   Params().text(key.source).text(key.id))
                           : query(
                                 "SELECT leaf_index FROM log_records WHERE kind = $1 AND source = $2"
                                 " AND source_id = $3",
                                 Params().text(kind).text(key.source).text(key.id));
  JALA_TRY_ASSIGN(const Rows rows, std::move(found));
  if (rows.size() == 0) return std::optional<std::uint64_t>();
  return std::optional<std::uint64_t>(static_cast<std::uint64_t>(rows.integer(0, 0)));
}

Result<std::vector<std::optional<std::uint64_t>>> View::log_indexes(std::string_view kind,
                                                                    std::span<const RecordKey> keys) const {
  Result<Rows> found =
      kind == "report" || kind == "transaction"
          ? query(fmt::format("SELECT w.place, r.leaf_index FROM {} JOIN {}s r ON r.source = w.source AND"
                              " r.source_id = w.source_id WHERE r.leaf_index IS NOT NULL",
                              k_asked_records, kind),
                  record_key_arrays(keys))
          : query(fmt::format("SELECT w.place, l.leaf_index FROM {} JOIN log_records l ON l.kind = $3 AND"
                              " l.source = w.source AND l.source_id = w.source_id",
                              k_asked_records),
                  record_key_arrays(keys).text(kind));
  JALA_TRY_ASSIGN(const Rows rows, std::move(found));
  std::vector<std::optional<std::uint64_t>> leaves(keys.size());
  for (std::size_t row = 0; row < rows.size(); ++row) {
    JALA_TRY_ASSIGN(const std::size_t place, asked_place(rows, row, keys.size()));
    leaves[place] = static_cast<std::uint64_t>(rows.integer(row, 1));
  }
  return leaves;
}

Result<std::vector<std::pair<std::string, RecordKey>>> View::unlogged_records() const {
  JALA_TRY_ASSIGN(const Rows rows,
                  query("WITH log AS (SELECT COALESCE(MAX(leaf_index) + 1, 0) AS size FROM log_entries)"
                        " SELECT 'report' AS kind, source, source_id FROM reports, log"
                        " WHERE leaf_index IS NULL OR leaf_index >= log.size"
                        " UNION ALL SELECT 'transaction', source, source_id FROM transactions, log"
                        " WHERE leaf_index IS NULL OR leaf_index >= log.size ORDER BY 1, 2, 3"));
  std::vector<std::pair<std::string, RecordKey>> records;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    records.emplace_back(std::string(rows.text(row, 0)),
                         RecordKey{std::string(rows.text(row, 1)), std::string(rows.text(row, 2))});
  }
  return records;
}

Result<std::vector<std::pair<std::uint64_t, RecordKey>>> View::reports_logged_after(std::optional<std::uint64_t> after,
                                                                                    std::size_t limit) const {
  JALA_TRY_ASSIGN(const Rows rows,
                  query("SELECT leaf_index, source, source_id FROM reports"
                        " WHERE leaf_index > $1 ORDER BY leaf_index LIMIT $2",
                        Params()
                            .integer(after ? static_cast<std::int64_t>(*after) : std::int64_t{-1})
                            .integer(static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)))));
  std::vector<std::pair<std::uint64_t, RecordKey>> records;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    records.emplace_back(static_cast<std::uint64_t>(rows.integer(row, 0)),
                         RecordKey{std::string(rows.text(row, 1)), std::string(rows.text(row, 2))});
  }
  return records;
}

}  // namespace jala::storage::postgres
