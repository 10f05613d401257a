#!/usr/bin/env bash
# Registry reads over --workers workers (default 200,000), each at a fixed, evenly spaced rate with the load driver
# (Homeward.LoadDriver get; latency from each request's due time), and the SQL under them with pgbench:
#   get       GET /api/registry/v1/workers/{id} through the gateway, 1,000/s                target p99 ≤ 10 ms
#   name      POST /api/registry/v1/workers/search {"name":"张伟"} through the gateway      target p99 ≤ 50 ms
#   id        POST /api/registry/v1/workers/search {"nationalId":…} through the gateway    target p99 ≤ 5 ms
#   id-direct the same at the registry itself, without the gateway's hop
#   sql-id    the statement of an ID lookup (the record by its lookup hash, as EF Core writes it)
#   sql-name  the ranking statement of the name search, in its transaction
#
#   deploy/load/registry-reads.sh [--workers 200000] [--duration 30s] [--warmup 5s] [--rounds 2] [--name-rate 20]
#                                 [--id-rate 100] [--quiet-wait 1800]
#
# Before each measurement it waits (at most --quiet-wait seconds) for the shared machine to be quiet, and prints the
# cores each process group used during it; a measurement during which everything else used > 0.25 cores is DISTURBED.
#
# 张伟 is the hardest name: the most common one, with many names said the same way and many sharing the surname.
#
# It runs its own identity (127.0.0.1:5011), registry (127.0.0.1:5111) and gateway (127.0.0.1:5010, the token issuer),
# built in Release from this checkout into .data/bench-build and configured as ./homeward up configures the platform's,
# on a database of their own ($HOMEWARD_BENCH_DATABASE, default homeward_bench) and RabbitMQ virtual host
# homeward-bench: the platform's data and processes stay untouched, and only PostgreSQL and RabbitMQ need to run. The
# workers are seeded once by COPY (Homeward.LoadDriver seed-registry), encrypted and blind-indexed with the local keys,
# and kept for later runs. The token is the local admin's (deploy/local/token.sh against the benchmark gateway).
# Results: docs/benchmarks.md, "Registry reads".
set -euo pipefail
. "$(dirname "$0")/common.sh"

workers=200000 duration=30s warmup=5s rounds=2 name_rate=20 id_rate=100 quiet_wait=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --name-rate) name_rate=$2; shift 2 ;;
    --id-rate) id_rate=$2; shift 2 ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$workers" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ && "$name_rate" =~ ^[0-9]+$ && "$id_rate" =~ ^[0-9]+$ && "$quiet_wait" =~ ^[0-9]+$ ]] \
  && [ "$name_rate" -ge 5 ] && [ "$id_rate" -ge 5 ] || die "--workers and --rounds are whole numbers, the rates whole numbers ≥ 5"
[[ "$duration" =~ ^[0-9]+s$ && "$warmup" =~ ^[0-9]+s$ ]] || die "--duration and --warmup are seconds, e.g. 30s"
command -v pgbench >/dev/null || die "pgbench is not installed: apt-get install -y postgresql-client"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_DATABASE:-homeward_bench}
[[ "$database" =~ ^[a-z0-9_]+$ && "$database" != "$PG_DATABASE" ]] || die "HOMEWARD_BENCH_DATABASE is a lower-case name other than $PG_DATABASE"
vhost=homeward-bench
identity_port=5011 registry_port=5111 gateway_port=5010
bench_identity=http://127.0.0.1:$identity_port bench_registry=http://127.0.0.1:$registry_port bench_gateway=http://127.0.0.1:$gateway_port
build=$DATA_DIR/bench-build
work=$(mktemp -d)
started_pids=()
cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

log "building the registry, the gateway and the load driver (Release) into ${build#$HOMEWARD_ROOT/}"
for project in services/identity/Homeward.Identity services/registry/Homeward.Registry.Api services/gateway/Homeward.Gateway deploy/load/Homeward.LoadDriver; do
  dotnet build "$HOMEWARD_ROOT/$project" -c Release --artifacts-path "$build" -v quiet -nologo >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log"; die "building $project failed"; }
done

