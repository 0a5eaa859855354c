// A thin RAII layer over SQLite's C API for the SQLite backend: a connection handle and prepared
// statements that report failures as Result. Nothing outside storage/sqlite/ includes it.
// Thread-compatible, like the connection it belongs to.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/model/selector.h"

struct sqlite3;
struct sqlite3_stmt;

namespace jala::storage::sqlite {

struct ConnectionCloser {
  void operator()(sqlite3* connection) const;
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

// Runs SQL that returns no rows (may hold several statements).
Status execute(sqlite3* connection, std::string_view sql);

class Statement {
 public:
  static Result<Statement> prepare(sqlite3* connection, std::string_view sql);

  // Binding indexes start at 1, as in SQLite.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t number);
  Statement& bind(int index, double number);
  Statement& bind_blob(int index, const void* data, std::size_t size);
  Statement& bind_null(int index);

  // Advances: true when a row is ready, false when done.
  Result<bool> step();
  // Steps a statement that returns no rows, then resets it for reuse.
  Status run();
  void reset();

  std::string_view column_text(int index) const;
  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string_view column_blob(int index) const;
  bool column_is_null(int index) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  Statement(sqlite3* connection, sqlite3_stmt* statement) : m_connection(connection), m_statement(statement) {}

  sqlite3* m_connection;
  std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

// The error of the connection's last failed call, with `what` as context.
Error last_error(sqlite3* connection, std::string_view what);

// The selector in a row's columns `first_column` (its type) and the next (its value).
Result<model::Selector> read_selector(const Statement& row, int first_column);

}  // namespace jala::storage::sqlite
