#include "jala/intake/ingest.h"

#include <gtest/gtest.h>

#include "jala/storage/memory/memory_store.h"

namespace jala::intake {
namespace {

std::string report_line(int n) {
  return fmt::format(R"({{"id":"r{}","source":"VN-MPS","kind":"victim_complaint","country":"VN",)"
                     R"("reported_at":"2026-03-01T08:15:00+07:00","text":"report {}"}})",
                     n, n);
}

// 300 valid records followed by 3 invalid ones: the acceptance scenario of the foundation issue.
std::string three_hundred_and_three_bad() {
  std::string data;
  for (int i = 1; i <= 300; ++i) data += report_line(i) + "\n";
  data += R"({"id":"b1","source":"VN-MPS","kind":"victim_complaint","country":"VNM","reported_at":"2026-03-01T08:15:00Z","text":"x"})" "\n";
  data += "this is not json\n";
  data += R"({"id":"b3","source":"VN-MPS","kind":"robbery","country":"VN","reported_at":"yesterday","text":"x"})" "\n";
  return data;
}

struct IngestRun {
  IngestCounts counts;
  std::vector<RecordError> errors;
  std::vector<RecordError> repeats;
};

IngestRun run(storage::Store& store, std::string_view data, Strictness strictness = Strictness::keep_valid,
        std::size_t batch_size = 64, const classify::Model* classifier = nullptr) {
  StringByteSource source(data);
  IngestRun out;
  IngestOptions options;
  options.strictness = strictness;
  options.batch_size = batch_size;
  options.on_error = [&](const RecordError& error) { out.errors.push_back(error); };
  options.on_repeated = [&](const RecordError& repeat) { out.repeats.push_back(repeat); };
  options.classifier = classifier;
  Result<IngestCounts> counts = ingest(store, source, "input.jsonl", Format::jsonl, options);
  EXPECT_TRUE(counts.ok()) << counts.error().message();
  if (counts.ok()) out.counts = *counts;
  return out;
}

TEST(Ingest, KeepsValidRecordsAndNamesEachBadOne) {
  storage::MemoryStore store;
  const IngestRun got = run(store, three_hundred_and_three_bad());
  EXPECT_EQ(got.counts.read, 303u);
  EXPECT_EQ(got.counts.added, 300u);
  EXPECT_EQ(got.counts.rejected, 3u);
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].line, 301u);
  EXPECT_EQ(got.errors[1].line, 302u);
  EXPECT_EQ(got.errors[2].line, 303u);
  EXPECT_EQ(got.errors[0].file, "input.jsonl");
  EXPECT_NE(got.errors[0].error.find("country"), std::string::npos);
  EXPECT_NE(got.errors[1].error.find("not valid JSON"), std::string::npos);
  EXPECT_NE(got.errors[2].error.find("kind: 'robbery'"), std::string::npos);
}

TEST(Ingest, IsIdempotentBySourceAndId) {
  storage::MemoryStore store;
  (void)run(store, three_hundred_and_three_bad());
  const IngestRun again = run(store, three_hundred_and_three_bad());
  EXPECT_EQ(again.counts.added, 0u);
  EXPECT_EQ(again.counts.unchanged, 300u);
  EXPECT_EQ(again.counts.rejected, 3u);

  const IngestRun changed = run(store, R"({"id":"r1","source":"VN-MPS","kind":"victim_complaint","country":"VN",)"
                                 R"("reported_at":"2026-03-01T08:15:00+07:00","text":"report 1, corrected"})");
  EXPECT_EQ(changed.counts.updated, 1u);
}

