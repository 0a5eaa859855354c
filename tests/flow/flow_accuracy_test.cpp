// Mule scoring measured against the simulator's truth (the bars of the money-flow issue), through the
// command line as an analyst runs it: `jala simulate`, `jala ingest`, `jala flow suspects --json`.
// Over five seeds:
//   - precision of the top K suspects at least 0.95, K the number of true collector, mule and cash-out
//     accounts (collectors are the first layer of mules: truth.json's collector_accounts);
//   - recall over the whole suspects list at least 0.97;
//   - no legitimate merchant, supplier, employer or client account in the top K.
// An account that never moved money cannot be found by following money, so truth accounts count
// only when transactions.jsonl names them.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "../cli/run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

constexpr std::size_t k_reports = 8'000;

struct Score {
  std::size_t true_accounts = 0;
  double precision_at_k = 0;
  double recall = 0;
  std::vector<std::string> legitimate_in_top;
};

std::set<std::string> accounts_moving_money(const std::string& transactions_path) {
  std::set<std::string> accounts;
  std::ifstream file(transactions_path);
  for (std::string line; std::getline(file, line);) {
    const nlohmann::json record = nlohmann::json::parse(line);
    accounts.insert(record.at("from").get<std::string>());
    accounts.insert(record.at("to").get<std::string>());
  }
  return accounts;
}

Score score_seed(int seed) {
  const ScratchFolder scratch("flow_accuracy_" + std::to_string(seed));
  const JalaRun simulate = run_jala({"simulate", "--seed", std::to_string(seed), "--reports", std::to_string(k_reports),
                                     "--out", scratch.path().string()});
  EXPECT_EQ(simulate.exit_code, 0) << simulate.err;
  const std::string db = scratch.file("jala.db");
  const JalaRun ingest =
      run_jala({"--db", db, "ingest", scratch.file("reports.jsonl"), scratch.file("transactions.jsonl")});
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  const JalaRun suspects = run_jala({"--db", db, "flow", "suspects", "--json"});
  EXPECT_EQ(suspects.exit_code, 0) << suspects.err;

  const std::set<std::string> moving = accounts_moving_money(scratch.file("transactions.jsonl"));
  const nlohmann::json truth = nlohmann::json::parse(read_file(scratch.file("truth.json")));
  std::set<std::string> truly_suspect;
  for (const nlohmann::json& operation : truth.at("operations")) {
    for (const char* field : {"collector_accounts", "mule_accounts", "cashout_accounts"}) {
      for (const std::string account : operation.at(field)) {
        if (moving.contains(account)) truly_suspect.insert(account);
      }
    }
  }
  std::set<std::string> legitimate;
  for (const auto& [kind, accounts] : truth.at("legitimate_accounts").items()) {
    for (const std::string account : accounts) legitimate.insert(account);
  }

  const nlohmann::json found = nlohmann::json::parse(suspects.out).at("accounts");
  Score score;
  score.true_accounts = truly_suspect.size();
  std::size_t true_in_top = 0;
  std::size_t true_found = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::string account = found[i].at("account");
    const bool is_true = truly_suspect.contains(account);
    true_found += is_true ? 1 : 0;
    if (i < truly_suspect.size()) {
      true_in_top += is_true ? 1 : 0;
      if (legitimate.contains(account)) score.legitimate_in_top.push_back(account);
    }
  }
  score.precision_at_k = static_cast<double>(true_in_top) / static_cast<double>(truly_suspect.size());
  score.recall = static_cast<double>(true_found) / static_cast<double>(truly_suspect.size());
  return score;
}

// One test per seed, so that CTest runs the seeds side by side.
class FlowAccuracy : public ::testing::TestWithParam<int> {};

TEST_P(FlowAccuracy, FindsMulesAndCashOuts) {
  const int seed = GetParam();
  const Score score = score_seed(seed);
  SCOPED_TRACE(::testing::Message() << "seed " << seed << ": K " << score.true_accounts << ", precision@K "
                                    << score.precision_at_k << ", recall " << score.recall);
  ASSERT_GT(score.true_accounts, 50u);
  EXPECT_GE(score.precision_at_k, 0.95);
  EXPECT_GE(score.recall, 0.97);
  EXPECT_TRUE(score.legitimate_in_top.empty()) << score.legitimate_in_top.front();
  std::cout << "seed " << seed << ": K " << score.true_accounts << ", precision@K " << score.precision_at_k
            << ", recall " << score.recall << "\n";
}

INSTANTIATE_TEST_SUITE_P(FiveSeeds, FlowAccuracy, ::testing::Range(1, 6));

}  // namespace
}  // namespace jala::testing
