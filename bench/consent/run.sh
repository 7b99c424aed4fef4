#!/usr/bin/env bash
# consent-service decision benchmark. Usage: bench/consent/run.sh [contacts=100000] [seconds-per-run=15]
# Starts an embedded PostgreSQL (devstack) and consent-service (local profile) on their own data directory, loads synthetic contacts,
# then measures, in one run against the same service and the same PostgreSQL:
#   GET /q/health/live        the HTTP floor (no auth, no database)               wrk, closed loop
#   GET /purposes/newsletter  an authenticated single-row read                   wrk, closed loop
#   POST /decisions           single "now" decisions for random loaded contacts  wrk, closed loop
#   pgbench -S                PostgreSQL's own single-row read
#   POST /decisions at half the max decision rate, paced (decide.lua says how): p50/p99
#   POST /decisions/bulk      every contact in one streamed call (curl), heap sampled by jstat
# and for each the CPU microseconds per request of the service JVM, PostgreSQL (postmaster and every backend, the
# exited ones included) and the load generator, read from /proc and time(1) around each run.
# Needs: java 17, wrk, psql and pgbench on PATH (devstack, for the database and the development token, is built if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-100000}
SECS=${2:-15}
CONNS=32                      # HTTP connections of every wrk run
PG_CONNS=20                   # quarkus.datasource.reactive.max-size: pgbench gets the service's connection count
PGPORT=${BENCH_PG_PORT:-55432}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
HEAP=${BENCH_HEAP:-512m}
WORK=$(mktemp -d)
JAR=${BENCH_JAR:-consent-service/target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl devstack,consent-service -am
ROOT=$PWD; . dev/devstack.sh
TOKEN=$(devstack_token marketer bench)
URL=http://localhost:$HTTP_PORT

trap 'stop_databases; rm -rf "$WORK"' EXIT
RAPPORT_DATA_DIR=$WORK start_databases "$WORK/postgres.log" --port "$PGPORT" consent

# BENCH_JAVA_OPTS: extra JVM options for the service (e.g. -XX:+FlightRecorder to profile it with jcmd JFR.start).
RAPPORT_DB_URL=$(db_url consent) java -Xmx$HEAP ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=local \
  -Drapport.rate-limit.enabled=false -Dquarkus.http.port=$HTTP_PORT -jar "$JAR" > "$WORK/service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null || true; wait $SVC 2>/dev/null || true; stop_databases; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -fs "$URL/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/q/health/ready" > /dev/null || { cat "$WORK/service.log"; exit 1; }
echo "# service pid $SVC"

PM=$(head -1 "$WORK/consent/postgres/postmaster.pid")   # the embedded postmaster
TICK=$(getconf CLK_TCK)
# CPU ticks: the service JVM; PostgreSQL (postmaster with its exited children, and its live backends).
svc_cpu() { awk '{ print $14 + $15 }' /proc/$SVC/stat; }
pg_cpu() {
  local s c
  s=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$PM/stat)
  for c in $(pgrep -P "$PM"); do s=$(( s + $(awk '{ print $14 + $15 }' /proc/$c/stat 2>/dev/null || echo 0) )); done
  echo "$s"
}
# cpu_line <label> <ops> <ticks-service> <ticks-postgres> <client-seconds>: CPU microseconds per operation, each side
cpu_line() {
  awk -v l="$1" -v n="$2" -v s="$3" -v p="$4" -v c="$5" -v t="$TICK" 'BEGIN {
    printf "cpu %-17s service=%4.0fus postgres=%4.0fus client=%4.0fus service+postgres=%4.0fus per request (%d)\n", l,
      s / t / n * 1e6, p / t / n * 1e6, c / n * 1e6, (s + p) / t / n * 1e6, n }'
}
field() { sed -nE "s/(^|.* )$1= *([0-9.]+).*/\2/p" <<< "$2" | head -1; }
# measure <label> <command...>: runs a load generator under time(1) between two CPU readings; sets OUT and CPU.
measure() {
  local label=$1 s0 p0 s1 p1 n
  shift
  s0=$(svc_cpu); p0=$(pg_cpu)
  OUT=$(/usr/bin/time -f '%U %S' -o "$WORK/client.time" "$@" 2>/dev/null | grep -E '^(requests=|tps = |number of transactions actually processed)')
  s1=$(svc_cpu); p1=$(pg_cpu)
  n=$(field requests "$OUT")
  [ -n "$n" ] || n=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<< "$OUT")
  CPU=$(cpu_line "$label" "$n" $(( s1 - s0 )) $(( p1 - p0 )) "$(awk '{ print $1 + $2 }' "$WORK/client.time")")
}
WRK_GET=(wrk -t1 -c$CONNS -d"${SECS}s" -s bench/consent/report.lua)
# decisions; BENCH_RATE=<per second> in front paces them (decide.lua)
WRK_DECIDE=(env BENCH_IDS="$WORK/ids.txt" BENCH_TOKEN="$TOKEN" wrk -t1 -c$CONNS -d"${SECS}s" -s bench/consent/decide.lua "$URL")

