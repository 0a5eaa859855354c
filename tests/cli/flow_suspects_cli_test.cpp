// `jala flow suspects` over a store whose reports name accounts: being named is evidence against an account
// only when the linking counts the account as a network's own. A payment processor's account that a few
// reports of every operation name is a hub: shown as named, not counted, and of no network.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

constexpr const char* k_processor = "bank:DBSSSGSG:0720118833";
constexpr const char* k_collector = "bank:BFTVVNVX:1000000";  // operation 0's main account

// One transaction as a JSON Lines record.
std::string transaction_line(const std::string& id, const std::string& from, const std::string& to, double amount,
                             const std::string& at, const std::string& currency = "USD",
                             const std::string& channel = "bank", const std::string& source = "TEST") {
  return nlohmann::json{
             {"record", "transaction"}, {"id", id}, {"source", source},  {"from", from}, {"to", to}, {"amount", amount},
             {"currency", currency},    {"at", at}, {"channel", channel}}
             .dump() +
         "\n";
}

// Four operations of 24 reports, each linked by its agents' handles and its main account; reports 0, 9
// and 17 of each also name the processor, through which some victims paid.
std::string operations_reports() {
  std::string lines;
  for (int op = 0; op < 4; ++op) {
    for (int i = 0; i < 24; ++i) {
      nlohmann::json selectors =
          nlohmann::json::array({{{"type", "telegram"}, {"value", fmt::format("op{}_agent{}", op, i % 3)}},
                                 {{"type", "bank"}, {"value", fmt::format("BFTVVNVX:10{}0000", op)}}});
      if (i == 0 || i == 9 || i == 17) selectors.push_back({{"type", "bank"}, {"value", "DBSSSGSG:0720118833"}});
      lines += nlohmann::json{{"id", fmt::format("R{}-{}", op, i)},
                              {"source", "TEST"},
                              {"kind", "victim_complaint"},
                              {"country", "VN"},
                              {"reported_at", "2026-01-10T00:00:00Z"},
                              {"selectors", selectors}}
                   .dump() +
               "\n";
    }
  }
  return lines;
}

