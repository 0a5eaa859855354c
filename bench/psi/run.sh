#!/usr/bin/env bash
# The private-overlap benchmark of docs/performance.md: the cost of one curve operation of each kind
# (X25519 and ristretto255 multiplications, hashing to each), then both sides of whole sessions in one
# process (bench_psi): 2^15 x 2^15 on one and on two threads, 100,000 x 100,000 in both modes, and with
# --1m also 1,000,000 x 1,000,000 (about a minute on two free cores). Then the baseline: OpenMined's
# psi.js at 2^15 x 2^15 (its server and client in one node process, one thread), installed from npm on
# first use into BUILD_DIR/psijs. Its install skips package scripts: the only one, in a code generator
# it depends on, downloads a binary from GitHub that running psi.js does not need.
# Usage: bench/psi/run.sh [--1m] [BUILD_DIR]   (after scripts/build release; the baseline needs node and npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes='32768|100000'
if [[ ${1:-} == --1m ]]; then
  sizes='32768|100000|1000000'
  shift
fi
build=${1:-build/release}
bench=$build/bench/bench_psi
psijs=$build/psijs
psijs_version=2.0.6

uptime
"$bench" --benchmark_filter='BM_(X25519|Ristretto255|HashToCurve|Ristretto255FromHash|Ed25519FromUniformToX25519|CheckPoint)$' \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
/usr/bin/time -f "bench_psi sessions: %e s, user %U s, peak RSS %M KiB" \
  "$bench" --benchmark_filter="BM_Overlap/n:($sizes)/"

if [[ ! -d $psijs/node_modules/@openmined/psi.js ]]; then
  command -v npm >/dev/null || { echo "bench/psi: npm is missing, so there is no psi.js baseline" >&2; exit 1; }
  mkdir -p "$psijs"
  npm install --prefix "$psijs" --no-audit --no-fund --ignore-scripts "@openmined/psi.js@$psijs_version" >&2
fi
uptime
/usr/bin/time -f "psi.js: %e s, user %U s, peak RSS %M KiB" \
  env NODE_PATH="$psijs/node_modules" node bench/psi/psijs_baseline.cjs 32768 32768 16384
