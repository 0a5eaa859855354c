// ReadView::extend_link_input on every backend: an extended graph is exactly what a new read gives, and a
// backend that cannot extend it (a report it holds was stored again) says so and leaves it as it was.
#include <gtest/gtest.h>

#include <fmt/core.h>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "backends.h"
#include "sample_report.h"

namespace jala::storage {
namespace {

// The graph as text, one line per selector and per report, in id order: equal text, equal graphs.
std::vector<std::string> describe(const graph::LinkInput& input) {
  std::vector<std::string> lines;
  for (graph::SelectorId s = 0; s < input.selector_count(); ++s) {
    lines.push_back(fmt::format("selector {} {} link {}", s, input.selector(s).to_string(), input.link_of(s)));
  }
  for (graph::ReportId r = 0; r < input.report_count(); ++r) {
    const graph::ReportFacts& facts = input.report(r);
    std::string line = fmt::format("report {} {}/{} {} {} {} {} {} {} {}:", r, facts.source, facts.id,
                                   model::to_string(facts.kind), facts.country, facts.victim_country,
                                   facts.reported_at.unix_micros, facts.loss ? facts.loss->amount : -1.0,
                                   facts.loss ? facts.loss->currency : "-", model::to_string(facts.tlp));
    for (const graph::SelectorId s : input.selectors_of(r)) line += fmt::format(" {}", s);
    lines.push_back(std::move(line));
  }
  return lines;
}

class LinkInputConformance : public BackendTest {
 protected:
  void put(const model::Report& report) {
    const Status status = m_store->write([&](WriteTransaction& transaction) -> Status {
      JALA_TRY(transaction.put_report(report));
      return {};
    });
    ASSERT_TRUE(status.ok()) << status.error().message();
  }

