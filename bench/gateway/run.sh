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
source bench/gateway/lib.sh

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
