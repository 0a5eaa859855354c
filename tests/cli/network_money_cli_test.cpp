// jala network show and jala evidence export read a network's money from the store alone
// (storage::ReadView::ledger_of), not the whole ledger: on a simulated economy, what they show must be
// exactly what the whole ledger gives. And `network show --chain` explains why two members are joined.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "jala/flow/network_money.h"
#include "jala/storage/store.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

class NetworkMoneyCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_scratch.emplace("network_money");
    const JalaRun simulated =
        run_jala({"simulate", "--seed", "5", "--reports", "1500", "--out", s_scratch->path().string()});
    ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
    const JalaRun ingested = run_jala({"--db", s_scratch->file("jala.db"), "ingest", s_scratch->file("reports.jsonl"),
                                       s_scratch->file("transactions.jsonl")});
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }
  static void TearDownTestSuite() { s_scratch.reset(); }

  static JalaRun jala(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", s_scratch->file("jala.db")});
    return run_jala(args);
  }

  static flow::Ledger whole_ledger() {
    Result<std::unique_ptr<storage::Store>> store = storage::open_store(s_scratch->file("jala.db"));
    EXPECT_TRUE(store.ok());
    flow::Ledger ledger;
    const Status read = (*store)->read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(ledger, view.ledger());
      return {};
    });
    EXPECT_TRUE(read.ok());
    return ledger;
  }

  static std::vector<std::string> network_ids(int top) {
    const JalaRun networks = jala({"networks", "--json", "--top", std::to_string(top)});
    EXPECT_EQ(networks.exit_code, 0) << networks.err;
    const nlohmann::json listed = nlohmann::json::parse(networks.out);
    std::vector<std::string> ids;
    for (const nlohmann::json& network : listed["networks"]) ids.push_back(network["id"]);
    return ids;
  }

  static inline std::optional<ScratchFolder> s_scratch;
};

// The whole ledger's ids of accounts named as `network show` names them.
std::vector<flow::AccountId> account_ids(const flow::Ledger& ledger, const nlohmann::json& names) {
  std::map<std::string, flow::AccountId> by_name;
  for (flow::AccountId a = 0; a < ledger.account_count(); ++a) by_name[ledger.account(a).to_string()] = a;
  std::vector<flow::AccountId> ids;
  for (const nlohmann::json& name : names) ids.push_back(by_name.at(name.get<std::string>()));
  return ids;
}

TEST_F(NetworkMoneyCli, NetworkShowGivesTheMoneyOfTheWholeLedger) {
  const flow::Ledger whole = whole_ledger();
  for (const std::string& id : network_ids(10)) {
    const JalaRun show = jala({"network", "show", "--json", id});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const nlohmann::json got = nlohmann::json::parse(show.out)["money"];
    const std::vector<flow::AccountId> accounts = account_ids(whole, got["accounts"]);
    EXPECT_TRUE(
        std::is_sorted(accounts.begin(), accounts.end(),
                       [&](flow::AccountId a, flow::AccountId b) { return whole.account(a) < whole.account(b); }))
        << id << ": the accounts come in the order of their names";
    const flow::NetworkMoney money = flow::network_money(whole, accounts);
    // To the cent as the text outputs print it, never -0.
    const auto cents = [](double usd) { return std::stod(fmt::format("{:.2f}", usd)) + 0.0; };
    nlohmann::json exits = nlohmann::json::array();
    for (const flow::Exit& exit : money.exits) {
      exits.push_back({{"account", whole.account(exit.account).to_string()},
                       {"usd", cents(exit.usd)},
                       {"transactions", exit.transfers},
                       {"pays_on", exit.pays_on}});
    }
    const nlohmann::json want{{"accounts", got["accounts"]},
                              {"in_usd", cents(money.in_usd)},
                              {"in_transactions", money.in_transfers},
                              {"out_usd", cents(money.out_usd)},
                              {"out_transactions", money.out_transfers},
                              {"internal_usd", cents(money.internal_usd)},
                              {"exits", exits}};
    EXPECT_EQ(got, want) << id;
  }
}

