// The backends that the storage conformance suites run against: every Store implementation, each
// opened fresh in a scratch folder of the test's own. PostgreSQL runs on the test server of
// tests/support/postgres_test_server.sh, in a fresh schema of the test process's own; without that
// server its tests skip, saying why.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/core.h>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "jala/storage/memory/memory_store.h"
#include "jala/storage/postgres/postgres_store.h"
#include "jala/storage/sqlite/sqlite_store.h"
#include "support/postgres_test_database.h"
#include "support/scratch_folder.h"

namespace jala::storage {

struct Backend {
  std::string name;
  // Opens a fresh store, or fills `why_not` and returns nothing when the backend cannot run here.
  std::function<std::unique_ptr<Store>(const std::filesystem::path& scratch, std::string& why_not)> open;
};

inline void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

inline std::vector<Backend> backends() {
  return {
      {"memory", [](const std::filesystem::path&, std::string&) { return std::make_unique<MemoryStore>(); }},
      {"sqlite_in_memory",
       [](const std::filesystem::path&, std::string&) -> std::unique_ptr<Store> {
         Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(":memory:");
         EXPECT_TRUE(store.ok());
         return store.ok() ? std::move(store).value() : nullptr;
       }},
      {"sqlite_file",
       [](const std::filesystem::path& scratch, std::string&) -> std::unique_ptr<Store> {
         Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open((scratch / "store.db").string());
         EXPECT_TRUE(store.ok());
         return store.ok() ? std::move(store).value() : nullptr;
       }},
      {"postgres",
       [](const std::filesystem::path&, std::string& why_not) -> std::unique_ptr<Store> {
         const std::optional<std::string> server = jala::testing::postgres_test_url(why_not);
         if (!server) return nullptr;
         const std::optional<std::string> url =
             jala::testing::fresh_postgres_schema(*server, "conformance_" + std::to_string(::getpid()), why_not);
         EXPECT_TRUE(url) << why_not;
         if (!url) return nullptr;
         Result<std::unique_ptr<PostgresStore>> store = PostgresStore::open(*url);
         EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message());
         return store.ok() ? std::move(store).value() : nullptr;
       }},
  };
}

// The fixture of every conformance suite: a fresh store of the parameter's backend, in a scratch folder
// of the test's own, for each test.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string why_not;
    m_store = GetParam().open(m_scratch.path(), why_not);
    if (m_store == nullptr && !why_not.empty() && !::testing::Test::HasFailure()) GTEST_SKIP() << why_not;
    ASSERT_NE(m_store, nullptr);
  }
  void TearDown() override { m_store.reset(); }

  // Declared before the store, so that the store is closed before its folder goes.
  const jala::testing::ScratchFolder m_scratch{"conformance-" + GetParam().name};
  std::unique_ptr<Store> m_store;
};

}  // namespace jala::storage
