#!/bin/sh
# The image's entrypoint: java -jar /app/atrium.jar with the arguments given (serve when none), for example
# `migrate`, `seed` or `--server.port=9000`.
#
# Only serving uses a class-data archive: it is written when the container first stops and makes its later starts
# faster. A one-shot command starts once and is gone, so it would only pay for writing an archive (and an archive
# written by a JVM that only printed the usage would hold too few classes to help serving later), and the JVM would
# print hundreds of warnings about the classes it cannot archive among the JSON lines of the log. The JVM's own
# messages about the archive are turned off either way, for the same reason.
set -eu
memory="-XX:MaxRAMPercentage=75"
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
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
if [ "$command" = serve ]; then
  # shellcheck disable=SC2086 # the options are words on purpose
  exec java $memory $quiet $priority -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/atrium.jsa -jar /app/atrium.jar "$@"
fi
# shellcheck disable=SC2086
exec java $memory $quiet -jar /app/atrium.jar "$@"
