// The SQLite backend's evidence log: prepared statements over log_entries and log_nodes (schema 3).
// Internal to storage/sqlite/. Thread-compatible, like its connection.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "jala/base/result.h"
#include "jala/evidence/merkle.h"
#include "jala/storage/sqlite/statement.h"

namespace jala::storage::sqlite {

class LogStatements {
 public:
  static Result<LogStatements> prepare(sqlite3* db);

  Result<std::uint64_t> size();
  Result<std::string> entry(std::uint64_t index);
  Result<evidence::Hash> node(evidence::NodeId id);
  Status append(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes);

 private:
  LogStatements(Statement size, Statement entry, Statement node, Statement insert_entry, Statement insert_node)
      : m_size(std::move(size)),
        m_entry(std::move(entry)),
        m_node(std::move(node)),
        m_insert_entry(std::move(insert_entry)),
        m_insert_node(std::move(insert_node)) {}

  Statement m_size;
  Statement m_entry;
  Statement m_node;
  Statement m_insert_entry;
  Statement m_insert_node;
};

}  // namespace jala::storage::sqlite
