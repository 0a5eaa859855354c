// What only the PostgreSQL backend does: upgrade older stores, and send the writes whose answers are not
// wanted in one pipeline (postgres::Connection::run). Skips without the test server
// (tests/support/postgres_test_server.sh).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <future>
#include <string>

#include "jala/storage/postgres/connection.h"
#include "jala/storage/postgres/postgres_store.h"
#include "jala/storage/postgres/schema.h"
#include "logged_records.h"
#include "sample_report.h"
#include "support/postgres_test_database.h"

namespace jala::storage {
namespace {

// Each test on a fresh schema of the test server (m_url); skipped, saying why, without the server.
class PostgresSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why_not;
    const std::optional<std::string> server = jala::testing::postgres_test_url(why_not);
    if (!server) GTEST_SKIP() << why_not;
    const std::optional<std::string> url =
        jala::testing::fresh_postgres_schema(*server, "postgres_test_" + std::to_string(::getpid()), why_not);
    ASSERT_TRUE(url) << why_not;
    m_url = *url;
  }

  std::string m_url;
};
using PostgresStoreTest = PostgresSchema;
using PostgresConnectionTest = PostgresSchema;

// A store of schema 1 keeps every record's latest leaf in log_records; upgraded, reports and
// transactions carry theirs in their rows (logged_records.h).
TEST_F(PostgresStoreTest, UpgradesTheRecordsLeavesIntoTheirRows) {
  {
    Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(m_url);
    ASSERT_TRUE(store.ok()) << store.error().message();
    ASSERT_TRUE((*store)->write(write_logged_records).ok());
  }
  {
    Result<postgres::Connection> connection = postgres::Connection::open(m_url);
    ASSERT_TRUE(connection.ok()) << connection.error().message();
    const Status undone = connection->execute(
        "ALTER TABLE reports DROP COLUMN withdrawn;"
        " INSERT INTO log_records SELECT 'report', source, source_id, leaf_index FROM reports"
        " WHERE leaf_index IS NOT NULL;"
        " INSERT INTO log_records SELECT 'transaction', source, source_id, leaf_index FROM transactions"
        " WHERE leaf_index IS NOT NULL;"
        " CREATE INDEX log_records_by_leaf ON log_records (kind, leaf_index); DROP INDEX reports_by_leaf;"
        " ALTER TABLE reports DROP COLUMN leaf_index; ALTER TABLE transactions DROP COLUMN leaf_index;"
        " UPDATE jala_schema SET version = 1;");
    ASSERT_TRUE(undone.ok()) << undone.error().message();
  }
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(m_url);
  ASSERT_TRUE(store.ok()) << store.error().message();
  ASSERT_TRUE((*store)->read(expect_logged_records).ok());
}

// Found in review: a command that only reads created a store's tables in a mistyped database and found
// nothing there, where SQLite refuses a missing file.
TEST_F(PostgresStoreTest, OpeningOnlyAnExistingStoreCreatesNoTables) {
  Result<std::unique_ptr<PostgresStore>> missing = PostgresStore::open(m_url, false);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::not_found);
  EXPECT_NE(missing.error().message().find("there is no store in this database and schema"), std::string::npos)
      << missing.error().message();
  Result<postgres::Connection> connection = postgres::Connection::open(m_url);
  ASSERT_TRUE(connection.ok()) << connection.error().message();
  Result<postgres::Rows> tables = connection->query("SELECT (to_regclass('jala_schema') IS NULL)::INTEGER");
  ASSERT_TRUE(tables.ok()) << tables.error().message();
  EXPECT_EQ(tables->integer(0, 0), 1);
  ASSERT_TRUE(PostgresStore::open(m_url).ok());
  EXPECT_TRUE(PostgresStore::open(m_url, false).ok());
}

