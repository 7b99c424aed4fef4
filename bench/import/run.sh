#!/usr/bin/env bash
# Bulk CSV import benchmark: imports a generated 1M-row file through contacts-service (POST /imports, polled
# until COMPLETED), then loads the same file with psql \copy into a plain table with the CSV's columns on the same
# PostgreSQL server, and prints rows/s for both and their ratio. Goal: import >= 0.3x \copy.
#
#   bench/import/run.sh [ROWS]        (default 1000000; needs a JDK 17+, curl and psql)
#
# Everything it starts (the service, and through it an embedded PostgreSQL in a temporary data dir) it stops by PID.
set -euo pipefail
ROWS="${1:-1000000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/work/import"
mkdir -p "$WORK"
for tool in java curl psql; do
  command -v "$tool" >/dev/null || { echo "bench/import needs $tool on the PATH" >&2; exit 2; }
done

APP="$ROOT/contacts-service/target/quarkus-app/quarkus-run.jar"
TOKENS_JAR="$(ls "$ROOT"/platform/target/platform-*-tests.jar 2>/dev/null | head -1 || true)"
if [[ ! -f "$APP" || -z "$TOKENS_JAR" ]]; then
  echo "== building contacts-service"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl contacts-service -am)
  TOKENS_JAR="$(ls "$ROOT"/platform/target/platform-*-tests.jar | head -1)"
fi

CSV="$WORK/contacts-$ROWS.csv"
if [[ ! -f "$CSV" ]]; then
  echo "== generating $ROWS rows"
  java "$ROOT/bench/import/GenerateCsv.java" "$ROWS" "$CSV.tmp" && mv "$CSV.tmp" "$CSV"
fi
BYTES=$(stat -c %s "$CSV" 2>/dev/null || stat -f %z "$CSV")

DATA="$(mktemp -d "$WORK/data.XXXXXX")"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))"
LOG="$DATA/service.log"
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  # The embedded PostgreSQL is stopped by the service's shutdown hook; if the service died hard, stop it here.
  PG_PIDFILE="$DATA/contacts/postgres/postmaster.pid"
  if [[ -f "$PG_PIDFILE" ]]; then
    PG_PID="$(head -1 "$PG_PIDFILE")"
    if [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null; then
      kill -INT "$PG_PID" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}
trap cleanup EXIT

echo "== starting contacts-service on port $PORT (data in $DATA)"
RAPPORT_DATA_DIR="$DATA" java -Xmx2g -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port="$PORT" \
  -Dquarkus.log.category.\"org.hibernate\".level=WARN -jar "$APP" >"$LOG" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died:"; tail -50 "$LOG"; exit 1; }
  sleep 0.5
done
DB_PORT="$(grep -o 'Embedded PostgreSQL for contacts at postgresql://localhost:[0-9]*' "$LOG" | grep -o '[0-9]*$' | head -1)"
TOKEN="$(java -cp "$TOKENS_JAR" dev.rapport.platform.testing.Tokens admin bench)"

now() { date +%s.%N; }
# CPU seconds (Linux /proc): the service JVM, and the whole PostgreSQL server (postmaster, live backends, and the
# backends that already exited, counted in the postmaster's children times). Wall time depends on what else runs on
# the machine; CPU time shows what each side costs.
TICK=$(getconf CLK_TCK 2>/dev/null || echo 100)
PM_PID="$(head -1 "$DATA/contacts/postgres/postmaster.pid" 2>/dev/null || true)"
cpu_of() { [[ -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
pg_cpu() {
  [[ -n "$PM_PID" && -r /proc/$PM_PID/stat ]] || { echo 0; return; }
  local total; total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PM_PID/stat")
  for child in $(pgrep -P "$PM_PID" 2>/dev/null); do total=$((total + $(cpu_of "$child"))); done
  echo "$total"
}
echo "== importing $ROWS rows ($((BYTES / 1024 / 1024)) MiB) through POST /imports"
PG0=$(pg_cpu); JAVA0=$(cpu_of "$SERVICE_PID")
START=$(now)
RESPONSE="$(curl -fsS -X POST "http://127.0.0.1:$PORT/imports?fileName=bench-contacts.csv" \
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" -H "Idempotency-Key: bench-$(date +%s%N)" \
  --data-binary "@$CSV")"
ACCEPTED=$(now)
JOB="$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$RESPONSE")"
STATUS=""
while true; do
  JSON="$(curl -fsS "http://127.0.0.1:$PORT/imports/$JOB" -H "Authorization: Bearer $TOKEN")"
  STATUS="$(sed -E 's/.*"status":"([A-Z]+)".*/\1/' <<<"$JSON")"
  [[ "$STATUS" == COMPLETED || "$STATUS" == FAILED ]] && break
  sleep 0.2
done
END=$(now)
PG1=$(pg_cpu); JAVA1=$(cpu_of "$SERVICE_PID")
echo "   $JSON"
[[ "$STATUS" == COMPLETED ]] || { echo "import did not complete"; tail -50 "$LOG"; exit 1; }

echo "== loading the same file with psql \\copy into a table with the CSV's columns"
export PGPASSWORD=postgres
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U postgres -d contacts)
"${PSQL[@]}" -c "drop table if exists bench_copy; create table bench_copy (given_name text, family_name text,
  display_name text, owner text, lifecycle_stage text, tags text, email text, email_context text, email_2 text,
  email_2_context text, phone text, phone_region text, phone_context text)"
PG2=$(pg_cpu)
COPY_START=$(now)
"${PSQL[@]}" -c "\\copy bench_copy from '$CSV' with (format csv, header true)"
COPY_END=$(now)
PG3=$(pg_cpu)
COPIED="$("${PSQL[@]}" -At -c "select count(*) from bench_copy")"

awk -v rows="$ROWS" -v s="$START" -v a="$ACCEPTED" -v e="$END" -v cs="$COPY_START" -v ce="$COPY_END" -v copied="$COPIED" \
  -v tick="$TICK" -v pgi="$((PG1 - PG0))" -v jv="$((JAVA1 - JAVA0))" -v pgc="$((PG3 - PG2))" 'BEGIN {
  imp = rows / (e - s); cp = copied / (ce - cs);
  printf "import : %d rows in %.2f s (upload+check %.2f s) = %.0f rows/s; CPU: service %.1f s, PostgreSQL %.1f s\n",
    rows, e - s, a - s, imp, jv / tick, pgi / tick;
  printf "\\copy  : %d rows in %.2f s = %.0f rows/s; CPU: PostgreSQL %.1f s\n", copied, ce - cs, cp, pgc / tick;
  printf "ratio  : %.2f (goal >= 0.30)\n", imp / cp }'
