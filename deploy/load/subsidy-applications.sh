#!/usr/bin/env bash
# Subsidy applications through the gateway (issue 7): submitting an application and reading it back at a fixed rate of
# HTTP requests, as a case worker (the city administrator's token from the real identity service).
#                                                                         target p99 ≤ 30 ms of each request at 200 requests/s
#
#   deploy/load/subsidy-applications.sh [--rate 200] [--duration 30] [--warmup 5] [--workers 20000]
#
# Each round trip is three requests: POST /api/subsidy/v1/applications (a draft for a worker who has no application of
# the policy yet), POST …/applications/{id}/submission with the draft's ETag, GET …/applications/{id}; round trips start
# evenly spaced at --rate / 3 per second (open loop; Homeward.LoadDriver applications). Every run defines a policy of
# its own (open to every adult, only the identity document, which the platform fills in), so each draft is new. Seeds
# --workers workers' facts by COPY once. It runs its own identity (127.0.0.1:5051), subsidy (127.0.0.1:5153) and
# gateway (127.0.0.1:5050, the token issuer), built in Release from this checkout into .data/bench-build-subsidy, on the
# database $HOMEWARD_BENCH_SUBSIDY_DATABASE (default homeward_bench_subsidy) and the RabbitMQ virtual host
# homeward-bench-subsidy. Results: docs/benchmarks.md, "Subsidy (issue 7)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

rate=200 duration=30 warmup=5 workers=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for value in "$rate" "$duration" "$workers"; do
  [[ "$value" =~ ^[0-9]+$ && "$value" -ge 1 ]] || die "--rate, --duration and --workers are whole numbers of at least 1"
done
[[ "$warmup" =~ ^[0-9]+$ ]] || die "--warmup is a whole number of seconds"
(( workers * 3 >= rate * (duration + warmup) )) || die "--workers $workers is too few for $((rate * (duration + warmup) / 3)) applications"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_SUBSIDY_DATABASE:-homeward_bench_subsidy}
vhost=homeward-bench-subsidy
name=bench-subsidy
identity_port=5051 subsidy_port=5153 gateway_port=5050
. "$(dirname "$0")/subsidy-stack.sh"
start_subsidy_stack

log "seeding $workers workers' facts by COPY"
load_driver seed-subsidy --workers "$workers" >&2
policy=$(define_policy "bench-applications-$(date +%s)" startupSubsidy '{"fact":"age","op":"ge","value":16}')
log "policy $policy of this run"

# PostgreSQL's backends are opened as the load needs them and would be missed by a snapshot taken before: its CPU is
# part of "everything else".
report_machine
cpu_snapshot "$work/before" subsidy="$subsidy_pid" gateway="$gateway_pid" identity="$identity_pid"
log "applications at $rate requests/s ($(python3 -c "print(round($rate / 3, 1))") round trips/s) for ${duration} s after ${warmup} s of warm-up"
HOMEWARD_LOAD_TOKEN=$staff load_driver applications --api "$api" --policy "$policy" --rate "$rate" --duration "$duration" --warmup "$warmup" \
  >"$work/result.txt"
cpu_snapshot "$work/after" subsidy="$subsidy_pid" gateway="$gateway_pid" identity="$identity_pid"
sed 's/^/  /' "$work/result.txt" >&2
value() { awk -v key="$1" '$1 == key { print $2 }' "$work/result.txt"; }
log "RESULT draft p50/p90/p99 $(value draft_p50_ms)/$(value draft_p90_ms)/$(value draft_p99_ms) ms, submit $(value submit_p50_ms)/$(value submit_p90_ms)/$(value submit_p99_ms) ms, read $(value read_p50_ms)/$(value read_p90_ms)/$(value read_p99_ms) ms at $(value requests_per_second) requests/s, $(value failed) failed (target p99 ≤ 30 ms at 200 requests/s)"
cpu_report "$work/before" "$work/after" >&2
