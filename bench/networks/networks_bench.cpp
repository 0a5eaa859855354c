// The networks benchmark of docs/performance.md, over a store that bench/networks/run.sh fills: loading
// the report-selector graph from the store, linking it as `jala networks` does (graph::link_reports), and
// the baseline the networks issue asks for beside it, plain union-find over every selector
// (graph::link_every_shared_selector). The store is named by $JALA_BENCH_DB. With $JALA_BENCH_NEW_REPORTS
// (JSON Lines of reports the store lacks), it also measures bringing the networks up to date once they
// arrive (analysis::update_linked) beside linking everything anew (analysis::link_view), on a copy.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bench_store.h"
#include "jala/analysis/linked_store.h"
#include "jala/intake/ingest.h"
#include "jala/extract/warninglist.h"
#include "jala/graph/linking.h"

namespace {

using namespace jala;

std::unique_ptr<storage::Store> open_reports_store() {
  return bench::open_bench_store("reports (bench/networks/run.sh fills one)");
}

graph::LinkInput load(storage::Store& store) {
  return bench::read_bench_store(store, [](const storage::ReadView& view) { return view.link_input(); });
}

const graph::LinkInput& input() {
  static const graph::LinkInput loaded = [] {
    const std::unique_ptr<storage::Store> store = open_reports_store();
    return load(*store);
  }();
  return loaded;
}

const std::vector<bool>& benign() {
  static const std::vector<bool> flags = [] {
    const extract::WarningLists lists = extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists").value();
    std::vector<bool> out(input().selector_count());
    for (graph::SelectorId s = 0; s < out.size(); ++s) out[s] = !lists.match(input().selector(s)).empty();
    return out;
  }();
  return flags;
}

void count(benchmark::State& state, const graph::Linking& linking) {
  std::size_t largest = 0;
  for (const auto& network : linking.networks) largest = std::max(largest, network.size());
  state.counters["networks"] = static_cast<double>(linking.networks.size());
  state.counters["largest_network"] = static_cast<double>(largest);
}

void BM_LoadLinkInput(benchmark::State& state) {
  const std::unique_ptr<storage::Store> store = open_reports_store();
  for (auto _ : state) benchmark::DoNotOptimize(load(*store));
  state.counters["reports"] = static_cast<double>(input().report_count());
}
BENCHMARK(BM_LoadLinkInput)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LinkReports(benchmark::State& state) {
  benign();
  for (auto _ : state) {
    const graph::Linking linking = graph::link_reports(input(), benign());
    state.PauseTiming();
    count(state, linking);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_LinkReports)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_BaselinePlainUnionFind(benchmark::State& state) {
  input();
  for (auto _ : state) {
    const graph::Linking linking = graph::link_every_shared_selector(input());
    state.PauseTiming();
    count(state, linking);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_BaselinePlainUnionFind)->Unit(benchmark::kMillisecond)->Iterations(5);

// The store's networks before and after the new reports arrive: a copy of the store, linked, then given
// the new reports (JSON Lines at `new_reports`).
struct Arrival {
  explicit Arrival(const char* new_reports)
      : folder(std::filesystem::temp_directory_path() / ("jala-bench-arrival-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(std::getenv("JALA_BENCH_DB"), folder / "jala.db");
    store = storage::open_store((folder / "jala.db").string()).value();
    const auto lists = std::make_shared<const extract::WarningLists>(
        extract::WarningLists::load(JALA_SOURCE_DIR "/data/warninglists").value());
    before = bench::read_bench_store(*store, [&](const storage::ReadView& view) {
      return analysis::link_view(view, lists);
    });
    std::ifstream file(new_reports, std::ios::binary);
    const std::string lines((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    intake::StringByteSource source(lines);
    added = intake::ingest(*store, source, "new.jsonl", intake::Format::jsonl, {}).value().added;
  }
  Arrival(const Arrival&) = delete;
  Arrival& operator=(const Arrival&) = delete;
  ~Arrival() {
    store.reset();
    std::filesystem::remove_all(folder);
  }

  std::filesystem::path folder;
  std::unique_ptr<storage::Store> store;
  analysis::LinkedStore before;
  std::uint64_t added = 0;
};

// Null without $JALA_BENCH_NEW_REPORTS.
Arrival* arrival() {
  const char* path = std::getenv("JALA_BENCH_NEW_REPORTS");
  if (path == nullptr) return nullptr;
  static Arrival arrived(path);
  return &arrived;
}

constexpr const char* k_no_arrival = "set JALA_BENCH_NEW_REPORTS to JSON Lines of reports new to the store";

void BM_UpdateLinkedAfterNewReports(benchmark::State& state) {
  if (arrival() == nullptr) return state.SkipWithError(k_no_arrival);
  Arrival& a = *arrival();
  analysis::LinkedStore linked;  // the one before is let go while the clock is stopped
  for (auto _ : state) {
    state.PauseTiming();
    linked = a.before;
    state.ResumeTiming();
    const analysis::LinkUpdate update = bench::read_bench_store(
        *a.store, [&](const storage::ReadView& view) { return analysis::update_linked(view, linked); });
    state.PauseTiming();
    state.counters["reports_added"] = static_cast<double>(update.reports_added);
    state.counters["read_anew"] = update.read_anew ? 1 : 0;
    count(state, linked.linking);
    state.ResumeTiming();
  }
  state.counters["new_reports"] = static_cast<double>(a.added);
}
BENCHMARK(BM_UpdateLinkedAfterNewReports)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_LinkViewAnewAfterNewReports(benchmark::State& state) {
  if (arrival() == nullptr) return state.SkipWithError(k_no_arrival);
  Arrival& a = *arrival();
  for (auto _ : state) {
    const analysis::LinkedStore linked = bench::read_bench_store(
        *a.store, [&](const storage::ReadView& view) { return analysis::link_view(view, a.before.warning_lists); });
    state.PauseTiming();
    count(state, linked.linking);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_LinkViewAnewAfterNewReports)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
