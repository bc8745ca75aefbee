#!/usr/bin/env bash
# The catalogue listing under load: GET /api/products?page=N&limit=50 (random page of the 1000 demo products) with
# wrk, next to pgbench running the same SQL statement with the same number of clients.
#
# Usage: bench/products-listing.sh [clients] [seconds]      (build first: ./mvnw -q package -DskipTests)
#
# The 20 pages drawn are soon all in Atrium's memory (atrium.catalogue.cache), so this measures pages answered from it.
# To measure the queries themselves, as before that memory, run it with the memory's lifetime at zero (concurrent
# requests for one page still share one read):
#   ATRIUM_CATALOGUE_CACHE_TIME_TO_LIVE=0s bench/products-listing.sh 64 30
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
clients=${1:-64}
seconds=${2:-30}
trap stop_atrium EXIT

prepare_database
start_atrium
echo "== warm-up (15 s, not counted)"
wrk -t2 -c"$clients" -d15s -s bench/products-listing.lua "http://127.0.0.1:$BENCH_PORT" >/dev/null
echo "== Atrium: wrk -t2 -c$clients -d${seconds}s GET /api/products?page=N&limit=50"
wrk -t2 -c"$clients" -d"${seconds}s" --latency -s bench/products-listing.lua "http://127.0.0.1:$BENCH_PORT"
stop_atrium
echo "== raw SQL: pgbench -M prepared -c$clients -j2 -T$seconds (the same statement)"
pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -f bench/products-listing.sql "$BENCH_DB" 2>&1 \
  | grep -E "tps|latency|clients|transactions actually"
