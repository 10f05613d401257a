# Shared by ./homeward up|down|test: native PostgreSQL and RabbitMQ, no Docker. Sourced, not executed.
# Everything is idempotent: running a command twice leaves the same state as running it once.

HOMEWARD_ROOT=${HOMEWARD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
DATA_DIR=${HOMEWARD_DATA_DIR:-$HOMEWARD_ROOT/.data}
PG_PORT=${HOMEWARD_PG_PORT:-5432}
PG_BIN=${HOMEWARD_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATABASE=homeward
RABBIT_PORT=5672
SECRETS_FILE=$DATA_DIR/secrets.env

log() { printf '\033[1m[homeward]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[homeward] %s\033[0m\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as root (directly, or through sudo for a developer account).
as_root() {
  if is_root; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "'$*' needs root; run as root or install sudo."; fi
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The data directory must be reachable by the postgres user; a clone under /root is not, so it goes to /var/lib.
pg_dir() {
  local dir=$DATA_DIR/postgres
  if is_root && ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
    dir=/var/lib/homeward/$(printf '%s' "$HOMEWARD_ROOT" | sha1sum | cut -c1-12)/postgres
  fi
  printf '%s' "$dir"
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
random_base64() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

# Secrets of this checkout, generated once and kept in .data (git-ignored): database passwords, data keys.
ensure_secrets() {
  mkdir -p "$DATA_DIR"
  if [ ! -f "$SECRETS_FILE" ]; then
    log "generating local secrets in ${SECRETS_FILE#$HOMEWARD_ROOT/}"
    umask 077
    {
      echo "PG_SUPERUSER_PASSWORD=$(random_hex 16)"
      while IFS=$'\t' read -r name _ _ schema _; do
        [ "$schema" = "-" ] && continue
        echo "PG_PASSWORD_${schema}=$(random_hex 16)"
      done < <(service_rows)
      echo "PERSONAL_DATA_KEY=$(random_base64 32)"
      echo "PERSONAL_DATA_LOOKUP_KEY=$(random_base64 32)"
    } > "$SECRETS_FILE"
  fi
  # Added after the first version of this file, so older checkouts get them too.
  if ! grep -q '^ADMIN_PASSWORD=' "$SECRETS_FILE"; then
    echo "ADMIN_PASSWORD=Hw-$(random_hex 8)-Pw" >> "$SECRETS_FILE"
  fi
  if ! grep -q '^PG_PASSWORD_identity=' "$SECRETS_FILE"; then
    echo "PG_PASSWORD_identity=$(random_hex 16)" >> "$SECRETS_FILE"
  fi
  for key in signing encryption; do
    if [ ! -f "$DATA_DIR/identity-$key.pem" ]; then
      (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DATA_DIR/identity-$key.pem" 2>/dev/null) \
        || die "could not generate the identity $key key (openssl)"
    fi
  done
  # shellcheck disable=SC1090
  . "$SECRETS_FILE"
}

service_rows() { grep -v '^#' "$HOMEWARD_ROOT/deploy/local/services.tsv" | grep -v '^$'; }

pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)/data" status >/dev/null 2>&1; }

# The server's settings beyond initdb's defaults, here and in docker-compose.yml. Shared buffers of 1 GB hold the
# registry's workers and their indexes (initdb's 128 MB evicted and re-read pages all through a bulk import); the
# planner's JIT compiled every statement over the city (an import chunk's lookup, the KPI counts) for longer than it
# ran; a larger WAL allowance keeps an import of 100,000 workers from forcing checkpoints midway.
PG_SERVER_SETTINGS="-c max_connections=400 -c shared_buffers=1GB -c jit=off -c max_wal_size=4GB"

ensure_postgres() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL binaries are not in $PG_BIN (set HOMEWARD_PG_BIN)."
  local dir; dir=$(pg_dir)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initializing PostgreSQL in $dir"
    mkdir -p "$dir"
    is_root && chown postgres:postgres "$dir"
    local pwfile; pwfile=$(mktemp)
    printf '%s\n' "$PG_SUPERUSER_PASSWORD" > "$pwfile"
    is_root && chown postgres "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if ! pg_running; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 $PG_SERVER_SETTINGS" start >/dev/null \
      || die "PostgreSQL did not start; see $dir/server.log"
  fi
}

stop_postgres() {
  if pg_running; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)/data" -m fast -w stop >/dev/null
  fi
}

psql_admin() {
  as_pg env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_dir)" -p "$PG_PORT" -U postgres "$@"
}

# Fills the {{placeholders}} of a deploy/postgres template. Values are checked to be plain identifiers or hex.
render_sql() {
  local template=$1; shift
  local sql; sql=$(cat "$HOMEWARD_ROOT/deploy/postgres/$template")
  while [ $# -gt 0 ]; do
    [[ "$2" =~ ^[a-z0-9_]+$ ]] || die "refusing to put '$2' into SQL"
    sql=${sql//\{\{$1\}\}/$2}
    shift 2
  done
  printf '%s\n' "$sql"
}

provision_database() {
  if [ "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != "1" ]; then
    log "creating database $PG_DATABASE"
    psql_admin -d postgres -c "CREATE DATABASE $PG_DATABASE"
  fi
  render_sql database.sql database "$PG_DATABASE" | psql_admin -d "$PG_DATABASE" -f -
  while IFS=$'\t' read -r _ _ _ schema _; do
    [ "$schema" = "-" ] && continue
    local var="PG_PASSWORD_${schema}"
    render_sql service.sql database "$PG_DATABASE" schema "$schema" role "$schema" password "${!var}" \
      | psql_admin -d "$PG_DATABASE" -f -
  done < <(service_rows)
}

rabbit_running() { rabbitmqctl -q status >/dev/null 2>&1; }

# Installs Debian packages with apt, refreshing the package lists only when the first try fails.
apt_install() { # package...
  log "installing $* (apt)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; } \
    || die "could not install $*"
}

ensure_rabbitmq() {
  command -v rabbitmq-server >/dev/null || apt_install rabbitmq-server
  if ! rabbit_running; then
    log "starting RabbitMQ on 127.0.0.1:$RABBIT_PORT"
    as_root rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
    # Run as root, the plugins tool leaves the file readable by root alone and the node (user rabbitmq) fails to boot.
    as_root chown rabbitmq:rabbitmq /etc/rabbitmq/enabled_plugins
    as_root chmod 0644 /etc/rabbitmq/enabled_plugins
    as_root rabbitmq-server -detached >/dev/null 2>&1
    # 'rabbitmqctl wait' and 'await_startup' fail at once while the node is still registering or has not begun
    # its boot (a first start on a fresh machine is slowest), so ask again until it answers or time is up.
    local deadline=$((SECONDS + 150))
    until as_root rabbitmqctl -q await_startup --timeout 15 >/dev/null 2>&1; do
      if [ $SECONDS -ge $deadline ]; then
        as_root tail -n 30 "/var/log/rabbitmq/rabbit@$(hostname -s).log" >&2 || true
        die "RabbitMQ did not start; see /var/log/rabbitmq/"
      fi
      sleep 2
    done
  fi
  local tries=0
  until curl -fsS -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1; do
    tries=$((tries + 1)); [ $tries -gt 60 ] && die "the RabbitMQ management API did not come up"
    sleep 1
  done
}

stop_rabbitmq() {
  if rabbit_running; then
    log "stopping RabbitMQ"
    as_root rabbitmqctl -q shutdown >/dev/null 2>&1 || true
  fi
}

pg_connection() { # role password
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$PG_PORT" "$PG_DATABASE" "$1" "$2"
}

rabbit_uri() { printf 'amqp://guest:guest@127.0.0.1:%s/' "$RABBIT_PORT"; }
