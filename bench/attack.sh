#!/usr/bin/env bash
# Runs the hostile requests of internal/attack against a freshly built
# policygraph server (in memory, default limits) on 127.0.0.1 and prints a
# row per attack: status, code, server CPU ms, RSS growth, slowest /healthz.
#
#   bash bench/attack.sh                 # with a 60 s soak of 200 clients
#   SOAK=10s CLIENTS=50 bash bench/attack.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
go build -o "$WORK/policygraph" ./cmd/policygraph
env -u NEO4J_URI -u POLICYGRAPH_NEO4J_URI "$WORK/policygraph" serve --addr 127.0.0.1:0 >"$WORK/out" 2>"$WORK/log" &
PID=$!
for _ in $(seq 100); do grep -q "serving on" "$WORK/out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^policygraph: serving on \(http:[^ ]*\)\/$/\1/p' "$WORK/out")
[ -n "$URL" ] || { cat "$WORK/log"; exit 1; }
go run ./bench/attack -url "$URL" -pid "$PID" -soak "${SOAK:-60s}" -soak-clients "${CLIENTS:-200}"
