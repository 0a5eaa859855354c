#include "jala/storage/sqlite/statement.h"

#include <sqlite3.h>

namespace jala::storage::sqlite {

void ConnectionCloser::operator()(sqlite3* connection) const { sqlite3_close_v2(connection); }

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }

Error last_error(sqlite3* connection, std::string_view what) {
  const int code = sqlite3_extended_errcode(connection);
  const std::string message = fmt::format("{}: {}", what, sqlite3_errmsg(connection));
  switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Error(ErrorCode::data_loss, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM: return Error(ErrorCode::unavailable, message);
    case SQLITE_CONSTRAINT: return Error(ErrorCode::already_exists, message);
    default: return Error(ErrorCode::internal, message);
  }
}

Status execute(sqlite3* connection, std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(connection, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return last_error(connection, "SQLite");
  }
  return {};
}

Result<Statement> Statement::prepare(sqlite3* connection, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(connection, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                         nullptr) != SQLITE_OK) {
    return last_error(connection, "SQLite prepare");
  }
  return Statement(connection, statement);
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(m_statement.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
  sqlite3_bind_int64(m_statement.get(), index, number);
  return *this;
}

Statement& Statement::bind(int index, double number) {
  sqlite3_bind_double(m_statement.get(), index, number);
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  sqlite3_bind_blob(m_statement.get(), index, data, static_cast<int>(size), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(m_statement.get(), index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(m_statement.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = last_error(m_connection, "SQLite step");
  sqlite3_reset(m_statement.get());
  return error;
}

Status Statement::run() {
  Result<bool> stepped = step();
  reset();  // also after a failure, so that a statement kept for reuse can be bound again
  if (!stepped.ok()) return std::move(stepped).error();
  return {};
}

void Statement::reset() {
  sqlite3_reset(m_statement.get());
  sqlite3_clear_bindings(m_statement.get());
}

std::string_view Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement.get(), index));
  if (text == nullptr) return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement.get(), index))};
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_statement.get(), index); }

double Statement::column_double(int index) const { return sqlite3_column_double(m_statement.get(), index); }

std::string_view Statement::column_blob(int index) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement.get(), index));
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement.get(), index))};
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_statement.get(), index) == SQLITE_NULL; }

Result<model::Selector> read_selector(const Statement& row, int first_column) {
  JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(row.column_text(first_column)));
  return model::Selector{type, std::string(row.column_text(first_column + 1))};
}

}  // namespace jala::storage::sqlite
