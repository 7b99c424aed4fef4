# Shared by run.sh and flood.sh: build if needed, start contacts-, consent-, feedback-service and the gateway from their
# jars (profiles local,bench, random free ports, embedded PostgreSQL from devstack under bench/work/), stop them all by
# PID on exit.
# Set before sourcing: nothing; read: BENCH_HEAP (default 512m), BENCH_GATEWAY_OPTS (extra JVM options for the gateway),
# BENCH_JFR, BENCH_KEEP.
HEAP=${BENCH_HEAP:-512m}
MEMBERS=(contacts-service consent-service feedback-service gateway)

for m in "${MEMBERS[@]}"; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q package -DskipTests \
    -pl devstack,contacts-service,consent-service,feedback-service,gateway -am; break; }
done
ROOT=$PWD; . dev/devstack.sh   # the embedded PostgreSQL and development tokens
token() { devstack_token "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p bench/work
WORK=$(mktemp -d "$PWD/bench/work/gateway.XXXXXX")
declare -A PORT PID
for m in "${MEMBERS[@]}"; do PORT[$m]=$(free_port); done
url() { echo "http://localhost:${PORT[$1]}"; }

stop_all() {
  trap "" INT TERM   # finish the cleanup even when interrupted again
  for m in "${MEMBERS[@]}"; do [ -n "${PID[$m]:-}" ] && kill "${PID[$m]}" 2>/dev/null || true; done
  for m in "${MEMBERS[@]}"; do [ -n "${PID[$m]:-}" ] && wait "${PID[$m]}" 2>/dev/null || true; done
  stop_databases
  [ -f "$WORK/gateway.jfr" ] && cp "$WORK/gateway.jfr" bench/work/gateway.jfr
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

RAPPORT_DATA_DIR=$WORK start_databases "$WORK/postgres.log" contacts consent feedback
declare -A DB=([contacts-service]="$(db_url contacts)" [consent-service]="$(db_url consent)" [feedback-service]="$(db_url feedback)")
OUTBOX_TOKEN=$(token integration contacts-service)
CONSENT_TOKEN=$(token integration feedback-service)
for m in "${MEMBERS[@]}"; do
  JFR=()
  if [ "$m" = gateway ] && [ "${BENCH_JFR:-0}" = 1 ]; then
    JFR=(-XX:StartFlightRecording=filename="$WORK/gateway.jfr",settings=profile)
  fi
  if [ "$m" = gateway ] && [ -n "${BENCH_GATEWAY_OPTS:-}" ]; then
    read -r -a extra <<< "$BENCH_GATEWAY_OPTS"; JFR+=("${extra[@]}")
  fi
  RAPPORT_DB_URL=${DB[$m]:-} RAPPORT_OUTBOX_BEARER_TOKEN=$OUTBOX_TOKEN RAPPORT_CONSENT_BEARER_TOKEN=$CONSENT_TOKEN \
  RAPPORT_CONTACTS_URL=$(url contacts-service) RAPPORT_CONSENT_URL=$(url consent-service) \
  RAPPORT_FEEDBACK_URL=$(url feedback-service) \
    java -Xmx"$HEAP" ${JFR[@]+"${JFR[@]}"} -Dquarkus.profile=local,bench -Dquarkus.http.port="${PORT[$m]}" \
      -jar "$m/target/quarkus-app/quarkus-run.jar" > "$WORK/$m.log" 2>&1 &
  PID[$m]=$!
done
for m in "${MEMBERS[@]}"; do
  for _ in $(seq 1 240); do curl -fs "$(url "$m")/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
  curl -fs "$(url "$m")/q/health/ready" > /dev/null || { echo "$m did not start"; tail -50 "$WORK/$m.log"; exit 1; }
done

