#!/usr/bin/env bash
# Seeds a demo city into the running platform (./homeward up) through the gateway's public API, signed in as the
# local administrator. Usage: ./homeward demo [--workers <n> | --full] [--seed <n>] [--concurrency <n>]
# (the small city of 2,000 workers by default; --full is the speech's 187,000). An already seeded city is left alone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_secrets

gateway=${HOMEWARD_GATEWAY:-http://127.0.0.1:5000}
curl -fsS "$gateway/health/ready" >/dev/null 2>&1 || die "the platform does not answer at $gateway; start it with ./homeward up"

project=deploy/demo/Homeward.DemoCity
mkdir -p "$DATA_DIR/logs"
dotnet build "$HOMEWARD_ROOT/$project" -c Release -v quiet -nologo >"$DATA_DIR/logs/demo-build.log" 2>&1 \
  || { tail -20 "$DATA_DIR/logs/demo-build.log" >&2; die "building the demo seeder failed"; }

token=$("$HOMEWARD_ROOT/deploy/local/token.sh" registry.read registry.write jobmatching.read jobmatching.write identity.admin \
  subsidy.read subsidy.write training.read training.write)
[ -n "$token" ] || die "could not sign in as the local administrator"
log "seeding the demo city through $gateway"
HOMEWARD_DEMO_TOKEN=$token exec dotnet "$HOMEWARD_ROOT/$project/bin/Release/net10.0/Homeward.DemoCity.dll" --gateway "$gateway/" "$@"
