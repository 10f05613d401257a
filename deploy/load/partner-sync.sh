#!/usr/bin/env bash
# Labor cooperation's partner sync API through the gateway, with a partner city's client token (issue 6):
#   batch    POST /api/job-matching/v1/partner/vacancies/batch, --batches requests of 1,000 new vacancies one after
#            another, then the same batches again (every item unchanged)            target 10 × 1,000 ≤ 2 s in total
#   feed     GET /api/job-matching/v1/partner/feed?limit=1000 (the first 1,000 of the partner's vacancies) at a
#            fixed rate with hey                                                     target p99 ≤ 50 ms
#
#   deploy/load/partner-sync.sh [--batches 10] [--feed-rate 10] [--duration 20s]
#
# It runs its own identity (127.0.0.1:5031), job-matching (127.0.0.1:5132) and gateway (127.0.0.1:5030, the token
# issuer), built in Release from this checkout into .data/bench-build-labor, on a database of their own
# ($HOMEWARD_BENCH_LABOR_DATABASE, default homeward_bench_labor) and RabbitMQ virtual host homeward-bench-labor, so
# neither the platform nor the other JobMatching scenarios are touched. Each run upserts new external ids (the run's
# prefix), so the batch figures are always of creations. Results: docs/benchmarks.md, "Labor cooperation (issue 6)".
set -euo pipefail
. "$(dirname "$0")/common.sh"

batches=10 feed_rate=10 duration=20s
while [ $# -gt 0 ]; do
  case "$1" in
    --batches) batches=$2; shift 2 ;;
    --feed-rate) feed_rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$batches" =~ ^[0-9]+$ && "$batches" -ge 1 && "$feed_rate" =~ ^[0-9]+$ && "$feed_rate" -ge 1 ]] || die "--batches and --feed-rate are whole numbers of at least 1"
[[ "$duration" =~ ^[0-9]+s$ ]] || die "--duration is seconds, e.g. 20s"
command -v hey >/dev/null || die "hey is not installed: apt-get install -y hey"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_LABOR_DATABASE:-homeward_bench_labor}
vhost=homeward-bench-labor
identity_port=5031 job_matching_port=5132 gateway_port=5030
. "$(dirname "$0")/job-matching-stack.sh"
# A build folder of its own, so this scenario and the matching ones can be built and run at the same time.
build=$DATA_DIR/bench-build-labor
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url) bench_job_matching=http://127.0.0.1:$job_matching_port

build_projects services/identity/Homeward.Identity services/job-matching/Homeward.JobMatching.Api services/gateway/Homeward.Gateway
provision_bench identity jobmatching

log "starting the benchmark identity on $bench_identity and job-matching on $bench_job_matching (they migrate their schemas)"
start_bench_process bench-labor-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
start_bench_process bench-labor-job-matching Homeward.JobMatching.Api "$job_matching_port" "$(job_matching_env)" \
  "JobMatching__ExpiryInterval=1.00:00:00" "JobMatching__PublishSkillGapsDaily=false"
log "starting the benchmark gateway on $bench_gateway (job-matching → $bench_job_matching, identity → $bench_identity)"
start_bench_process bench-labor-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__job-matching__Destinations__local__Address=$bench_job_matching" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
  "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"

