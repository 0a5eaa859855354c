#!/usr/bin/env bash
# The HTTP load benchmark of docs/performance.md: `jala serve` answering selector lookups
# (GET /api/v1/selectors/TYPE:VALUE) to wrk on loopback, both on this machine. Simulates REPORTS
# reports (default 100,000), ingests them, serves them with 2 workers, runs wrk for DURATION seconds
# (default 30) with 64 connections over the store's selectors, and reports requests/s, latency
# percentiles, errors, and the server's resident memory before and after.
# Usage: bench/serve/run.sh [REPORTS] [DURATION] [BUILD_DIR]   (after scripts/build release)
#        A 5-minute soak: bench/serve/run.sh 100000 300
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=${1:-100000}
duration=${2:-30}
build=${3:-build/release}
jala=$build/apps/jala/jala
command -v wrk >/dev/null || { echo "bench/serve: wrk is missing (apt install wrk)" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

"$jala" simulate --seed 1 --reports "$reports" --out "$work/sim" >/dev/null
"$jala" --db "$work/jala.db" ingest "$work/sim/reports.jsonl" >/dev/null
# Every canonical selector, percent-encoded, as the paths wrk cycles through.
sqlite3 "$work/jala.db" "SELECT type || ':' || value FROM selectors ORDER BY selector_key" |
  jq -R -r '"  \"/api/v1/selectors/" + @uri + "\","' > "$work/paths"
echo "selectors: $(wc -l < "$work/paths") distinct, from $reports reports"
{
  echo 'local paths = {'
  cat "$work/paths"
  echo '}'
  echo 'local i = 0'
  echo 'request = function()'
  echo '  i = i + 1'
  echo '  return wrk.format("GET", paths[(i % #paths) + 1])'
  echo 'end'
} > "$work/lookups.lua"

"$jala" --db "$work/jala.db" serve --agency BENCH --listen 127.0.0.1:0 --port-file "$work/port" --threads 2 \
  --quiet 2>"$work/serve.log" &
server=$!
# The first serve publishes every report into the TAXII collections, on a thread of its own while it
# serves; the load starts once that is done.
started=$(date +%s.%N)
for _ in $(seq 6000); do grep -q "caught up" "$work/serve.log" && break; kill -0 "$server" || exit 1; sleep 0.1; done
echo "serving and caught up after $(echo "$(date +%s.%N) - $started" | bc) s (first publication included): $(grep published "$work/serve.log")"
port=$(cat "$work/port")
rss() { awk '/VmRSS/ {print $2 " KiB"}' "/proc/$server/status"; }
wrk -t1 -c64 -d5s -s "$work/lookups.lua" "http://127.0.0.1:$port" >/dev/null  # warm up
echo "server RSS before: $(rss)"
wrk -t1 -c64 -d"${duration}s" --latency -s "$work/lookups.lua" "http://127.0.0.1:$port"
echo "server RSS after: $(rss)"
