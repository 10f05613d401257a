#!/usr/bin/env bash
# Registry bulk import (issue 4): a ledger of --rows new workers (valid national ID numbers, villages of the sample city)
# uploaded to POST /api/registry/v1/imports and polled until the job is committed (validate, encrypt, blind-index,
# upsert, events in the outbox), then the same file uploaded again (every row unchanged), then a plain PostgreSQL COPY of
# the same rows into a scratch table: the floor of any import. Prints each time with its phases (upload and reading the
# file; the job's run), when the import's events were all published, the ratio import ÷ COPY (target: 100,000 rows in
# ≤ 5 s) and the cores each process group used.
#
#   deploy/load/registry-import.sh [--rows 100000] [--runs 1] [--workers 187000]
#
# It runs its own identity (127.0.0.1:5061), registry (127.0.0.1:5161) and gateway (127.0.0.1:5060, the token issuer),
# built in Release from this checkout into .data/bench-build-import, on a database of their own
# ($HOMEWARD_BENCH_IMPORT_DATABASE, default homeward_bench_import) and RabbitMQ virtual host homeward-bench-import: the
# platform's data and processes stay untouched. The registry holds a city of --workers workers first, seeded once by
# COPY (Homeward.LoadDriver seed-registry) and kept for later runs; each run imports people the city does not hold, and
# afterwards the rows it imported are deleted again, so every run meets the same city. The upload goes to the registry
# directly: the gateway caps bodies at 1 MB. Results: docs/benchmarks.md, "Registry bulk import".
set -euo pipefail
. "$(dirname "$0")/common.sh"

rows=100000 runs=1 workers=187000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$rows" =~ ^[0-9]+$ && "$runs" =~ ^[0-9]+$ && "$workers" =~ ^[0-9]+$ ]] && [ "$rows" -ge 1 ] \
  || die "--rows, --runs and --workers are whole numbers, --rows at least 1"
command -v jq >/dev/null || die "jq is not installed: apt-get install -y jq"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_IMPORT_DATABASE:-homeward_bench_import}
vhost=homeward-bench-import
identity_port=5061 registry_port=5161 gateway_port=5060
for port in $identity_port $registry_port $gateway_port; do
  [ -z "$(ss -ltnH "sport = :$port")" ] || die "port $port is in use: is another registry-import run going on?"
done
. "$(dirname "$0")/job-matching-stack.sh"
# Its own build folder, so this scenario and the others can be built and run at the same time.
build=$DATA_DIR/bench-build-import
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url) bench_registry=http://127.0.0.1:$registry_port
# The COPY below runs as the postgres user, which reads the ledger from here.
chmod 755 "$work"

build_projects services/identity/Homeward.Identity services/registry/Homeward.Registry.Api services/gateway/Homeward.Gateway \
  deploy/load/Homeward.LoadDriver
provision_bench identity registry
log "starting the benchmark identity on $bench_identity and registry on $bench_registry (they migrate their schemas)"
start_bench_process bench-import-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
start_bench_process bench-import-registry Homeward.Registry.Api "$registry_port" \
  "ConnectionStrings__Registry=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=registry;Password=$PG_PASSWORD_registry"