// Found in review: every open took the writers' lock to check the schema, so a search waited for a whole
// bulk load. A store at this build's version opens while a writer holds the lock.
TEST_F(PostgresStoreTest, OpeningAStoreOfThisVersionWaitsForNoWriter) {
  ASSERT_TRUE(PostgresStore::open(m_url).ok());
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok()) << writer.error().message();
  ASSERT_TRUE(writer->execute(fmt::format("BEGIN; {}", postgres::k_take_write_lock)).ok());
  std::future<bool> opened = std::async(std::launch::async, [&] {
    Result<std::unique_ptr<PostgresStore>> reader = PostgresStore::open(m_url, false);
    return reader.ok() && (*reader)->read([](const ReadView&) { return Status(); }).ok();
  });
  const bool in_time = opened.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  ASSERT_TRUE(writer->execute("ROLLBACK").ok());  // frees an open that waits, so the test ends either way
  EXPECT_TRUE(in_time) << "the open waited for the writer";
  EXPECT_TRUE(opened.get());
}

// Found in review: the writers of every schema in a database took one lock, so a bulk load into one node's
// store held up every other node's ingest. A store's writers queue behind each other, and behind a writer
// of an older build, only.
TEST_F(PostgresStoreTest, AWriterWaitsForItsOwnStoresWritersAndAnOlderBuildsOnly) {
  std::string why_not;
  const std::optional<std::string> server = jala::testing::postgres_test_url(why_not);
  ASSERT_TRUE(server) << why_not;
  const std::optional<std::string> other_url =
      jala::testing::fresh_postgres_schema(*server, "postgres_test_other_" + std::to_string(::getpid()), why_not);
  ASSERT_TRUE(other_url) << why_not;
  Result<std::unique_ptr<PostgresStore>> other = PostgresStore::open(*other_url);
  ASSERT_TRUE(other.ok()) << other.error().message();
  Result<std::unique_ptr<PostgresStore>> same = PostgresStore::open(m_url);
  ASSERT_TRUE(same.ok()) << same.error().message();
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok()) << writer.error().message();
  ASSERT_TRUE(writer->execute(fmt::format("BEGIN; {}", postgres::k_take_write_lock)).ok());

  const auto write_a_report = [](PostgresStore& store) {
    return std::async(std::launch::async, [&store] {
      return store
          .write([](WriteTransaction& transaction) -> Status {
            JALA_TRY(transaction.put_report(make_report("waits")));
            return {};
          })
          .ok();
    });
  };
  std::future<bool> other_write = write_a_report(**other);
  std::future<bool> same_write = write_a_report(**same);
  const bool other_in_time = other_write.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  const bool same_waited = same_write.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout;
  ASSERT_TRUE(writer->execute("ROLLBACK").ok());  // frees the writes that wait, so the test ends either way
  EXPECT_TRUE(other_in_time) << "a write into another schema waited for this store's writer";
  EXPECT_TRUE(same_waited) << "a write into this store did not wait for its writer";
  EXPECT_TRUE(other_write.get());
  EXPECT_TRUE(same_write.get());

  // A writer of a build before 2026-12-07 took one lock for the whole database; a writer now waits for it,
  // so the two never write at once while both builds run during an upgrade. (In this test, not one of its
  // own: the old lock would hold up the other schema's write above if they ran side by side.)
  Result<postgres::Connection> old_writer = postgres::Connection::open(m_url);
  ASSERT_TRUE(old_writer.ok()) << old_writer.error().message();
  ASSERT_TRUE(old_writer->execute("BEGIN; SELECT pg_advisory_xact_lock(1245793345)").ok());
  std::future<bool> after_old = write_a_report(**other);
  const bool waited_for_old = after_old.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout;
  ASSERT_TRUE(old_writer->execute("ROLLBACK").ok());
  EXPECT_TRUE(waited_for_old) << "a write did not wait for an older build's writer";
  EXPECT_TRUE(after_old.get());
}

std::int64_t count_rows(postgres::Connection& connection, std::string_view table) {
  Result<postgres::Rows> rows = connection.query(std::string("SELECT count(*) FROM ") + std::string(table));
  EXPECT_TRUE(rows.ok()) << rows.error().message();
  return rows.ok() ? rows->integer(0, 0) : -1;
}

