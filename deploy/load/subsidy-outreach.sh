#!/usr/bin/env bash
# Subsidy's outreach batch (issue 7): every registered worker of the city evaluated against every active policy, and a
# notification stored for each newly eligible worker and policy.                     target 200,000 × 10 policies ≤ 10 s
#
#   deploy/load/subsidy-outreach.sh [--workers 200000]
#
# Seeds --workers workers' facts (15% with a business) into a database of its own by COPY, defines 10 active policies
# through the API, deletes every notification, then times POST /api/subsidy/v1/outreach/runs through the gateway as the
# city administrator: from the request to its answer, when every chunk's notifications are committed. A second run
# follows at once, which finds every worker already notified and stores nothing (idempotence, and the cost of the
# evaluation alone). It runs its own identity (127.0.0.1:5041), subsidy (127.0.0.1:5143) and gateway (127.0.0.1:5040,
# the token issuer), built in Release from this checkout into .data/bench-build-subsidy, on the database
# $HOMEWARD_BENCH_SUBSIDY_OUTREACH_DATABASE (default homeward_bench_subsidy_outreach) and the RabbitMQ virtual host
# homeward-bench-subsidy-outreach. Results: docs/benchmarks.md, "Subsidy (issue 7)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

workers=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$workers" =~ ^[0-9]+$ && "$workers" -ge 1 ]] || die "--workers is a whole number of at least 1"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_SUBSIDY_OUTREACH_DATABASE:-homeward_bench_subsidy_outreach}
vhost=homeward-bench-subsidy-outreach
name=bench-subsidy-outreach
identity_port=5041 subsidy_port=5143 gateway_port=5040
. "$(dirname "$0")/subsidy-stack.sh"
start_subsidy_stack

log "seeding $workers workers' facts by COPY"
load_driver seed-subsidy --workers "$workers" >&2

# Ten policies of the catalog's five kinds, over every kind of fact; each finds between a few and most of the workers.
log "defining 10 policies"
define_policy bench-startup-subsidy startupSubsidy '{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessAgeMonths","op":"le","value":36},{"not":{"fact":"benefitsReceived","op":"contains","value":"bench-startup-subsidy"}}]}' >/dev/null
define_policy bench-guaranteed-loan guaranteedLoan '{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"age","op":"le","value":60},{"fact":"businessKind","op":"in","value":["individualBusiness","microEnterprise"]}]}' >/dev/null
define_policy bench-tax-relief taxRelief '{"all":[{"fact":"businessKind","op":"eq","value":"individualBusiness"},{"fact":"businessAgeMonths","op":"lt","value":36}]}' >/dev/null
define_policy bench-hiring-subsidy hiringSubsidy '{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessEmployees","op":"ge","value":3}]}' >/dev/null
define_policy bench-travel-subsidy travelSubsidy '{"all":[{"fact":"employmentStatus","op":"eq","value":"employedElsewhere"},{"fact":"daysSinceReturn","op":"le","value":1095}]}' >/dev/null
define_policy bench-job-seeking startupSubsidy '{"all":[{"fact":"employmentStatus","op":"in","value":["seekingWork","inTraining"]},{"fact":"age","op":"le","value":50}]}' >/dev/null
define_policy bench-trained-startup startupSubsidy '{"all":[{"fact":"trainingsCompleted","op":"ge","value":1},{"not":{"fact":"employmentStatus","op":"eq","value":"employedLocally"}}]}' >/dev/null
define_policy bench-e-commerce startupSubsidy '{"any":[{"fact":"trainedTrades","op":"contains","value":"e-commerce"},{"fact":"businessSector","op":"eq","value":"G"}]}' >/dev/null
define_policy bench-recent-returnee travelSubsidy '{"all":[{"fact":"daysSinceReturn","op":"le","value":1460},{"fact":"age","op":"ge","value":16}]}' >/dev/null
define_policy bench-older-returnee hiringSubsidy '{"all":[{"fact":"age","op":"ge","value":45},{"not":{"fact":"employmentStatus","op":"in","value":["employedLocally","employedElsewhere"]}}]}' >/dev/null

# Every run measures the same work: no worker has been notified yet.
psql_admin -d "$database" -c "TRUNCATE subsidy.funnel_entries" -c "VACUUM (ANALYZE) subsidy.funnel_entries"

run_outreach() { # label
  local seconds summary
  cpu_snapshot "$work/before" subsidy="$subsidy_pid"
  seconds=$(curl -sS -o "$work/run.json" -w '%{time_total}' --max-time 600 -X POST -H "Authorization: Bearer $staff" \
    -H 'Content-Type: application/json' -d '{}' "$api/outreach/runs")
  cpu_snapshot "$work/after" subsidy="$subsidy_pid"
  summary=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["workersEvaluated"], "workers,", r["policiesActive"], "policies,", r["notified"], "notified")' "$work/run.json") \
    || die "the outreach run did not answer its summary: $(head -c 300 "$work/run.json")"
  log "RESULT outreach run, $1: $seconds s ($summary) (target ≤ 10 s for 200,000 × 10)"
  cpu_report "$work/before" "$work/after" >&2
}

# PostgreSQL's backends are opened as the load needs them and would be missed by a snapshot taken before: its CPU is
# part of "everything else".
report_machine
run_outreach "no worker notified yet"
run_outreach "again, every eligible worker already notified"
stored=$(psql_admin -d "$database" -tAc "SELECT count(*) FROM subsidy.funnel_entries")
log "subsidy.funnel_entries holds $stored notifications"
