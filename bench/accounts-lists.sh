#!/usr/bin/env bash
# Throughput and latency of the user and organization lists against a running Atrium holding the data of
# bench/accounts-data.sh (each list shows its links both ways, in a fixed number of queries per page), next to one
# user and to an authenticated request that reads no table (GET /api/sessions), for scale. The scenarios alternate in
# rounds; each figure is the median of its rounds.
#
# Usage: bench/accounts-lists.sh [base URL] [rounds] [seconds per round]   (base URL: Atrium on BENCH_PORT, bench/lib.sh)
set -euo pipefail
cd "$(dirname "$0")"
. ./lib.sh
. ./wrk-rounds.sh
base=${1:-http://127.0.0.1:$BENCH_PORT}
token=$(curl -sf -X POST "$base/api/auth" -H 'Content-Type: application/json' \
  -d '{"email":"bench-1@example.com","password":"correct horse battery"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["access"])')
user=$(curl -sf "$base/api/users/me" -H "Authorization: Bearer $token" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
auth="Authorization: Bearer $token"
rounds "${2:-5}" "${3:-6}" \
  "GET /api/sessions (no table read)" -H "$auth" "$base/api/sessions" -- \
  "GET /api/users/{id}" -H "$auth" "$base/api/users/$user" -- \
  "GET /api/users?limit=50" -H "$auth" "$base/api/users?limit=50" -- \
  "GET /api/users?limit=50&page=100" -H "$auth" "$base/api/users?limit=50&page=100" -- \
  "GET /api/organizations?limit=10 (100 members each)" -H "$auth" "$base/api/organizations?limit=10" -- \
  "GET /api/organizations?limit=50 (100 members each)" -H "$auth" "$base/api/organizations?limit=50"
