#!/usr/bin/env bash
# consent-service decision benchmark. Usage: bench/consent/run.sh [contacts] [seconds-per-run]
# Starts consent-service (embedded PostgreSQL, local profile) on its own data directory, loads synthetic contacts,
# then prints, side by side from the same run on the same PostgreSQL:
#   single decisions over HTTP (max throughput; p50/p99 at half that rate)  vs  pgbench -S  (same connection count)
#   bulk decisions over one streamed HTTP call (and the heap during it)     vs  pgbench = ANY(array of 1000)
# Needs: java 17, psql and pgbench on PATH; the platform test-jar in ~/.m2 (for the development token).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-1000000}
SECS=${2:-20}
CONNS=20                      # quarkus.datasource.reactive.max-size, so pgbench gets the same connection count
BULK_CONNS=4                  # rapport.consent.bulk.parallel-chunks: connections one bulk call uses at once
PGPORT=${BENCH_PG_PORT:-55432}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
HEAP=${BENCH_HEAP:-512m}
WORK=$(mktemp -d)
JAR=${BENCH_JAR:-consent-service/target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl consent-service
TOKENS_JAR=$(ls "$HOME"/.m2/repository/dev/rapport/platform/*/platform-*-tests.jar | head -1)
TOKEN=$(java -cp "$TOKENS_JAR" dev.rapport.platform.testing.Tokens marketer bench)
URL=http://localhost:$HTTP_PORT

RAPPORT_DATA_DIR=$WORK RAPPORT_DB_PORT=$PGPORT java -Xmx$HEAP -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port=$HTTP_PORT \
  -jar "$JAR" > "$WORK/service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null || true; wait $SVC 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$URL/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/q/health/ready" > /dev/null || { cat "$WORK/service.log"; exit 1; }

PM=$(pgrep -f -- "-D $WORK/consent/postgres" | head -1)   # the embedded postmaster the service started
# CPU ticks: the service JVM; PostgreSQL (postmaster, its live backends, and the ones that exited).
svc_cpu() { awk '{ print $14 + $15 }' /proc/$SVC/stat; }
pg_cpu() {
  local s c
  s=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$PM/stat)
  for c in $(pgrep -P "$PM"); do s=$(( s + $(awk '{ print $14 + $15 }' /proc/$c/stat 2>/dev/null || echo 0) )); done
  echo "$s"
}
TICK=$(getconf CLK_TCK)
# per_op <label> <ops> <ticks-service> <ticks-postgres> <client-seconds>: CPU microseconds per operation on each side
per_op() {
  awk -v l="$1" -v n="$2" -v s="$3" -v p="$4" -v c="$5" -v t="$TICK" 'BEGIN {
    printf "%-18s service=%.0fus postgres=%.0fus client=%.0fus total=%.0fus per op (%d ops)\n", l, s / t / n * 1e6,
      p / t / n * 1e6, c / n * 1e6, (s / t + p / t + c) / n * 1e6, n }'
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $PGPORT -U postgres"
echo "# loading $CONTACTS contacts"
$PSQL -d consent -v contacts="$CONTACTS" -f bench/consent/load-data.sql
$PSQL -d consent -Atc "copy (select id from bench_contacts order by random()) to stdout" > "$WORK/ids.txt"
SCALE=$(( CONTACTS / 100000 )); [ "$SCALE" -ge 1 ] || SCALE=1
$PSQL -d postgres -c "drop database if exists pgbench" -c "create database pgbench"
pgbench -q -i -s "$SCALE" -h localhost -p "$PGPORT" -U postgres pgbench > /dev/null 2>&1

echo "# single decisions: warm up (JIT, per-connection statement plans), find the max rate, then latency at half of it"
java bench/consent/Load.java single "$URL" "$TOKEN" "$WORK/ids.txt" newsletter 32 "$SECS" > /dev/null
S0=$(svc_cpu); P0=$(pg_cpu)
MAX=$(/usr/bin/time -f '%U %S' -o "$WORK/load.time" java bench/consent/Load.java single "$URL" "$TOKEN" "$WORK/ids.txt" newsletter 32 "$SECS")
S1=$(svc_cpu); P1=$(pg_cpu)
MAX_RATE=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<< "$MAX")
# Every request sent (warm-up included) against all CPU spent meanwhile, so the figure is not flattered.
SENT=$(sed -E 's/.*sent=([0-9]+).*/\1/' <<< "$MAX")
CPU_SINGLE=$(per_op "single decision:" "$SENT" $(( S1 - S0 )) $(( P1 - P0 )) "$(awk '{ print $1 + $2 }' "$WORK/load.time")")
HALF=$(java bench/consent/Load.java single "$URL" "$TOKEN" "$WORK/ids.txt" newsletter 64 "$SECS" $(( MAX_RATE / 2 )))
P0=$(pg_cpu)
PG_S_OUT=$(/usr/bin/time -f '%U %S' -o "$WORK/pgbench.time" pgbench -S -M prepared -c $CONNS -j 2 -T "$SECS" \
  -h localhost -p "$PGPORT" -U postgres pgbench 2>/dev/null)
P1=$(pg_cpu)
PG_S=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<< "$PG_S_OUT" | head -1)
PG_S_TX=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<< "$PG_S_OUT")
CPU_PG_S=$(per_op "pgbench -S tx:" "$PG_S_TX" 0 $(( P1 - P0 )) "$(awk '{ print $1 + $2 }' "$WORK/pgbench.time")")

