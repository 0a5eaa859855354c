// Throughput of extract() on the generated multilingual corpus, on one and two threads, against a
// naive baseline: one std::regex per selector type run over the same texts, and the same patterns in one
// Hyperscan pass. The baselines only find candidate spans; they confirm and normalise nothing. Also
// extract() over the real public messages of ../shared/datasets/messages (skipped when absent), whose
// selectors are far sparser than the generated corpus's. Figures go to docs/performance.md.
#include <benchmark/benchmark.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>
#include <vector>

#include <hs.h>

#include "extract/corpus_generator.h"
#include "jala/extract/extract.h"

namespace {

constexpr std::size_t k_megabyte = 1 << 20;

using jala::bench::Selectors;

// One corpus per size and kind, made once (the phone pool is checked with libphonenumber as it is built).
const std::vector<jala::bench::CorpusRecord>& corpus(std::size_t megabytes, Selectors selectors) {
  static std::map<std::pair<std::size_t, Selectors>, std::vector<jala::bench::CorpusRecord>> corpora;
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  auto [it, inserted] = corpora.try_emplace({megabytes, selectors});
  if (inserted) it->second = jala::bench::generate_corpus(1, megabytes * k_megabyte, selectors);
  return it->second;
}

std::size_t extract_records(const std::vector<jala::bench::CorpusRecord>& records, std::size_t first, std::size_t step,
                            std::size_t& findings) {
  std::size_t bytes = 0;
  for (std::size_t i = first; i < records.size(); i += step) {
    findings += jala::extract::extract(records[i].text, {records[i].country}).size();
    bytes += records[i].text.size();
  }
  return bytes;
}

// Each thread takes every thread_count-th record, so that one iteration covers the corpus once. A first,
// untimed pass fills the thread's caches (libphonenumber's verdicts and wallet checksums are remembered
// per thread), so that the figure is the steady state of a long-running worker; BM_ExtractFirstPass
// measures the other end.
void extract_corpus(benchmark::State& state, Selectors selectors) {
  const auto& records = corpus(static_cast<std::size_t>(state.range(0)), selectors);
  const auto thread = static_cast<std::size_t>(state.thread_index());
  const auto threads = static_cast<std::size_t>(state.threads());
  std::size_t findings = 0;
  extract_records(records, thread, threads, findings);
  findings = 0;
  std::size_t bytes = 0;
  for (auto _ : state) bytes += extract_records(records, thread, threads, findings);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings), benchmark::Counter::kIsRate);
}

