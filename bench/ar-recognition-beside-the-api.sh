#!/usr/bin/env bash
# Camera frames beside the rest of the API: does a stream of recognitions slow what else Atrium serves? A project of
# the 26 test photos as targets; one of its pages (GET /api/project/{id}, a database read, 16 connections) is read
# alone, then again while a second wrk sends a camera frame that shows one of the photos (postman/camera-frame.jpg)
# to POST /api/project/{id}/recognize as fast as it is answered. Reported: throughput and latency of the pages and of
# the frames, alone and side by side. (Not catalogue pages: they yield to every POST of the API, recognitions too.)
#
# Usage: bench/ar-recognition-beside-the-api.sh [seconds (15)] [connections sending frames (4)]
# Needs the jar (./mvnw -q package -DskipTests), wrk, jq, and PostgreSQL and Redis on 127.0.0.1 (see bench/ar/common.sh).
source "$(dirname "$0")/ar/common.sh"
seconds=${1:-15}
senders=${2:-4}
# Frames and targets are counted per project; a benchmark sends far more than an app may.
export ATRIUM_LIMITS_RECOGNITIONS=100000000 ATRIUM_LIMITS_UPLOADS_PER_USER=100000000
start_atrium

project=$(api POST /api/project '{"name":"Benchmark"}' | jq .id)
app_token=$(api POST "/api/project/$project/jwt" | jq -r .token)
for photo in src/test/resources/ar/photos/*.jpg; do
  image_body "$photo" "Benchmark target" >"$work/target.json"
  curl -fs -o /dev/null -X POST "$base/api/project/$project/imagetarget" -H "Authorization: Bearer $app_token" \
    -H 'Content-Type: application/json' --data-binary @"$work/target.json"
done
{ printf '{"image":"'; base64 -w0 postman/camera-frame.jpg; printf '"}'; } >"$work/frame.json"
matched=$(curl -fs -X POST "$base/api/project/$project/recognize" -H "Authorization: Bearer $app_token" \
  -H 'Content-Type: application/json' --data-binary @"$work/frame.json" | jq .matched)
[ "$matched" = true ] || { echo "the frame is not recognised: $matched" >&2; exit 1; }

frames() { # label, seconds
  METHOD=POST AUTH="Bearer $app_token" BODY_FILE="$work/frame.json" \
    measure "$1" -t1 -c"$senders" -d"$2s" "$base/api/project/$project/recognize"
}
pages() { # label
  AUTH="Bearer $user_token" measure "$1" -t1 -c16 -d"${seconds}s" "$base/api/project/$project"
}

echo "Atrium $(git rev-parse --short HEAD) ($jar), $(nproc) cores, ${seconds}s a line, $senders connections sending frames"
frames "warm-up (not counted)" 10 >/dev/null
pages "warm-up (not counted)" >/dev/null
pages "pages alone"
frames "frames alone" "$seconds"
frames "frames beside pages" "$seconds" >"$work/frames.line" &
sending=$!
pages "pages beside frames"
wait "$sending"
cat "$work/frames.line"
