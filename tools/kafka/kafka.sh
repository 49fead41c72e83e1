#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft: broker + controller in one
# JVM) for local development and tests, from the broker jars on Maven Central.
# No Docker and no Kafka package are needed: only Java 17, Maven and Node.
#
#   bash tools/kafka/kafka.sh fetch|start|stop|status|reset
#
# Environment:
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default KAFKA_PORT+1)
#   KAFKA_DATA_DIR         data dir (default <cache>/data-<port>)
#   KAFKA_HEAP             JVM max heap (default 512m)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness (default 90)
#   HYPERDEX_CACHE_DIR     cache root (default ~/.cache/hyperdex), kept out of git
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

KAFKA_VERSION=3.9.1
CACHE_DIR="${HYPERDEX_CACHE_DIR:-$HOME/.cache/hyperdex}/kafka-$KAFKA_VERSION"
LIBS_DIR="$CACHE_DIR/libs"
# Written only after a complete copy; holds the pom's hash so a pom change refetches.
MARKER="$LIBS_DIR/.fetched"

HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA_DIR="${KAFKA_DATA_DIR:-$CACHE_DIR/data-$PORT}"
HEAP="${KAFKA_HEAP:-512m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

PROPS="$DATA_DIR/server.properties"
PID_FILE="$DATA_DIR/broker.pid"
LOG_FILE="$DATA_DIR/broker.log"
CLUSTER_ID_FILE="$DATA_DIR/cluster.id"
LOG_DIRS="$DATA_DIR/kraft-logs" # Kafka's own log dirs (topic data + metadata log)

log() { echo "kafka: $*"; }
die() { echo "kafka: $*" >&2; exit 1; }

pom_hash() { sha256sum "$SCRIPT_DIR/pom.xml" | cut -d' ' -f1; }

libs_ready() { [[ -f "$MARKER" && "$(cat "$MARKER")" == "$(pom_hash)" ]]; }

cmd_fetch() {
  if libs_ready; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (Maven is needed once, to fetch the broker jars)"
  mkdir -p "$CACHE_DIR"
  # Two starts at once (e.g. two ports) must not both copy into the same dir.
  exec 9>"$CACHE_DIR/.fetch.lock"
  flock 9
  if libs_ready; then # the other process fetched while we waited
    exec 9>&-
    return 0
  fi
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS_DIR"
  local started=$EPOCHREALTIME tmp="$LIBS_DIR.tmp"
  rm -rf "$tmp"
  # Output goes to a file, shown only on failure: Maven 3.8 prints stray ANSI
  # resets even with -q -B.
  if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >"$CACHE_DIR/fetch.log" 2>&1; then
    cat "$CACHE_DIR/fetch.log" >&2
    die "mvn dependency:copy-dependencies failed (is Maven Central reachable?)"
  fi
  # Swap in the complete copy, then mark it: an interrupted fetch leaves no marker.
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  pom_hash >"$MARKER"
  exec 9>&-
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars in $(elapsed "$started")s"
}

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# The pid of the broker on this data dir, or nothing. Trusts the pid file only if
# that process really is our broker (pids get reused); otherwise looks for a
# broker started with our server.properties (e.g. pid file lost).
broker_pid() {
  local pid cmd
  if [[ -f "$PID_FILE" ]]; then
    pid=$(cat "$PID_FILE")
    if [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]]; then
      cmd=$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null || true)
      if [[ "$cmd" == *kafka.Kafka*"$PROPS"* ]] && alive "$pid"; then
        echo "$pid"
        return 0
      fi
    fi
  fi
  local cmdline
  while read -r cmdline; do
    cmd=$({ tr '\0' ' ' <"$cmdline"; } 2>/dev/null || true) # may have exited since
    if [[ "$cmd" == *" kafka.Kafka $PROPS "* ]]; then
      pid=${cmdline#/proc/}
      pid=${pid%/cmdline}
      alive "$pid" || continue
      echo "$pid"
      return 0
    fi
  done < <(grep -lsF -- "$PROPS" /proc/[0-9]*/cmdline)
  return 1
}

# A zombie (exited, not yet reaped: the broker is nobody's child once start
# returns) counts as dead.
alive() {
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z ]]
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# wait_ready <timeoutSeconds> [pid]: 0 once the broker answers metadata requests.
wait_ready() {
  local args=("$HOST:$PORT" "$1")
  [[ -n "${2:-}" ]] && args+=(--pid "$2")
  [[ -d "$REPO_ROOT/node_modules/kafkajs" ]] || die "kafkajs missing: run 'npm install' in $REPO_ROOT"
  node "$SCRIPT_DIR/wait-ready.cjs" "${args[@]}"
}

