#!/usr/bin/env bash
# Whether password hashing uses what is idle and yields to everything else, on this machine, in one run:
#   (a) POST /api/auth with right passwords at 16 connections alone, in sign-ins/s next to the ceiling: the cores
#       divided by one bcrypt check's time, measured here just before (bench/PasswordHashCost.java); aim: >= 90 %.
#   (b) catalogue reads (GET /api/products?page=N&limit=50, 8 connections) alone, then during a sign-in flood of 16
#       connections: the p99 of each and their ratio; aim: <= 3.
#   (c) the time a sign-in spends outside its hash, one request at a time: from the server's own timers (the request's
#       mean time less the hash's and the wait's, over the same requests), and from the client (median time less one
#       hash). For POST /api/auth and for seed 000's form sign-in (POST /api, which appends the goods too).
# Atrium from target/atrium.jar (or ATRIUM_JAR) on the benchmarks' own PostgreSQL and Redis, as bench/load.sh runs it.
#
# Usage: bench/sign-ins-and-reads.sh [seconds per measurement] [sign-ins at 1 connection]     e.g. 30 100
# Environment: HASH_CHECKS (bcrypt checks timed for one hash's time, 40), and bench/lib.sh's variables.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-30}
one_by_one=${2:-100}
checks=${HASH_CHECKS:-40}
base="http://127.0.0.1:$BENCH_PORT"
metrics="http://127.0.0.1:$BENCH_MANAGEMENT_PORT/actuator/prometheus"
cores=$(nproc)
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/sign-ins-XXXXXX")
trap 'stop_atrium; rm -rf "$work"' EXIT

