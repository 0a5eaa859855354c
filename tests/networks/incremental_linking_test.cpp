// Networks kept up to date as reports arrive (analysis::update_linked, the JSON API's and the publisher's
// path) equal linking everything anew: a simulated store is ingested in batches into SQLite, and after
// each batch the updated networks, roles and ranking are compared with a fresh analysis::link_view.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jala/analysis/linked_store.h"
#include "jala/intake/ingest.h"
#include "jala/simulate/simulator.h"
#include "jala/storage/sqlite/sqlite_store.h"

namespace jala {
namespace {

class ReportLines final : public simulate::SimulationOutput {
 public:
  void write_report(std::string_view line) override { reports.append(line); }
  void write_transaction(std::string_view) override {}
  void write_truth(std::string_view) override {}
  std::string reports;
};

std::vector<std::string> simulated_lines(std::uint64_t seed, std::size_t reports) {
  ReportLines output;
  simulate::simulate({.seed = seed, .reports = reports}, output);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < output.reports.size()) {
    const std::size_t end = output.reports.find('\n', start);
    lines.push_back(output.reports.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

void ingest(storage::Store& store, const std::string& jsonl) {
  intake::StringByteSource source(jsonl);
  const Result<intake::IngestCounts> counts = intake::ingest(store, source, "reports.jsonl", intake::Format::jsonl, {});
  ASSERT_TRUE(counts.ok()) << counts.error().message();
  ASSERT_EQ(counts->rejected, 0U);
}

std::shared_ptr<const extract::WarningLists> warning_lists() {
  return std::make_shared<const extract::WarningLists>(
      extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists").value());
}

// What link_view gives for the store now.
analysis::LinkedStore link_anew(storage::Store& store) {
  std::optional<analysis::LinkedStore> linked;
  const Status status = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(linked, analysis::link_view(view, warning_lists()));
    return {};
  });
  EXPECT_TRUE(status.ok()) << status.error().message();
  return std::move(linked).value();
}

analysis::LinkUpdate update(storage::Store& store, analysis::LinkedStore& linked) {
  analysis::LinkUpdate done;
  const Status status = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(done, analysis::update_linked(view, linked));
    return {};
  });
  EXPECT_TRUE(status.ok()) << status.error().message();
  return done;
}

void expect_same_networks(const analysis::LinkedStore& updated, const analysis::LinkedStore& fresh) {
  ASSERT_EQ(updated.input.report_count(), fresh.input.report_count());
  EXPECT_EQ(updated.benign, fresh.benign);
  EXPECT_EQ(updated.linking.roles, fresh.linking.roles);
  EXPECT_EQ(updated.linking.network_of, fresh.linking.network_of);
  EXPECT_EQ(updated.linking.networks, fresh.linking.networks);
  ASSERT_EQ(updated.ranked.size(), fresh.ranked.size());
  for (std::size_t i = 0; i < fresh.ranked.size(); ++i) {
    EXPECT_EQ(updated.ranked[i].id, fresh.ranked[i].id) << "rank " << i + 1;
    EXPECT_EQ(updated.ranked[i].score, fresh.ranked[i].score) << "rank " << i + 1;
    EXPECT_EQ(updated.ranked[i].reports, fresh.ranked[i].reports) << "rank " << i + 1;
    EXPECT_EQ(updated.ranked[i].selectors, fresh.ranked[i].selectors) << "rank " << i + 1;
  }
}

std::unique_ptr<storage::Store> open_sqlite() {
  Result<std::unique_ptr<storage::SqliteStore>> store = storage::SqliteStore::open(":memory:");
  EXPECT_TRUE(store.ok());
  return std::move(store).value();
}

TEST(IncrementalLinking, NetworksUpdatedBatchByBatchEqualLinkingEverythingAnew) {
  for (const std::uint64_t seed : {1, 2}) {
    const std::vector<std::string> lines = simulated_lines(seed, 3000);
    const std::unique_ptr<storage::Store> store = open_sqlite();
    std::string first;
    for (std::size_t i = 0; i < 1500; ++i) first += lines[i];
    ingest(*store, first);
    analysis::LinkedStore linked = link_anew(*store);
    for (std::size_t from = 1500; from < lines.size(); from += 500) {
      std::string batch;
      for (std::size_t i = from; i < std::min(lines.size(), from + 500); ++i) batch += lines[i];
      ingest(*store, batch);
      const analysis::LinkUpdate done = update(*store, linked);
      EXPECT_FALSE(done.read_anew);
      EXPECT_EQ(done.reports_added, std::min<std::size_t>(500, lines.size() - from));
      SCOPED_TRACE(testing::Message() << "seed " << seed << ", after report " << from + 500);
      expect_same_networks(linked, link_anew(*store));
    }
    EXPECT_EQ(update(*store, linked).reports_added, 0U) << "nothing new: nothing added";
  }
}

TEST(IncrementalLinking, AReportStoredAgainIsLinkedFromAFreshRead) {
  const std::vector<std::string> lines = simulated_lines(3, 1000);
  const std::unique_ptr<storage::Store> store = open_sqlite();
  std::string all;
  for (const std::string& line : lines) all += line;
  ingest(*store, all);
  analysis::LinkedStore linked = link_anew(*store);
  // The first report again, now with a different victim country: stored again, so read anew.
  std::string changed = lines.front();
  const std::size_t at = changed.find("\"victim_country\":\"");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 21, "\"victim_country\":\"TH\"");
  ingest(*store, changed);
  const analysis::LinkUpdate done = update(*store, linked);
  EXPECT_TRUE(done.read_anew);
  expect_same_networks(linked, link_anew(*store));
}

}  // namespace
}  // namespace jala