TEST_F(PostgresConnectionTest, QueuedStatementsReachTheServerWithTheNextQuery) {
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  Result<postgres::Connection> watcher = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok() && watcher.ok());
  ASSERT_TRUE(writer->execute("CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT NOT NULL)").ok());
  for (std::int64_t k = 1; k <= 3; ++k) {
    ASSERT_TRUE(writer->run("INSERT INTO t (k, v) VALUES ($1, $2)", postgres::Params().integer(k).text("x")).ok());
  }
  EXPECT_EQ(count_rows(*watcher, "t"), 0);  // queued, not sent
  // The query goes behind them, in order, and its own rows come back.
  Result<postgres::Rows> rows = writer->query("SELECT count(*), max(k) FROM t");
  ASSERT_TRUE(rows.ok()) << rows.error().message();
  EXPECT_EQ(rows->integer(0, 0), 3);
  EXPECT_EQ(rows->integer(0, 1), 3);
  EXPECT_EQ(count_rows(*watcher, "t"), 3);
}

TEST_F(PostgresConnectionTest, TheQueueIsSentWhenItIsFull) {
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  Result<postgres::Connection> watcher = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok() && watcher.ok());
  ASSERT_TRUE(writer->execute("CREATE TABLE t (k BIGINT PRIMARY KEY)").ok());
  const auto queued = static_cast<std::int64_t>(postgres::Connection::k_max_queued);
  for (std::int64_t k = 0; k < queued + 10; ++k) {
    ASSERT_TRUE(writer->run("INSERT INTO t (k) VALUES ($1)", postgres::Params().integer(k)).ok());
  }
  EXPECT_EQ(count_rows(*watcher, "t"), queued);
  ASSERT_TRUE(writer->flush().ok());
  EXPECT_EQ(count_rows(*watcher, "t"), queued + 10);
}

TEST_F(PostgresConnectionTest, AQueuedFailureIsReportedLaterAndStopsTheStatementsAfterIt) {
  Result<postgres::Connection> connection = postgres::Connection::open(m_url);
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(connection->execute("CREATE TABLE t (k BIGINT PRIMARY KEY); CREATE SEQUENCE s").ok());
  const std::string insert = "INSERT INTO t (k) VALUES ($1)";
  const std::string next = "SELECT nextval('s')";
  ASSERT_TRUE(connection->query(next).ok());  // 1; a sequence moves on whatever the transaction does

  ASSERT_TRUE(connection->execute("BEGIN").ok());
  ASSERT_TRUE(connection->run(insert, postgres::Params().integer(1)).ok());
  ASSERT_TRUE(connection->run(insert, postgres::Params().integer(1)).ok());  // fails on the server
  ASSERT_TRUE(connection->run(next).ok());                                   // so this does not run
  const Result<postgres::Rows> after = connection->query("SELECT count(*) FROM t");
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message().find("duplicate key"), std::string::npos) << after.error().message();
  ASSERT_TRUE(connection->execute("ROLLBACK").ok());
  Result<postgres::Rows> sequence = connection->query("SELECT last_value FROM s");
  ASSERT_TRUE(sequence.ok());
  EXPECT_EQ(sequence->integer(0, 0), 1);

  // A COMMIT behind a failed statement reports the failure, and the server keeps nothing.
  ASSERT_TRUE(connection->execute("BEGIN").ok());
  ASSERT_TRUE(connection->run(insert, postgres::Params().integer(2)).ok());
  ASSERT_TRUE(connection->run(insert, postgres::Params().integer(2)).ok());
  const Status committed = connection->execute("COMMIT");
  ASSERT_FALSE(committed.ok());
  EXPECT_NE(committed.error().message().find("duplicate key"), std::string::npos) << committed.error().message();
  EXPECT_EQ(count_rows(*connection, "t"), 0);
}

TEST_F(PostgresConnectionTest, TextArraysCarryEveryValueAsItIs) {
  Result<postgres::Connection> connection = postgres::Connection::open(m_url);
  ASSERT_TRUE(connection.ok());
  const std::vector<std::string_view> values = {"a", "b\"c", "d\\e", "{f,g}", "", "NULL", " h i ", "ví dụ 例"};
  Result<postgres::Rows> rows = connection->query(
      "SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n", postgres::Params().texts(values));
  ASSERT_TRUE(rows.ok()) << rows.error().message();
  ASSERT_EQ(rows->size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_FALSE(rows->is_null(i, 0));
    EXPECT_EQ(rows->text(i, 0), values[i]);
  }
}

