#!/usr/bin/env bash
# Shared by the load scripts: Atrium from target/atrium.jar (or ATRIUM_JAR) in external mode, on the benchmarks' own PostgreSQL
# (bench/private-postgres.sh) and a Redis database of their own, seeded with the demo data.
#
# Everything a run occupies comes from the environment, with these defaults; two runs at once on one machine need
# different values for each (the other bench scripts read the same variables):
#   BENCH_PORT             Atrium's HTTP port                                      (18731)
#   BENCH_MANAGEMENT_PORT  Atrium's management port: health and Prometheus metrics (18732)
#   BENCH_REDIS            the Redis database                                      (redis://127.0.0.1:6379/6)
#   BENCH_DB               the PostgreSQL database                                 (atrium_bench)
#   PGPORT, PGDATA, PGBIN  the benchmarks' own PostgreSQL: its port, its data folder and its binaries
#                          (55432, /tmp/atrium-bench-pg, /usr/lib/postgresql/15/bin; see bench/private-postgres.sh)
#   BENCH_DIR              the folder for Atrium's logs and the run's own files    (/tmp/atrium-bench-$BENCH_PORT)
#   ATRIUM_JAR             the build to run, so that two builds can be measured in one run (target/atrium.jar)
#   ATRIUM_JVM_OPTS        the JVM options Atrium serves with: by default those of the README ("Commands"), which run
#                          password hashing at nice 19 on every idle core; set to nothing to measure without them
BENCH_DB=${BENCH_DB:-atrium_bench}
BENCH_PORT=${BENCH_PORT:-18731}
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18732}
BENCH_REDIS=${BENCH_REDIS:-redis://127.0.0.1:6379/6}
BENCH_PGPORT=${PGPORT:-55432}
BENCH_DIR=${BENCH_DIR:-/tmp/atrium-bench-$BENCH_PORT}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ATRIUM_JAR=${ATRIUM_JAR:-target/atrium.jar}
ATRIUM_JVM_OPTS=${ATRIUM_JVM_OPTS-"-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"}
export PGHOST=127.0.0.1 PGPORT=$BENCH_PGPORT PGUSER=postgres PGDATABASE=$BENCH_DB

atrium_env() {
  export ATRIUM_DATABASE_URL="jdbc:postgresql://127.0.0.1:$BENCH_PGPORT/$BENCH_DB"
  export ATRIUM_DATABASE_USERNAME=postgres
  export ATRIUM_REDIS_URL=$BENCH_REDIS
  export ATRIUM_JWT_SECRET=${ATRIUM_JWT_SECRET:-benchmark-signing-key-of-at-least-32-bytes}
  export SERVER_PORT=$BENCH_PORT
  # Metrics are served only on a management port (never on the application port): bench/seed-login.sh reads them.
  export ATRIUM_MANAGEMENT_PORT=$BENCH_MANAGEMENT_PORT
  # Every load client comes from 127.0.0.1 and a few demo accounts sign in thousands of times: the abuse limits and
  # the sign-in throttle would refuse them at once. A run that means to measure a limit sets its own value.
  export ATRIUM_SIGN_IN_FAILURES_PER_ACCOUNT=${ATRIUM_SIGN_IN_FAILURES_PER_ACCOUNT:-1000000}
  export ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=${ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_REGISTRATIONS_PER_ADDRESS=${ATRIUM_LIMITS_REGISTRATIONS_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_SEED_SIGN_INS_PER_ACCOUNT=${ATRIUM_LIMITS_SEED_SIGN_INS_PER_ACCOUNT:-1000000}
  export ATRIUM_LIMITS_SEED_SIGN_INS_PER_ADDRESS=${ATRIUM_LIMITS_SEED_SIGN_INS_PER_ADDRESS:-1000000}
  export ATRIUM_LIMITS_UPLOADS_PER_USER=${ATRIUM_LIMITS_UPLOADS_PER_USER:-1000000}
}

# Creates the database when missing, applies the migrations and loads the demo data.
prepare_database() {
  bench/private-postgres.sh start
  psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1 || createdb "$BENCH_DB"
  atrium_env
  mkdir -p "$BENCH_DIR"
  "$JAVA" -jar "$ATRIUM_JAR" seed >"$BENCH_DIR/seed.log" 2>&1 || {
    echo "seed failed:" >&2; tail -30 "$BENCH_DIR/seed.log" >&2; exit 1; }
}

# Starts Atrium in the background (pid in ATRIUM_PID) and waits until it is ready.
start_atrium() {
  atrium_env
  if curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/"; then
    echo "Port $BENCH_PORT is taken by something else: choose another with BENCH_PORT" >&2
    exit 1
  fi
  mkdir -p "$BENCH_DIR"
  "$JAVA" ${ATRIUM_JVM_OPTS:-} -jar "$ATRIUM_JAR" >"$BENCH_DIR/atrium.log" 2>&1 &
  ATRIUM_PID=$!
  until curl -fs "http://127.0.0.1:$BENCH_PORT/readyz" >/dev/null 2>&1; do
    kill -0 "$ATRIUM_PID" 2>/dev/null || { echo "Atrium exited:" >&2; tail -30 "$BENCH_DIR/atrium.log" >&2; exit 1; }
    sleep 0.2
  done
}

stop_atrium() {
  if [ -n "${ATRIUM_PID:-}" ]; then
    kill "$ATRIUM_PID" 2>/dev/null || true
    wait "$ATRIUM_PID" 2>/dev/null || true
    ATRIUM_PID=
  fi
}

# For the order benchmarks: the demo data, 128 buyers (password "demo-password") and one hot product with plenty of
# stock in the first shop. Sets shop, product and user (the first buyer), and defines restock, sold and lines.
STOCK=100000000
prepare_hot_product() {
  prepare_database
  local hash
  hash=$(psql -Atqc "SELECT password_hash FROM users WHERE email = 'demo@atrium.dev'")
  psql -qc "INSERT INTO users (email, password_hash, first_name, last_name)
            SELECT 'buyer' || n || '@bench.example', '$hash', 'Bench', 'Buyer' || n FROM generate_series(1, 128) n
            ON CONFLICT DO NOTHING"
  shop=$(psql -Atqc "SELECT id FROM shops ORDER BY id LIMIT 1")
  product=$(psql -Atqc "INSERT INTO products (sku, name, price) VALUES ('BENCH-HOT', 'Bench hot item', 9.99)
                        ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name RETURNING id")
  user=$(psql -Atqc "SELECT id FROM users WHERE email = 'buyer1@bench.example'")
}
restock() { psql -qc "INSERT INTO stock (shop_id, product_id, quantity) VALUES ($shop, $product, $STOCK)
                      ON CONFLICT (shop_id, product_id) DO UPDATE SET quantity = $STOCK"; }
sold() { psql -Atqc "SELECT $STOCK - quantity FROM stock WHERE shop_id = $shop AND product_id = $product"; }
lines() { psql -Atqc "SELECT count(*) FROM order_lines WHERE product_id = $product"; }

# Signs the 128 buyers in through Atrium's API, one access token per line into the file $1.
sign_in_buyers() {
  : >"$1"
  local n answer
  for n in $(seq 1 128); do
    answer=$(curl -fs -H 'Content-Type: application/json' \
      -d "{\"email\":\"buyer$n@bench.example\",\"password\":\"demo-password\"}" \
      "http://127.0.0.1:$BENCH_PORT/api/auth")
    echo "$answer" | sed -E 's/.*"access":"([^"]+)".*/\1/' >>"$1"
  done
}

# Median of the numbers on stdin, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