  // Extends the graph; false when the backend asks for a new read.
  bool extend() {
    bool extended = false;
    const Status status = m_store->read([&](const ReadView& view) -> Status {
      JALA_TRY_ASSIGN(extended, view.extend_link_input(m_input, m_cursor));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    return extended;
  }

  graph::LinkInput read_anew() {
    graph::LinkInput input;
    const Status status = m_store->read([&](const ReadView& view) -> Status {
      JALA_TRY_ASSIGN(input, view.link_input());
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    return input;
  }

  // The SQL backends keep reports in the order stored; the memory store, by key.
  bool keeps_stored_order() const { return GetParam().name != "memory"; }

  graph::LinkInput m_input;
  LinkInputCursor m_cursor;
};

model::Report report_naming(std::string id, std::vector<model::Selector> selectors) {
  model::Report report = make_report(std::move(id), "");
  report.selectors.clear();
  for (model::Selector& selector : selectors) {
    const std::string raw = selector.value;
    report.selectors.push_back({std::move(selector), raw});
  }
  return report;
}

model::Selector phone() { return {model::SelectorType::phone, "+84912345678"}; }
model::Selector wallet() { return {model::SelectorType::wallet, "trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}; }
model::Selector handle() { return {model::SelectorType::telegram, "golden_lotus_hr"}; }

TEST_P(LinkInputConformance, AnExtendedGraphIsWhatANewReadGives) {
  put(report_naming("r1", {phone()}));
  put(report_naming("r2", {phone(), handle()}));
  ASSERT_TRUE(extend());  // from nothing
  EXPECT_EQ(describe(m_input), describe(read_anew()));

  // New reports: one naming a new selector and an old one, one naming only old ones, and a red one.
  put(report_naming("r3", {wallet(), phone()}));
  model::Report red = report_naming("r0", {handle()});
  red.tlp = model::Tlp::red;
  put(red);
  const std::vector<std::string> before = describe(m_input);
  const bool extended = extend();
  if (keeps_stored_order()) {
    EXPECT_TRUE(extended) << "a backend that keeps reports in the order stored extends the graph";
  }
  if (extended) {
    EXPECT_EQ(m_input.report_count(), 4U);
    EXPECT_EQ(describe(m_input), describe(read_anew()));
  } else {
    EXPECT_EQ(describe(m_input), before);
  }
}

TEST_P(LinkInputConformance, AReportStoredAgainAsksForANewRead) {
  put(report_naming("r1", {phone()}));
  put(report_naming("r2", {handle()}));
  ASSERT_TRUE(extend());
  const std::vector<std::string> before = describe(m_input);

  put(report_naming("r1", {wallet()}));  // r1 now names a wallet, not the phone
  put(report_naming("r3", {phone()}));
  EXPECT_FALSE(extend());
  EXPECT_EQ(describe(m_input), before) << "the graph is left as it was";
  EXPECT_FALSE(extend()) << "and it stays out of date until read anew";
}

TEST_P(LinkInputConformance, NoNewReportAddsNoReport) {
  put(report_naming("r1", {phone()}));
  ASSERT_TRUE(extend());
  put(report_naming("r1", {phone()}));  // unchanged: not stored again
  model::Transaction transaction;
  transaction.source = "VN-SBV";
  transaction.id = "t1";
  transaction.from = phone();
  transaction.to = wallet();
  transaction.amount = 100;
  transaction.currency = "USD";
  transaction.at = *parse_rfc3339("2026-03-01T09:00:00Z");
  const Status stored = m_store->write([&](WriteTransaction& t) -> Status {
    JALA_TRY(t.put_transaction(transaction));
    return {};
  });
  ASSERT_TRUE(stored.ok()) << stored.error().message();
  EXPECT_TRUE(extend());
  EXPECT_EQ(m_input.report_count(), 1U);
  EXPECT_EQ(describe(m_input), describe(read_anew())) << "(SQLite also lists the selectors transactions name)";
}

// The same link pasted bare (read as http://) and with https:// is one link, whichever form is stored
// first and whether the second comes in the same read or in a later extension; each report names the
// form it wrote.
TEST_P(LinkInputConformance, AWebAddressUnderEitherSchemeIsOneLink) {
  const model::Selector plain{model::SelectorType::url, "http://bit.ly/3abcXYZ"};
  const model::Selector secure{model::SelectorType::url, "https://bit.ly/3abcXYZ"};
  const model::Selector other_page{model::SelectorType::url, "https://bit.ly/3abcXYz"};
  put(report_naming("r1", {secure}));
  ASSERT_TRUE(extend());
  put(report_naming("r2", {plain, phone()}));
  put(report_naming("r3", {plain, secure, other_page}));
  if (!extend()) {
    ASSERT_FALSE(keeps_stored_order());
    m_input = read_anew();
  }
  const graph::LinkInput fresh = read_anew();
  for (const graph::LinkInput* input : {static_cast<const graph::LinkInput*>(&m_input), &fresh}) {
    ASSERT_EQ(input->report_count(), 3U);
    std::map<model::Selector, graph::SelectorId> id;
    for (graph::SelectorId s = 0; s < input->selector_count(); ++s) id[input->selector(s)] = s;
    ASSERT_EQ(id.size(), 5U) << "both forms, the phone, the other page and domain:bit.ly, each once";
    EXPECT_EQ(input->link_of(id.at(plain)), input->link_of(id.at(secure)));
    EXPECT_TRUE(input->link_of(id.at(plain)) == id.at(plain) || input->link_of(id.at(plain)) == id.at(secure));
    EXPECT_EQ(input->link_of(id.at(other_page)), id.at(other_page)) << "another path is another link";
    EXPECT_EQ(input->link_of(id.at(phone())), id.at(phone()));
    std::map<std::string, std::set<graph::SelectorId>> named;
    for (graph::ReportId r = 0; r < 3; ++r) {
      const std::span<const graph::SelectorId> of = input->selectors_of(r);
      named[input->report(r).id] = {of.begin(), of.end()};
    }
    EXPECT_TRUE(named["r1"].contains(id.at(secure)) && !named["r1"].contains(id.at(plain)));
    EXPECT_TRUE(named["r2"].contains(id.at(plain)) && !named["r2"].contains(id.at(secure)));
    EXPECT_TRUE(named["r3"].contains(id.at(plain)) && named["r3"].contains(id.at(secure)));
  }
  EXPECT_EQ(describe(m_input), describe(fresh));
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, LinkInputConformance, ::testing::ValuesIn(backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) { return param.param.name; });

}  // namespace
}  // namespace jala::storage
