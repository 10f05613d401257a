#!/usr/bin/env bash
# JobMatching's matching reads through the gateway, each at a fixed, evenly spaced rate with the load driver (issue 5):
#   worker   GET /api/job-matching/v1/candidates/{workerId}/matches?limit=20    target p99 ≤ 20 ms
#            (top 20 of --vacancies open vacancies, default 50,000); also straight at the service (worker-direct)
#   vacancy  GET /api/job-matching/v1/vacancies/{vacancyId}/matches?limit=50    target p99 ≤ 50 ms
#            (top 50 of --candidates candidates, default 200,000)
#
#   deploy/load/job-matching-reads.sh [--vacancies 50000] [--candidates 200000] [--duration 30s] [--warmup 5s]
#                                     [--rounds 2] [--worker-rate 20] [--vacancy-rate 20] [--quiet-wait 1800]
#
# The worker and the vacancy are the demanding ones, not typical ones: the worker seeks work anywhere (partner cities
# included), can start today and has the trades with the most open vacancies; the vacancy is local, in the trade the
# most candidates seeking work have or want. Both make the database rank the most rows sharing a trade it ever does.
#
# Before each measurement it waits (at most --quiet-wait seconds) for the shared machine to be quiet, and prints the
# cores each process group used during it; a measurement during which everything else used > 0.25 cores is DISTURBED.
#
# It runs its own identity (127.0.0.1:5021), job-matching (127.0.0.1:5122) and gateway (127.0.0.1:5020, the token
# issuer), built in Release from this checkout into .data/bench-build, on a database of their own
# ($HOMEWARD_BENCH_MATCHING_DATABASE, default homeward_bench_matching) and RabbitMQ virtual host
# homeward-bench-matching: the platform's data and processes stay untouched, and only PostgreSQL and RabbitMQ need to
# run. Employers, vacancies and candidates are seeded once by COPY (Homeward.LoadDriver seed-job-matching) and kept for
# later runs. Results: docs/benchmarks.md, "JobMatching matching and ingest (issue 5)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

vacancies=50000 candidates=200000 duration=30s warmup=5s rounds=2 worker_rate=20 vacancy_rate=20 quiet_wait=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --vacancies) vacancies=$2; shift 2 ;;
    --candidates) candidates=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --worker-rate) worker_rate=$2; shift 2 ;;
    --vacancy-rate) vacancy_rate=$2; shift 2 ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for number in "$vacancies" "$candidates" "$rounds" "$worker_rate" "$vacancy_rate" "$quiet_wait"; do
  [[ "$number" =~ ^[0-9]+$ ]] || die "--vacancies, --candidates, --rounds, the rates and --quiet-wait are whole numbers"
done
[ "$worker_rate" -ge 1 ] && [ "$vacancy_rate" -ge 1 ] || die "the rates are at least 1 request/s"
[[ "$duration" =~ ^[0-9]+s$ && "$warmup" =~ ^[0-9]+s$ ]] || die "--duration and --warmup are seconds, e.g. 30s"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_MATCHING_DATABASE:-homeward_bench_matching}
vhost=homeward-bench-matching
identity_port=5021 job_matching_port=5122 gateway_port=5020
. "$(dirname "$0")/job-matching-stack.sh"
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url) bench_job_matching=http://127.0.0.1:$job_matching_port

build_projects services/identity/Homeward.Identity services/job-matching/Homeward.JobMatching.Api services/gateway/Homeward.Gateway \
  deploy/load/Homeward.LoadDriver
provision_bench identity jobmatching

log "starting the benchmark identity on $bench_identity and job-matching on $bench_job_matching (they migrate their schemas)"
start_bench_process bench-matching-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
# Expiry and the daily skill-gap announcement would write to the seeded data during a measurement.
start_bench_process bench-matching-job-matching Homeward.JobMatching.Api "$job_matching_port" "$(job_matching_env)" \
  "JobMatching__ExpiryInterval=1.00:00:00" "JobMatching__PublishSkillGapsDaily=false"

log "seeding $vacancies open vacancies and $candidates candidates (only those missing)"
load_driver seed-job-matching --vacancies "$vacancies" --candidates "$candidates" >&2

log "starting the benchmark gateway on $bench_gateway (job-matching → $bench_job_matching, identity → $bench_identity)"
start_bench_process bench-matching-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__job-matching__Destinations__local__Address=$bench_job_matching" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
  "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"