// The generated corpus: about one selector per 100 bytes, each confirmed by the model.
void BM_Extract(benchmark::State& state) { extract_corpus(state, Selectors::realistic); }
BENCHMARK(BM_Extract)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Extract)->Arg(16)->Threads(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same texts without their selectors and hard negatives: the scanning alone.
void BM_ExtractProseOnly(benchmark::State& state) { extract_corpus(state, Selectors::none); }
BENCHMARK(BM_ExtractProseOnly)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

// The corpus on a new thread each iteration, whose caches start empty: every phone number costs a
// libphonenumber parse, every wallet its checksum.
void BM_ExtractFirstPass(benchmark::State& state) {
  const auto& records = corpus(static_cast<std::size_t>(state.range(0)), Selectors::realistic);
  std::size_t bytes = 0;
  std::size_t findings = 0;
  for (auto _ : state) {
    std::thread worker([&] { bytes += extract_records(records, 0, 1, findings); });
    worker.join();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractFirstPass)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

// The real messages of the shared public corpora (46,207 SMS in six languages, about 6.8 MB of text),
// each with the region of its corpus where the corpus is national; empty when the file is absent.
const std::vector<jala::bench::CorpusRecord>& public_messages() {
  static const std::vector<jala::bench::CorpusRecord> records = [] {
    static const std::map<std::string, std::string, std::less<>> k_region_of_source = {
        {"uci-sms-spam", "GB"}, {"kor-phishing-sms", "KR"}, {"vi-smishing", "VN"}, {"id-sms-spam", "ID"},
        {"th-sms-spam", "TH"},  {"zh-spam-text", "CN"},     {"smishtank", "US"}};
    std::vector<jala::bench::CorpusRecord> out;
    std::ifstream in(JALA_SHARED_DIR "/datasets/messages/train.jsonl");
    for (std::string line; std::getline(in, line);) {
      const nlohmann::json message = nlohmann::json::parse(line);
      const auto region = k_region_of_source.find(message.at("source").get<std::string>());
      out.push_back({message.at("id").get<std::string>(), message.at("text").get<std::string>(),
                     region == k_region_of_source.end() ? "" : region->second});
    }
    return out;
  }();
  return records;
}

// extract() over the public messages, caches warm as in BM_Extract: the rate on real text.
void BM_ExtractPublicMessages(benchmark::State& state) {
  const auto& records = public_messages();
  if (records.empty()) {
    state.SkipWithError(JALA_SHARED_DIR "/datasets/messages/train.jsonl is absent");
    return;
  }
  std::size_t findings = 0;
  extract_records(records, 0, 1, findings);
  findings = 0;
  std::size_t bytes = 0;
  for (auto _ : state) bytes += extract_records(records, 0, 1, findings);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractPublicMessages)->Unit(benchmark::kMillisecond)->UseRealTime();

// The naive way: a regular expression per selector type. They only find candidate spans; they confirm
// and normalise nothing.
struct TypePattern {
  const char* pattern;
  bool caseless;
};
constexpr std::array<TypePattern, 9> k_type_patterns = {{
    {R"(\+?\d[\d .()-]{5,16}\d)", false},                                       // phone
    {R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})", false},               // e-mail
    {R"((?:https?://|www\.)[^\s"<>]+)", true},                                  // URL
    {R"(\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b)", true},                    // domain
    {R"(\b\d{1,3}(?:\.\d{1,3}){3}\b)", false},                                  // IPv4
    {R"(\b0x[0-9a-fA-F]{40}\b)", false},                                        // EVM wallet
    {R"(\b[13T][1-9A-HJ-NP-Za-km-z]{25,34}\b)", false},                         // base58 wallet
    {R"(\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b)", false},  // IBAN
    {R"(@[A-Za-z0-9_]{3,32})", false},                                          // handle
}};

// One std::regex per type, each a separate pass over every text.
void BM_BaselineRegexPerType(benchmark::State& state) {
  const auto& records = corpus(static_cast<std::size_t>(state.range(0)), Selectors::realistic);
  std::vector<std::regex> patterns;
  for (const TypePattern& type : k_type_patterns) {
    patterns.emplace_back(type.pattern,
                          type.caseless ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
  }
  std::size_t bytes = 0;
  std::size_t matches = 0;
  for (auto _ : state) {
    for (const auto& record : records) {
      for (const std::regex& pattern : patterns) {
        for (std::sregex_iterator it(record.text.begin(), record.text.end(), pattern), end; it != end; ++it) ++matches;
      }
      bytes += record.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["matches"] = benchmark::Counter(static_cast<double>(matches), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BaselineRegexPerType)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The same patterns compiled together by Hyperscan: one pass over each text for all types, reporting
// every match end. A candidate pass only, like the regular expressions above.
void BM_BaselineHyperscan(benchmark::State& state) {
  const auto& records = corpus(static_cast<std::size_t>(state.range(0)), Selectors::realistic);
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (const TypePattern& type : k_type_patterns) {
    expressions.push_back(type.pattern);
    flags.push_back(type.caseless ? HS_FLAG_CASELESS : 0);
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(expressions.size()),
                       HS_MODE_BLOCK, nullptr, &database, &error) != HS_SUCCESS) {
    state.SkipWithError(error->message);
    hs_free_compile_error(error);
    return;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(database, &scratch);
  std::size_t bytes = 0;
  std::size_t matches = 0;
  const auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned, void* count) {
    ++*static_cast<std::size_t*>(count);
    return 0;
  };
  for (auto _ : state) {
    for (const auto& record : records) {
      hs_scan(database, record.text.data(), static_cast<unsigned>(record.text.size()), 0, scratch, on_match, &matches);
      bytes += record.text.size();
    }
  }
  hs_free_scratch(scratch);
  hs_free_database(database);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["matches"] = benchmark::Counter(static_cast<double>(matches), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BaselineHyperscan)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
