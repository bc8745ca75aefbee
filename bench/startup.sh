#!/usr/bin/env bash
# Time from launch to /actuator/health/readiness = UP in embedded mode, first on an empty data directory (cold:
# initdb, migrations, demo data) and then on the same directory (warm), and the memory of Atrium with its embedded
# PostgreSQL and Redis once idle (proportional set size, so PostgreSQL's shared buffers are counted once).
#
# Usage: bench/startup.sh [jar|aot] [warm runs]
#   jar  java -jar target/atrium.jar                                  (build first: ./mvnw -q package -DskipTests)
#   aot  the jar extracted, with a JDK 25 AOT cache recorded as the container image records it: one training run
#        without a database or Redis that ends once the context is refreshed (see the Dockerfile)
# Last, the median of the warm starts. The cold start of aot mode is the first start with the cache.
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
trap 'kill "${pid:-}" 2>/dev/null || true; sleep 2; rm -rf "$work"' EXIT

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
  # The Dockerfile's training run: the JVM records what the context's start loaded, and writes the cache as it exits.
  started=$(date +%s%N)
  (cd "$work" && "$java" "${priority[@]}" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$work/app/atrium.jar" \
    --atrium.database.url=jdbc:postgresql://127.0.0.1:1/training --atrium.redis.url=redis://127.0.0.1:1 \
    --atrium.jwt.secret=a-training-run-key-that-signs-nothing-0123456789 --spring.data.jdbc.dialect=postgresql \
    >"$work/training.log" 2>&1) || { echo "the training run failed; its log:" >&2; tail -30 "$work/training.log" >&2; exit 1; }
  echo "training run (no database, writes the AOT cache): $(( ($(date +%s%N) - started) / 1000000 )) ms"
fi
start_once "${launch[@]}"
sleep 10
echo "cold start to ready: ${elapsed} ms; idle memory: $(memory)"
stop
warm=()
for i in $(seq "$runs"); do
  start_once "${launch[@]}"
  warm+=("$elapsed")
  sleep 10
  echo "warm start $i to ready: ${elapsed} ms; idle memory: $(memory)"
  stop
done
median=$(printf '%s\n' "${warm[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "$mode: median warm start to ready: ${median} ms over ${runs} runs"