write_properties() {
  cat >"$PROPS" <<PROPS
# Written by tools/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$LOG_DIRS

# Single node: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Fewer internal partitions than the default 50 load faster after a (re)start,
# so the group coordinator and transaction coordinator answer sooner.
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6

# Tests create topics implicitly; 6 partitions gives keyed ordering room to spread.
auto.create.topics.enable=true
num.partitions=6
delete.topic.enable=true
# Consumer groups in tests should not sit out a 3 s rebalance delay.
group.initial.rebalance.delay.ms=0

# Modest retention: a dev broker should not fill the disk.
log.retention.hours=24
log.retention.bytes=268435456
log.segment.bytes=67108864
log.retention.check.interval.ms=60000

# The machine has 2 cores shared with PostgreSQL, Redis and the services.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=2
PROPS
}

# Formats KRaft storage once; the cluster id is kept in the data dir.
format_storage() {
  [[ -f "$LOG_DIRS/meta.properties" ]] && return 0
  local cluster_id
  if [[ -s "$CLUSTER_ID_FILE" ]]; then
    cluster_id=$(cat "$CLUSTER_ID_FILE")
  else
    cluster_id=$(java -cp "$LIBS_DIR/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    [[ -n "$cluster_id" ]] || die "could not generate a cluster id"
    echo "$cluster_id" >"$CLUSTER_ID_FILE"
  fi
  java -cp "$LIBS_DIR/*" -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" --ignore-formatted >/dev/null ||
    die "formatting storage in $LOG_DIRS failed"
  log "formatted storage in $LOG_DIRS (cluster id $cluster_id)"
}

fail_start() {
  echo "kafka: $1" >&2
  if [[ -f "$LOG_FILE" ]]; then
    echo "kafka: last lines of $LOG_FILE:" >&2
    tail -n 40 "$LOG_FILE" >&2
  fi
  exit 1
}

cmd_start() {
  local pid started

  # Idempotent: our broker is already up (or still starting: give it the full timeout).
  if pid=$(broker_pid); then
    if wait_ready "$START_TIMEOUT" "$pid" 2>/dev/null; then
      echo "$pid" >"$PID_FILE"
      log "already running on $HOST:$PORT (pid $pid)"
      return 0
    fi
    fail_start "broker pid $pid on $DATA_DIR is not ready; try: bash tools/kafka/kafka.sh stop"
  fi
  rm -f "$PID_FILE"

  # Something else holds the port: fine if it is a healthy Kafka, an error otherwise.
  if port_open "$PORT"; then
    if wait_ready 5 2>/dev/null; then
      log "a Kafka broker not started from $DATA_DIR is already serving $HOST:$PORT; using it"
      return 0
    fi
    die "port $PORT is in use by something that is not a ready Kafka broker"
  fi
  if port_open "$CONTROLLER_PORT"; then
    die "controller port $CONTROLLER_PORT is in use (set KAFKA_CONTROLLER_PORT)"
  fi

  command -v java >/dev/null || die "java not found (Java 17 is needed)"
  cmd_fetch
  started=$EPOCHREALTIME # report the broker's own start time, not the one-off fetch
  mkdir -p "$DATA_DIR"
  write_properties
  format_storage

  # setsid + nohup: the broker outlives this shell and its process group (Ctrl-C,
  # a test runner killing its job), until `kafka.sh stop`. GC flags follow
  # kafka-run-class.sh; no -Xms, so an idle dev broker stays small.
  : >"$LOG_FILE"
  cd "$DATA_DIR"
  setsid nohup java "-Xmx$HEAP" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS" >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  cd - >/dev/null

  if ! wait_ready "$START_TIMEOUT" "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    if ! alive "$pid"; then
      fail_start "broker exited during startup"
    fi
    # Don't leave a half-started broker behind holding the data dir lock.
    kill -TERM "$pid" 2>/dev/null || true
    sleep 2
    kill -KILL "$pid" 2>/dev/null || true
    fail_start "broker did not become ready on $HOST:$PORT within ${START_TIMEOUT}s"
  fi
  log "broker ready on $HOST:$PORT in $(elapsed "$started")s (pid $pid, data $DATA_DIR)"
}

cmd_stop() {
  local pid i
  if ! pid=$(broker_pid); then
    rm -f "$PID_FILE"
    log "not running (data $DATA_DIR)"
    return 0
  fi
  # SIGTERM lets the broker shut down cleanly (no log recovery on next start).
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    log "broker pid $pid still alive after 30s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  log "stopped (pid $pid)"
}

cmd_status() {
  if wait_ready 3 2>/dev/null; then
    echo running
    return 0
  fi
  echo "not running"
  return 1
}

cmd_reset() {
  cmd_stop
  [[ -d "$DATA_DIR" ]] || return 0
  # Refuse to wipe a directory we did not create (KAFKA_DATA_DIR may point anywhere).
  if [[ -n "$(ls -A "$DATA_DIR")" && ! -f "$PROPS" ]]; then
    die "$DATA_DIR does not look like a kafka.sh data dir; not deleting it"
  fi
  rm -rf "$DATA_DIR"
  log "deleted $DATA_DIR"
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *)
    echo "usage: $0 fetch|start|stop|status|reset" >&2
    exit 2
    ;;
esac
