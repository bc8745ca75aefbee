#!/usr/bin/env bash
# What checking an app token costs: a project's image targets read with the demo user's access token (its session is
# checked in Redis) and with an app token of the project (its row is checked in PostgreSQL), alternating in one run,
# then the JPEG itself and its revalidation (If-None-Match, 304) with the app token.
#
# Usage: bench/ar-auth.sh [seconds per run (10)] [connections (16)] [rounds (2)]
# Needs the jar (./mvnw -q package -DskipTests), wrk, jq, and PostgreSQL and Redis on 127.0.0.1 (see bench/ar/common.sh).
source "$(dirname "$0")/ar/common.sh"
seconds=${1:-10}
connections=${2:-16}
rounds=${3:-2}
start_atrium

"$java" bench/ar/ArImages.java 800 600 jpg "$work/target.jpg"
image_body "$work/target.jpg" "Benchmark target" >"$work/target.json"
project=$(api POST /api/project '{"name":"Benchmark"}' | jq .id)
for _ in $(seq 10); do api POST "/api/project/$project/imagetarget" @"$work/target.json" >/dev/null; done
target=$(api GET "/api/project/$project/imagetarget?limit=1" | jq .results[0].id)
etag=\"$(api GET "/api/project/$project/imagetarget/$target" | jq -r .sha256)\"
app_token=$(api POST "/api/project/$project/jwt" | jq -r .token)
list="$base/api/project/$project/imagetarget?limit=10"
image="$base/api/project/$project/imagetarget/$target/image"
run=(-t2 -c"$connections" -d"${seconds}s")

echo "Atrium ${ATRIUM_JAR:-$(git rev-parse --short HEAD)}, $(nproc) cores, wrk -t2 -c$connections -d${seconds}s per line"
AUTH="Bearer $user_token" measure "warm-up (not counted)" -t2 -c"$connections" -d5s "$list" >/dev/null
for round in $(seq "$rounds"); do
  AUTH="Bearer $user_token" measure "list of 10 targets, user token ($round)" "${run[@]}" "$list"
  AUTH="Bearer $app_token" measure "list of 10 targets, app token ($round)" "${run[@]}" "$list"
done
AUTH="Bearer $app_token" measure "JPEG of 214 KB, app token" "${run[@]}" "$image"
AUTH="Bearer $app_token" IF_NONE_MATCH="$etag" measure "JPEG revalidated (304), app token" "${run[@]}" "$image"
