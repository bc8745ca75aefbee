#!/usr/bin/env bash
# Two Atrium replicas on one PostgreSQL and one Redis, behind nginx with deploy/nginx/atrium.conf: the container
# deployment's shape, run natively (CI runs the Postman collection through it).
#
#   deploy/replicas.sh start   build nothing; use target/atrium.jar, a fresh database and Redis db, two replicas and
#                              nginx in front; applies the migrations and the demo data first
#   deploy/replicas.sh stop
#
# Needs: PostgreSQL, Redis, nginx, and a JDK 21+ (JAVA_HOME). What a run occupies comes from the environment; two runs
# at once on one machine need different values for each:
#   ATRIUM_CI_PG             the PostgreSQL server            (postgres://postgres@127.0.0.1:5432)
#   ATRIUM_CI_DATABASE       the database, dropped and made   (atrium_ci)
#   ATRIUM_CI_REDIS          the Redis database, flushed      (redis://127.0.0.1:6379/9)
#   ATRIUM_CI_REPLICA_PORTS  the replicas' ports              ("18081 18082")
#   ATRIUM_CI_PORT           nginx's port                     (8088)
#   ATRIUM_CI_DIR            the folder for pids, logs and nginx's files (/tmp/atrium-replicas)
set -euo pipefail
cd "$(dirname "$0")/.."
run=${ATRIUM_CI_DIR:-/tmp/atrium-replicas}
pg=${ATRIUM_CI_PG:-postgres://postgres@127.0.0.1:5432}
redis=${ATRIUM_CI_REDIS:-redis://127.0.0.1:6379/9}
database=${ATRIUM_CI_DATABASE:-atrium_ci}
nginx_port=${ATRIUM_CI_PORT:-8088}
read -r -a replica_ports <<<"${ATRIUM_CI_REPLICA_PORTS:-18081 18082}"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The options Atrium serves with (README, "Commands"): password hashing at nice 19, on every idle core.
serving=(-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19)

stop() {
  [ -f "$run/nginx.pid" ] && nginx -p "$run" -c "$run/nginx.conf" -s quit 2>/dev/null || true
  local pids=()
  for pidfile in "$run"/replica-*.pid; do
    [ -f "$pidfile" ] || continue
    pids+=("$(cat "$pidfile")")
    rm -f "$pidfile"
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # Graceful shutdown lets requests in flight finish: wait for it, up to 40 s.
  for _ in $(seq 80); do
    kill -0 "${pids[@]}" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
}

wait_ready() { # url, log file
  for _ in $(seq 120); do
    curl -fs "$1/readyz" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Not ready: $1; the end of its log:" >&2
  tail -40 "$2" >&2
  return 1
}

start() {
  stop
  mkdir -p "$run/atrium" "$run/logs"
  psql "$pg/postgres" -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null

  redis-cli -u "$redis" FLUSHDB >/dev/null
  export ATRIUM_DATABASE_URL="$pg/$database" ATRIUM_REDIS_URL="$redis"
  export ATRIUM_JWT_SECRET=${ATRIUM_JWT_SECRET:-$(head -c 48 /dev/urandom | base64 -w0)}
  # nginx on this machine is the one proxy whose X-Forwarded-For is believed; links name nginx's address. It reaches
  # the replicas from loopback, so loopback is trusted: a client on this machine, which reaches nginx from loopback
  # too, is then a trusted hop itself, and the address it writes in X-Forwarded-For counts as its own. A real
  # deployment trusts an address that no client has (see docker-compose.yaml).
  export ATRIUM_TRUSTED_PROXIES=127.0.0.1,::1 ATRIUM_PUBLIC_BASE_URL="http://127.0.0.1:$nginx_port"
  # The same commands as the compose file's one-shot services.
  for command in migrate seed; do
    "$java" -jar target/atrium.jar "$command" >"$run/logs/$command.log" 2>&1 || {
      echo "The $command command failed; the end of its log:" >&2
      tail -30 "$run/logs/$command.log" >&2
      exit 1
    }
  done

  for port in "${replica_ports[@]}"; do
    SERVER_PORT=$port "$java" "${serving[@]}" -jar target/atrium.jar >"$run/logs/replica-$port.log" 2>&1 &
    echo $! >"$run/replica-$port.pid"
  done
  for port in "${replica_ports[@]}"; do
    wait_ready "http://127.0.0.1:$port" "$run/logs/replica-$port.log"
  done

  echo "listen 127.0.0.1:$nginx_port;" >"$run/atrium/listen.conf"
  printf 'server 127.0.0.1:%s;\n' "${replica_ports[@]}" >"$run/atrium/upstream.conf"
  cp deploy/nginx/compose/security-headers.conf "$run/atrium/security-headers.conf"
  # The same micro-cache as the compose file's nginx, in this run's folder.
  sed "s|/var/cache/nginx/atrium|$run/cache|" deploy/nginx/compose/cache-path.conf >"$run/atrium/cache-path.conf"
  cat >"$run/nginx.conf" <<NGINX
pid $run/nginx.pid;
error_log $run/logs/nginx-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $run/logs/nginx-access.log;
    client_body_temp_path $run/tmp-body;
    proxy_temp_path $run/tmp-proxy;
    include $PWD/deploy/nginx/atrium.conf;
}
NGINX
  nginx -t -q -p "$run" -c "$run/nginx.conf"
  nginx -p "$run" -c "$run/nginx.conf"
  wait_ready "http://127.0.0.1:$nginx_port" "$run/logs/nginx-error.log"
  echo "Two replicas behind nginx at http://127.0.0.1:$nginx_port (logs in $run/logs)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
