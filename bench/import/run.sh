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
NAME=import
HEAP=2g
BENCH_SERVICE_OPTS='-Dquarkus.log.category."org.hibernate".level=WARN'
source "$(dirname "$0")/../contacts-service.sh"

CSV="$WORK/contacts-$ROWS.csv"
if [[ ! -f "$CSV" ]]; then
  echo "== generating $ROWS rows"
  java "$ROOT/bench/import/GenerateCsv.java" "$ROWS" "$CSV.tmp" && mv "$CSV.tmp" "$CSV"
fi
BYTES=$(stat -c %s "$CSV" 2>/dev/null || stat -f %z "$CSV")

start_contacts_service

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
