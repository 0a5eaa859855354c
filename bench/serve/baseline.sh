#!/usr/bin/env bash
# The servers alone, side by side in one run: Jala's HTTP server (libevent) and cpp-httplib, each with
# 2 worker threads, answering the same fixed JSON to wrk (64 connections, DURATION seconds, default 20).
# Usage: bench/serve/baseline.sh [DURATION] [BUILD_DIR]   (needs libcpp-httplib-dev and wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
build=${2:-build/release}
hello=$build/bench/bench_http_hello
[[ -x $hello ]] || { echo "bench/serve: $hello is missing (install libcpp-httplib-dev, rebuild)" >&2; exit 1; }
for server in jala:2 httplib:64; do
  "$hello" "${server%:*}" 18181 "${server#*:}" &
  pid=$!
  sleep 1
  echo "== $server"
  wrk -t1 -c64 -d"${duration}s" --latency http://127.0.0.1:18181/hello | grep -E "Requests/sec|99%|Socket errors|Non-2xx"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
