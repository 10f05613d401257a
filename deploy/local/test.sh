#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ (started here if they are not running) and prints, last,
# one line "N passed, N failed, N skipped" summed over all test projects. Exits non-zero if anything failed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_secrets
ensure_postgres
ensure_rabbitmq

export HOMEWARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=postgres;Password=$PG_SUPERUSER_PASSWORD"
export HOMEWARD_TEST_RABBITMQ="$(rabbit_uri)"
export HOMEWARD_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:15672"

cd "$HOMEWARD_ROOT"
# docker-compose validates docker-compose.yml; Chromium (with a font for Chinese) runs the dashboard's browser test.
command -v docker-compose >/dev/null || apt_install docker-compose
[ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q . || apt_install chromium fonts-wqy-zenhei
compose_failed=0
log "validating docker-compose.yml"
docker-compose -f docker-compose.yml config -q || compose_failed=1

# The OpenAPI lint and the Kubernetes manifest check (tests/Homeward.Platform.Tests) run these pinned Node.js tools.
# They are installed again only when the lock file changed since the last install.
lint_stamp=tools/lint/node_modules/.installed-lock.sha1
if [ "$(cat "$lint_stamp" 2>/dev/null)" != "$(sha1sum < tools/lint/package-lock.json)" ]; then
  log "installing the API and manifest checkers (npm ci in tools/lint)"
  command -v npm >/dev/null || die "npm is needed for the API and manifest checks (Node.js 20)"
  npm ci --prefix tools/lint --no-audit --no-fund --loglevel=error >/dev/null
  sha1sum < tools/lint/package-lock.json > "$lint_stamp"
fi

log "building"
dotnet build Homeward.slnx -c Release -v quiet -nologo

results=$DATA_DIR/test-results
rm -rf "$results"
log "running tests"
test_status=0
dotnet test Homeward.slnx -c Release --no-build -nologo --logger trx --results-directory "$results" \
  --blame-hang-timeout 10m "$@" || test_status=$?

passed=0 failed=0 skipped=0 reports=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$reports" -lt "$projects" ]; then
  log "$((projects - reports)) test project(s) produced no results (crashed or did not run)"
  failed=$((failed + projects - reports))
fi
if [ "$compose_failed" -ne 0 ]; then
  log "docker-compose.yml is invalid"
  failed=$((failed + 1))
fi
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with $test_status"
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
