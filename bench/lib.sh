#!/usr/bin/env bash
# Shared by the load scripts: Atrium from target/atrium.jar in external mode, on the benchmarks' own PostgreSQL
# (bench/private-postgres.sh) and the local Redis (database 6), seeded with the demo data.
BENCH_DB=${BENCH_DB:-atrium_bench}
BENCH_PORT=${BENCH_PORT:-18731}
BENCH_REDIS=${BENCH_REDIS:-redis://127.0.0.1:6379/6}
BENCH_PGPORT=${PGPORT:-55432}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
export PGHOST=127.0.0.1 PGPORT=$BENCH_PGPORT PGUSER=postgres PGDATABASE=$BENCH_DB

atrium_env() {
  export ATRIUM_DATABASE_URL="jdbc:postgresql://127.0.0.1:$BENCH_PGPORT/$BENCH_DB"
  export ATRIUM_DATABASE_USERNAME=postgres
  export ATRIUM_REDIS_URL=$BENCH_REDIS
  export ATRIUM_JWT_SECRET=${ATRIUM_JWT_SECRET:-benchmark-signing-key-of-at-least-32-bytes}
  export SERVER_PORT=$BENCH_PORT
  # Every load client comes from 127.0.0.1 and a few demo accounts sign in thousands of times: the abuse limits and
  # the sign-in throttle would refuse them at once. A run that means to measure a limit sets its own value.
  export ATRIUM_SIGN_IN_FAILURES_PER_ACCOUNT=${ATRIUM_SIGN_IN_FAILURES_PER_ACCOUNT:-1000000}
  export ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=${ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_REGISTRATIONS_PER_ADDRESS=${ATRIUM_LIMITS_REGISTRATIONS_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_SEED_SIGN_INS_PER_ACCOUNT=${ATRIUM_LIMITS_SEED_SIGN_INS_PER_ACCOUNT:-1000000}
  export ATRIUM_LIMITS_SEED_SIGN_INS_PER_ADDRESS=${ATRIUM_LIMITS_SEED_SIGN_INS_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_UPLOADS_PER_USER=${ATRIUM_LIMITS_UPLOADS_PER_USER:-1000000}
}

# Creates the database when missing, applies the migrations and loads the demo data.
prepare_database() {
  bench/private-postgres.sh start
  psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 || createdb "$BENCH_DB"
  atrium_env
  "$JAVA" -jar target/atrium.jar seed >/tmp/atrium-bench-seed.log 2>&1 || {
    echo "seed failed:" >&2; tail -30 /tmp/atrium-bench-seed.log >&2; exit 1; }
}

# Starts Atrium in the background (pid in ATRIUM_PID) and waits until it is ready.
start_atrium() {
  atrium_env
  if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/"; then
    echo "Port $BENCH_PORT is taken by something else: choose another with BENCH_PORT" >&2
    exit 1
  fi
  "$JAVA" ${ATRIUM_JVM_OPTS:-} -jar target/atrium.jar >/tmp/atrium-bench.log 2>&1 &
  ATRIUM_PID=$!
  until curl -fs "http://127.0.0.1:$BENCH_PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$ATRIUM_PID" 2>/dev/null || { echo "Atrium exited:" >&2; tail -30 /tmp/atrium-bench.log >&2; exit 1; }
    sleep 0.2
  done
}

stop_atrium() {
  if [ -n "${ATRIUM_PID:-}" ]; then
    kill "$ATRIUM_PID" 2>/dev/null || true
    wait "$ATRIUM_PID" 2>/dev/null || true
    ATRIUM_PID=
  fi
}
