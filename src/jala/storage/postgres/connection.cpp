#include "jala/storage/postgres/connection.h"

#include <libpq-fe.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace jala::storage::postgres {
namespace {

// libpq's messages end with a line break; Jala's errors are one line.
std::string one_line(const char* message) {
  std::string text = message == nullptr ? "" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

// A text as an element of an array literal: quoted, its quotes and backslashes escaped.
void append_array_text(std::string_view value, std::string& literal) {
  literal += '"';
  for (const char c : value) {
    if (c == '"' || c == '\\') literal += '\\';
    literal += c;
  }
  literal += '"';
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Params& Params::text(std::string_view value) {
  m_values.emplace_back(std::string(value));
  m_lengths.push_back(0);
  m_formats.push_back(0);
  return *this;
}

Params& Params::integer(std::int64_t value) { return text(fmt::format("{}", value)); }

Params& Params::real(double value) { return text(fmt::format("{}", value)); }

Params& Params::bytes(std::string_view value) {
  if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return null();
  m_values.emplace_back(std::string(value));
  m_lengths.push_back(static_cast<int>(value.size()));
  m_formats.push_back(1);
  return *this;
}

Params& Params::null() {
  m_values.emplace_back(std::nullopt);
  m_lengths.push_back(0);
  m_formats.push_back(0);
  return *this;
}

Params& Params::integers(std::span<const std::int64_t> values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    fmt::format_to(std::back_inserter(literal), "{}{}", i == 0 ? "" : ",", values[i]);
  }
  literal += '}';
  return text(literal);
}

Params& Params::texts(std::span<const std::string_view> values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    append_array_text(values[i], literal);
  }
  literal += '}';
  return text(literal);
}

void Params::append_array_element(std::size_t i, std::string& literal) const {
  const std::optional<std::string>& value = m_values[i];
  if (!value) {
    literal += "NULL";
    return;
  }
  if (m_formats[i] == 1) {  // bytes: bytea's hex input form, its backslash escaped for the array
    constexpr std::string_view k_hex = "0123456789abcdef";
    literal += "\"\\\\x";
    for (const char c : *value) {
      const auto byte = static_cast<unsigned char>(c);
      literal += k_hex[byte >> 4];
      literal += k_hex[byte & 0xF];
    }
    literal += '"';
  } else {
    append_array_text(*value, literal);
  }
}

std::vector<const char*> Params::values() const {
  std::vector<const char*> pointers;
  pointers.reserve(m_values.size());
  for (const std::optional<std::string>& value : m_values) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

void Rows::Clear::operator()(pg_result* result) const { PQclear(result); }

std::size_t Rows::size() const { return static_cast<std::size_t>(PQntuples(m_result.get())); }

std::int64_t Rows::changed() const {
  const char* count = PQcmdTuples(m_result.get());
  return count == nullptr || *count == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

bool Rows::is_null(std::size_t row, int column) const {
  return PQgetisnull(m_result.get(), static_cast<int>(row), column) != 0;
}

std::string_view Rows::text(std::size_t row, int column) const {
  const int r = static_cast<int>(row);
  return {PQgetvalue(m_result.get(), r, column), static_cast<std::size_t>(PQgetlength(m_result.get(), r, column))};
}

std::int64_t Rows::integer(std::size_t row, int column) const {
  const std::string_view digits = text(row, column);
  std::int64_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

double Rows::real(std::size_t row, int column) const {
  // strtod reads PostgreSQL's "Infinity" and "NaN" too; the value is NUL-terminated by libpq.
  return std::strtod(PQgetvalue(m_result.get(), static_cast<int>(row), column), nullptr);
}

std::string Rows::bytes(std::size_t row, int column) const {
  const std::string_view hex = text(row, column);  // "\x" then two digits a byte
  std::string out;
  if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x') return out;
  out.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    const int high = hex_digit(hex[i]);
    const int low = hex_digit(hex[i + 1]);
    if (high < 0 || low < 0) return {};
    out.push_back(static_cast<char>((high << 4) | low));
  }
  return out;
}

Result<model::Selector> Rows::selector(std::size_t row, int first) const {
  JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(text(row, first)));
  return model::Selector{type, std::string(text(row, first + 1))};
}

void Connection::Finish::operator()(pg_conn* connection) const { PQfinish(connection); }

Connection::Connection(pg_conn* connection) : m_connection(connection) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Result<Connection> Connection::open(const std::string& url) {
  Connection connection(PQconnectdb(url.c_str()));
  if (connection.m_connection == nullptr) return unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(connection.m_connection.get()) != CONNECTION_OK) {
    // The URL is not repeated: it may hold a password.
    return unavailable("cannot connect to PostgreSQL: {}", one_line(PQerrorMessage(connection.m_connection.get())));
  }
  // Jala's messages are its own; the server's notices (e.g. "relation already exists, skipping") are noise.
  PQsetNoticeProcessor(
      connection.m_connection.get(), [](void*, const char*) {}, nullptr);
  return connection;
}

Error Connection::last_error(std::string_view what) const {
  pg_conn* connection = m_connection.get();
  if (PQstatus(connection) != CONNECTION_OK) {
    return unavailable("{}: the connection to PostgreSQL was lost: {}", what, one_line(PQerrorMessage(connection)));
  }
  return internal_error("{}: {}", what, one_line(PQerrorMessage(connection)));
}

Result<Rows> Connection::checked(pg_result* raw, std::string_view what) const {
  Rows rows(raw);
  if (raw == nullptr) return last_error(what);
  const ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return rows;
  return failure_of(raw, what);
}

Error Connection::failure_of(const pg_result* result, std::string_view what) const {
  // A statement that fails because the server went away is the connection's failure, not the statement's.
  if (PQstatus(m_connection.get()) != CONNECTION_OK) return last_error(what);
  return internal_error("{}: {}", what, one_line(PQresultErrorMessage(result)));
}

Status Connection::execute(std::string_view sql) {
  // Run even when a queued statement failed, so that a ROLLBACK always runs. A COMMIT then ends a
  // transaction that failed, which the server rolls back, and the queued failure is what is reported.
  Status queued = flush();
  const std::string text(sql);
  const Result<Rows> ran = checked(PQexec(m_connection.get(), text.c_str()), "PostgreSQL");
  if (!queued.ok()) return queued;
  if (!ran.ok()) return ran.error();
  return {};
}

Result<std::string> Connection::prepared(std::string_view sql) {
  const std::string text(sql);
  if (const auto known = m_prepared.find(text); known != m_prepared.end()) return known->second;
  JALA_TRY(flush());  // PQprepare waits for its answer, which a pipeline would hold behind others
  // Queries with lists (TAXII filters) differ in text; the server keeps at most this many plans.
  constexpr std::size_t k_max_prepared = 256;
  if (m_prepared.size() >= k_max_prepared) {
    JALA_TRY(execute("DEALLOCATE ALL"));
    m_prepared.clear();
    m_row_batches.clear();  // empty after the flush; their statements are gone, and their names reused
  }
  std::string name = fmt::format("jala_{}", m_prepared.size());
  JALA_TRY_ASSIGN(const Rows made,
                  checked(PQprepare(m_connection.get(), name.c_str(), text.c_str(), 0, nullptr), "PostgreSQL prepare"));
  (void)made;
  m_prepared.emplace(text, name);
  return name;
}

Status Connection::send(const std::string& name, const Params& params) {
  pg_conn* connection = m_connection.get();
  if (m_queued == 0 && PQenterPipelineMode(connection) != 1) return last_error("PostgreSQL pipeline");
  const std::vector<const char*> values = params.values();
  if (PQsendQueryPrepared(connection, name.c_str(), static_cast<int>(params.size()), values.data(),
                          params.lengths().data(), params.formats().data(), 0) != 1) {
    const Error failed = last_error("PostgreSQL");
    if (m_queued == 0) (void)PQexitPipelineMode(connection);
    return failed;
  }
  ++m_queued;
  return {};
}

Status Connection::end_pipeline(std::optional<Rows>* last) {
  pg_conn* connection = m_connection.get();
  const std::size_t statements = m_queued;
  m_queued = 0;
  if (PQpipelineSync(connection) != 1) return last_error("PostgreSQL pipeline");
  std::optional<Error> failure;
  std::size_t statement = 0;  // whose answer PQgetResult gives next; each answer ends with a null
  while (true) {
    pg_result* raw = PQgetResult(connection);
    if (raw == nullptr) {
      if (++statement > statements) {  // more ends than statements: the connection is gone
        if (!failure) failure = last_error("PostgreSQL pipeline");
        break;
      }
      continue;
    }
    Rows rows(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_PIPELINE_SYNC) break;
    if (status == PGRES_PIPELINE_ABORTED) continue;  // not run: an earlier statement failed
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (!failure) failure = failure_of(raw, "PostgreSQL");
      continue;
    }
    if (last != nullptr && statement + 1 == statements) *last = std::move(rows);
  }
  // A server that went away sends its reason as a failed statement first; the loss is what to report.
  if (PQstatus(connection) != CONNECTION_OK) return last_error("PostgreSQL");
  if (PQexitPipelineMode(connection) != 1 && !failure) failure = last_error("PostgreSQL pipeline");
  if (failure) return *failure;
  return {};
}

