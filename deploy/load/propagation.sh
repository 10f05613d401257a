#!/usr/bin/env bash
# Event propagation, commit in Registry → effect in JobMatching, at a fixed (open-loop) rate.
#
#   deploy/load/propagation.sh --rate 100 --duration 60                 # latency target (p99 ≤ 50 ms)
#   deploy/load/propagation.sh --rate 1000 --duration 60                # throughput target, registrations over HTTP
#   deploy/load/propagation.sh --rate 1000 --duration 60 --mode outbox  # throughput of the event pipeline alone
#
# Other options go to the driver (deploy/load/Homeward.LoadDriver, run it with --help). Results: docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/common.sh"

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

require_platform
ensure_token

project=$HOMEWARD_ROOT/deploy/load/Homeward.LoadDriver
mkdir -p "$DATA_DIR/logs"
log "building the load driver (Release)"
dotnet build "$project/Homeward.LoadDriver.csproj" -c Release -v quiet -nologo >"$DATA_DIR/logs/load-driver-build.log" 2>&1 \
  || { tail -20 "$DATA_DIR/logs/load-driver-build.log" >&2; die "the load driver did not build; see ${DATA_DIR#$HOMEWARD_ROOT/}/logs/load-driver-build.log"; }

report_machine
export HOMEWARD_LOAD_ADMIN_CONNECTION
export HOMEWARD_LOAD_REGISTRY_CONNECTION
HOMEWARD_LOAD_ADMIN_CONNECTION=$(pg_connection postgres "$PG_SUPERUSER_PASSWORD")
HOMEWARD_LOAD_REGISTRY_CONNECTION=$(pg_connection registry "$PG_PASSWORD_registry")
exec dotnet "$project/bin/Release/net10.0/Homeward.LoadDriver.dll" propagation --registry "$REGISTRY_URL" "$@"
