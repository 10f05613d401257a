#!/usr/bin/env bash
# Stops what ./homeward up started. --services-only leaves PostgreSQL and RabbitMQ running.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUN_DIR=$DATA_DIR/run
for pidfile in "$RUN_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $(basename "$pidfile" .pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done

if [ "${1:-}" != "--services-only" ]; then
  stop_rabbitmq
  stop_postgres
fi
