#!/usr/bin/env bash
# The list view: one client asking the gateway for contacts(first: 100) with what the staff list shows, and each part
# of it alone, so the figure says where the time goes.
# Usage: bench/gateway/list.sh [contacts=200] [seconds-per-run=20]
# Starts the suite as run.sh does (lib.sh: contacts-, consent-, feedback-service and the gateway from their jars,
# embedded PostgreSQL, random free ports), seeds <contacts> people with Bench360 (e-mail and phone with provenance,
# newsletter and survey consents, a policy, cases), then for each query runs wrk with ONE connection for
# <seconds-per-run> after a warm-up, and prints p50 and p99, queries/s, and the CPU per query of the gateway, each
# service, each service's PostgreSQL and wrk, with the load average beside each line. Every query is checked once
# first (100 nodes, no errors). The gateway's cost budget is raised (a closed loop of 100-contact documents would
# otherwise measure its own rate limit); override with BENCH_GATEWAY_OPTS.
# Needs: java 17+, wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-200}
SECS=${2:-20}
export BENCH_GATEWAY_OPTS=${BENCH_GATEWAY_OPTS:--Drapport.graphql.cost.points-per-minute=100000000}
source bench/gateway/lib.sh

echo "# seeding $CONTACTS contacts"
java bench/gateway/Bench360.java seed "$(url contacts-service)" "$(url consent-service)" "$(url feedback-service)" \
  "$(token admin bench-admin)" "$CONTACTS" 8 "$WORK/ids.txt"
TOKEN=$(token agent bench-list)

# The parts of the list view, each beside the bare list, then all of them at once.
POINTS='contactPoints { id channel address context provenance { kind source } }'
CONSENTS='consents { purpose channel status since source }'
DECISIONS='decisions(purposes: ["newsletter", "survey"]) { purpose allowed channel notBefore reasons { code } }'
VALUE='value { currency lifetimeSpend trailing12MonthSpend purchaseCount }'
declare -A PART=([bare]="" [points]="$POINTS" [consents]="$CONSENTS" [decisions]="$DECISIONS" [value]="$VALUE"
  [list-view]="$POINTS $CONSENTS $DECISIONS $VALUE")
ORDER=(bare points consents decisions value list-view)

HZ=$(getconf CLK_TCK)
ticks() { [ -r "/proc/$1/stat" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
# A PostgreSQL server: the postmaster, its live backends, and the backends that already exited (children's times).
pg_ticks() {
  local pm t; pm=$(head -1 "$WORK/$1/postgres/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm" 2>/dev/null); do t=$((t + $(ticks "$c"))); done
  echo "$t"
}
SIDES=(gateway contacts-service consent-service feedback-service pg:contacts pg:consent pg:feedback)
side_ticks() { case $1 in pg:*) pg_ticks "${1#pg:}" ;; *) ticks "${PID[$1]}" ;; esac; }
load() { cut -d' ' -f1 /proc/loadavg; }

body() { python3 -c 'import json, sys; print(json.dumps({"query": "{ contacts(first: 100) { nodes { id displayName %s } } }" % sys.argv[1]}))' "$1"; }
check() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$1" "$(url gateway)/graphql" |
    python3 -c 'import json, sys
r = json.load(sys.stdin)
if r.get("errors"): sys.exit("errors: %s" % json.dumps(r["errors"])[:500])
n = len(r["data"]["contacts"]["nodes"])
if n != 100: sys.exit("%d nodes, not 100" % n)'
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }

printf '\n%-10s %8s %9s %9s | CPU ms per query: %s | load\n' query 'q/s' 'p50 ms' 'p99 ms' "gateway contacts consent feedback pg:contacts pg:consent pg:feedback wrk"
for name in "${ORDER[@]}"; do
  body "${PART[$name]}" > "$WORK/$name.json"
  check "$WORK/$name.json" || { echo "$name: the query did not answer 100 contacts without errors"; exit 1; }
  BENCH_TOKEN=$TOKEN BENCH_BODY=$WORK/$name.json wrk -t1 -c1 -d5s -s bench/gateway/post.lua "$(url gateway)/graphql" > /dev/null
  L0=$(load); declare -A T0=(); for s in "${SIDES[@]}"; do T0[$s]=$(side_ticks "$s"); done
  ( TIMEFORMAT='%U %S'; { time BENCH_TOKEN=$TOKEN BENCH_BODY=$WORK/$name.json wrk -t1 -c1 -d"$SECS"s --latency \
      -s bench/gateway/post.lua "$(url gateway)/graphql" > "$WORK/$name.out"; } 2> "$WORK/$name.cpu" )
  CPU=""; N=$(awk '/requests in/ {print $1}' "$WORK/$name.out")
  for s in "${SIDES[@]}"; do
    CPU+=$(awk -v t="$(( $(side_ticks "$s") - T0[$s] ))" -v hz="$HZ" -v n="$N" 'BEGIN { printf " %7.2f", t / hz * 1000 / n }')
  done
  CPU+=$(awk -v c="$(awk '{print $1 + $2}' "$WORK/$name.cpu")" -v n="$N" 'BEGIN { printf " %7.2f", c * 1000 / n }')
  NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/$name.out")
  [ -z "$NON2XX" ] || { echo "$name: $NON2XX answers were not 200"; exit 1; }
  printf '%-10s %8.1f %9.1f %9.1f |%s | %s -> %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.out")" \
    "$(ms "$(awk '$1 == "50%" {print $2}' "$WORK/$name.out")")" "$(ms "$(awk '$1 == "99%" {print $2}' "$WORK/$name.out")")" \
    "$CPU" "$L0" "$(load)"
done
echo
echo "contacts=$CONTACTS seconds-per-run=$SECS one client (wrk -t1 -c1) cores=$(nproc) heap=$HEAP goal: list-view p50 <= 60 ms"
echo "query: $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["query"])' "$WORK/list-view.json")"
