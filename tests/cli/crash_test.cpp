// Killing `jala ingest` with SIGKILL mid-file leaves a store that opens cleanly, holds only whole
// committed batches, and completes when the same ingest runs again.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/storage/sqlite/sqlite_store.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

#include <fmt/core.h>

namespace jala::testing {
namespace {

// Enough that the release build is still ingesting when the test sees three batches stored (it ingested
// 50,000 such records in 0.84 s here; the test polls every 50 ms), few enough that the rerun is quick
// under ASan (200,000 took 52 s there).
constexpr int k_records = 100'000;
constexpr int k_batch = 1'000;

// The reports committed so far; 0 before `jala ingest` has created the store, which the test leaves to it.
std::int64_t stored_reports(const std::string& db) {
  auto store = storage::SqliteStore::open(db, storage::k_existing_store_options);
  if (!store.ok() && store.error().code() == ErrorCode::not_found) return 0;
  EXPECT_TRUE(store.ok()) << store.error().message();
  if (!store.ok()) return -1;
  std::int64_t reports = -1;
  EXPECT_TRUE((*store)
                  ->read([&](const storage::ReadView& view) -> Status {
                    JALA_TRY_ASSIGN(const storage::StoreStats stats, view.stats());
                    reports = stats.reports;
                    return {};
                  })
                  .ok());
  return reports;
}

TEST(CrashSafety, SigkillMidIngestKeepsWholeBatchesAndARerunCompletes) {
  const ScratchFolder scratch("crash");
  const std::string db = scratch.file("jala.db");
  const std::string file = scratch.file("reports.jsonl");
  {
    std::string data;
    data.reserve(static_cast<std::size_t>(k_records) * 200);
    for (int i = 0; i < k_records; ++i) {
      data +=
          fmt::format(R"({{"id":"r{}","source":"S","kind":"other","country":"TH","reported_at":"2026-01-01T00:00:00Z",)"
                      R"("text":"record {}","selectors":[{{"type":"email","value":"user{}@example.org"}}]}})"
                      "\n",
                      i, i, i % 5000);
    }
    write_file(file, data);
  }

  const std::string errors = scratch.file("ingest.err");
  const int pid = start_jala({"--db", db, "ingest", "--batch-size", std::to_string(k_batch), file}, errors);
  // Wait until some batches are committed, then kill the process without warning.
  std::int64_t committed = 0;
  for (int attempt = 0; attempt < 600 && committed < 3 * k_batch; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    committed = stored_reports(db);
  }
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "jala finished before it could be killed (exit status " << WEXITSTATUS(status)
                                   << ", " << committed << " reports seen committed): " << read_file(errors);

  const std::int64_t after_kill = stored_reports(db);
  EXPECT_GE(after_kill, 3 * k_batch);
  EXPECT_LT(after_kill, k_records);
  EXPECT_EQ(after_kill % k_batch, 0) << "a partial batch was committed";
  const JalaRun check = run_jala({"--db", db, "stats", "--json"});
  ASSERT_EQ(check.exit_code, 0) << check.err;

  const JalaRun rerun = run_jala({"--db", db, "ingest", "--json", "--batch-size", std::to_string(k_batch), file});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const nlohmann::json summary = nlohmann::json::parse(rerun.out);
  EXPECT_EQ(summary["unchanged"], after_kill);
  EXPECT_EQ(summary["added"], k_records - after_kill);
  EXPECT_EQ(stored_reports(db), k_records);
}

}  // namespace
}  // namespace jala::testing
