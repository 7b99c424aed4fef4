#!/usr/bin/env bash
# The long fault scenarios (docs/reliability.md, "Fault scenarios"):
#
#   reliability/faults.sh [scenario...] [--duration 120s] [--kills 4] [--outage 60s] [--rows 200000] [--writers 6]
#
# Builds what is missing (the service and gateway jars: ./mvnw install -DskipTests), then runs the scenarios one
# after the other. Every process a scenario starts (services, gateway, PostgreSQL) is stopped by its PID when it
# ends, fails or is interrupted (Ctrl-C). Exit code 1 when a guarantee was violated.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OFFLINE=()
[[ -n "${MAVEN_OFFLINE:-}" ]] && OFFLINE=(-o)

missing=0
for m in contacts-service consent-service feedback-service gateway; do
  [[ -f "$m/target/quarkus-app/quarkus-run.jar" ]] || missing=1
done
if [[ $missing == 1 ]]; then
  echo "== building the services and the gateway (./mvnw install -DskipTests)"
  ./mvnw -q -B "${OFFLINE[@]}" install -DskipTests
fi
CP_FILE="reliability/target/faults.classpath"
echo "== compiling the scenarios"
./mvnw -q -B "${OFFLINE[@]}" -pl reliability compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/$CP_FILE" -Dmdep.includeScope=compile
exec java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Drapport.repo="$ROOT" -cp "reliability/target/classes:$(cat "$CP_FILE")" \
  dev.rapport.reliability.faults.Faults "$@"
