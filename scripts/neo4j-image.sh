#!/usr/bin/env bash
# Builds a local Docker image that stands in for the official neo4j:5 image in
# testcontainers-go's neo4j module (v0.44.0), without pulling anything from a registry:
#
#   1. base image  policygraph/jre17-base: debootstrap (minbase) bookworm with
#      openjdk-17-jre-headless, imported with `docker import`      (skipped if it exists)
#   2. launcher    scripts/neo4j.sh dist (Neo4j Community 5.26 from Maven Central)
#   3. image       policygraph/neo4j:5-local from scripts/neo4j-image/Dockerfile
#                  (skipped if the image's inputs-hash label matches its inputs)
#
# What the module relies on, and what the image does about it (see docker-entrypoint.sh):
#   ports 7687 (Bolt), 7474 (HTTP), 7473 (HTTPS, exposed only, off as in neo4j:5);
#   NEO4J_AUTH=none | neo4j/<password>; NEO4J_<setting> env vars (WithNeo4jSetting);
#   wait strategy: log line "Bolt enabled on" AND HTTP GET / on 7474 answering 200.
#
#   scripts/neo4j-image.sh [build]   all of the above; starts dockerd if no engine answers
#   scripts/neo4j-image.sh smoke     run the image once, as testcontainers would, and query it
#   scripts/neo4j-image.sh dockerd   only make sure a Docker engine answers
#   scripts/neo4j-image.sh cleanup   remove containers left over from the image (Ryuk is off)
#   scripts/neo4j-image.sh stop-dockerd   stop the dockerd this script started, if any
#   scripts/neo4j-image.sh env       print what Go tests need to export (eval-able), see below
#
# testcontainers-go needs, with this engine:
#   TESTCONTAINERS_RYUK_DISABLED=true   Ryuk would be pulled from Docker Hub (unreachable)
#   TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
#       this machine has /.dockerenv, so testcontainers believes it runs inside a container and
#       would dial the bridge gateway (172.17.0.1) instead of localhost; published ports are
#       bound to 127.0.0.1 only (dockerd --ip=127.0.0.1), so that address never answers
#   DOCKER_HOST: not needed (default unix:///var/run/docker.sock)
#
# Settings: POLICYGRAPH_NEO4J_IMAGE [policygraph/neo4j:5-local],
#   POLICYGRAPH_JRE_BASE_IMAGE [policygraph/jre17-base:latest], POLICYGRAPH_STATE
#   [/tmp/policygraph-neo4j], DEBIAN_MIRROR [the host's apt mirror, else deb.debian.org].
# Needs root for apt-get, debootstrap and dockerd (as in CI).
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${POLICYGRAPH_STATE:-/tmp/policygraph-neo4j}
IMAGE=${POLICYGRAPH_NEO4J_IMAGE:-policygraph/neo4j:5-local}
BASE_IMAGE=${POLICYGRAPH_JRE_BASE_IMAGE:-policygraph/jre17-base:latest}
SUITE=bookworm
LABEL=org.policygraph.inputs
DOCKERD_PID=$STATE/dockerd.pid
DOCKERD_LOG=$STATE/dockerd.log
# The legacy builder: Debian's docker.io has no buildx plugin for BuildKit.
export DOCKER_BUILDKIT=0

