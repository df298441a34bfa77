#!/usr/bin/env bash
# One command for the benchmark of bench/README.md:
#
#   bash bench/run.sh                               # 5 rounds × 5 s, 8 connections
#   ROUNDS=1 DURATION=2s bash bench/run.sh          # a quick pass
#
# It uses (or starts) the local Neo4j of scripts/neo4j.sh, loads the corpus,
# builds policygraph, starts on free 127.0.0.1 ports
#   A  policygraph serve --neo4j-uri …  (from Neo4j: an in-memory snapshot of it)
#   B  policygraph serve                (in memory, no Neo4j)
#   C  bench/peer: @neo4j/graphql 7 + Apollo Server over the same Neo4j
# waits until each is ready, runs bench/loadgen against the three, and stops
# everything it started on exit.
#
# Settings (environment):
#   ROUNDS        rounds                                           [5]
#   DURATION      measured time per shape, server and round        [5s]
#   CONNECTIONS   concurrent keep-alive connections                [8]
#   WARMUP        unmeasured warm-up per shape and server          [1s]
#   SHAPES        shapes to run                                    [S1,S2,S3,S4,S5]
#   MAX_COMPLEXITY  policygraph --max-complexity                   [the server's default]
#   BENCH_WORK    directory for the binary, logs and results       [a new temp dir]
#   NEO4J_PASSWORD  password of the local Neo4j (scripts/neo4j.sh) [policygraph-test]
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-1s}
SHAPES=${SHAPES:-S1,S2,S3,S4,S5}
MAX_COMPLEXITY=${MAX_COMPLEXITY:-}
WORK=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/policygraph-bench.XXXXXX")}
mkdir -p "$WORK"

log() { echo "[bench] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in go node npm curl; do
  command -v "$tool" >/dev/null || die "$tool not found"
done

# Everything started here is stopped on exit, by pid.
PIDS=()
STARTED_NEO4J=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ $STARTED_NEO4J == 1 ]]; then
    log "stopping the Neo4j this run started"
    bash scripts/neo4j.sh stop >&2 || true
  fi
  log "logs and results: $WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Neo4j -------------------------------------------------------------------
# A server that is already running is used as it is (scripts/neo4j.sh start
# would restart it with an empty database unless told to keep the data).
if bash scripts/neo4j.sh status >/dev/null 2>&1; then
  log "neo4j: already running"
  eval "$(bash scripts/neo4j.sh env)"
else
  log "neo4j: not running, starting it (scripts/neo4j.sh start)"
  eval "$(POLICYGRAPH_NEO4J_KEEP_DATA=1 bash scripts/neo4j.sh start)"
  STARTED_NEO4J=1
fi
: "${NEO4J_URI:?}" "${NEO4J_USER:?}" "${NEO4J_PASSWORD:?}" "${NEO4J_DATABASE:?}"
log "neo4j: $NEO4J_URI database $NEO4J_DATABASE"

# --- policygraph: build, load ---------------------------------------------------
BIN=$WORK/policygraph
log "building policygraph -> $BIN"
go build -o "$BIN" ./cmd/policygraph
log "building the load generator"
go build -o "$WORK/loadgen" ./bench/loadgen

# The built binary is the code of `go run ./cmd/policygraph load`; the same
# build loads Neo4j and serves A, B and C.
log "loading the corpus into Neo4j"
"$BIN" load --neo4j-uri "$NEO4J_URI" --neo4j-user "$NEO4J_USER" \
  --neo4j-password "$NEO4J_PASSWORD" --neo4j-database "$NEO4J_DATABASE" >"$WORK/load.log" 2>&1 \
  || { cat "$WORK/load.log" >&2; die "load failed"; }

# --- servers -----------------------------------------------------------------
# A clean environment for each server: serve reads NEO4J_* and POLICYGRAPH_*
# (NEO4J_URI alone would make C serve from Neo4j).
clean_env=(env -u NEO4J_URI -u NEO4J_USER -u NEO4J_PASSWORD -u NEO4J_DATABASE)
while IFS='=' read -r name _; do
  [[ $name == POLICYGRAPH_* ]] && clean_env+=(-u "$name")
done < <(env)

# start NAME LOGFILE CMD... : runs CMD in the background, records its pid.
start() {
  local name=$1 logfile=$2
  shift 2
  "$@" >"$logfile" 2>&1 </dev/null &
  PIDS+=($!)
  log "$name: pid $! (log $logfile)"
}

