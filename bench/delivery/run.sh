#!/usr/bin/env bash
# delivery benchmark: e-mails rendered and delivered to a local SMTP server per second, and the CPU each side spends
# per message. Usage: bench/delivery/run.sh [messages]          (default 2000)
# Starts GreenMail standalone (SMTP), contacts-service and consent-service (embedded PostgreSQL, local profile, the
# development key) on free ports with temporary data, seeds [messages] contacts with a work e-mail they gave us and
# one approved EMAIL outreach each (purpose sales-outreach: legitimate interest, no grant needed), then starts the
# delivery module and times it from its first lease to the last acknowledgement. Prints messages/s as a ratio to the
# goal (200/s) and CPU microseconds per message for delivery, the SMTP server, the queue side (consent-service and
# its PostgreSQL) and the reads (contacts-service and its PostgreSQL), from Linux /proc.
# Needs: java 17, curl. Builds the jars it needs. Every process it starts is stopped by PID.
# BENCH_JFR=<dir> records JFR profiles (settings=profile) of delivery, consent- and contacts-service over the measured
# window into <dir> (starting the recordings costs CPU inside the window: take figures from a run without it).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-2000}
WARM=${BENCH_WARM:-1000}      # delivered first, unmeasured: boot, JIT and connection pools are paid before timing
GOAL=200
WORK=$(mktemp -d)
jfr() { # jfr start|dump: with BENCH_JFR, records the measured window of delivery, consent- and contacts-service
  [ -n "${BENCH_JFR:-}" ] || return 0
  mkdir -p "$BENCH_JFR"
  local dir; dir=$(cd "$BENCH_JFR" && pwd)
  for side in delivery:$DL consent:$CS contacts:$CT; do
    if [ "$1" = start ]; then jcmd "${side#*:}" JFR.start name=bench settings=profile > /dev/null
    else jcmd "${side#*:}" JFR.dump name=bench filename="$dir/${side%%:*}.jfr" > /dev/null && echo "# profile: $dir/${side%%:*}.jfr"; fi
  done
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for m in contacts-service consent-service delivery; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q package -DskipTests -pl devstack,contacts-service,consent-service,delivery -am; break; }
done
ROOT=$PWD; . dev/devstack.sh   # the embedded PostgreSQL and development tokens
token() { devstack_token "$@"; }
ADMIN=$(token admin bench); AGENT=$(token agent bench); MARKETER=$(token marketer bench)
INTEGRATION=$(token integration rapport-delivery)

