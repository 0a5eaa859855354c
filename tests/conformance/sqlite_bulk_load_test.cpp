// What a bulk load does to an SQLite store (WriteTransaction::start_bulk_load): which indexes it drops
// and builds again, and how selectors stay unique while the index that keeps them so is gone.
#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/core.h>

#include "jala/storage/sqlite/sqlite_store.h"
#include "sample_report.h"
#include "sqlite_shell.h"
#include "support/scratch_folder.h"

namespace jala::storage {
namespace {

using jala::testing::ScratchFolder;

constexpr std::string_view k_bulk_indexes =
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN"
    " ('transactions_by_from', 'transactions_by_to', 'selectors_by_value') ORDER BY name;";
constexpr std::string_view k_all_bulk_indexes = "selectors_by_value\ntransactions_by_from\ntransactions_by_to\n";
// Selectors stored more than once: none, whatever happened.
constexpr std::string_view k_repeated_selectors =
    "SELECT type || ':' || value FROM selectors GROUP BY type, value HAVING count(*) > 1;";

model::Selector phone(int n) { return {model::SelectorType::phone, fmt::format("+8491234{:04}", n)}; }

model::Transaction payment(const std::string& id, int from, int to) {
  model::Transaction transaction = make_transaction(id);
  transaction.from = phone(from);
  transaction.to = phone(to);
  return transaction;
}

Status put(Store& store, const model::Transaction& transaction) {
  return store.write([&](WriteTransaction& t) -> Status {
    JALA_TRY(t.put_transaction(transaction));
    return {};
  });
}

// The accounts of stored transaction `id`, as "FROM -> TO".
std::string accounts_of(Store& store, const std::string& id) {
  std::string got;
  const Status read = store.read([&](const ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::optional<model::Transaction> found, view.find_transaction({"VN-SBV", id}));
    if (found) got = found->from.value + " -> " + found->to.value;
    return {};
  });
  EXPECT_TRUE(read.ok()) << read.error().message();
  return got;
}

Status start_bulk_load(Store& store) {
  return store.write([](WriteTransaction& t) { return t.start_bulk_load(); });
}
Status finish_bulk_load(Store& store) {
  return store.write([](WriteTransaction& t) { return t.finish_bulk_load(); });
}

std::unique_ptr<SqliteStore> open(const std::filesystem::path& path) {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(path.string());
  EXPECT_TRUE(store.ok()) << store.error().message();
  return store.ok() ? std::move(*store) : nullptr;
}

TEST(SqliteBulkLoad, DropsItsIndexesAndBuildsThemAgain) {
  const ScratchFolder scratch("bulk_indexes");
  const std::filesystem::path path = scratch.file("jala.db");
  const std::unique_ptr<SqliteStore> store = open(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), k_all_bulk_indexes);
  for (int time = 0; time < 2; ++time) {  // twice: harmless
    ASSERT_TRUE(start_bulk_load(*store).ok());
  }
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), "");
  for (int time = 0; time < 2; ++time) {
    ASSERT_TRUE(finish_bulk_load(*store).ok());
  }
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), k_all_bulk_indexes);
}

// Without their index, selectors stay unique: those stored before the load, those the load adds, and
// after a rolled-back write, whose new selectors no longer exist.
TEST(SqliteBulkLoad, KeepsSelectorsUniqueWithoutTheirIndex) {
  const ScratchFolder scratch("bulk_unique");
  const std::filesystem::path path = scratch.file("jala.db");
  const std::unique_ptr<SqliteStore> store = open(path);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(put(*store, payment("before", 1, 2)).ok());
  ASSERT_TRUE(start_bulk_load(*store).ok());

  ASSERT_TRUE(put(*store, payment("old-to-new", 2, 3)).ok());
  ASSERT_TRUE(put(*store, payment("new-to-old", 3, 1)).ok());
  const Status rolled_back = store->write([&](WriteTransaction& t) -> Status {
    JALA_TRY(t.put_transaction(payment("undone", 4, 5)));
    return internal_error("the write fails after its put");
  });
  ASSERT_FALSE(rolled_back.ok());
  ASSERT_TRUE(put(*store, payment("after-rollback", 4, 1)).ok());
  EXPECT_EQ(sqlite3_output(path, "SELECT count(*) FROM selectors;"), "4\n");  // 1, 2, 3 and 4
  EXPECT_EQ(sqlite3_output(path, k_repeated_selectors), "");

  ASSERT_TRUE(finish_bulk_load(*store).ok());
  ASSERT_TRUE(put(*store, payment("after-load", 4, 5)).ok());
  EXPECT_EQ(sqlite3_output(path, "SELECT count(*) FROM selectors;"), "5\n");
  EXPECT_EQ(accounts_of(*store, "new-to-old"), "+84912340003 -> +84912340001");
  EXPECT_EQ(accounts_of(*store, "after-rollback"), "+84912340004 -> +84912340001");
  EXPECT_EQ(accounts_of(*store, "undone"), "");
}

// Another connection's write during a bulk load (or after one was interrupted) first builds the index
// that keeps selectors unique, and the load goes on correctly with it.
TEST(SqliteBulkLoad, AnotherWriterBuildsTheSelectorIndexFirst) {
  const ScratchFolder scratch("bulk_other_writer");
  const std::filesystem::path path = scratch.file("jala.db");
  const std::unique_ptr<SqliteStore> loader = open(path);
  ASSERT_NE(loader, nullptr);
  ASSERT_TRUE(put(*loader, payment("before", 1, 2)).ok());
  ASSERT_TRUE(start_bulk_load(*loader).ok());
  ASSERT_TRUE(put(*loader, payment("loaded", 2, 3)).ok());
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), "");

  const std::unique_ptr<SqliteStore> other = open(path);
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(put(*other, payment("other", 3, 6)).ok());  // 3 exists; 6 is new to the loader
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), "selectors_by_value\n");

  ASSERT_TRUE(put(*loader, payment("loaded-later", 6, 7)).ok());
  EXPECT_EQ(sqlite3_output(path, k_repeated_selectors), "");
  EXPECT_EQ(sqlite3_output(path, "SELECT count(*) FROM selectors;"), "5\n");  // 1, 2, 3, 6 and 7
  ASSERT_TRUE(finish_bulk_load(*loader).ok());
  EXPECT_EQ(sqlite3_output(path, k_bulk_indexes), k_all_bulk_indexes);
  EXPECT_EQ(accounts_of(*loader, "loaded-later"), "+84912340006 -> +84912340007");
}

}  // namespace
}  // namespace jala::storage
