#!/usr/bin/env bash
# Orders on one hot product while the catalogue is read at full speed: do orders keep their rate, and how far behind
# is the stock that pages show? In every round, orders alone (wrk, 64 buyers) and then orders with the catalogue read
# beside them (a second wrk, 64 connections on GET /api/products pages, plus bench/stock-staleness.py reading the
# page that lists the hot product and sampling its stock in PostgreSQL). Medians over the rounds; the aim is orders at
# 80 % or more of their rate alone, and no page more than the 1 s staleness bound behind the stock.
# Every run is checked: order lines written = units taken from stock = orders answered 201 (plus at most one per
# connection still on its way when wrk stopped counting).
#
# Usage: bench/orders-and-reads.sh [rounds] [seconds]     (3, 15; build first: ./mvnw -q package -DskipTests)
#   and everything bench/lib.sh reads (BENCH_DB, BENCH_PORT, BENCH_REDIS, PGPORT, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rounds=${1:-3}
seconds=${2:-15}
trap stop_atrium EXIT
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/orders-reads-XXXXXX")
url=http://127.0.0.1:$BENCH_PORT

prepare_hot_product
start_atrium
sign_in_buyers "$work/tokens"

orders() { # the file the wrk output goes to
  wrk -t1 -c64 -d"${seconds}s" --latency -s bench/orders-hot-product.lua "$url" -- "$work/tokens" "$product" >"$1"
}
checked() { # before, wrk output file: prints orders/s
  local created written taken
  created=$(awk '/orders answered 201/ {print $4}' "$2")
  written=$(( $(lines) - $1 ))
  taken=$(sold)
  # wrk stops counting at the deadline while up to one order per connection (64) is still on its way.
  if [ "$written" != "$taken" ] || (( written < created || written > created + 64 )); then
    echo "   MISMATCH: $created answered 201, $written order lines written, $taken units taken" | tee -a "$work/mismatches" >&2
  fi
  awk '/Requests\/sec/ {print $2}' "$2"
}

echo "== warm-up, not counted: orders with reads for 30 s"
restock
wrk -t1 -c64 -d30s -s bench/products-listing.lua "$url" >/dev/null &
warm_reads=$!
wrk -t1 -c64 -d30s -s bench/orders-hot-product.lua "$url" -- "$work/tokens" "$product" >/dev/null
wait "$warm_reads"

for round in $(seq 1 "$rounds"); do
  restock; before=$(lines)
  orders "$work/alone"
  alone=$(checked "$before" "$work/alone")
  restock; before=$(lines)
  wrk -t1 -c64 -d"${seconds}s" --latency -s bench/products-listing.lua "$url" >"$work/reads" &
  reads_pid=$!
  python3 bench/stock-staleness.py "$url" "$shop" "$product" "$seconds" >"$work/staleness" &
  staleness_pid=$!
  orders "$work/mixed"
  wait "$reads_pid" "$staleness_pid"
  mixed=$(checked "$before" "$work/mixed")
  reads=$(awk '/Requests\/sec/ {print $2}' "$work/reads")
  lag=$(sed -E 's/.*max lag ([0-9]+) ms.*/\1/' "$work/staleness")
  echo "   round $round: orders alone $alone/s; with reads $mixed/s beside $reads reads/s; $(cat "$work/staleness")"
  echo "$alone" >>"$work/alone-rates"; echo "$mixed" >>"$work/mixed-rates"; echo "$reads" >>"$work/read-rates"
  echo "$lag" >>"$work/lags"
done

alone=$(median <"$work/alone-rates"); mixed=$(median <"$work/mixed-rates"); reads=$(median <"$work/read-rates")
worst=$(sort -n "$work/lags" | tail -1)
echo
echo "| orders alone | orders with reads | reads beside them | orders kept | largest stock lag seen |"
echo "| ---: | ---: | ---: | ---: | ---: |"
awk -v a="$alone" -v m="$mixed" -v r="$reads" -v l="$worst" \
  'BEGIN { printf "| %.0f/s | %.0f/s | %.0f/s | %.0f %% | %d ms |\n", a, m, r, 100 * m / a, l }'
echo "(medians of $rounds rounds of $seconds s; the lag is the largest over every page read of every round)"
if [ -s "$work/mismatches" ]; then echo "Checks FAILED in $(wc -l <"$work/mismatches") runs"; exit 1; fi
echo "Every run: order lines written = units taken = 201 answers (+ those in flight when wrk stopped)."
rm -rf "$work"
