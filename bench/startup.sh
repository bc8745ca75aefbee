#!/usr/bin/env bash
# Time from launch to /actuator/health/readiness = UP in embedded mode, first on an empty data directory (cold:
# initdb, migrations, demo data) and then on the same directory (warm), and the memory of Atrium with its embedded
# PostgreSQL and Redis once idle (proportional set size, so PostgreSQL's shared buffers are counted once).
#
# Usage: bench/startup.sh [jar|aot] [warm runs]
#   jar  java -jar target/atrium.jar                                  (build first: ./mvnw -q package -DskipTests)
#   aot  the jar extracted, with a JDK 25 AOT cache made by one training run
# Settings (environment): BENCH_PORT, Atrium's port (18080); BENCH_DIR, where the run makes its folder for the data
# directory, the log and the extracted jar (/tmp). The embedded PostgreSQL and Redis take free ports of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-jar}
runs=${2:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
port=${BENCH_PORT:-18080}
mkdir -p "${BENCH_DIR:-/tmp}"
work=$(mktemp -d "${BENCH_DIR:-/tmp}/atrium-startup-XXXXXX")
data=$work/data
trap 'kill "${pid:-}" 2>/dev/null; sleep 2; rm -rf "$work"' EXIT

# The options Atrium serves with (README, "Commands"): password hashing at nice 19.
priority=(-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19)
case $mode in
  jar) launch=("${priority[@]}" -jar target/atrium.jar) ;;
  aot)
    "$java" -Djarmode=tools -jar target/atrium.jar extract --destination "$work/app" >/dev/null
    launch=("${priority[@]}" -XX:AOTCache="$work/app.aot" -jar "$work/app/atrium.jar") ;;
  *) echo "usage: $0 [jar|aot] [warm runs]" >&2; exit 2 ;;
esac

start_once() { # sets pid and elapsed (ms)
  local started
  started=$(date +%s%N)
  ATRIUM_DATA_DIR="$data" SERVER_PORT=$port "$java" "$@" >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "Atrium exited; its log:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
}

pss_mb() { # one process
  awk '/^Pss:/{print int($2/1024)}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}

memory() { # "JVM n MB, all n MB": the JVM, its Redis child, and the PostgreSQL processes of its data directory
  local jvm total=0 postmaster
  jvm=$(pss_mb "$pid")
  postmaster=$(pgrep -f -- "-D $data/postgres" | head -1 || true)
  for p in $pid $(pgrep -P "$pid" || true) $postmaster $( [ -n "$postmaster" ] && pgrep -P "$postmaster" || true); do
    total=$(( total + $(pss_mb "$p") ))
  done
  echo "JVM ${jvm} MB, JVM + PostgreSQL + Redis ${total} MB"
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

if [ "$mode" = aot ]; then
  # Training run: the JVM records the classes it loaded and writes the cache when it exits.
  start_once "${priority[@]}" -XX:AOTCacheOutput="$work/app.aot" -jar "$work/app/atrium.jar"
  stop
  echo "training run (cold data, writes the AOT cache): ${elapsed} ms"
else
  start_once "${launch[@]}"
  sleep 10
  echo "cold start to ready: ${elapsed} ms; idle memory: $(memory)"
  stop
fi
for i in $(seq "$runs"); do
  start_once "${launch[@]}"
  sleep 10
  echo "warm start $i to ready: ${elapsed} ms; idle memory: $(memory)"
  stop
done
