#!/usr/bin/env bash
# A PostgreSQL 15 cluster of the benchmarks' own, so that pgbench can open 128 connections next to Atrium's pool
# without touching a shared server's settings. Durable commits, as in production: fsync and synchronous_commit on.
#
# Usage: bench/private-postgres.sh start|stop|url
#   PGBIN     where the PostgreSQL binaries are (default /usr/lib/postgresql/15/bin)
#   PGDATA    the cluster's directory           (default /tmp/atrium-bench-pg)
#   PGPORT    its port                           (default 55432)
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${PGDATA:-/tmp/atrium-bench-pg}
PGPORT=${PGPORT:-55432}

as_owner() { # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case ${1:-} in
  start)
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
      as_owner "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w start -o "\
        -p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB \
        -c fsync=on -c synchronous_commit=on -c full_page_writes=on" >/dev/null
    fi
    echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT, data in $PGDATA"
    ;;
  stop)
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null && echo "stopped"
    ;;
  url)
    echo "jdbc:postgresql://127.0.0.1:$PGPORT/${2:-atrium_bench}"
    ;;
  *)
    echo "usage: $0 start|stop|url [database]" >&2
    exit 2
    ;;
esac