TEST_F(PostgresConnectionTest, GatheredRowsArriveExactlyInOrderBeforeLaterStatements) {
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  Result<postgres::Connection> watcher = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok() && watcher.ok());
  ASSERT_TRUE(
      writer->execute("CREATE TABLE t (n BIGSERIAL, k BIGINT PRIMARY KEY, x DOUBLE PRECISION, s TEXT, b BYTEA)").ok());
  const std::string insert =
      "INSERT INTO t (k, x, s, b) SELECT * FROM unnest($1::bigint[], $2::double precision[], $3::text[], $4::bytea[])";
  const std::string bytes("\0\x01\\\"\xff", 5);
  const auto row = [&](std::int64_t k) {
    postgres::Params params;
    params.integer(k).real(0.1 + 0.2 * static_cast<double>(k));
    if (k % 7 == 3) {
      params.null();
    } else {
      params.text(k % 2 == 0 ? "quote \" and \\ {,} NULL" : "ví dụ");
    }
    return params.bytes(bytes);
  };
  const std::string update = "UPDATE t SET s = 'updated' WHERE k = $1";
  ASSERT_TRUE(writer->run(update, postgres::Params().integer(-1)).ok());  // prepared now: later, it flushes nothing
  // More than a statement's worth of rows: k_max_batched_rows of them go in each insert.
  const auto rows = static_cast<std::int64_t>(2 * postgres::Connection::k_max_batched_rows + 500);
  for (std::int64_t k = 0; k < rows; ++k) ASSERT_TRUE(writer->insert_row(insert, row(k)).ok());
  ASSERT_TRUE(writer->run(update, postgres::Params().integer(rows - 1)).ok());
  ASSERT_TRUE(writer->flush().ok());
  Result<postgres::Rows> got = watcher->query("SELECT k, x, s, b FROM t ORDER BY n");
  ASSERT_TRUE(got.ok()) << got.error().message();
  ASSERT_EQ(got->size(), static_cast<std::size_t>(rows));
  for (std::int64_t k = 0; k < rows; ++k) {
    const auto r = static_cast<std::size_t>(k);
    ASSERT_EQ(got->integer(r, 0), k);  // in the order given
    EXPECT_EQ(got->real(r, 1), 0.1 + 0.2 * static_cast<double>(k)) << k;
    if (k == rows - 1) {
      EXPECT_EQ(got->text(r, 2), "updated");  // the later statement saw the row
    } else if (k % 7 == 3) {
      EXPECT_TRUE(got->is_null(r, 2));
    } else {
      EXPECT_EQ(got->text(r, 2), k % 2 == 0 ? "quote \" and \\ {,} NULL" : "ví dụ");
    }
    EXPECT_EQ(got->bytes(r, 3), bytes);
  }
}

TEST_F(PostgresConnectionTest, AGatheredInsertThatFailsIsReportedAndKeepsNothing) {
  Result<postgres::Connection> connection = postgres::Connection::open(m_url);
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(connection->execute("CREATE TABLE t (k BIGINT PRIMARY KEY)").ok());
  const std::string insert = "INSERT INTO t (k) SELECT * FROM unnest($1::bigint[])";
  for (const std::int64_t k : {1, 2, 1, 3})
    ASSERT_TRUE(connection->insert_row(insert, postgres::Params().integer(k)).ok());
  const Result<postgres::Rows> after = connection->query("SELECT count(*) FROM t");
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message().find("duplicate key"), std::string::npos) << after.error().message();
  EXPECT_EQ(count_rows(*connection, "t"), 0);
}

