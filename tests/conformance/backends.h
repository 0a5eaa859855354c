// The backends that the storage conformance suites run against: every Store implementation, each
// opened fresh in a scratch folder of the test's own.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/core.h>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "jala/storage/memory/memory_store.h"
#include "jala/storage/sqlite/sqlite_store.h"
#include "support/scratch_folder.h"

namespace jala::storage {

struct Backend {
  std::string name;
  std::function<std::unique_ptr<Store>(const std::filesystem::path& scratch)> open;
};

inline void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

inline std::vector<Backend> backends() {
  return {
      {"memory", [](const std::filesystem::path&) { return std::make_unique<MemoryStore>(); }},
      {"sqlite_in_memory",
       [](const std::filesystem::path&) -> std::unique_ptr<Store> {
         Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(":memory:");
         EXPECT_TRUE(store.ok());
         return store.ok() ? std::move(store).value() : nullptr;
       }},
      {"sqlite_file",
       [](const std::filesystem::path& scratch) -> std::unique_ptr<Store> {
         Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open((scratch / "store.db").string());
         EXPECT_TRUE(store.ok());
         return store.ok() ? std::move(store).value() : nullptr;
       }},
  };
}

// The fixture of every conformance suite: a fresh store of the parameter's backend, in a scratch folder
// of the test's own, for each test.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    m_store = GetParam().open(m_scratch.path());
    ASSERT_NE(m_store, nullptr);
  }
  void TearDown() override { m_store.reset(); }

  // Declared before the store, so that the store is closed before its folder goes.
  const jala::testing::ScratchFolder m_scratch{"conformance-" + GetParam().name};
  std::unique_ptr<Store> m_store;
};

}  // namespace jala::storage