registry_pid=$last_pid
log "starting the benchmark gateway on $bench_gateway (registry → $bench_registry, identity → $bench_identity)"
start_bench_process bench-import-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__registry__Destinations__local__Address=$bench_registry" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity"
token=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" registry.read registry.write)
[ -n "$token" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"

# The seeded city ends where the import's rows begin: registry.workers holds the city as of bench_import.city, and a
# run's rows (registered, their status history and events, all later) are deleted after it, or after an interrupted run
# here before the next.
psql_admin -d "$database" -c "CREATE SCHEMA IF NOT EXISTS bench_import" \
  -c "CREATE TABLE IF NOT EXISTS bench_import.city (seeded_until timestamptz NOT NULL)"
reset_to_city() {
  psql_admin -d "$database" -c "DO \$\$
    DECLARE since timestamptz := (SELECT seeded_until FROM bench_import.city);
    BEGIN
      IF since IS NOT NULL THEN
        DELETE FROM registry.status_changes WHERE recorded_at > since;
        DELETE FROM registry.outbox_messages WHERE occurred_at > since;
        DELETE FROM registry.workers WHERE registered_at > since;
      END IF;
    END \$\$" -c "VACUUM (ANALYZE) registry.workers" -c "VACUUM (ANALYZE) registry.status_changes" \
    -c "VACUUM (ANALYZE) registry.outbox_messages"
}
reset_to_city
log "seeding a city of $workers workers (only those missing)"
load_driver seed-registry --workers "$workers" >&2
psql_admin -d "$database" -c "DELETE FROM bench_import.city" -c "INSERT INTO bench_import.city VALUES (now())"

# Active villages of the sample city from the division reference data.
awk -F, 'length($1) == 12 && substr($1, 10, 3) != "000" && $3 == "" && $1 ~ /^4199/ { print $1 }' \
  "$HOMEWARD_ROOT/building-blocks/Homeward.SharedKernel/ReferenceData/divisions.2026.1.csv" > "$work/villages"

# Writes a ledger of $2 rows starting at person number $1 (GB 11643 numbers: a county of province 41, a birth date and
# a sequence from the person number, the ISO 7064 MOD 11-2 check character).
generate() {
  awk -v first="$1" -v count="$2" -v villages="$work/villages" 'BEGIN {
    while ((getline v < villages) > 0) village[n++] = v
    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); checks = "10X98765432"
    split("张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄强 周杰 吴霞 徐军 孙丽 马超 朱红 胡斌", names, " ")
    split("419921 419922 419902 410102 410305", counties, " ")
    split("welder:intermediate;electrician:junior|housekeeping:senior|e-commerce:junior|bricklayer:intermediate;rebar-worker:junior|", skills, "|")
    split("none primary juniorHigh seniorHigh secondaryVocational juniorCollege", education, " ")
    split("seekingWork employedLocally employedElsewhere selfEmployed inTraining", status, " ")
    split("familyCare jobLoss localOpportunity entrepreneurship", reasons, " ")
    print "nationalId,name,phone,householdDivision,education,skills,returnedOn,returnReason,status,trainingNeeds,jobWhere,jobMinWage,householdSize"
    for (i = first; i < first + count; i++) {
      d = int(i / 1000)
      first17 = sprintf("%s%04d%02d%02d%03d", counties[int(i / 11760000) % 5 + 1], 1965 + d % 35, 1 + int(d / 35) % 12, 1 + int(d / 420) % 28, i % 1000)
      sum = 0; for (k = 1; k <= 17; k++) sum += substr(first17, k, 1) * w[k]
      printf "%s%s,%s,1%d%09d,%s,%s,\"%s\",2024-%02d-%02d,%s,%s,%s,%s,%d,%d\n",
        first17, substr(checks, sum % 11 + 1, 1), names[i % 15 + 1], 3 + i % 7, i % 1000000000, village[i % n],
        education[i % 6 + 1], skills[i % 5 + 1], 1 + i % 12, 1 + i % 28, reasons[i % 4 + 1], status[i % 5 + 1],
        (i % 3 == 0 ? "e-commerce" : ""), (i % 2 == 0 ? "city" : "homeCounty"), 3000 + (i % 40) * 100, 2 + i % 5
    }
  }' > "$work/ledger.csv"
}

seconds_of() { date -d "$1" +%s.%N; }

