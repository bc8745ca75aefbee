#!/usr/bin/env bash
# The avatar pipeline against a running Atrium holding the data of bench/accounts-data.sh: uploads of three sizes of
# image side by side (each decoded, resized within 200x200, re-encoded and stored), then serving the stored avatar in
# full and as 304 Not Modified for a cache that already has it.
#
# Usage: bench/avatars.sh [base URL] [upload runs] [serving rounds] [seconds per round]
#   (base URL: Atrium on BENCH_PORT, bench/lib.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
base=${1:-http://127.0.0.1:$BENCH_PORT}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/avatars-XXXXXX")
trap 'rm -rf "$work"' EXIT
thumbnailator=$(find ~/.m2/repository/net/coobird/thumbnailator -name 'thumbnailator-*.jar' | head -1)
"$java" -cp "$thumbnailator" bench/AvatarDecode.java write "$work" >/dev/null
token=$(curl -sf -X POST "$base/api/auth" -H 'Content-Type: application/json' \
  -d '{"email":"bench-2@example.com","password":"correct horse battery"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["access"])')
upload() { echo "curl -sf -o /dev/null -X PUT $base/api/users/me/avatar -H 'Authorization: Bearer $token' -F avatar=@$work/$1"; }
hyperfine -N --warmup 3 --runs "${2:-30}" --export-markdown "$work/uploads.md" \
  -n "JPEG 4000x3000 (12 MP)" "$(upload photo-4000x3000.jpg)" \
  -n "JPEG 1600x1200 (2 MP)" "$(upload photo-1600x1200.jpg)" \
  -n "PNG 640x480" "$(upload logo-640x480.png)" >/dev/null
cat "$work/uploads.md"
user=$(curl -sf "$base/api/users/me" -H "Authorization: Bearer $token" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
etag=$(curl -sfI "$base/api/users/$user/avatar" | tr -d "\r" | awk -F": " 'tolower($1) == "etag" {print $2}')
. bench/wrk-rounds.sh
rounds "${3:-5}" "${4:-6}" \
  "GET /api/users/{id}/avatar, 200 with the image" "$base/api/users/$user/avatar" -- \
  "GET /api/users/{id}/avatar, 304 for its ETag" -H "If-None-Match: $etag" "$base/api/users/$user/avatar"
