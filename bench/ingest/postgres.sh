#!/usr/bin/env bash
# Ingest into PostgreSQL beside SQLite (ADR 0011, docs/performance.md): the same generated reports through
# `jala ingest` into a fresh SQLite file and into a fresh schema of a throwaway PostgreSQL server on a Unix
# socket (tests/support/postgres_test_server.sh: fsync off, as for tests), hyperfine, 3 runs each; then
# `jala networks` read back from each, which must print the same bytes.
# Usage: bench/ingest/postgres.sh [REPORTS]   (after scripts/build release; needs the postgresql package)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
bin=build/release
jala="$bin/apps/jala/jala"
work=$(mktemp -d)
server="$work/server"
trap 'tests/support/postgres_test_server.sh stop "$server" || true; rm -rf "$work"' EXIT

"$bin/bench/generate_reports" "$count" > "$work/reports.jsonl"
echo "input: $count reports, $(du -h "$work/reports.jsonl" | cut -f1)"
tests/support/postgres_test_server.sh start "$server"
[[ -f "$server/url" ]] || { echo "bench/ingest/postgres.sh: no PostgreSQL server (install postgresql)" >&2; exit 1; }
url=$(cat "$server/url")
store="$url&options=-csearch_path%3Dbench"

hyperfine --runs 3 \
  --prepare "rm -f $work/jala.db $work/jala.db-wal $work/jala.db-shm" \
  -n sqlite "$jala --db $work/jala.db ingest $work/reports.jsonl" \
  --prepare "psql -q '$url' -c 'DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench'" \
  -n postgresql "$jala --db '$store' ingest $work/reports.jsonl"

"$jala" --db "$work/jala.db" networks --json > "$work/sqlite.json"
"$jala" --db "$store" networks --json > "$work/postgresql.json"
cmp "$work/sqlite.json" "$work/postgresql.json" && echo "jala networks: the same output from both stores"