# Uploads the ledger and polls its job every quarter second; prints "total upload run created updated unchanged
# rejected published", where total runs from the request to the job's finishedAt (stamped as its last chunk commits, on
# this machine's clock), upload is until the job started (request, storing the file, reading it), run is the job's own
# time, and published runs from the request to the last publishing pass of the events the import wrote ("-" for none):
# the registry publishes them once the import has finished.
import_ledger() {
  local started finished location job upload run published
  # PostgreSQL's backends that open during the step are counted under everything else.
  cpu_snapshot "$work/cpu-before" registry="$registry_pid" postgres="$(pgrep -d, -u postgres postgres)"
  started=$(date +%s.%N)
  location=$(curl -fsS -o /dev/null -D - -H "Authorization: Bearer $token" -F "file=@$work/ledger.csv;type=text/csv" \
    "$bench_registry/api/registry/v1/imports" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$location" ] || die "the upload was not accepted"
  # The times come from the job, so the poll can be slow: polling every 50 ms, curl and this loop took a quarter of a
  # core from the import they measured.
  while :; do
    job=$(curl -fsS -H "Authorization: Bearer $token" "$bench_registry$location")
    case "$job" in
      *'"status":"completed"'*) break ;;
      *'"status":"failed"'*) die "the import failed: $(jq -r .failure <<<"$job")" ;;
    esac
    sleep 0.25
  done
  cpu_snapshot "$work/cpu-after" registry="$registry_pid" postgres="$(pgrep -d, -u postgres postgres)"
  cpu_report "$work/cpu-before" "$work/cpu-after" | sed 's/^/[cpu] /' >&2
  until [ "$(psql_admin -d "$database" -tAc "SELECT count(*) FROM registry.outbox_messages WHERE processed_at IS NULL")" = 0 ]; do
    sleep 0.25
  done
  published=$(psql_admin -d "$database" -tAc "SELECT coalesce(to_char(extract(epoch FROM max(processed_at)) - $started, 'FM990.00'), '-')
    FROM registry.outbox_messages WHERE occurred_at >= to_timestamp($started)")
  finished=$(seconds_of "$(jq -r .finishedAt <<<"$job")")
  upload=$(echo "$(seconds_of "$(jq -r .startedAt <<<"$job")") - $started" | bc -l)
  run=$(echo "$finished - $(seconds_of "$(jq -r .startedAt <<<"$job")")" | bc -l)
  printf '%.2f %.2f %.2f %s %s\n' "$(echo "$finished - $started" | bc -l)" "$upload" "$run" \
    "$(jq -r '"\(.created) \(.updated) \(.unchanged) \(.rejected)"' <<<"$job")" "$published"
}

# A plain COPY of the same file into a scratch table (logged, no index): the floor of any import.
copy_ledger() {
  local started
  psql_admin -d "$database" -c "DROP TABLE IF EXISTS bench_import.ledger" \
    -c "CREATE TABLE bench_import.ledger (national_id text, name text, phone text, household_division text, education text,
      skills text, returned_on date, return_reason text, status text, training_needs text, job_where text,
      job_min_wage numeric, household_size int)"
  started=$(date +%s.%N)
  psql_admin -d "$database" -c "\\copy bench_import.ledger FROM '$work/ledger.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
  printf '%.2f\n' "$(echo "$(date +%s.%N) - $started" | bc -l)"
  psql_admin -d "$database" -c "DROP TABLE bench_import.ledger"
}

report_machine
log "ledger: $rows rows; registry: $bench_registry; database: $database, $(psql_admin -d "$database" -tAc "SELECT count(*) FROM registry.workers") workers"
for run in $(seq 1 "$runs"); do
  generate $(( (RANDOM * 32768 + RANDOM) % 10000000 )) "$rows"
  log "run $run: $(du -h "$work/ledger.csv" | cut -f1) CSV"
  read -r first upload job created updated unchanged rejected published < <(import_ledger)
  log "run $run: import of new workers   ${first} s  (upload and reading ${upload} s, job ${job} s; created $created, updated $updated, unchanged $unchanged, rejected $rejected)"
  log "run $run: its events published    ${published} s after the request"
  read -r again upload job created updated unchanged rejected published < <(import_ledger)
  log "run $run: same file again         ${again} s  (upload and reading ${upload} s, job ${job} s; created $created, updated $updated, unchanged $unchanged, rejected $rejected)"
  copy=$(copy_ledger)
  log "run $run: PostgreSQL COPY         ${copy} s"
  log "run $run: ratio import ÷ COPY     $(echo "scale=1; $first / $copy" | bc -l) (again: $(echo "scale=1; $again / $copy" | bc -l))"
  reset_to_city >/dev/null
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
