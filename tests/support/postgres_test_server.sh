#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, so that the storage tests can run against a real
# PostgreSQL (the Debian `postgresql` package; scripts/install-deps installs it).
#
#   postgres_test_server.sh start DIR   starts a fresh server and writes DIR/url, a libpq URL such as
#                                       postgresql:///postgres?host=/tmp/jala-pg.Ab12Cd/socket&port=5432&user=jala
#                                       and DIR/data, the server's temp folder (data, socket and log)
#   postgres_test_server.sh stop DIR    stops that server and removes the temp folder, DIR/url and
#                                       DIR/data; does nothing when no server runs
#
# Tests find the server through JALA_TEST_POSTGRES_DIR=DIR (see postgres_test_database.h).
#
# The server listens on a Unix socket only (no TCP), in a temp folder of its own under /tmp: not inside
# DIR, as the server user must be able to reach it and a socket path must be short. It trusts every
# local connection as the superuser `jala`, and runs without fsync (initdb --no-sync too): it holds test
# data only.
#
# PostgreSQL refuses to run as root, so under root (as in CI) the server runs as the `postgres` user
# (or `nobody` when there is none) through runuser. The newest /usr/lib/postgresql/*/bin is used, or
# $PG_BINDIR when set. Without server binaries, start prints a note and exits 0 without writing
# DIR/url, so that the PostgreSQL tests skip; under CI=true it fails instead. Starting again over the
# state of a killed run stops the old server first.
set -euo pipefail

readonly port=5432

die() {
  echo "postgres_test_server: $*" >&2
  exit 1
}

# The folder of the server binaries (initdb, pg_ctl), or nothing.
find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" && -x "$PG_BINDIR/pg_ctl" ]] && echo "$PG_BINDIR"
    return 0
  fi
  local bindir found=""
  while IFS= read -r bindir; do
    [[ -x "$bindir/initdb" && -x "$bindir/pg_ctl" ]] && found="$bindir"
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  [[ -n "$found" ]] && echo "$found"
  return 0
}

# The user the server runs as: ourselves, or under root the postgres user (else nobody).
server_user() {
  if ((EUID != 0)); then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    echo nobody
  fi
}

# Runs a command as `user` (runuser under root), from / so that it never lacks access to our folder.
run_as() {
  local user="$1"
  shift
  if ((EUID == 0)) && [[ "$user" != root ]]; then
    (cd / && runuser -u "$user" -- "$@")
  else
    (cd / && "$@")
  fi
}

# Whether `pid` is the postmaster of the data folder `data`: a killed run leaves a stale
# postmaster.pid whose pid may since belong to another process, which must not be signalled.
is_postmaster_of() {
  local pid="$1" data="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $data "
}

# Stops the server named by DIR/data, if any, and removes its temp folder, DIR/url and DIR/data.
stop_server() {
  local dir="$1" folder bindir pid
  rm -f "$dir/url"
  [[ -f "$dir/data" ]] || return 0
  folder="$(<"$dir/data")"
  # Only ever touch a folder this script made.
  if [[ "$folder" == /tmp/jala-pg.* && -d "$folder" ]]; then
    pid="$(head -n 1 "$folder/data/postmaster.pid" 2>/dev/null || true)"
    if is_postmaster_of "$pid" "$folder/data"; then
      bindir="$(find_bindir)"
      if [[ -n "$bindir" ]]; then
        run_as "$(stat -c %U "$folder/data")" "$bindir/pg_ctl" -D "$folder/data" -m fast -w -t 60 stop \
          >/dev/null 2>&1 || true
      fi
      # Without pg_ctl (or when it failed), SIGINT is the postmaster's fast shutdown.
      if is_postmaster_of "$pid" "$folder/data"; then
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 100); do
          is_postmaster_of "$pid" "$folder/data" || break
          sleep 0.1
        done
      fi
    fi
    rm -rf "$folder"
  fi
  rm -f "$dir/data"
}

start_server() {
  local dir="$1" bindir user folder log
  bindir="$(find_bindir)"
  if [[ -z "$bindir" ]]; then
    if [[ "${CI:-}" == true ]]; then
      die "no PostgreSQL server binaries (install the postgresql package)"
    fi
    echo "postgres_test_server: skipping the PostgreSQL tests: no PostgreSQL server binaries" \
      "(no /usr/lib/postgresql/*/bin with initdb and pg_ctl; install the postgresql package," \
      "or set PG_BINDIR)" >&2
    mkdir -p "$dir"
    stop_server "$dir"
    return 0
  fi

  mkdir -p "$dir"
  stop_server "$dir"
  user="$(server_user)"
  folder="$(mktemp -d /tmp/jala-pg.XXXXXX)"
  # Recorded at once, so that stop (or the next start) cleans up even after a kill during the start.
  echo "$folder" >"$dir/data"
  mkdir "$folder/socket"
  log="$folder/server.log"
  touch "$log"
  # The test process must traverse the folders to the socket (they are not listable); the data folder
  # itself stays 0700.
  chmod 0711 "$folder" "$folder/socket"
  if ((EUID == 0)); then
    chown -R "$user:" "$folder"
  fi

  if ! run_as "$user" "$bindir/initdb" --no-sync -U jala --auth=trust -E UTF8 --locale=C -D "$folder/data" \
    >"$folder/initdb.log" 2>&1; then
    echo "postgres_test_server: initdb failed as $user; its output:" >&2
    tail -n 30 "$folder/initdb.log" >&2
    stop_server "$dir"
    die "could not create the database cluster"
  fi
  if ! run_as "$user" "$bindir/pg_ctl" -w -t 60 -D "$folder/data" -l "$log" \
    -o "-c listen_addresses='' -k $folder/socket -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >"$folder/pg_ctl.log" 2>&1; then
    echo "postgres_test_server: pg_ctl start failed as $user; its output and the server log:" >&2
    tail -n 10 "$folder/pg_ctl.log" >&2
    tail -n 30 "$log" >&2
    stop_server "$dir"
    die "could not start the server"
  fi

  echo "postgresql:///postgres?host=$folder/socket&port=$port&user=jala" >"$dir/url.tmp"
  mv "$dir/url.tmp" "$dir/url"
  echo "postgres_test_server: $("$bindir/pg_ctl" --version | sed 's/^pg_ctl (PostgreSQL) /PostgreSQL /') runs as $user;" \
    "url in $dir/url" >&2
}

usage() {
  echo "usage: postgres_test_server.sh start|stop DIR" >&2
  exit 2
}

(($# == 2)) || usage
case "$1" in
  start) start_server "$2" ;;
  stop) stop_server "$2" ;;
  *) usage ;;
esac
