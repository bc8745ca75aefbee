#!/usr/bin/env bash
# Orders on one hot product, Atrium against the raw SQL, fairly: the same durable PostgreSQL, both sides warmed up,
# the sides taking turns in every round (reversed each round, so that drift of a noisy machine falls on both), medians
# over the rounds, and every Atrium run checked: order lines written = units taken from stock = orders answered 201 (plus at most one
# per connection still on its way when wrk stopped counting).
#
# Atrium's pool holds 16 database connections, whatever the number of HTTP clients; so the naive transaction
# (bench/orders-hot-product-naive.sql: one order per transaction, as most shops do it) is measured at 16 clients, the
# same number of database connections, and at 64, as many clients as Atrium's HTTP side. Atrium's own statement
# (bench/orders-hot-product-atrium-sql.sql) at 16 clients shows what its SQL alone does.
#
# Usage: bench/orders-fair.sh [rounds] [seconds]          (3, 15; build first: ./mvnw -q package -DskipTests)
#   and everything bench/lib.sh reads (BENCH_DB, BENCH_PORT, BENCH_REDIS, PGPORT, ...): two runs never collide.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rounds=${1:-3}
seconds=${2:-15}
trap stop_atrium EXIT
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/orders-fair-XXXXXX")

prepare_hot_product
start_atrium
sign_in_buyers "$work/tokens"

atrium() { # clients
  restock
  local before out created written taken
  before=$(lines)
  out=$(wrk -t2 -c"$1" -d"${seconds}s" --latency -s bench/orders-hot-product.lua "http://127.0.0.1:$BENCH_PORT" \
    -- "$work/tokens" "$product")
  created=$(echo "$out" | awk '/orders answered 201/ {print $4}')
  written=$(( $(lines) - before ))
  taken=$(sold)
  # wrk stops counting at the deadline while up to one order per connection is still on its way: those are
  # written, but their 201 is never read.
  if [ "$written" != "$taken" ] || (( written < created || written > created + $1 )); then
    echo "   MISMATCH: $created answered 201, $written order lines written, $taken units taken" | tee -a "$work/mismatches" >&2
  fi
  echo "$out" | awk -v created="$created" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    END { printf "%s %s %s\n", rps, p99, created }'
}
raw() { # script clients
  restock
  pgbench -n -M prepared -c "$2" -j 2 -T "$seconds" -D shop="$shop" -D product="$product" -D user="$user" \
    -f "bench/orders-hot-product-$1.sql" "$BENCH_DB" 2>&1 | awk '/^tps/ {tps = $3} /latency average/ {lat = $4}
      END { printf "%s %s -\n", tps, lat }'
}
sides=("atrium 64" "atrium 16" "raw naive 16" "raw naive 64" "raw atrium-sql 16")
names=("Atrium, 64 HTTP clients (pool of 16)" "Atrium, 16 HTTP clients (pool of 16)" "naive SQL, pgbench 16 clients"
  "naive SQL, pgbench 64 clients" "Atrium's SQL, pgbench 16 clients")

echo "== warm-up, not counted: each side for 10 s"
counted=$seconds seconds=10
for side in "${sides[@]}"; do eval "$side" >/dev/null; done
seconds=$counted

for round in $(seq 1 "$rounds"); do
  order=("${!sides[@]}")
  if (( round % 2 == 0 )); then order=($(printf '%s\n' "${order[@]}" | tac)); fi
  for i in "${order[@]}"; do
    result=$(eval "${sides[$i]}")
    echo "   round $round, ${names[$i]}: $result (per second, p99 or mean ms, 201s)"
    echo "$result" | awk '{print $1}' >>"$work/rate-$i"
  done
done

echo
echo "| side | orders/s (median of $rounds rounds of ${seconds} s) | Atrium at 64 clients / this side |"
echo "| --- | ---: | ---: |"
atrium64=$(median <"$work/rate-0")
for i in "${!sides[@]}"; do
  rate=$(median <"$work/rate-$i")
  awk -v n="${names[$i]}" -v r="$rate" -v a="$atrium64" 'BEGIN { printf "| %s | %.0f | %.2f |\n", n, r, a / r }'
done
if [ -s "$work/mismatches" ]; then echo "Checks FAILED in $(wc -l <"$work/mismatches") runs"; exit 1; fi
echo "Every Atrium run: order lines written = units taken = 201 answers (+ those in flight when wrk stopped)."
rm -rf "$work"
