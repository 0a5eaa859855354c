#!/usr/bin/env bash
# The evidence benchmark of docs/performance.md: bench_evidence (durable appends to the log of an SQLite
# store against a raw SQLite insert floor; inclusion proofs from logs of 10^4 to PROOF_LEAVES leaves, in
# memory and from a cold disk), then `jala evidence export` of the biggest network of a simulated store
# (REPORTS reports; at 12,000 it has 10,975 items), timed with hyperfine and GNU time. Builds nothing.
# Usage: bench/evidence/run.sh [PROOF_LEAVES] [REPORTS] [BUILD_DIR]   (after scripts/build release)
#   PROOF_LEAVES defaults to 10000000 (a 0.9 GB store); 100000000 writes a 9 GB store and takes minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
leaves=${1:-10000000}
reports=${2:-12000}
build=${3:-build/release}
jala=$build/apps/jala/jala
work=$(mktemp -d)  # on the same file system as the stores the benchmark writes, so fsyncs are real
trap 'rm -rf "$work"' EXIT

mkdir "$work/stores"
JALA_BENCH_DIR="$work/stores" JALA_BENCH_PROOF_LEAVES="$leaves" "$build/bench/bench_evidence" \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
rm -rf "$work/stores"

"$jala" simulate --seed 1 --reports "$reports" --out "$work/sim" > /dev/null
"$jala" --db "$work/jala.db" ingest "$work/sim/reports.jsonl" "$work/sim/transactions.jsonl"
network=$("$jala" --db "$work/jala.db" networks --json --top 1 | grep -o '"id":"N[0-9a-f]*"' | head -1 | cut -d'"' -f4)
cp "$work/jala.db" "$work/ingested.db"
# Every run exports the same store into a new folder. The previous package is moved aside, not deleted:
# deleting 20,000 files just before a run slows the next run's file creation several times over on a
# file system mounted with `discard`, as this machine's is.
mkdir "$work/old"
hyperfine --runs 5 --warmup 1 \
  --prepare "cp $work/ingested.db $work/jala.db; rm -f $work/jala.db-wal $work/jala.db-shm; if [ -d $work/package ]; then mv $work/package $work/old/\$(date +%s%N); fi" \
  "$jala --db $work/jala.db evidence export --network $network --out $work/package"
mv "$work/package" "$work/old/last"
cp "$work/ingested.db" "$work/jala.db"
/usr/bin/time -f "jala evidence export: %e s, peak RSS %M KiB" \
  "$jala" --db "$work/jala.db" evidence export --network "$network" --out "$work/package"
"$jala" evidence verify "$work/package" | tail -1
