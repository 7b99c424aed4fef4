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
PGPORT=${BENCH_PG_PORT:-55432}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
HEAP=${BENCH_HEAP:-512m}
WORK=$(mktemp -d)
JAR=consent-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl consent-service
TOKENS_JAR=$(ls "$HOME"/.m2/repository/dev/rapport/platform/*/platform-*-tests.jar | head -1)
TOKEN=$(java -cp "$TOKENS_JAR" dev.rapport.platform.testing.Tokens marketer bench)
URL=http://localhost:$HTTP_PORT

RAPPORT_DATA_DIR=$WORK RAPPORT_DB_PORT=$PGPORT java -Xmx$HEAP -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port=$HTTP_PORT \
  -jar "$JAR" > "$WORK/service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null; wait $SVC 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$URL/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/q/health/ready" > /dev/null || { cat "$WORK/service.log"; exit 1; }

export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $PGPORT -U postgres"
echo "# loading $CONTACTS contacts"
$PSQL -d consent -v contacts="$CONTACTS" -f bench/consent/load-data.sql
$PSQL -d consent -Atc "copy (select id from bench_contacts order by random()) to stdout" > "$WORK/ids.txt"
SCALE=$(( CONTACTS / 100000 )); [ "$SCALE" -ge 1 ] || SCALE=1
$PSQL -d postgres -c "drop database if exists pgbench" -c "create database pgbench"
pgbench -q -i -s "$SCALE" -h localhost -p "$PGPORT" -U postgres pgbench > /dev/null 2>&1

echo "# single decisions: find the max rate, then measure latency at half of it"
MAX=$(java bench/consent/Load.java single "$URL" "$TOKEN" "$WORK/ids.txt" newsletter 32 "$SECS")
MAX_RATE=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<< "$MAX")
HALF=$(java bench/consent/Load.java single "$URL" "$TOKEN" "$WORK/ids.txt" newsletter 64 "$SECS" $(( MAX_RATE / 2 )))
PG_S=$(pgbench -S -M prepared -c $CONNS -j 2 -T "$SECS" -h localhost -p "$PGPORT" -U postgres pgbench 2>/dev/null \
  | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)

echo "# bulk decisions: $CONTACTS contacts in one streamed call (heap sampled every second)"
jstat -gc "$SVC" 1000 > "$WORK/gc.txt" &
JSTAT=$!
# curl reads the answer while it is still sending the body (a streamed call needs a full-duplex client).
T0=$(date +%s.%N)
STATUS=$(curl -sS -o "$WORK/bulk.ndjson" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/ids.txt" "$URL/decisions/bulk?purpose=newsletter&channel=EMAIL")
T1=$(date +%s.%N)
kill $JSTAT 2>/dev/null || true
LINES=$(wc -l < "$WORK/bulk.ndjson")
ALLOWED=$(grep -c '"allowed":true' "$WORK/bulk.ndjson" || true)
BULK_RATE=$(awk -v n="$LINES" -v a="$T0" -v b="$T1" 'BEGIN { printf "%.0f", n / (b - a) }')
BULK=$(awk -v s="$STATUS" -v n="$LINES" -v al="$ALLOWED" -v a="$T0" -v b="$T1" -v r="$BULK_RATE" \
  'BEGIN { printf "status=%s decisions=%d allowed=%d seconds=%.1f throughput=%s/s", s, n, al, b - a, r }')
HEAP_MB=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used=($3+$4+$6+$8)/1024; old=$8/1024; if (used>max) max=used; if (old>maxold) maxold=old; n++ }
  END { printf "samples=%d max-heap-used=%.0fMB max-old-gen=%.0fMB", n, max, maxold }' "$WORK/gc.txt")
PG_ANY=$(pgbench -M prepared -c 1 -j 1 -T "$SECS" -D naccounts=$(( SCALE * 100000 )) -f bench/consent/pgbench-any.sql \
  -h localhost -p "$PGPORT" -U postgres pgbench 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
PG_ANY_LOOKUPS=$(awk -v t="$PG_ANY" 'BEGIN { printf "%.0f", t * 1000 }')

echo
echo "contacts=$CONTACTS seconds-per-run=$SECS connections=$CONNS cores=$(nproc) heap=$HEAP"
echo "single  max:        $MAX"
echo "single  half rate:  $HALF"
echo "pgbench -S:         tps=$PG_S (c=$CONNS)"
awk -v a="$MAX_RATE" -v b="$PG_S" 'BEGIN { printf "single / pgbench -S          = %.2f   (goal >= 0.5)\n", a / b }'
echo "bulk:               $BULK"
echo "bulk heap:          $HEAP_MB (limit -Xmx$HEAP)"
echo "pgbench ANY(1000):  tps=$PG_ANY lookups/s=$PG_ANY_LOOKUPS (c=1, the bulk call uses one connection at a time)"
awk -v a="$BULK_RATE" -v b="$PG_ANY_LOOKUPS" 'BEGIN { printf "bulk / pgbench ANY lookups    = %.2f   (goal >= 0.5)\n", a / b }'
