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
echo "== compiling the scenarios"
# Everything reliability depends on (platform with its test classes Suite and Tokens, security, the modules it
# orders itself after) is built in the same reactor, so nothing has to be installed in ~/.m2 first: after the
# README's ./mvnw verify this compiles as it is.
./mvnw -q -B "${OFFLINE[@]}" -pl reliability -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/faults.classpath -Dmdep.includeScope=compile
CP_FILE="reliability/target/faults.classpath"
# FAULTS_JAVA_OPTS: extra JVM options for the runner, e.g. -Drapport.suite.keep=true to keep the processes' logs
exec java -Xmx512m ${FAULTS_JAVA_OPTS:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Drapport.repo="$ROOT" -cp "reliability/target/classes:$(cat "$CP_FILE")" \
  dev.rapport.reliability.faults.Faults "$@"
