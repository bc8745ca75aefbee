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
STOCK=100000000

prepare_database
# 128 buyers with the password "bench-password" (bcrypt, cost 10), and the hot product with plenty of stock.
hash=$(psql -Atqc "SELECT password_hash FROM users WHERE email = 'demo@atrium.dev'")
psql -qc "INSERT INTO users (email, password_hash, first_name, last_name)
          SELECT 'buyer' || n || '@bench.example', '$hash', 'Bench', 'Buyer' || n FROM generate_series(1, 128) n
          ON CONFLICT DO NOTHING"
shop=$(psql -Atqc "SELECT id FROM shops ORDER BY id LIMIT 1")
product=$(psql -Atqc "INSERT INTO products (sku, name, price) VALUES ('BENCH-HOT', 'Bench hot item', 9.99)
                      ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name RETURNING id")
user=$(psql -Atqc "SELECT id FROM users WHERE email = 'buyer1@bench.example'")

start_atrium
echo "== signing in 128 buyers"
: >"$work/tokens"
for n in $(seq 1 128); do
  answer=$(curl -fs -H 'Content-Type: application/json' \
    -d "{\"email\":\"buyer$n@bench.example\",\"password\":\"demo-password\"}" \
    "http://127.0.0.1:$BENCH_PORT/api/auth")
  echo "$answer" | sed -E 's/.*"access":"([^"]+)".*/\1/' >>"$work/tokens"
done

restock() { psql -qc "INSERT INTO stock (shop_id, product_id, quantity) VALUES ($shop, $product, $STOCK)
                      ON CONFLICT (shop_id, product_id) DO UPDATE SET quantity = $STOCK"; }
sold() { psql -Atqc "SELECT $STOCK - quantity FROM stock WHERE shop_id = $shop AND product_id = $product"; }
lines() { psql -Atqc "SELECT count(*) FROM order_lines WHERE product_id = $product"; }

echo "== warm-up (20 s, not counted)"
restock
wrk -t2 -c64 -d20s -s bench/orders-hot-product.lua "http://127.0.0.1:$BENCH_PORT" -- "$work/tokens" "$product" >/dev/null
for clients in "${counts[@]}"; do
  restock
  before=$(lines)
  echo "== Atrium: wrk -t2 -c$clients -d${seconds}s POST /api/order (one hot product)"
  wrk -t2 -c"$clients" -d"${seconds}s" --latency -s bench/orders-hot-product.lua "http://127.0.0.1:$BENCH_PORT" \
    -- "$work/tokens" "$product"
  echo "   units taken from stock: $(sold); order lines written: $(( $(lines) - before ))"
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
