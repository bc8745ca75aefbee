#!/usr/bin/env bash
# A rolling restart under load: two replicas behind nginx (deploy/replicas.sh), wrk reading the catalogue through nginx
# for 100 s, while each replica in turn is stopped with SIGTERM (graceful shutdown) and started again. Prints wrk's
# summary: a rolling update that drops nothing shows no non-2xx answers and no socket errors.
#
# Usage: bench/rolling-restart.sh [connections]   (default 16; build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
run=${ATRIUM_CI_DIR:-/tmp/atrium-replicas}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
connections=${1:-16}
trap 'deploy/replicas.sh stop' EXIT
deploy/replicas.sh start

restart() { # port
  local pid
  pid=$(cat "$run/replica-$1.pid")
  echo "$(date +%T) stopping the replica on $1 (SIGTERM)"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "$(date +%T) starting it again"
  ( export ATRIUM_DATABASE_URL ATRIUM_REDIS_URL ATRIUM_JWT_SECRET SERVER_FORWARD_HEADERS_STRATEGY=native
    SERVER_PORT=$1 "$java" -jar target/atrium.jar >>"$run/logs/replica-$1.log" 2>&1 & echo $! >"$run/replica-$1.pid" )
  until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done
  echo "$(date +%T) the replica on $1 is ready"
}

# The replicas' settings, as deploy/replicas.sh gave them.
ATRIUM_DATABASE_URL=$(tr '\0' '\n' <"/proc/$(cat "$run/replica-18081.pid")/environ" | sed -n 's/^ATRIUM_DATABASE_URL=//p')
ATRIUM_REDIS_URL=$(tr '\0' '\n' <"/proc/$(cat "$run/replica-18081.pid")/environ" | sed -n 's/^ATRIUM_REDIS_URL=//p')
ATRIUM_JWT_SECRET=$(tr '\0' '\n' <"/proc/$(cat "$run/replica-18081.pid")/environ" | sed -n 's/^ATRIUM_JWT_SECRET=//p')

# nginx's log is the record of what clients were answered; wrk's own timeout is long enough not to count a slow answer
# (a replica warming up on two busy cores) as a dropped one.
: >"$run/logs/nginx-access.log"
wrk -t2 -c"$connections" -d100s --timeout 30s --latency -s bench/products-listing.lua http://127.0.0.1:8088 >"$run/rolling-wrk.txt" 2>&1 &
load=$!
sleep 5
restart 18081
sleep 3
restart 18082
wait "$load"
grep -E "requests in|Requests/sec|Non-2xx|Socket errors|99%" "$run/rolling-wrk.txt" || true
echo "Statuses nginx answered:"
awk '{print $9}' "$run/logs/nginx-access.log" | sort | uniq -c
if grep -q -E "Non-2xx|Socket errors" "$run/rolling-wrk.txt"; then
  echo "Some requests were dropped"
  exit 1
fi
echo "No request was dropped"
