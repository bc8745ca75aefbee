#!/usr/bin/env bash
# What image targets cost, in CPU time of one thread (ThreadMXBean): analysing a 1 MP target (SURF features and the
# tracking rating), a duplicates query over 100 and 1,000 targets (median and p99), and building the index of 1,000.
# No server or database: the test photos of src/test/resources/ar/photos, through TargetCostBenchTests.
#
# Usage: bench/ar-targets.sh [analyses (21)] [queries per index size (200)] [index builds (5)]
set -euo pipefail
cd "$(dirname "$0")/.."
log=target/$(basename "$0" .sh).log
mkdir -p target
if ! ./mvnw -B -ntp -q test -Dtest=TargetCostBenchTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Datrium.bench=true -Datrium.bench.analyses="${1:-21}" -Datrium.bench.queries="${2:-200}" \
  -Datrium.bench.builds="${3:-5}" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
echo "Atrium $(git rev-parse --short HEAD), $(nproc) cores"
cat target/surefire-reports/dev.atrium.ar.internal.TargetCostBenchTests-output.txt