token=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" jobmatching.read)
[ -n "$token" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"

# The demanding worker and vacancy (see the top of this file).
worker_id=$(psql_admin -d "$database" -tAc "
  WITH open_by_trade AS (
    SELECT trade_code, count(*) AS open FROM jobmatching.vacancies
    WHERE status = 'Open' AND filled < headcount AND valid_through >= current_date GROUP BY trade_code)
  SELECT c.worker_id FROM jobmatching.candidates c
  CROSS JOIN LATERAL (SELECT coalesce(sum(o.open), 0) AS open FROM open_by_trade o WHERE o.trade_code = ANY (c.trade_codes)) t
  WHERE c.status = 'SeekingWork' AND c.registered_at IS NOT NULL AND c.reach = 'Anywhere' AND c.intention IS NOT NULL
    AND c.intention->>'availableFrom' IS NULL AND jsonb_array_length(c.intention->'busyMonths') = 0
  ORDER BY t.open DESC, c.worker_id LIMIT 1")
vacancy_id=$(psql_admin -d "$database" -tAc "
  WITH wanted AS (
    SELECT trade, count(*) AS seeking FROM jobmatching.candidates, unnest(trade_codes) AS trade
    WHERE status = 'SeekingWork' GROUP BY trade ORDER BY seeking DESC LIMIT 1)
  SELECT v.id FROM jobmatching.vacancies v JOIN wanted ON v.trade_code = wanted.trade
  WHERE v.status = 'Open' AND v.partner_city IS NULL AND v.filled < v.headcount AND v.valid_through >= current_date + 30
  ORDER BY v.id LIMIT 1")
[ -n "$worker_id" ] && [ -n "$vacancy_id" ] || die "no candidate or vacancy to match: is the seed complete?"
worker_url="$bench_gateway/api/job-matching/v1/candidates/$worker_id/matches?limit=20"
# The worker's read also straight at the service, so the gateway's share of the worker's target shows.
worker_direct_url="$bench_job_matching/api/job-matching/v1/candidates/$worker_id/matches?limit=20"
vacancy_url="$bench_gateway/api/job-matching/v1/vacancies/$vacancy_id/matches?limit=50"
for url in "$worker_url" "$worker_direct_url" "$vacancy_url"; do
  hits=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$url" | grep -o '"score":' | wc -l) || die "GET $url does not answer 200"
  [ "$hits" -gt 0 ] || die "GET $url finds no match"
done
log "worker $worker_id: $(psql_admin -d "$database" -tAc "SELECT count(*) FROM jobmatching.vacancies v, jobmatching.candidates c WHERE c.worker_id = '$worker_id' AND v.status = 'Open' AND v.trade_code = ANY (c.trade_codes)") open vacancies in its trades"
log "vacancy $vacancy_id: $(psql_admin -d "$database" -tAc "SELECT count(*) FROM jobmatching.candidates c, jobmatching.vacancies v WHERE v.id = '$vacancy_id' AND c.status = 'SeekingWork' AND v.trade_code = ANY (c.trade_codes)") candidates seeking work in its trade"


# Waits (up to --quiet-wait) for two consecutive 5 s windows with the CPUs ≥ 85 % idle and no build or test running;
# proceeds anyway after that, and the cpu line tells.
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

# One measurement, printed at once with the cores used during it; "disturbed" when everything else used > 0.25 cores.
measure() { # round read rate url
  local round=$1 read=$2 rate=$3 url=$4 label="$2-$1" others
  wait_quiet
  run_reads "$label" "$url" "$rate" "$duration"
  others=$(sed -n 's/.*everything else \([0-9.]*\).*/\1/p' "$work/$label.cpu")
  printf '%-6s %-13s %8s %s  %s%s\n' "$round" "$read" "$rate" "$(reads_row "$label")" "$(sed 's/^cpu *cores used (1.0 = one core): //' "$work/$label.cpu")" \
    "$(awk -v x="$others" 'BEGIN { if (x > 0.25) printf "  DISTURBED" }')"
}

report_machine
log "$(psql_admin -d "$database" -tAc "SELECT count(*) FROM jobmatching.vacancies WHERE status = 'Open'") open vacancies, $(psql_admin -d "$database" -tAc "SELECT count(*) FROM jobmatching.candidates") candidates; $duration per measurement after $warmup warm-up"
run_reads warmup-worker "$worker_url" "$worker_rate" "$warmup"
run_reads warmup-vacancy "$vacancy_url" "$vacancy_rate" "$warmup"

printf '\n%-6s %-13s %8s %9s %9s %9s %9s %9s %8s %9s  %s\n' round read offered req/s p50_ms p90_ms p99_ms max_ms failed late_p99 "cores used (1.0 = one core)"
for round in $(seq 1 "$rounds"); do
  measure "$round" worker "$worker_rate" "$worker_url"
  measure "$round" worker-direct "$worker_rate" "$worker_direct_url"
  measure "$round" vacancy "$vacancy_rate" "$vacancy_url"
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
