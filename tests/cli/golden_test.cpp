// Golden files: the exact output of the read commands on the bundled examples. When output changes on
// purpose, regenerate with JALA_UPDATE_GOLDEN=1 and review the diff.
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "run_jala.h"
#include "support/postgres_test_database.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

constexpr std::string_view k_source = JALA_SOURCE_DIR;

std::string source_path(std::string_view relative) { return std::string(k_source).append(relative); }

// Every golden file holds for both SQL backends: SQLite, and PostgreSQL on the test server of
// tests/support/postgres_test_server.sh (skipped, saying why, without it). Each backend's store gets the
// examples once per test process.
class Golden : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string& db = s_db[GetParam()];
    if (db.empty()) {
      std::string why_not;
      std::optional<std::string> location = s_scratch.file("jala.db");
      if (GetParam() == "postgres") {
        location = postgres_test_url(why_not);
        if (location) location = fresh_postgres_schema(*location, "golden_" + std::to_string(::getpid()), why_not);
      }
      if (!location) GTEST_SKIP() << why_not;
      const JalaRun ingest = run_jala({"--db", *location, "ingest", source_path("/examples/reports.jsonl"),
                                       source_path("/examples/reports.csv"), source_path("/examples/transactions.jsonl"),
                                       source_path("/examples/transactions.csv")});
      ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
      db = *location;
    }
    m_db = db;
  }

  // Compares a command's stdout (and stderr, if any) with tests/golden/NAME, the source path replaced
  // by "<source>" so that the files do not depend on where the project is checked out.
  void expect_golden(const std::string& name, std::vector<std::string> args, int want_exit = 0) {
    args.insert(args.begin(), {"--db", m_db});
    const JalaRun run = run_jala(args);
    EXPECT_EQ(run.exit_code, want_exit) << run.err;
    std::string got = run.out + (run.err.empty() ? "" : "--- stderr\n" + run.err);
    for (std::size_t at = got.find(k_source); at != std::string::npos; at = got.find(k_source, at)) {
      got.replace(at, k_source.size(), "<source>");
    }
    const std::string path = source_path("/tests/golden/") + name;
    if (std::getenv("JALA_UPDATE_GOLDEN") != nullptr && GetParam() == "sqlite") write_file(path, got);
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing; run with JALA_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, read_file(path)) << "golden file " << name;
  }

  static inline ScratchFolder s_scratch{"golden"};
  static inline std::map<std::string, std::string> s_db;  // the store of each backend, by name
  std::string m_db;
};

TEST_P(Golden, StatsText) { expect_golden("stats.txt", {"stats"}); }
TEST_P(Golden, StatsJson) { expect_golden("stats.json", {"stats", "--json"}); }
TEST_P(Golden, ReportShowText) { expect_golden("report_show.txt", {"report", "show", "VN-MPS", "VN-MPS-2025-001377"}); }
TEST_P(Golden, ReportShowJson) {
  expect_golden("report_show.json", {"report", "show", "--json", "VN-MPS", "VN-MPS-2025-001377"});
}
TEST_P(Golden, SearchPhoneInAnyForm) { expect_golden("search_phone.txt", {"search", "+84 91 234 5690"}); }
TEST_P(Golden, SearchWalletJson) {
  expect_golden("search_wallet.json", {"search", "--json", "TS6BpA5LdFaK6AeWgxCs7PcvDPU1oxgFsL"});
}
// The examples' answer key (examples/README.md): three operations of 28, 19 and 12 reports once text is
// extracted, with binance.com, two bank call centres and a Binance home-page URL kept out of linking.
TEST_P(Golden, NetworksText) { expect_golden("networks.txt", {"networks"}); }
TEST_P(Golden, NetworksJson) { expect_golden("networks.json", {"networks", "--json"}); }
TEST_P(Golden, NetworkShowExplainsEveryLink) {
  expect_golden("network_show.txt", {"network", "show", "N12df535324db"});
}
TEST_P(Golden, NetworkShowJson) { expect_golden("network_show.json", {"network", "show", "--json", "N12df535324db"}); }
TEST_P(Golden, NetworkShowGraphMl) {
  expect_golden("network_show.graphml", {"network", "show", "--graphml", "N12df535324db"});
}
TEST_P(Golden, UnknownNetwork) { expect_golden("network_unknown.txt", {"network", "show", "N000000000000"}, 1); }
// Money: the examples' chains from victims through collectors and mules to wallets (examples/README.md).
TEST_P(Golden, FlowSuspectsText) { expect_golden("flow_suspects.txt", {"flow", "suspects", "--top", "6"}); }
TEST_P(Golden, FlowSuspectsJson) { expect_golden("flow_suspects.json", {"flow", "suspects", "--json"}); }
TEST_P(Golden, FreezeListForOneCountry) {
  expect_golden("freeze_list_th.txt", {"flow", "freeze-list", "--country", "th"});
}
TEST_P(Golden, FreezeListJson) { expect_golden("freeze_list.json", {"flow", "freeze-list", "--json"}); }
TEST_P(Golden, TraceFromAVictimAccount) {
  expect_golden("trace_victim.txt", {"trace", "--from", "bank:ICBVVNVX:108001234567"});
}
TEST_P(Golden, TraceOnePaymentProportionallyJson) {
  expect_golden("trace_payment.json",
                {"trace", "--json", "--rule", "proportional", "--payment", "TH-AMLO", "AMLO-TX-68-22011"});
}
TEST_P(Golden, TraceBackToTheVictims) {
  expect_golden("trace_back.json", {"trace", "--json", "--back", "--from", "bank:SICOTHBK:4081234567"});
}
TEST_P(Golden, TraceUnknownAccount) {
  expect_golden("trace_unknown.txt", {"trace", "--from", "bank:ICBVVNVX:99999999"}, 1);
}
TEST_P(Golden, TraceUnknownPayment) {
  expect_golden("trace_payment_unknown.txt", {"trace", "--payment", "TH-AMLO", "AMLO-TX-68-99999"}, 1);
}
TEST_P(Golden, TraceInvalidAccount) { expect_golden("trace_invalid.txt", {"trace", "--from", "bank:ICBVVNVX:999"}, 1); }
TEST_P(Golden, TraceBadRule) {
  expect_golden("trace_bad_rule.txt", {"trace", "--from", "bank:ICBVVNVX:108001234567", "--rule", "lifo"}, 1);
}
TEST_P(Golden, BadRecordsAreNamed) {
  expect_golden("ingest_bad_records.json", {"ingest", "--json", source_path("/examples/bad-records.jsonl")}, 1);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, Golden, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace jala::testing
