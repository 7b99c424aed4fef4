#!/usr/bin/env bash
# The long fault scenarios (docs/reliability.md, "Fault scenarios"):
#
#   reliability/faults.sh [scenario...] [--duration 120s] [--kills 4] [--outage 60s] [--rows 200000] [--writers 6]
#
# Builds what is missing (./mvnw package, never install), then runs the scenarios one after the other. Every process
# a scenario starts (services, gateway, PostgreSQL) is stopped by its PID when it ends, fails or is interrupted (Ctrl-C).
# Exit code 1 when a guarantee was violated.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OFFLINE=()
[[ -n "${MAVEN_OFFLINE:-}" ]] && OFFLINE=(-o)

# Everything the scenarios need comes from this reactor, nothing from ~/.m2: the service and gateway jars, and
# reliability's classes with their class path in reliability/target/lib (devstack: the suite as processes and the
# embedded PostgreSQL). After the README's ./mvnw verify they are all there; otherwise they are built here (package).
missing=0
for m in contacts-service consent-service feedback-service gateway; do
  [[ -f "$m/target/quarkus-app/quarkus-run.jar" ]] || missing=1
done
[[ -d reliability/target/lib && -d reliability/target/classes ]] || missing=1
JAR=$(ls reliability/target/reliability-*.jar 2>/dev/null | head -1 || true)
if [[ $missing == 1 ]]; then
  echo "== building the services, the gateway and the scenarios (./mvnw package -DskipTests -pl reliability -am)"
  ./mvnw -q -B "${OFFLINE[@]}" package -DskipTests -pl reliability -am
elif [[ -z "$JAR" || -n "$(find reliability/src/main devstack/src/main -newer "$JAR" -type f | head -1)" ]]; then
  echo "== compiling the scenarios"
  ./mvnw -q -B "${OFFLINE[@]}" package -DskipTests -Dquarkus.build.skip=true -pl reliability -am
fi
# FAULTS_JAVA_OPTS: extra JVM options for the runner, e.g. -Drapport.suite.keep=true to keep the processes' logs
exec java -Xmx512m ${FAULTS_JAVA_OPTS:-} -Drapport.repo="$ROOT" -cp "reliability/target/classes:reliability/target/lib/*" \
  dev.rapport.reliability.faults.Faults "$@"
