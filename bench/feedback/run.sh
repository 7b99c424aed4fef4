#!/usr/bin/env bash
# feedback-service benchmark: response ingestion over HTTP beside pgbench single-row inserts on the same PostgreSQL,
# then the priorities query over 100k responses.
#   bench/feedback/run.sh [responses=20000] [concurrency=32] [priorityResponses=100000]
# Needs: a JDK 17+ and the PostgreSQL clients (pgbench, psql) on PATH or in /usr/lib/postgresql/*/bin; the server is
# the embedded PostgreSQL from devstack (dev/devstack.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
RESPONSES=${1:-20000}
CONCURRENCY=${2:-32}
PRIORITY_RESPONSES=${3:-100000}
CLIENTS=$(dirname "$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)")
HTTPPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
WORK=$(mktemp -d)
SECRET=bench-secret
SERVICE_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  declare -F stop_databases >/dev/null && stop_databases
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -B -q package -DskipTests -pl devstack,feedback-service -am
ROOT=$PWD; . dev/devstack.sh
RAPPORT_DATA_DIR=$WORK start_databases "$WORK/postgres.log" feedback
PGPORT=$(db_port feedback)
export PGPASSWORD=postgres

# no consent-service here: invitations are denied (consent-unavailable) but can still be answered by token
RAPPORT_DB_URL="$(db_url feedback)" \
RAPPORT_CONSENT_URL=http://localhost:1 RAPPORT_INVITATION_SECRET=$SECRET \
  java -Dquarkus.profile=local -Drapport.rate-limit.enabled=false -Dquarkus.http.port="$HTTPPORT" -Dquarkus.log.level=WARN \
  -D"dev.rapport.feedback.outreach.ConsentOutreach/request/Retry/maxRetries=0" \
  -jar feedback-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
until curl -sf "http://localhost:$HTTPPORT/q/health/ready" >/dev/null; do sleep 1; done

TOKEN=$(devstack_token marketer,integration,analyst bench)

echo "== response ingestion: $RESPONSES responses × 125 initiatives, $CONCURRENCY in flight"
java bench/feedback/Load.java "http://localhost:$HTTPPORT" "$TOKEN" "$RESPONSES" "$CONCURRENCY" "$SECRET" | tee "$WORK/load.txt"

echo "== pgbench: single-row inserts, same server, same client count"
"$CLIENTS/psql" -h localhost -p "$PGPORT" -U postgres -d feedback -qc \
  "create table bench_rows (id uuid primary key, response_id uuid not null, bucket smallint not null, comment text)"
echo "insert into bench_rows values (gen_random_uuid(), gen_random_uuid(), 2, null);" > "$WORK/insert.sql"
"$CLIENTS/pgbench" -h localhost -p "$PGPORT" -U postgres -n -c "$CONCURRENCY" -j 2 -T 20 -f "$WORK/insert.sql" feedback \
  | grep -E "tps|number of transactions actually"

echo "== priorities over $PRIORITY_RESPONSES responses × 125 initiatives"
CONSULTATION=$(sed -n 's/.*consultation=\([0-9a-f-]*\).*/\1/p' "$WORK/load.txt")
"$CLIENTS/psql" -h localhost -p "$PGPORT" -U postgres -d feedback -q <<SQL
insert into responses (id, consultation_id, contact_id, anonymous, segment, submitted_at)
select gen_random_uuid(), '$CONSULTATION', gen_random_uuid(), false, jsonb_build_object('region', 'r' || (g % 4)), now()
  from generate_series(1, $PRIORITY_RESPONSES - $RESPONSES) g;
insert into response_ratings (response_id, initiative_id, consultation_id, bucket)
select r.id, i.id, r.consultation_id, (random() * 3)::int
  from responses r join initiatives i on i.consultation_id = r.consultation_id
 where r.consultation_id = '$CONSULTATION' and not exists (select 1 from response_ratings x where x.response_id = r.id);
analyze;
SQL
for q in "" "?segment=region:r1"; do
  for i in 1 2 3; do
    curl -s -o /dev/null -w "GET /priorities$q: %{time_total}s\n" -H "Authorization: Bearer $TOKEN" \
      "http://localhost:$HTTPPORT/consultations/$CONSULTATION/priorities$q"
  done
done
