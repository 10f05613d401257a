# The JobMatching benchmarks' own processes, built from this checkout and run beside (never instead of) the platform of
# ./homeward up: on a database and a RabbitMQ virtual host of their own and on ports of their own. Sourced, not executed,
# after common.sh. Callers set: database, vhost, and the ports they use (identity_port, job_matching_port, gateway_port).
# shellcheck shell=bash

# Apart from registry-reads' bench-build, so the two scenarios can be built and run at the same time.
build=$DATA_DIR/bench-build-job-matching
LOG_DIR=$DATA_DIR/logs
mkdir -p "$LOG_DIR"
work=$(mktemp -d)
started_pids=()
cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Release builds into .data/bench-build (apart from the platform's bin folders, which ./homeward up rebuilds).
build_projects() {
  local project
  log "building $* (Release) into ${build#$HOMEWARD_ROOT/}"
  for project in "$@"; do
    nice -n 5 dotnet build "$HOMEWARD_ROOT/$project" -c Release --artifacts-path "$build" -v quiet -nologo >"$work/build.log" 2>&1 \
      || { tail -30 "$work/build.log"; die "building $project failed"; }
  done
}

# The database with the given schemas and their roles (as ./homeward up provisions the platform's), and the virtual host.
provision_bench() { # schema...
  local schema password_variable
  [[ "$database" =~ ^[a-z0-9_]+$ && "$database" != "$PG_DATABASE" ]] || die "the benchmark database is a lower-case name other than $PG_DATABASE"
  log "database $database (schemas $*, with their roles) and virtual host $vhost"
  if [ "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    psql_admin -d postgres -c "CREATE DATABASE $database"
  fi
  render_sql database.sql database "$database" | psql_admin -d "$database" -f -
  for schema in "$@"; do
    password_variable=PG_PASSWORD_$schema
    render_sql service.sql database "$database" schema "$schema" role "$schema" password "${!password_variable}" | psql_admin -d "$database" -f -
  done
  curl -fsS -u guest:guest -X PUT "http://127.0.0.1:15672/api/vhosts/$vhost" >/dev/null
  curl -fsS -u guest:guest -X PUT -H 'Content-Type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
    "http://127.0.0.1:15672/api/permissions/$vhost/guest" >/dev/null
}

bench_gateway_url() { printf 'http://127.0.0.1:%s' "${gateway_port:-5020}"; }
bench_identity_url() { printf 'http://127.0.0.1:%s' "${identity_port:-5021}"; }

# Starts a process built above with the settings ./homeward up gives the platform's, waits until it is ready and
# records its pid in started_pids (stopped on exit). The last started pid is in $last_pid.
start_bench_process() { # name assembly port env...
  local name=$1 assembly=$2 port=$3 tries=0; shift 3
  (cd "$build/bin/$assembly/release" && exec env "$@" "Urls=http://127.0.0.1:$port" "ASPNETCORE_ENVIRONMENT=Development" \
    "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:$RABBIT_PORT/$vhost" "Database__MigrateOnStartup=true" \
    "Authentication__Issuer=$(bench_gateway_url)/" "Authentication__RequireHttpsMetadata=false" \
    "Authentication__MetadataAddress=$(bench_identity_url)/.well-known/openid-configuration" \
    "PersonalData__ActiveKeyId=local-1" "PersonalData__Keys__local-1=$PERSONAL_DATA_KEY" "PersonalData__LookupKey=$PERSONAL_DATA_LOOKUP_KEY" \
    setsid dotnet "$assembly.dll" >"$LOG_DIR/$name.log" 2>&1) &
  last_pid=$!
  started_pids+=("$last_pid")
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ $tries -gt 240 ] || ! kill -0 "$last_pid" 2>/dev/null; then
      tail -20 "$LOG_DIR/$name.log" >&2
      die "$name did not become ready; see ${LOG_DIR#$HOMEWARD_ROOT/}/$name.log"
    fi
    sleep 0.5
  done
}

# Stops a process started above and waits until it has gone.
stop_bench_process() { # pid
  local pid=$1 tries=0
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $tries -lt 60 ]; do sleep 0.5; tries=$((tries + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
}

job_matching_env() {
  printf '%s\n' "ConnectionStrings__JobMatching=Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=jobmatching;Password=$PG_PASSWORD_jobmatching"
}

load_driver() {
  HOMEWARD_LOAD_ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=$database;Username=postgres;Password=$PG_SUPERUSER_PASSWORD" \
  HOMEWARD_PERSONAL_DATA_KEY=$PERSONAL_DATA_KEY HOMEWARD_PERSONAL_DATA_LOOKUP_KEY=$PERSONAL_DATA_LOOKUP_KEY \
    dotnet "$build/bin/Homeward.LoadDriver/release/Homeward.LoadDriver.dll" "$@"
}
