#!/usr/bin/env bash
# KPI composition: GET /api/gateway/v1/kpis (every service's KPIs for the city, gathered by the gateway) at a fixed
# rate, evenly spaced (open loop), against the running platform and whatever city it holds (seed the full demo city
# first: ./homeward demo --full). Target: p99 ≤ 200 ms over the full demo city. Results: docs/benchmarks.md.
#
#   deploy/load/kpi-composition.sh [--rate 20] [--duration 30] [--warmup 5] [--query 'from=2026-01-01']
set -euo pipefail
. "$(dirname "$0")/common.sh"

rate=20 duration=30 warmup=5 query="from=$(date -u +%Y)-01-01"
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=${2%s}; shift 2 ;;
    --warmup) warmup=${2%s}; shift 2 ;;
    --query) query=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$rate" =~ ^[0-9]+$ && "$duration" =~ ^[0-9]+$ && "$warmup" =~ ^[0-9]+$ ]] || die "--rate, --duration and --warmup (seconds) are whole numbers"

driver=$HOMEWARD_ROOT/deploy/load/Homeward.LoadDriver
dotnet build "$driver/Homeward.LoadDriver.csproj" -c Release -v quiet -nologo >"$DATA_DIR/logs/load-driver-build.log" 2>&1 \
  || die "building the load driver failed; see ${DATA_DIR#$HOMEWARD_ROOT/}/logs/load-driver-build.log"
require_platform
HOMEWARD_LOAD_TOKEN=$("$HOMEWARD_ROOT/deploy/local/token.sh" registry.read jobmatching.read subsidy.read training.read) \
  || die "could not sign in as the local administrator"
export HOMEWARD_LOAD_TOKEN

url="$GATEWAY_URL/api/gateway/v1/kpis?$query"
answer=$(curl -fsS --max-time 10 -H "Authorization: Bearer $HOMEWARD_LOAD_TOKEN" "$url") || die "GET $url does not answer 200"
workers=$(printf '%s' "$answer" | grep -o '"registered":{"total":[0-9]*' | grep -o '[0-9]*$' || echo '?')
missing=$(printf '%s' "$answer" | { grep -o '"service":"[a-z-]*"' || true; } | cut -d'"' -f4 | tr '\n' ' ')
log "the city holds $workers workers; parts missing from the answer: ${missing:-none}"

report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT
groups=("postgres=$(pgrep -d, -u postgres postgres)")
for name in gateway registry job-matching subsidy training; do
  [ -f "$DATA_DIR/run/$name.pid" ] && groups+=("$name=$(cat "$DATA_DIR/run/$name.pid")")
done

report_machine
log "GET $url at $rate requests/s for ${duration}s (warm-up ${warmup}s)"
cpu_snapshot "$report_dir/before" "${groups[@]}"
TIMEFORMAT='%U %S'
{ time dotnet "$driver/bin/Release/net10.0/Homeward.LoadDriver.dll" get --url "$url" --rate "$rate" --duration "$duration" --warmup "$warmup" \
    >"$report_dir/load.txt" 2>&1; } 2>"$report_dir/load.time" || { cat "$report_dir/load.txt" >&2; die "the load driver failed"; }
cpu_snapshot "$report_dir/after" "${groups[@]}"
cat "$report_dir/load.txt"
cpu_report "$report_dir/before" "$report_dir/after" "load=$(tail -1 "$report_dir/load.time" | awk '{ print $1 + $2 }')"
