#!/usr/bin/env bash
# Registry bulk import: a ledger of --rows workers (valid national ID numbers, villages of the sample city) uploaded
# to POST /api/registry/v1/imports and polled until the job is committed (validate, encrypt, blind-index, upsert,
# events), then the same file uploaded again (every row unchanged), then a plain PostgreSQL COPY of the same rows into
# a scratch table. Prints each time and the ratio import ÷ COPY (target: 100,000 rows in ≤ 5 s).
#
#   deploy/load/registry-import.sh [--rows 100000] [--runs 2]
#
# Talks to the registry directly ($HOMEWARD_REGISTRY_URL, default http://127.0.0.1:5101): the gateway caps bodies at
# 1 MB. Token: $HOMEWARD_LOAD_TOKEN, else one from deploy/local/token.sh. Database for the COPY: $HOMEWARD_BENCH_DATABASE
# (default: the platform's). Results: docs/benchmarks.md, "Registry bulk import".
set -euo pipefail
. "$(dirname "$0")/common.sh"

rows=100000 runs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$rows" =~ ^[0-9]+$ && "$runs" =~ ^[0-9]+$ ]] || die "--rows and --runs are whole numbers"
command -v jq >/dev/null || die "jq is not installed: apt-get install -y jq"
curl -fsS --max-time 5 "$REGISTRY_URL/health/ready" >/dev/null 2>&1 \
  || die "the registry does not answer at $REGISTRY_URL/health/ready; start the platform with ./homeward up"
ensure_secrets
database=${HOMEWARD_BENCH_DATABASE:-$PG_DATABASE}
token=${HOMEWARD_LOAD_TOKEN:-$("$HOMEWARD_ROOT/deploy/local/token.sh" registry.read registry.write)}
[ -n "$token" ] || die "no token: set HOMEWARD_LOAD_TOKEN or start the platform so that deploy/local/token.sh can sign in"

work=$(mktemp -d)
trap 'rm -rf "$work"; psql_admin -d "$database" -c "DROP SCHEMA IF EXISTS bench_import CASCADE" >/dev/null 2>&1 || true' EXIT
chmod 755 "$work"

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

# CPU used by the registry, by PostgreSQL and by everything else during a step (see cpu_report in common.sh).
registry_port=${REGISTRY_URL##*:}
cpu_groups() {
  printf 'registry=%s postgres=%s' \
    "$(ss -ltnpH "sport = :$registry_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)" "$(pgrep -d, -u postgres postgres)"
}

# Uploads the ledger and polls its job every 50 ms; prints "seconds created updated unchanged rejected".
import_ledger() {
  local started finished location job status
  # shellcheck disable=SC2046
  cpu_snapshot "$work/cpu-before" $(cpu_groups)
  started=$(date +%s.%N)
  location=$(curl -fsS -o /dev/null -D - -H "Authorization: Bearer $token" -F "file=@$work/ledger.csv;type=text/csv" \
    "$REGISTRY_URL/api/registry/v1/imports" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$location" ] || die "the upload was not accepted"
  while :; do
    job=$(curl -fsS -H "Authorization: Bearer $token" "$REGISTRY_URL$location")
    status=$(jq -r .status <<<"$job")
    case "$status" in
      completed) break ;;
      failed) die "the import failed: $(jq -r .failure <<<"$job")" ;;
    esac
    sleep 0.05
  done
  finished=$(date +%s.%N)
  # shellcheck disable=SC2046
  cpu_snapshot "$work/cpu-after" $(cpu_groups)
  cpu_report "$work/cpu-before" "$work/cpu-after" | sed 's/^/[cpu] /' >&2
  printf '%.2f %s\n' "$(echo "$finished - $started" | bc -l)" "$(jq -r '"\(.created) \(.updated) \(.unchanged) \(.rejected)"' <<<"$job")"
}

# A plain COPY of the same file into a scratch table (logged, no index): the floor of any import.
copy_ledger() {
  local started
  psql_admin -d "$database" -c "DROP SCHEMA IF EXISTS bench_import CASCADE; CREATE SCHEMA bench_import;
    CREATE TABLE bench_import.ledger (national_id text, name text, phone text, household_division text, education text,
      skills text, returned_on date, return_reason text, status text, training_needs text, job_where text,
      job_min_wage numeric, household_size int)" >/dev/null
  started=$(date +%s.%N)
  psql_admin -d "$database" -c "\\copy bench_import.ledger FROM '$work/ledger.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
  printf '%.2f\n' "$(echo "$(date +%s.%N) - $started" | bc -l)"
}

report_machine
log "ledger: $rows rows; registry: $REGISTRY_URL; database: $database"
for run in $(seq 1 "$runs"); do
  generate $(( (RANDOM * 32768 + RANDOM) % 10000000 )) "$rows"
  log "run $run: $(du -h "$work/ledger.csv" | cut -f1) CSV"
  read -r first created updated unchanged rejected < <(import_ledger)
  log "run $run: import of new workers   ${first} s  (created $created, updated $updated, unchanged $unchanged, rejected $rejected)"
  read -r again created updated unchanged rejected < <(import_ledger)
  log "run $run: same file again         ${again} s  (created $created, updated $updated, unchanged $unchanged, rejected $rejected)"
  copy=$(copy_ledger)
  log "run $run: PostgreSQL COPY         ${copy} s"
  log "run $run: ratio import ÷ COPY     $(echo "scale=1; $first / $copy" | bc -l) (again: $(echo "scale=1; $again / $copy" | bc -l))"
done
