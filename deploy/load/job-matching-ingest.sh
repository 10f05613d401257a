#!/usr/bin/env bash
# Ingest of WorkerRegistered events into JobMatching's candidate projection (issue 5: 200,000 events ≤ 60 s):
#   backlog  --events WorkerRegistered (default 200,000) wait in JobMatching's queue while the service is stopped; the
#            service is started and timed until the projection holds them all (from the process start, and from its
#            first candidate to its last)
#   live     the same number published while the service runs, timed from the first publish to the last candidate
#
#   deploy/load/job-matching-ingest.sh [--events 200000] [--rounds 1] [--skip-live] [--quiet-wait 1800]
#
# The events are the real contract (Homeward.Contracts WorkerRegistered with the worker's facts) published through
# MassTransit as the registry's outbox dispatcher publishes them (Homeward.LoadDriver publish-worker-registered).
# Before each measurement it waits (at most --quiet-wait seconds) for the shared machine to be quiet, and prints the
# cores each process group used during it; a measurement during which everything else used > 0.25 cores is DISTURBED.
#
# It runs its own job-matching (127.0.0.1:5123), built in Release from this checkout into .data/bench-build-job-matching,
# on a database of its own ($HOMEWARD_BENCH_INGEST_DATABASE, default homeward_bench_ingest) and RabbitMQ virtual host
# homeward-bench-ingest; every measurement starts from an empty projection and inbox. Results: docs/benchmarks.md,
# "JobMatching matching and ingest (issue 5)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

events=200000 rounds=1 live=1 quiet_wait=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --skip-live) live=0; shift ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$events" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ && "$quiet_wait" =~ ^[0-9]+$ ]] && [ "$events" -ge 1 ] \
  || die "--events, --rounds and --quiet-wait are whole numbers, --events at least 1"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_INGEST_DATABASE:-homeward_bench_ingest}
vhost=homeward-bench-ingest
job_matching_port=5123
queue=job-matching-worker-registered
. "$(dirname "$0")/job-matching-stack.sh"

build_projects services/job-matching/Homeward.JobMatching.Api deploy/load/Homeward.LoadDriver
provision_bench jobmatching
broker="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/$vhost"
rabbit_api="http://127.0.0.1:15672/api/queues/$vhost/$queue"

start_job_matching() {
  # Expiry and the daily skill-gap announcement have nothing to do here; keep them from adding work.
  start_bench_process bench-ingest-job-matching Homeward.JobMatching.Api "$job_matching_port" "$(job_matching_env)" \
    "JobMatching__ExpiryInterval=1.00:00:00" "JobMatching__PublishSkillGapsDaily=false"
  job_matching_pid=$last_pid
}
# The management API fills in the counts some seconds after a change; the depth is for the log only.
queue_depth() { curl -fsS -u guest:guest "$rabbit_api" | grep -o '"messages":[0-9]*' | head -1 | cut -d: -f2 || true; }
candidates() { psql_admin -d "$database" -tAc "SELECT count(*) FROM jobmatching.candidates"; }
reset_projection() {
  psql_admin -d "$database" -c "TRUNCATE jobmatching.candidates, jobmatching.inbox_messages"
  curl -fsS -u guest:guest -X DELETE "$rabbit_api/contents" >/dev/null
}

