// What only the PostgreSQL backend does: upgrade older stores. Skips without the test server
// (tests/support/postgres_test_server.sh).
#include <gtest/gtest.h>

#include <unistd.h>

#include <string>

#include "jala/storage/postgres/connection.h"
#include "jala/storage/postgres/postgres_store.h"
#include "logged_records.h"
#include "support/postgres_test_database.h"

namespace jala::storage {
namespace {

// A store of schema 1 keeps every record's latest leaf in log_records; upgraded, reports and
// transactions carry theirs in their rows (logged_records.h).
TEST(PostgresStore, UpgradesTheRecordsLeavesIntoTheirRows) {
  std::string why_not;
  const std::optional<std::string> server = jala::testing::postgres_test_url(why_not);
  if (!server) GTEST_SKIP() << why_not;
  const std::optional<std::string> url =
      jala::testing::fresh_postgres_schema(*server, "upgrade_" + std::to_string(::getpid()), why_not);
  ASSERT_TRUE(url) << why_not;
  {
    Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(*url);
    ASSERT_TRUE(store.ok()) << store.error().message();
    ASSERT_TRUE((*store)->write(write_logged_records).ok());
  }
  {
    Result<postgres::Connection> connection = postgres::Connection::open(*url);
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
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(*url);
  ASSERT_TRUE(store.ok()) << store.error().message();
  ASSERT_TRUE((*store)->read(expect_logged_records).ok());
}

}  // namespace
}  // namespace jala::storage
