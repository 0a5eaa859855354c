#!/usr/bin/env bash
# The classifier benchmark of docs/performance.md: inference throughput (bench_classify, one core), and
# training time on the shared messages plus the project's own examples (hyperfine, 3 runs).
# Usage: bench/classify/run.sh [BUILD_DIR]   (after scripts/build release; needs ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
shared=../shared/datasets/messages/train.jsonl
[[ -f $shared ]] || { echo "bench/classify: $shared is missing; the training time needs it" >&2; exit 1; }
"$build/bench/bench_classify"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hyperfine --runs 3 \
  "$build/apps/jala/jala train --data $shared data/training/lures.jsonl --out $work/model.jala --seed 1"
