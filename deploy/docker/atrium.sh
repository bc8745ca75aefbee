#!/bin/sh
# The image's entrypoint: java -jar /app/atrium.jar with the command given (serve when none), for example
# `migrate` or `seed`.
#
# Only `serve` uses a class-data archive: it is written when the container first stops and makes its later starts
# faster. A one-shot command starts once and is gone, so it would only pay for writing an archive, and the JVM would
# print hundreds of warnings about the classes it cannot archive among the JSON lines of the log. The JVM's own
# messages about the archive are turned off either way, for the same reason.
set -eu
memory="-XX:MaxRAMPercentage=75"
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
if [ "${1:-serve}" = "serve" ]; then
  # shellcheck disable=SC2086 # the options are words on purpose
  exec java $memory $quiet -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/atrium.jsa -jar /app/atrium.jar "$@"
fi
# shellcheck disable=SC2086
exec java $memory $quiet -Xshare:auto -jar /app/atrium.jar "$@"
