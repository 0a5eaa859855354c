// A thin RAII layer over libpq for the PostgreSQL backend: a connection that prepares each distinct
// SQL text once and runs it with typed parameters, and result sets that report failures as Result.
// Nothing outside storage/postgres/ includes it but the tests (tests/support/postgres_test_database.h).
// Thread-compatible, like the connection it wraps.
//
// Parameters travel as text, except byte strings, which go in binary; results come back as text.
// Numbers are written in the shortest form that reads back exactly, and PostgreSQL 12 and later
// print doubles that way too, so a double survives the round trip bit for bit.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/selector.h"

struct pg_conn;
struct pg_result;

namespace jala::storage::postgres {

// The values of a query's $1, $2, ...
class Params {
 public:
  Params& text(std::string_view value);
  Params& integer(std::int64_t value);
  Params& real(double value);
  Params& bytes(std::string_view value);  // bytea, sent in binary
  Params& null();
  // A bigint[] literal, for `= ANY($n)` and unnest().
  Params& integers(std::span<const std::int64_t> values);
  // A text[] literal, for unnest(): every element quoted, its quotes and backslashes escaped.
  Params& texts(std::span<const std::string_view> values);

  std::size_t size() const { return m_values.size(); }
  // Value i as an element of an array literal: quoted and escaped, bytes as hex, or NULL.
  void append_array_element(std::size_t i, std::string& literal) const;
  // For libpq: pointers into this object, valid while it lives unchanged.
  std::vector<const char*> values() const;
  const std::vector<int>& lengths() const { return m_lengths; }
  const std::vector<int>& formats() const { return m_formats; }

 private:
  std::vector<std::optional<std::string>> m_values;
  std::vector<int> m_lengths;
  std::vector<int> m_formats;
};

// A query's rows, in text form.
class Rows {
 public:
  std::size_t size() const;
  // The number of rows the statement changed (INSERT, UPDATE, DELETE).
  std::int64_t changed() const;

  bool is_null(std::size_t row, int column) const;
  std::string_view text(std::size_t row, int column) const;
  std::int64_t integer(std::size_t row, int column) const;
  double real(std::size_t row, int column) const;
  std::string bytes(std::size_t row, int column) const;  // a bytea column, decoded
  // The selector in columns `first` (its type) and the next (its value).
  Result<model::Selector> selector(std::size_t row, int first) const;

 private:
  friend class Connection;
  struct Clear {
    void operator()(pg_result* result) const;
  };
  explicit Rows(pg_result* result) : m_result(result) {}
  std::unique_ptr<pg_result, Clear> m_result;
};

class Connection {
 public:
  // Connects to a `postgresql://` URL (libpq's syntax; environment defaults apply).
  static Result<Connection> open(const std::string& url);

  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  // Runs SQL without parameters, which may hold several statements, after the queued statements (run()).
  // It runs even when one of those failed, so that a ROLLBACK always runs; that failure is reported.
  Status execute(std::string_view sql);
  // Runs one statement, prepared on first use of its text and reused afterwards.
  Result<Rows> query(std::string_view sql, const Params& params = {});
  // Queues one statement whose rows, if any, are not wanted (prepared as query() prepares it). Queued
  // statements go to the server in one pipeline (libpq's pipeline mode) with the next statement whose
  // result is wanted: the next query(), execute(), scan() or flush(), or after k_max_queued of them. So a
  // record's writes cost one round trip, not one each. A queued statement's failure is reported by that
  // later call, and the statements queued after it are not run: the transaction has failed, and the
  // server keeps none of it. Every caller's transaction ends with execute(), which sends them, so the
  // failure is reported at the latest by the execute() of its COMMIT.
  Status run(std::string_view sql, const Params& params = {});
  // Adds one row to a multi-row insert. `sql` takes each column as an array, in the row's order:
  //   INSERT INTO t (a, b) SELECT * FROM unnest($1::text[], $2::bigint[])
  // Rows of the same `sql` gather into one statement, which is queued as run() queues its own (in the order
  // of the first row) when k_max_batched_rows have gathered or before any other statement is sent; so it
  // reaches the server before any statement given after its rows. Its failure is reported as run()'s is.
  Status insert_row(std::string_view sql, const Params& row);
  // Sends the queued statements and reports the first failure among them.
  Status flush();
  // Runs one statement and hands its rows to `each` in batches of up to `batch_rows`, through a
  // cursor, so that a scan of millions of rows holds only one batch. Must run inside a transaction.
  Status scan(std::string_view sql, const Params& params, std::size_t batch_rows,
              const std::function<Status(const Rows&)>& each);

  // At most this many statements wait in the queue. Their answers (a few dozen bytes each) must fit the
  // socket's buffers, or the server would block writing them while this side blocks writing more.
  static constexpr std::size_t k_max_queued = 512;
  // Rows gathered into one multi-row insert at most.
  static constexpr std::size_t k_max_batched_rows = 1000;

 private:
  struct Finish {
    void operator()(pg_conn* connection) const;
  };
  explicit Connection(pg_conn* connection);
  Error last_error(std::string_view what) const;
  Result<Rows> checked(pg_result* result, std::string_view what) const;
  // The error of a statement that failed with `result`: `unavailable` when the connection is lost.
  Error failure_of(const pg_result* result, std::string_view what) const;
  // The name of the statement prepared for `sql`, preparing it (after a flush()) on its first use.
  Result<std::string> prepared(std::string_view sql);
  // Adds a prepared statement to the pipeline.
  Status send(const std::string& name, const Params& params);
  // The rows that insert_row() gathered for one statement: each column's array literal, still open.
  struct RowBatch {
    std::string sql;
    std::string name;  // of the prepared statement
    std::vector<std::string> columns;
    std::size_t rows = 0;
  };
  // Queues each batch that holds rows (into the pipeline, as send() does) and empties it.
  Status send_row_batches();
  // Ends the pipeline: reads every queued statement's answer, and the last one's rows into `last`
  // when it is given; the first failure, if any.
  Status end_pipeline(std::optional<Rows>* last);

  std::unique_ptr<pg_conn, Finish> m_connection;
  std::unordered_map<std::string, std::string> m_prepared;  // SQL text -> statement name
  std::uint64_t m_next_scan = 0;                            // names each scan's cursor
  std::size_t m_queued = 0;                                 // statements in the pipeline, answers unread
  std::vector<RowBatch> m_row_batches;                      // one per statement insert_row() was given
};

}  // namespace jala::storage::postgres
