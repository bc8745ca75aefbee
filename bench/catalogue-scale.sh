#!/usr/bin/env bash
# The catalogue as it grows: for each size, the database is seeded to that many products (java -jar atrium.jar seed
# --products N, which only adds what is missing, so the sizes go up in one database, and a database seeded to 1M once
# is reused by later runs), vacuumed, and each case of GET /api/products is measured with wrk, then the same SQL
# statements Atrium runs for it (see ProductListing: a search or filter counts first, then chooses its page) with
# pgbench, one transaction per page, side by side. Prints one markdown table per size: median and p99 latency of every
# case, through Atrium and raw. A size below the database's catalogue is skipped (use another BENCH_DB for it).
#
# Usage: bench/catalogue-scale.sh [sizes...]        (default 10000 100000 1000000; build first: ./mvnw -q package -DskipTests)
#   CASE_SECONDS  how long each case runs, for wrk and for pgbench alike     (5)
#   CLIENTS       connections of wrk and clients of pgbench                  (4)
#   and everything bench/lib.sh reads (BENCH_DB, BENCH_PORT, PGPORT, ...): the run's database, ports and folders.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${CASE_SECONDS:-5}
clients=${CLIENTS:-4}
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000 1000000)
trap stop_atrium EXIT

# A word in many generated authors' names, and one in none.
hit=okafor
miss=zzyzxq

shop="WITH shop AS (SELECT id FROM shops ORDER BY (lower(name) = lower('')) DESC, id LIMIT 1)"
columns="SELECT p.id, p.name, p.description, coalesce(s.price, p.price) AS price, p.price AS list_price,
  coalesce(s.quantity, 0) AS quantity, s.shop_id IS NOT NULL AS sold, p.author, p.isbn, p.publisher, p.year,
  p.photo_key, (SELECT id FROM shop) AS shop_id"
join="LEFT JOIN stock s ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop)"
kept="(SELECT products FROM catalogue_size)"
search() { echo "(p.name ILIKE '%$1%' OR p.description ILIKE '%$1%' OR p.author ILIKE '%$1%')"; }
# The catalogue's price range through the price indexes: list prices the shop does not override, and its own prices.
priced() { # min, max
  echo "SELECT own.product_id AS id FROM stock own WHERE own.shop_id = (SELECT id FROM shop) AND own.price IS NOT NULL
    AND own.price >= $1 AND own.price <= $2 UNION ALL SELECT listed.id FROM products listed WHERE true
    AND listed.price >= $1 AND listed.price <= $2 AND NOT EXISTS (SELECT 1 FROM stock own
    WHERE own.shop_id = (SELECT id FROM shop) AND own.product_id = listed.id AND own.price IS NOT NULL)"
}
# The statements of ProductListing. Unfiltered: one, the ids walked in the ordering's index and the kept count.
unfiltered() { # offset, order
  echo "$shop, chosen AS (SELECT p.id FROM products p WHERE true ORDER BY $2 LIMIT 50 OFFSET $1) $columns, $kept AS total
  FROM chosen JOIN products p ON p.id = chosen.id $join ORDER BY $2;"
}
# A search or filter: the bounded count (and the list's size) first, then, as the count says: nothing more (no
# match), or PostgreSQL's estimate (more than 10,000) and the ids walked in the ordering's index (walked rows under
# ten times the matches), or else the matches sorted. The count is run here to choose the same statements.
filtered() { # offset, FROM and WHERE of the matches, what the count reads, the walk's FROM and WHERE
  local offset=$1 matches=$2 counted_from=$3 walk=$4 limit counted size count statements estimate
  limit=$((offset + 51)); ((limit < 10000)) && limit=10000
  statements="$shop SELECT (SELECT count(*) FROM (SELECT 1 $counted_from LIMIT $limit) AS matches) AS matches, $kept AS products;"
  IFS='|' read -r counted size < <(psql -XAtqc "$statements")
  if ((counted <= offset)); then echo "$statements"; return; fi
  count=$counted
  if ((counted >= limit)); then
    estimate="EXPLAIN (FORMAT JSON) $shop SELECT 1 $matches;"
    count=$(psql -XAtqc "$estimate" | grep -m1 -o '"Plan Rows": [0-9.]*' | grep -o '[0-9.]*$' | cut -d. -f1)
    ((count < counted)) && count=$counted
    statements="$statements $estimate"
    if awk -v o=$((offset + 50)) -v n="$size" -v m="$count" 'BEGIN { exit !(o * n < 10 * m * m) }'; then
      echo "$statements $shop, chosen AS (SELECT p.id $walk ORDER BY p.id LIMIT 50 OFFSET $offset) $columns
        FROM chosen JOIN products p ON p.id = chosen.id $join ORDER BY p.id;"
      return
    fi
  fi
  echo "$statements $shop, chosen AS (SELECT p.id $matches ORDER BY (p.id + 0) LIMIT 50 OFFSET $offset) $columns
    FROM chosen JOIN products p ON p.id = chosen.id $join ORDER BY p.id;"
}
by_text() { # word
  filtered 0 "FROM products p $join WHERE true AND $(search "$1")" "FROM products p $join WHERE true AND $(search "$1")" \
    "FROM products p WHERE true AND $(search "$1")"
}

