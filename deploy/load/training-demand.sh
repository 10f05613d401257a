#!/usr/bin/env bash
# Training's demand report through the gateway at a fixed rate with hey (issue 8):
#   GET /api/training/v1/demand        the whole city: the counts of workers needing each trade per village, the skill
#                                      gaps and the planned seats                              target p99 ≤ 200 ms
#   GET /api/training/v1/demand?division=<county>                                                (for comparison)
#
#   deploy/load/training-demand.sh [--workers 200000] [--duration 30s] [--warmup 5s] [--rounds 2] [--rate 10]
#                                  [--quiet-wait 600]
#
# Before each measurement it waits (at most --quiet-wait seconds) for the shared machine to be quiet, and prints the
# cores each process group used during it; a measurement during which everything else used > 0.25 cores is DISTURBED.
#
# It runs its own identity (127.0.0.1:5031), training (127.0.0.1:5134) and gateway (127.0.0.1:5030, the token issuer),
# built in Release from this checkout into .data/bench-build-training, on a database of their own
# ($HOMEWARD_BENCH_TRAINING_DATABASE, default homeward_bench_training) and RabbitMQ virtual host
# homeward-bench-training: the platform's data and processes stay untouched. Workers (spread over the sample city's
# villages, 60 % with one or two training needs), a provider, a course per trade, 300 planned sessions and a skill gap
# per trade are seeded once by SQL and kept for later runs. Results: docs/benchmarks.md, "Training (issue 8)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

workers=200000 duration=30s warmup=5s rounds=2 rate=10 quiet_wait=600
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for number in "$workers" "$rounds" "$rate" "$quiet_wait"; do
  [[ "$number" =~ ^[0-9]+$ ]] || die "--workers, --rounds, --rate and --quiet-wait are whole numbers"
done
[ "$rate" -ge 1 ] || die "the rate is at least 1 request/s"
[[ "$duration" =~ ^[0-9]+s$ && "$warmup" =~ ^[0-9]+s$ ]] || die "--duration and --warmup are seconds, e.g. 30s"
command -v hey >/dev/null || die "hey is not installed: apt-get install -y hey"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_TRAINING_DATABASE:-homeward_bench_training}
vhost=homeward-bench-training
identity_port=5031 training_port=5134 gateway_port=5030
. "$(dirname "$0")/job-matching-stack.sh"
# Its own build folder, so this scenario and JobMatching's can be built and run at the same time.
build=$DATA_DIR/bench-build-training
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url) bench_training=http://127.0.0.1:$training_port

build_projects services/identity/Homeward.Identity services/training/Homeward.Training.Api services/gateway/Homeward.Gateway
provision_bench identity training

log "starting the benchmark identity on $bench_identity and training on $bench_training (they migrate their schemas)"
start_bench_process bench-training-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
start_bench_process bench-training Homeward.Training.Api "$training_port" \
  "ConnectionStrings__Training=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=training;Password=$PG_PASSWORD_training"

