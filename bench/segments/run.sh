#!/usr/bin/env bash
# A contacts-service segment streamed to consent-service's bulk decisions, at several sizes in one run.
# Usage: bench/segments/run.sh            (SIZES="100000 1000000" by default; e.g. SIZES="10000 100000" for a quick try)
# Starts two embedded PostgreSQL servers (devstack), contacts-service and consent-service from their jars (local
# profile; consent-service at a small fixed heap, CONSENT_HEAP, 128m by default, and told to take segments from this
# contacts-service), loads the same synthetic contacts into both with SQL (bench/segments/load-contacts.sql,
# bench/consent/load-data.sql), creates one FILTER segment per size (tag bench-S) through contacts-service's API,
# then for each size streams POST /decisions/bulk?segmentId=… into a line count, while it samples consent-service's
# heap (jstat -gc every 250 ms, and the heap left after every collection from its GC log) and RSS, and reads the CPU
# time of both services and both PostgreSQL servers from /proc before and after.
# Needs: java 17 (with jstat), curl, psql, python3.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZES=${SIZES:-"100000 1000000"}
CONSENT_HEAP=${CONSENT_HEAP:-128m}
CONTACTS_HEAP=${CONTACTS_HEAP:-512m}
WARM_UP=20000                 # members of the warm-up segment (JIT, connection pools), not measured
for tool in java jstat curl psql python3; do
  command -v "$tool" > /dev/null || { echo "bench/segments needs $tool on the PATH" >&2; exit 2; }
done
CONTACTS_JAR=contacts-service/target/quarkus-app/quarkus-run.jar
CONSENT_JAR=consent-service/target/quarkus-app/quarkus-run.jar
if [[ ! -f $CONTACTS_JAR || ! -f $CONSENT_JAR || ! -f devstack/target/devstack.jar ]]; then
  echo "== building devstack, contacts-service and consent-service"
  ./mvnw -B -q package -DskipTests -pl devstack,contacts-service,consent-service -am
fi
. dev/devstack.sh