api=$bench_gateway/api/job-matching/v1
staff=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" jobmatching.read jobmatching.write identity.admin)
[ -n "$staff" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"

# The partner city, one of its enterprises, and a partner client of it (its secret rotated when it exists already).
curl -sS -o /dev/null -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' -d '{"id":"beijing","name":"北京市"}' "$api/partner-cities"
credit_code=$(psql_admin -d "$database" -tAc "SELECT credit_code FROM jobmatching.employers WHERE partner_city = 'beijing' ORDER BY credit_code LIMIT 1")
if [ -z "$credit_code" ]; then
  credit_code=$(python3 -c '
alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
first = "91110000MA01BENCH0"[:17].replace("BENCH", "23456")
check = (31 - sum(alphabet.index(c) * w for c, w in zip(first, weights)) % 31) % 31
print(first + alphabet[check])')
  curl -fsS -o /dev/null -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' \
    -d "{\"name\":\"北京协作企业\",\"creditCode\":\"$credit_code\",\"locality\":\"partnerCity\",\"partnerCity\":\"beijing\",\"industry\":\"C\",\"size\":\"large\"}" \
    "$api/employers" || die "registering the partner enterprise failed"
fi
client_id=bench-partner-beijing
created=$(curl -sS -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' \
  -d "{\"displayName\":\"Benchmark partner\",\"kind\":\"partner\",\"partnerId\":\"beijing\",\"scopes\":[\"partner.sync\"],\"clientId\":\"$client_id\"}" \
  "$bench_gateway/api/identity/v1/clients")
secret=$(printf '%s' "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("clientSecret",""))' 2>/dev/null || true)
if [ -z "$secret" ]; then
  secret=$(curl -fsS -X POST -H "Authorization: Bearer $staff" "$bench_gateway/api/identity/v1/clients/$client_id/secret" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientSecret"])')
fi
partner=$(curl -fsS "$bench_gateway/connect/token" -d grant_type=client_credentials -d "client_id=$client_id" --data-urlencode "client_secret=$secret" -d scope=partner.sync \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
[ -n "$partner" ] || die "no partner token"

log "writing $batches batches of 1,000 vacancies"
prefix=run$(date +%s)
python3 - "$work" "$batches" "$prefix" "$credit_code" <<'PY'
import datetime, json, sys
work, batches, prefix, credit_code = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
valid = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
trades = ["welder", "electrician", "housekeeping", "logistics", "food-processing"]
for b in range(batches):
    items = [{"externalId": f"{prefix}-{b}-{i}", "enterpriseCreditCode": credit_code, "title": f"岗位 {b}-{i}",
              "tradeCode": trades[i % len(trades)], "requiredLevel": "junior", "headcount": 1 + i % 20,
              "wageMin": 4500, "wageMax": 6500 + i % 7 * 100, "accommodation": i % 2 == 0, "validThrough": valid}
             for i in range(1000)]
    with open(f"{work}/batch-{b}.json", "w") as f:
        json.dump({"items": items}, f, ensure_ascii=False)
PY

# Sends every batch once, one after another; prints the seconds each took and checks every item's result.
send_batches() { # expected result
  local b seconds total=0 summary
  for ((b = 0; b < batches; b++)); do
    seconds=$(curl -sS -o "$work/result-$b.json" -w '%{time_total}' -H "Authorization: Bearer $partner" -H 'Content-Type: application/json' \
      --data-binary "@$work/batch-$b.json" "$api/partner/vacancies/batch")
    summary=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["created"], r["updated"], r["unchanged"], r["rejected"])' "$work/result-$b.json") \
      || die "batch $b did not answer a report: $(head -c 300 "$work/result-$b.json")"
    total=$(python3 -c "print(round($total + $seconds, 3))")
    printf '  batch %2d: %6.3f s  (created updated unchanged rejected: %s)\n' "$b" "$seconds" "$summary" >&2
  done
  printf '%s' "$total"
}
report_machine
created_total=$(send_batches)
log "RESULT batch upsert, $batches × 1,000 new vacancies: $created_total s in total (target ≤ 2 s for 10)"
replayed_total=$(send_batches)
log "RESULT batch replay, $batches × 1,000 unchanged: $replayed_total s in total"

feed_url="$api/partner/feed?limit=1000"
curl -fsS -o "$work/feed-page.json" -H "Authorization: Bearer $partner" "$feed_url"
items=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$work/feed-page.json")
[ "$items" = 1000 ] || die "the feed page holds $items items, not 1,000"
log "feed page of 1,000 ($(wc -c <"$work/feed-page.json") bytes) at $feed_rate request/s for $duration"
seconds=${duration%s}
hey -z "$duration" -c 1 -q "$feed_rate" -H "Authorization: Bearer $partner" "$feed_url" >"$work/hey.txt"
grep -E 'Requests/sec|Average|Slowest|50%|90%|99%|\[200\]|\[[45][0-9][0-9]\]' "$work/hey.txt" | sed 's/^/  /' >&2
log "RESULT feed page of 1,000: p99 $(grep -E '^ +99%' "$work/hey.txt" | awk '{print $3 * 1000}') ms over $(( seconds * feed_rate )) requests (target ≤ 50 ms)"
