// The networks benchmark of docs/performance.md, over a store that bench/networks/run.sh fills: loading
// the report-selector graph from the store, linking it as `jala networks` does (graph::link_reports), and
// the baseline the networks issue asks for beside it, plain union-find over every selector
// (graph::link_every_shared_selector). The store is named by $JALA_BENCH_DB.
#include <benchmark/benchmark.h>

#include "bench_store.h"
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

}  // namespace

BENCHMARK_MAIN();
