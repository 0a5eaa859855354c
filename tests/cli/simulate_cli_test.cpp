// jala simulate as the interface spec describes it: three files in the output directory, the same
// bytes for the same seed, a truth whose accounts transact, and records that jala ingest accepts,
// every one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

TEST(SimulateCli, WritesThreeFilesWithTheSameBytesForTheSameSeed) {
  const ScratchFolder scratch("simulate_same_seed");
  const JalaRun first = run_jala({"simulate", "--seed", "9", "--reports", "800", "--out", scratch.file("a")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const JalaRun second =
      run_jala({"simulate", "--seed", "9", "--reports", "800", "--out", scratch.file("b"), "--json"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(nlohmann::json::parse(second.out)["reports"], 800);
  for (const std::string name : {"reports.jsonl", "transactions.jsonl", "truth.json"}) {
    const std::string content = read_file(scratch.file("a/" + name));
    EXPECT_FALSE(content.empty()) << name;
    EXPECT_EQ(content, read_file(scratch.file("b/" + name))) << name;
  }
  const nlohmann::json truth = nlohmann::json::parse(read_file(scratch.file("a/truth.json")));
  EXPECT_EQ(truth["reports"].size(), 800U);
  // The answer key for a mule detector names accounts that transact: collectors on the scam side, and
  // the legitimate businesses that must not rank as mules.
  const std::string transactions = read_file(scratch.file("a/transactions.jsonl"));
  for (const nlohmann::json& operation : truth["operations"]) EXPECT_FALSE(operation["collector_accounts"].empty());
  for (const std::string kind : {"merchants", "employers", "suppliers", "clients"}) {
    ASSERT_FALSE(truth["legitimate_accounts"][kind].empty()) << kind;
    for (const nlohmann::json& account : truth["legitimate_accounts"][kind]) {
      EXPECT_NE(transactions.find('"' + account.get<std::string>() + '"'), std::string::npos) << kind << " " << account;
    }
  }
}

TEST(SimulateCli, EveryGeneratedRecordIngestsCleanly) {
  const ScratchFolder scratch("simulate_ingest");
  const JalaRun simulated =
      run_jala({"simulate", "--seed", "3", "--reports", "1500", "--out", scratch.path().string()});
  ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
  const JalaRun ingested = run_jala({"--db", scratch.file("jala.db"), "ingest", "--json", scratch.file("reports.jsonl"),
                                     scratch.file("transactions.jsonl")});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  const nlohmann::json summary = nlohmann::json::parse(ingested.out);
  EXPECT_EQ(summary["rejected"], 0) << ingested.out;
  EXPECT_GT(summary["added"].get<int>(), 1500);
}

TEST(SimulateCli, RequiresAnOutputDirectory) {
  const JalaRun run = run_jala({"simulate", "--reports", "10"});
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
}  // namespace jala::testing
