#!/usr/bin/env bash
# Orders per second on one hot product: wrk POSTing /api/order (one unit each) from 64 and from 128 signed-in buyers
# at once, next to pgbench running the order transaction with the same numbers of clients. Durable commits throughout
# (fsync and synchronous_commit on). Checks afterwards that not one unit was oversold.
#
# Usage: bench/orders-hot-product.sh [seconds] [client counts...]   (build first: ./mvnw -q package -DskipTests)
# BASELINES=no skips the pgbench runs (bench/orders-before-after.sh measures two builds of Atrium alone).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-30}
shift || true
counts=("${@:-64 128}")
read -r -a counts <<<"${counts[*]}"
trap stop_atrium EXIT
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/orders-XXXXXX")

prepare_hot_product
start_atrium
sign_in_buyers "$work/tokens"

echo "== warm-up (20 s, not counted)"
restock
wrk -t2 -c64 -d20s -s bench/orders-hot-product.lua "http://127.0.0.1:$BENCH_PORT" -- "$work/tokens" "$product" >/dev/null
for clients in "${counts[@]}"; do
  restock
  before=$(lines)
  echo "== Atrium: wrk -t2 -c$clients -d${seconds}s POST /api/order (one hot product)"
  wrk -t2 -c"$clients" -d"${seconds}s" --latency -s bench/orders-hot-product.lua "http://127.0.0.1:$BENCH_PORT" \
    -- "$work/tokens" "$product"
  echo "   units taken from stock: $(sold); order lines written: $(( $(lines) - before )) (each should equal the 201 answers)"
done
stop_atrium
[ "${BASELINES:-yes}" = no ] && { rm -rf "$work"; exit 0; }
for script in naive atrium-sql; do
  for clients in "${counts[@]}"; do
    restock
    echo "== pgbench ($script): -M prepared -c$clients -j2 -T$seconds"
    pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -D shop="$shop" -D product="$product" -D user="$user" \
      -f "bench/orders-hot-product-$script.sql" "$BENCH_DB" 2>&1 | grep -E "^tps|latency average"
  done
done
rm -rf "$work"
