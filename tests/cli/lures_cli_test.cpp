// jala ingest assesses each report, and jala lures / jala lures accounts read what the lures promise
// and who posts them, end to end through the binary and a real SQLite store.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

// Three lure ads in three languages; two name the same Telegram account. A victim's complaint names it too.
constexpr std::string_view k_reports = R"({"source":"VN-MPS","id":"L-1","kind":"lure_ad","country":"VN","reported_at":"2026-03-01T08:00:00Z","text":"Tuyển gấp nhân viên văn phòng tại Campuchia, lương 15-20 triệu/tháng, bao ăn ở, hỗ trợ vé máy bay. Công ty TNHH Hoàng Long. Liên hệ t.me/hoanglong_hr"}
{"source":"TH-CCIB","id":"L-2","kind":"lure_ad","country":"TH","reported_at":"2026-03-05T08:00:00Z","text":"รับสมัครงานที่กัมพูชา เงินเดือน 50,000 บาท มีที่พักและอาหาร ทำวีซ่าให้ ติดต่อ t.me/hoanglong_hr"}
{"source":"ID-POLRI","id":"L-3","kind":"lure_ad","country":"ID","reported_at":"2026-03-03T08:00:00Z","text":"Lowongan kerja di Myanmar, gaji Rp 25.000.000 per bulan, tiket pesawat gratis. PT Maju Jaya. WhatsApp wa.me/6281234567890"}
{"source":"VN-MPS","id":"C-1","kind":"victim_complaint","country":"VN","reported_at":"2026-03-09T08:00:00Z","text":"Tôi bị lừa chuyển 50 triệu vào tài khoản, kẻ lừa đảo dùng t.me/hoanglong_hr"}
)";

class LuresCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_scratch.emplace("lures");
    write_file(s_scratch->file("reports.jsonl"), std::string(k_reports));
    const JalaRun ingested = jala({"ingest", s_scratch->file("reports.jsonl")});
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }
  static void TearDownTestSuite() { s_scratch.reset(); }

  static JalaRun jala(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", s_scratch->file("jala.db")});
    return run_jala(args);
  }
  static nlohmann::json json_of(const std::vector<std::string>& args) {
    const JalaRun run = jala(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out);
  }
  static std::vector<std::string> lure_ids(const nlohmann::json& listed) {
    std::vector<std::string> ids;
    for (const nlohmann::json& lure : listed["lures"]) ids.push_back(lure["source"].get<std::string>() + "/" + lure["id"].get<std::string>());
    return ids;
  }

  static inline std::optional<ScratchFolder> s_scratch;
};

TEST_F(LuresCli, IngestStoresEachReportsAssessmentAndALuresFacts) {
  const nlohmann::json lure = json_of({"report", "show", "VN-MPS", "L-1", "--json"});
  ASSERT_TRUE(lure.contains("assessment")) << lure.dump();
  EXPECT_EQ(lure["assessment"]["label"], "scam");
  EXPECT_GT(lure["assessment"]["scam_score"].get<double>(), 0.5);
  const nlohmann::json& facts = lure["assessment"]["lure"];
  EXPECT_EQ(facts["salary"]["amount"], 15'000'000);
  EXPECT_EQ(facts["salary"]["currency"], "VND");
  EXPECT_EQ(facts["salary"]["period"], "month");
  EXPECT_EQ(facts["destinations"], nlohmann::json({"KH"}));
  EXPECT_EQ(facts["perks"], nlohmann::json({"flight", "housing", "meals"}));
  EXPECT_EQ(facts["employer"], "Công ty TNHH Hoàng Long");

  const nlohmann::json complaint = json_of({"report", "show", "VN-MPS", "C-1", "--json"});
  ASSERT_TRUE(complaint.contains("assessment"));
  EXPECT_NE(complaint["assessment"].value("category", ""), "job_lure");
  EXPECT_FALSE(complaint["assessment"].contains("lure"));
  // The record itself, and so its evidence hash, does not change.
  EXPECT_EQ(jala({"ingest", s_scratch->file("reports.jsonl")}).out, "read 4 records: 0 added, 0 updated, 4 unchanged, 0 rejected\n");
}