// Both the processor and operation 0's collector take one-time payers' money and pass it on within hours.
std::string pass_through_transactions() {
  std::string lines;
  int n = 0;
  auto pay = [&](const std::string& from, const std::string& to, double amount, const std::string& at) {
    lines += transaction_line(fmt::format("TX{}", ++n), from, to, amount, at);
  };
  for (int v = 0; v < 40; ++v) {
    pay(fmt::format("bank:BFTVVNVX:9{:05}", v), k_processor, 100, fmt::format("2026-01-02T0{}:{:02}:00Z", v / 10, v));
  }
  pay(k_processor, "bank:DBSSSGSG:5555555555", 3'900, "2026-01-02T06:00:00Z");
  for (int v = 0; v < 10; ++v) {
    pay(fmt::format("bank:BFTVVNVX:8{:05}", v), k_collector, 500, fmt::format("2026-01-03T0{}:00:00Z", v));
  }
  pay(k_collector, "bank:BFTVVNVX:7777777", 4'900, "2026-01-03T12:00:00Z");
  return lines;
}

const nlohmann::json* suspect(const nlohmann::json& accounts, const std::string& account) {
  for (const nlohmann::json& entry : accounts) {
    if (entry["account"] == account) return &entry;
  }
  return nullptr;
}

TEST(FlowSuspectsCli, AHubAccountIsShownAsNamedButNotCountedAndANetworksAccountIs) {
  const ScratchFolder scratch("flow_suspects_cli");
  write_file(scratch.file("reports.jsonl"), operations_reports());
  write_file(scratch.file("transactions.jsonl"), pass_through_transactions());
  const std::string db = scratch.file("jala.db");
  const JalaRun ingested =
      run_jala({"--db", db, "ingest", scratch.file("reports.jsonl"), scratch.file("transactions.jsonl")});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  const JalaRun suspects = run_jala({"--db", db, "flow", "suspects", "--json"});
  ASSERT_EQ(suspects.exit_code, 0) << suspects.err;
  const nlohmann::json accounts = nlohmann::json::parse(suspects.out)["accounts"];

  const nlohmann::json* processor = suspect(accounts, k_processor);
  ASSERT_NE(processor, nullptr) << suspects.out;
  EXPECT_EQ((*processor)["why"].back(),
            "named in 12 report(s), but across unrelated networks, as a hub is (not counted)");
  EXPECT_FALSE(processor->contains("network")) << processor->dump();

  const nlohmann::json* collector = suspect(accounts, k_collector);
  ASSERT_NE(collector, nullptr) << suspects.out;
  ASSERT_TRUE(collector->contains("network")) << collector->dump();
  const std::string network = (*collector)["network"];
  const nlohmann::json why = (*collector)["why"];
  EXPECT_NE(std::find(why.begin(), why.end(), fmt::format("named in 24 report(s) of network {}", network)), why.end())
      << why.dump();
  // Counted: the collector's score exceeds the processor's, whose pass-through is as plain.
  EXPECT_GT((*collector)["score"].get<double>(), (*processor)["score"].get<double>());
}

// A currency without a US dollar rate counts as 0 USD in traces and scores; the commands that read the
// ledger say so, and name it, rather than leave a mule chain out without a word.
TEST(FlowSuspectsCli, SaysWhichTransactionsHaveNoDollarRate) {
  const ScratchFolder scratch("flow_unpriced_cli");
  std::string lines;
  const auto pay = [&](const std::string& id, const std::string& to, const std::string& currency) {
    lines += transaction_line(id, "bank:BFTVVNVX:9000001", to, 1000, "2026-01-02T01:00:00Z", currency);
  };
  pay("TX1", "bank:BFTVVNVX:9000002", "SEK");  // a rate since 2026-12-06
  pay("TX2", "bank:BFTVVNVX:9000003", "XAF");
  pay("TX3", "bank:BFTVVNVX:9000004", "XAF");
  write_file(scratch.file("transactions.jsonl"), lines);
  const std::string db = scratch.file("jala.db");
  const JalaRun ingested = run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  const std::string warning =
      "jala: 2 transaction(s) in currencies without a US dollar rate (XAF) count as 0 USD in traces and scores";
  for (const std::vector<std::string>& command : {std::vector<std::string>{"flow", "suspects"},
                                                  {"flow", "freeze-list", "--json"},
                                                  {"trace", "--from", "bank:BFTVVNVX:9000001"}}) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), command.begin(), command.end());
    const JalaRun run = run_jala(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find(warning), std::string::npos) << command[0] << ": " << run.err;
  }
}

// A wallet paying itself moves no money: seven such payments no longer use up the trace's eight hops.
TEST(FlowSuspectsCli, PaymentsToTheSameAccountAreNoHops) {
  const ScratchFolder scratch("flow_self_cli");
  std::string lines;
  int n = 0;
  const auto pay = [&](const std::string& from, const std::string& to, int hour, const std::string& channel) {
    lines += transaction_line(fmt::format("TX{}", ++n), from, to, 5000, fmt::format("2026-01-02T{:02}:00:00Z", hour),
                              "USD", channel);
  };
  pay("bank:BFTVVNVX:6001", "bank:BFTVVNVX:6002", 1, "bank");
  for (int hop = 0; hop < 7; ++hop) pay("bank:BFTVVNVX:6002", "bank:BFTVVNVX:6002", 2 + hop, "bank");
  pay("bank:BFTVVNVX:6002", "bank:BFTVVNVX:6003", 10, "bank");
  pay("bank:BFTVVNVX:6003", "bank:BFTVVNVX:6004", 11, "cash");
  write_file(scratch.file("transactions.jsonl"), lines);
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")}).exit_code, 0);

  const JalaRun traced = run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:6001", "--json"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_NE(traced.err.find("jala: 7 transaction(s) pay their own account: they move no money, and are left out"),
            std::string::npos)
      << traced.err;
  const nlohmann::json trace = nlohmann::json::parse(traced.out);
  EXPECT_EQ(trace["hops"].size(), 3) << trace.dump();
  ASSERT_EQ(trace["endpoints"].size(), 1) << trace.dump();
  EXPECT_EQ(trace["endpoints"][0]["reason"], "cash") << trace.dump();

  const JalaRun self = run_jala({"--db", db, "trace", "--payment", "TEST", "TX2"});
  EXPECT_EQ(self.exit_code, 1);
  EXPECT_NE(self.err.find("pays its own account: it moves no money, so there is nothing to trace"), std::string::npos)
      << self.err;
}

