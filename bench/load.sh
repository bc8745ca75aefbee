#!/usr/bin/env bash
# One command per load scenario, against target/atrium.jar in external mode on the benchmarks' own PostgreSQL
# (bench/private-postgres.sh) and the local Redis. Each prints requests/s, p50/p99 latency, non-2xx answers, and
# Atrium's CPU (share of one core, averaged over the run) and peak resident memory.
#
# Usage: bench/load.sh <scenario> [seconds]             (build first: ./mvnw -q package -DskipTests)
#   catalogue      GET /api/products?page=N&limit=50, 32 connections (anonymous)
#   authenticated  GET /api/users/me with an access token, 32 connections (one Redis session check each)
#   login-flood    POST /api/auth with right passwords, 16 connections (one bcrypt check each)
#   seed-logins    POST /api as seed 000's page does (sign-in + 999 goods), 4 connections
#   isolation      catalogue reads alone, then the same reads during a login flood: the p99 ratio
#   hot-orders     see bench/orders-hot-product.sh (orders on one product next to pgbench)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
scenario=${1:?usage: bench/load.sh catalogue|authenticated|login-flood|seed-logins|isolation [seconds]}
seconds=${2:-30}
base="http://127.0.0.1:$BENCH_PORT"
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/load-XXXXXX")
trap 'stop_atrium; rm -rf "$work"' EXIT

ticks() { awk '{print $14 + $15}' "/proc/$ATRIUM_PID/stat"; }

# Runs wrk while sampling Atrium's CPU and memory; prints one summary line. Arguments: label, then wrk's.
measure() {
  local label=$1
  shift
  local before after peak=0 rss
  before=$(ticks)
  wrk --latency "$@" >"$work/wrk.txt" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/{print $2}' "/proc/$ATRIUM_PID/status")
    [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 1
  done
  wait "$wrk_pid"
  after=$(ticks)
  awk -v label="$label" -v seconds="$seconds" -v cpu="$(( (after - before) * 100 / $(getconf CLK_TCK) / seconds ))" \
      -v rss="$(( peak / 1024 ))" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { errors = $0 }
    END { printf "%-44s %9s req/s  p50 %8s  p99 %8s  non-2xx %s  CPU %s%%  RSS %s MB%s\n",
          label, rps, p50, p99, bad + 0, cpu, rss, errors ? "  " errors : "" }' "$work/wrk.txt"
}

token() {
  curl -fs -H 'Content-Type: application/json' -d '{"email":"alice@atrium.dev","password":"alice-password"}' \
    "$base/api/auth" | sed -E 's/.*"access":"([^"]+)".*/\1/'
}

export ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=100000
prepare_database
start_atrium
warm() { wrk -t2 -c16 -d10s "$@" >/dev/null 2>&1; }

case $scenario in
  catalogue)
    warm -s bench/products-listing.lua "$base"
    measure "catalogue reads (32 connections)" -t2 -c32 -d"${seconds}s" -s bench/products-listing.lua "$base" ;;
  authenticated)
    auth="Authorization: Bearer $(token)"
    warm -H "$auth" "$base/api/users/me"
    measure "authenticated reads (32 connections)" -t2 -c32 -d"${seconds}s" -H "$auth" "$base/api/users/me" ;;
  login-flood)
    warm -s bench/sign-in.lua "$base"
    measure "sign-ins (16 connections)" -t2 -c16 -d"${seconds}s" -s bench/sign-in.lua "$base" ;;
  seed-logins)
    warm -s bench/seed-form.lua "$base"
    measure "seed 000 sign-ins with 999 goods (4 conns)" -t2 -c4 -d"${seconds}s" -s bench/seed-form.lua "$base" ;;
  isolation)
    warm -s bench/products-listing.lua "$base"
    measure "catalogue reads alone (8 connections)" -t1 -c8 -d"${seconds}s" -s bench/products-listing.lua "$base"
    wrk -t1 -c32 -d"$((seconds + 4))s" -s bench/sign-in.lua "$base" >"$work/flood.txt" 2>&1 &
    flood=$!
    sleep 2
    measure "catalogue reads during a login flood (8 conns)" -t1 -c8 -d"${seconds}s" -s bench/products-listing.lua "$base"
    wait "$flood"
    awk '/Requests\/sec/ { printf "%-44s %9s req/s (the flood: 32 connections)\n", "sign-ins meanwhile", $2 }' "$work/flood.txt" ;;
  *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
esac
