#!/usr/bin/env bash
# What uploads built to cost the image decoder as much as possible do to everyone else: the p99 of an unrelated
# authenticated read (GET /api/users/me) idle, then while 8 clients keep uploading such images (4 as avatars, 4 as
# image targets, each client with an account of its own, as anyone can register), side by side in one run. Each
# uploader alternates between a progressive JPEG of 900 scans (refused from its header) and the costliest progressive
# JPEG the limits admit (2048×2048, 35 scans: decoded in full on the decoding pool). Prints both p99s, their ratio and
# how the uploads were answered.
#
# Usage: bench/hostile-uploads.sh [seconds per measurement (20)] [rounds (3)]   (build first: ./mvnw -q package -DskipTests)
# Settings as in bench/lib.sh: BENCH_PORT, BENCH_MANAGEMENT_PORT, BENCH_REDIS (a Redis database of its own), PGPORT
# and PGDATA (the benchmarks' own PostgreSQL, bench/private-postgres.sh), BENCH_DB, BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-20}
rounds=${2:-3}
base="http://127.0.0.1:$BENCH_PORT"
mkdir -p "$BENCH_DIR"
work=$(mktemp -d "$BENCH_DIR/hostile-XXXXXX")
uploaders=()
stop_uploaders() {
  for pid in "${uploaders[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${uploaders[@]}"; do wait "$pid" 2>/dev/null || true; done
  uploaders=()
}
trap 'stop_uploaders; stop_atrium; rm -rf "$work"' EXIT
[ -f target/atrium.jar ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

generator=src/test/java/dev/atrium/image/HostileImages.java
"$JAVA" "$generator" 2048 900 "$work/refused.jpg"
"$JAVA" "$generator" 2048 35 "$work/admitted.jpg"
for name in refused admitted; do
  { printf '{"description":"hostile","image":"'; base64 -w0 "$work/$name.jpg"; printf '"}'; } >"$work/$name.json"
done

export ATRIUM_SIGN_IN_FAILURES_PER_ADDRESS=100000
prepare_database
start_atrium

# sign_up EMAIL: registers an account and prints its access token.
sign_up() {
  local body="{\"email\":\"$1\",\"password\":\"correct horse battery\"}"
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/api/users" || true
  curl -fs -H 'Content-Type: application/json' -d "$body" "$base/api/auth" | jq -r .access
}

# upload KIND TOKEN [PROJECT]: keeps uploading until killed; one line per answer in $work/KIND-*.status: the image,
# the status and the problem's type.
upload() {
  local kind=$1 token=$2 project=${3:-} out="$work/$1-$BASHPID.status" body="$work/$1-$BASHPID.json" image status
  while true; do
    for image in refused admitted; do
      if [ "$kind" = avatar ]; then
        status=$(curl -s -o "$body" -w '%{http_code}' -X PUT "$base/api/users/me/avatar" \
          -H "Authorization: Bearer $token" -F "avatar=@$work/$image.jpg;type=image/jpeg") || true
      else
        status=$(curl -s -o "$body" -w '%{http_code}' -X POST "$base/api/project/$project/imagetarget" \
          -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
          --data-binary "@$work/$image.json") || true
      fi
      case $status in
        2*) echo "$image $status" ;;
        *) echo "$image $status $(jq -r '.type // empty' "$body" 2>/dev/null | sed 's|.*/||')" ;;
      esac >>"$out"
    done
  done
}

reader=$(sign_up "reader-$RANDOM@example.com")
p99() { # wrk's 99th percentile of GET /api/users/me, in ms
  wrk -t2 -c8 -d"${seconds}s" --latency -H "Authorization: Bearer $reader" "$base/api/users/me" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +99%/ { print ms($2) }'
}
wrk -t2 -c8 -d5s -H "Authorization: Bearer $reader" "$base/api/users/me" >/dev/null # warm-up

start_uploaders() {
  local i avatar_token target_token project
  for i in 1 2 3 4; do
    avatar_token=$(sign_up "avatar-$i-$RANDOM@example.com")
    target_token=$(sign_up "target-$i-$RANDOM@example.com")
    project=$(curl -fs -H "Authorization: Bearer $target_token" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Hostile $i $RANDOM\"}" "$base/api/project" | jq .id)
    upload avatar "$avatar_token" &
    uploaders+=($!)
    upload target "$target_token" "$project" &
    uploaders+=($!)
  done
  sleep 2
}

# Idle and hostile alternate, so that a machine that is busier in one part of the run than another weighs on both;
# the medians of the rounds are compared.
idles=() hostiles=()
for round in $(seq "$rounds"); do
  idles+=("$(p99)")
  start_uploaders
  hostiles+=("$(p99)")
  stop_uploaders
  echo "round $round: p99 idle ${idles[-1]} ms, during hostile uploads ${hostiles[-1]} ms" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
idle=$(median "${idles[@]}")
hostile=$(median "${hostiles[@]}")

echo "Atrium $(git rev-parse --short HEAD), $(nproc) cores, wrk -t2 -c8 -d${seconds}s GET /api/users/me, median of $rounds alternating rounds"
echo "images: $(stat -c '%n %s bytes' "$work"/*.jpg | sed "s|$work/||" | paste -sd ' ')"
printf 'p99 idle (median)               %8.1f ms\n' "$idle"
printf 'p99 with 8 hostile uploaders    %8.1f ms\n' "$hostile"
awk -v a="$idle" -v b="$hostile" 'BEGIN { printf "ratio                             %8.1f\n", b / a }'
for kind in avatar target; do
  echo "$kind uploads answered:"
  cat "$work/$kind"-*.status 2>/dev/null | sort | uniq -c | awk '{ $1 = $1 "×"; print "  " $0 }'
done
