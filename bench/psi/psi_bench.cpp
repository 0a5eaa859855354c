// The private-overlap benchmark of docs/performance.md: both sides of a whole session in one process
// (Initiator::start, the request serialised and parsed, respond, the response serialised and parsed,
// Initiator::finish), at n x m selectors of which min(n, m) / 2 are shared, with the wall time of each
// step and the count of scalar multiplications; and the cost of one of each curve operation, which is
// what chose X25519 over ristretto255 (docs/adr/0009-private-overlap.md). Run through bench/psi/run.sh,
// which adds OpenMined's psi.js as the baseline.
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <sodium.h>
#include <tbb/global_control.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

#include "jala/share/psi.h"
#include "jala/share/psi_curve.h"

namespace {

using namespace jala;
using Clock = std::chrono::steady_clock;

// `count` phones from number `first` on: "phone:+84" and nine digits, as bench/psi/psijs_baseline.cjs makes.
std::vector<model::Selector> phones(std::size_t first, std::size_t count) {
  std::vector<model::Selector> out;
  out.reserve(count);
  for (std::size_t i = first; i < first + count; ++i) {
    out.push_back({model::SelectorType::phone, fmt::format("+84{:09d}", i)});
  }
  return out;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Args: n (initiator), m (responder), threads, mode (0 intersection, 1 cardinality).
void BM_Overlap(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto m = static_cast<std::size_t>(state.range(1));
  const auto threads = static_cast<std::size_t>(state.range(2));
  const share::Mode mode = state.range(3) == 0 ? share::Mode::intersection : share::Mode::cardinality;
  const std::size_t shared = std::min(n, m) / 2;
  const std::vector<model::Selector> initiator_set = phones(0, n);
  const std::vector<model::Selector> responder_set = phones(n - shared, m);
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  for (auto _ : state) {
    const auto begin = Clock::now();
    auto initiator = share::Initiator::start(initiator_set, mode);
    const double start_seconds = seconds_since(begin);
    if (!initiator.ok()) {
      state.SkipWithError(initiator.error().message().c_str());
      return;
    }
    auto step = Clock::now();
    const std::string request_bytes = serialise(initiator->request());
    auto request = share::parse_request(request_bytes);
    double wire_seconds = seconds_since(step);
    step = Clock::now();
    auto response = request.ok() ? share::respond(*request, responder_set) : request.error();
    const double respond_seconds = seconds_since(step);
    if (!response.ok()) {
      state.SkipWithError(response.error().message().c_str());
      return;
    }
    step = Clock::now();
    const std::string response_bytes = serialise(*response);
    auto received = share::parse_response(response_bytes);
    wire_seconds += seconds_since(step);
    step = Clock::now();
    auto overlap = received.ok() ? initiator->finish(*received) : received.error();
    const double finish_seconds = seconds_since(step);
    if (!overlap.ok()) {
      state.SkipWithError(overlap.error().message().c_str());
      return;
    }
    // The verifier: the initiator's last `shared` phones, and only those, are the responder's.
    std::vector<std::size_t> want(shared);
    std::iota(want.begin(), want.end(), n - shared);
    if (overlap->shared_count != shared || (mode == share::Mode::intersection && overlap->shared != want)) {
      state.SkipWithError("wrong overlap");
      return;
    }
    state.counters["start_s"] = start_seconds;
    state.counters["respond_s"] = respond_seconds;
    state.counters["finish_s"] = finish_seconds;
    state.counters["wire_s"] = wire_seconds;
    state.counters["bytes"] = static_cast<double>(request_bytes.size() + response_bytes.size());
  }
  // start: n; respond: n (the request) + m (its own); finish: m.
  state.counters["multiplications"] = static_cast<double>(2 * n + 2 * m);
  state.counters["shared"] = static_cast<double>(shared);
}
BENCHMARK(BM_Overlap)
    ->ArgNames({"n", "m", "threads", "cardinality"})
    ->Args({32768, 32768, 1, 0})
    ->Args({32768, 32768, 2, 0})
    ->Args({100000, 100000, 2, 0})
    ->Args({100000, 100000, 2, 1})
    ->Args({1000000, 1000000, 2, 0})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

struct Keys {
  std::array<unsigned char, 32> scalar{};
  std::array<unsigned char, 32> x25519_point{};
  std::array<unsigned char, 32> ristretto_point{};
  Keys() {
    if (sodium_init() < 0) {
      std::abort();
    }
    crypto_core_ristretto255_scalar_random(scalar.data());
    crypto_scalarmult_base(x25519_point.data(), scalar.data());
    crypto_core_ristretto255_random(ristretto_point.data());
  }
};

void BM_X25519(benchmark::State& state) {
  Keys keys;
  std::array<unsigned char, 32> out{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(crypto_scalarmult(out.data(), keys.scalar.data(), keys.x25519_point.data()));
  }
}
BENCHMARK(BM_X25519)->Unit(benchmark::kMicrosecond);

void BM_Ristretto255(benchmark::State& state) {
  Keys keys;
  std::array<unsigned char, 32> out{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(crypto_scalarmult_ristretto255(out.data(), keys.scalar.data(), keys.ristretto_point.data()));
  }
}
BENCHMARK(BM_Ristretto255)->Unit(benchmark::kMicrosecond);

// Jala's hash to the curve (BLAKE2b, then GMP's Jacobi symbol per candidate), one selector.
void BM_HashToCurve(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(share::hash_to_curve(fmt::format("phone:+84{:09d}", i++)));
  }
}
BENCHMARK(BM_HashToCurve)->Unit(benchmark::kMicrosecond);

// What ristretto255 would use: BLAKE2b-512, then libsodium's hash to the group.
void BM_Ristretto255FromHash(benchmark::State& state) {
  std::size_t i = 0;
  std::array<unsigned char, 64> digest{};
  std::array<unsigned char, 32> point{};
  for (auto _ : state) {
    const std::string selector = fmt::format("phone:+84{:09d}", i++);
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(selector.data()),
                       selector.size(), nullptr, 0);
    benchmark::DoNotOptimize(crypto_core_ristretto255_from_hash(point.data(), digest.data()));
  }
}
BENCHMARK(BM_Ristretto255FromHash)->Unit(benchmark::kMicrosecond);

// The alternative hash to X25519: libsodium's Elligator 2 onto Ed25519, then its map to Montgomery form
// (which checks the point's subgroup with a multiplication by the group order).
void BM_Ed25519FromUniformToX25519(benchmark::State& state) {
  std::array<unsigned char, 32> digest{};
  std::array<unsigned char, 32> edwards{};
  std::array<unsigned char, 32> montgomery{};
  for (auto _ : state) {
    ++digest[0];
    crypto_core_ed25519_from_uniform(edwards.data(), digest.data());
    benchmark::DoNotOptimize(crypto_sign_ed25519_pk_to_curve25519(montgomery.data(), edwards.data()));
  }
}
BENCHMARK(BM_Ed25519FromUniformToX25519)->Unit(benchmark::kMicrosecond);

// The check of a peer's point: reduced, and on the curve rather than its twist; over 1,024 random points,
// since the Jacobi symbol's time depends on its input.
void BM_CheckPoint(benchmark::State& state) {
  if (!share::ensure_sodium().ok()) {
    state.SkipWithError("libsodium cannot initialise");
    return;
  }
  std::vector<share::CurvePoint> points(1024);
  for (share::CurvePoint& point : points) {
    randombytes_buf(point.data(), point.size());
    point[31] &= 0x7f;
  }
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(share::check_point(points[i++ % points.size()]));
  }
}
BENCHMARK(BM_CheckPoint)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
