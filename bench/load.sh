#!/usr/bin/env bash
# Times `policygraph load` of the corpus into Neo4j (issue: "load into an
# empty Neo4j ≤ 3 s, unchanged ≤ 0.5 s"), wall time of the command:
#
#   first  a Neo4j just started on an empty store (its JVM cold)
#   again  the same corpus loaded right after (nothing changed: nothing written)
#   empty  the same Neo4j, its database emptied (data and schema)
#   warm   unchanged again, after three more loads (a server that has been running)
#
#   bash bench/load.sh            # 3 rounds; ROUNDS=5 bash bench/load.sh
#
# It runs its own Neo4j (scripts/neo4j.sh) on 127.0.0.1:7790 in its own state
# directory, restarted fresh each round, and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
export POLICYGRAPH_STATE=${POLICYGRAPH_STATE:-/tmp/policygraph-neo4j-loadbench}
export NEO4J_BOLT_PORT=7790 NEO4J_HTTP_PORT=0
BIN=$(mktemp -d)/policygraph
go build -o "$BIN" ./cmd/policygraph
go build -o "${BIN%/*}/emptydb" ./bench/emptydb
trap 'bash scripts/neo4j.sh stop >/dev/null 2>&1 || true; rm -rf "${BIN%/*}"' EXIT

now() { date +%s.%N; }
timed() { # prints the wall seconds of "$@", output to stderr
  local t0 t1
  t0=$(now)
  "$@" >&2
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
load() { "$BIN" load --neo4j-uri "$NEO4J_URI" --neo4j-user "$NEO4J_USER" --neo4j-password "$NEO4J_PASSWORD" --neo4j-database "$NEO4J_DATABASE"; }

first=() empty=() again=() warm=()
for r in $(seq 1 "$ROUNDS"); do
  eval "$(bash scripts/neo4j.sh start 2>/dev/null)"
  first+=("$(timed load)")
  again+=("$(timed load)")
  "${BIN%/*}/emptydb"
  empty+=("$(timed load)")
  for _ in 1 2 3; do load >/dev/null; done
  warm+=("$(timed load)")
  bash scripts/neo4j.sh stop >/dev/null 2>&1
  echo "round $r: first ${first[-1]} s, again ${again[-1]} s, empty ${empty[-1]} s, warm ${warm[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load of the corpus, wall seconds, median of $ROUNDS (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "  first load after Neo4j starts: $(median "${first[@]}")   (${first[*]})"
echo "  into an emptied database:      $(median "${empty[@]}")   (${empty[*]})"
echo "  unchanged, right after:        $(median "${again[@]}")   (${again[*]})"
echo "  unchanged, warm server:        $(median "${warm[@]}")   (${warm[*]})"
