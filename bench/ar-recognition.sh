#!/usr/bin/env bash
# How well and how fast camera frames are recognised: recall per distortion (perspective up to 45°, scale 20-100 %,
# rotation, blur, noise, light, clutter), false matches on frames that show no target, how far the reported corners
# lie from the true ones, and the CPU time of one thread per 640×480 frame over projects of 100 and 1,000 targets
# (and 10,000 with "large"). No server or database: the test photos of src/test/resources/ar/photos and drawn
# pictures, through RecognitionBenchTests. The analysed targets are kept under target/recognition-bench for the next
# run.
#
# Usage: bench/ar-recognition.sh [large]
set -euo pipefail
cd "$(dirname "$0")/.."
large=false
if [ "${1:-}" = large ]; then large=true; fi
log=target/$(basename "$0" .sh).log
mkdir -p target
if ! ./mvnw -B -ntp -q test -Dtest=RecognitionBenchTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Datrium.bench=true -Datrium.bench.large="$large" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
echo "Atrium $(git rev-parse --short HEAD), $(nproc) cores"
cat target/surefire-reports/dev.atrium.ar.internal.RecognitionBenchTests-output.txt
