#!/usr/bin/env bash
# The networks benchmark of docs/performance.md: simulate REPORTS reports (default 1,000,000), ingest them
# into a fresh SQLite store, run bench_networks on it (loading the graph, linking, the baseline of plain
# union-find over every selector, and bringing the networks up to date after 1,000 more reports), then time `jala networks` (load the report-selector graph from
# the store, link, rank) with hyperfine and its peak memory with GNU time.
# Usage: bench/networks/run.sh [REPORTS] [BUILD_DIR]   (after scripts/build release)
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=${1:-1000000}
build=${2:-build/release}
jala=$build/apps/jala/jala
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1,000 more: the reports that arrive after the store's, for the incremental update.
"$jala" simulate --seed 1 --reports "$((reports + 1000))" --out "$work/sim"
head -n "$reports" "$work/sim/reports.jsonl" > "$work/stored.jsonl"
tail -n 1000 "$work/sim/reports.jsonl" > "$work/new.jsonl"
/usr/bin/time -f "ingest: %e s, peak RSS %M KiB" "$jala" --db "$work/jala.db" ingest "$work/stored.jsonl"
JALA_BENCH_DB="$work/jala.db" JALA_BENCH_NEW_REPORTS="$work/new.jsonl" "$build/bench/bench_networks"
hyperfine --runs 3 --warmup 1 "$jala --db $work/jala.db networks --json > /dev/null"
/usr/bin/time -f "networks: %e s, peak RSS %M KiB" "$jala" --db "$work/jala.db" networks --top 5