row() { # name, request ("-" for SQL only), SQL: one line, tab-separated (no empty field: read would merge tabs)
  printf '%s\t%s\t%s\n' "$1" "$2" "$(tr -s '\n ' '  ' <<<"$3")"
}

# One line per case: name, request, SQL.
cases() {
  local size=$1 page
  page=$(((size + 49) / 50)); ((page > 10000)) && page=10000
  row "first page" "/api/products?page=1&limit=50" "$(unfiltered 0 p.id)"
  row "page $page" "/api/products?page=$page&limit=50" "$(unfiltered $(((page - 1) * 50)) p.id)"
  local before # the product just before page $page, for the keyset that gives the same page
  before=$(psql -XAtqc "SELECT id FROM products ORDER BY id LIMIT 1 OFFSET $(((page - 1) * 50 - 1))")
  row "page $page as after=$before" "/api/products?after=$before&limit=50" \
    "$shop, chosen AS (SELECT p.id FROM products p WHERE true AND p.id > $before ORDER BY p.id LIMIT 50 OFFSET 0)
    $columns, $kept AS total FROM chosen JOIN products p ON p.id = chosen.id $join ORDER BY p.id;"
  row "first page by name" "/api/products?page=1&limit=50&ordering=name" "$(unfiltered 0 "p.name, p.id")"
  row "page $page by name" "/api/products?page=$page&limit=50&ordering=name" \
    "$(unfiltered $(((page - 1) * 50)) "p.name, p.id")"
  row "search with hits (q=$hit)" "/api/products?q=$hit" "$(by_text $hit)"
  row "search, no hits (q=$miss)" "/api/products?q=$miss" "$(by_text $miss)"
  row "price 10 to 20" "/api/products?min_price=10&max_price=20" \
    "$(filtered 0 "FROM ($(priced 10 20)) AS priced JOIN products p ON p.id = priced.id $join WHERE true" \
      "FROM ($(priced 10 20)) AS priced" \
      "FROM products p $join WHERE true AND coalesce(s.price, p.price) >= 10 AND coalesce(s.price, p.price) <= 20")"
  row "price 1000 to 2000 (no hits)" "/api/products?min_price=1000&max_price=2000" \
    "$(filtered 0 "FROM ($(priced 1000 2000)) AS priced JOIN products p ON p.id = priced.id $join WHERE true" \
      "FROM ($(priced 1000 2000)) AS priced" \
      "FROM products p $join WHERE true AND coalesce(s.price, p.price) >= 1000 AND coalesce(s.price, p.price) <= 2000")"
  row "in stock" "/api/products?in_stock=true" \
    "$(filtered 0 "FROM products p $join WHERE true AND s.quantity > 0" "FROM products p $join WHERE true AND s.quantity > 0" \
      "FROM products p $join WHERE true AND s.quantity > 0")"
  row "count: kept (catalogue_size)" - "SELECT products FROM catalogue_size;"
  row "count: count(*), for comparison" - "SELECT count(*) FROM products;"
}

