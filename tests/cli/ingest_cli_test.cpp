// jala ingest as the interface spec describes it: exit codes, error lines, the --json summary,
// idempotence, --strict, formats and standard input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "run_jala.h"
#include "support/scratch_folder.h"

#include <fmt/core.h>

namespace jala::testing {
namespace {

std::string report_line(int n, std::string_view country = "VN") {
  return fmt::format(R"({{"id":"r{}","source":"VN-MPS","kind":"victim_complaint","country":"{}",)"
                     R"("reported_at":"2026-03-01T08:15:00+07:00","text":"report {}",)"
                     R"("selectors":[{{"type":"phone","value":"0912 345 {:03d}"}}]}})",
                     n, country, n, n % 1000);
}

class IngestCli : public ::testing::Test {
 protected:
  JalaRun jala(std::vector<std::string> args, const std::string& stdin_file = "") {
    args.insert(args.begin(), {"--db", m_db});
    return run_jala(args, stdin_file);
  }
  const ScratchFolder m_scratch{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  const std::string m_db = m_scratch.file("jala.db");
};

// The acceptance scenario of the foundation issue.
TEST_F(IngestCli, ThreeHundredGoodThenThreeBadRecords) {
  std::string data;
  for (int i = 1; i <= 300; ++i) data += report_line(i) + "\n";
  data += report_line(301, "VNM") + "\n";  // a three-letter country code
  data += "{this is not json\n";           // a line that is not JSON
  data += R"({"id":"r303","source":"VN-MPS","kind":"robbery","country":"VN","reported_at":"last tuesday","text":"x"})"
          "\n";
  const std::string file = m_scratch.file("reports.jsonl");
  write_file(file, data);

  const JalaRun first = jala({"ingest", "--json", file});
  EXPECT_EQ(first.exit_code, 1);
  const nlohmann::json got = nlohmann::json::parse(first.out);  // stdout is only JSON
  EXPECT_EQ(got["read"], 303);
  EXPECT_EQ(got["added"], 300);
  EXPECT_EQ(got["unchanged"], 0);
  EXPECT_EQ(got["rejected"], 3);
  ASSERT_EQ(got["errors"].size(), 3u);
  EXPECT_EQ(got["errors"][0]["line"], 301);
  EXPECT_EQ(got["errors"][1]["line"], 302);
  EXPECT_EQ(got["errors"][2]["line"], 303);
  EXPECT_EQ(got["errors"][0]["file"], file);
  EXPECT_NE(got["errors"][0]["error"].get<std::string>().find("country: 'VNM'"), std::string::npos);
  EXPECT_NE(got["errors"][1]["error"].get<std::string>().find("not valid JSON"), std::string::npos);
  EXPECT_NE(got["errors"][2]["error"].get<std::string>().find("kind: 'robbery'"), std::string::npos);
  EXPECT_EQ(first.err, "");  // --json keeps stderr quiet when it is not a terminal

  const JalaRun second = jala({"ingest", "--json", file});
  EXPECT_EQ(second.exit_code, 1);
  const nlohmann::json again = nlohmann::json::parse(second.out);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["unchanged"], 300);
  EXPECT_EQ(again["rejected"], 3);
}

TEST_F(IngestCli, TextModeNamesEachBadRecordOnStderr) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(1) + "\nnot json\n");
  const JalaRun got = jala({"ingest", file});
  EXPECT_EQ(got.exit_code, 1);
  EXPECT_EQ(got.out, "read 2 records: 1 added, 0 updated, 0 unchanged, 1 rejected\n");
  EXPECT_EQ(got.err.rfind(fmt::format("jala: ingest: {}:2: not valid JSON", file), 0), 0u) << got.err;
}

