#!/usr/bin/env bash
# The extraction benchmark of docs/performance.md: the Google Benchmark figures (extract() on one and two
# threads, the prose-only and first-pass variants, and the std::regex and Hyperscan baselines), then
# `jala extract --jsonl` over a generated file with hyperfine (3 runs, one and two threads).
# Usage: bench/extract/run.sh [BYTES] [BUILD_DIR]   (after scripts/build release; BYTES defaults to 1 GB)
set -euo pipefail
cd "$(dirname "$0")/../.."
bytes=${1:-1000000000}
bin=${2:-build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin/bench/bench_extract" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

"$bin/bench/generate_extract_corpus" "$bytes" > "$work/corpus.jsonl"
echo "input: $(wc -l < "$work/corpus.jsonl") records, $(du -h "$work/corpus.jsonl" | cut -f1)"
hyperfine --runs 3 --warmup 1 \
  "$bin/apps/jala/jala extract --jsonl --threads 1 $work/corpus.jsonl > /dev/null" \
  "$bin/apps/jala/jala extract --jsonl --threads 2 $work/corpus.jsonl > /dev/null"
