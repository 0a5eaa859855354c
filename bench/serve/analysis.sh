#!/usr/bin/env bash
# The cost of the JSON API's networks and suspects (docs/performance.md): serves STORE (a copy of it,
# so the store itself is not touched) and times, with hyperfine, the first GET /api/v1/networks after a
# start (which links every report) and then the cached one, GET /api/v1/networks/ID of the best network,
# and GET /api/v1/suspects. Reports the server's resident memory after the runs.
# Usage: bench/serve/analysis.sh STORE [BUILD_DIR]   (after scripts/build release)
set -euo pipefail
cd "$(dirname "$0")/../.."
store=${1:?usage: bench/serve/analysis.sh STORE [BUILD_DIR]}
build=${2:-build/release}
jala=$build/apps/jala/jala
for tool in hyperfine curl jq; do
  command -v "$tool" >/dev/null || { echo "bench/serve: $tool is missing (apt install $tool)" >&2; exit 1; }
done
work=$(mktemp -d)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cp "$store" "$work/jala.db"

start() {
  rm -f "$work/port"
  "$jala" --db "$work/jala.db" serve --agency BENCH --listen 127.0.0.1:0 --port-file "$work/port" --threads 2 \
    --quiet 2>"$work/serve.log" &
  server=$!
  # The first serve publishes every report into the TAXII collections on a thread of its own; the
  # measures start once it has caught up.
  for _ in $(seq 6000); do grep -q "caught up" "$work/serve.log" && break; sleep 0.1; done
  [[ -s "$work/port" ]] || { echo "bench/serve: jala serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
  url=http://127.0.0.1:$(cat "$work/port")
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

echo "store: $("$jala" --db "$work/jala.db" stats --json | jq -c '{reports, transactions, selectors}')"
start
cold=$(curl -s -o /dev/null -w '%{time_total}' "$url/api/v1/networks?top=10")
echo "first GET /api/v1/networks?top=10 after start (links every report): ${cold} s"
best=$(curl -s "$url/api/v1/networks?top=1" | jq -r '.networks[0].id')
hyperfine --warmup 1 --runs 10 -N \
  "curl -s -o /dev/null $url/api/v1/networks?top=10" \
  "curl -s -o /dev/null $url/api/v1/networks/$best" \
  "curl -s -o /dev/null $url/api/v1/suspects?top=10"
echo "best network: $(curl -s "$url/api/v1/networks?top=1" | jq -c '.networks[0] | {id, report_count, selector_count}')"
echo "server resident memory: $(ps -o rss= -p "$server") KiB"
stop
