# Shared by the AR benchmarks: starts Atrium (the built jar) in external mode on the machine's PostgreSQL and Redis,
# with a database of its own that is dropped afterwards (and a Redis database that is flushed), and signs in the demo
# user the migrations create.
#
# Settings (environment); two runs at once need different values for each. The database and the Redis database have
# names of their own, not bench/lib.sh's, because these scripts drop and flush them:
#   BENCH_PORT              Atrium's port                                (18741)
#   BENCH_AR_REDIS          the Redis database, flushed before and after (redis://127.0.0.1:6379/7)
#   BENCH_AR_DB             the database, dropped before and after       (atrium_bench_ar)
#   PGHOST, PGPORT, PGUSER  the PostgreSQL server                        (127.0.0.1, 5432, postgres)
#   BENCH_DIR               where the run makes its folder, for Atrium's log and the images (/tmp)
#   ATRIUM_JAR              the build to run, so that two builds can be measured one after the other (target/atrium.jar)
#   JAVA_OPTS               the JVM options Atrium serves with (the README's: password hashing at nice 19; set to
#                           nothing to run without them)
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
redis=${BENCH_AR_REDIS:-redis://127.0.0.1:6379/7}
port=${BENCH_PORT:-18741}
base=http://127.0.0.1:$port
database=${BENCH_AR_DB:-atrium_bench_ar}
jar=${ATRIUM_JAR:-target/atrium.jar}
JAVA_OPTS=${JAVA_OPTS-"-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"}
mkdir -p "${BENCH_DIR:-/tmp}"
work=$(mktemp -d "${BENCH_DIR:-/tmp}/atrium-ar-bench-XXXXXX")

stop_atrium() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  dropdb --if-exists "$database" 2>/dev/null || true
  redis-cli -u "$redis" flushdb >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_atrium EXIT

start_atrium() {
  [ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
  dropdb --if-exists "$database" 2>/dev/null
  createdb "$database"
  redis-cli -u "$redis" flushdb >/dev/null
  ATRIUM_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" ATRIUM_DATABASE_USERNAME=$PGUSER \
    ATRIUM_REDIS_URL="$redis" ATRIUM_MIGRATE_ON_START=true \
    ATRIUM_JWT_SECRET=a-benchmark-signing-key-of-at-least-32-bytes SERVER_PORT=$port \
    LOGGING_LEVEL_ROOT=warn "$java" $JAVA_OPTS -jar "$jar" >"$work/atrium.log" 2>&1 &
  pid=$!
  until curl -fs "$base/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "Atrium exited; its log:" >&2; tail -30 "$work/atrium.log" >&2; exit 1; }
    sleep 0.2
  done
  user_token=$(curl -fs "$base/api/auth" -H 'Content-Type: application/json' \
    -d '{"email":"demo@atrium.dev","password":"demo-password"}' | jq -r .access)
}

# api METHOD PATH [JSON body or @file]: the demo user's call, answering the body.
api() {
  curl -fs -X "$1" "$base$2" -H "Authorization: Bearer $user_token" -H 'Content-Type: application/json' ${3:+--data-binary "$3"}
}

# image_body FILE DESCRIPTION: writes the JSON body of an image target for FILE to stdout.
image_body() {
  printf '{"description":"%s","image":"' "$2"
  base64 -w0 "$1"
  printf '"}'
}

# measure LABEL wrk-arguments...: one wrk run, printed as "label: requests/s, latency p50 / p99, status counts".
measure() {
  local label=$1 out
  shift
  # A file of its own, so that two measures may run at once.
  out=$(mktemp "$work/wrk-XXXXXX")
  wrk --latency "$@" -s bench/ar/report.lua >"$out" 2>&1
  printf '%-44s %s\n' "$label" "$(grep -E '^RESULT' "$out" | cut -c8-)"
}
