#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis the services and tests use are up,
# starting them when they are down (a machine's services may have stopped since
# boot), creates the application database if missing and runs the migrations.
#
#   bash tools/infra/ensure-infra.sh [--no-migrate]
#
# Environment (same names the services read):
#   DATABASE_HOST (127.0.0.1)  DATABASE_PORT (5432)  DATABASE_USER (postgres)
#   DATABASE_PASSWORD (unset: trust auth)  DATABASE_NAME (hyperdex)
#   REDIS_HOST (127.0.0.1)  REDIS_PORT (6379)  REDIS_PASSWORD (unset)
# Services are only started when their host is local; remote ones are only checked.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

DB_HOST="${DATABASE_HOST:-127.0.0.1}"
DB_PORT="${DATABASE_PORT:-5432}"
DB_USER="${DATABASE_USER:-postgres}"
DB_NAME="${DATABASE_NAME:-hyperdex}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
WAIT_SECONDS=30

# psql/pg_isready and redis-cli read passwords from the environment, keeping
# them off the command line.
[[ -n "${DATABASE_PASSWORD:-}" ]] && export PGPASSWORD="$DATABASE_PASSWORD"
[[ -n "${REDIS_PASSWORD:-}" ]] && export REDISCLI_AUTH="$REDIS_PASSWORD"

MIGRATE=1
for arg in "$@"; do
  case "$arg" in
    --no-migrate) MIGRATE=0 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "infra: unknown argument '$arg' (usage: ensure-infra.sh [--no-migrate])" >&2
      exit 2
      ;;
  esac
done

log() { echo "infra: $*"; }
die() { echo "infra: $*" >&2; exit 1; }

# The name is interpolated into SQL, so allow only a plain identifier.
[[ "$DB_NAME" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "DATABASE_NAME '$DB_NAME' is not a plain identifier"

is_local() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }

pg_up() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 2 >/dev/null 2>&1; }
redis_up() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

# wait_for <name> <check function>: polls for up to WAIT_SECONDS.
wait_for() {
  local name=$1 check=$2 deadline=$((SECONDS + WAIT_SECONDS))
  while ((SECONDS < deadline)); do
    "$check" && return 0
    sleep 0.5
  done
  "$check" || die "$name not reachable after ${WAIT_SECONDS}s"
}

ensure_postgres() {
  command -v pg_isready >/dev/null || die "pg_isready not found (install postgresql-client)"
  if pg_up; then
    log "PostgreSQL is up on $DB_HOST:$DB_PORT"
    return 0
  fi
  if is_local "$DB_HOST"; then
    # The machine's cluster, started as at boot; --skip-systemctl-redirect
    # because there is no systemd here.
    local version
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n1)
    [[ -n "$version" ]] || die "PostgreSQL is down and no cluster is configured under /etc/postgresql"
    log "PostgreSQL is down on $DB_HOST:$DB_PORT; starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
      log "pg_ctlcluster failed (already starting? not root?); waiting anyway"
  else
    log "PostgreSQL on $DB_HOST:$DB_PORT is not ready (remote: not starting it); waiting"
  fi
  wait_for "PostgreSQL on $DB_HOST:$DB_PORT" pg_up
  log "PostgreSQL is up on $DB_HOST:$DB_PORT"
}

ensure_redis() {
  command -v redis-cli >/dev/null || die "redis-cli not found (install redis-tools)"
  if redis_up; then
    log "Redis is up on $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  if is_local "$REDIS_HOST"; then
    # Same flags as the machine's boot: nothing persisted, log to a file.
    log "Redis is down on $REDIS_HOST:$REDIS_PORT; starting redis-server"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
      --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log ||
      log "redis-server failed to start; waiting anyway"
  else
    log "Redis on $REDIS_HOST:$REDIS_PORT is not ready (remote: not starting it); waiting"
  fi
  wait_for "Redis on $REDIS_HOST:$REDIS_PORT" redis_up
  log "Redis is up on $REDIS_HOST:$REDIS_PORT"
}

psql_admin() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -tAc "$1"; }

ensure_database() {
  if [[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" == 1 ]]; then
    log "database '$DB_NAME' exists"
    return 0
  fi
  if ! psql_admin "CREATE DATABASE \"$DB_NAME\"" >/dev/null; then
    # A concurrent run may have created it between the check and the create.
    [[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" == 1 ]] ||
      die "could not create database '$DB_NAME' as user '$DB_USER'"
  fi
  log "created database '$DB_NAME'"
}

run_migrations() {
  if ((MIGRATE == 0)); then
    log "skipping migrations (--no-migrate)"
    return 0
  fi
  local migrate="$REPO_ROOT/tools/db/migrate.cjs"
  if [[ ! -f "$migrate" ]]; then
    log "note: $migrate not found; no migrations run"
    return 0
  fi
  log "running migrations (tools/db/migrate.cjs)"
  (cd "$REPO_ROOT" && node tools/db/migrate.cjs) || die "migrations failed"
}

ensure_postgres
ensure_redis
ensure_database
run_migrations
log "ready (postgres $DB_HOST:$DB_PORT/$DB_NAME, redis $REDIS_HOST:$REDIS_PORT)"
