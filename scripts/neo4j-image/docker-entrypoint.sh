#!/bin/bash
# Entry point of policygraph/neo4j:5-local: reads the same environment as the official
# neo4j:5 image's entry point (the parts testcontainers-go's neo4j module uses) and
# starts the policygraph-neo4j launcher in the foreground as PID 1.
#
#   NEO4J_AUTH=none | neo4j/<password>   (unset: neo4j/policygraph-test; the official image
#                                          would force a password change, useless for tests)
#   NEO4J_<setting>=value                 Neo4j setting, named as in the official image:
#                                          '_' -> '.', '__' -> '_'
#                                          (NEO4J_dbms_tx__log_rotation_size -> dbms.tx_log.rotation.size)
#   NEO4J_server_memory_heap_max__size    also becomes -Xmx (default 1g), initial__size -Xms
#   NEO4J_PLUGINS / NEO4JLABS_PLUGINS     not supported (no downloads here): a warning
#   JAVA_OPTS                             extra JVM options
set -euo pipefail

if [[ ${1:-neo4j} != neo4j ]]; then
  exec "$@" # e.g. `docker run --rm -it policygraph/neo4j:5-local bash`
fi

say() { echo "docker-entrypoint: $*" >&2; }

args=(serve --listen-address 0.0.0.0 --bolt-port 7687 --http-port 7474
  --home /var/lib/neo4j --data-dir /data --logs-dir /logs)

auth=${NEO4J_AUTH:-neo4j/policygraph-test}
case $auth in
  none)
    args+=(--no-auth)
    ;;
  neo4j/?*)
    pass=${auth#neo4j/}
    pass=${pass%/true} # neo4j/<password>/true means "require a change" in neo4j:5; ignored
    args+=(--password "$pass")
    ;;
  *)
    say "NEO4J_AUTH must be 'none' or 'neo4j/<password>', got '${auth%%/*}/...'"
    exit 1
    ;;
esac

for var in NEO4J_PLUGINS NEO4JLABS_PLUGINS; do
  if [[ -n ${!var:-} ]]; then
    say "WARNING: $var=${!var} ignored: this offline image has no plugins (APOC, GDS, ...)"
  fi
done

heap_max=1g
jvm_extra=()
# Names the official image reserves for itself, and our own; everything else NEO4J_* is a setting.
reserved=" NEO4J_AUTH NEO4J_HOME NEO4J_PLUGINS NEO4J_ACCEPT_LICENSE_AGREEMENT NEO4J_EDITION
  NEO4J_DEBUG NEO4J_SHA256 NEO4J_TARBALL NEO4J_DEPRECATION_WARNING NEO4J_ADMIN_PASSWORD "
while IFS='=' read -r -d '' name value; do
  [[ $name == NEO4J_* && $reserved != *" $name "* ]] || continue
  key=${name#NEO4J_}
  if [[ $key != *[a-z]* ]]; then
    say "ignoring $name: not a Neo4j setting name"
    continue
  fi
  key=${key//__/@@}
  key=${key//_/.}
  key=${key//@@/_}
  case $key in
    server.memory.heap.max_size) heap_max=$value ;;
    server.memory.heap.initial_size) jvm_extra+=("-Xms$value") ;;
    server.jvm.additional)
      while read -r opt; do [[ -n $opt ]] && jvm_extra+=("$opt"); done <<<"$value"
      continue
      ;;
  esac
  args+=(--conf "$key=$value")
done < <(env -0)

# shellcheck disable=SC2206 # JAVA_OPTS is a space-separated list on purpose
java_opts=(${JAVA_OPTS:-})
exec java -Xmx"$heap_max" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
  "${jvm_extra[@]}" "${java_opts[@]}" \
  -jar /opt/policygraph-neo4j/policygraph-neo4j.jar "${args[@]}"
