#!/usr/bin/env bash
# The money-flow benchmark of docs/performance.md: simulate REPORTS reports (default 2,000,000, which
# write about 10 million transactions), ingest them into a fresh SQLite store (--bulk), then run bench_flow
# (ledger load, full suspect scan, trace latencies) and time `jala flow suspects` end to end, with its
# peak memory, using GNU time.
# Usage: bench/flow/run.sh [REPORTS] [BUILD_DIR]   (after scripts/build release)
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=${1:-2000000}
build=${2:-build/release}
jala=$build/apps/jala/jala
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$jala" simulate --seed 1 --reports "$reports" --out "$work/sim"
wc -l "$work/sim/transactions.jsonl"
/usr/bin/time -f "ingest: %e s, peak RSS %M KiB" \
  "$jala" --db "$work/jala.db" ingest --bulk "$work/sim/reports.jsonl" "$work/sim/transactions.jsonl"
/usr/bin/time -f "bench_flow: %e s, peak RSS %M KiB" env JALA_BENCH_DB="$work/jala.db" "$build/bench/bench_flow"
/usr/bin/time -f "jala flow suspects: %e s, peak RSS %M KiB" \
  "$jala" --db "$work/jala.db" flow suspects --json > "$work/suspects.json"
/usr/bin/time -f "jala flow freeze-list: %e s, peak RSS %M KiB" \
  "$jala" --db "$work/jala.db" flow freeze-list --json > /dev/null