// Found in review: a (source, id) twice in one file kept the later line without naming the earlier one. It
// is a warning: the later line is kept, as before, and the exit code stays 0.
TEST_F(IngestCli, NamesARecordThatRepeatsAnEarlierLine) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(1) + "\n" + report_line(2) + "\n" + report_line(1) + "\n");
  const JalaRun text = jala({"ingest", file});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(
      text.out,
      "read 3 records: 2 added, 0 updated, 1 unchanged, 0 rejected, 1 repeating an earlier line's source and id\n");
  EXPECT_NE(
      text.err.find(fmt::format("jala: ingest: {}:3: report 'r1' of source 'VN-MPS' came on line 1 already", file)),
      std::string::npos)
      << text.err;
  const nlohmann::json json = nlohmann::json::parse(jala({"ingest", "--json", file}).out);
  EXPECT_EQ(json["repeated"], 1);
  ASSERT_EQ(json["repeated_lines"].size(), 1u);
  EXPECT_EQ(json["repeated_lines"][0]["line"], 3);
}

// A STIX object revoked by its creator gives nothing, unless it is a report, which it withdraws; the
// summary says how many objects were skipped (stderr in text mode, "skipped" in --json, which leaves it out
// when none was).
TEST_F(IngestCli, SaysHowManyObjectsOfADocumentItSkipped) {
  const std::string file = m_scratch.file("bundle.stix.json");
  write_file(file, R"({"type": "bundle", "id": "bundle--0d1c2b3a-4f5e-4d6c-8b7a-695847362514", "objects": [
    {"type": "malware", "spec_version": "2.1", "id": "malware--11111111-1111-4111-8111-111111111111",
     "created": "2026-01-01T00:00:00Z", "modified": "2026-01-02T00:00:00Z", "revoked": true, "name": "Withdrawn",
     "is_family": false},
    {"type": "report", "spec_version": "2.1", "id": "report--33333333-3333-4333-8333-333333333333",
     "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "name": "Live",
     "description": "paid to Zalo 0987 654 321", "published": "2026-01-01T00:00:00Z", "object_refs": []}]})");
  const JalaRun text = jala({"ingest", "--source", "TEST", "--country", "VN", file});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "read 1 records: 1 added, 0 updated, 0 unchanged, 0 rejected\n");
  EXPECT_EQ(text.err, fmt::format("jala: ingest: {}: 1 object(s) skipped: revoked by their creator, or naming "
                                  "nothing Jala models\n",
                                  file));
  const JalaRun json = jala({"ingest", "--json", "--source", "TEST", "--country", "VN", file});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json summary = nlohmann::json::parse(json.out);
  EXPECT_EQ(summary["skipped"], 1);
  EXPECT_EQ(summary["unchanged"], 1);
  EXPECT_EQ(json.err, "");
  const std::string lines_file = m_scratch.file("r.jsonl");
  write_file(lines_file, report_line(1) + "\n");
  const JalaRun lines = jala({"ingest", "--json", lines_file});
  EXPECT_EQ(lines.exit_code, 0) << lines.err;
  EXPECT_FALSE(nlohmann::json::parse(lines.out).contains("skipped")) << lines.out;
}