// Found in review: a (source, id) twice in one input kept the later line without naming the earlier one.
TEST(Ingest, NamesARecordThatRepeatsAnEarlierLinesSourceAndId) {
  storage::MemoryStore store;
  const std::string transaction =
      R"({"record":"transaction","id":"r1","source":"VN-MPS","from":"bank:VCB:0123456789","to":"bank:ACB:987654321",)"
      R"("amount":500,"currency":"USD","at":"2026-03-01T08:15:00Z","channel":"bank"})";
  std::string data = report_line(1) + "\n" + report_line(2) + "\n" + transaction + "\n";
  data += R"({"id":"r1","source":"VN-MPS","kind":"victim_complaint","country":"VN",)"
          R"("reported_at":"2026-03-01T08:15:00+07:00","text":"report 1, corrected"})"
          "\n";
  data += report_line(2) + "\n";  // the same record again
  const IngestRun got = run(store, data, Strictness::keep_valid, 2);
  EXPECT_EQ(got.counts.read, 5u);
  EXPECT_EQ(got.counts.added, 3u);  // a transaction is no report of the same source and id
  EXPECT_EQ(got.counts.updated, 1u);
  EXPECT_EQ(got.counts.unchanged, 1u);
  EXPECT_EQ(got.counts.repeated, 2u);
  ASSERT_EQ(got.repeats.size(), 2u);
  EXPECT_EQ(got.repeats[0].line, 4u);
  EXPECT_EQ(got.repeats[0].error, "report 'r1' of source 'VN-MPS' came on line 1 already; this one replaces it");
  EXPECT_EQ(got.repeats[1].line, 5u);
  EXPECT_NE(got.repeats[1].error.find("'r2' of source 'VN-MPS' came on line 2"), std::string::npos);
  // Another input of the same records repeats nothing of its own.
  const IngestRun again = run(store, report_line(1) + "\n");
  EXPECT_EQ(again.counts.repeated, 0u);
  EXPECT_TRUE(again.repeats.empty());
}

TEST(Ingest, StrictRejectsTheWholeInput) {
  storage::MemoryStore store;
  const IngestRun got = run(store, three_hundred_and_three_bad(), Strictness::all_or_nothing);
  EXPECT_EQ(got.counts.added, 0u);
  EXPECT_EQ(got.counts.rejected, 3u);
  EXPECT_EQ(got.errors.size(), 3u);
  ASSERT_TRUE(store.read([](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const storage::StoreStats stats, view.stats());
    EXPECT_EQ(stats.reports, 0);
    return {};
  }).ok());

  const IngestRun clean = run(store, report_line(1) + "\n" + report_line(2), Strictness::all_or_nothing);
  EXPECT_EQ(clean.counts.added, 2u);
}

std::optional<model::Report> find(storage::Store& store, std::string id) {
  std::optional<model::Report> found;
  EXPECT_TRUE(store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(found, view.find_report({"VN-MPS", std::move(id)}));
    return {};
  }).ok());
  return found;
}

// A model whose weights are all zero calls every text benign, with a scam score of one in three: what
// ingest stores must be exactly what classify::assess gives, for every report, across many chunks.
TEST(Ingest, AssessesEveryReportWithAClassifier) {
  const classify::Model classifier;
  storage::MemoryStore store;
  std::string data;
  for (int i = 1; i <= 9000; ++i) data += report_line(i) + "\n";
  data += R"({"id":"lure","source":"VN-MPS","kind":"lure_ad","country":"VN","reported_at":"2026-03-01T08:15:00Z",)"
          R"("text":"Việc nhẹ lương cao 1.500 USD/tháng tại Campuchia, bao ăn ở"})" "\n";
  const IngestRun got = run(store, data, Strictness::keep_valid, 4000, &classifier);
  EXPECT_EQ(got.counts.added, 9001u);
  for (const std::string id : {"r1", "r4096", "r9000"}) {
    const std::optional<model::Report> report = find(store, id);
    ASSERT_TRUE(report && report->assessment) << id;
    EXPECT_EQ(*report->assessment, (model::Assessment{"benign", "", 0.3333, std::nullopt})) << id;
  }
  const std::optional<model::Report> lure = find(store, "lure");
  ASSERT_TRUE(lure && lure->assessment && lure->assessment->lure);
  EXPECT_EQ(lure->assessment->lure->salary->amount, 1500);
  EXPECT_EQ(lure->assessment->lure->destinations, std::vector<std::string>{"KH"});

  // Without a classifier nothing is assessed.
  storage::MemoryStore plain;
  run(plain, report_line(1), Strictness::keep_valid, 64, nullptr);
  ASSERT_TRUE(find(plain, "r1"));
  EXPECT_FALSE(find(plain, "r1")->assessment);
}

