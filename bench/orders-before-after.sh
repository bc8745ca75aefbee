#!/usr/bin/env bash
# Hot-product order throughput of two builds, measured side by side in one run: rounds alternate between the earlier
# build and this one (each on a database and a Redis database of its own, so that neither meets the other's
# migrations), and the medians are compared. A ratio near 1 means "unchanged within noise".
#
# Usage: bench/orders-before-after.sh EARLIER_JAR [rounds] [seconds] [clients] [THIS_JAR]
#   EARLIER_JAR: e.g. built by `git worktree add /tmp/earlier <commit> && (cd /tmp/earlier && ./mvnw -q package -DskipTests)`
#   this build:  THIS_JAR, by default target/atrium.jar (./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
earlier=${1:?usage: bench/orders-before-after.sh EARLIER_JAR [rounds] [seconds] [clients]}
rounds=${2:-3}
seconds=${3:-20}
clients=${4:-64}
this_jar=${5:-target/atrium.jar}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for round in $(seq 1 "$rounds"); do
  for build in earlier this; do
    if [ "$build" = earlier ]; then jar=$earlier redis=6; else jar=$this_jar redis=7; fi
    echo "== round $round, $build build ($jar)"
    ATRIUM_JAR=$jar BENCH_DB=atrium_bench_$build BENCH_REDIS=redis://127.0.0.1:6379/$redis BASELINES=no \
      bench/orders-hot-product.sh "$seconds" "$clients" | tee "$out/$build-$round" | grep -E "Requests/sec|99%|units taken"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for build in earlier this; do
  rate=$(cat "$out/$build"-* | awk '/Requests\/sec/ {print $2}' | median)
  p99=$(cat "$out/$build"-* | awk '$1 == "99%" {v=$2; if (v ~ /us$/) v=v/1000; else if (v ~ /ms$/) v=v+0; else if (v ~ /s$/) v=v*1000; print v}' | median)
  echo "$build build: median $rate orders/s, median p99 $p99 ms over $rounds rounds of ${seconds}s at $clients buyers"
  eval "rate_$build=$rate"
done
awk -v a="$rate_this" -v b="$rate_earlier" 'BEGIN {printf "this build / earlier build: %.2f\n", a / b}'