log "database $database (schemas identity and registry, with their roles) and virtual host $vhost"
if [ "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
  psql_admin -d postgres -c "CREATE DATABASE $database"
fi
render_sql database.sql database "$database" | psql_admin -d "$database" -f -
for schema in identity registry; do
  password_variable=PG_PASSWORD_$schema
  render_sql service.sql database "$database" schema "$schema" role "$schema" password "${!password_variable}" | psql_admin -d "$database" -f -
done
curl -fsS -u guest:guest -X PUT "http://127.0.0.1:15672/api/vhosts/$vhost" >/dev/null
curl -fsS -u guest:guest -X PUT -H 'Content-Type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "http://127.0.0.1:15672/api/permissions/$vhost/guest" >/dev/null

# Starts a process built above, as ./homeward up starts the platform's (same settings), and waits until it is ready.
start() { # name assembly port env...
  local name=$1 assembly=$2 port=$3 tries=0; shift 3
  (cd "$build/bin/$assembly/release" && exec env "$@" "Urls=http://127.0.0.1:$port" "ASPNETCORE_ENVIRONMENT=Production" \
    "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:$RABBIT_PORT/$vhost" "Database__MigrateOnStartup=true" \
    "Authentication__Issuer=$bench_gateway/" "Authentication__RequireHttpsMetadata=false" \
    "Authentication__MetadataAddress=$bench_identity/.well-known/openid-configuration" \
    setsid dotnet "$assembly.dll" >"$LOG_DIR/$name.log" 2>&1) &
  started_pids+=("$!")
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 120 ] || ! kill -0 "${started_pids[-1]}" 2>/dev/null; then
      tail -20 "$LOG_DIR/$name.log" >&2
      die "$name did not become ready; see ${LOG_DIR#$HOMEWARD_ROOT/}/$name.log"
    fi
    sleep 1
  done
}
LOG_DIR=$DATA_DIR/logs
mkdir -p "$LOG_DIR"

log "starting the benchmark identity on $bench_identity and registry on $bench_registry (they migrate their schemas)"
start bench-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
start bench-registry Homeward.Registry.Api "$registry_port" \
  "ConnectionStrings__Registry=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=registry;Password=$PG_PASSWORD_registry" \
  "PersonalData__ActiveKeyId=local-1" "PersonalData__Keys__local-1=$PERSONAL_DATA_KEY" "PersonalData__LookupKey=$PERSONAL_DATA_LOOKUP_KEY"

log "seeding $workers workers (only those missing)"
HOMEWARD_LOAD_ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=postgres;Password=$PG_SUPERUSER_PASSWORD" \
HOMEWARD_PERSONAL_DATA_KEY=$PERSONAL_DATA_KEY HOMEWARD_PERSONAL_DATA_LOOKUP_KEY=$PERSONAL_DATA_LOOKUP_KEY \
  dotnet "$build/bin/Homeward.LoadDriver/release/Homeward.LoadDriver.dll" seed-registry --workers "$workers" \
  --samples 100 --sample-file "$work/samples.tsv" >&2

log "starting the benchmark gateway on $bench_gateway (registry → $bench_registry, identity → $bench_identity)"
start bench-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__registry__Destinations__local__Address=$bench_registry" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
  "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"

token=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" registry.read)
[ -n "$token" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"
IFS=$'\t' read -r worker_id _ national_id < <(head -1 "$work/samples.tsv")
search_url="$bench_gateway/api/registry/v1/workers/search"
direct_search_url="$bench_registry/api/registry/v1/workers/search"
get_url="$bench_gateway/api/registry/v1/workers/$worker_id"
printf '{"name":"张伟"}' > "$work/name.json"
printf '{"nationalId":"%s"}' "$national_id" > "$work/id.json"
curl -fsS --max-time 5 -H "Authorization: Bearer $token" -o /dev/null "$get_url" || die "GET $get_url does not answer 200"
curl -fsS --max-time 5 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$work/id.json" "$search_url" \
  | grep -q "\"id\":\"$worker_id\"" || die "the national ID search does not find the sampled worker"
names_found=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"张伟","limit":200}' "$search_url" \
  | grep -o '"match":"[a-zA-Z]*"' | cut -d'"' -f4 | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')
log "a search for 张伟 finds on its first page (200): ${names_found%, }"

# The SQL the registry sends for an ID lookup and for the name search (as WorkerSearch and EF Core write them; EF joins
# the table once more for each owned value it reads over a FromSql, by primary key).
hash=$(psql_admin -d "$database" -tAc "SELECT encode(national_id_lookup_hash, 'hex') FROM registry.workers WHERE id = '$worker_id'")
cat > "$work/sql-id.sql" <<SQL
SELECT h.id, h.birth_date, h.certificates, h.education, h.entrepreneurship, h.family, h.first_recommended_at, h.gender,
  h.household_division, h.job_intention, h.last_confirmed_at, h.last_visited_at, h.name, h.name_pinyin, h.prior_work,
  h.registered_at, h.residence, h.return_reason, h.returned_on, h.xmin, h.skill_keys, h.skills, h.status, h.status_as_of,
  h.training_needs, h.updated_at, w.id, w.national_id_ciphertext, w.national_id_lookup_hash, w.national_id_masked, w0.id,
  w0.phone_ciphertext, w0.phone_lookup_hash, w0.phone_masked
