# The Subsidy benchmarks' own identity, subsidy and gateway, built in Release from this checkout into
# .data/bench-build-subsidy and run beside (never instead of) the platform of ./homeward up. Sourced, not executed, after
# common.sh. Callers set: database, vhost, identity_port, subsidy_port, gateway_port and a name for the logs.
# shellcheck shell=bash

# The generic helpers (build, provision, start and stop processes, CPU snapshots, the load driver) are JobMatching's.
. "$(dirname "${BASH_SOURCE[0]}")/job-matching-stack.sh"
build=$DATA_DIR/bench-build-subsidy
bench_gateway=$(bench_gateway_url) bench_identity=$(bench_identity_url) bench_subsidy=http://127.0.0.1:$subsidy_port
api=$bench_gateway/api/subsidy/v1

# Builds and starts the three processes on the scenario's database and virtual host, and signs in as the administrator
# (a city administrator of the whole city): $staff holds the token.
start_subsidy_stack() {
  build_projects services/identity/Homeward.Identity services/subsidy/Homeward.Subsidy.Api services/gateway/Homeward.Gateway \
    deploy/load/Homeward.LoadDriver
  provision_bench identity subsidy
  log "starting the benchmark identity on $bench_identity and subsidy on $bench_subsidy (they migrate their schemas)"
  start_bench_process "$name-identity" Homeward.Identity "$identity_port" \
    "ConnectionStrings__Identity=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=identity;Password=$PG_PASSWORD_identity" \
    "Identity__Issuer=$bench_gateway/" "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")" \
    "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")" \
    "Identity__SwaggerRedirectUris__0=$bench_gateway/swagger/oauth2-redirect.html" \
    "Identity__Bootstrap__UserName=admin" "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
  identity_pid=$last_pid
  start_bench_process "$name-subsidy" Homeward.Subsidy.Api "$subsidy_port" \
    "ConnectionStrings__Subsidy=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=subsidy;Password=$PG_PASSWORD_subsidy"
  subsidy_pid=$last_pid
  log "starting the benchmark gateway on $bench_gateway (subsidy → $bench_subsidy, identity → $bench_identity)"
  start_bench_process "$name-gateway" Homeward.Gateway "$gateway_port" \
    "ReverseProxy__Clusters__subsidy__Destinations__local__Address=$bench_subsidy" \
    "ReverseProxy__Clusters__identity__Destinations__local__Address=$bench_identity" \
    "Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000"
  gateway_pid=$last_pid
  staff=$(HOMEWARD_GATEWAY=$bench_gateway "$HOMEWARD_ROOT/deploy/local/token.sh" subsidy.read subsidy.write)
  [ -n "$staff" ] || die "deploy/local/token.sh did not sign in at $bench_gateway"
}

# Defines a policy through the API unless its code is in the catalog already; prints its id.
define_policy() { # code kind rule-json documents-json
  local code=$1 kind=$2 rule=$3 documents=${4:-'[{"code":"identity","title":"身份证明","platformVerifiable":true}]'} id
  id=$(psql_admin -d "$database" -tAc "SELECT id FROM subsidy.policies WHERE code = '$code'")
  if [ -z "$id" ]; then
    id=$(curl -fsS -H "Authorization: Bearer $staff" -H 'Content-Type: application/json' \
      -d "{\"code\":\"$code\",\"name\":\"基准政策 $code\",\"kind\":\"$kind\",\"eligibility\":$rule,
           \"amount\":{\"base\":5000,\"perJobCreated\":1000,\"maximum\":20000},\"documents\":$documents,
           \"annualBudget\":100000000000,\"deadlines\":{\"preReviewDays\":5,\"approvalDays\":10},\"validFrom\":\"2020-01-01\"}" \
      "$api/policies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || die "defining policy $code failed"
  fi
  printf '%s' "$id"
}