echo "# bulk decisions: $CONTACTS contacts in one streamed call (heap sampled every second)"
jstat -gc "$SVC" 1000 > "$WORK/gc.txt" &
JSTAT=$!
# curl reads the answer while it is still sending the body (a streamed call needs a full-duplex client).
S0=$(svc_cpu); P0=$(pg_cpu)
T0=$(date +%s.%N)
STATUS=$(curl -sS -o "$WORK/bulk.ndjson" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/ids.txt" "$URL/decisions/bulk?purpose=newsletter&channel=EMAIL")
T1=$(date +%s.%N)
S1=$(svc_cpu); P1=$(pg_cpu)
kill $JSTAT 2>/dev/null || true
LINES=$(wc -l < "$WORK/bulk.ndjson")
ALLOWED=$(grep -c '"allowed":true' "$WORK/bulk.ndjson" || true)
CPU_BULK=$(per_op "bulk decision:" "$LINES" $(( S1 - S0 )) $(( P1 - P0 )) 0)
BULK_RATE=$(awk -v n="$LINES" -v a="$T0" -v b="$T1" 'BEGIN { printf "%.0f", n / (b - a) }')
BULK=$(awk -v s="$STATUS" -v n="$LINES" -v al="$ALLOWED" -v a="$T0" -v b="$T1" -v r="$BULK_RATE" \
  'BEGIN { printf "status=%s decisions=%d allowed=%d seconds=%.1f throughput=%s/s", s, n, al, b - a, r }')
HEAP_MB=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used=($3+$4+$6+$8)/1024; old=$8/1024; if (used>max) max=used; if (old>maxold) maxold=old; n++ }
  END { printf "samples=%d max-heap-used=%.0fMB max-old-gen=%.0fMB", n, max, maxold }' "$WORK/gc.txt")
PG_ANY=$(pgbench -M prepared -c $BULK_CONNS -j 2 -T "$SECS" -D naccounts=$(( SCALE * 100000 )) -f bench/consent/pgbench-any.sql \
  -h localhost -p "$PGPORT" -U postgres pgbench 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
PG_ANY_LOOKUPS=$(awk -v t="$PG_ANY" 'BEGIN { printf "%.0f", t * 1000 }')

echo
echo "contacts=$CONTACTS seconds-per-run=$SECS connections=$CONNS cores=$(nproc) heap=$HEAP"
echo "single  max:        $MAX"
echo "single  half rate:  $HALF"
echo "pgbench -S:         tps=$PG_S (c=$CONNS)"
awk -v a="$MAX_RATE" -v b="$PG_S" 'BEGIN { printf "single / pgbench -S          = %.2f   (goal >= 0.5)\n", a / b }'
echo "cpu $CPU_SINGLE"
echo "cpu $CPU_PG_S"
echo "bulk:               $BULK"
echo "bulk heap:          $HEAP_MB (limit -Xmx$HEAP)"
echo "pgbench ANY(1000):  tps=$PG_ANY lookups/s=$PG_ANY_LOOKUPS (c=$BULK_CONNS, the connections one bulk call uses at once)"
awk -v a="$BULK_RATE" -v b="$PG_ANY_LOOKUPS" 'BEGIN { printf "bulk / pgbench ANY lookups    = %.2f   (goal >= 0.5)\n", a / b }'
echo "cpu $CPU_BULK (curl not counted)"
echo "load average: $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end ($(nproc) cores)"
