#!/usr/bin/env bash
# Services the test suite needs in CI (and on a fresh machine):
#
#   scripts/ci-services.sh start   install missing packages (JDK 17, Maven, docker.io,
#                                  debootstrap), start the Docker-less Neo4j (scripts/neo4j.sh)
#                                  and build the testcontainers image (scripts/neo4j-image.sh,
#                                  which also starts dockerd when no engine answers)
#   scripts/ci-services.sh stop    stop that Neo4j, remove leftover containers of the image,
#                                  stop the dockerd started by neo4j-image.sh (if it did)
#   scripts/ci-services.sh env     print the exports for the Go tests (eval-able)
#
# Idempotent: a second `start` finds everything installed, built and running and only checks it.
# POLICYGRAPH_CI_SMOKE=1 also runs the image once as testcontainers would (~20 s).
# Runs as root in CI (apt-get, dockerd).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { echo "[ci-services] $*" >&2; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

install_packages() {
  local need=() t0
  # javac, not just java: Maven compiles the launcher.
  command -v javac >/dev/null && javac -version 2>&1 | grep -qE 'javac (1[7-9]|[2-9][0-9])' ||
    need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || need+=(maven)
  { command -v docker >/dev/null && command -v dockerd >/dev/null; } || need+=(docker.io)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v curl >/dev/null || need+=(curl)
  if ((${#need[@]} == 0)); then
    log "packages: all present"
    return
  fi
  [[ $(id -u) == 0 ]] || { log "ERROR: need root to install ${need[*]}"; exit 1; }
  t0=$(now)
  export DEBIAN_FRONTEND=noninteractive
  log "packages: apt-get update + install ${need[*]}"
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${need[@]}" >&2
  log "packages: installed in $(elapsed "$t0")"
}

print_env() {
  bash "$HERE/neo4j.sh" env
  bash "$HERE/neo4j-image.sh" env
}

case "${1:-}" in
  start)
    t0=$(now)
    install_packages
    t1=$(now)
    bash "$HERE/neo4j.sh" start >/dev/null # its env line is printed below with the rest
    log "neo4j (no Docker): ready, step took $(elapsed "$t1")"
    t1=$(now)
    bash "$HERE/neo4j-image.sh" build
    log "neo4j image: ready, step took $(elapsed "$t1")"
    if [[ ${POLICYGRAPH_CI_SMOKE:-0} == 1 ]]; then
      bash "$HERE/neo4j-image.sh" smoke
    fi
    log "all services up in $(elapsed "$t0"); for the tests:"
    print_env | sed 's/^/[ci-services]   /' >&2
    ;;
  stop)
    t0=$(now)
    bash "$HERE/neo4j.sh" stop || true
    if docker info >/dev/null 2>&1; then
      bash "$HERE/neo4j-image.sh" cleanup || true
    fi
    bash "$HERE/neo4j-image.sh" stop-dockerd || true
    log "stopped in $(elapsed "$t0")"
    ;;
  env)
    print_env
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
