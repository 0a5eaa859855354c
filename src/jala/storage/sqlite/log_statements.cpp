#include "jala/storage/sqlite/log_statements.h"

#include <cstring>

namespace jala::storage::sqlite {

Result<LogStatements> LogStatements::prepare(sqlite3* db) {
  JALA_TRY_ASSIGN(Statement size, Statement::prepare(db, "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_entries"));
  JALA_TRY_ASSIGN(Statement entry, Statement::prepare(db, "SELECT entry FROM log_entries WHERE leaf_index = ?"));
  JALA_TRY_ASSIGN(Statement node, Statement::prepare(db, "SELECT hash FROM log_nodes WHERE level = ? AND idx = ?"));
  JALA_TRY_ASSIGN(Statement insert_entry,
                  Statement::prepare(db, "INSERT INTO log_entries (leaf_index, entry) VALUES (?, ?)"));
  JALA_TRY_ASSIGN(Statement insert_node,
                  Statement::prepare(db, "INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)"));
  JALA_TRY_ASSIGN(Statement note_record,
                  Statement::prepare(db,
                                     "INSERT OR REPLACE INTO log_records (kind, source, source_id, leaf_index)"
                                     " VALUES (?, ?, ?, ?)"));
  JALA_TRY_ASSIGN(
      Statement record_index,
      Statement::prepare(db, "SELECT leaf_index FROM log_records WHERE kind = ? AND source = ? AND source_id = ?"));
  return LogStatements(std::move(size), std::move(entry), std::move(node), std::move(insert_entry),
                       std::move(insert_node), std::move(note_record), std::move(record_index));
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

Result<evidence::Hash> LogStatements::node(evidence::NodeId id) {
  m_node.bind(1, static_cast<std::int64_t>(id.level)).bind(2, static_cast<std::int64_t>(id.index));
  JALA_TRY_ASSIGN(const bool row, m_node.step());
  evidence::Hash hash{};
  const std::string_view blob = row ? m_node.column_blob(0) : std::string_view();
  const bool whole = row && blob.size() == hash.size();
  if (whole) std::memcpy(hash.data(), blob.data(), hash.size());
  m_node.reset();
  if (!row) return not_found("the log has no node at level {} index {}", id.level, id.index);
  if (!whole) return data_loss("the log's node at level {} index {} is not a SHA-256 hash", id.level, id.index);
  return hash;
}

Status LogStatements::append(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) {
  JALA_TRY(m_insert_entry.bind(1, static_cast<std::int64_t>(index)).bind(2, entry).run());
  for (const evidence::Node& node : nodes) {
    m_insert_node.bind(1, static_cast<std::int64_t>(node.id.level)).bind(2, static_cast<std::int64_t>(node.id.index));
    m_insert_node.bind_blob(3, node.hash.data(), node.hash.size());
    JALA_TRY(m_insert_node.run());
  }
  return {};
}

Status LogStatements::note_record(std::string_view kind, std::string_view source, std::string_view id,
                                  std::uint64_t index) {
  return m_note_record.bind(1, kind).bind(2, source).bind(3, id).bind(4, static_cast<std::int64_t>(index)).run();
}

Result<std::optional<std::uint64_t>> LogStatements::record_index(std::string_view kind, std::string_view source,
                                                                 std::string_view id) {
  m_record_index.bind(1, kind).bind(2, source).bind(3, id);
  JALA_TRY_ASSIGN(const bool row, m_record_index.step());
  std::optional<std::uint64_t> index;
  if (row) index = static_cast<std::uint64_t>(m_record_index.column_int(0));
  m_record_index.reset();
  return index;
}

}  // namespace jala::storage::sqlite