SMTP=$(free_port); API=$(free_port); CONTACTS=$(free_port); CONSENT=$(free_port); DELIVERY=$(free_port)
pids=()
cleanup() {
  local p
  [ "${OK:-0}" = 1 ] || { for f in "$WORK"/*.log; do echo "== $f"; tail -n 20 "$f"; done; } >&2
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  stop_databases
  rm -rf "$WORK"
}
trap cleanup EXIT
java -Xmx512m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP" -Dgreenmail.auth.disabled \
     -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$API" -jar delivery/target/greenmail/greenmail-standalone.jar \
     > "$WORK/greenmail.log" 2>&1 &
GM=$!; pids+=("$GM")
RAPPORT_DATA_DIR="$WORK" start_databases "$WORK/postgres.log" contacts consent
common=(RAPPORT_DATA_DIR="$WORK" RAPPORT_CONTACTS_URL=http://localhost:$CONTACTS RAPPORT_CONSENT_URL=http://localhost:$CONSENT)
env "${common[@]}" RAPPORT_DB_URL="$(db_url contacts)" RAPPORT_OUTBOX_BEARER_TOKEN="$(token integration contacts-service)" \
  java -Xmx384m -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port="$CONTACTS" \
  -Drapport.outbox.batch-size=50 \
  -jar contacts-service/target/quarkus-app/quarkus-run.jar > "$WORK/contacts.log" 2>&1 &
CT=$!; pids+=("$CT")
env "${common[@]}" RAPPORT_DB_URL="$(db_url consent)" java -Xmx384m -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port="$CONSENT" \
  -jar consent-service/target/quarkus-app/quarkus-run.jar > "$WORK/consent.log" 2>&1 &
CS=$!; pids+=("$CS")
ready() { for _ in $(seq 1 300); do curl -fs "$1" > /dev/null 2>&1 && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1; }
ready "http://127.0.0.1:$API/api/service/readiness"
ready "http://localhost:$CONTACTS/q/health/ready"
ready "http://localhost:$CONSENT/q/health/ready"

echo "# seeding $((N + WARM)) contacts ($WARM to warm up)"
curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"code":"sales-outreach","description":"A salesperson getting in touch","lawfulBasis":"LEGITIMATE_INTEREST"}' \
  "http://localhost:$CONSENT/purposes" || true
seq 1 "$((N + WARM))" | xargs -P 4 -I{} curl -fsS --retry 3 -w '\n' -H "Authorization: Bearer $AGENT" -H 'Content-Type: application/json' \
  -d '{"givenName":"Bench {}","familyName":"Person","owner":"agent","contactPoints":[{"channel":"EMAIL","address":"bench-{}@example.com","context":"WORK","provenance":{"kind":"PROVIDED_BY_CONTACT","source":"bench-form"}}]}' \
  "http://localhost:$CONTACTS/contacts" | sed -E 's/^\{"id":"([^"]+)".*/\1/' > "$WORK/ids.txt" || true
echo "# $(wc -l < "$WORK/ids.txt") contacts created"
echo "# waiting for consent-service to know every contact point (contacts-service's outbox, in creation order)"
known() { # 1 when consent-service knows the contact point of contact $1
  case "$(curl -fs -H "Authorization: Bearer $ADMIN" "http://localhost:$CONSENT/contacts/$1/contact-points" || true)" in
    *contactPointId*) echo 1 ;; *) echo 0 ;; esac
}
for _ in $(seq 1 900); do
  all=1
  for id in $(tail -n 8 "$WORK/ids.txt"); do [ "$(known "$id")" = 1 ] || { all=0; break; }; done
  [ "$all" = 1 ] && break; sleep 1
done
queue() { # campaign, ids file: one bulk outreach request, retried until it answers (a retry answers DUPLICATE)
  sed -E 's/(.*)/"\1"/' "$2" > "$2.ndjson"
  for _ in 1 2 3 4 5; do
    curl -fs -H "Authorization: Bearer $MARKETER" -H 'Content-Type: application/x-ndjson' --data-binary @"$2.ndjson" \
      "http://localhost:$CONSENT/outreach/requests/bulk?purpose=sales-outreach&channel=EMAIL&campaign=$1" > "$2.out" && break
    sleep 5
  done
  grep -c '"QUEUED"\|"DUPLICATE"' "$2.out" || true
}
head -n "$WARM" "$WORK/ids.txt" > "$WORK/warm.txt"
tail -n +"$((WARM + 1))" "$WORK/ids.txt" > "$WORK/measured.txt"

