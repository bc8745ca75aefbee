#!/usr/bin/env bash
# A rolling restart under load: two replicas behind nginx (deploy/replicas.sh), wrk reading the catalogue through nginx
# for 100 s, while each replica in turn is stopped with SIGTERM (graceful shutdown) and started again. Prints wrk's
# summary: a rolling update that drops nothing shows no non-2xx answers and no socket errors.
#
# Usage: bench/rolling-restart.sh [connections]   (default 16; build first: ./mvnw -q package -DskipTests)
# Ports, databases and the run's folder are deploy/replicas.sh's (ATRIUM_CI_PORT, ATRIUM_CI_REPLICA_PORTS,
# ATRIUM_CI_DATABASE, ATRIUM_CI_REDIS, ATRIUM_CI_DIR, ...): set them there for a run beside another.
set -euo pipefail
cd "$(dirname "$0")/.."
run=${ATRIUM_CI_DIR:-/tmp/atrium-replicas}
nginx_port=${ATRIUM_CI_PORT:-8088}
read -r -a replica_ports <<<"${ATRIUM_CI_REPLICA_PORTS:-18081 18082}"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
connections=${1:-16}
trap 'deploy/replicas.sh stop' EXIT
deploy/replicas.sh start

# A replica starts again with exactly the environment deploy/replicas.sh gave the first one (database, Redis, key,
# trusted proxies, public base URL, anything else it passed on), read from that process, its own port aside.
settings=()
while IFS= read -r -d '' variable; do
  case $variable in SERVER_PORT=*) ;; *) settings+=("$variable") ;; esac
done <"/proc/$(cat "$run/replica-${replica_ports[0]}.pid")/environ"

restart() { # port
  local pid
  pid=$(cat "$run/replica-$1.pid")
  echo "$(date +%T) stopping the replica on $1 (SIGTERM)"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "$(date +%T) starting it again"
  env -i "${settings[@]}" SERVER_PORT="$1" "$java" -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 \
    -jar target/atrium.jar >>"$run/logs/replica-$1.log" 2>&1 &
  pid=$!
  echo "$pid" >"$run/replica-$1.pid"
  until curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "The replica on $1 exited; its log:" >&2; tail -30 "$run/logs/replica-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(date +%T) the replica on $1 is ready"
}

# nginx's log is the record of what clients were answered; wrk's own timeout is long enough not to count a slow answer
# (a replica warming up on two busy cores) as a dropped one.
: >"$run/logs/nginx-access.log"
wrk -t2 -c"$connections" -d100s --timeout 30s --latency -s bench/products-listing.lua "http://127.0.0.1:$nginx_port" \
  >"$run/rolling-wrk.txt" 2>&1 &
load=$!
sleep 5
for port in "${replica_ports[@]}"; do
  restart "$port"
  sleep 3
done
wait "$load"
grep -E "requests in|Requests/sec|Non-2xx|Socket errors|99%" "$run/rolling-wrk.txt" || true
echo "Statuses nginx answered:"
awk '{print $9}' "$run/logs/nginx-access.log" | sort | uniq -c
if grep -q -E "Non-2xx|Socket errors" "$run/rolling-wrk.txt"; then
  echo "Some requests were dropped"
  exit 1
fi
echo "No request was dropped"