mkdir -p bench/work/segments
DATA=$(mktemp -d "$ROOT/bench/work/segments/data.XXXXXX")
CONTACTS_PID=""; CONSENT_PID=""; SAMPLER_PIDS=()
stop_pid() {
  [[ -n "$1" ]] && kill -0 "$1" 2> /dev/null || return 0
  kill -TERM "$1" 2> /dev/null || true
  for _ in $(seq 1 60); do kill -0 "$1" 2> /dev/null || return 0; sleep 0.5; done
  kill -KILL "$1" 2> /dev/null || true
}
cleanup() {
  for p in ${SAMPLER_PIDS[@]+"${SAMPLER_PIDS[@]}"}; do kill "$p" 2> /dev/null || true; done
  stop_pid "$CONSENT_PID"; stop_pid "$CONTACTS_PID"
  stop_databases
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$DATA"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "== PostgreSQL for contacts and consent (data in $DATA)"
RAPPORT_DATA_DIR="$DATA" start_databases "$DATA/postgres.log" contacts consent
CONTACTS_PORT=$(free_port); CONSENT_PORT=$(free_port)
CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT; CONSENT_URL=http://127.0.0.1:$CONSENT_PORT
RAPPORT_DB_URL=$(db_url contacts) java -Xmx"$CONTACTS_HEAP" -Dquarkus.profile=local -Drapport.rate-limit.enabled=false \
  -Dquarkus.http.port="$CONTACTS_PORT" -jar "$CONTACTS_JAR" > "$DATA/contacts.log" 2>&1 &
CONTACTS_PID=$!
# SEGMENT_READ_TIMEOUT_MS: how long consent-service waits for one page of members (10 s by default in the service;
# raised here only so a busy shared machine does not end a long run).
RAPPORT_DB_URL=$(db_url consent) RAPPORT_CONTACTS_URL=$CONTACTS_URL java -Xmx"$CONSENT_HEAP" \
  -Xlog:gc:file="$DATA/consent-gc.log" -Dquarkus.profile=local -Drapport.rate-limit.enabled=false \
  -Dquarkus.rest-client.contacts.read-timeout="${SEGMENT_READ_TIMEOUT_MS:-60000}" \
  -Dquarkus.http.port="$CONSENT_PORT" -jar "$CONSENT_JAR" > "$DATA/consent.log" 2>&1 &
CONSENT_PID=$!
for svc in contacts consent; do
  url=$([[ $svc == contacts ]] && echo "$CONTACTS_URL" || echo "$CONSENT_URL")
  pid=$([[ $svc == contacts ]] && echo "$CONTACTS_PID" || echo "$CONSENT_PID")
  for _ in $(seq 1 360); do
    curl -fs "$url/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$pid" 2> /dev/null || { echo "$svc-service died:"; tail -50 "$DATA/$svc.log"; exit 1; }
    sleep 0.5
  done
  curl -fs "$url/q/health/ready" > /dev/null || { echo "$svc-service not ready:"; tail -50 "$DATA/$svc.log"; exit 1; }
done
echo "== contacts-service pid $CONTACTS_PID on $CONTACTS_PORT, consent-service pid $CONSENT_PID on $CONSENT_PORT (-Xmx$CONSENT_HEAP)"
TOKEN=$(devstack_token marketer bench)

MAX=$(tr ' ' '\n' <<< "$SIZES" | sort -n | tail -1)
SIZES_ARRAY="{$(tr -s ' ' ',' <<< "$SIZES")}"
export PGPASSWORD=postgres
psql_to() { psql -q -X -h localhost -p "$(db_port "$1")" -U postgres -d "$1" "${@:2}"; }
echo "== loading $MAX contacts into contacts-service and consent-service (SQL)"
psql_to contacts -v contacts="$MAX" -v sizes="$SIZES_ARRAY" -f bench/segments/load-contacts.sql
psql_to consent -v contacts="$MAX" -f bench/consent/load-data.sql

# new_segment TAG: a FILTER segment on one tag, through the API; prints its id
new_segment() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench $1\",\"kind\":\"FILTER\",\"filter\":{\"tags\":[\"$1\"]}}" "$CONTACTS_URL/segments" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

TICK=$(getconf CLK_TCK)
PM_CONTACTS=$(head -1 "$DATA/contacts/postgres/postmaster.pid")
PM_CONSENT=$(head -1 "$DATA/consent/postgres/postmaster.pid")
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2> /dev/null || echo 0; }
# a PostgreSQL server: the postmaster with its exited children, and its live backends
pg_cpu() {
  local s c
  s=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat")
  for c in $(pgrep -P "$1"); do s=$(( s + $(cpu_of "$c") )); done
  echo "$s"
}
cpu_all() { echo "$(cpu_of "$CONSENT_PID") $(cpu_of "$CONTACTS_PID") $(pg_cpu "$PM_CONSENT") $(pg_cpu "$PM_CONTACTS")"; }

# decide SEGMENT_ID LABEL: one streamed bulk call; sets SECONDS_TAKEN and COUNTS (lines allowed errors bytes)
decide() {
  local t0 t1
  t0=$(date +%s.%N)
  curl -sS -N -X POST -D "$DATA/$2.headers" -H "Authorization: Bearer $TOKEN" \
    "$CONSENT_URL/decisions/bulk?purpose=newsletter&channel=EMAIL&segmentId=$1" |
    awk '{ n++; b += length($0) + 1 } /"allowed":true/ { a++ } /"error"/ { e++ }
         END { printf "%d %d %d %d\n", n, a, e, b }' > "$DATA/$2.counts"
  t1=$(date +%s.%N)
  SECONDS_TAKEN=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  read -r -a COUNTS < "$DATA/$2.counts"
  local status; status=$(head -1 "$DATA/$2.headers" | awk '{ print $2 }')
  if [[ $status != 200 ]]; then echo "bulk decisions for $2 answered $status"; tail -20 "$DATA/consent.log"; exit 1; fi
}

echo "== warm-up: a segment of $WARM_UP"
decide "$(new_segment bench-warm-up)" warm-up
echo "   ${COUNTS[0]} decisions in ${SECONDS_TAKEN}s"