TEST_F(LuresCli, ListsTheLuresThatPromiseADestinationAPerkAndAtLeastASalary) {
  EXPECT_EQ(lure_ids(json_of({"lures", "--json"})), (std::vector<std::string>{"TH-CCIB/L-2", "ID-POLRI/L-3", "VN-MPS/L-1"}));
  // 15 million VND is about 590 USD a month, 50,000 baht about 1,400.
  const nlohmann::json cambodia = json_of({"lures", "--to", "kh", "--min-usd", "1000", "--json"});
  EXPECT_EQ(lure_ids(cambodia), (std::vector<std::string>{"TH-CCIB/L-2"}));
  EXPECT_EQ(cambodia["count"], 1);
  EXPECT_EQ(cambodia["lures"][0]["salary"]["currency"], "THB");
  EXPECT_EQ(lure_ids(json_of({"lures", "--to", "MM", "--json"})), (std::vector<std::string>{"ID-POLRI/L-3"}));
  EXPECT_EQ(lure_ids(json_of({"lures", "--perk", "visa", "--json"})), (std::vector<std::string>{"TH-CCIB/L-2"}));
  const nlohmann::json top = json_of({"lures", "--top", "1", "--json"});
  EXPECT_EQ(top["count"], 3);
  EXPECT_EQ(lure_ids(top), (std::vector<std::string>{"TH-CCIB/L-2"}));

  const JalaRun text = jala({"lures", "--to", "KH"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("2 lure(s) match"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("15000000 VND/month (~"), std::string::npos) << text.out;
}

TEST_F(LuresCli, RanksTheAccountsThatPostLuresWithTheirNetworks) {
  const nlohmann::json accounts = json_of({"lures", "accounts", "--json"});
  ASSERT_GE(accounts["accounts"].size(), 2U) << accounts.dump();
  const nlohmann::json& first = accounts["accounts"][0];
  EXPECT_EQ(first["account"], "telegram:hoanglong_hr");
  EXPECT_EQ(first["lure_reports"], 2);  // the complaint names it too, but is no lure
  EXPECT_EQ(first["countries"], nlohmann::json({"TH", "VN"}));
  EXPECT_EQ(first["destinations"], nlohmann::json({"KH"}));
  EXPECT_EQ(first["first_seen"], "2026-03-01T08:00:00Z");
  EXPECT_EQ(first["last_seen"], "2026-03-05T08:00:00Z");
  EXPECT_EQ(first["role"], "link");
  ASSERT_EQ(first["networks"].size(), 1U);  // the three reports that name it are one network
  EXPECT_EQ(first["reports"], nlohmann::json::parse(R"([{"source":"VN-MPS","id":"L-1"},{"source":"TH-CCIB","id":"L-2"}])"));
  EXPECT_EQ(first["channels"], nlohmann::json({"telegram"}));
  // wa.me/… names both the number and its WhatsApp account: one account, named as the phone, counted once
  // (found in review: each WhatsApp or Zalo number was two accounts, each with part of the count).
  ASSERT_EQ(accounts["count"], 2);
  const nlohmann::json& number = accounts["accounts"][1];
  EXPECT_EQ(number["account"], "phone:+6281234567890");
  EXPECT_EQ(number["channels"], nlohmann::json({"phone", "whatsapp"}));
  EXPECT_EQ(number["lure_reports"], 1);
  EXPECT_EQ(number["destinations"], nlohmann::json({"MM"}));
  EXPECT_EQ(number["networks"], nlohmann::json::array());
  EXPECT_NE(jala({"lures", "accounts"}).out.find("phone:+6281234567890 on phone,whatsapp  ("), std::string::npos);
  EXPECT_EQ(json_of({"lures", "accounts", "--top", "1", "--json"})["accounts"].size(), 1U);
}

// A recruiter's number in the lure ads of six operations is a hub, in all six networks: the text names
// the first five, best ranked first, and counts the rest; --json lists them all.
TEST(LureAccountsText, NamesAHubsFirstFiveNetworksAndCountsTheRest) {
  const ScratchFolder scratch("lure-hub");
  std::string reports;
  for (int group = 0; group < 6; ++group) {
    for (int i = 0; i < 10; ++i) {
      const bool lure = i < 2;
      reports += nlohmann::json{{"source", "TH-CCIB"},
                                {"id", fmt::format("G{}-{}", group, i)},
                                {"kind", lure ? "lure_ad" : "victim_complaint"},
                                {"country", "TH"},
                                {"reported_at", fmt::format("2026-03-{:02}T08:00:00Z", 1 + i)},
                                {"text", lure ? fmt::format("Easy work in Cambodia, salary 1500 USD per month, free "
                                                            "visa. Call +65 6221 5500 or t.me/team{}_hr",
                                                            group)
                                              : fmt::format("They took my savings, the contact was t.me/team{}_hr",
                                                            group)}}
                     .dump() +
                 "\n";
    }
  }
  write_file(scratch.file("reports.jsonl"), reports);
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("reports.jsonl")}).exit_code, 0);

  const JalaRun json = run_jala({"--db", db, "lures", "accounts", "--top", "1", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json hub = nlohmann::json::parse(json.out)["accounts"][0];
  ASSERT_EQ(hub["account"], "phone:+6562215500") << json.out;
  ASSERT_EQ(hub["role"], "hub");
  ASSERT_EQ(hub["networks"].size(), 6U);

  const JalaRun text = run_jala({"--db", db, "lures", "accounts", "--top", "1"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::vector<std::string> first_five;
  for (std::size_t i = 0; i < 5; ++i) first_five.push_back(hub["networks"][i].get<std::string>());
  EXPECT_NE(text.out.find(fmt::format("  networks {} and 1 more\n", fmt::join(first_five, ","))), std::string::npos)
      << text.out;
}

TEST_F(LuresCli, RefusesBadFilters) {
  const JalaRun country = jala({"lures", "--to", "Cambodia"});
  EXPECT_EQ(country.exit_code, 2);
  EXPECT_NE(country.err.find("jala: usage: --to: 'Cambodia'"), std::string::npos) << country.err;
  EXPECT_EQ(jala({"lures", "--perk", "spa"}).exit_code, 2);
  // Found in review: the refusal printed the largest double, 309 digits long; and "--top -1" listed every
  // lure, read as the largest count.
  const JalaRun negative = jala({"lures", "--min-usd", "-5"});
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_NE(negative.err.find("jala: usage: --min-usd: '-5' is not an amount, 0 or more"), std::string::npos)
      << negative.err;
  EXPECT_EQ(jala({"lures", "--min-usd", "inf"}).exit_code, 2);
  EXPECT_EQ(jala({"lures", "--min-usd", "1500.5"}).exit_code, 0);
  for (const std::vector<std::string>& top :
       std::vector<std::vector<std::string>>{{"lures", "--top", "-1"},
                                             {"lures", "accounts", "--top", "-1"},
                                             {"networks", "--top", "-1"},
                                             {"flow", "suspects", "--top", "1e3"}}) {
    const JalaRun refused = jala(top);
    EXPECT_EQ(refused.exit_code, 2) << top.back();
    EXPECT_NE(refused.err.find("is not a whole number from 0 to 1000000000"), std::string::npos) << refused.err;
  }
  // Found in review: CLI11 read a leading zero as octal ("010" was 8, and "08" no number at all) and a
  // number past 2^64 as the largest count.
  EXPECT_EQ(jala({"networks", "--top", "99999999999999999999"}).exit_code, 2);
  const JalaRun leading_zero = jala({"lures", "--top", "08"});
  EXPECT_EQ(leading_zero.exit_code, 0) << leading_zero.err;
}

}  // namespace
}  // namespace jala::testing
