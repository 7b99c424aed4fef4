#!/usr/bin/env bash
# The "contact 360" benchmark. Usage: bench/gateway/run.sh [contacts=2000] [concurrency=16] [seconds=20] [rounds=4]
# Starts contacts-, consent-, feedback-service and the gateway (profiles local,bench: development key, embedded
# PostgreSQL in a temporary directory under bench/work/, random free ports), seeds <contacts> people through the
# services' REST APIs, then prints from the same run, per round and in total:
#   the GraphQL contact-360 query at the gateway (token)  vs  the same data by direct REST calls (token), and
#   the same GraphQL query without a token (the bench profile's fixed identity; auth off everywhere).
# Environment: BENCH_HEAP (per process, default 512m), BENCH_JFR=1 (record the gateway with JFR into
# bench/work/gateway.jfr), BENCH_KEEP=1 (keep the logs and data).
# Needs: java 17+, curl, python3 (free ports).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-2000}
CONCURRENCY=${2:-16}
SECS=${3:-20}
ROUNDS=${4:-4}
HEAP=${BENCH_HEAP:-512m}
MEMBERS=(contacts-service consent-service feedback-service gateway)

for m in "${MEMBERS[@]}"; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q install -DskipTests \
    -pl platform,contacts-service,consent-service,feedback-service,gateway -am; break; }
done
TOKENS_JAR=$(ls platform/target/platform-*-tests.jar 2>/dev/null | head -1)
[ -n "$TOKENS_JAR" ] || ./mvnw -B -q install -DskipTests -pl platform
TOKENS_JAR=$(ls platform/target/platform-*-tests.jar | head -1)
token() { java -cp "$TOKENS_JAR" dev.rapport.platform.testing.Tokens "$@"; }
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
  [ -f "$WORK/gateway.jfr" ] && cp "$WORK/gateway.jfr" bench/work/gateway.jfr
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

OUTBOX_TOKEN=$(token integration contacts-service)
CONSENT_TOKEN=$(token integration feedback-service)
for m in "${MEMBERS[@]}"; do
  JFR=()
  if [ "$m" = gateway ] && [ "${BENCH_JFR:-0}" = 1 ]; then
    JFR=(-XX:StartFlightRecording=filename="$WORK/gateway.jfr",settings=profile)
  fi
  RAPPORT_DATA_DIR=$WORK RAPPORT_OUTBOX_BEARER_TOKEN=$OUTBOX_TOKEN RAPPORT_CONSENT_BEARER_TOKEN=$CONSENT_TOKEN \
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

echo "# seeding $CONTACTS contacts"
java bench/gateway/Bench360.java seed "$(url contacts-service)" "$(url consent-service)" "$(url feedback-service)" \
  "$(token admin bench-admin)" "$CONTACTS" 8 "$WORK/ids.txt"

echo "# load: $CONCURRENCY clients, ${SECS}s per run, $ROUNDS rounds (after two warm-up passes of each)"
LOAD_BEFORE=$(uptime | sed -E 's/.*load average: //')
java bench/gateway/Bench360.java load "$(url gateway)" "$(url contacts-service)" "$(url consent-service)" \
  "$(url feedback-service)" "$(token agent bench-agent)" "$WORK/ids.txt" "$CONCURRENCY" "$SECS" "$ROUNDS"
LOAD_AFTER=$(uptime | sed -E 's/.*load average: //')
echo
echo "contacts=$CONTACTS concurrency=$CONCURRENCY seconds-per-run=$SECS rounds=$ROUNDS cores=$(nproc) heap=$HEAP" \
  "java=$(java -version 2>&1 | head -1 | sed -E 's/.*"(.*)".*/\1/')"
echo "load average (1, 5, 15 min) before the load: $LOAD_BEFORE; after: $LOAD_AFTER"