Status Connection::insert_row(std::string_view sql, const Params& row) {
  auto batch =
      std::find_if(m_row_batches.begin(), m_row_batches.end(), [&](const RowBatch& b) { return b.sql == sql; });
  if (batch == m_row_batches.end()) {
    JALA_TRY_ASSIGN(std::string name, prepared(sql));  // before the batch exists: preparing may flush
    m_row_batches.push_back(RowBatch{std::string(sql), std::move(name), std::vector<std::string>(row.size(), "{"), 0});
    batch = std::prev(m_row_batches.end());
  }
  if (batch->columns.size() != row.size()) {
    return internal_error("a row of {} values for an insert of {} columns", row.size(), batch->columns.size());
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (batch->rows > 0) batch->columns[i] += ',';
    row.append_array_element(i, batch->columns[i]);
  }
  if (++batch->rows < k_max_batched_rows) return {};
  JALA_TRY(send_row_batches());
  return m_queued >= k_max_queued ? flush() : Status{};
}

Status Connection::send_row_batches() {
  for (RowBatch& batch : m_row_batches) {
    if (batch.rows == 0) continue;
    Params arrays;
    for (std::string& column : batch.columns) {
      column += '}';
      arrays.text(column);
      column = "{";
    }
    batch.rows = 0;
    JALA_TRY(send(batch.name, arrays));
  }
  return {};
}

