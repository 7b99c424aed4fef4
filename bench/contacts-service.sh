# Sourced by the benchmarks that run contacts-service alone (bench/import, bench/webhooks): builds it when its jar or
# devstack (the embedded PostgreSQL and development tokens, dev/devstack.sh) is missing, starts an embedded PostgreSQL
# in a temporary data directory and the service from its jar on a free port, waits until it is ready, and stops both
# by PID on exit.
# Set before sourcing: NAME (the benchmark's name), HEAP (JVM -Xmx). Afterwards: ROOT, WORK, DATA, PORT, LOG,
# SERVICE_PID, DB_PORT, TOKEN (an admin development token), devstack_token, free_port, now, cpu_of, pg_cpu, TICK. KEEP_DATA=1 keeps the data directory.
# A benchmark with a process of its own sets BENCH_EXTRA_PID (stopped first); BENCH_SERVICE_OPTS adds JVM options.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/bench/work/$NAME"
mkdir -p "$WORK"
for tool in java curl psql python3; do
  command -v "$tool" >/dev/null || { echo "bench/$NAME needs $tool on the PATH" >&2; exit 2; }
done

APP="$ROOT/contacts-service/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$APP" || ! -f "$ROOT/devstack/target/devstack.jar" ]]; then
  echo "== building contacts-service and devstack"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl devstack,contacts-service -am)
fi
. "$ROOT/dev/devstack.sh"

DATA="$(mktemp -d "$WORK/data.XXXXXX")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
LOG="$DATA/service.log"
SERVICE_PID=""
BENCH_EXTRA_PID=""
cleanup() {
  [[ -n "$BENCH_EXTRA_PID" ]] && kill -TERM "$BENCH_EXTRA_PID" 2>/dev/null || true
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  stop_databases
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}
trap cleanup EXIT

# Starts the service; call after anything that must run before it (e.g. a receiver whose PID is BENCH_EXTRA_PID).
start_contacts_service() {
  echo "== starting PostgreSQL and contacts-service on port $PORT (data in $DATA)"
  RAPPORT_DATA_DIR="$DATA" start_databases "$DATA/postgres.log" contacts
  DB_PORT="$(db_port contacts)"
  read -r -a opts <<< "${BENCH_SERVICE_OPTS:-}"
  RAPPORT_DB_URL="$(db_url contacts)" java -Xmx"$HEAP" -Dquarkus.profile=local -Drapport.rate-limit.enabled=false \
    -Dquarkus.http.port="$PORT" ${opts[@]+"${opts[@]}"} -jar "$APP" >"$LOG" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died:"; tail -50 "$LOG"; exit 1; }
    sleep 0.5
  done
  TOKEN="$(devstack_token admin bench)"
  PM_PID="$(head -1 "$DATA/contacts/postgres/postmaster.pid" 2>/dev/null || true)"
}

now() { date +%s.%N; }
# CPU ticks (Linux /proc, TICK a second): a process, and the whole PostgreSQL server (postmaster, live backends, and
# the backends that already exited, counted in the postmaster's children times). Wall time depends on what else runs
# on the machine; CPU time shows what each side costs.
TICK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_of() { [[ -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
pg_cpu() {
  [[ -n "$PM_PID" && -r /proc/$PM_PID/stat ]] || { echo 0; return; }
  local total; total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PM_PID/stat")
  for child in $(pgrep -P "$PM_PID" 2>/dev/null); do total=$((total + $(cpu_of "$child"))); done
  echo "$total"
}
