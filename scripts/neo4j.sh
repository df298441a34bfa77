#!/usr/bin/env bash
# A real Neo4j 5.26 (Community) for tests, without Docker: a small Java launcher
# (scripts/neo4j/) built from Maven Central artifacts and run as a background process.
#
#   scripts/neo4j.sh build     build the launcher (skipped when the sources are unchanged)
#   scripts/neo4j.sh start     build, start in the background, wait until a Bolt query works,
#                              then print the env to export on stdout (logs go to stderr), so
#                              eval "$(scripts/neo4j.sh start)" works
#   scripts/neo4j.sh wait      wait until Bolt accepts a connection and a query works
#   scripts/neo4j.sh status    running or not (exit 0 / 3), with a Bolt check
#   scripts/neo4j.sh stop      SIGTERM, wait for a clean shutdown (SIGKILL after a timeout)
#   scripts/neo4j.sh env       print the export line for the settings below
#   scripts/neo4j.sh check     full-text round trip with the 'cjk' analyzer over Bolt
#   scripts/neo4j.sh logs      tail the server log
#   scripts/neo4j.sh dist      build if needed and print the launcher directory (jar + lib/)
#
# Settings (environment):
#   POLICYGRAPH_STATE            state dir: pid, log, data, build cache  [/tmp/policygraph-neo4j]
#   NEO4J_BOLT_PORT              Bolt port on 127.0.0.1                  [7687]
#   NEO4J_HTTP_PORT              HTTP port on 127.0.0.1, 0 = no HTTP     [7474]
#   NEO4J_PASSWORD               password of user neo4j                  [policygraph-test]
#   NEO4J_DATABASE               default database                        [neo4j]
#   POLICYGRAPH_NEO4J_HEAP       JVM heap of the server                  [1g]
#   POLICYGRAPH_NEO4J_PAGECACHE  Neo4j page cache                        [128m]
#   POLICYGRAPH_NEO4J_TIMEOUT    seconds `wait` waits                    [180]
#   POLICYGRAPH_NEO4J_KEEP_DATA  1 = keep the data of the previous run   [0: fresh database]
#   POLICYGRAPH_NEO4J_DIST       a launcher directory to run (`dist` of another state dir) instead of
#                                building one here: a second server without a second build
#   JAVA / MVN                   java and mvn commands                   [java / mvn]
set -euo pipefail
shopt -s inherit_errexit # make `set -e` apply inside $(...) too

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$HERE/neo4j
STATE=${POLICYGRAPH_STATE:-/tmp/policygraph-neo4j}
BOLT_PORT=${NEO4J_BOLT_PORT:-7687}
HTTP_PORT=${NEO4J_HTTP_PORT:-7474}
PASSWORD=${NEO4J_PASSWORD:-policygraph-test}
DATABASE=${NEO4J_DATABASE:-neo4j}
HEAP=${POLICYGRAPH_NEO4J_HEAP:-1g}
PAGECACHE=${POLICYGRAPH_NEO4J_PAGECACHE:-128m}
TIMEOUT=${POLICYGRAPH_NEO4J_TIMEOUT:-180}
KEEP_DATA=${POLICYGRAPH_NEO4J_KEEP_DATA:-0}
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}

PID_FILE=$STATE/neo4j.pid
LOG_FILE=$STATE/neo4j.log
READY_FILE=$STATE/ready
HOME_DIR=$STATE/home
JAR_NAME=policygraph-neo4j.jar
URI=bolt://127.0.0.1:$BOLT_PORT