Status Connection::flush() {
  JALA_TRY(send_row_batches());
  if (m_queued == 0) return {};
  return end_pipeline(nullptr);
}

Result<Rows> Connection::query(std::string_view sql, const Params& params) {
  JALA_TRY_ASSIGN(const std::string name, prepared(sql));
  JALA_TRY(send_row_batches());
  if (m_queued == 0) {
    const std::vector<const char*> values = params.values();
    return checked(PQexecPrepared(m_connection.get(), name.c_str(), static_cast<int>(params.size()), values.data(),
                                  params.lengths().data(), params.formats().data(), 0),
                   "PostgreSQL");
  }
  // Behind queued statements: one round trip for them and this one.
  JALA_TRY(send(name, params));
  std::optional<Rows> rows;
  JALA_TRY(end_pipeline(&rows));
  if (!rows) return internal_error("PostgreSQL: a query in a pipeline gave no answer");
  return std::move(*rows);
}

Status Connection::run(std::string_view sql, const Params& params) {
  JALA_TRY_ASSIGN(const std::string name, prepared(sql));
  JALA_TRY(send_row_batches());
  JALA_TRY(send(name, params));
  return m_queued >= k_max_queued ? flush() : Status{};
}

Status Connection::scan(std::string_view sql, const Params& params, std::size_t batch_rows,
                        const std::function<Status(const Rows&)>& each) {
  JALA_TRY(flush());
  // Numbered, so that a scan may run inside another's callback.
  const std::string cursor = fmt::format("jala_scan_{}", m_next_scan++);
  const std::string declare = fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", cursor, sql);
  const std::vector<const char*> values = params.values();
  JALA_TRY_ASSIGN(const Rows declared,
                  checked(PQexecParams(m_connection.get(), declare.c_str(), static_cast<int>(params.size()), nullptr,
                                       values.data(), params.lengths().data(), params.formats().data(), 0),
                          "PostgreSQL scan"));
  (void)declared;
  const std::string fetch = fmt::format("FETCH FORWARD {} FROM {}", batch_rows, cursor);
  while (true) {
    JALA_TRY_ASSIGN(const Rows batch, checked(PQexec(m_connection.get(), fetch.c_str()), "PostgreSQL scan"));
    if (batch.size() == 0) break;
    JALA_TRY(each(batch));
    if (batch.size() < batch_rows) break;
  }
  return execute(fmt::format("CLOSE {}", cursor));
}

}  // namespace jala::storage::postgres