ticks() { # user+system CPU ticks of a process and its children, live and exited (cutime/cstime)
  local total=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" 2>/dev/null || true; done); do
    total=$(( total + $(awk '{ print $14 + $15 + $16 + $17 }' /proc/$p/stat 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# the embedded PostgreSQL of each service (its postmaster runs detached from devstack's JVM)
PG_CONSENT=$(head -1 "$WORK/consent/postgres/postmaster.pid")
PG_CONTACTS=$(head -1 "$WORK/contacts/postgres/postmaster.pid")
remaining() { # campaign status: 1 when a request of that status is left (or consent-service did not answer), else 0
  local page
  page=$(curl -fs -H "Authorization: Bearer $ADMIN" "http://localhost:$CONSENT/outreach/requests?campaign=$1&status=$2&limit=1") \
    || { echo 1; return; }
  case "$page" in *'"id"'*) echo 1 ;; *) echo 0 ;; esac
}

env "${common[@]}" RAPPORT_DELIVERY_BEARER_TOKEN="$INTEGRATION" RAPPORT_SMTP_PORT="$SMTP" RAPPORT_DELIVERY_POLL_INTERVAL=100ms \
  java -Xmx256m -Dquarkus.profile=local -Dquarkus.http.port="$DELIVERY" -Drapport.delivery.batch-size=${BENCH_BATCH:-200} \
  -Drapport.delivery.concurrency=${BENCH_CONCURRENCY:-32} -Dquarkus.mailer.max-pool-size=${BENCH_CONCURRENCY:-32} \
  -jar delivery/target/quarkus-app/quarkus-run.jar > "$WORK/delivery.log" 2>&1 &
DL=$!; pids+=("$DL")
ready "http://localhost:$DELIVERY/q/health/ready"
# polled twice a second: each poll is a consent-service read counted in its CPU per message
drained() { while [ "$(remaining "$1" QUEUED)" != 0 ] || [ "$(remaining "$1" LEASED)" != 0 ]; do sleep 0.5; done; }
echo "# warm-up: $(queue bench-warm "$WORK/warm.txt") messages"
drained bench-warm
# delivery is frozen while the measured messages are queued, then thawed: the clock runs from the thaw
kill -STOP "$DL"
QUEUED=$(queue bench "$WORK/measured.txt")
echo "# $QUEUED of $N queued"
sleep 1
kill -CONT "$DL"
jfr start
D0=$(ticks "$DL"); G0=$(ticks "$GM"); C0=$(ticks "$CS" $PG_CONSENT); T0=$(ticks "$CT" $PG_CONTACTS); START=$(date +%s.%N)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
drained bench
END=$(date +%s.%N)
D1=$(ticks "$DL"); G1=$(ticks "$GM"); C1=$(ticks "$CS" $PG_CONSENT); T1=$(ticks "$CT" $PG_CONTACTS)
jfr dump
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
DELIVERED=$(curl -fs -H "Authorization: Bearer $ADMIN" "http://localhost:$CONSENT/outreach/requests?campaign=bench&status=DELIVERED&limit=1000" \
  | grep -o '"status":"DELIVERED"' | wc -l || true)
RSS=$(awk '/VmRSS/ { print $2 }' /proc/$DL/status)
SAMPLE=$(curl -fs "http://127.0.0.1:$API/api/user/bench-1@example.com/messages/INBOX" | head -c 300 || true)
TICK=$(getconf CLK_TCK)
awk -v n="$QUEUED" -v s="$START" -v e="$END" -v goal="$GOAL" -v t="$TICK" -v d=$((D1 - D0)) -v g=$((G1 - G0)) \
    -v c=$((C1 - C0)) -v r=$((T1 - T0)) -v rss="$RSS" -v l0="$LOAD_START" -v l1="$LOAD_END" 'BEGIN {
  wall = e - s; rate = n / wall
  printf "messages      %d delivered in %.1f s: %.0f/s (goal %d/s: %.2fx)\n", n, wall, rate, goal, rate / goal
  printf "CPU per message (us): delivery %.0f, SMTP server %.0f, queue (consent-service + PostgreSQL) %.0f, reads (contacts-service + PostgreSQL) %.0f\n",
    d / t / n * 1e6, g / t / n * 1e6, c / t / n * 1e6, r / t / n * 1e6
  all = (d + g + c + r) / t / n * 1e6; cores = '"$(nproc)"'
  printf "CPU per message, all sides: %.0f us: at most %.0f/s on %d idle cores (%.2fx the goal)\n", all, cores * 1e6 / all, cores,
    cores * 1e6 / all / goal
  printf "delivery RSS at the end: %d MB; load average %s -> %s\n", rss / 1024, l0, l1 }'
echo "DELIVERED (first 1000 listed): $DELIVERED"
echo "a received message (GreenMail API): ${SAMPLE:0:200}..."
OK=1
