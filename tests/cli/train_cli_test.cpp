// jala train as docs/model.md describes it: a model that jala classify loads, measured on a held-out
// split or cross-validated over parts, and the two measurements refused together.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

// 404 labelled messages; the models trained here are scratch ones (the shipped model never sees this file).
const std::string k_examples = JALA_SOURCE_DIR "/tests/data/lures/test.jsonl";

TEST(TrainCli, CrossValidatesOverPartsAndWritesAModelThatClassifies) {
  const ScratchFolder scratch("train_folds");
  const JalaRun trained = run_jala(
      {"train", "--data", k_examples, "--out", scratch.file("m.jala"), "--folds", "4", "--epochs", "5", "--json"});
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const nlohmann::json validation = nlohmann::json::parse(trained.out)["cross_validation"];
  ASSERT_EQ(validation["folds"].size(), 4U);
  std::size_t judged = 0;
  for (const nlohmann::json& fold : validation["folds"]) {
    judged += fold["examples"].get<std::size_t>();
    EXPECT_GT(fold["suspicious_f1"].get<double>(), 0.5) << fold;
  }
  const nlohmann::json& pooled = validation["pooled"];
  EXPECT_EQ(judged, 404U);
  EXPECT_EQ(pooled["examples"], 404);
  // The file has no sources, so every example is the file's.
  ASSERT_TRUE(pooled["by_source"].contains("test.jsonl")) << pooled["by_source"];
  EXPECT_EQ(pooled["by_source"]["test.jsonl"]["support"], pooled["suspicious"]["support"]);

  const JalaRun classified = run_jala({"classify", "--jsonl", "--model", scratch.file("m.jala"), k_examples});
  ASSERT_EQ(classified.exit_code, 0) << classified.err;
  EXPECT_EQ(std::count(classified.out.begin(), classified.out.end(), '\n'), 404);
}

// A bad line is named as FILE:LINE (the contract of errors on input) and skipped; the shipped model reads
// the rest.
TEST(TrainCli, ClassifyNamesEachBadLineByFileAndLine) {
  const ScratchFolder scratch("classify_bad_line");
  const std::string input = scratch.file("messages.jsonl");
  {
    std::ofstream out(input);
    out << R"({"id":"m1","text":"Easy job in Cambodia, 1500 USD a month, free visa and flight"})"
        << "\n"
        << "not json\n";
  }
  const JalaRun classified = run_jala({"classify", "--jsonl", input});
  EXPECT_EQ(classified.exit_code, 1);
  EXPECT_EQ(std::count(classified.out.begin(), classified.out.end(), '\n'), 1);
  EXPECT_NE(classified.err.find("jala: classify: " + input + ":2: "), std::string::npos) << classified.err;
  // Found in review: a missing file was "cannot open: No such file or directory", without its name.
  const JalaRun missing = run_jala({"classify", "--jsonl", scratch.file("missing.jsonl")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find(scratch.file("missing.jsonl") + ": cannot open"), std::string::npos) << missing.err;
}

// Found in review: classify rewrote a numeric id (4.5e3 as 4500.0) that extract echoes as written, and a
// line of spaces was an error where extract skips it.
TEST(TrainCli, ClassifyEchoesIdsAsWrittenAndSkipsBlankLines) {
  const ScratchFolder scratch("classify_ids");
  const std::string input = scratch.file("messages.jsonl");
  {
    std::ofstream out(input);
    out << R"({"id":4.5e3,"text":"Easy job in Cambodia"})"
        << "\n   \n"
        << R"({"id":12345678901234567890,"text":"Hi mom"})"
        << "\n"
        << R"({"id":"m3","text":"Your parcel is waiting"})"
        << "\n";
  }
  for (const std::string command : {"classify", "extract"}) {
    const JalaRun run = run_jala({command, "--jsonl", input});
    ASSERT_EQ(run.exit_code, 0) << command << run.err;
    EXPECT_EQ(run.out.rfind(R"({"id":4.5e3,)", 0), 0U) << command << run.out;
    EXPECT_NE(run.out.find("\n"
                           R"({"id":12345678901234567890,)"),
              std::string::npos)
        << command << run.out;
    EXPECT_NE(run.out.find("\n"
                           R"({"id":"m3",)"),
              std::string::npos)
        << command << run.out;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 3) << command;
  }
}

TEST(TrainCli, RefusesFoldsWithAHeldOutSplit) {
  const ScratchFolder scratch("train_folds_refused");
  const JalaRun refused =
      run_jala({"train", "--data", k_examples, "--out", scratch.file("m.jala"), "--folds", "4", "--holdout", "0.2"});
  EXPECT_EQ(refused.exit_code, 2);  // a usage error
  EXPECT_NE(refused.err.find("--holdout excludes --folds"), std::string::npos) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(scratch.file("m.jala")));
}

}  // namespace
}  // namespace jala::testing
