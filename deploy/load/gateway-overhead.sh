#!/usr/bin/env bash
# Gateway overhead: the same GET /api/registry/v1/workers/{id} at a fixed rate, direct to the registry and through
# the YARP gateway; prints both p99 latencies and their difference (target: ≤ 5 ms at 1,000 requests/s).
#
#   deploy/load/gateway-overhead.sh [--duration 30s] [--workers 20] [--per-worker 50] [--warmup 5s] [--rounds 1]
#
# hey's -q is a rate limit per worker, so --workers 20 --per-worker 50 offers 1,000 requests/s in total. Each round
# measures direct, then gateway, with a warm-up of both first. Results: docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/common.sh"

duration=30s workers=20 per_worker=50 warmup=5s rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --per-worker) per_worker=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$workers" =~ ^[0-9]+$ && "$per_worker" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ ]] || die "--workers, --per-worker and --rounds are whole numbers"

command -v hey >/dev/null || die "hey is not installed: apt-get install -y hey"
require_platform
ensure_token

auth=()
[ -n "${HOMEWARD_LOAD_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $HOMEWARD_LOAD_TOKEN")

# A valid, random national ID number (GB 11643, ISO 7064 MOD 11-2 check character) of a county in province 41.
national_id() {
  local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) map=10X98765432 sum=0 i first17 birth
  birth=$(date -u -d "1960-01-01 + $(( (RANDOM * 32768 + RANDOM) % 16801 )) days" +%Y%m%d)
  first17=$(printf '41%04d%s%03d' $(( RANDOM % 9899 + 101 )) "$birth" $(( RANDOM % 1000 )))
  for i in $(seq 0 16); do sum=$(( sum + ${first17:i:1} * weights[i] )); done
  printf '%s%s' "$first17" "${map:sum%11:1}"
}

# Registers one worker directly at the registry and prints its id (a taken national ID number answers 409: try another).
register_worker() {
  local attempt headers status
  for attempt in 1 2 3 4 5; do
    headers=$(curl -sS -o /dev/null -D - --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' \
      -d "{\"nationalId\":\"$(national_id)\",\"name\":\"张伟\",\"phone\":\"13812345678\",\"householdDivision\":\"419921101201\"}" \
      "$REGISTRY_URL/api/registry/v1/workers") || die "registering a worker failed"
    status=$(printf '%s' "$headers" | head -1 | awk '{print $2}')
    if [ "$status" = "201" ]; then
      printf '%s' "$headers" | tr -d '\r' | awk -F/ 'tolower($0) ~ /^location:/ {print $NF}'
      return 0
    fi
    [ "$status" = "409" ] || die "registering a worker answered $status: $headers"
  done
  die "five random national ID numbers were all taken"
}

# Runs hey at the fixed rate and keeps its report in $report_dir/<label>.txt, and where the CPU went in <label>.cpu.
run_hey() { # label url duration
  local hey_cpu TIMEFORMAT='%U %S' groups
  groups=("registry=$(cat "$DATA_DIR/run/registry.pid")" "gateway=$(cat "$DATA_DIR/run/gateway.pid")"
    "postgres=$(pgrep -d, -u postgres postgres)")
  cpu_snapshot "$report_dir/$1.before" "${groups[@]}"
  { time hey -z "$3" -c "$workers" -q "$per_worker" -disable-compression "${auth[@]}" "$2" >"$report_dir/$1.txt" 2>&1; } \
    2>"$report_dir/$1.time" || { cat "$report_dir/$1.txt" >&2; die "hey failed against $2"; }
  cpu_snapshot "$report_dir/$1.after" "${groups[@]}"
  hey_cpu=$(awk '{ print $1 + $2 }' "$report_dir/$1.time")
  cpu_report "$report_dir/$1.before" "$report_dir/$1.after" "hey=$hey_cpu" >"$report_dir/$1.cpu"
}

# Reads a percentile (in ms), the throughput and the non-200 count from a hey report.
percentile_ms() { awk -v p="$2%" '$1 == p && $2 == "in" { printf "%.2f", $3 * 1000 }' "$report_dir/$1.txt"; }
requests_per_second() { awk '/Requests\/sec:/ { printf "%.0f", $2 }' "$report_dir/$1.txt"; }
# Responses other than 200 plus transport errors (hey's "Status code" and "Error distribution" sections).
failures() {
  awk '/^Status code distribution:/ { section = "status"; next } /^Error distribution:/ { section = "error"; next }
       /^  \[[0-9]+\]/ { count = $1; gsub(/[^0-9]/, "", count); n = $2 + 0
                          if (section == "status" && count != "200") bad += n; if (section == "error") bad += count }
       END { print bad + 0 }' "$report_dir/$1.txt"
}

worker_id=$(register_worker)
[ -n "$worker_id" ] || die "the registry did not return the new worker's location"
path="/api/registry/v1/workers/$worker_id"
direct_url="$REGISTRY_URL$path"
gateway_url="$GATEWAY_URL$path"
curl -fsS --max-time 5 "${auth[@]}" -o /dev/null "$gateway_url" || die "GET $gateway_url does not answer 200"

report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT

report_machine
log "GET $path at $((workers * per_worker)) requests/s (hey -c $workers -q $per_worker), $duration per target, warm-up $warmup"
run_hey warmup-direct "$direct_url" "$warmup"
run_hey warmup-gateway "$gateway_url" "$warmup"

printf '\n%-7s %-9s %9s %9s %9s %9s %9s %8s\n' round target req/s p50_ms p90_ms p99_ms max_ms failed
for round in $(seq 1 "$rounds"); do
  run_hey "direct-$round" "$direct_url" "$duration"
  run_hey "gateway-$round" "$gateway_url" "$duration"
  for target in direct gateway; do
    label=$target-$round
    printf '%-7s %-9s %9s %9s %9s %9s %9s %8s\n' "$round" "$target" "$(requests_per_second "$label")" \
      "$(percentile_ms "$label" 50)" "$(percentile_ms "$label" 90)" "$(percentile_ms "$label" 99)" \
      "$(awk '/Slowest:/ { printf "%.2f", $2 * 1000 }' "$report_dir/$label.txt")" \
      "$(failures "$label")"
  done
  for target in direct gateway; do
    printf '%-7s %-9s %s\n' "$round" "$target" "$(cat "$report_dir/$target-$round.cpu")"
    other=$(sed 's/.*everything else \([0-9.]*\).*/\1/' "$report_dir/$target-$round.cpu")
    if awk -v o="$other" 'BEGIN { exit !(o > 0.25) }'; then
      printf '  WARNING  processes outside the platform used %s cores while measuring %s: the figures are pessimistic; run again when the machine is quiet\n' "$other" "$target"
    fi
  done
  direct_p99=$(percentile_ms "direct-$round" 99)
  gateway_p99=$(percentile_ms "gateway-$round" 99)
  difference=$(awk -v g="$gateway_p99" -v d="$direct_p99" 'BEGIN { printf "%.2f", g - d }')
  verdict=$(awk -v x="$difference" 'BEGIN { print (x <= 5 ? "PASS" : "FAIL") }')
  printf 'round %s: p99 direct %s ms, through the gateway %s ms, difference %s ms (target ≤ 5 ms: %s)\n' \
    "$round" "$direct_p99" "$gateway_p99" "$difference" "$verdict"
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