FROM (
  SELECT w.*, w.xmin FROM registry.workers w WHERE w.household_division BETWEEN '419900000000'::bpchar AND '419999999999'::bpchar
    AND w.national_id_lookup_hash = '\\x$hash'::bytea ORDER BY w.id LIMIT 51
) AS h
LEFT JOIN registry.workers AS w ON h.id = w.id
LEFT JOIN registry.workers AS w0 ON h.id = w0.id
WHERE h.household_division >= '419900000000' AND h.household_division <= '419999999999'
ORDER BY h.id;
SQL
cat > "$work/sql-name.sql" <<'SQL'
BEGIN;
SELECT set_config('pg_trgm.similarity_threshold', '0.34', true);
SELECT ranked.rank, ranked.similarity, ranked.id FROM (
  SELECT CASE WHEN w.name = '张伟' THEN 0 WHEN w.name_pinyin = 'zhang wei' THEN 1 ELSE 2 END AS rank,
         round(1000 * similarity(w.name, '张伟'))::int AS similarity, w.id
  FROM registry.workers w
  WHERE w.household_division BETWEEN '419900000000'::bpchar AND '419999999999'::bpchar
    AND (w.name % '张伟' OR w.name_pinyin = 'zhang wei')) ranked
ORDER BY ranked.rank, ranked.similarity DESC, ranked.id LIMIT 51;
COMMIT;
SQL


# pgbench at a fixed rate as the registry role, with every transaction's latency logged: label script rate length
run_pgbench() {
  local label=$1 script=$2 rate=$3 length=${4%s}
  mapfile -t cpu_groups < <(cpu_groups_now)
  cpu_snapshot "$work/$label.before" "${cpu_groups[@]}"
  (cd "$work" && PGPASSWORD=$PG_PASSWORD_registry pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U registry -c 4 -j 2 -R "$rate" \
    -T "$length" -f "$script" -l --log-prefix="$label" "$database" >"$work/$label.txt" 2>&1) || { cat "$work/$label.txt" >&2; die "pgbench failed"; }
  cpu_snapshot "$work/$label.after" "${cpu_groups[@]}"
  cpu_report "$work/$label.before" "$work/$label.after" >"$work/$label.cpu"
  # Log lines: client transaction latency_us script epoch epoch_us [schedule_lag_us]; the latency counts from the start.
  cat "$work/$label".[0-9]* | awk '{ print $3 / 1000 }' | sort -n > "$work/$label.latencies"
  rm -f "$work/$label".[0-9]*
}

pgbench_row() {
  local label=$1 length=${2%s}
  awk -v secs="$length" '{ v[NR] = $1 } END {
      n = NR; if (n == 0) { printf "%9s %9s %9s %9s %9s %8s %9s", "-", "-", "-", "-", "-", "-", "-"; exit }
      printf "%9.0f %9.2f %9.2f %9.2f %9.2f %8d %9s", n / secs, v[int(n * 0.5 + 0.999)], v[int(n * 0.9 + 0.999)], v[int(n * 0.99 + 0.999)], v[n], 0, "-" }' \
    "$work/$label.latencies"
}

# Waits (up to --quiet-wait) for two consecutive 5 s windows with the CPUs ≥ 85 % idle and no build or test running,
# as the other load scenarios are run on this shared machine; proceeds anyway after that, and the cpu line tells.
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
measure() { # round read offered kind label args...
  local round=$1 read=$2 offered=$3 kind=$4 label=$5 row others; shift 5
  wait_quiet
  "run_$kind" "$label" "$@"
  if [ "$kind" = reads ]; then row=$(reads_row "$label"); else row=$(pgbench_row "$label" "$duration"); fi
  others=$(sed -n 's/.*everything else \([0-9.]*\).*/\1/p' "$work/$label.cpu")
  printf '%-6s %-9s %9s %s  %s%s\n' "$round" "$read" "$offered" "$row" "$(sed 's/^cpu *cores used (1.0 = one core): //' "$work/$label.cpu")" \
    "$(awk -v x="$others" 'BEGIN { if (x > 0.25) printf "  DISTURBED" }')"
}

report_machine
log "$(psql_admin -d "$database" -tAc "SELECT count(*) FROM registry.workers") workers; worker $worker_id; $duration per measurement after $warmup warm-up"
run_reads warmup-get "$get_url" 1000 "$warmup"
run_reads warmup-name "$search_url" "$name_rate" "$warmup" "$work/name.json"
run_reads warmup-id "$search_url" "$id_rate" "$warmup" "$work/id.json"

printf '\n%-6s %-9s %9s %9s %9s %9s %9s %9s %8s %9s  %s\n' round read offered req/s p50_ms p90_ms p99_ms max_ms failed late_p99 "cores used (1.0 = one core)"
for round in $(seq 1 "$rounds"); do
  measure "$round" get 1000 reads "get-$round" "$get_url" 1000 "$duration"
  measure "$round" name "$name_rate" reads "name-$round" "$search_url" "$name_rate" "$duration" "$work/name.json"
  measure "$round" id "$id_rate" reads "id-$round" "$search_url" "$id_rate" "$duration" "$work/id.json"
  measure "$round" id-direct "$id_rate" reads "id-direct-$round" "$direct_search_url" "$id_rate" "$duration" "$work/id.json"
  measure "$round" sql-id "$id_rate" pgbench "sql-id-$round" sql-id.sql "$id_rate" "$duration"
  measure "$round" sql-name "$name_rate" pgbench "sql-name-$round" sql-name.sql "$name_rate" "$duration"
done
log "finished; load average $(cut -d' ' -f1-3 /proc/loadavg)"
