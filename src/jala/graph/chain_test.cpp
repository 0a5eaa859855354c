#include "jala/graph/chain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace jala::graph {
namespace {

constexpr std::uint32_t k_far = 1'000'000;

// The naive verifier: the number of links between every two reports, by Floyd-Warshall over "names a
// common link".
std::vector<std::vector<std::uint32_t>> link_distances(const LinkInput& input, const Linking& linking) {
  const std::size_t n = input.report_count();
  std::vector<std::vector<std::uint32_t>> distance(n, std::vector<std::uint32_t>(n, k_far));
  for (ReportId a = 0; a < n; ++a) {
    distance[a][a] = 0;
    for (ReportId b = 0; b < n; ++b) {
      for (const SelectorId s : input.selectors_of(a)) {
        const auto named = input.selectors_of(b);
        if (a != b && linking.roles[s] == SelectorRole::link && std::find(named.begin(), named.end(), s) != named.end()) {
          distance[a][b] = 1;
        }
      }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) distance[i][j] = std::min(distance[i][j], distance[i][k] + distance[k][j]);
    }
  }
  return distance;
}

// A random input: `reports` reports, each naming one to three of `selectors` selectors.
LinkInput random_input(std::mt19937& random, std::size_t reports, std::size_t selectors) {
  LinkInput input;
  for (std::size_t s = 0; s < selectors; ++s) {
    input.add_selector({model::SelectorType::telegram, "handle_" + std::to_string(s)});
  }
  for (std::size_t r = 0; r < reports; ++r) {
    std::vector<SelectorId> named;
    const std::size_t count = 1 + random() % 3;
    for (std::size_t i = 0; i < count; ++i) named.push_back(static_cast<SelectorId>(random() % selectors));
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    ReportFacts facts;
    facts.source = "T";
    facts.id = std::to_string(r);
    input.add_report(std::move(facts), named);
  }
  return input;
}

TEST(ShortestChain, AgreesWithFloydWarshallOnRandomGraphsAndEveryStepIsALink) {
  std::mt19937 random(11);
  for (int round = 0; round < 40; ++round) {
    const LinkInput input = random_input(random, 12 + random() % 20, 8 + random() % 30);
    const Linking linking = link_reports(input, std::vector<bool>(input.selector_count(), false));
    const auto distance = link_distances(input, linking);
    for (const std::vector<ReportId>& members : linking.networks) {
      for (const ReportId from : members) {
        for (const ReportId to : members) {
          const std::optional<Chain> chain = shortest_chain(input, linking, members, from, to);
          ASSERT_TRUE(chain.has_value()) << "members of one network are joined";
          ASSERT_EQ(chain->selectors.size(), distance[from][to]) << "round " << round;
          ASSERT_EQ(chain->reports.size(), chain->selectors.size() + 1);
          EXPECT_EQ(chain->reports.front(), from);
          EXPECT_EQ(chain->reports.back(), to);
          for (std::size_t i = 0; i < chain->selectors.size(); ++i) {
            const SelectorId s = chain->selectors[i];
            EXPECT_EQ(linking.roles[s], SelectorRole::link);
            for (const ReportId r : {chain->reports[i], chain->reports[i + 1]}) {
              const auto named = input.selectors_of(r);
              EXPECT_NE(std::find(named.begin(), named.end(), s), named.end());
            }
          }
        }
      }
    }
  }
}

TEST(ShortestChain, NoneOutsideTheNetworkOrBetweenNetworks) {
  LinkInput input;
  const SelectorId phone = input.add_selector({model::SelectorType::phone, "+84912345678"});
  const SelectorId handle = input.add_selector({model::SelectorType::telegram, "lotus_hr"});
  const std::vector<SelectorId> names_phone{phone};
  const std::vector<SelectorId> names_handle{handle};
  for (int i = 0; i < 2; ++i) input.add_report({}, names_phone);
  for (int i = 0; i < 2; ++i) input.add_report({}, names_handle);
  const Linking linking = link_reports(input, {false, false});
  ASSERT_EQ(linking.networks.size(), 2U);
  EXPECT_FALSE(shortest_chain(input, linking, linking.networks[0], 0, 2).has_value());
  EXPECT_FALSE(shortest_chain(input, linking, linking.networks[0], 2, 3).has_value()) << "not members";
  const std::optional<Chain> chain = shortest_chain(input, linking, linking.networks[1], 2, 3);
  ASSERT_TRUE(chain.has_value());
  EXPECT_EQ(chain->selectors, std::vector<SelectorId>{handle});
}

// A link written in two forms joins the reports of both; each step names the form each of its reports
// writes, the same one when both write it (found in review: the form met first was named).
TEST(ShortestChain, AStepNamesTheFormEachReportWrites) {
  LinkInput input;
  const SelectorId plain = input.add_selector({model::SelectorType::url, "http://bit.ly/3abcXYZ"});
  const SelectorId secure = input.add_selector({model::SelectorType::url, "https://bit.ly/3abcXYZ"});
  const ReportId both = input.add_report({}, std::vector{plain, secure});
  const ReportId secure_only = input.add_report({}, std::vector{secure});
  const ReportId plain_only = input.add_report({}, std::vector{plain});
  const Linking linking = link_reports(input, {false, false});
  ASSERT_EQ(linking.networks.size(), 1U);
  const std::vector<ReportId>& members = linking.networks[0];
  const std::optional<Chain> shared = shortest_chain(input, linking, members, both, secure_only);
  ASSERT_TRUE(shared.has_value());
  EXPECT_EQ(shared->selectors, std::vector{secure});
  EXPECT_EQ(shared->next_forms, std::vector{secure});
  const std::optional<Chain> crossing = shortest_chain(input, linking, members, plain_only, secure_only);
  ASSERT_TRUE(crossing.has_value());
  EXPECT_EQ(crossing->reports, (std::vector{plain_only, secure_only})) << "one step: the forms are one link";
  EXPECT_EQ(crossing->selectors, std::vector{plain});
  EXPECT_EQ(crossing->next_forms, std::vector{secure});
}

}  // namespace
}  // namespace jala::graph