// When storing stops early, the assessing stage is released too (the run returns).
TEST(Ingest, StrictWithAClassifierStillRejectsTheWholeInput) {
  const classify::Model classifier;
  storage::MemoryStore store;
  std::string data;
  for (int i = 1; i <= 20'000; ++i) data += report_line(i) + "\n";
  data += three_hundred_and_three_bad();
  const IngestRun got = run(store, data, Strictness::all_or_nothing, 64, &classifier);
  EXPECT_EQ(got.counts.added, 0u);
  EXPECT_EQ(got.counts.rejected, 3u);
}

TEST(Ingest, CommitsInBatchesAndReportsProgress) {
  storage::MemoryStore store;
  std::string data;
  for (int i = 0; i < 250; ++i) data += report_line(i) + "\n";
  StringByteSource source(data);
  std::vector<std::uint64_t> progress;
  IngestOptions options;
  options.batch_size = 100;
  options.on_progress = [&](std::uint64_t bytes) { progress.push_back(bytes); };
  const Result<IngestCounts> got = ingest(store, source, "x", Format::jsonl, options);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->added, 250u);
  ASSERT_EQ(progress.size(), 3u);  // batches of 100, 100 and 50
  EXPECT_EQ(progress.back(), data.size());
  EXPECT_LT(progress[0], progress[1]);
}

// Transactions hold exactly batch_size records even when a batch spans several reading chunks.
TEST(Ingest, BatchesLargerThanAReadingChunkCommitAtBatchBoundaries) {
  storage::MemoryStore store;
  std::string data;
  for (int i = 0; i < 12'000; ++i) data += report_line(i) + "\n";
  StringByteSource source(data);
  std::vector<std::uint64_t> progress;
  IngestOptions options;
  options.batch_size = 5'000;
  options.on_progress = [&](std::uint64_t bytes) { progress.push_back(bytes); };
  const Result<IngestCounts> got = ingest(store, source, "x", Format::jsonl, options);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->added, 12'000u);
  ASSERT_EQ(progress.size(), 3u);  // 5,000 + 5,000 + 2,000
  std::size_t five_thousand_lines = 0;
  for (int i = 0; i < 5'000; ++i) five_thousand_lines += report_line(i).size() + 1;
  EXPECT_EQ(progress[0], five_thousand_lines);
  EXPECT_EQ(progress[2], data.size());
}

// A failing input stream keeps every record read before the failure, so a re-run completes the file.
TEST(Ingest, AReadFailureKeepsTheRecordsReadBeforeIt) {
  class FailingSource final : public ByteSource {
   public:
    explicit FailingSource(std::string data) : m_data(std::move(data)) {}
    Result<std::size_t> read(std::span<char> buffer) override {
      if (m_data.empty()) return unavailable("disk went away");
      const std::size_t count = std::min(buffer.size(), m_data.size());
      std::copy_n(m_data.data(), count, buffer.data());
      m_data.erase(0, count);
      return count;
    }
    std::optional<std::size_t> size() const override { return std::nullopt; }

   private:
    std::string m_data;
  };
  storage::MemoryStore store;
  std::string data;
  for (int i = 0; i < 150; ++i) data += report_line(i) + "\n";
  FailingSource source(data);
  IngestOptions options;
  options.batch_size = 100;
  const Result<IngestCounts> got = ingest(store, source, "x", Format::jsonl, options);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("disk went away"), std::string::npos);
  ASSERT_TRUE(store.read([](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const storage::StoreStats stats, view.stats());
    EXPECT_EQ(stats.reports, 150);
    return {};
  }).ok());
}

}  // namespace
}  // namespace jala::intake
