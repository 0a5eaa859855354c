// jala extract as the interface spec describes it: plain text and --jsonl requests in, JSON Lines out,
// byte offsets into the input, input order kept, bad lines named with file and line.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream stream(out);
  std::string line;
  while (std::getline(stream, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

class ExtractCli : public ::testing::Test {
 protected:
  const ScratchFolder m_scratch{::testing::UnitTest::GetInstance()->current_test_info()->name()};
};

TEST_F(ExtractCli, PlainTextGivesEachSelectorWithItsByteSpan) {
  const std::string text =
      "Tuyển dụng: gọi 0912 345 678 (Zalo) hoặc email tuyendung[at]golden-lotus[.]com\n"
      "ที่อยู่กระเป๋า USDT: TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9\n";
  const std::string file = m_scratch.file("ad.txt");
  write_file(file, text);
  const JalaRun run = run_jala({"extract", "--country", "VN", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::string> found;
  for (const nlohmann::json& finding : json_lines(run.out)) {
    const auto start = finding["start"].get<std::size_t>();
    const auto end = finding["end"].get<std::size_t>();
    EXPECT_EQ(text.substr(start, end - start), finding["raw"].get<std::string>());
    found.insert(finding["type"].get<std::string>() + ":" + finding["value"].get<std::string>());
  }
  EXPECT_EQ(found, (std::set<std::string>{"phone:+84912345678", "zalo:+84912345678", "email:tuyendung@golden-lotus.com",
                                          "wallet:trx:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"}));
}

// Plain input is read in pieces that end at line breaks; offsets stay those of the whole input.
TEST_F(ExtractCli, OffsetsHoldAcrossAnInputLargerThanOnePiece) {
  std::string text;
  std::vector<std::pair<std::size_t, std::string>> expected;  // start, E.164
  for (int i = 0; text.size() < (3U << 20); ++i) {
    text += "Nội dung quảng cáo việc làm lương cao, không cần kinh nghiệm, liên hệ ngay: ";
    const std::string number = fmt::format("+84 91 {:03d} {:04d}", i % 1000, i % 10000);
    expected.emplace_back(text.size(), fmt::format("+8491{:03d}{:04d}", i % 1000, i % 10000));
    text += number + "\n";
  }
  const std::string file = m_scratch.file("big.txt");
  write_file(file, text);
  const JalaRun run = run_jala({"extract", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> findings = json_lines(run.out);
  ASSERT_EQ(findings.size(), expected.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    EXPECT_EQ(findings[i]["start"].get<std::size_t>(), expected[i].first) << i;
    EXPECT_EQ(findings[i]["value"].get<std::string>(), expected[i].second) << i;
  }
}

TEST_F(ExtractCli, JsonlKeepsInputOrderOnEveryThreadCount) {
  std::string input;
  for (int i = 0; i < 3000; ++i) {
    input += fmt::format(R"({{"id":{},"text":"nhắn Telegram @hr_team{} hoặc gọi 0912 {:03d} {:03d}"}})", i, i, i % 1000,
                         (i * 7) % 1000) +
             "\n";
  }
  const std::string file = m_scratch.file("requests.jsonl");
  write_file(file, input);
  for (const std::string threads : {"1", "2"}) {
    const JalaRun run = run_jala({"extract", "--jsonl", "--country", "VN", "--threads", threads, file});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::vector<nlohmann::json> lines = json_lines(run.out);
    ASSERT_EQ(lines.size(), 3000U);
    for (int i = 0; i < 3000; ++i) {
      ASSERT_EQ(lines[i]["id"], i);
      std::set<std::string> got;
      for (const auto& finding : lines[i]["selectors"]) {
        got.insert(finding["type"].get<std::string>() + ":" + finding["value"].get<std::string>());
      }
      EXPECT_TRUE(got.contains(fmt::format("telegram:hr_team{}", i))) << lines[i].dump();
      EXPECT_TRUE(got.contains(fmt::format("phone:+84912{:03d}{:03d}", i % 1000, (i * 7) % 1000))) << lines[i].dump();
    }
  }
}

TEST_F(ExtractCli, ARecordsCountryOverridesTheDefault) {
  const std::string file = m_scratch.file("requests.jsonl");
  write_file(file, R"({"id":"th","text":"โทร 081 234 5678","country":"TH"})"
                   "\n"
                   R"({"id":"vn","text":"gọi 0912 345 678"})"
                   "\n");
  const JalaRun run = run_jala({"extract", "--jsonl", "--country", "VN", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0]["selectors"][0]["value"], "+66812345678");
  EXPECT_EQ(lines[1]["selectors"][0]["value"], "+84912345678");
}

TEST_F(ExtractCli, BadLinesAreNamedAndTheRestIsExtracted) {
  const std::string file = m_scratch.file("requests.jsonl");
  write_file(file, R"({"id":1,"text":"mail a.b@lotus-invest.com"})"
                   "\n"
                   "{broken\n"
                   R"({"id":3,"text":42})"
                   "\n"
                   R"({"id":4,"text":"ip 203.0.113.9 and 8.8.4.4"})"
                   "\n");
  const JalaRun run = run_jala({"extract", "--jsonl", file});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("jala: extract: " + file + ":2: not valid JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("jala: extract: " + file + ":3: text: must be a string"), std::string::npos) << run.err;
  const std::vector<nlohmann::json> lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0]["id"], 1);
  EXPECT_EQ(lines[1]["id"], 4);
}

TEST_F(ExtractCli, ReadsStandardInputAndRejectsBadOptions) {
  const std::string file = m_scratch.file("in.txt");
  write_file(file, "wa.me/84912345678\n");
  const JalaRun from_stdin = run_jala({"extract", "-"}, file);
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_NE(from_stdin.out.find(R"("type":"whatsapp","value":"+84912345678")"), std::string::npos) << from_stdin.out;

  // A bad --country is a usage error like every bad option value (it exited 1 before).
  const JalaRun bad_country = run_jala({"extract", "--country", "Atlantis", file});
  EXPECT_EQ(bad_country.exit_code, 2);
  EXPECT_TRUE(bad_country.err.starts_with("jala: usage: --country: 'Atlantis' is not")) << bad_country.err;
  EXPECT_EQ(run_jala({"extract", "--threads", "0", file}).exit_code, 2);
  const JalaRun missing = run_jala({"extract", m_scratch.file("missing.txt")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("missing.txt: cannot open"), std::string::npos) << missing.err;
}

// Well-known benign selectors are still found, and marked with the warning lists that name them.
TEST_F(ExtractCli, MarksSelectorsOnAWarningList) {
  const std::string file = m_scratch.file("in.txt");
  write_file(file,
             "Fanpage facebook.com/lotus.hr (facebook.com), server 203.0.113.7, Kbank hotline 02 888 8888, router "
             "192.168.1.1, https://lin.ee/AbCd123, Vietcombank 1900 54 54 13\n");
  const JalaRun run = run_jala({"extract", "--country", "TH", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, nlohmann::json> warnings;
  for (const nlohmann::json& finding : json_lines(run.out)) {
    warnings[finding["type"].get<std::string>() + ":" + finding["value"].get<std::string>()] =
        finding.value("warning", nlohmann::json());
  }
  EXPECT_EQ(warnings.at("facebook:lotus.hr"), nlohmann::json());  // an account on the platform stays distinctive
  EXPECT_EQ(warnings.at("domain:facebook.com"), nlohmann::json::array({"platform-domains"}));
  EXPECT_EQ(warnings.at("ip:203.0.113.7"), nlohmann::json::array({"documentation"}));
  EXPECT_EQ(warnings.at("phone:+6628888888"), nlohmann::json::array({"hotline-phones"}));
  // A hotline written after its bank's name without a phone word reads as an account of that bank.
  EXPECT_EQ(warnings.at("bank:BFTVVNVX:1900545413"), nlohmann::json::array({"bank-hotline-accounts"}));
  // Found in review: these linked unrelated reports.
  EXPECT_EQ(warnings.at("ip:192.168.1.1"), nlohmann::json::array({"special-networks"}));
  EXPECT_EQ(warnings.at("domain:lin.ee"), nlohmann::json::array({"platform-domains"}));
  EXPECT_EQ(warnings.at("url:https://lin.ee/AbCd123"), nlohmann::json());  // the account's link stays distinctive
}

// A host that imitates another name with letters of another script is found, and flagged.
TEST_F(ExtractCli, FlagsLookalikeHosts) {
  const std::string file = m_scratch.file("in.txt");
  write_file(file,
             "Đăng nhập https://myеtherwallet.com/login (Cyrillic е) hoặc xn--80ak6aa92e.com, không phải "
             "myetherwallet.com hay việclàm.vn\n");
  const JalaRun run = run_jala({"extract", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, bool> lookalike;
  for (const nlohmann::json& finding : json_lines(run.out)) {
    lookalike[finding["type"].get<std::string>() + ":" + finding["value"].get<std::string>()] =
        finding.value("lookalike", false);
  }
  EXPECT_TRUE(lookalike.at("url:https://xn--mytherwallet-tck.com/login"));
  EXPECT_TRUE(lookalike.at("domain:xn--mytherwallet-tck.com"));
  EXPECT_TRUE(lookalike.at("domain:xn--80ak6aa92e.com"));
  EXPECT_FALSE(lookalike.at("domain:myetherwallet.com"));
  EXPECT_FALSE(lookalike.at("domain:xn--viclm-uqa6964c.vn"));
}

TEST_F(ExtractCli, ABrokenWarningListIsAnErrorNamingFileAndLine) {
  const std::string lists = m_scratch.file("data/warninglists");
  std::filesystem::create_directories(lists);
  write_file(lists + "/mine.txt",
             "# name: mine\n# description: d\n# type: domain\n# matching: exact\n# applies-to: domain\n"
             "# version: 20261201\n# source: s\n\nx.com\nnot one value\n");
  const std::string file = m_scratch.file("in.txt");
  write_file(file, "x.com\n");
  const JalaRun run = run_jala({"extract", file}, "", {"JALA_DATA_DIR=" + m_scratch.file("data")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("mine.txt: line 10: 'not one value' is not one value without white space"), std::string::npos)
      << run.err;
  EXPECT_TRUE(run.out.empty());
}

}  // namespace
}  // namespace jala::testing
