// The JSON API's cache of the node's networks: current for each state of the store, and a graph handed
// to a request is never changed under it when the store grows.
#include "jala/server/analysis_cache.h"

#include <gtest/gtest.h>

#include "jala/storage/sqlite/sqlite_store.h"

namespace jala::server {
namespace {

model::Report report_naming_phone(std::string id, std::string phone) {
  model::Report report;
  report.source = "TH-RTP";
  report.id = std::move(id);
  report.kind = model::ReportKind::victim_complaint;
  report.country = "TH";
  report.victim_country = "TH";
  report.reported_at = *parse_rfc3339("2026-05-01T10:00:00Z");
  report.selectors = {{model::Selector{model::SelectorType::phone, phone}, phone}};
  return report;
}

class AnalysisCacheTest : public ::testing::Test {
 protected:
  void put(const model::Report& report) {
    const Status status = m_store->write([&](storage::WriteTransaction& transaction) -> Status {
      JALA_TRY(transaction.put_report(report));
      return {};
    });
    ASSERT_TRUE(status.ok()) << status.error().message();
  }

  std::shared_ptr<const analysis::LinkedStore> linked() {
    std::shared_ptr<const analysis::LinkedStore> got;
    const Status status = m_store->read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(got, m_cache.linked(view));
      return {};
    });
    EXPECT_TRUE(status.ok()) << status.error().message();
    return got;
  }

  std::unique_ptr<storage::SqliteStore> m_store = storage::SqliteStore::open(":memory:").value();
  AnalysisCache m_cache{std::make_shared<const extract::WarningLists>()};
};

TEST_F(AnalysisCacheTest, AGraphHandedOutStaysAsItWasWhileTheStoreGrows) {
  put(report_naming_phone("1", "+66812345678"));
  put(report_naming_phone("2", "+66812345678"));
  const std::shared_ptr<const analysis::LinkedStore> held = linked();
  ASSERT_EQ(held->linking.networks.size(), 1U);
  EXPECT_EQ(linked(), held) << "the same state: the same graph";

  put(report_naming_phone("3", "+66812345678"));
  put(report_naming_phone("4", "+66898765432"));
  put(report_naming_phone("5", "+66898765432"));
  const std::shared_ptr<const analysis::LinkedStore> grown = linked();
  EXPECT_NE(grown, held);
  EXPECT_EQ(grown->input.report_count(), 5U);
  EXPECT_EQ(grown->linking.networks, (std::vector<std::vector<graph::ReportId>>{{0, 1, 2}, {3, 4}}));
  EXPECT_EQ(held->input.report_count(), 2U) << "the request that holds the old graph still reads it whole";
  EXPECT_EQ(held->linking.networks, (std::vector<std::vector<graph::ReportId>>{{0, 1}}));
}

TEST_F(AnalysisCacheTest, AGraphNoRequestHoldsGrowsInPlace) {
  put(report_naming_phone("1", "+66812345678"));
  put(report_naming_phone("2", "+66812345678"));
  const analysis::LinkedStore* first = linked().get();  // the request is over: only the cache holds it
  put(report_naming_phone("3", "+66812345678"));
  const std::shared_ptr<const analysis::LinkedStore> grown = linked();
  EXPECT_EQ(grown.get(), first) << "grown in place, not copied";
  EXPECT_EQ(grown->linking.networks, (std::vector<std::vector<graph::ReportId>>{{0, 1, 2}}));
}

// Found in review: every partner read logs custody events, which grew the evidence log, and the cache,
// keyed on the log's size, computed the networks and suspects again after each. Only records move it now.
// Found in review of the fix: keyed on the first record's leaf, an empty store and a store of one record,
// at leaf 0, had the same key, and the networks of the empty store stayed.
TEST_F(AnalysisCacheTest, TheFirstReportOfAStoreIsSeen) {
  EXPECT_EQ(linked()->input.report_count(), 0U);
  put(report_naming_phone("1", "+66812345678"));
  EXPECT_EQ(linked()->input.report_count(), 1U);
}

TEST_F(AnalysisCacheTest, ACustodyEventKeepsWhatWasComputedAndARecordDoesNot) {
  put(report_naming_phone("1", "+66812345678"));
  put(report_naming_phone("2", "+66812345678"));
  const std::shared_ptr<const analysis::LinkedStore> held = linked();
  std::uint64_t log_size_before = 0;
  std::uint64_t log_size_after = 0;
  const Status logged = m_store->write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(log_size_before, transaction.log_size());
    storage::CustodyEvent shared;
    shared.action = storage::CustodyAction::shared;
    shared.record_kind = "report";
    shared.key = {"TH-RTP", "1"};
    shared.who = "partner:vn-mps";
    shared.at = *parse_rfc3339("2026-05-02T10:00:00Z");
    JALA_TRY(transaction.append_custody(shared));
    JALA_TRY_ASSIGN(log_size_after, transaction.log_size());
    return {};
  });
  ASSERT_TRUE(logged.ok()) << logged.error().message();
  ASSERT_GT(log_size_after, log_size_before);
  EXPECT_EQ(linked(), held) << "a partner's read changes no record";

  put(report_naming_phone("2", "+66812345678"));  // the same content: nothing stored, nothing logged
  EXPECT_EQ(linked(), held);
  put(report_naming_phone("3", "+66812345678"));
  EXPECT_NE(linked(), held);
  EXPECT_EQ(linked()->input.report_count(), 3U);
}

}  // namespace
}  // namespace jala::server