// Found in review: with --payment, a window that left out the payment traced nothing and printed 0 USD
// with exit 0; and an id with a trailing space was a second transaction, which a trace counted twice.
TEST(FlowSuspectsCli, APaymentOutsideTheWindowAndAPaddedIdAreRefused) {
  const ScratchFolder scratch("flow_payment_window_cli");
  write_file(scratch.file("transactions.jsonl"),
             transaction_line("TX1", "bank:BFTVVNVX:7001", "bank:BFTVVNVX:7002", 5000, "2026-01-01T10:00:00Z") +
                 transaction_line("TX2", "bank:BFTVVNVX:7002", "bank:BFTVVNVX:7003", 5000, "2026-01-01T11:00:00Z"));
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")}).exit_code, 0);
  for (const char* bound : {"--until", "--since"}) {
    const std::string at = std::string(bound) == "--until" ? "2026-01-01T09:30:00Z" : "2026-01-01T10:30:00Z";
    const JalaRun outside = run_jala({"--db", db, "trace", "--payment", "TEST", "TX1", bound, at, "--json"});
    EXPECT_EQ(outside.exit_code, 1) << bound << ": " << outside.out;
    EXPECT_NE(outside.err.find("transaction TX1 from source TEST was made at 2026-01-01T10:00:00Z, outside --since "
                               "and --until"),
              std::string::npos)
        << outside.err;
  }
  const JalaRun inside =
      run_jala({"--db", db, "trace", "--payment", "TEST", "TX1", "--until", "2026-01-01T10:30:00Z", "--json"});
  ASSERT_EQ(inside.exit_code, 0) << inside.err;
  EXPECT_EQ(nlohmann::json::parse(inside.out)["hops"].size(), 1U) << inside.out;  // TX2 falls after --until

  write_file(scratch.file("padded.jsonl"),
             transaction_line("TX1 ", "bank:BFTVVNVX:7001", "bank:BFTVVNVX:7002", 5000, "2026-01-01T10:00:00Z"));
  const JalaRun padded = run_jala({"--db", db, "ingest", scratch.file("padded.jsonl")});
  EXPECT_NE(padded.exit_code, 0);
  EXPECT_NE(padded.err.find("id: 'TX1 ' has a space at its start or end"), std::string::npos) << padded.err;
}

