#!/usr/bin/env bash
# Starts the whole platform natively: PostgreSQL, RabbitMQ, every service and the gateway. Safe to run again: it
# rebuilds and restarts the services on the already running servers. With --demo it then seeds the small demo city
# (./homeward demo), unless the city already has workers.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

seed_demo=0
for argument in "$@"; do
  case "$argument" in
    --demo) seed_demo=1 ;;
    *) die "usage: ./homeward up [--demo]" ;;
  esac
done

RUN_DIR=$DATA_DIR/run
ISSUER=http://127.0.0.1:5000/
LOG_DIR=$DATA_DIR/logs
mkdir -p "$RUN_DIR" "$LOG_DIR"

ensure_secrets
ensure_postgres
ensure_rabbitmq
provision_database

"$HOMEWARD_ROOT/deploy/local/down.sh" --services-only

log "building (Release)"
dotnet build "$HOMEWARD_ROOT/Homeward.slnx" -c Release -v quiet -nologo >"$LOG_DIR/build.log" 2>&1 \
  || { tail -30 "$LOG_DIR/build.log"; die "build failed; see ${LOG_DIR#$HOMEWARD_ROOT/}/build.log"; }

start_service() { # name project port schema connection
  local name=$1 project=$2 port=$3 schema=$4 connection=$5
  local assembly; assembly=$(basename "$project")
  local bin=$HOMEWARD_ROOT/$project/bin/Release/net10.0
  local -a env=(
    # Production, as the city runs it: no per-resolution DI scope checks, no developer pages; the local keys and
    # secrets come from .data/secrets.env, so nothing relies on Development's relaxations.
    "ASPNETCORE_ENVIRONMENT=Production"
    "Urls=http://127.0.0.1:$port"
    "ConnectionStrings__RabbitMq=$(rabbit_uri)"
    "Database__MigrateOnStartup=true"
    "PersonalData__ActiveKeyId=local-1"
    "PersonalData__Keys__local-1=$PERSONAL_DATA_KEY"
    "PersonalData__LookupKey=$PERSONAL_DATA_LOOKUP_KEY"
    "Authentication__Issuer=$ISSUER"
    "Authentication__MetadataAddress=http://127.0.0.1:5001/.well-known/openid-configuration"
    "Authentication__RequireHttpsMetadata=false"
  )
  case "$name" in
    identity)
      env+=(
        "Identity__Issuer=$ISSUER"
        "Identity__SigningKey=$(cat "$DATA_DIR/identity-signing.pem")"
        "Identity__EncryptionKey=$(cat "$DATA_DIR/identity-encryption.pem")"
        "Identity__SwaggerRedirectUris__0=${ISSUER}swagger/oauth2-redirect.html"
        "Identity__DashboardRedirectUris__0=${ISSUER}dashboard/"
        "Identity__Bootstrap__UserName=admin"
        "Identity__Bootstrap__Password=$ADMIN_PASSWORD"
      ) ;;
    gateway)
      # Generous in local mode so that load scenarios measure the platform, not the limit.
      env+=("Gateway__RateLimit__TokenLimit=20000" "Gateway__RateLimit__TokensPerSecond=20000") ;;
  esac
  if [ "$schema" != "-" ]; then
    local var="PG_PASSWORD_${schema}"
    env+=("ConnectionStrings__${connection}=$(pg_connection "$schema" "${!var}")")
  fi
  (cd "$bin" && exec env "${env[@]}" setsid dotnet "$assembly.dll" >"$LOG_DIR/$name.log" 2>&1) &
  echo $! > "$RUN_DIR/$name.pid"
}

wait_ready() { # name port
  local tries=0
  until curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 120 ] || ! kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; then
      tail -20 "$LOG_DIR/$1.log" >&2
      die "$1 did not become ready; see ${LOG_DIR#$HOMEWARD_ROOT/}/$1.log"
    fi
    sleep 1
  done
}

while IFS=$'\t' read -r name project port schema connection; do
  log "starting $name on 127.0.0.1:$port"
  start_service "$name" "$project" "$port" "$schema" "$connection"
done < <(service_rows)

while IFS=$'\t' read -r name _ port _ _; do
  wait_ready "$name" "$port"
done < <(service_rows)

cat <<INFO

  Homeward is running.
    Gateway      http://127.0.0.1:5000
    Swagger UI   http://127.0.0.1:5000/swagger   (Authorize → sign in as admin / $ADMIN_PASSWORD)
    Dashboard    http://127.0.0.1:5000/dashboard/ (the same sign-in)
    RabbitMQ     http://127.0.0.1:15672  (guest / guest)
    Logs         ${LOG_DIR#$HOMEWARD_ROOT/}/
  Stop with ./homeward down

INFO
if [ "$seed_demo" = 1 ]; then
  "$HOMEWARD_ROOT/deploy/local/demo.sh"
  printf '\n  The demo city: http://127.0.0.1:5000/dashboard/ (sign in as admin)\n\n'
fi
