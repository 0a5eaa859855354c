#include "jala/graph/linking.h"

#include <gtest/gtest.h>

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <random>

namespace jala::graph {
namespace {

// Builds inputs from reports written as lists of selector names ("phone:+1", "telegram:x").
class InputBuilder {
 public:
  ReportId report(std::initializer_list<std::string> selectors) {
    std::vector<SelectorId> ids;
    for (const std::string& name : selectors) {
      auto [entry, added] = m_ids.emplace(name, 0);
      if (added) {
        const std::size_t colon = name.find(':');
        entry->second =
            m_input.add_selector({model::parse_selector_type(name.substr(0, colon)).value(), name.substr(colon + 1)});
        m_benign.push_back(false);
      }
      ids.push_back(entry->second);
    }
    ReportFacts facts;
    facts.source = "T";
    facts.id = std::to_string(m_input.report_count());
    return m_input.add_report(std::move(facts), ids);
  }
  void mark_benign(const std::string& name) { m_benign[m_ids.at(name)] = true; }
  SelectorId id(const std::string& name) const { return m_ids.at(name); }
  Linking link(const LinkOptions& options = {}) const { return link_reports(m_input, m_benign, options); }
  const LinkInput& input() const { return m_input; }

 private:
  LinkInput m_input;
  std::map<std::string, SelectorId> m_ids;
  std::vector<bool> m_benign;
};

TEST(Linking, ReportsSharingASelectorFormOneNetworkAndLonersNone) {
  InputBuilder build;
  const ReportId a = build.report({"phone:+84912345678", "telegram:lotus_hr"});
  const ReportId b = build.report({"telegram:lotus_hr"});
  const ReportId c = build.report({"phone:+84912345678", "domain:lotus-invest.com"});
  const ReportId alone = build.report({"phone:+66812345678"});
  const Linking linking = build.link();
  ASSERT_EQ(linking.networks.size(), 1U);
  EXPECT_EQ(linking.networks[0], (std::vector<ReportId>{a, b, c}));
  EXPECT_EQ(linking.network_of[alone], k_no_network);
  EXPECT_EQ(linking.roles[build.id("telegram:lotus_hr")], SelectorRole::link);
  EXPECT_EQ(linking.roles[build.id("domain:lotus-invest.com")], SelectorRole::unshared);
}

// The same web link written bare (read as http://) and with https:// is one link; each report still
// names its own form, and each form counts the reports that write it.
TEST(Linking, AWebLinkLinksUnderEitherScheme) {
  InputBuilder input;
  const ReportId sms = input.report({"url:http://bit.ly/3abcXYZ"});
  const ReportId ad = input.report({"url:https://bit.ly/3abcXYZ", "phone:+84912345678"});
  const ReportId other = input.report({"url:https://bit.ly/3abcXYz"});
  const Linking linking = input.link();
  ASSERT_EQ(linking.networks.size(), 1U);
  EXPECT_EQ(linking.networks[0], (std::vector<ReportId>{sms, ad}));
  EXPECT_EQ(linking.network_of[other], k_no_network);
  for (const char* form : {"url:http://bit.ly/3abcXYZ", "url:https://bit.ly/3abcXYZ"}) {
    EXPECT_EQ(linking.roles[input.id(form)], SelectorRole::link) << form;
    EXPECT_EQ(linking.reports_naming[input.id(form)], 1U) << form;
  }
  EXPECT_EQ(linking.roles[input.id("phone:+84912345678")], SelectorRole::unshared);
}

// A hub written in two forms is judged, and counted, on the reports of both (each form alone is named by
// fewer than the 10 reports that make a selector a candidate hub), and each form is a hub.
TEST(Linking, AHubInTwoFormsIsJudgedOnTheReportsOfBoth) {
  InputBuilder input;
  for (int op = 0; op < 4; ++op) {
    for (int i = 0; i < 24; ++i) {
      const std::string handle = fmt::format("telegram:op{}_agent{}", op, i % 3);
      const std::string account = fmt::format("bank:BFTVVNVX:10{}0000", op);
      if (i == 0 || i == 9 || i == 17) {
        input.report({handle, account, i == 9 ? "url:https://bit.ly/hub" : "url:http://bit.ly/hub"});
      } else {
        input.report({handle, account});
      }
    }
  }
  const Linking linking = input.link();
  EXPECT_EQ(linking.networks.size(), 4U) << "the hub joins no operations";
  for (const char* form : {"url:http://bit.ly/hub", "url:https://bit.ly/hub"}) {
    EXPECT_EQ(linking.roles[input.id(form)], SelectorRole::hub) << form;
    EXPECT_EQ(linking.reports_naming_link[input.id(form)], 12U) << form;
  }
  EXPECT_EQ(linking.reports_naming[input.id("url:http://bit.ly/hub")], 8U);
  EXPECT_EQ(linking.reports_naming[input.id("url:https://bit.ly/hub")], 4U);
}

TEST(Linking, BenignSelectorsNeverLink) {
  InputBuilder build;
  build.report({"domain:facebook.com", "phone:+84912345678"});
  build.report({"domain:facebook.com", "phone:+66812345678"});
  build.mark_benign("domain:facebook.com");
  const Linking linking = build.link();
  EXPECT_TRUE(linking.networks.empty());
  EXPECT_EQ(linking.roles[build.id("domain:facebook.com")], SelectorRole::benign);
}

// Found in review: a warning-listed selector that one report named was `unshared`, so `lures accounts`
// listed a bank's hotline as an account behind lures and the money view counted it as evidence.
TEST(Linking, ABenignSelectorIsBenignWhenOneReportNamesIt) {
  InputBuilder build;
  build.report({"phone:+6628888888", "telegram:lotus_hr"});
  build.mark_benign("phone:+6628888888");
  const Linking linking = build.link();
  EXPECT_EQ(linking.roles[build.id("phone:+6628888888")], SelectorRole::benign);
  EXPECT_EQ(linking.roles[build.id("telegram:lotus_hr")], SelectorRole::unshared);
}

// The baseline links through every shared selector, warning-listed ones too.
TEST(Linking, ThePlainBaselineLinksThroughEverySharedSelector) {
  InputBuilder build;
  const ReportId a = build.report({"domain:facebook.com", "phone:+84912345678"});
  const ReportId b = build.report({"domain:facebook.com", "phone:+66812345678"});
  const ReportId c = build.report({"phone:+66812345678"});
  const ReportId alone = build.report({"phone:+85512345678"});
  build.mark_benign("domain:facebook.com");
  const Linking plain = link_every_shared_selector(build.input());
  ASSERT_EQ(plain.networks.size(), 1U);
  EXPECT_EQ(plain.networks[0], (std::vector<ReportId>{a, b, c}));
  EXPECT_EQ(plain.network_of[alone], k_no_network);
  EXPECT_EQ(plain.roles[build.id("domain:facebook.com")], SelectorRole::link);
  EXPECT_EQ(plain.roles[build.id("phone:+85512345678")], SelectorRole::unshared);
  EXPECT_EQ(plain.reports_naming[build.id("phone:+66812345678")], 2U);
  EXPECT_EQ(build.link().networks, (std::vector<std::vector<ReportId>>{{b, c}}));  // Jala's: not through facebook.com
}

TEST(Linking, HubsStrayLinksAndBenignSelectorsAreShownButNeverLinked) {
  const std::map<SelectorRole, bool> want{{SelectorRole::unshared, false},
                                          {SelectorRole::link, false},
                                          {SelectorRole::hub, true},
                                          {SelectorRole::stray, true},
                                          {SelectorRole::benign, true}};
  std::map<SelectorRole, bool> got;
  for (const auto& [role, shown] : want) got[role] = shown_never_linked(role);
  EXPECT_EQ(got, want);
}

// Four operations, each with its own selectors, and a few reports of each naming one help-desk number:
// the number is a hub and the operations stay apart. An operation's main collector account, named by
// every one of its reports (its agents' groups hang together only through it), is no hub.
TEST(Linking, AHubAcrossOperationsIsFoundAndAnOperationsMainAccountIsNot) {
  InputBuilder build;
  std::vector<std::vector<ReportId>> operations(4);
  for (int op = 0; op < 4; ++op) {
    for (int i = 0; i < 24; ++i) {
      const std::string handle = "telegram:op" + std::to_string(op) + "_agent" + std::to_string(i % 3);
      const std::string account = "bank:BFTVVNVX:10" + std::to_string(op) + "0000";
      operations[op].push_back(i == 0 || i == 9 || i == 17 ? build.report({handle, "phone:+6562215500", account})
                                                           : build.report({handle, account}));
    }
  }
  const Linking linking = build.link();
  EXPECT_EQ(linking.roles[build.id("phone:+6562215500")], SelectorRole::hub);
  EXPECT_EQ(linking.roles[build.id("bank:BFTVVNVX:1000000")], SelectorRole::link);
  ASSERT_EQ(linking.networks.size(), 4U);
  for (const std::vector<ReportId>& members : operations) {
    for (const ReportId r : members) EXPECT_EQ(linking.network_of[r], linking.network_of[members[0]]);
  }
}

// An operation of `count` reports that all name its investment site: a core, formed by a well supported
// link.
std::vector<ReportId> operation_around(InputBuilder& build, const std::string& site, std::size_t count) {
  std::vector<ReportId> reports(count);
  for (ReportId& r : reports) r = build.report({site});
  return reports;
}

// A phone that one report of each of two operations names by chance (or by a typo) is a stray link: it
// would join two cores.
TEST(Linking, AWeakLinkBetweenTwoCoresIsAStrayLink) {
  InputBuilder build;
  const std::vector<ReportId> lotus = operation_around(build, "domain:lotus-invest.com", 25);
  std::vector<ReportId> phoenix = operation_around(build, "domain:phoenix-capital.net", 24);
  phoenix.push_back(build.report({"domain:phoenix-capital.net", "phone:+84900000001"}));
  const ReportId lotus_collision = build.report({"domain:lotus-invest.com", "phone:+84900000001"});
  const Linking linking = build.link();
  EXPECT_EQ(linking.roles[build.id("phone:+84900000001")], SelectorRole::stray);
  ASSERT_EQ(linking.networks.size(), 2U);
  EXPECT_EQ(linking.network_of[lotus_collision], linking.network_of[lotus[0]]);
  EXPECT_NE(linking.network_of[phoenix[0]], linking.network_of[lotus[0]]);
}

// An operation whose selectors are each named by only a few reports (weak links, as a mid-sized
// operation's are in a large corpus) grows into a core as they join it, most supported first; a chance
// collision with another core, less supported than its own links, then cannot fold it in.
TEST(Linking, AnOperationGrownLargeByWeakLinksIsACoreOfItsOwn) {
  InputBuilder build;
  const std::vector<ReportId> lotus = operation_around(build, "domain:lotus-invest.com", 25);
  // 25 reports chained by eight recruiters' handles, each named by four reports (the next handle's
  // first report is this one's last).
  std::vector<ReportId> recruiters;
  recruiters.reserve(25);
  for (int i = 0; i < 25; ++i) {
    const std::string handle = "telegram:recruiter_" + std::to_string(i / 3);
    const bool shared_with_previous = i % 3 == 0 && i > 0;
    const std::string previous = "telegram:recruiter_" + std::to_string(i / 3 - 1);
    const std::string collision = i == 24 ? "phone:+84900000001" : "phone:+8490000" + std::to_string(1000 + i);
    recruiters.push_back(shared_with_previous ? build.report({handle, previous, collision})
                                              : build.report({handle, collision}));
  }
  build.report({"domain:lotus-invest.com", "phone:+84900000001"});
  const Linking linking = build.link();
  EXPECT_EQ(linking.roles[build.id("telegram:recruiter_0")], SelectorRole::link);
  EXPECT_EQ(linking.roles[build.id("phone:+84900000001")], SelectorRole::stray);
  for (const ReportId r : recruiters) EXPECT_EQ(linking.network_of[r], linking.network_of[recruiters[0]]);
  EXPECT_NE(linking.network_of[recruiters[0]], linking.network_of[lotus[0]]);
}

// The naive verifier of the networks linking forms: breadth-first search over the reports, stepping
// only through selectors whose role is `link`. Its components of two or more reports must be exactly the
// networks, on random inputs with benign selectors, hubs and weak links among them.
TEST(Linking, NetworksAreTheComponentsOfTheLinksOnRandomInputs) {
  std::mt19937 random(5);
  std::map<SelectorRole, int> seen;
  for (int round = 0; round < 30; ++round) {
    LinkInput input;
    const std::size_t selectors = 20 + random() % 200;
    for (std::size_t s = 0; s < selectors; ++s) {
      input.add_selector({model::SelectorType::telegram, "handle_" + std::to_string(s)});
    }
    std::vector<bool> benign(selectors);
    for (std::size_t s = 0; s < selectors; ++s) benign[s] = random() % 10 == 0;
    const std::size_t reports = 50 + random() % 400;
    for (std::size_t r = 0; r < reports; ++r) {
      // Mostly selectors of a neighbourhood (an operation), sometimes one of the first few (a hub).
      std::vector<SelectorId> named;
      const std::size_t base = random() % selectors;
      for (std::size_t i = 0, count = 1 + random() % 3; i < count; ++i) {
        named.push_back(static_cast<SelectorId>(random() % 5 == 0 ? random() % 3 : (base + random() % 6) % selectors));
      }
      std::sort(named.begin(), named.end());
      named.erase(std::unique(named.begin(), named.end()), named.end());
      input.add_report({}, named);
    }
    const Linking linking = link_reports(input, benign);

    std::vector<std::vector<ReportId>> naming(selectors);
    for (ReportId r = 0; r < reports; ++r) {
      for (const SelectorId s : input.selectors_of(r)) naming[s].push_back(r);
    }
    std::vector<ReportId> component(reports, k_no_network);
    for (ReportId start = 0; start < reports; ++start) {
      if (component[start] != k_no_network) continue;
      std::vector<ReportId> stack{start};
      component[start] = start;
      while (!stack.empty()) {
        const ReportId r = stack.back();
        stack.pop_back();
        for (const SelectorId s : input.selectors_of(r)) {
          if (linking.roles[s] != SelectorRole::link) continue;
          for (const ReportId next : naming[s]) {
            if (component[next] == k_no_network) {
              component[next] = start;
              stack.push_back(next);
            }
          }
        }
      }
    }
    for (ReportId a = 0; a < reports; ++a) {
      for (ReportId b = a + 1; b < reports; ++b) {
        const bool together = linking.network_of[a] != k_no_network && linking.network_of[a] == linking.network_of[b];
        ASSERT_EQ(together, component[a] == component[b]) << "round " << round << ", reports " << a << " and " << b;
      }
    }
    for (SelectorId s = 0; s < selectors; ++s) {
      if (benign[s]) {
        EXPECT_EQ(linking.roles[s], SelectorRole::benign);
      }
      if (linking.roles[s] == SelectorRole::link) {
        EXPECT_GE(naming[s].size(), 2U);
      }
      ++seen[linking.roles[s]];
    }
  }
  for (const SelectorRole role : {SelectorRole::link, SelectorRole::hub, SelectorRole::stray, SelectorRole::benign}) {
    EXPECT_GT(seen[role], 0) << "the inputs exercise every role: " << to_string(role);
  }
}

}  // namespace
}  // namespace jala::graph