// A report revoked by its creator after it was stored is withdrawn: kept, marked, and found through none
// of its selectors, those of its text included.
TEST_F(IngestCli, ARevokedReportIsWithdrawnFromSearch) {
  const auto bundle = [](std::string_view modified, bool revoked) {
    return fmt::format(R"({{"type": "report", "spec_version": "2.1",
      "id": "report--33333333-3333-4333-8333-333333333333", "created": "2026-01-01T00:00:00Z",
      "modified": "{}", "revoked": {}, "name": "Lure", "description": "Telegram @lotus_hr_team, Zalo 0987 654 321",
      "published": "2026-01-01T00:00:00Z", "object_refs": ["phone-number--22222222-2222-4222-8222-222222222222"]}})",
                       modified, revoked ? "true" : "false");
  };
  const std::string live = m_scratch.file("live.stix.json");
  write_file(live, "[" + bundle("2026-01-01T00:00:00Z", false) +
                       R"(, {"type": "phone-number", "spec_version": "2.1",
                       "id": "phone-number--22222222-2222-4222-8222-222222222222", "value": "+84912345678"}])");
  const std::string revoked = m_scratch.file("revoked.stix.json");
  write_file(revoked, bundle("2026-01-05T00:00:00Z", true));
  ASSERT_EQ(jala({"ingest", "--source", "TEST", "--country", "VN", live}).exit_code, 0);
  for (const std::string selector : {"phone:+84912345678", "phone:+84987654321", "telegram:lotus_hr_team"}) {
    EXPECT_EQ(jala({"search", selector}).out,
              selector + ": 1 report\n  TEST report--33333333-3333-4333-8333-333333333333\n");
  }

  const JalaRun withdrawn = jala({"ingest", "--source", "TEST", "--country", "VN", revoked});
  EXPECT_EQ(withdrawn.exit_code, 0) << withdrawn.err;
  EXPECT_EQ(withdrawn.out, "read 1 records: 0 added, 1 updated, 0 unchanged, 0 rejected\n");
  for (const std::string selector : {"phone:+84912345678", "phone:+84987654321", "telegram:lotus_hr_team"}) {
    EXPECT_EQ(jala({"search", selector}).out, selector + ": 0 reports\n");
  }
  const JalaRun shown = jala({"report", "show", "--json", "TEST", "report--33333333-3333-4333-8333-333333333333"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const nlohmann::json report = nlohmann::json::parse(shown.out);
  EXPECT_EQ(report["withdrawn"], true);
  EXPECT_EQ(report["text"], "Lure\n\nTelegram @lotus_hr_team, Zalo 0987 654 321");
  EXPECT_FALSE(report.contains("selectors"));
  EXPECT_TRUE(report["text_selectors"].empty());
  EXPECT_FALSE(report.contains("assessment"));
}

TEST_F(IngestCli, StrictRejectsTheWholeFile) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(1) + "\n" + report_line(2) + "\nbroken\n");
  const JalaRun got = jala({"ingest", "--strict", "--json", file});
  EXPECT_EQ(got.exit_code, 1);
  const nlohmann::json summary = nlohmann::json::parse(got.out);
  EXPECT_EQ(summary["added"], 0);
  EXPECT_EQ(summary["rejected"], 1);
  const JalaRun stats = jala({"stats", "--json"});
  EXPECT_EQ(nlohmann::json::parse(stats.out)["reports"], 0);
}

// Found in review: the good records of a file --strict rejected were counted nowhere ("read 4 ... 1 added,
// 1 rejected"), so an analyst who fixed the bad line took them to be stored.
TEST_F(IngestCli, StrictCountsTheValidRecordsItDiscarded) {
  const std::string rejected = m_scratch.file("r.jsonl");
  write_file(rejected, report_line(1) + "\nbroken\n" + report_line(2) + "\n");
  const std::string accepted = m_scratch.file("s.jsonl");
  write_file(accepted, report_line(3) + "\n");
  const JalaRun got = jala({"--verbose", "ingest", "--strict", "--json", rejected, accepted});
  EXPECT_EQ(got.exit_code, 1);
  const nlohmann::json summary = nlohmann::json::parse(got.out);
  EXPECT_EQ(summary["read"], 4);
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["rejected"], 1);
  EXPECT_EQ(summary["discarded"], 2);
  EXPECT_NE(got.err.find("r.jsonl: nothing stored (--strict): 2 valid record(s) discarded"), std::string::npos)
      << got.err;
  const JalaRun text = jala({"ingest", "--strict", rejected});
  EXPECT_NE(text.out.find("1 rejected, 2 discarded (--strict)"), std::string::npos) << text.out;
}

TEST_F(IngestCli, ReadsStandardInputOnlyOnce) {
  const JalaRun got = jala({"ingest", "-", "-"}, "");
  EXPECT_NE(got.exit_code, 0);
  EXPECT_NE(got.err.find("standard input (-) can be read only once"), std::string::npos) << got.err;
}

