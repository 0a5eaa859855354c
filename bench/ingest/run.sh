#!/usr/bin/env bash
# The ingest benchmark of docs/performance.md: 1,000,000 generated reports through `jala ingest` into
# a fresh SQLite store (hyperfine, 3 runs), its peak memory (GNU time), then the Google Benchmark
# comparison against parsing alone and a raw SQLite insert baseline.
# Usage: bench/ingest/run.sh [REPORTS]   (after scripts/build release)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
bin=build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin/bench/generate_reports" "$count" > "$work/reports.jsonl"
echo "input: $count reports, $(du -h "$work/reports.jsonl" | cut -f1)"

hyperfine --runs 3 --prepare "rm -f $work/jala.db $work/jala.db-wal $work/jala.db-shm" \
  "$bin/apps/jala/jala --db $work/jala.db ingest $work/reports.jsonl"

rm -f "$work"/jala.db*
/usr/bin/time -f "peak RSS %M KB, %e s wall, %P CPU" "$bin/apps/jala/jala" --db "$work/jala.db" ingest "$work/reports.jsonl"

"$bin/bench/bench_ingest" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