# wrk's latency ("850.00us", "12.34ms", "1.02s") in ms.
ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/ && $1 !~ /ms$/) v *= 1000; printf "%.2f", v }' <<<"$1"; }
field() { awk -v key="$1" '$1 == key { print $2 }' "$2"; }            # "50%" or "99%" from wrk --latency
rate() { awk '/Requests\/sec/ { print $2 }' "$1"; }
non2xx() { awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$1"; }

# One hash's time, measured before Atrium starts so that nothing else runs on the cores meanwhile.
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
"$JAVA" -cp "$(cat target/classpath.txt)" bench/PasswordHashCost.java "$checks" 10 | tee "$work/hash.txt"
hash_ms=$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' "$work/hash.txt")
ceiling=$(awk -v c="$cores" -v h="$hash_ms" 'BEGIN { printf "%.1f", c * 1000 / h }')

prepare_database
start_atrium
warm_for=$(( seconds < 10 ? seconds : 10 ))
wrk -t2 -c16 -d"${warm_for}s" -s bench/sign-in.lua "$base" >/dev/null 2>&1
wrk -t1 -c8 -d"${warm_for}s" -s bench/products-listing.lua "$base" >/dev/null 2>&1

# (a) Sign-ins alone.
wrk -t2 -c16 -d"${seconds}s" --latency -s bench/sign-in.lua "$base" >"$work/alone.txt" 2>&1
sign_ins=$(rate "$work/alone.txt")
printf '(a) sign-ins alone (16 connections): %s/s, p50 %s ms, non-2xx %s; ceiling %s cores / %s ms = %s/s: %s %%\n' \
  "$sign_ins" "$(ms "$(field 50% "$work/alone.txt")")" "$(non2xx "$work/alone.txt")" "$cores" "$hash_ms" "$ceiling" \
  "$(awk -v r="$sign_ins" -v c="$ceiling" 'BEGIN { printf "%.0f", r * 100 / c }')"

# (b) Catalogue reads alone, then during a flood of sign-ins.
wrk -t1 -c8 -d"${seconds}s" --latency -s bench/products-listing.lua "$base" >"$work/reads-idle.txt" 2>&1
wrk -t1 -c16 -d"$((seconds + 4))s" -s bench/sign-in.lua "$base" >"$work/flood.txt" 2>&1 &
flood=$!
sleep 2
wrk -t1 -c8 -d"${seconds}s" --latency -s bench/products-listing.lua "$base" >"$work/reads-flood.txt" 2>&1
wait "$flood"
idle_p99=$(ms "$(field 99% "$work/reads-idle.txt")")
flood_p99=$(ms "$(field 99% "$work/reads-flood.txt")")
printf '(b) catalogue reads alone (8 connections):        %s req/s, p50 %s ms, p99 %s ms\n' \
  "$(rate "$work/reads-idle.txt")" "$(ms "$(field 50% "$work/reads-idle.txt")")" "$idle_p99"
printf '    catalogue reads during a sign-in flood:        %s req/s, p50 %s ms, p99 %s ms, non-2xx %s\n' \
  "$(rate "$work/reads-flood.txt")" "$(ms "$(field 50% "$work/reads-flood.txt")")" "$flood_p99" \
  "$(non2xx "$work/reads-flood.txt")"
printf '    sign-ins meanwhile (16 connections):           %s/s, non-2xx %s\n' \
  "$(rate "$work/flood.txt")" "$(non2xx "$work/flood.txt")"
printf '    p99 during the flood / p99 alone: %s (aim: <= 3)\n' \
  "$(awk -v a="$flood_p99" -v b="$idle_p99" 'BEGIN { printf "%.2f", a / b }')"

# (c) Outside the hash, one sign-in at a time. The server's timers are Prometheus counters: the difference of two
# scrapes covers exactly the requests sent in between.
scrape() { # file, uri of the sign-in
  curl -fs "$metrics" | awk -v uri="$2" '
    /^http_server_requests_seconds_(count|sum)\{/ && index($0, "method=\"POST\"") && index($0, "status=\"200\"") \
      && index($0, "uri=\"" uri "\"") { split($1, name, "{"); print name[1], $2 }
    /^atrium_passwords_(hash|wait)_seconds_(count|sum)/ { split($1, name, "{"); print name[1], $2 }' >"$1"
}
outside() { # label, uri, curl arguments...
  local label=$1 uri=$2
  shift 2
  scrape "$work/before.txt" "$uri"
  : >"$work/times.txt"
  for _ in $(seq "$one_by_one"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@" >>"$work/times.txt"
  done
  scrape "$work/after.txt" "$uri"
  sort -k2 -n "$work/times.txt" | awk -v label="$label" -v hash="$hash_ms" -v n="$one_by_one" '
    { t[NR] = $2 * 1000; if ($1 != 200) bad++ }
    END { printf "(c) %s x %d: client median %.1f ms, less one hash (%.1f ms): %.1f ms; not 200: %d\n",
          label, n, t[int(n/2)+1], hash, t[int(n/2)+1] - hash, bad + 0 }'
  awk -v label="$label" '
    FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
    END {
      n = after["http_server_requests_seconds_count"] - before["http_server_requests_seconds_count"]
      if (n <= 0) { print "    no server timers (start Atrium with its management port)"; exit }
      request = (after["http_server_requests_seconds_sum"] - before["http_server_requests_seconds_sum"]) / n
      hashes = after["atrium_passwords_hash_seconds_count"] - before["atrium_passwords_hash_seconds_count"]
      hash = (after["atrium_passwords_hash_seconds_sum"] - before["atrium_passwords_hash_seconds_sum"]) / hashes
      wait = (after["atrium_passwords_wait_seconds_sum"] - before["atrium_passwords_wait_seconds_sum"]) / hashes
      printf "    server, mean of %d: request %.1f ms, hash %.1f ms, waiting for it %.2f ms, outside the hash %.1f ms (aim: < 10)\n",
        n, request * 1000, hash * 1000, wait * 1000, (request - hash - wait) * 1000 }' "$work/before.txt" "$work/after.txt"
}
# Sign-ins the flood left queued behind their hash are still being answered after wrk has gone: wait until the
# server's counters stand still, so that they are not counted with the sign-ins below.
settle() {
  local before after
  after=$(curl -fs "$metrics" | grep -E '^atrium_passwords_(hash|wait)_seconds_count' || true)
  for _ in $(seq 60); do
    sleep 1
    before=$after
    after=$(curl -fs "$metrics" | grep -E '^atrium_passwords_(hash|wait)_seconds_count' || true)
    [ "$before" = "$after" ] && return
  done
}
settle
outside "POST /api/auth          " /api/auth "$base/api/auth" -H 'Content-Type: application/json' \
  -d '{"email":"demo@atrium.dev","password":"demo-password"}'
outside "POST /api (seed 000 form)" /api "$base/api" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'login=demo@atrium.dev' --data-urlencode 'password=demo-password'