villages=$(awk -F, 'length($1) == 12 && substr($1, 10, 3) != "000" && $3 == "" { printf "%s'\''%s'\''", (n++ ? "," : ""), $1 }' \
  "$HOMEWARD_ROOT/building-blocks/Homeward.SharedKernel/ReferenceData/divisions.2026.1.csv")
trades=$(awk -F, '!/^#/ && NR > 1 && $1 != "code" && $5 == "" { printf "%s'\''%s'\''", (n++ ? "," : ""), $1 }' \
  "$HOMEWARD_ROOT/building-blocks/Homeward.SharedKernel/ReferenceData/trades.2026.1.csv")
existing=$(psql_admin -d "$database" -tAc "SELECT count(*) FROM training.workers")
if [ "$existing" -lt "$workers" ]; then
  log "seeding $((workers - existing)) workers, a provider, a course per trade, 300 planned sessions and a skill gap per trade"
  psql_admin -d "$database" -v ON_ERROR_STOP=1 -q <<SQL
SET search_path = training;
WITH v AS (SELECT ARRAY[$villages]::text[] AS villages), t AS (SELECT ARRAY[$trades]::text[] AS trades)
INSERT INTO workers (worker_id, name, household_division, profile_as_of, registered_at, training_needs, facts_as_of, status, status_as_of)
SELECT gen_random_uuid(), '学员', v.villages[1 + (i % array_length(v.villages, 1))], now(), now(),
       CASE WHEN i % 10 < 4 THEN '{}'::text[]
            WHEN i % 10 < 8 THEN ARRAY[t.trades[1 + (i * 7 % array_length(t.trades, 1))]]
            ELSE ARRAY[t.trades[1 + (i * 7 % array_length(t.trades, 1))], t.trades[1 + (i * 13 % array_length(t.trades, 1))]] END,
       now(), 'seekingWork', now()
FROM generate_series(1, $((workers - existing))) AS i, v, t;
INSERT INTO providers (id, name, division, created_at)
SELECT '00000000-0000-0000-0000-000000000001', '基准培训学校', '419900000000', now() WHERE NOT EXISTS (SELECT 1 FROM providers);
INSERT INTO courses (id, provider_id, trade_code, level, title, theory_hours, practical_hours, syllabus, status, created_at, published_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', trade, 'Junior', trade, 40, 60, '["实操"]', 'Published', now(), now()
FROM unnest(ARRAY[$trades]::text[]) AS trade WHERE NOT EXISTS (SELECT 1 FROM courses);
INSERT INTO sessions (id, course_id, provider_id, trade_code, level, division, starts_on, ends_on, capacity, instructors, status, enrolled_count, arrivals, created_at)
SELECT gen_random_uuid(), c.id, c.provider_id, c.trade_code, 'Junior', v.villages[1 + (i % array_length(v.villages, 1))],
       current_date + 30, current_date + 40, 40, '["基准"]', 'Planned', 0, 0, now()
FROM generate_series(1, 300) AS i
CROSS JOIN (SELECT ARRAY[$villages]::text[] AS villages) v
JOIN LATERAL (SELECT id, provider_id, trade_code FROM courses ORDER BY trade_code OFFSET (i % 28) LIMIT 1) c ON true
WHERE NOT EXISTS (SELECT 1 FROM sessions);
INSERT INTO skill_gaps (trade_code, level, division, unfilled_headcount, gap, as_of)
SELECT trade, 'junior', '419900000000', 200, 150, now() FROM unnest(ARRAY[$trades]::text[]) AS trade
ON CONFLICT DO NOTHING;
-- Workers seeded by SQL bypass the projection that keeps the demand counts: count them afresh, as the migration does.
DELETE FROM training_need_counts;
INSERT INTO training_need_counts (division, trade_code, workers)
SELECT w.household_division, need, count(*) FROM workers w CROSS JOIN LATERAL unnest(w.training_needs) AS need
WHERE w.registered_at IS NOT NULL GROUP BY w.household_division, need;
ANALYZE workers; ANALYZE sessions; ANALYZE skill_gaps; ANALYZE training_need_counts;
SQL
fi

log "starting the benchmark gateway on $bench_gateway (training → $bench_training, identity → $bench_identity)"
start_bench_process bench-training-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__training__Destinations__local__Address=$bench_training" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
  "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"

token=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" training.read)
[ -n "$token" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"
city_url="$bench_gateway/api/training/v1/demand"
county_url="$bench_gateway/api/training/v1/demand?division=419921000000"
for url in "$city_url" "$county_url"; do
  hits=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$url" | grep -o '"tradeCode":' | wc -l) || die "GET $url does not answer 200"
  [ "$hits" -gt 0 ] || die "GET $url finds no demand"
done

# hey at a fixed rate: label url rate duration. Keeps the report and where the CPU went.
run_hey() {
  local label=$1 url=$2 rate=$3 length=$4 clients hey_cpu TIMEFORMAT='%U %S'
  # Enough clients that the rate is offered even when a request takes several hundred milliseconds.
  clients=$(( rate >= 5 ? 4 : 1 ))
  mapfile -t cpu_groups < <(cpu_groups_now)
  cpu_snapshot "$work/$label.before" "${cpu_groups[@]}"
  { time hey -z "$length" -c "$clients" -q "$(awk -v r="$rate" -v c="$clients" 'BEGIN { printf "%g", r / c }')" -disable-compression \
      -H "Authorization: Bearer $token" "$url" >"$work/$label.txt" 2>&1; } 2>"$work/$label.time" \
    || { cat "$work/$label.txt" >&2; die "hey failed against $url"; }
  cpu_snapshot "$work/$label.after" "${cpu_groups[@]}"
  # The file also holds what hey wrote to stderr; the time is its last line.
  hey_cpu=$(tail -1 "$work/$label.time" | awk '{ print $1 + $2 }')
  cpu_report "$work/$label.before" "$work/$label.after" "hey=$hey_cpu" >"$work/$label.cpu"
}

# Figures of a run: requests/s, p50, p90, p99, max (ms), failures (non-2xx and transport errors).
hey_row() {
  awk '/Requests\/sec:/ { rps = $2 } $2 == "in" && $1 ~ /%$/ { p[$1] = $3 * 1000 } /Slowest:/ { max = $2 * 1000 }
       /^Status code distribution:/ { section = "status"; next } /^Error distribution:/ { section = "error"; next }
       /^  \[[0-9]+\]/ { code = $1; gsub(/[^0-9]/, "", code); n = $2 + 0
                         if (section == "status" && code !~ /^2/) bad += n; if (section == "error") bad += code }
       END { printf "%9.1f %9.2f %9.2f %9.2f %9.2f %8d", rps, p["50%"], p["90%"], p["99%"], max, bad }' "$work/$1.txt"
}

# Waits (up to --quiet-wait) for two consecutive 5 s windows with the CPUs ≥ 85 % idle and no build or test running.
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

measure() { # round label url
  local round=$1 read=$2 url=$3 label="$2-$1" others
  wait_quiet
  run_hey "$label" "$url" "$rate" "$duration"
  others=$(sed -n 's/.*everything else \([0-9.]*\).*/\1/p' "$work/$label.cpu")
  printf '%-6s %-8s %8s %s  %s%s\n' "$round" "$read" "$rate" "$(hey_row "$label")" "$(sed 's/^cpu *cores used (1.0 = one core): //' "$work/$label.cpu")" \
    "$(awk -v x="$others" 'BEGIN { if (x > 0.25) printf "  DISTURBED" }')"
}

report_machine
log "$(psql_admin -d "$database" -tAc "SELECT count(*) FROM training.workers") workers ($(psql_admin -d "$database" -tAc "SELECT count(*) FROM training.workers WHERE cardinality(training_needs) > 0") with training needs), $(psql_admin -d "$database" -tAc "SELECT count(*) FROM training.sessions") sessions; $duration per measurement after $warmup warm-up"
run_hey warmup-city "$city_url" "$rate" "$warmup"
run_hey warmup-county "$county_url" "$rate" "$warmup"

printf '\n%-6s %-8s %8s %9s %9s %9s %9s %9s %8s  %s\n' round read offered req/s p50_ms p90_ms p99_ms max_ms failed "cores used (1.0 = one core)"
for round in $(seq 1 "$rounds"); do
  measure "$round" city "$city_url"
  measure "$round" county "$county_url"
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
