#!/usr/bin/env bash
# Seeding the demo city (issue 9) into an empty platform through its public API, timed:   target ≤ 10 minutes (--full)
#
#   deploy/load/demo-city.sh [--full | --workers <n>] [--concurrency <n>]      (default: --full, concurrency 16)
#
# It runs a whole platform of its own — identity (127.0.0.1:5091), registry (5191), job-matching (5192), subsidy (5193),
# training (5194) and the gateway (5090, the token issuer) — built in Release from this checkout into
# .data/bench-build-demo, on a database of its own ($HOMEWARD_BENCH_DEMO_DATABASE, default homeward_bench_demo) and
# RabbitMQ virtual host homeward-bench-demo, both dropped and made afresh at the start so the city is always seeded
# into an empty platform; the platform of ./homeward up is not touched. Then deploy/demo/Homeward.DemoCity seeds it as
# ./homeward demo does and prints the time and the KPIs. Results: docs/benchmarks.md, "Demo city and KPI composition".
set -euo pipefail
. "$(dirname "$0")/common.sh"

size=(--full) concurrency=16
while [ $# -gt 0 ]; do
  case "$1" in
    --full) size=(--full); shift ;;
    --workers) size=(--workers "$2"); shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$concurrency" =~ ^[0-9]+$ && "$concurrency" -ge 1 ]] || die "--concurrency is a whole number of at least 1"

ensure_secrets
ensure_postgres
ensure_rabbitmq

database=${HOMEWARD_BENCH_DEMO_DATABASE:-homeward_bench_demo}
vhost=homeward-bench-demo
identity_port=5091 gateway_port=5090 registry_port=5191 job_matching_port=5192 subsidy_port=5193 training_port=5194
. "$(dirname "$0")/job-matching-stack.sh"
# A build folder of its own, so this scenario and the others can be built and run at the same time.
build=$DATA_DIR/bench-build-demo
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url)

build_projects services/identity/Homeward.Identity services/registry/Homeward.Registry.Api services/job-matching/Homeward.JobMatching.Api \
  services/subsidy/Homeward.Subsidy.Api services/training/Homeward.Training.Api services/gateway/Homeward.Gateway deploy/demo/Homeward.DemoCity

log "an empty city: dropping database $database and virtual host $vhost"
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
curl -sS -o /dev/null -u guest:guest -X DELETE "http://127.0.0.1:15672/api/vhosts/$vhost"
provision_bench identity registry jobmatching subsidy training

connection() { printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$PG_PORT" "$database" "$1" "$2"; }
log "starting the platform on ports $identity_port, $registry_port, $job_matching_port, $subsidy_port, $training_port and the gateway on $bench_gateway (they migrate their schemas)"
start_bench_process bench-demo-identity Homeward.Identity "$identity_port" \
  "ConnectionStrings__Identity=$(connection identity "$PG_PASSWORD_identity")" \
  "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
  "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
  "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
  "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
start_bench_process bench-demo-registry Homeward.Registry.Api "$registry_port" "ConnectionStrings__Registry=$(connection registry "$PG_PASSWORD_registry")"
start_bench_process bench-demo-job-matching Homeward.JobMatching.Api "$job_matching_port" "ConnectionStrings__JobMatching=$(connection jobmatching "$PG_PASSWORD_jobmatching")"
start_bench_process bench-demo-subsidy Homeward.Subsidy.Api "$subsidy_port" "ConnectionStrings__Subsidy=$(connection subsidy "$PG_PASSWORD_subsidy")"
start_bench_process bench-demo-training Homeward.Training.Api "$training_port" "ConnectionStrings__Training=$(connection training "$PG_PASSWORD_training")"
start_bench_process bench-demo-gateway Homeward.Gateway "$gateway_port" \
  "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
  "ReverseProxy__Clusters__registry__Destinations__local__Address=http://127.0.0.1:$registry_port" \
  "ReverseProxy__Clusters__job-matching__Destinations__local__Address=http://127.0.0.1:$job_matching_port" \
  "ReverseProxy__Clusters__subsidy__Destinations__local__Address=http://127.0.0.1:$subsidy_port" \
  "ReverseProxy__Clusters__training__Destinations__local__Address=http://127.0.0.1:$training_port" \
  "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"

token=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" registry.read registry.write jobmatching.read jobmatching.write \
  identity.admin subsidy.read subsidy.write training.read training.write)
[ -n "$token" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"

report_machine
log "seeding: Homeward.DemoCity ${size[*]} --concurrency $concurrency --gateway $bench_gateway/"
HOMEWARD_DEMO_TOKEN=$token dotnet "$build/bin/Homeward.DemoCity/release/Homeward.DemoCity.dll" \
  --gateway "$bench_gateway/" "${size[@]}" --concurrency "$concurrency"
