// The cost of checking a partner's secret (share/partners.h), which a worker pays on its event loop for
// every credential it has not verified before: the BLAKE2b-256 hash of new agreements, and the Argon2id
// hash (interactive limits) of agreements made before 2026-12-04. docs/performance.md records the figures.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <array>
#include <string>

#include "jala/share/partners.h"

namespace {

using namespace jala;

void BM_PartnerSecretCheckFast(benchmark::State& state) {
  const std::string secret = share::make_partner_secret("vn-mps");
  const std::string hash = share::hash_partner_secret(secret).value();
  for (auto _ : state) benchmark::DoNotOptimize(share::secret_matches(hash, secret));
}
BENCHMARK(BM_PartnerSecretCheckFast)->Unit(benchmark::kMicrosecond);

void BM_PartnerSecretCheckArgon2id(benchmark::State& state) {
  const std::string secret = share::make_partner_secret("vn-mps");
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str_alg(hash.data(), secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    state.SkipWithError("not enough memory for an Argon2id hash");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(share::secret_matches(hash.data(), secret));
}
BENCHMARK(BM_PartnerSecretCheckArgon2id)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