// Found in review: a partner's wallet with a wrong checksum vanished from its report, exit 0, with no word.
TEST_F(IngestCli, NamesTheValuesADocumentsReportsLeaveOut) {
  const std::string file = m_scratch.file("event.misp.json");
  write_file(file, R"({"Event": {"uuid": "cccc1e2a-1111-4222-8333-444455556666", "info": "ev", "date": "2025-07-04",
    "Orgc": {"name": "MY-PDRM", "nationality": "Malaysia"}, "Attribute": [
    {"type": "btc", "value": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdX"},
    {"type": "phone-number", "value": "012-345 6789"}]}})");
  const JalaRun text = jala({"--verbose", "ingest", file});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.err.find("a value left out of its report: cccc1e2a-1111-4222-8333-444455556666: "), std::string::npos)
      << text.err;
  EXPECT_NE(text.err.find("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdX"), std::string::npos) << text.err;
  const JalaRun json = jala({"ingest", "--json", file});
  const nlohmann::json summary = nlohmann::json::parse(json.out);
  EXPECT_EQ(summary["unchanged"], 1);
  EXPECT_EQ(summary["left_out"], 1);
  ASSERT_EQ(summary["left_out_values"].size(), 1u);
  EXPECT_EQ(summary["left_out_values"][0]["file"], file);
}

TEST_F(IngestCli, ReadsStandardInputAndCsvAndTellsFormatsByExtension) {
  const std::string jsonl = m_scratch.file("in.jsonl");
  write_file(jsonl, report_line(1) + "\n");
  EXPECT_EQ(jala({"ingest", "-"}, jsonl).exit_code, 0);

  const std::string csv = m_scratch.file("t.csv");
  write_file(csv,
             "id,source,from,to,amount,currency,at,channel\n"
             "t1,VN-SBV,iban:GB82 WEST 1234 5698 7654 32,phone:+84912345001,100,EUR,2026-03-01T00:00:00Z,bank\n");
  EXPECT_EQ(jala({"ingest", csv}).exit_code, 0);

  const std::string text = m_scratch.file("notes.md");
  write_file(text, report_line(2) + "\n");
  const JalaRun unknown = jala({"ingest", text});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("give --format jsonl, csv, stix, misp or text"), std::string::npos) << unknown.err;
  EXPECT_EQ(jala({"ingest", "--format", "jsonl", text}).exit_code, 0);

  // A .txt file is one report of plain text, which needs its source and country.
  const std::string note = m_scratch.file("note.txt");
  write_file(note, "Anh Tuấn nhắn Zalo 0912 345 678 mời sang Campuchia làm việc\n");
  const JalaRun no_source = jala({"ingest", note});
  EXPECT_EQ(no_source.exit_code, 1);
  EXPECT_NE(no_source.err.find("note.txt:1: source: a text input needs --source"), std::string::npos) << no_source.err;
  EXPECT_EQ(jala({"ingest", "--source", "VN-MPS", "--country", "VN", note}).exit_code, 0);
  EXPECT_NE(jala({"search", "phone:+84912345678"}).out.find("VN-MPS text-"), std::string::npos);

  const nlohmann::json stats = nlohmann::json::parse(jala({"stats", "--json"}).out);
  EXPECT_EQ(stats["reports"], 3);
  EXPECT_EQ(stats["transactions"], 1);
}

TEST_F(IngestCli, AMissingFileIsAnErrorButOtherFilesAreRead) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(1) + "\n");
  const JalaRun got = jala({"ingest", m_scratch.file("missing.jsonl"), file});
  EXPECT_EQ(got.exit_code, 1);
  EXPECT_NE(got.err.find("missing.jsonl: cannot open: No such file or directory"), std::string::npos) << got.err;
  EXPECT_EQ(got.out, "read 1 records: 1 added, 0 updated, 0 unchanged, 0 rejected\n");
}

