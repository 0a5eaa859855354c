#include "jala/graph/ranking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "jala/graph/usd_rates.h"
#include "jala/model/currency.h"

namespace jala::graph {
namespace {

ReportFacts complaint(std::string id, std::string victim_country, double amount, std::string currency,
                      std::int64_t day) {
  ReportFacts facts;
  facts.source = "T";
  facts.id = std::move(id);
  facts.kind = model::ReportKind::victim_complaint;
  facts.country = "VN";
  facts.victim_country = std::move(victim_country);
  facts.reported_at = Timestamp{day * 86'400'000'000};
  facts.loss = model::Money{amount, std::move(currency)};
  return facts;
}

TEST(Ranking, BiggerHarmAndReachRankFirstAndLossesAreInUsDollars) {
  LinkInput input;
  const SelectorId small_phone = input.add_selector({model::SelectorType::phone, "+84912345678"});
  const SelectorId big_wallet =
      input.add_selector({model::SelectorType::wallet, "trx:TS6BpA5LdFaK6AeWgxCs7PcvDPU1oxgFsL"});
  input.add_report(complaint("s1", "VN", 1000, "USD", 100), std::vector<SelectorId>{small_phone});
  input.add_report(complaint("s2", "VN", 1000, "USD", 101), std::vector<SelectorId>{small_phone});
  input.add_report(complaint("b1", "TH", 100'000, "USDT", 300), std::vector<SelectorId>{big_wallet});
  input.add_report(complaint("b2", "KR", 10'000'000, "KRW", 301), std::vector<SelectorId>{big_wallet});
  input.add_report(complaint("b3", "FR", 500, "XYZ", 302), std::vector<SelectorId>{big_wallet});
  const Linking linking = link_reports(input, std::vector<bool>(2, false));
  const std::vector<NetworkSummary> ranked = rank_networks(input, linking);
  ASSERT_EQ(ranked.size(), 2U);
  const NetworkSummary& big = ranked[0];
  EXPECT_EQ(big.reports, (std::vector<ReportId>{2, 3, 4}));
  EXPECT_EQ(big.victims, 3U);
  EXPECT_EQ(big.countries, (std::vector<std::string>{"FR", "KR", "TH"}));
  EXPECT_NEAR(big.loss_usd, 100'000 + 10'000'000 * usd_per_unit("KRW").value(), 1e-6);
  EXPECT_EQ(big.losses_unconverted, 1U);
  EXPECT_EQ(big.selectors, (std::vector<SelectorId>{big_wallet}));
  EXPECT_GT(big.score, ranked[1].score);
  EXPECT_EQ(ranked[1].loss_usd, 2000);
  // Ids name the earliest member and stay put when later reports join.
  EXPECT_EQ(big.id.size(), 13U);
  EXPECT_EQ(big.id[0], 'N');
  input.add_report(complaint("b4", "TH", 10, "USD", 303), std::vector<SelectorId>{big_wallet});
  const std::vector<NetworkSummary> again = rank_networks(input, link_reports(input, std::vector<bool>(2, false)));
  EXPECT_EQ(again[0].id, big.id);
}

// Two networks alike in harm and reach, and equally recent: the one whose reports come faster now ranks
// first, by log2 of the growth (at most 2).
TEST(Ranking, AGrowingNetworkRanksAboveASteadyOne) {
  LinkInput input;
  const SelectorId steady = input.add_selector({model::SelectorType::phone, "+84912345678"});
  const SelectorId growing = input.add_selector({model::SelectorType::phone, "+66812345678"});
  const std::vector<SelectorId> names_steady{steady};
  const std::vector<SelectorId> names_growing{growing};
  // Day 100 is the newest report: "recent" is days 70 to 100, "previous" days 40 to 70.
  for (const std::int64_t day : {45, 50, 55, 60, 80, 85, 90, 100}) {
    input.add_report(complaint("s" + std::to_string(day), "VN", 100, "USD", day), names_steady);
  }
  for (const std::int64_t day : {50, 75, 80, 85, 88, 90, 95, 100}) {
    input.add_report(complaint("g" + std::to_string(day), "VN", 100, "USD", day), names_growing);
  }
  const std::vector<NetworkSummary> ranked = rank_networks(input, link_reports(input, std::vector<bool>(2, false)));
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_EQ(ranked[0].selectors, names_growing);
  EXPECT_EQ(ranked[0].recent_reports, 7U);
  EXPECT_EQ(ranked[0].previous_reports, 1U);
  EXPECT_EQ(ranked[1].recent_reports, 4U);
  EXPECT_EQ(ranked[1].previous_reports, 4U);
  EXPECT_NEAR(ranked[0].score - ranked[1].score, 2.0, 1e-9) << "log2(8 / 2) = 2 against log2(5 / 5) = 0";
}

// The naive verifier of the key selectors' order (degree centrality within the network): for every
// network of random inputs, its links counted member by member and sorted by that count, most first, then
// by selector.
TEST(Ranking, KeySelectorsAreTheNetworksLinksByHowManyMembersNameThem) {
  std::mt19937 random(3);
  for (int round = 0; round < 20; ++round) {
    LinkInput input;
    const std::size_t selectors = 10 + random() % 60;
    for (std::size_t s = 0; s < selectors; ++s) {
      input.add_selector({model::SelectorType::telegram, "handle_" + std::to_string((s * 7919) % 1000)});
    }
    for (std::size_t r = 0, reports = 20 + random() % 100; r < reports; ++r) {
      std::vector<SelectorId> named{static_cast<SelectorId>(random() % selectors),
                                    static_cast<SelectorId>(random() % selectors)};
      std::sort(named.begin(), named.end());
      named.erase(std::unique(named.begin(), named.end()), named.end());
      input.add_report(complaint(std::to_string(r), "VN", 10, "USD", 1), named);
    }
    const Linking linking = link_reports(input, std::vector<bool>(selectors, false));
    for (const NetworkSummary& network : rank_networks(input, linking)) {
      std::vector<std::pair<std::size_t, SelectorId>> counted;
      for (SelectorId s = 0; s < selectors; ++s) {
        if (linking.roles[s] != SelectorRole::link) continue;
        std::size_t members = 0;
        for (const ReportId r : network.reports) {
          const auto named = input.selectors_of(r);
          members += std::count(named.begin(), named.end(), s);
        }
        if (members >= 2) counted.emplace_back(members, s);
      }
      std::sort(counted.begin(), counted.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : input.selector(a.second) < input.selector(b.second);
      });
      std::vector<SelectorId> expected(counted.size());
      std::transform(counted.begin(), counted.end(), expected.begin(), [](const auto& each) { return each.second; });
      ASSERT_EQ(network.selectors, expected) << "round " << round << ", network " << network.id;
    }
  }
}

TEST(Ranking, EveryRateIsForAKnownCurrency) {
  for (const std::string_view code : {"USD", "USDT", "VND", "THB", "KRW", "CNY", "EUR", "BTC", "ETH", "TRX"}) {
    EXPECT_TRUE(model::parse_currency(code).ok()) << code;
    EXPECT_GT(usd_per_unit(code).value_or(0), 0) << code;
  }
  EXPECT_FALSE(usd_per_unit("XYZ").has_value());
}

}  // namespace
}  // namespace jala::graph