wrk_latency() { # url -> "p50<TAB>p99"
  wrk -t2 -c"$clients" -d"${seconds}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
    END { printf "%.1f ms\t%.1f ms%s\n", p50, p99, bad ? " (" bad " not 2xx)" : "" }'
}

pgbench_latency() { # sql -> "p50 p99" in ms, from pgbench's per-transaction log
  local dir
  dir=$(mktemp -d)
  printf '%s\n' "$1" | tr '\n' ' ' >"$dir/statement.sql"
  (cd "$dir" && pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -l --log-prefix=tx -f statement.sql \
    "$BENCH_DB" >/dev/null 2>"$dir/errors") || { echo "pgbench failed: $(tail -3 "$dir/errors")" >&2; }
  cat "$dir"/tx* 2>/dev/null | awk '{ print $3 / 1000 }' | sort -n | awk '
    { v[NR] = $1 }
    END { if (NR == 0) { print "-\t-"; exit } p99 = int(NR * 0.99); if (p99 < 1) p99 = 1
          printf "%.1f ms\t%.1f ms\n", v[int((NR + 1) / 2)], v[p99] }'
  rm -rf "$dir"
}

bench/private-postgres.sh start >/dev/null
psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 || createdb "$BENCH_DB"
atrium_env
mkdir -p "$BENCH_DIR"
for size in "${sizes[@]}"; do
  echo "== seeding to $size products" >&2
  start=$(date +%s.%N)
  "$JAVA" -jar "$ATRIUM_JAR" seed --products "$size" >"$BENCH_DIR/seed-$size.log" 2>&1 || {
    echo "seed failed:" >&2; tail -30 "$BENCH_DIR/seed-$size.log" >&2; exit 1; }
  seeded=$(echo "$(date +%s.%N) - $start" | bc)
  actual=$(psql -XAtqc "SELECT products FROM catalogue_size")
  if ((actual != size)); then # the seed only adds: a larger catalogue stays as it is
    echo "skipping $size: $BENCH_DB has $actual products (sizes go up in one database; another BENCH_DB starts afresh)" >&2
    continue
  fi
  psql -qc "VACUUM (ANALYZE) products" -c "VACUUM (ANALYZE) stock" >/dev/null
  start_atrium
  results=$(mktemp)
  while IFS=$'\t' read -r name uri sql; do
    if [ "$uri" != - ]; then
      curl -fs -o /dev/null "http://127.0.0.1:$BENCH_PORT$uri" || echo "$uri failed" >&2 # warms the pool and plan
      atrium=$(wrk_latency "http://127.0.0.1:$BENCH_PORT$uri")
    else
      atrium=$'n/a\tn/a'
    fi
    printf '%s\t%s\t%s\n' "$name" "$atrium" "$sql" >>"$results"
  done < <(cases "$size")
  stop_atrium
  printf '\n### %s products (seeded in %.0f s; wrk -t2 -c%s and pgbench -c%s, %s s each)\n\n' \
    "$size" "$seeded" "$clients" "$clients" "$seconds"
  printf '| case | Atrium p50 | Atrium p99 | SQL p50 | SQL p99 |\n| --- | ---: | ---: | ---: | ---: |\n'
  while IFS=$'\t' read -r name p50 p99 sql; do
    raw=$(pgbench_latency "$sql")
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$p50" "$p99" "${raw%%$'\t'*}" "${raw#*$'\t'}"
  done <"$results"
  rm -f "$results"
done