// Progress goes to stderr only for a terminal or with --verbose, so scripts see clean output.
TEST_F(IngestCli, ShowsProgressOnlyWhenAsked) {
  const std::string file = m_scratch.file("r.jsonl");
  std::string data;
  for (int i = 0; i < 2'000; ++i) data += report_line(i) + "\n";
  write_file(file, data);
  const JalaRun quiet = jala({"ingest", "--batch-size", "500", file});
  EXPECT_EQ(quiet.err, "");
  const JalaRun verbose = jala({"--verbose", "ingest", "--batch-size", "500", "--json", file});
  EXPECT_EQ(verbose.exit_code, 0);
  EXPECT_NE(verbose.err.find("ingest " + file), std::string::npos) << verbose.err;
  EXPECT_NE(verbose.err.find("100%"), std::string::npos) << verbose.err;
  EXPECT_EQ(nlohmann::json::parse(verbose.out)["added"], 0);  // stdout stays pure JSON
}

// A command that only reads refuses a store that is not there, and does not create one: a mistyped --db
// would otherwise be a new, empty store in which every search finds nothing.
TEST_F(IngestCli, CommandsThatOnlyReadRefuseAMissingStore) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"stats"},
                                             {"search", "phone:+84912345678"},
                                             {"report", "show", "S", "1"},
                                             {"networks", "--json"},
                                             {"trace", "--from", "phone:+84912345678"},
                                             {"flow", "suspects"},
                                             {"flow", "freeze-list"},
                                             {"lures", "accounts"},
                                             {"evidence", "audit"},
                                             {"evidence", "head"},
                                             {"partner", "list"},
                                             {"partner", "revoke", "MY-PDRM"}}) {
    const JalaRun got = jala(args);
    EXPECT_EQ(got.exit_code, 1) << args[0] << got.err;
    EXPECT_NE(got.err.find("there is no store at '" + m_db + "'"), std::string::npos) << args[0] << got.err;
    EXPECT_FALSE(std::filesystem::exists(m_db)) << args[0];
    EXPECT_FALSE(std::filesystem::exists(m_db + ".key")) << args[0];  // nor a signing key beside it
  }
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(1) + "\n");
  ASSERT_EQ(jala({"ingest", file}).exit_code, 0);  // ingest creates it
  const JalaRun stats = jala({"stats"});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("reports"), std::string::npos) << stats.out;
}

TEST_F(IngestCli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(jala({}).exit_code, 2);
  EXPECT_EQ(jala({"ingest"}).exit_code, 2);
  EXPECT_EQ(jala({"ingest", "--format", "xml", "x"}).exit_code, 2);
  // A bad --country is one of them (it exited 1 before): every command that takes one.
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"ingest", "--country", "VNM", "x.stix"},
                                             {"search", "--country", "Vietnam", "0912 345 678"},
                                             {"flow", "freeze-list", "--country", "ZZ"},
                                             {"serve", "--agency", "VN-MPS", "--country", "V"}}) {
    const JalaRun bad_country = jala(args);
    EXPECT_EQ(bad_country.exit_code, 2) << args[0] << bad_country.err;
    EXPECT_EQ(bad_country.err.rfind("jala: usage: --country: '", 0), 0u) << bad_country.err;
  }
  const JalaRun unknown = jala({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err.rfind("jala: usage: ", 0), 0u) << unknown.err;
}