# url_from LOGFILE PATTERN PID : waits for the line announcing the URL.
url_from() {
  local logfile=$1 pattern=$2 pid=$3 url=""
  for _ in $(seq 1 600); do
    url=$(grep -o -m1 -E "$pattern" "$logfile" 2>/dev/null || true)
    [[ -n $url ]] && { echo "${url%/}"; return; }
    kill -0 "$pid" 2>/dev/null || { cat "$logfile" >&2; die "process $pid exited, log above"; }
    sleep 0.2
  done
  cat "$logfile" >&2
  die "no URL in $logfile after 120 s"
}

serve_pg() { # NAME MODE(neo4j|inmem)
  local name=$1 mode=$2 logfile=$WORK/$1.log
  local args=(serve --addr 127.0.0.1:0)
  [[ -n $MAX_COMPLEXITY ]] && args+=(--max-complexity "$MAX_COMPLEXITY")
  if [[ $mode == inmem ]]; then
    start "$name" "$logfile" "${clean_env[@]}" "$BIN" "${args[@]}"
  else
    # Credentials through the environment, not argv.
    start "$name" "$logfile" "${clean_env[@]}" NEO4J_PASSWORD="$NEO4J_PASSWORD" \
      "$BIN" "${args[@]}" --neo4j-uri "$NEO4J_URI" --neo4j-user "$NEO4J_USER" \
      --neo4j-database "$NEO4J_DATABASE"
  fi
}

serve_pg A neo4j
PID_A=${PIDS[-1]}
serve_pg B inmem
PID_B=${PIDS[-1]}

if [[ ! -d bench/peer/node_modules ]]; then
  log "peer: npm ci"
  (cd bench/peer && npm ci --no-audit --no-fund) >&2
fi
start C "$WORK/C.log" "${clean_env[@]}" NODE_ENV=production PORT=0 \
  NEO4J_URI="$NEO4J_URI" NEO4J_USER="$NEO4J_USER" NEO4J_PASSWORD="$NEO4J_PASSWORD" \
  NEO4J_DATABASE="$NEO4J_DATABASE" node bench/peer/server.mjs
PID_C=${PIDS[-1]}

pg_url='http://127\.0\.0\.1:[0-9]+/'
URL_A=$(url_from "$WORK/A.log" "$pg_url" "$PID_A")
URL_B=$(url_from "$WORK/B.log" "$pg_url" "$PID_B")
URL_C=$(url_from "$WORK/C.log" "$pg_url" "$PID_C")

# Each server must serve from where it is meant to.
grep -q "serving from neo4j" "$WORK/A.log" || die "A is not serving from Neo4j (log $WORK/A.log)"
grep -q "store=inmem" "$WORK/B.log" || die "B is not serving in memory (log $WORK/B.log)"
grep -q "serving from neo4j" "$WORK/B.log" && die "B serves from Neo4j (log $WORK/B.log)"

wait_ready() { # NAME PID CHECK...
  local name=$1 pid=$2
  shift 2
  for _ in $(seq 1 240); do
    if "$@" >/dev/null 2>&1; then
      log "$name: ready"
      return
    fi
    kill -0 "$pid" 2>/dev/null || die "$name exited (see $WORK/$name.log)"
    sleep 0.5
  done
  die "$name not ready after 120 s (see $WORK/$name.log)"
}
readyz() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1/readyz") == 200 ]]; }
peer_ready() {
  curl -sf --max-time 10 -H 'content-type: application/json' \
    --data '{"query":"{ documents { id } }"}' "$1/graphql" | grep -q '"doc:'
}
wait_ready A "$PID_A" readyz "$URL_A"
wait_ready B "$PID_B" readyz "$URL_B"
wait_ready C "$PID_C" peer_ready "$URL_C"

# --- the run -------------------------------------------------------------------
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  commit+="+modified"
fi
peer_version=$(node -p 'require("./bench/peer/node_modules/@neo4j/graphql/package.json").version')
label="policygraph $commit ($(go env GOVERSION)); peer @neo4j/graphql $peer_version on node $(node --version); Neo4j $NEO4J_URI"

log "running the load generator (results also in $WORK/results.txt)"
"$WORK/loadgen" \
  -snapshot "$URL_A" -inmem "$URL_B" -peer "$URL_C" \
  -peer-label "@neo4j/graphql $peer_version" -label "$label" \
  -rounds "$ROUNDS" -duration "$DURATION" -connections "$CONNECTIONS" -warmup "$WARMUP" \
  -shapes "$SHAPES" -diff-dir "$WORK/diff" | tee "$WORK/results.txt"
