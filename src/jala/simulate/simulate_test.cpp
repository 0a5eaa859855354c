#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "jala/extract/extract.h"
#include "jala/extract/warninglist.h"
#include "jala/model/selector.h"
#include "jala/simulate/identities.h"
#include "jala/simulate/simulator.h"

namespace jala::simulate {
namespace {

class MemoryOutput final : public SimulationOutput {
 public:
  void write_report(std::string_view json_line) override { reports += json_line; }
  void write_transaction(std::string_view json_line) override { transactions += json_line; }
  void write_truth(std::string_view json_fragment) override { truth += json_fragment; }
  std::string reports;
  std::string transactions;
  std::string truth;
};

MemoryOutput run(std::uint64_t seed, std::size_t reports) {
  SimulationParameters parameters;
  parameters.seed = seed;
  parameters.reports = reports;
  MemoryOutput output;
  simulate(parameters, output);
  return output;
}

std::vector<nlohmann::json> lines(const std::string& text) {
  std::vector<nlohmann::json> parsed;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) parsed.push_back(nlohmann::json::parse(line));
  return parsed;
}

// One simulation shared by the tests that only read it.
class Simulated : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_output = run(42, 4000);
    s_reports = lines(s_output.reports);
    s_truth = nlohmann::json::parse(s_output.truth);
  }
  static MemoryOutput s_output;
  static std::vector<nlohmann::json> s_reports;
  static nlohmann::json s_truth;
};
MemoryOutput Simulated::s_output;
std::vector<nlohmann::json> Simulated::s_reports;
nlohmann::json Simulated::s_truth;

TEST(Simulate, SameSeedGivesSameBytesAndOtherSeedsDiffer) {
  const MemoryOutput first = run(5, 500);
  const MemoryOutput again = run(5, 500);
  EXPECT_EQ(first.reports, again.reports);
  EXPECT_EQ(first.transactions, again.transactions);
  EXPECT_EQ(first.truth, again.truth);
  const MemoryOutput other = run(6, 500);
  EXPECT_NE(first.reports, other.reports);
  EXPECT_NE(first.transactions, other.transactions);
}

TEST_F(Simulated, TruthNamesEveryReportInOrderWithAKnownOperationOrNull) {
  std::set<std::string> operations;
  for (const nlohmann::json& operation : s_truth["operations"]) operations.insert(operation["id"].get<std::string>());
  const nlohmann::json& truth = s_truth["reports"];
  ASSERT_EQ(truth.size(), s_reports.size());
  ASSERT_EQ(s_reports.size(), 4000U);
  std::size_t noise = 0;
  for (std::size_t i = 0; i < s_reports.size(); ++i) {
    EXPECT_EQ(truth[i]["source"], s_reports[i]["source"]);
    EXPECT_EQ(truth[i]["id"], s_reports[i]["id"]);
    if (truth[i]["operation"].is_null()) {
      ++noise;
    } else {
      EXPECT_TRUE(operations.contains(truth[i]["operation"].get<std::string>()));
    }
  }
  EXPECT_GT(noise, 200U);  // 12% of 4,000, give or take
  EXPECT_LT(noise, 800U);
}

TEST_F(Simulated, OperationSizesAreHeavyTailed) {
  std::vector<std::size_t> sizes;
  for (const nlohmann::json& operation : s_truth["operations"]) {
    sizes.push_back(operation["reports"].get<std::size_t>());
  }
  ASSERT_GE(sizes.size(), 20U);
  std::sort(sizes.begin(), sizes.end());
  const std::size_t median = sizes[sizes.size() / 2];
  EXPECT_GT(sizes.back(), 8 * std::max<std::size_t>(median, 1)) << "biggest " << sizes.back() << ", median " << median;
}

TEST_F(Simulated, HubsAppearAcrossManyOperations) {
  std::set<std::string> hubs;
  for (const nlohmann::json& hub : s_truth["hubs"]) hubs.insert(hub.get<std::string>());
  std::map<std::string, std::set<std::string>> operations_by_hub;
  for (const nlohmann::json& entry : s_truth["reports"]) {
    if (entry["operation"].is_null()) continue;
    for (const nlohmann::json& selector : entry["selectors"]) {
      if (hubs.contains(selector.get<std::string>())) {
        operations_by_hub[selector.get<std::string>()].insert(entry["operation"].get<std::string>());
      }
    }
  }
  EXPECT_EQ(operations_by_hub.size(), hubs.size()) << "every hub is named by some operation's report";
  for (const auto& [hub, operations] : operations_by_hub) EXPECT_GE(operations.size(), 5U) << hub;
}