// Selectors that only the text carries are extracted at ingest, stored with their spans, and found by
// search in any surface form.
TEST_F(IngestCli, SelectorsFoundInTheTextAreStoredWithSpansAndSearchable) {
  const std::string text = "Việc nhẹ lương cao! Liên hệ Zalo 0912 888 123 hoặc email hr[at]lotus-careers[.]net";
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, fmt::format(R"({{"id":"t1","source":"VN-MPS","kind":"lure_ad","country":"VN",)"
                               R"("reported_at":"2026-03-01T08:15:00+07:00","text":"{}"}})",
                               text) +
                       "\n");
  ASSERT_EQ(jala({"ingest", file}).exit_code, 0);
  for (const std::string form : {"+84 91 288 8123", "0084912888123", "zalo:0912888123", "hr@LOTUS-careers.net"}) {
    const JalaRun got = jala({"search", "--country", "VN", "--json", form});
    ASSERT_EQ(got.exit_code, 0) << form << got.err;
    const nlohmann::json result = nlohmann::json::parse(got.out);
    ASSERT_EQ(result["reports"].size(), 1u) << form << got.out;
    EXPECT_EQ(result["reports"][0]["id"], "t1");
  }
  const JalaRun shown = jala({"report", "show", "--json", "VN-MPS", "t1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const nlohmann::json report = nlohmann::json::parse(shown.out);
  ASSERT_FALSE(report["text_selectors"].empty());
  for (const nlohmann::json& found : report["text_selectors"]) {
    const auto start = found["start"].get<std::size_t>();
    const auto end = found["end"].get<std::size_t>();
    EXPECT_EQ(text.substr(start, end - start), found["raw"].get<std::string>());
  }
  EXPECT_EQ(report["text_selectors"].back()["value"], "hr@lotus-careers.net");
  EXPECT_EQ(report["text_selectors"].back()["raw"], "hr[at]lotus-careers[.]net");
}

// Regression: a URL given only in the form found no report by its domain, while the same URL in the
// text did. The form's URL now gives the domain (or IP) that extraction gives, without changing the
// record: `report show` lists what the form gave, and ingesting it again leaves it unchanged.
TEST_F(IngestCli, AUrlGivenOnlyInTheFormFindsTheReportByItsDomain) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, R"({"id":"f1","source":"VN-MPS","kind":"lure_ad","country":"VN",)"
                   R"("reported_at":"2026-03-01T08:15:00+07:00","selectors":[)"
                   R"({"type":"url","value":"https://App.Golden-Lotus.net/join?ref=7"},)"
                   R"({"type":"url","value":"http://198.51.100.23:8080/pay"}]})"
                   "\n"
                   R"({"id":"t1","source":"VN-MPS","kind":"lure_ad","country":"VN",)"
                   R"("reported_at":"2026-03-01T08:15:00+07:00","text":"vào www.golden-lotus.net/vip"})"
                   "\n");
  ASSERT_EQ(jala({"ingest", file}).exit_code, 0);
  for (const std::string query : {"domain:golden-lotus.net", "ip:198.51.100.23"}) {
    const JalaRun got = jala({"search", "--json", query});
    ASSERT_EQ(got.exit_code, 0) << query << got.err;
    const nlohmann::json result = nlohmann::json::parse(got.out);
    ASSERT_FALSE(result["reports"].empty()) << query;
    EXPECT_EQ(result["reports"][0]["id"], "f1") << query << got.out;
  }
  EXPECT_EQ(nlohmann::json::parse(jala({"search", "--json", "domain:golden-lotus.net"}).out)["reports"].size(), 2u);
  const nlohmann::json shown = nlohmann::json::parse(jala({"report", "show", "--json", "VN-MPS", "f1"}).out);
  EXPECT_EQ(shown["selectors"].size(), 2u) << shown.dump();
  EXPECT_EQ(nlohmann::json::parse(jala({"ingest", "--json", file}).out)["unchanged"], 2);
}

// Regression: a bad CSV header was reported at "line": 0, with the file's name in the message again.
TEST_F(IngestCli, ABadCsvHeaderIsNamedOnceAtItsLine) {
  const std::string file = m_scratch.file("r.csv");
  write_file(file, "id,source,kind,reported_at,text\nr1,VN-MPS,other,2026-03-01T00:00:00Z,hello\n");
  const JalaRun json = jala({"ingest", "--json", file});
  EXPECT_EQ(json.exit_code, 1);
  const nlohmann::json got = nlohmann::json::parse(json.out);
  ASSERT_EQ(got["errors"].size(), 1u) << json.out;
  EXPECT_EQ(got["errors"][0]["file"], file);
  EXPECT_EQ(got["errors"][0]["line"], 1);
  EXPECT_EQ(got["errors"][0]["error"], "bad CSV header: no 'country' column, which report records require");
  EXPECT_EQ(got["added"], 0);
  const JalaRun text = jala({"ingest", file});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.err,
            "jala: ingest: " + file + ":1: bad CSV header: no 'country' column, which report records require\n");
}

// Found in review: a header row that was not CSV was one bad record, and the next row became the header.
TEST_F(IngestCli, AHeaderRowThatIsNotCsvFailsTheFile) {
  const std::string file = m_scratch.file("r.csv");
  write_file(file,
             "record,id\"x,source,kind,country,reported_at,text\n"
             "record,id,source,kind,country,reported_at,text\n"
             "report,r1,VN-MPS,other,VN,2026-03-01T00:00:00Z,hello\n");
  const JalaRun json = jala({"ingest", "--json", file});
  EXPECT_EQ(json.exit_code, 1);
  const nlohmann::json got = nlohmann::json::parse(json.out);
  ASSERT_EQ(got["errors"].size(), 1u) << json.out;
  EXPECT_EQ(got["errors"][0]["line"], 1);
  EXPECT_EQ(got["errors"][0]["error"], "bad CSV header: a quote inside unquoted field 2; quote the whole field");
  EXPECT_EQ(got["added"], 0);
}