RESULTS=()
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $(tr ' ' '\n' <<< "$SIZES" | sort -n); do
  id=$(new_segment "bench-$size")
  count=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$CONTACTS_URL/segments/$id/count" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])')
  echo "== segment $id: $count members; streaming it to bulk decisions"
  gc_from=$(wc -l < "$DATA/consent-gc.log")
  jstat -gc "$CONSENT_PID" 250 > "$DATA/jstat-$size.txt" 2> /dev/null &
  SAMPLER_PIDS=($!)
  ( while kill -0 "$CONSENT_PID" 2> /dev/null; do
      echo "$(awk '/^VmRSS:/ { print $2 }' "/proc/$CONSENT_PID/status") $(cut -d' ' -f1 /proc/loadavg)"; sleep 0.25
    done ) > "$DATA/rss-$size.txt" &
  SAMPLER_PIDS+=($!)
  read -r -a before <<< "$(cpu_all)"
  decide "$id" "size-$size"
  read -r -a after <<< "$(cpu_all)"
  for p in "${SAMPLER_PIDS[@]}"; do kill "$p" 2> /dev/null || true; wait "$p" 2> /dev/null || true; done
  SAMPLER_PIDS=()
  # heap left after each collection during the call (e.g. "Pause Young (Normal) (G1 Evacuation Pause) 60M->21M(128M)")
  after_gc=$(tail -n +"$((gc_from + 1))" "$DATA/consent-gc.log" |
    sed -nE 's/.* [0-9]+[KMG]->([0-9]+)([KMG])\([0-9]+[KMG]\).*/\1 \2/p' |
    awk '{ v = $1; if ($2 == "K") v /= 1024; if ($2 == "G") v *= 1024; if (v > m) m = v; n++ } END { printf "%.1f %d", m, n }')
  old=$(awk '$1 ~ /^[0-9.]+$/ { if ($8 > m) m = $8 } END { printf "%.1f", m / 1024 }' "$DATA/jstat-$size.txt")
  rss=$(awk '$1 ~ /^[0-9]+$/ { if ($1 > m) m = $1; l += $2; n++ } END { printf "%.0f %.1f", m / 1024, n ? l / n : 0 }' "$DATA/rss-$size.txt")
  line=$(awk -v size="$size" -v n="${COUNTS[0]}" -v allowed="${COUNTS[1]}" -v errors="${COUNTS[2]}" -v bytes="${COUNTS[3]}" \
    -v s="$SECONDS_TAKEN" -v gc="$after_gc" -v old="$old" -v rss="$rss" -v t="$TICK" \
    -v c0="${before[0]}" -v c1="${after[0]}" -v k0="${before[1]}" -v k1="${after[1]}" \
    -v p0="${before[2]}" -v p1="${after[2]}" -v q0="${before[3]}" -v q1="${after[3]}" 'BEGIN {
      split(gc, g, " "); split(rss, r, " ")
      us = 1e6 / t / n
      printf "%s %d %d %d %.0f %s %.1f %s %d %s %.0f %.0f %.0f %.0f %.0f %s", size, n, allowed, errors, bytes / 1048576, s, n / s, g[1], g[2], old, \
        r[1], (c1 - c0) * us, (k1 - k0) * us, (p1 - p0) * us, (q1 - q0) * us, r[2] }')
  RESULTS+=("$line")
  read -r -a f <<< "$line"
  printf '   %s decisions (%s allowed, %s error lines, %s MB of NDJSON) in %ss: %s/s; heap after GC max %s MB (%s collections), old gen max %s MB, RSS max %s MB; load %s\n' \
    "${f[1]}" "${f[2]}" "${f[3]}" "${f[4]}" "${f[5]}" "${f[6]}" "${f[7]}" "${f[8]}" "${f[9]}" "${f[10]}" "${f[15]}"
  [[ ${f[1]} == "$size" && ${f[3]} == 0 ]] || { echo "expected $size decisions and no error lines"; exit 1; }
done

echo
echo "consent-service -Xmx$CONSENT_HEAP, $(nproc) cores, load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf '%-9s %8s %9s %7s %11s %11s %8s  %s\n' members seconds decisions/s heap-MB old-gen-MB rss-MB ndjson-MB \
  'CPU us/decision: consent-service / contacts-service / consent PG / contacts PG'
for r in "${RESULTS[@]}"; do
  read -r -a f <<< "$r"
  printf '%-9s %8s %11s %7s %11s %7s %8s     %s / %s / %s / %s\n' "${f[1]}" "${f[5]}" "${f[6]}" "${f[7]}" "${f[9]}" "${f[10]}" "${f[4]}" \
    "${f[11]}" "${f[12]}" "${f[13]}" "${f[14]}"
done
if (( ${#RESULTS[@]} >= 2 )); then
  read -r -a lo <<< "${RESULTS[0]}"; read -r -a hi <<< "${RESULTS[-1]}"
  awk -v a="${hi[7]}" -v b="${lo[7]}" -v n="${hi[1]}" -v m="${lo[1]}" 'BEGIN {
    printf "peak heap after GC, %d / %d members = %.2f   (goal <= 1.5: constant memory)\n", n, m, a / b }'
fi