// Found in review: a store without transactions gave a freeze list "as of 1970-01-01T00:00:00Z".
TEST(FlowSuspectsCli, AFreezeListOfAStoreWithoutTransactionsSaysSo) {
  const ScratchFolder scratch("flow_freeze_empty_cli");
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", JALA_SOURCE_DIR "/examples/reports.jsonl"}).exit_code, 0);
  const JalaRun json = run_jala({"--db", db, "flow", "freeze-list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out), nlohmann::json::parse(R"({"as_of":null,"groups":[]})"));
  const JalaRun text = run_jala({"--db", db, "flow", "freeze-list"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "Freeze list: the store holds no transactions\n");
}

// Found in review: the text output rounded every amount to the cent, so 0.004 BTC showed as 0.00 BTC.
TEST(FlowSuspectsCli, TraceShowsEachAmountToItsLastDigit) {
  const ScratchFolder scratch("flow_amounts_cli");
  const std::string wallet = "wallet:eth:0x" + std::string(40, '1');
  write_file(scratch.file("transactions.jsonl"),
             transaction_line("TX1", "bank:BFTVVNVX:7001", wallet, 1250.5, "2026-01-02T01:00:00Z") +
                 transaction_line("TX2", wallet, "wallet:eth:0x" + std::string(40, '2'), 0.0039, "2026-01-02T02:00:00Z",
                                  "BTC", "crypto") +
                 transaction_line("TX3", "wallet:eth:0x" + std::string(40, '2'), "wallet:eth:0x" + std::string(40, '3'),
                                  0.00001, "2026-01-02T03:00:00Z", "BTC", "crypto"));
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")}).exit_code, 0);
  const JalaRun traced = run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:7001"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_NE(traced.out.find("  1250.50 USD by bank (TEST/TX1)"), std::string::npos) << traced.out;
  EXPECT_NE(traced.out.find("  0.0039 BTC by crypto (TEST/TX2)"), std::string::npos) << traced.out;
  EXPECT_NE(traced.out.find("  0.00001 BTC by crypto (TEST/TX3)"), std::string::npos) << traced.out;  // not 1e-05
}

// Found in review: text output printed an amount as its double to 18 decimals (0.123 BTC as
// 0.122999999999999998), so the figure differed from the bank's record; it gives the digits JSON does.
TEST(FlowSuspectsCli, TraceShowsEachAmountAsGivenWithoutFloatingPointNoise) {
  const ScratchFolder scratch("flow_amount_digits_cli");
  const std::string wallet = "wallet:eth:0x" + std::string(40, '4');
  std::string lines =
      transaction_line("TX1", "bank:BFTVVNVX:7101", "bank:BFTVVNVX:7102", 12345.678901, "2026-01-02T01:00:00Z");
  const std::vector<double> amounts = {0.123, 1.005, 99.999};
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    lines += transaction_line(fmt::format("TX{}", i + 2), "bank:BFTVVNVX:7102", wallet, amounts[i],
                              fmt::format("2026-01-02T0{}:00:00Z", i + 2), "BTC", "crypto");
  }
  write_file(scratch.file("transactions.jsonl"), lines);
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")}).exit_code, 0);
  const JalaRun traced = run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:7101"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_NE(traced.out.find("  12345.678901 USD by bank (TEST/TX1)"), std::string::npos) << traced.out;
  const JalaRun back = run_jala({"--db", db, "trace", "--back", "--from", wallet});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("  12345.678901 USD by bank (TEST/TX1)"), std::string::npos) << back.out;
  const JalaRun payment = run_jala({"--db", db, "trace", "--payment", "TEST", "TX2"});
  ASSERT_EQ(payment.exit_code, 0) << payment.err;
  EXPECT_NE(payment.out.find("  0.123 BTC by crypto (TEST/TX2)"), std::string::npos) << payment.out;
  for (const char* id : {"TX3", "TX4"}) {
    const JalaRun hop = run_jala({"--db", db, "trace", "--payment", "TEST", id});
    ASSERT_EQ(hop.exit_code, 0) << hop.err;
    EXPECT_NE(hop.out.find(std::string(id) == "TX3" ? "  1.005 BTC" : "  99.999 BTC"), std::string::npos) << hop.out;
  }
}

// A list of off-ramps saved by a spreadsheet (byte order mark, CRLF, spaces) is read; a folder is no list.
TEST(FlowSuspectsCli, ReadsAnOffRampListAsSpreadsheetsSaveItAndRefusesAFolderOrABackwardWindow) {
  const ScratchFolder scratch("flow_cashout_cli");
  std::string lines;
  for (const auto& [id, from, to] :
       {std::tuple{"TX1", "bank:BFTVVNVX:6001", "bank:BFTVVNVX:6002"},
        std::tuple{"TX2", "bank:BFTVVNVX:6002", "wallet:trx:TU8rin58FiG2RWaE91MKAL79k2ykbggN83"},
        std::tuple{"TX3", "wallet:trx:TU8rin58FiG2RWaE91MKAL79k2ykbggN83", "bank:BFTVVNVX:6003"}}) {
    lines += transaction_line(id, from, to, 1000, fmt::format("2026-01-02T0{}:00:00Z", id[2]));
  }
  write_file(scratch.file("transactions.jsonl"), lines);
  write_file(scratch.file("offramps.txt"),
             "\xEF\xBB\xBF  wallet:trx:TU8rin58FiG2RWaE91MKAL79k2ykbggN83 \r\n# exchanges\r\n");
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")}).exit_code, 0);
  const JalaRun traced = run_jala(
      {"--db", db, "trace", "--from", "bank:BFTVVNVX:6001", "--cashout", scratch.file("offramps.txt"), "--json"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  const nlohmann::json trace = nlohmann::json::parse(traced.out);
  ASSERT_EQ(trace["endpoints"].size(), 1) << trace.dump();
  EXPECT_EQ(trace["endpoints"][0]["reason"], "cashout") << trace.dump();

  const JalaRun backwards = run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:6001", "--since",
                                      "2026-02-01T00:00:00Z", "--until", "2026-01-01T00:00:00Z"});
  EXPECT_EQ(backwards.exit_code, 1);
  EXPECT_NE(backwards.err.find("since 2026-02-01T00:00:00Z is later than until 2026-01-01T00:00:00Z"),
            std::string::npos)
      << backwards.err;
  // The options are checked before the store is read, so the mistake is reported without a long load: here
  // before the missing store is even noticed.
  const std::string missing = scratch.file("missing.db");
  const JalaRun backwards_first = run_jala({"--db", missing, "trace", "--from", "bank:BFTVVNVX:6001", "--since",
                                            "2026-02-01T00:00:00Z", "--until", "2026-01-01T00:00:00Z"});
  EXPECT_EQ(backwards_first.exit_code, 1);
  EXPECT_NE(backwards_first.err.find("is later than until"), std::string::npos) << backwards_first.err;
  const JalaRun bad_from_first = run_jala({"--db", missing, "trace", "--from", "notaselector"});
  EXPECT_EQ(bad_from_first.exit_code, 1);
  EXPECT_NE(bad_from_first.err.find("--from"), std::string::npos) << bad_from_first.err;
  EXPECT_EQ(bad_from_first.err.find("there is no store"), std::string::npos) << bad_from_first.err;
  write_file(scratch.file("bad_offramps.txt"), "wallet:trx:TU8rin58FiG2RWaE91MKAL79k2ykbggN83\nnot a selector\n");
  const JalaRun bad_list_first = run_jala(
      {"--db", missing, "trace", "--from", "bank:BFTVVNVX:6001", "--cashout", scratch.file("bad_offramps.txt")});
  EXPECT_EQ(bad_list_first.exit_code, 1);
  EXPECT_NE(bad_list_first.err.find("bad_offramps.txt:2: "), std::string::npos) << bad_list_first.err;

  const JalaRun folder =
      run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:6001", "--cashout", scratch.path().string()});
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_NE(folder.err.find("is not a file"), std::string::npos) << folder.err;
}

// A transaction's source and id are as the bank's file wrote them: text output escapes what could act on
// the analyst's terminal (a bidirectional override here; C0 and C1 controls are refused at ingest).
TEST(FlowSuspectsCli, TraceEscapesWhatCouldActOnTheTerminal) {
  const ScratchFolder scratch("flow_trace_escape_cli");
  const std::string lines = transaction_line("inv\u202egnp.exe", "bank:BFTVVNVX:9000001", "bank:BFTVVNVX:9000002", 1000,
                                             "2026-01-02T01:00:00Z") +
                            transaction_line("c1", "bank:BFTVVNVX:9000001", "bank:BFTVVNVX:9000002", 1000,
                                             "2026-01-02T01:00:00Z", "USD", "bank", "T\u009b2J");
  write_file(scratch.file("transactions.jsonl"), lines);
  const std::string db = scratch.file("jala.db");
  const JalaRun ingested = run_jala({"--db", db, "ingest", scratch.file("transactions.jsonl")});
  EXPECT_EQ(ingested.exit_code, 1) << "the C1 control is refused";
  EXPECT_NE(ingested.err.find(":2: source: contains a control character"), std::string::npos) << ingested.err;
  const JalaRun traced = run_jala({"--db", db, "trace", "--from", "bank:BFTVVNVX:9000001"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_NE(traced.out.find("(TEST/inv\\u{202e}gnp.exe)"), std::string::npos) << traced.out;
  EXPECT_EQ(traced.out.find("\u202e"), std::string::npos) << "raw override in the output";
}

}  // namespace
}  // namespace jala::testing