TEST_F(Simulated, ExtractorFindsEverySelectorOfTextOnlyReports) {
  std::size_t checked = 0;
  for (std::size_t i = 0; i < s_reports.size(); ++i) {
    const nlohmann::json& report = s_reports[i];
    if (!report.contains("text") || report.contains("selectors")) continue;
    const std::string text = report["text"].get<std::string>();
    const std::string country = report["country"].get<std::string>();
    std::set<std::string> found;
    for (const extract::Finding& finding : extract::extract(text, {country})) {
      found.insert(finding.selector.to_string());
    }
    for (const nlohmann::json& selector : s_truth["reports"][i]["selectors"]) {
      EXPECT_TRUE(found.contains(selector.get<std::string>())) << selector << " not found in: " << text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000U);
}

TEST_F(Simulated, TransactionsLeadFromCollectorsThroughMulesToCashOutWallets) {
  std::set<std::string> owned;
  std::set<std::string> mules;
  std::set<std::string> wallets;
  for (const nlohmann::json& operation : s_truth["operations"]) {
    for (const nlohmann::json& selector : operation["selectors"]) owned.insert(selector.get<std::string>());
    for (const nlohmann::json& mule : operation["mule_accounts"]) mules.insert(mule.get<std::string>());
    for (const nlohmann::json& wallet : operation["cashout_accounts"]) wallets.insert(wallet.get<std::string>());
  }
  std::size_t to_collectors = 0;
  std::size_t to_mules = 0;
  std::size_t to_wallets = 0;
  for (const nlohmann::json& transaction : lines(s_output.transactions)) {
    const std::string from = transaction["from"].get<std::string>();
    const std::string to = transaction["to"].get<std::string>();
    if (wallets.contains(to)) {
      ++to_wallets;
      EXPECT_TRUE(mules.contains(from)) << from;
    } else if (mules.contains(to)) {
      ++to_mules;
      EXPECT_TRUE(owned.contains(from)) << "a mule is paid by a collector, not " << from;
    } else if (owned.contains(to)) {
      ++to_collectors;
    }
  }
  EXPECT_GT(to_collectors, 500U);
  EXPECT_EQ(to_mules, to_collectors);
  EXPECT_EQ(to_wallets, to_collectors);
}

TEST(SimulateWorld, HubsAreOnTheWarningListsExceptTheHelpDeskAndProcessor) {
  Result<extract::WarningLists> lists = extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists");
  ASSERT_TRUE(lists.ok()) << lists.error().message();
  for (const std::string_view phone : hubs().hotline_phones) {
    EXPECT_FALSE(lists->match({model::SelectorType::phone, std::string(phone)}).empty()) << phone;
  }
  for (const std::string_view domain : hubs().exchange_domains) {
    EXPECT_FALSE(lists->match({model::SelectorType::domain, std::string(domain)}).empty()) << domain;
  }
  EXPECT_TRUE(lists->match({model::SelectorType::phone, std::string(hubs().help_desk_phone)}).empty());
  EXPECT_TRUE(lists->match({model::SelectorType::bank, std::string(hubs().payment_processor_bank)}).empty());
  const Result<model::Selector> help_desk = model::parse_selector("phone:" + std::string(hubs().help_desk_phone), {});
  ASSERT_TRUE(help_desk.ok());
  EXPECT_EQ(help_desk->value, hubs().help_desk_phone);
}

TEST(SimulateWorld, GeneratedIdentifiersAreCanonicalForTheNormalisers) {
  Random random(3);
  for (const Country& each : countries()) {
    const std::string phone = make_phone(random, each);
    const Result<model::Selector> parsed = model::parse_selector("phone:" + phone, {});
    ASSERT_TRUE(parsed.ok()) << phone;
    EXPECT_EQ(parsed->value, phone);
    const BankAccount account = make_bank_account(random, each);
    const Result<model::Selector> bank = model::normalise_selector(
        model::SelectorType::bank, std::string(account.bank->name) + " " + account.digits, {each.code});
    ASSERT_TRUE(bank.ok()) << account.bank->name;
    EXPECT_EQ(bank->value, account.canonical());
  }
  for (const Chain chain : {Chain::tron, Chain::ethereum, Chain::bitcoin}) {
    const std::string wallet = make_wallet(random, chain);
    const Result<model::Selector> parsed = model::parse_selector("wallet:" + wallet, {});
    ASSERT_TRUE(parsed.ok()) << wallet << ": " << parsed.error().message();
    EXPECT_EQ(parsed->value, wallet);
    if (chain == Chain::ethereum) {
      const std::string mixed = eip55_form(wallet.substr(4));
      EXPECT_NE(mixed, wallet.substr(4));
      EXPECT_TRUE(model::parse_selector("wallet:" + mixed, {}).ok()) << mixed;
    }
  }
}

TEST(SimulateRandom, ZipfRanksFavourTheFirstAndStayInRange) {
  Random random(11);
  std::vector<std::size_t> counts(10);
  for (int i = 0; i < 20'000; ++i) ++counts.at(random.zipf_rank(10, 1.0));
  EXPECT_GT(counts[0], counts[1]);
  EXPECT_GT(counts[1], counts[4]);
  EXPECT_GT(counts[4], counts[9]);
  // P(0) = 1 / H(10) = 0.341.
  EXPECT_NEAR(static_cast<double>(counts[0]) / 20'000.0, 0.341, 0.02);
}

}  // namespace
}  // namespace jala::simulate
