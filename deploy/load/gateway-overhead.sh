#!/usr/bin/env bash
# Gateway overhead: the same GET /api/registry/v1/workers/{id} at a fixed rate, direct to the registry and through
# the YARP gateway; prints both p99 latencies and their difference (target: ≤ 5 ms at 1,000 requests/s).
#
#   deploy/load/gateway-overhead.sh [--rate 1000] [--duration 30] [--warmup 5] [--rounds 1] [--generator open|hey]
#
# --generator open (default): the load driver sends requests evenly spaced at the rate, whatever the responses do
# (open loop; latency counts from each request's due time), after a warm-up at the same rate in the same process. --generator hey: hey with 20 workers, each limited to
# rate/20 per second; its workers' tickers start together, so requests arrive in bursts of 20 every 20 ms at 1,000/s,
# which measures how bursts queue rather than the cost of a hop. Each round measures direct, then gateway, after a
# warm-up of both. Results: docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/common.sh"

rate=1000 duration=30 warmup=5 rounds=1 generator=open workers=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=${2%s}; shift 2 ;;
    --warmup) warmup=${2%s}; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$rate" =~ ^[0-9]+$ && "$duration" =~ ^[0-9]+$ && "$warmup" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ ]] \
  || die "--rate, --duration, --warmup (seconds) and --rounds are whole numbers"
[[ "$generator" =~ ^(open|hey)$ ]] || die "--generator is open or hey"
per_worker=$((rate / workers))

driver=$HOMEWARD_ROOT/deploy/load/Homeward.LoadDriver
if [ "$generator" = hey ]; then
  command -v hey >/dev/null || die "hey is not installed: apt-get install -y hey"
else
  dotnet build "$driver/Homeward.LoadDriver.csproj" -c Release -v quiet -nologo >"$DATA_DIR/logs/load-driver-build.log" 2>&1 \
    || die "building the load driver failed; see ${DATA_DIR#$HOMEWARD_ROOT/}/logs/load-driver-build.log"
fi
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

# Runs the load at the fixed rate and keeps its report in $report_dir/<label>.txt, and where the CPU went in <label>.cpu.
run_load() { # label url seconds
  local load_cpu TIMEFORMAT='%U %S' groups
  groups=("registry=$(cat "$DATA_DIR/run/registry.pid")" "gateway=$(cat "$DATA_DIR/run/gateway.pid")"
    "postgres=$(pgrep -d, -u postgres postgres)")
  cpu_snapshot "$report_dir/$1.before" "${groups[@]}"
  if [ "$generator" = hey ]; then
    { time hey -z "$3s" -c "$workers" -q "$per_worker" -disable-compression "${auth[@]}" "$2" >"$report_dir/$1.txt" 2>&1; } \
      2>"$report_dir/$1.time" || { cat "$report_dir/$1.txt" >&2; die "hey failed against $2"; }
  else
    { time dotnet "$driver/bin/Release/net10.0/Homeward.LoadDriver.dll" get --url "$2" --rate "$rate" --duration "$3" --warmup "$warmup" \
        >"$report_dir/$1.txt" 2>&1; } 2>"$report_dir/$1.time" || { cat "$report_dir/$1.txt" >&2; die "the load driver failed against $2"; }
  fi
  cpu_snapshot "$report_dir/$1.after" "${groups[@]}"
  load_cpu=$(tail -1 "$report_dir/$1.time" | awk '{ print $1 + $2 }')
  cpu_report "$report_dir/$1.before" "$report_dir/$1.after" "load=$load_cpu" >"$report_dir/$1.cpu"
}

# A figure of a run's report: requests_per_second, p50_ms, p90_ms, p99_ms, max_ms or failed.
metric() { # label name
  local file=$report_dir/$1.txt
  if [ "$generator" = open ]; then
    awk -v n="$2" '$1 == n { print $2 }' "$file"
    return
  fi
  case "$2" in
    requests_per_second) awk '/Requests\/sec:/ { printf "%.0f", $2 }' "$file" ;;
    p50_ms|p90_ms|p99_ms) awk -v p="${2:1:2}%" '$1 == p && $2 == "in" { printf "%.2f", $3 * 1000 }' "$file" ;;
    max_ms) awk '/Slowest:/ { printf "%.2f", $2 * 1000 }' "$file" ;;
    # Responses other than 200 plus transport errors (hey's "Status code" and "Error distribution" sections).
    failed) awk '/^Status code distribution:/ { section = "status"; next } /^Error distribution:/ { section = "error"; next }
                 /^  \[[0-9]+\]/ { count = $1; gsub(/[^0-9]/, "", count); n = $2 + 0
                                    if (section == "status" && count != "200") bad += n; if (section == "error") bad += count }
                 END { print bad + 0 }' "$file" ;;
  esac
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
log "GET $path at $rate requests/s ($generator), ${duration}s per target, warm-up ${warmup}s"
# The load driver warms its target up itself, in the same process, right before measuring (a fresh process's first
# seconds would otherwise measure the driver's own JIT); hey gets a warm-up run of each target first.
if [ "$generator" = hey ]; then
  run_load warmup-direct "$direct_url" "$warmup"
  run_load warmup-gateway "$gateway_url" "$warmup"
fi

printf '\n%-7s %-9s %9s %9s %9s %9s %9s %8s\n' round target req/s p50_ms p90_ms p99_ms max_ms failed
for round in $(seq 1 "$rounds"); do
  run_load "direct-$round" "$direct_url" "$duration"
  run_load "gateway-$round" "$gateway_url" "$duration"
  for target in direct gateway; do
    label=$target-$round
    printf '%-7s %-9s %9s %9s %9s %9s %9s %8s\n' "$round" "$target" "$(metric "$label" requests_per_second)" \
      "$(metric "$label" p50_ms)" "$(metric "$label" p90_ms)" "$(metric "$label" p99_ms)" "$(metric "$label" max_ms)" \
      "$(metric "$label" failed)"
  done
  for target in direct gateway; do
    printf '%-7s %-9s %s\n' "$round" "$target" "$(cat "$report_dir/$target-$round.cpu")"
    other=$(sed 's/.*everything else \([0-9.]*\).*/\1/' "$report_dir/$target-$round.cpu")
    if awk -v o="$other" 'BEGIN { exit !(o > 0.25) }'; then
      printf '  WARNING  processes outside the platform used %s cores while measuring %s: the figures are pessimistic; run again when the machine is quiet\n' "$other" "$target"
    fi
  done
  direct_p99=$(metric "direct-$round" p99_ms)
  gateway_p99=$(metric "gateway-$round" p99_ms)
  difference=$(awk -v g="$gateway_p99" -v d="$direct_p99" 'BEGIN { printf "%.2f", g - d }')
  verdict=$(awk -v x="$difference" 'BEGIN { print (x <= 5 ? "PASS" : "FAIL") }')
  printf 'round %s: p99 direct %s ms, through the gateway %s ms, difference %s ms (target ≤ 5 ms: %s)\n' \
    "$round" "$direct_p99" "$gateway_p99" "$difference" "$verdict"
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
