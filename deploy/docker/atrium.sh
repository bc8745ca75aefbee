#!/bin/sh
# The image's entrypoint: java -jar /app/atrium.jar with the arguments given (serve when none), for example
# `migrate`, `seed` or `--server.port=9000`.
#
# Every command starts with the JVM's AOT cache that the image build recorded (/app/atrium.aot, see the Dockerfile):
# Atrium's classes come already loaded and linked, and the methods the training run found hot come with their
# profiles. The cache is only read, so the root filesystem may be read-only as far as it is concerned. The JVM's own
# messages about the cache are off, so that the log stays one JSON object per line; JAVA_OPTS="-Xlog:aot" shows
# whether the cache was used.
#
# JAVA_OPTS: the deployment's own JVM options, given after the image's (for an option given twice, the later wins).
set -eu
memory="-XX:MaxRAMPercentage=75"
quiet="-Xlog:aot=off -Xlog:cds=off"
cache=""
if [ -f /app/atrium.aot ]; then
  cache="-XX:AOTCache=/app/atrium.aot"
fi
# shellcheck disable=SC2086 # the options are words on purpose
exec java $memory $quiet $cache ${JAVA_OPTS:-} -jar /app/atrium.jar "$@"