# Waits until the projection holds every event; prints the seconds (since epoch, fractional) of the first and last row seen.
wait_for_projection() { # timeout_s
  local deadline=$(( $(date +%s) + $1 )) count first=""
  while :; do
    count=$(candidates)
    [ -z "$first" ] && [ "$count" -gt 0 ] && first=$(date +%s.%N)
    [ "$count" -ge "$events" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || die "the projection holds only $count of $events candidates after $1 s; see ${LOG_DIR#$HOMEWARD_ROOT/}/bench-ingest-job-matching.log"
    sleep 0.2
  done
  printf '%s %s\n' "$first" "$(date +%s.%N)"
}

wait_quiet() {
  local deadline=$(( $(date +%s) + quiet_wait )) calm=0 idle
  while [ "$(date +%s)" -lt "$deadline" ]; do
    idle=$(vmstat 5 2 | tail -1 | awk '{print $15}')
    if [ "$idle" -ge 85 ] && ! pgrep -f 'MSBuild.dll|testhost|vstest' >/dev/null; then
      calm=$((calm + 1)); [ $calm -ge 2 ] && return 0
    else
      calm=0
    fi
  done
  log "WARNING: the machine was not quiet within ${quiet_wait} s; measuring anyway"
}
cpu_line() { # before after [group=seconds ...]
  local others line
  line=$(cpu_report "$@" | sed 's/^cpu *cores used (1.0 = one core): //')
  others=$(printf '%s' "$line" | sed -n 's/.*everything else \([0-9.]*\).*/\1/p')
  printf '%s%s' "$line" "$(awk -v x="$others" 'BEGIN { if (x > 0.25) printf "  DISTURBED" }')"
}
cpu_groups_now() {
  printf '%s\n' "job-matching=${job_matching_pid:-}" "postgres=$(pgrep -d, -u postgres postgres)" "rabbitmq=$(pgrep -d, -u rabbitmq beam.smp)"
}

log "starting the benchmark job-matching once, so it migrates its schema and declares its queues"
start_job_matching
curl -fsS -u guest:guest -o /dev/null "$rabbit_api" || die "no queue $queue in virtual host $vhost"
report_machine

for round in $(seq 1 "$rounds"); do
  log "round $round, backlog: publishing $events WorkerRegistered with job-matching stopped"
  stop_bench_process "$job_matching_pid"
  job_matching_pid=""
  reset_projection
  load_driver publish-worker-registered --events "$events" --broker "$broker" >&2
  sleep 6
  log "queue $queue holds $(queue_depth) messages"
  wait_quiet
  started=$(date +%s.%N)
  start_job_matching
  ready=$(date +%s.%N)
  # Taken once the service runs, so its database connections count as postgres.
  mapfile -t cpu_groups < <(cpu_groups_now)
  cpu_snapshot "$work/backlog.before" "${cpu_groups[@]}"
  wait_for_projection 900 >"$work/times"
  read -r first last <"$work/times"
  cpu_snapshot "$work/backlog.after" "${cpu_groups[@]}"
  awk -v s="$started" -v r="$ready" -v f="$first" -v l="$last" -v n="$events" 'BEGIN {
    printf "\nbacklog %d events: ready %.1f s after start; all projected %.1f s after start; first to last candidate %.1f s (%.0f events/s)\n",
      n, r - s, l - s, l - f, n / (l - f) }'
  printf 'cpu from ready to the last candidate: %s\n' "$(cpu_line "$work/backlog.before" "$work/backlog.after")"

  if [ "$live" = 1 ]; then
    reset_projection
    wait_quiet
    mapfile -t cpu_groups < <(cpu_groups_now)
    cpu_snapshot "$work/live.before" "${cpu_groups[@]}"
    started=$(date +%s.%N)
    ( TIMEFORMAT='%U %S'; { time load_driver publish-worker-registered --events "$events" --broker "$broker" >"$work/publish.txt" 2>&1; } 2>"$work/publish.time" ) &
    publisher=$!
    wait_for_projection 900 >"$work/times"
    read -r first last <"$work/times"
    wait "$publisher" || { cat "$work/publish.txt" >&2; die "publishing failed"; }
    cpu_snapshot "$work/live.after" "${cpu_groups[@]}"
    published=$(sed -n 's/^published .* in \([0-9.]*\) s .*/\1/p' "$work/publish.txt")
    awk -v s="$started" -v l="$last" -v n="$events" -v p="$published" 'BEGIN {
      printf "live %d events: published in %s s; all projected %.1f s after the publisher started (%.0f events/s)\n", n, p, l - s, n / (l - s) }'
    printf 'cpu from the first publish to the last candidate: %s\n' \
      "$(cpu_line "$work/live.before" "$work/live.after" "publisher=$(awk '{ print $1 + $2 }' "$work/publish.time")")"
  fi
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