TEST_F(NetworkMoneyCli, EvidenceExportHoldsEveryTransactionOfTheNetworksAccounts) {
  const flow::Ledger whole = whole_ledger();
  const std::string id = network_ids(1).at(0);
  const nlohmann::json shown = nlohmann::json::parse(jala({"network", "show", "--json", id}).out);
  std::set<flow::TransferId> transfers;
  for (const flow::AccountId account : account_ids(whole, shown["money"]["accounts"])) {
    transfers.insert(whole.incoming(account).begin(), whole.incoming(account).end());
    transfers.insert(whole.outgoing(account).begin(), whole.outgoing(account).end());
  }
  ASSERT_FALSE(transfers.empty());
  const JalaRun exported = jala({"evidence", "export", "--json", "--network", id, "--out", s_scratch->file("package")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(nlohmann::json::parse(exported.out)["items"], shown["reports"].size() + transfers.size());
}

// An account the network pays that pays on only to accounts outside it: only the second read, of the
// accounts paid, shows that it pays on (the simulator's networks are paid back by their exits).
std::pair<std::string, std::string> key_of(const nlohmann::json& report) {
  return {report.at("source").get<std::string>(), report.at("id").get<std::string>()};
}

// --chain explains why two members are in one network: every step is one of the network's links, named by
// the reports on both sides of it, as `network show --json` lists them; a report of another network is an
// error.
TEST_F(NetworkMoneyCli, ChainJoinsTwoMembersThroughTheNetworksOwnLinks) {
  const std::vector<std::string> ids = network_ids(2);
  ASSERT_EQ(ids.size(), 2U);
  const JalaRun shown = jala({"network", "show", ids[0], "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const nlohmann::json network = nlohmann::json::parse(shown.out);
  std::map<std::string, std::set<std::pair<std::string, std::string>>> joined;  // link -> the reports it joins
  for (const nlohmann::json& link : network["links"]) {
    for (const nlohmann::json& r : link["reports"]) joined[link["selector"]].insert(key_of(r));
  }
  const nlohmann::json& first = network["timeline"].front();
  const nlohmann::json& last = network["timeline"].back();
  const JalaRun chained = jala({"network", "show", ids[0], "--chain", first["source"], first["id"], last["source"],
                                last["id"], "--json"});
  ASSERT_EQ(chained.exit_code, 0) << chained.err;
  const nlohmann::json chain = nlohmann::json::parse(chained.out).at("chain");
  ASSERT_GE(chain.size(), 2U);
  EXPECT_EQ(chain.front()["report"]["id"], first["id"]);
  EXPECT_EQ(chain.back()["report"]["id"], last["id"]);
  EXPECT_FALSE(chain.back().contains("via"));
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    const std::string via = chain[i]["via"];
    ASSERT_TRUE(joined.contains(via)) << via << " is not a link of the network";
    for (const nlohmann::json& step : {chain[i], chain[i + 1]}) {
      EXPECT_TRUE(joined[via].contains(key_of(step["report"]))) << via;
    }
  }

  const JalaRun other = jala({"network", "show", ids[1], "--json"});
  const nlohmann::json stranger = nlohmann::json::parse(other.out)["timeline"].front();
  const JalaRun refused =
      jala({"network", "show", ids[0], "--chain", first["source"], first["id"], stranger["source"], stranger["id"]});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("is not in network " + ids[0]), std::string::npos) << refused.err;
}

TEST(NetworkMoneyCliByHand, AnExitPayingOnlyOutsidersStillPaysOn) {
  const ScratchFolder scratch("network_money_by_hand");
  constexpr std::string_view k_report =
      R"({{"id":"{}","source":"VN-MPS","kind":"victim_complaint","country":"VN","reported_at":"2026-03-0{}T08:00:00Z",)"
      R"("language":"en","text":"I paid the agent.","selectors":[{}]}})";
  const std::string member = R"({"type":"phone","value":"+84912345001"})";
  const std::string other_member = R"({"type":"phone","value":"+84912345002"})";
  write_file(scratch.file("reports.jsonl"), fmt::format(k_report, "R1", 1, member) + "\n" +
                                                fmt::format(k_report, "R2", 2, member + "," + other_member) + "\n");
  std::string transactions;
  int number = 0;
  for (const auto& [from, to, usd] : std::vector<std::tuple<std::string, std::string, int>>{
           {"+84912340100", "+84912345001", 100},  // a victim pays the network
           {"+84912345001", "+84912345002", 40},   // between its own accounts
           {"+84912345001", "+84912340200", 50},   // out, to an account that pays on, only to outsiders
           {"+84912340200", "+84912340300", 45},
           {"+84912345002", "+84912340400", 30},     // out, to a cash-out
           {"+84912340500", "+84912340600", 99}}) {  // elsewhere
    transactions += fmt::format(
        R"({{"record":"transaction","id":"T{}","source":"VN-SBV","from":"phone:{}","to":"phone:{}","amount":{},)"
        R"("currency":"USD","at":"2026-03-10T0{}:00:00Z","channel":"ewallet"}})"
        "\n",
        number, from, to, usd, number);
    ++number;
  }
  write_file(scratch.file("transactions.jsonl"), transactions);
  const std::string db = scratch.file("jala.db");
  const JalaRun ingested =
      run_jala({"--db", db, "ingest", scratch.file("reports.jsonl"), scratch.file("transactions.jsonl")});
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  const JalaRun networks = run_jala({"--db", db, "networks", "--json"});
  const std::string id = nlohmann::json::parse(networks.out)["networks"].at(0)["id"];

  const JalaRun show = run_jala({"--db", db, "network", "show", "--json", id});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const nlohmann::json want = nlohmann::json::parse(R"({
    "accounts": ["phone:+84912345001", "phone:+84912345002"],
    "in_usd": 100, "in_transactions": 1, "out_usd": 80, "out_transactions": 2, "internal_usd": 40,
    "exits": [{"account": "phone:+84912340200", "usd": 50, "transactions": 1, "pays_on": true},
              {"account": "phone:+84912340400", "usd": 30, "transactions": 1, "pays_on": false}]})");
  EXPECT_EQ(nlohmann::json::parse(show.out)["money"], want);
}

// Found in review: `network show` asked the store whether an exit that seemed to keep the money made any
// payment at all, so one payment days before the network's money came marked it as paying on.
TEST(NetworkMoneyExit, KeepsTheMoneyWhenItsOnlyPaymentCameBefore) {
  const ScratchFolder scratch("network_money_exit");
  const auto report = [](std::string_view id) {
    return nlohmann::json{{"id", id},
                          {"source", "VN-MPS"},
                          {"kind", "victim_complaint"},
                          {"country", "VN"},
                          {"reported_at", "2025-06-14T09:32:00Z"},
                          {"text", "paid to BFTVVNVX 0071000123456, telegram @boss_scam_kh"},
                          {"selectors",
                           {{{"type", "bank"}, {"value", "BFTVVNVX:0071000123456"}},
                            {{"type", "telegram"}, {"value", "@boss_scam_kh"}}}}}
               .dump() +
           "\n";
  };
  const auto pay = [](std::string_view id, std::string_view from, std::string_view to, int amount, int hour) {
    return nlohmann::json{{"record", "transaction"},
                          {"id", id},
                          {"source", "TEST"},
                          {"from", from},
                          {"to", to},
                          {"amount", amount},
                          {"currency", "USD"},
                          {"channel", "bank"},
                          {"at", fmt::format("2025-06-01T{:02}:00:00Z", hour)}}
               .dump() +
           "\n";
  };
  {
    std::ofstream(scratch.file("reports.jsonl")) << report("R1") << report("R2");
    std::ofstream(scratch.file("transactions.jsonl"))
        << pay("T0", "bank:ICBVVNVX:333333", "bank:VTCBVNVX:444444", 500, 0)
        << pay("T1", "bank:ICBVVNVX:555555", "bank:BFTVVNVX:0071000123456", 1000, 4)
        << pay("T2", "bank:BFTVVNVX:0071000123456", "bank:ICBVVNVX:333333", 980, 5);
  }
  const std::string db = scratch.file("jala.db");
  ASSERT_EQ(
      run_jala({"--db", db, "ingest", scratch.file("reports.jsonl"), scratch.file("transactions.jsonl")}).exit_code, 0);
  const nlohmann::json networks = nlohmann::json::parse(run_jala({"--db", db, "networks", "--json"}).out);
  ASSERT_EQ(networks["networks"].size(), 1U);
  const JalaRun shown = run_jala({"--db", db, "network", "show", networks["networks"][0]["id"], "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const nlohmann::json exits = nlohmann::json::parse(shown.out)["money"]["exits"];
  ASSERT_EQ(exits.size(), 1U) << exits;
  EXPECT_EQ(exits[0]["account"], "bank:ICBVVNVX:333333");
  EXPECT_EQ(exits[0]["pays_on"], false);
}

}  // namespace
}  // namespace jala::testing
