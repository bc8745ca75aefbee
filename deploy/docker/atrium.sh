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
# Password hashing at nice 19, so that sign-ins use every core requests leave idle and yield it to them at once (README,
# "Commands"). Lowering a priority needs no privilege: the JVM's one warning that this "may require system level
# permission" is about raising one, which Atrium never does. Only serving hashes under load, so only serving has them.
priority="-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"
# The command as Atrium reads it (AtriumApplication.run): the first argument unless there is none or it is an option
# (--server.port=9000 and the like), then serve; --help is the help command.
command=serve
if [ $# -gt 0 ]; then
  case $1 in
    --help) command=help ;;
    --*) ;;
    *) command=$1 ;;
  esac
fi
if [ "$command" != serve ]; then
  priority=""
fi
# shellcheck disable=SC2086 # the options are words on purpose
exec java $memory $quiet $cache $priority ${JAVA_OPTS:-} -jar /app/atrium.jar "$@"
