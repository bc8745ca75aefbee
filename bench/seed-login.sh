#!/usr/bin/env bash
# Seed 000's sign-in (POST /api: bcrypt check, session, 999 goods appended by COPY), one request at a time, against a
# running Atrium, next to the same number of refused sign-ins (unknown users: the same bcrypt check, nothing written),
# so that the difference is what the session and the import cost. Also prints the server's own timer of the COPY.
# Start Atrium with ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=100000 so that the refused sign-ins are not throttled.
#
# Usage: bench/seed-login.sh [base URL] [requests]     e.g. bench/seed-login.sh http://localhost:8080 100
set -euo pipefail
base=${1:-http://localhost:8080}
requests=${2:-100}
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
curl -s "$base/actuator/prometheus" | awk '
  /^atrium_goods_import_seconds\{.*quantile="0.5"/ { printf "COPY of 999 goods (server timer): median %.1f ms", $2 * 1000 }
  /^atrium_goods_import_seconds\{.*quantile="0.99"/ { printf ", p99 %.1f ms\n", $2 * 1000 }'
