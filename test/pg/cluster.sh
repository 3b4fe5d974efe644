#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the storage contract suite (issue 10).
#
#   eval "$(test/pg/cluster.sh start)"   # prints: export GLOBEDESK_TEST_DATABASE_URL=... GLOBEDESK_TEST_PG_DIR=...
#   test/pg/cluster.sh stop "$GLOBEDESK_TEST_PG_DIR"
#
# initdb runs in a new temporary directory; the server listens on a Unix
# socket in that directory only (listen_addresses=''), so it can clash with
# no other server on the machine and nothing outside can reach it. The
# server refuses to run as root, so as root everything runs as the
# `postgres` system user (Debian's postgresql package creates it); as anyone
# else, as that user. Trust authentication: the socket's folder is private.
# Everything goes to stderr except the export lines, so `eval` sees only them.
set -euo pipefail

PORT="${GLOBEDESK_TEST_PG_PORT:-18950}"
DBNAME=globedesk_test
SUPERUSER=globedesk
# Bounds of the start: pg_ctl's own wait, then pg_isready every half second.
START_WAIT_S=60
READY_TRIES=60

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  echo "pg-cluster: no initdb found (apt-get install postgresql)" >&2
  return 1
}

# Runs a command as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin dir
  bin="$(bindir)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/globedesk-pg.XXXXXX")"
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || { echo "pg-cluster: no postgres user (apt-get install postgresql creates it)" >&2; rm -rf "$dir"; return 1; }
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  # UTF-8 so text of every script is stored as it is; C.UTF-8 ships with glibc.
  if ! as_owner "$bin/initdb" -D "$dir/data" -U "$SUPERUSER" -E UTF8 --locale=C.UTF-8 --auth=trust >"$dir/initdb.log" 2>&1; then
    echo "pg-cluster: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  # Durability is not what tests measure: fsync off makes schema creation fast.
  local opts="-c listen_addresses='' -k $dir -p $PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t "$START_WAIT_S" start >&2; then
    echo "pg-cluster: the server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    return 1
  fi
  local i
  for ((i = 0; i < READY_TRIES; i++)); do
    as_owner "$bin/pg_isready" -q -h "$dir" -p "$PORT" && break
    sleep 0.5
  done
  if ((i == READY_TRIES)) || ! as_owner "$bin/createdb" -h "$dir" -p "$PORT" -U "$SUPERUSER" "$DBNAME" >&2; then
    echo "pg-cluster: the server started but does not answer; its log:" >&2
    cat "$dir/server.log" >&2 || true
    stop "$dir"
    return 1
  fi
  echo "export GLOBEDESK_TEST_PG_DIR='$dir'"
  echo "export GLOBEDESK_TEST_DATABASE_URL='postgres://$SUPERUSER@localhost:$PORT/$DBNAME?host=$dir'"
}

stop() {
  local dir="${1:-}"
  [[ -n "$dir" && -d "$dir" ]] || return 0
  local bin
  bin="$(bindir)" || true
  if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
