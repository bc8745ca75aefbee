#!/usr/bin/env bash
# What adding an image target costs, and what refusing a bad one costs: a 800×600 JPEG (214 KB) and a 2048×1536 one
# (1.3 MB) are checked, fully decoded, thumbnailed and stored; a 4200×760 JPEG of about the same size is refused from
# its header (too many pixels) before any decode; a PNG is refused from its first bytes. One run, one after the other.
#
# Usage: bench/ar-upload.sh [seconds per run (10)] [connections (4)]
# Needs the jar (./mvnw -q package -DskipTests), wrk, jq, and PostgreSQL and Redis on 127.0.0.1 (see bench/ar/common.sh).
source "$(dirname "$0")/ar/common.sh"
seconds=${1:-10}
connections=${2:-4}
start_atrium

"$java" bench/ar/ArImages.java 800 600 jpg "$work/small.jpg"
"$java" bench/ar/ArImages.java 2048 1536 jpg "$work/large.jpg"
"$java" bench/ar/ArImages.java 4200 760 jpg "$work/wide.jpg"
"$java" bench/ar/ArImages.java 800 600 png "$work/small.png"
for name in small.jpg large.jpg wide.jpg small.png; do
  image_body "$work/$name" "Benchmark target" >"$work/$name.json"
done
project=$(api POST /api/project '{"name":"Benchmark"}' | jq .id)
app_token=$(api POST "/api/project/$project/jwt" | jq -r .token)
url="$base/api/project/$project/imagetarget"
run=(-t2 -c"$connections" -d"${seconds}s")
post() { METHOD=POST AUTH="Bearer $app_token" BODY_FILE="$work/$2.json" measure "$1" "${run[@]}" "$url"; }

echo "Atrium $(git rev-parse --short HEAD), $(nproc) cores, wrk -t2 -c$connections -d${seconds}s per line, app token"
echo "sizes: $(stat -c '%n %s' "$work"/*.jpg "$work"/*.png | sed "s|$work/||" | tr '\n' ' ')"
METHOD=POST AUTH="Bearer $app_token" BODY_FILE="$work/small.jpg.json" measure "warm-up (not counted)" -t2 -c"$connections" -d5s "$url" >/dev/null
post "stored: 800×600 JPEG, 214 KB" small.jpg
post "stored: 2048×1536 JPEG, 1.3 MB" large.jpg
post "refused from the header: 4200×760 JPEG" wide.jpg
post "refused from the first bytes: 800×600 PNG" small.png
