# Sourced by ./rapport and the benchmarks: the development stack (devstack/target/devstack.jar), the one way a script
# gets an embedded PostgreSQL or a development token. The services never start a database themselves: they are given
# RAPPORT_DB_URL. Set ROOT (the repository) before sourcing.
#   devstack_token ROLE[,ROLE] [SUBJECT] [CONTACT_ID]   a development bearer token (the key in dev/keys)
#   start_databases LOG [--port N] [--pg-stat-statements] NAME...
#                     one PostgreSQL per NAME, data in ${RAPPORT_DATA_DIR:-data}/NAME/postgres (kept between runs);
#                     returns once they answer; DATABASES_PID is the process to stop (stop_databases does it by PID)
#   db_url NAME       postgresql://localhost:PORT/NAME, the RAPPORT_DB_URL of the service keeping its data in NAME
#   db_port NAME      that server's port (user postgres, password postgres; the services' rapport/rapport works too)
DEVSTACK_JAR="$ROOT/devstack/target/devstack.jar"
DATABASES_PID=""
DATABASES_LOG=""

devstack_build() {
  [ -f "$DEVSTACK_JAR" ] && [ -d "$ROOT/devstack/target/lib" ] && return 0
  echo "== building devstack (the embedded PostgreSQL and development tokens)" >&2
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl devstack -am) >&2
}

devstack_token() {
  devstack_build
  java -cp "$DEVSTACK_JAR:$ROOT/devstack/target/lib/*" dev.rapport.devstack.DevStack token "$@"
}

start_databases() {
  DATABASES_LOG=$1; shift
  devstack_build
  # 256m: the first start on a machine unpacks PostgreSQL's binaries (xz) in this JVM; 64m ran out of heap there
  java -Xmx256m -cp "$DEVSTACK_JAR:$ROOT/devstack/target/lib/*" dev.rapport.devstack.DevStack databases "$@" >"$DATABASES_LOG" 2>&1 &
  DATABASES_PID=$!
  local _
  for _ in $(seq 1 480); do
    grep -qx ready "$DATABASES_LOG" 2>/dev/null && return 0
    if ! kill -0 "$DATABASES_PID" 2>/dev/null; then
      echo "the embedded PostgreSQL did not start:" >&2; tail -20 "$DATABASES_LOG" >&2; return 1
    fi
    sleep 0.25
  done
  echo "the embedded PostgreSQL did not start within 2 minutes (log: $DATABASES_LOG)" >&2; return 1
}

db_url() { sed -n "s#^$1 \(postgresql://.*\)#\1#p" "$DATABASES_LOG" | head -1; }
db_port() { db_url "$1" | sed -E 's#^postgresql://[^:]+:([0-9]+)/.*#\1#'; }

stop_databases() {
  [ -n "$DATABASES_PID" ] || return 0
  kill -TERM "$DATABASES_PID" 2>/dev/null || true
  local _
  for _ in $(seq 1 120); do kill -0 "$DATABASES_PID" 2>/dev/null || break; sleep 0.25; done
  DATABASES_PID=""
}