// Found in review: when the connection dropped its prepared statements (at 256 distinct texts), a
// multi-row insert kept the name of its statement, which by then named another one.
TEST_F(PostgresConnectionTest, GatheredRowsSurviveTheConnectionDroppingItsStatements) {
  Result<postgres::Connection> connection = postgres::Connection::open(m_url);
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(connection->execute("CREATE TABLE t (k BIGINT PRIMARY KEY); CREATE TABLE other (k BIGINT)").ok());
  const std::string insert = "INSERT INTO t (k) SELECT * FROM unnest($1::bigint[])";
  ASSERT_TRUE(connection->insert_row(insert, postgres::Params().integer(1)).ok());
  ASSERT_TRUE(connection->flush().ok());
  for (int i = 0; i < 300; ++i) {  // distinct texts, as TAXII filters make them
    ASSERT_TRUE(connection->run(fmt::format("INSERT INTO other (k) VALUES ({})", i)).ok());
  }
  ASSERT_TRUE(connection->insert_row(insert, postgres::Params().integer(2)).ok());
  const Status flushed = connection->flush();
  ASSERT_TRUE(flushed.ok()) << flushed.error().message();
  EXPECT_EQ(count_rows(*connection, "t"), 2);
  EXPECT_EQ(count_rows(*connection, "other"), 300);
}

// A pipeline whose connection dies answers with an error, not a wait.
TEST_F(PostgresConnectionTest, ALostConnectionFailsTheQueueInsteadOfHanging) {
  Result<postgres::Connection> writer = postgres::Connection::open(m_url);
  Result<postgres::Connection> killer = postgres::Connection::open(m_url);
  ASSERT_TRUE(writer.ok() && killer.ok());
  ASSERT_TRUE(writer->execute("CREATE TABLE t (k BIGINT)").ok());
  Result<postgres::Rows> pid = writer->query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok());
  for (std::int64_t k = 0; k < 3; ++k) {
    ASSERT_TRUE(writer->run("INSERT INTO t (k) VALUES ($1)", postgres::Params().integer(k)).ok());
  }
  ASSERT_TRUE(
      writer->insert_row("INSERT INTO t (k) SELECT * FROM unnest($1::bigint[])", postgres::Params().integer(9)).ok());
  ASSERT_TRUE(killer->query("SELECT pg_terminate_backend($1)", postgres::Params().integer(pid->integer(0, 0))).ok());
  const Status flushed = writer->flush();
  ASSERT_FALSE(flushed.ok());
  EXPECT_EQ(flushed.error().code(), ErrorCode::unavailable) << flushed.error().message();
  EXPECT_FALSE(writer->query("SELECT 1").ok());
}

// A store's write whose queued log append fails reports it and keeps nothing of the write.
TEST_F(PostgresStoreTest, AWriteWhoseQueuedWriteFailsKeepsNothing) {
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(m_url);
  ASSERT_TRUE(store.ok()) << store.error().message();
  {
    Result<postgres::Connection> connection = postgres::Connection::open(m_url);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE(connection->execute("ALTER TABLE log_entries ADD CONSTRAINT one_entry CHECK (leaf_index < 1)").ok());
  }
  const Status written = (*store)->write([](WriteTransaction& t) -> Status {
    JALA_TRY(t.put_transaction(make_transaction("t1")));
    JALA_TRY(t.put_transaction(make_transaction("t2")));  // its log entry breaks the check
    JALA_TRY(t.put_transaction(make_transaction("t3")));
    return {};
  });
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.error().message().find("one_entry"), std::string::npos) << written.error().message();
  const Status read = (*store)->read([](const ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::uint64_t size, view.log_size());
    EXPECT_EQ(size, 0U);
    JALA_TRY_ASSIGN(const std::optional<model::Transaction> t1, view.find_transaction({"VN-SBV", "t1"}));
    EXPECT_FALSE(t1.has_value());
    return {};
  });
  ASSERT_TRUE(read.ok()) << read.error().message();
  // The store still writes.
  const Status again = (*store)->write([](WriteTransaction& t) -> Status {
    JALA_TRY(t.put_transaction(make_transaction("t1")));
    return {};
  });
  EXPECT_TRUE(again.ok()) << again.error().message();
}

}  // namespace
}  // namespace jala::storage