export PGPASSWORD=postgres
PSQL="psql -q -h localhost -p $PGPORT -U postgres"
echo "# loading $CONTACTS contacts"
$PSQL -d consent -v contacts="$CONTACTS" -f bench/consent/load-data.sql
$PSQL -d consent -Atc "copy (select id from bench_contacts order by random()) to stdout" > "$WORK/ids.txt"
SCALE=$(( CONTACTS / 100000 )); [ "$SCALE" -ge 1 ] || SCALE=1
$PSQL -d postgres -c "drop database if exists pgbench" -c "create database pgbench"
pgbench -q -i -s "$SCALE" -h localhost -p "$PGPORT" -U postgres pgbench > /dev/null 2>&1
# The loads leave dead rows and dirty pages behind: vacuumed and written out now, so that autovacuum and the
# checkpointer do not spend the measured runs' PostgreSQL CPU on the load (that doubled the decision's figure).
$PSQL -d consent -c "vacuum (analyze)" -c checkpoint

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# warm_up <requests> <command...>: repeats a run until it has answered that many requests (at most 10 runs), so the
# JIT has compiled the request path before anything is measured, however busy the machine is
warm_up() {
  local want=$1 done=0 n
  shift
  for _ in $(seq 1 10); do
    n=$(field requests "$("$@" | grep '^requests=')")
    done=$(( done + ${n:-0} ))
    [ "$done" -lt "$want" ] || break
  done
  echo "#   $done requests"
}
WARM=${BENCH_WARM_REQUESTS:-30000}
echo "# warm-up: every request kind until $WARM requests each (JIT, per-connection statement plans)"
warm_up "$WARM" "${WRK_GET[@]}" "$URL/q/health/live"
warm_up "$WARM" "${WRK_GET[@]}" -H "Authorization: Bearer $TOKEN" "$URL/purposes/newsletter"
warm_up "$WARM" "${WRK_DECIDE[@]}"
# the bulk path too (its own row mapping and NDJSON writing): measured cold, its first call is mostly the JIT at work
bulk_call() {
  curl -sS -o "$1" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$WORK/ids.txt" "$URL/decisions/bulk?purpose=newsletter&channel=EMAIL"
}
for _ in 1 2 3; do bulk_call /dev/null > /dev/null; done
echo "#   bulk: 3 calls of $CONTACTS"
[ -z "${BENCH_PAUSE:-}" ] || { echo "# paused: $BENCH_PAUSE"; eval "$BENCH_PAUSE"; }

# BENCH_JFR=<directory>: the read and decision runs are recorded with JDK Flight Recorder into read.jfr and
# decision.jfr there, Java stacks sampled every millisecond (a profile, not figures: JFR costs CPU itself)
if [ -n "${BENCH_JFR:-}" ]; then
  mkdir -p "$BENCH_JFR"
  sed -E '/"jdk.ExecutionSample"/,/<\/event>/ s/[0-9]+ ms/1 ms/' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$WORK/sampling.jfc"
