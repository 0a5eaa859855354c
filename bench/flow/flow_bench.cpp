// The money-flow benchmark of docs/performance.md, over a store that bench/flow/run.sh fills: loading
// every transaction into the ledger, a full suspect scan, and single trace queries (forward from a
// victim's payment, backward from a collector) with their 50th and 99th percentile latency.
// The store is named by $JALA_BENCH_DB; run through bench/flow/run.sh.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "bench_store.h"
#include "jala/flow/suspects.h"
#include "jala/flow/trace.h"

namespace {

using namespace jala;

flow::Ledger load_ledger() {
  const std::unique_ptr<storage::Store> store =
      bench::open_bench_store("transactions (bench/flow/run.sh fills one)");
  return bench::read_bench_store(*store, [](const storage::ReadView& view) { return view.ledger(); });
}

const flow::Ledger& ledger() {
  static const flow::Ledger loaded = load_ledger();
  return loaded;
}

// Victims' payments (from an account that receives nothing), and the accounts they pay (collectors,
// or a merchant): the starting points an analyst traces from.
struct Starts {
  std::vector<flow::TransferId> payments;
  std::vector<flow::AccountId> receivers;
};

const Starts& starts() {
  static const Starts found = [] {
    Starts s;
    const flow::Ledger& l = ledger();
    for (flow::TransferId t = 0; t < l.transfer_count(); ++t) {
      const flow::Transfer& transfer = l.transfer(t);
      if (l.incoming(transfer.from).empty() && !l.outgoing(transfer.to).empty()) {
        s.payments.push_back(t);
        s.receivers.push_back(transfer.to);
      }
    }
    std::mt19937_64 random(1);
    std::shuffle(s.payments.begin(), s.payments.end(), random);
    std::shuffle(s.receivers.begin(), s.receivers.end(), random);
    return s;
  }();
  return found;
}

double percentile(const std::vector<double>& values, double p) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

void BM_LoadLedger(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_ledger());
  state.counters["transactions"] = static_cast<double>(ledger().transfer_count());
  state.counters["accounts"] = static_cast<double>(ledger().account_count());
}
BENCHMARK(BM_LoadLedger)->Unit(benchmark::kSecond)->Iterations(1);

void BM_FindSuspects(benchmark::State& state) {
  std::size_t found = 0;
  for (auto _ : state) found = flow::find_suspects(ledger(), {}).size();
  state.counters["suspects"] = static_cast<double>(found);
}
BENCHMARK(BM_FindSuspects)->Unit(benchmark::kSecond)->Iterations(1);

// Times `queries` traces one by one; reports their percentiles as counters (in milliseconds).
template <typename Query>
void time_queries(benchmark::State& state, std::size_t available, const Query& query) {
  const std::size_t queries = std::min<std::size_t>(1'000, available);
  std::vector<double> millis;
  for (auto _ : state) {
    millis.clear();
    for (std::size_t q = 0; q < queries; ++q) {
      const auto begin = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(query(q));
      millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    }
  }
  state.counters["queries"] = static_cast<double>(queries);
  state.counters["p50_ms"] = percentile(millis, 0.50);
  state.counters["p99_ms"] = percentile(millis, 0.99);
  state.counters["max_ms"] = percentile(millis, 1.0);
}

void BM_TraceVictimPayment(benchmark::State& state) {
  const Starts& s = starts();
  time_queries(state, s.payments.size(), [&](std::size_t q) {
    return flow::trace_transfers(ledger(), std::span(&s.payments[q], 1), {}).hops.size();
  });
}
BENCHMARK(BM_TraceVictimPayment)->Unit(benchmark::kSecond)->Iterations(1);

void BM_TraceAccount(benchmark::State& state) {
  const Starts& s = starts();
  time_queries(state, s.receivers.size(),
               [&](std::size_t q) { return flow::trace_account(ledger(), s.receivers[q], {}).hops.size(); });
}
BENCHMARK(BM_TraceAccount)->Unit(benchmark::kSecond)->Iterations(1);

void BM_TraceBackFromReceiver(benchmark::State& state) {
  const Starts& s = starts();
  time_queries(state, s.receivers.size(),
               [&](std::size_t q) { return flow::trace_back(ledger(), s.receivers[q], {}).size(); });
}
BENCHMARK(BM_TraceBackFromReceiver)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
