# Shared by the load scenarios in deploy/load. Sourced, not executed.
# shellcheck source=../local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

GATEWAY_URL=${HOMEWARD_GATEWAY_URL:-http://127.0.0.1:5000}
REGISTRY_URL=${HOMEWARD_REGISTRY_URL:-http://127.0.0.1:5101}
JOB_MATCHING_URL=${HOMEWARD_JOB_MATCHING_URL:-http://127.0.0.1:5102}

# Fails clearly unless the platform answers ready through the gateway and directly.
require_platform() {
  local url
  for url in "$GATEWAY_URL" "$REGISTRY_URL" "$JOB_MATCHING_URL"; do
    curl -fsS --max-time 5 "$url/health/ready" >/dev/null 2>&1 \
      || die "the platform is not up: $url/health/ready does not answer 200. Start it with ./homeward up"
  done
  [ -f "$SECRETS_FILE" ] || die "$SECRETS_FILE is missing: start the platform with ./homeward up"
  # shellcheck disable=SC1090
  . "$SECRETS_FILE"
}

# Once the services validate tokens, the scenarios need one: HOMEWARD_LOAD_TOKEN if set, otherwise a token of the local
# administrator from deploy/local/token.sh (registry scopes only). Exports HOMEWARD_LOAD_TOKEN (empty: no token needed).
ensure_token() {
  local status
  export HOMEWARD_LOAD_TOKEN=${HOMEWARD_LOAD_TOKEN:-}
  [ -n "$HOMEWARD_LOAD_TOKEN" ] && return 0
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$REGISTRY_URL/api/registry/v1/workers/00000000-0000-0000-0000-000000000000")
  [ "$status" = "401" ] || return 0
  [ -x "$HOMEWARD_ROOT/deploy/local/token.sh" ] \
    || die "the registry wants a token (401): set HOMEWARD_LOAD_TOKEN to a bearer token with registry.read and registry.write"
  log "the registry wants a token: signing in as the local administrator (deploy/local/token.sh)"
  HOMEWARD_LOAD_TOKEN=$("$HOMEWARD_ROOT/deploy/local/token.sh" registry.read registry.write) \
    || die "could not obtain a token; set HOMEWARD_LOAD_TOKEN"
  [ -n "$HOMEWARD_LOAD_TOKEN" ] || die "deploy/local/token.sh returned no token; set HOMEWARD_LOAD_TOKEN"
}

# Measurements on a shared 2-core machine are only worth something when nothing else is busy. The load average is a
# poor signal here (a dozen idle .NET processes keep it high), so this samples how idle the CPUs are for 3 s.
report_machine() {
  local idle
  idle=$(vmstat 3 2 | tail -1 | awk '{print $15}')
  log "machine: $(nproc) cores, ${idle}% idle over 3 s before the run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$idle" -lt 80 ]; then
    log "WARNING: only ${idle}% idle before the run: something else is busy (see ps), the figures will be pessimistic"
  fi
  if pgrep -f 'MSBuild.dll|testhost|vstest' >/dev/null; then
    log "WARNING: a build or test run is in progress on this machine (pgrep MSBuild/testhost): the figures will be pessimistic"
  fi
}

# CPU accounting for a run, so a disturbed run can be told from a clean one: cpu_snapshot <file> <group>=<pid,pid,...>
# before and after, then cpu_report <before> <after> [<group>=<seconds> ...] prints the cores each group used, plus
# extra groups measured otherwise (seconds of CPU), and what everything else on the machine used meanwhile; each with
# its CPU seconds in brackets, which stay comparable when runs differ in length. Other engineers' builds and tests show
# up as "everything else". On the 2-core machine the idle background (a dozen idle .NET processes, the kernel's memory
# monitor, network interrupts of the run itself) is about 0.1 core; more than 0.25 cores means the run was disturbed.
cpu_snapshot() {
  local file=$1 group pids pid ticks; shift
  { printf 'time %s\n' "$(date +%s.%N)"
    awk '/^cpu / { print "machine", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
    for group in "$@"; do
      pids=${group#*=}
      for pid in ${pids//,/ }; do
        # A process may end between listing and reading (PostgreSQL backends come and go): it is skipped, and the
        # snapshot still succeeds (a failed test as the last command made it fail, and errexit ended the scenario).
        ticks=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }') || continue
        if [ -n "$ticks" ]; then printf '%s %s %s\n' "${group%%=*}" "$pid" "$ticks"; fi
      done
    done
  } > "$file"
}

cpu_report() {
  local before=$1 after=$2; shift 2
  awk -v extra="$*" '
    # Lines: "time <s>", "machine <ticks>", "<group> <pid> <ticks>". A process that ended meanwhile counts for nothing.
    FNR == NR { if (NF == 3) a[$1 " " $2] = $3; else a[$1] = $2; next }
    NF == 3 { if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } if (($1 " " $2) in a) used[$1] += $3 - a[$1 " " $2]; next }
    { b[$1] = $2 }
    END {
      secs = b["time"] - a["time"]; known = 0; out = ""
      for (i = 1; i <= n; i++) { u = used[order[i]] / 100; known += u; out = out sprintf("%s %.2f (%.1f s), ", order[i], u / secs, u) }
      m = split(extra, e, " ")
      for (i = 1; i <= m; i++) { split(e[i], kv, "="); known += kv[2]; out = out sprintf("%s %.2f (%.1f s), ", kv[1], kv[2] / secs, kv[2]) }
      machine = (b["machine"] - a["machine"]) / 100
      printf "cpu        cores used (1.0 = one core): %severything else %.2f (%.1f s), machine %.2f of %d\n", out, (machine - known) / secs, machine - known, machine / secs, cores
    }' cores="$(nproc)" "$before" "$after"
}

# The groups whose CPU a measurement reports: the scenario's own processes and PostgreSQL's.
cpu_groups_now() { printf '%s\n' "bench=$(IFS=,; echo "${started_pids[*]}")" "postgres=$(pgrep -d, -u postgres postgres)"; }

# Reads at a fixed rate for the read scenarios, with the load driver (Homeward.LoadDriver get: open loop, evenly spaced,
# latency from each request's due time), after 3 s of the same load to warm its own client. hey's closed-loop workers
# start their tickers together: at 100/s its ten workers sent bursts of ten requests every 100 ms, and the figures
# measured how a burst queues on two cores, not what one request takes. The caller defines $work, $build (the driver's
# build) and $token, and the processes it started in $started_pids (or its own cpu_groups_now).
#   run_reads <label> <url> <rate> <seconds>s [JSON body file to POST]   keeps <label>.txt and where the CPU went
#   reads_row <label>            requests/s, p50, p90, p99, max (ms), failures (anything but 200, transport errors), and
#                                the p99 of how late the driver sent its requests (part of each latency, the driver's own)
run_reads() {
  local label=$1 url=$2 rate=$3 length=$4 body=${5:-} load_cpu TIMEFORMAT='%U %S'
  local -a request=()
  [ -n "$body" ] && request=(--body "$body")
  mapfile -t cpu_groups < <(cpu_groups_now)
  cpu_snapshot "$work/$label.before" "${cpu_groups[@]}"
  { time HOMEWARD_LOAD_TOKEN=$token dotnet "$build/bin/Homeward.LoadDriver/release/Homeward.LoadDriver.dll" get --url "$url" \
      --rate "$rate" --duration "${length%s}" --warmup 3 "${request[@]}" >"$work/$label.txt" 2>&1; } 2>"$work/$label.time" \
    || { cat "$work/$label.txt" >&2; die "the load driver failed against $url"; }
  cpu_snapshot "$work/$label.after" "${cpu_groups[@]}"
  load_cpu=$(tail -1 "$work/$label.time" | awk '{ print $1 + $2 }')
  cpu_report "$work/$label.before" "$work/$label.after" "load=$load_cpu" >"$work/$label.cpu"
}

reads_row() {
  awk '{ v[$1] = $2 } END { printf "%9.1f %9.2f %9.2f %9.2f %9.2f %8d %9.2f", v["requests_per_second"], v["p50_ms"], v["p90_ms"],
    v["p99_ms"], v["max_ms"], v["failed"], v["late_p99_ms"] }' "$work/$1.txt"
}
