#!/usr/bin/env bash
# Seed 000's sign-in (POST /api: bcrypt check, session, 999 goods appended by COPY), one request at a time, against a
# running Atrium, next to the same number of refused sign-ins (unknown users: the same bcrypt check, nothing written),
# so that the difference is what the session and the import cost. Also prints the server's own timer of the COPY,
# from its Prometheus metrics, which Atrium serves only on its management port.
# Start Atrium with ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=100000 so that the refused sign-ins are not throttled, and with
# ATRIUM_MANAGEMENT_PORT set to BENCH_MANAGEMENT_PORT (bench/lib.sh's start_atrium does both).
#
# Usage: bench/seed-login.sh [base URL] [requests]     e.g. bench/seed-login.sh http://localhost:18731 100
# The base URL defaults to Atrium on BENCH_PORT, the metrics are read on BENCH_MANAGEMENT_PORT (see bench/lib.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
base=${1:-http://127.0.0.1:$BENCH_PORT}
requests=${2:-100}
metrics="http://127.0.0.1:$BENCH_MANAGEMENT_PORT/actuator/prometheus"
times=$(mktemp)
trap 'rm -f "$times"' EXIT

run() { # label, expected status, login, password
  : >"$times"
  for i in $(seq "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base/api" \
         -H 'Content-Type: application/x-www-form-urlencoded' \
         --data-urlencode "login=${3/N/$i}" --data-urlencode "password=$4" >>"$times"
  done
  sort -k2 -n "$times" | awk -v n="$requests" -v label="$1" -v expected="$2" '
    { t[NR] = $2 * 1000; if ($1 != expected) bad++ }
    END { printf "%s x %d: median %.1f ms, p90 %.1f ms, max %.1f ms, unexpected status: %d\n",
          label, n, t[int(n/2)+1], t[int(n*0.9)], t[n], bad + 0 }'
}

run "successful sign-in (bcrypt + session + 999 goods)" 200 demo@atrium.dev demo-password
run "refused sign-in (bcrypt only, nothing written)   " 401 "nobody-N-$RANDOM@example.com" wrong-password
if scraped=$(curl -fs "$metrics"); then
  awk '
    /^atrium_goods_import_seconds\{.*quantile="0.5"/ { printf "COPY of 999 goods (server timer): median %.1f ms", $2 * 1000 }
    /^atrium_goods_import_seconds\{.*quantile="0.99"/ { printf ", p99 %.1f ms\n", $2 * 1000 }' <<<"$scraped"
else
  echo "No metrics at $metrics: start Atrium with ATRIUM_MANAGEMENT_PORT=$BENCH_MANAGEMENT_PORT for the server's timer"
fi