// --bulk builds the indexes of accounts' transactions once, at the end: the store it leaves answers as
// one loaded without it. A later ingest builds indexes that an interrupted bulk load left dropped.
TEST_F(IngestCli, ABulkLoadLeavesTheSameStoreWithItsIndexes) {
  const std::string sim = m_scratch.file("sim");
  ASSERT_EQ(run_jala({"simulate", "--seed", "3", "--reports", "400", "--out", sim}).exit_code, 0);
  const std::string reports = sim + "/reports.jsonl";
  const std::string transactions = sim + "/transactions.jsonl";
  const std::string plain_db = m_scratch.file("plain.db");
  const JalaRun bulk = jala({"ingest", "--bulk", reports, transactions});
  ASSERT_EQ(bulk.exit_code, 0) << bulk.err;
  EXPECT_NE(bulk.err.find("building the indexes of accounts' transactions"), std::string::npos) << bulk.err;
  ASSERT_EQ(run_jala({"--db", plain_db, "ingest", reports, transactions}).exit_code, 0);

  const JalaRun from_bulk = jala({"flow", "suspects", "--json"});
  const JalaRun from_plain = run_jala({"--db", plain_db, "flow", "suspects", "--json"});
  ASSERT_EQ(from_bulk.exit_code, 0) << from_bulk.err;
  EXPECT_GT(nlohmann::json::parse(from_bulk.out).size(), 0U);
  EXPECT_EQ(from_bulk.out, from_plain.out);

  const std::string count =
      "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
      " AND name IN ('transactions_by_from', 'transactions_by_to')";
  const std::string counted = m_scratch.file("count.txt");
  const auto indexes = [&] {
    EXPECT_EQ(std::system(fmt::format("sqlite3 '{}' \"{}\" > '{}'", m_db, count, counted).c_str()), 0);
    std::ifstream in(counted);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(indexes(), "2\n");
  ASSERT_EQ(std::system(fmt::format("sqlite3 '{}' \"DROP INDEX transactions_by_from\"", m_db).c_str()), 0);
  EXPECT_EQ(indexes(), "1\n");
  ASSERT_EQ(jala({"ingest", reports}).exit_code, 0);
  EXPECT_EQ(indexes(), "2\n");
}

TEST_F(IngestCli, ReportShowFindsOrSaysNotFound) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, report_line(9) + "\n");
  ASSERT_EQ(jala({"ingest", file}).exit_code, 0);
  const JalaRun got = jala({"report", "show", "--json", "VN-MPS", "r9"});
  ASSERT_EQ(got.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(got.out)["selectors"][0]["value"], "+84912345009");
  const JalaRun missing = jala({"report", "show", "VN-MPS", "nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "jala: report show: no report VN-MPS nope in the store\n");
}

// Found in review: `report show` printed a report's text (and its selectors' raw forms) with their terminal escapes,
// which a hostile report can use to rewrite what the analyst sees.
TEST_F(IngestCli, ReportShowEscapesWhatATerminalWouldActOn) {
  const std::string file = m_scratch.file("r.jsonl");
  write_file(file, nlohmann::json{{"source", "VN-MPS"},
                                  {"id", "esc"},
                                  {"kind", "victim_complaint"},
                                  {"country", "VN"},
                                  {"reported_at", "2026-01-01T00:00:00Z"},
                                  {"text", "Gọi 0912 345 678\x1b[2J\n\nrồi chuyển \u202Etiền"},
                                  {"selectors", {{{"type", "phone"}, {"value", "0912 345 679"}}}}}
                           .dump() +
                       "\n");
  ASSERT_EQ(jala({"ingest", file}).exit_code, 0);
  const JalaRun shown = jala({"report", "show", "VN-MPS", "esc"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.find('\x1b'), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("\u202E"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("  text\n    Gọi 0912 345 678\\x1b[2J\n    \n    rồi chuyển \\u{202e}tiền\n"),
            std::string::npos)
      << shown.out;
}

}  // namespace
}  // namespace jala::testing