log() { echo "[neo4j-image.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

mkdir -p "$STATE"

need_root() { [[ $(id -u) == 0 ]] || die "$* needs root (run as root, as CI does)"; }

ensure_tools() {
  local missing=()
  command -v docker >/dev/null || missing+=(docker.io)
  command -v dockerd >/dev/null || missing+=(docker.io)
  if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || missing+=(debootstrap)
  fi
  ((${#missing[@]} == 0)) && return
  need_root "installing ${missing[*]}"
  local t0
  t0=$(now)
  log "tools: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >&2 ||
    { apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2; }
  log "tools: installed in $(elapsed "$t0")"
}

ensure_engine() {
  if docker info >/dev/null 2>&1; then
    log "dockerd: engine answers ($(docker version -f '{{.Server.Version}}' 2>/dev/null))"
    return
  fi
  need_root "starting dockerd"
  local t0 flags=()
  t0=$(now)
  # Published ports on 127.0.0.1 only (docker's default is 0.0.0.0), unless the
  # daemon config already says where (a flag and a config entry for one option conflict).
  if ! grep -qs '"ip"' /etc/docker/daemon.json; then
    flags+=(--ip=127.0.0.1)
  fi
  log "dockerd: no engine answers, starting dockerd ${flags[*]} (log $DOCKERD_LOG)"
  setsid dockerd "${flags[@]}" </dev/null >"$DOCKERD_LOG" 2>&1 &
  echo $! >"$DOCKERD_PID"
  for _ in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then
      log "dockerd: up in $(elapsed "$t0")"
      return
    fi
    kill -0 "$(cat "$DOCKERD_PID")" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 40 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not come up, log above ($DOCKERD_LOG)"
}

host_mirror() {
  local m=""
  m=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $m ]] || m=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  echo "${m:-http://deb.debian.org/debian}"
}

# Unmount whatever debootstrap left mounted under $1 (it mounts proc/sys, and may bind
# /dev), so that removing the directory can never reach the host's filesystems.
unmount_under() {
  local dir mnt
  dir=$(realpath -m "$1")
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r |
    while read -r mnt; do
      umount -l "$mnt" || true
    done
}

remove_rootfs() {
  [[ -e $1 ]] || return 0
  unmount_under "$1"
  rm -rf --one-file-system "$1"
}

ensure_base() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base: $BASE_IMAGE exists, skipping debootstrap"
    return
  fi
  need_root "debootstrap"
  local t0 rootfs mirror
  t0=$(now)
  rootfs=$STATE/jre17-rootfs
  mirror=${DEBIAN_MIRROR:-$(host_mirror)}
  remove_rootfs "$rootfs"
  log "base: debootstrap --variant=minbase --include=openjdk-17-jre-headless $SUITE from $mirror"
  if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless "$SUITE" "$rootfs" "$mirror" \
      >"$STATE/debootstrap.log" 2>&1; then
    tail -n 30 "$STATE/debootstrap.log" >&2
    remove_rootfs "$rootfs"
    die "debootstrap failed, full log: $STATE/debootstrap.log"
  fi
  unmount_under "$rootfs"
  # Downloaded .debs and package lists are not needed at run time.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/tmp/*
  log "base: debootstrap done in $(elapsed "$t0"), $(du -sh "$rootfs" | cut -f1); docker import"
  tar -C "$rootfs" --numeric-owner -c . |
    docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["/bin/bash"]' \
      --message "debootstrap --variant=minbase --include=openjdk-17-jre-headless $SUITE" \
      - "$BASE_IMAGE" >/dev/null
  remove_rootfs "$rootfs"
  log "base: $BASE_IMAGE ready in $(elapsed "$t0")"
}

build_image() {
  local t0 dist base_id hash have ctx
  t0=$(now)
  dist=$(bash "$HERE/neo4j.sh" dist)
  base_id=$(docker image inspect -f '{{.Id}}' "$BASE_IMAGE")
  # Everything the image is made of: a change in any of these means a rebuild.
  hash=$({
    cat "$HERE/neo4j-image/Dockerfile" "$HERE/neo4j-image/docker-entrypoint.sh"
    echo "launcher $(basename "$dist") base $base_id"
  } | sha256sum | cut -c1-16)
  have=$(docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$IMAGE" 2>/dev/null || true)
  if [[ $have == "$hash" ]]; then
    log "image: $IMAGE up to date (inputs $hash), skipping docker build"
    return
  fi
  ctx=$STATE/image-context
  rm -rf "$ctx"
  mkdir -p "$ctx"
  cp "$HERE/neo4j-image/Dockerfile" "$HERE/neo4j-image/docker-entrypoint.sh" "$ctx/"
  # Hard links when possible: the launcher and its lib/ are ~125 MB.
  cp -al "$dist" "$ctx/launcher" 2>/dev/null || cp -r "$dist" "$ctx/launcher"
  log "image: docker build $IMAGE (inputs $hash${have:+, was $have})"
  if ! docker build --build-arg BASE_IMAGE="$BASE_IMAGE" --label "$LABEL=$hash" \
      -t "$IMAGE" "$ctx" >"$STATE/docker-build.log" 2>&1; then
    tail -n 30 "$STATE/docker-build.log" >&2
    die "docker build failed, full log: $STATE/docker-build.log"
  fi
  rm -rf "$ctx"
  # Earlier builds of the image are now dangling; drop them (only ours, by label).
  docker image prune -f --filter "label=$LABEL" >/dev/null || true
  log "image: $IMAGE built in $(elapsed "$t0")"
}

# Runs the image the way testcontainers' neo4j module does and talks Bolt to it.
smoke() {
  local t0 dist cid bolt http pass=smoke-password deadline
  t0=$(now)
  dist=$(bash "$HERE/neo4j.sh" dist)
  trap 'docker rm -f "$SMOKE_CID" >/dev/null 2>&1 || true' EXIT
  SMOKE_CID=$(docker run -d -p 127.0.0.1::7687 -p 127.0.0.1::7474 -e NEO4J_AUTH="neo4j/$pass" \
    -e NEO4J_db_logs_query_enabled=OFF --label org.policygraph.smoke=1 "$IMAGE")
  cid=$SMOKE_CID
  bolt=$(docker port "$cid" 7687/tcp | head -n1)
  http=$(docker port "$cid" 7474/tcp | head -n1)
  log "smoke: container ${cid:0:12}, Bolt on $bolt, HTTP on $http"
  deadline=$((SECONDS + 180))
  until docker logs "$cid" 2>&1 | grep -q 'Bolt enabled on'; do
    if ((SECONDS >= deadline)) || [[ $(docker inspect -f '{{.State.Running}}' "$cid") != true ]]; then
      docker logs "$cid" 2>&1 | tail -n 40 >&2
      die "smoke: no 'Bolt enabled on' line, container log above"
    fi
    sleep 0.5
  done
  log "smoke: 'Bolt enabled on' logged after $(elapsed "$t0")"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$http/" || true) == 200 ]]; do
    ((SECONDS < deadline)) || die "smoke: HTTP GET / on $http never answered 200"
    sleep 0.5
  done
  log "smoke: HTTP GET / answers 200 after $(elapsed "$t0")"
  java -Xmx128m -XX:TieredStopAtLevel=1 -jar "$dist/policygraph-neo4j.jar" check \
    --uri "neo4j://$bolt" --user neo4j --password "$pass" --database neo4j >&2
  log "smoke: OK in $(elapsed "$t0")"
}

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "ancestor=$IMAGE" 2>/dev/null || true)
  if [[ -n $ids ]]; then
    log "cleanup: removing $(wc -w <<<"$ids") container(s) of $IMAGE"
    # shellcheck disable=SC2086 # one container id per word
    docker rm -f $ids >/dev/null || true
  fi
}

stop_dockerd() {
  local pid
  [[ -f $DOCKERD_PID ]] || { log "stop-dockerd: not started by this script"; return; }
  pid=$(cat "$DOCKERD_PID")
  # Guard against a recycled pid from an earlier run: it must still be dockerd.
  if kill -0 "$pid" 2>/dev/null && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]]; then
    log "stop-dockerd: SIGTERM to dockerd pid $pid"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$DOCKERD_PID"
}

case "${1:-build}" in
  build)
    t0=$(now)
    ensure_tools
    ensure_engine
    ensure_base
    build_image
    log "done in $(elapsed "$t0"): $IMAGE"
    ;;
  smoke) ensure_engine && smoke ;;
  dockerd) ensure_tools && ensure_engine ;;
  cleanup) cleanup ;;
  stop-dockerd) stop_dockerd ;;
  env)
    echo "export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 POLICYGRAPH_NEO4J_IMAGE=$IMAGE"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