# Logs go to stderr so that stdout carries only what callers eval or capture.
log() { echo "[neo4j.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

mkdir -p "$STATE"

# Hash of everything that goes into the launcher: a changed pom or source means a rebuild.
source_hash() {
  (cd "$SRC" && find pom.xml src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) \
    | sha256sum | cut -c1-16
}

# Builds into $STATE (not into the source tree) and publishes the result as an immutable,
# content-addressed directory, so a rebuild never rewrites a jar a running server uses.
dist_dir() {
  local hash dist t0
  if [[ -n ${POLICYGRAPH_NEO4J_DIST:-} ]]; then
    [[ -f $POLICYGRAPH_NEO4J_DIST/$JAR_NAME ]] || die "POLICYGRAPH_NEO4J_DIST=$POLICYGRAPH_NEO4J_DIST has no $JAR_NAME"
    echo "$POLICYGRAPH_NEO4J_DIST"
    return
  fi
  hash=$(source_hash)
  dist=$STATE/dist/$hash
  if [[ -f $dist/$JAR_NAME && -d $dist/lib ]]; then
    log "build: launcher up to date ($dist)"
    echo "$dist"
    return
  fi
  command -v "$MVN" >/dev/null || die "mvn not found (apt-get install -y maven openjdk-17-jdk-headless)"
  t0=$(now)
  (
    # One build at a time per state dir (CI and a developer may race).
    flock 9
    if [[ ! -f $dist/$JAR_NAME ]]; then
      log "build: mvn package (sources $hash; ~/.m2 is reused, the first build downloads ~125 MB)"
      rm -rf "$STATE/build/lib"
      if ! "$MVN" -B -q -f "$SRC/pom.xml" -Dlauncher.build.dir="$STATE/build" package \
          >"$STATE/build.log" 2>&1; then
        tail -n 40 "$STATE/build.log" >&2
        die "maven build failed, full log: $STATE/build.log"
      fi
      rm -rf "$dist.tmp"
      mkdir -p "$dist.tmp"
      cp -r "$STATE/build/$JAR_NAME" "$STATE/build/lib" "$dist.tmp/"
      mv "$dist.tmp" "$dist"
      # Drop older builds unless the running server uses one.
      local keep=""
      [[ -f $STATE/server.dist ]] && keep=$(cat "$STATE/server.dist")
      for d in "$STATE"/dist/*; do
        [[ $d == "$dist" || $d == "$keep" ]] || rm -rf "$d"
      done
    fi
  ) 9>"$STATE/build.lock" || exit 1
  log "build: done in $(elapsed "$t0") -> $dist"
  echo "$dist"
}

running_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 1
  pid=$(cat "$PID_FILE")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid: it must still be our launcher.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$JAR_NAME" || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# One real Bolt round trip: handshake, authentication and a query.
bolt_query() {
  local dist=$1
  shift
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -jar "$dist/$JAR_NAME" query \
    --uri "$URI" --user neo4j --password "$PASSWORD" --database "$DATABASE" --timeout 5 "$@"
}

print_env() {
  echo "export NEO4J_URI=$URI NEO4J_USER=neo4j NEO4J_PASSWORD=$PASSWORD NEO4J_DATABASE=$DATABASE"
}

cmd_wait() {
  local dist=$1 t0 deadline pid
  t0=$(now)
  deadline=$((SECONDS + TIMEOUT))
  log "wait: for Bolt on $URI (timeout ${TIMEOUT}s)"
  until port_open "$BOLT_PORT"; do
    if [[ -f $PID_FILE ]] && ! running_pid >/dev/null; then
      tail -n 60 "$LOG_FILE" >&2 || true
      die "the server process exited, log above ($LOG_FILE)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 60 "$LOG_FILE" >&2 || true
      die "timed out after ${TIMEOUT}s waiting for port $BOLT_PORT, log above ($LOG_FILE)"
    fi
    sleep 0.5
  done
  log "wait: port $BOLT_PORT accepts connections after $(elapsed "$t0")"
  until bolt_query "$dist" 'RETURN 1 AS ok' >/dev/null 2>"$STATE/query.err"; do
    if ((SECONDS >= deadline)); then
      cat "$STATE/query.err" >&2
      tail -n 60 "$LOG_FILE" >&2 || true
      die "timed out after ${TIMEOUT}s waiting for a Bolt query to work, log above ($LOG_FILE)"
    fi
    sleep 1
  done
  log "wait: Bolt query OK after $(elapsed "$t0")"
}

cmd_start() {
  local t0 dist pid
  t0=$(now)
  dist=$(dist_dir)
  if pid=$(running_pid); then
    if [[ $KEEP_DATA == 1 ]]; then
      log "start: already running (pid $pid), keeping it and its data"
      cmd_wait "$dist"
      print_env
      return
    fi
    # A server left from an earlier run may have other settings (password,
    # launcher version) and old data: start promises a fresh one.
    log "start: restarting the server left running (pid $pid) for a fresh database"
    cmd_stop
  fi
  if port_open "$BOLT_PORT"; then
    die "port $BOLT_PORT is already in use by another process (set NEO4J_BOLT_PORT)"
  fi
  if ((HTTP_PORT > 0)) && port_open "$HTTP_PORT"; then
    die "port $HTTP_PORT is already in use by another process (set NEO4J_HTTP_PORT, 0 = no HTTP)"
  fi
  if [[ $KEEP_DATA != 1 ]]; then
    rm -rf "$HOME_DIR" # fresh database: tests must not see a previous run's data
  fi
  rm -f "$READY_FILE"
  echo "$dist" >"$STATE/server.dist"
  log "start: Neo4j on $URI (http: $([[ $HTTP_PORT == 0 ]] && echo off || echo "127.0.0.1:$HTTP_PORT"), heap $HEAP, log $LOG_FILE)"
  # setsid: own session, so a Ctrl-C in the calling terminal or the end of a CI step's
  # process group does not take the server down with it; `stop` ends it.
  setsid "$JAVA" -Xms256m -Xmx"$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -jar "$dist/$JAR_NAME" serve \
    --listen-address 127.0.0.1 --bolt-port "$BOLT_PORT" --http-port "$HTTP_PORT" \
    --password "$PASSWORD" --database "$DATABASE" --pagecache "$PAGECACHE" \
    --home "$HOME_DIR" --ready-file "$READY_FILE" \
    </dev/null >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  cmd_wait "$dist"
  log "start: ready in $(elapsed "$t0") (pid $(cat "$PID_FILE")); export:"
  print_env
}

cmd_stop() {
  local t0 pid
  t0=$(now)
  if ! pid=$(running_pid); then
    log "stop: not running"
    rm -f "$PID_FILE" "$READY_FILE"
    return
  fi
  log "stop: SIGTERM to pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "stop: still running after 60s, SIGKILL"
    kill -KILL "$pid" || true
  fi
  rm -f "$PID_FILE" "$READY_FILE" "$STATE/server.dist"
  log "stop: stopped in $(elapsed "$t0")"
}

cmd_status() {
  local pid dist
  if ! pid=$(running_pid); then
    log "status: not running"
    return 3
  fi
  dist=$(cat "$STATE/server.dist")
  if bolt_query "$dist" 'RETURN 1 AS ok' >/dev/null 2>"$STATE/query.err"; then
    log "status: running (pid $pid), Bolt query OK on $URI"
  else
    log "status: running (pid $pid) but a Bolt query on $URI fails: $(cat "$STATE/query.err")"
    return 1
  fi
}

case "${1:-}" in
  build)
    dist_dir >/dev/null
    ;;
  dist)
    dist_dir
    ;;
  start)
    cmd_start
    ;;
  wait)
    dist=$(dist_dir)
    cmd_wait "$dist"
    ;;
  stop)
    cmd_stop
    ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  status)
    cmd_status
    ;;
  env)
    print_env
    ;;
  check)
    t0=$(now)
    dist=$(dist_dir)
    "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -jar "$dist/$JAR_NAME" check \
      --uri "$URI" --user neo4j --password "$PASSWORD" --database "$DATABASE" >&2
    log "check: done in $(elapsed "$t0")"
    ;;
  logs)
    tail -n "${2:-100}" "$LOG_FILE"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
