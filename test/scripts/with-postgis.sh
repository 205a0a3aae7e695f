#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL + PostGIS cluster: initdb into a temp folder,
# start it on a free loopback port, export DATABASE_URL, run the command, stop and delete.
# Usage: test/scripts/with-postgis.sh <command> [args...]
# PG_EXTRA_OPTS adds server options (e.g. "-c log_min_duration_statement=200"); PG_KEEP_LOG=<file>
# keeps the server log after the run.
set -euo pipefail

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ ! -x "$PG_BIN/initdb" ]]; then
  echo "with-postgis: no PostgreSQL server binaries found (set PG_BIN; Debian: apt-get install postgresql-15 postgresql-15-postgis-3)" >&2
  exit 2
fi
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
DIR="$(mktemp -d /tmp/svm-pg.XXXXXX)"
AS=()
if [[ "$(id -u)" == "0" ]]; then
  chown postgres:postgres "$DIR"
  AS=(runuser -u postgres --)
fi

cleanup() {
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  if [[ -n "${PG_KEEP_LOG:-}" ]]; then cp "$DIR/log" "$PG_KEEP_LOG" || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT

"${AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# autovacuum=off: tests write inside transactions that roll back, so autovacuum would find the
# tables full of dead rows and record them as empty (reltuples 0 over many pages); a later test
# seeding thousands of rows in its own transaction then got 1-row estimates, nested loops and
# minutes-long queries, depending on which test files the worker had run before. Without it a
# clone of the template keeps "never analysed" and the planner sizes tables by their pages.
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -w -l "$DIR/log" \
  -o "-p $PORT -c autovacuum=off -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=512MB ${PG_EXTRA_OPTS:-}" \
  start >/dev/null
echo "with-postgis: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DIR)"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
