#!/usr/bin/env bash
# Partner webhook delivery benchmark: how many events per second contacts-service's dispatcher delivers to a local
# receiver (bench/webhooks/Receiver.java, a JDK HTTP server that verifies every signature), and the CPU each side
# spends per event.
#
#   bench/webhooks/run.sh [EVENTS] [EVENTS_PER_CONTACT]     (default 20000 and 5; needs a JDK 17+, curl and psql)
#
# The subscription is registered paused; EVENTS contact.updated events are written straight into the outbox (spread
# over EVENTS / EVENTS_PER_CONTACT contacts, so the per-contact ordering rule is exercised) and fanned out; the
# measurement runs from resume to the receiver's last verified event. It measures the dispatcher alone (claim, sign,
# send, record), not the requests that write events. Everything it starts it stops by PID.
set -euo pipefail
EVENTS="${1:-20000}"
PER_CONTACT="${2:-5}"
NAME=webhooks
HEAP=1g
source "$(dirname "$0")/../contacts-service.sh"

SECRET="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
java "$ROOT/bench/webhooks/Receiver.java" "$SECRET" "$DATA/receiver.port" >"$DATA/receiver.log" 2>&1 &
BENCH_EXTRA_PID=$!

start_contacts_service
for _ in $(seq 1 60); do [[ -s "$DATA/receiver.port" ]] && break; sleep 0.5; done
RECEIVER="http://localhost:$(cat "$DATA/receiver.port")"
export PGPASSWORD=postgres
PSQL=(psql -X -q -t -A -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U postgres -d contacts)


SUB="$(curl -fs -X POST "http://127.0.0.1:$PORT/webhook-subscriptions" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"url\":\"$RECEIVER/hooks\",\"eventTypes\":[\"contact.updated\"],\"secret\":\"$SECRET\",\"description\":\"bench\"}" \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')"
curl -fs -X POST "http://127.0.0.1:$PORT/webhook-subscriptions/$SUB/pause" -H "Authorization: Bearer $TOKEN" >/dev/null

echo "== writing $EVENTS events ($PER_CONTACT per contact) into the outbox, fanning them out while paused"
"${PSQL[@]}" -c "
  insert into outbox (event_id, contact_id, event_type, payload, created_at)
  select gen_random_uuid(), c.id, 'contact.updated',
         json_build_object('contactId', c.id, 'changed', json_build_array('lifecycleStage'))::text, clock_timestamp()
  from generate_series(1, $EVENTS) n
  join (select row_number() over () as k, gen_random_uuid() as id from generate_series(1, ($EVENTS + $PER_CONTACT - 1) / $PER_CONTACT)) c
    on c.k = (n - 1) / $PER_CONTACT + 1
  order by n"
for _ in $(seq 1 600); do
  [[ "$("${PSQL[@]}" -c "select count(*) from webhook_deliveries where subscription_id = '$SUB'")" -ge "$EVENTS" ]] && break
  sleep 0.5
done

S0=$(cpu_of "$SERVICE_PID"); P0=$(pg_cpu); R0=$(cpu_of "$BENCH_EXTRA_PID"); T0=$(now)
curl -fs -X POST "http://127.0.0.1:$PORT/webhook-subscriptions/$SUB/resume" -H "Authorization: Bearer $TOKEN" >/dev/null
echo "== delivering"
while true; do
  read -r OK REFUSED < <(curl -fs "$RECEIVER/count") || true
  [[ "$OK" -ge "$EVENTS" ]] && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died:"; tail -50 "$LOG"; exit 1; }
  sleep 0.1
done
T1=$(now); S1=$(cpu_of "$SERVICE_PID"); P1=$(pg_cpu); R1=$(cpu_of "$BENCH_EXTRA_PID")
read -r OK REFUSED < <(curl -fs "$RECEIVER/count") || true
UNDELIVERED="$("${PSQL[@]}" -c "select count(*) from webhook_deliveries where status <> 'DELIVERED'")"

awk -v n="$EVENTS" -v ok="$OK" -v refused="$REFUSED" -v t0="$T0" -v t1="$T1" -v tick="$TICK" \
    -v s="$((S1 - S0))" -v p="$((P1 - P0))" -v r="$((R1 - R0))" -v left="$UNDELIVERED" -v per="$PER_CONTACT" 'BEGIN {
  wall = t1 - t0
  printf "events: %d (%d per contact), received and verified: %d, refused: %d, not DELIVERED in the log: %d\n", n, per, ok, refused, left
  printf "wall: %.2f s   delivered: %.0f events/s\n", wall, n / wall
  printf "CPU per event: contacts-service %.0f us, PostgreSQL %.0f us, receiver %.0f us\n", s / tick / n * 1e6, p / tick / n * 1e6, r / tick / n * 1e6
  printf "CPU seconds:   contacts-service %.2f, PostgreSQL %.2f, receiver %.2f\n", s / tick, p / tick, r / tick
}'