fi
jfr_start() { [ -z "${BENCH_JFR:-}" ] || jcmd "$SVC" JFR.start name=bench settings="$WORK/sampling.jfc" > /dev/null; }
jfr_stop() { [ -z "${BENCH_JFR:-}" ] || jcmd "$SVC" JFR.stop name=bench filename="$BENCH_JFR/$1.jfr" > /dev/null; }
echo "# measuring"
measure "health:" "${WRK_GET[@]}" "$URL/q/health/live"; HEALTH=$OUT; CPU_HEALTH=$CPU
jfr_start; measure "purpose read:" "${WRK_GET[@]}" -H "Authorization: Bearer $TOKEN" "$URL/purposes/newsletter"
READ=$OUT; CPU_READ=$CPU; jfr_stop read
jfr_start; measure "decision:" "${WRK_DECIDE[@]}"; DECIDE=$OUT; CPU_DECIDE=$CPU; jfr_stop decision
measure "pgbench -S:" pgbench -S -M prepared -c $PG_CONNS -j 1 -T "$SECS" -h localhost -p "$PGPORT" -U postgres pgbench
PG_S=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<< "$OUT" | head -1); CPU_PG=$CPU
HALF_RATE=$(awk -v r="$(field throughput "$DECIDE")" 'BEGIN { printf "%.0f", r / 2 }')
measure "decision paced:" env BENCH_RATE="$HALF_RATE" "${WRK_DECIDE[@]}"; HALF=$OUT; CPU_HALF=$CPU

echo "# bulk decisions: $CONTACTS contacts in one streamed call (heap sampled every 100 ms)"
jstat -gc "$SVC" 100 > "$WORK/gc.txt" &
JSTAT=$!
S0=$(svc_cpu); P0=$(pg_cpu)
T0=$(date +%s.%N)
# curl reads the answer while it is still sending the body (a streamed call needs a full-duplex client).
STATUS=$(bulk_call "$WORK/bulk.ndjson")
T1=$(date +%s.%N)
S1=$(svc_cpu); P1=$(pg_cpu)
kill $JSTAT 2>/dev/null || true
wait $JSTAT 2>/dev/null || true
LINES=$(wc -l < "$WORK/bulk.ndjson")
ALLOWED=$(grep -c '"allowed":true' "$WORK/bulk.ndjson" || true)
CPU_BULK=$(cpu_line "bulk decision:" "$LINES" $(( S1 - S0 )) $(( P1 - P0 )) 0)
BULK=$(awk -v s="$STATUS" -v n="$LINES" -v al="$ALLOWED" -v a="$T0" -v b="$T1" \
  'BEGIN { printf "status=%s decisions=%d allowed=%d seconds=%.1f throughput=%.0f/s", s, n, al, b - a, n / (b - a) }')
HEAP_MB=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used=($3+$4+$6+$8)/1024; old=$8/1024; if (used>max) max=used; if (old>maxold) maxold=old; n++ }
  END { printf "samples=%d max-heap-used=%.0fMB max-old-gen=%.0fMB", n, max, maxold }' "$WORK/gc.txt")

ratio() { awk -v a="$1" -v b="$2" -v l="$3" -v g="$4" 'BEGIN { printf "%-34s = %.2f   (goal %s)\n", l, a / b, g }'; }
echo
echo "contacts=$CONTACTS seconds-per-run=$SECS wrk-connections=$CONNS pgbench-connections=$PG_CONNS cores=$(nproc) heap=$HEAP"
echo "health      GET /q/health/live:       $HEALTH"
echo "read        GET /purposes/newsletter: $READ"
echo "decision    POST /decisions:          $DECIDE"
echo "pgbench -S  (c=$PG_CONNS):                tps=$PG_S"
echo "paced       POST /decisions at $HALF_RATE/s: $HALF"
echo "bulk        POST /decisions/bulk:     $BULK"
echo "bulk heap:  $HEAP_MB (limit -Xmx$HEAP)"
echo "$CPU_HEALTH"
echo "$CPU_READ"
echo "$CPU_DECIDE"
echo "$CPU_PG"
echo "$CPU_HALF"
echo "$CPU_BULK (curl not counted)"
ratio "$(field throughput "$READ")" "$(field throughput "$HEALTH")" "authenticated read / health" ">= 0.35"
ratio "$(field throughput "$DECIDE")" "$(field throughput "$READ")" "decision / authenticated read" ">= 0.8"
echo "paced decisions p99 (wrk, from the write) = $(field p99 "$HALF") ms, + lateness p99 $(field late-p99 "$HALF") ms   (goal <= 5 ms)"
echo "bulk CPU per decision, service+postgres = $(field 'service\+postgres' "$CPU_BULK") us   (goal <= 25 us)"
echo "load average: $LOAD_START at the start of the warm-up, $(cut -d' ' -f1-3 /proc/loadavg) at the end ($(nproc) cores)"
