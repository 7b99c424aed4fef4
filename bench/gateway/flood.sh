#!/usr/bin/env bash
# Flood isolation. Usage: bench/gateway/flood.sh [contacts=200] [seconds=20] [victim-connections=2]
# Starts the suite as run.sh does (lib.sh), seeds <contacts> people, then measures one caller's contact-360 queries
# (wrk, <victim-connections> closed loops) alone, and again while another caller sends 5 concurrent 1,000-alias
# documents (~62 KB each) without pause. Prints both p99s and their ratio (goal ≤ 2), the CPU per operation of every
# side, and the gateway's RSS after this hostile and bulk traffic.
# The gateway runs with the heap cap of ./rapport and k8s (-Xmx256m) and a budget of 300,000 cost points per minute
# per caller (the default is 20,000): a closed loop of contact-360 queries must stay within it, or the victim would be
# measuring its own rate limit. Override with BENCH_GATEWAY_OPTS.
# Needs: java 17+, wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTACTS=${1:-200}
SECS=${2:-20}
VICTIMS=${3:-2}
export BENCH_GATEWAY_OPTS=${BENCH_GATEWAY_OPTS:--Xmx256m -Drapport.graphql.cost.points-per-minute=300000}
source bench/gateway/lib.sh

echo "# seeding $CONTACTS contacts"
java bench/gateway/Bench360.java seed "$(url contacts-service)" "$(url consent-service)" "$(url feedback-service)" \
  "$(token admin bench-admin)" "$CONTACTS" 8 "$WORK/ids.txt"
ID=$(head -1 "$WORK/ids.txt")
java bench/gateway/Bench360.java body "$ID" > "$WORK/victim.json"
python3 - "$ID" > "$WORK/flood.json" <<'PY'
import json, sys
print(json.dumps({"query": "{" + " ".join('a%d: contact(id: "%s") { id }' % (i, sys.argv[1]) for i in range(1000)) + " }"}))
PY
VICTIM_TOKEN=$(token agent bench-victim)
FLOOD_TOKEN=$(token agent bench-flooder)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
services_ticks() { local t=0; for m in contacts-service consent-service feedback-service; do t=$((t + $(ticks "${PID[$m]}"))); done; echo $t; }
HZ=$(getconf CLK_TCK)
# wrk <name> <token> <body> <connections> <seconds>: output in $WORK/<name>.out, wrk's own CPU in $WORK/<name>.cpu
run_wrk() {
  local start; start=$(date +%s%N)
  ( TIMEFORMAT='%U %S'; { time BENCH_TOKEN=$2 BENCH_BODY=$3 wrk -t1 -c"$4" -d"$5"s --latency -s bench/gateway/post.lua \
      "$(url gateway)/graphql" > "$WORK/$1.out"; } 2> "$WORK/$1.cpu" )
}
requests() { awk '/requests in/ {print $1}' "$WORK/$1.out"; }
p99() { awk '$1 == "99%" {print $2}' "$WORK/$1.out"; }
wrk_cpu() { awk '{print $1 + $2}' "$WORK/$1.cpu"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }
per_op() { awk -v t="$1" -v hz="$HZ" -v n="$2" 'BEGIN { printf "%.3f ms", (n > 0 ? t / hz * 1000 / n : 0) }'; }

# warm-up: the JIT, and the flooder's first documents
BENCH_TOKEN=$VICTIM_TOKEN BENCH_BODY=$WORK/victim.json wrk -t1 -c"$VICTIMS" -d10s -s bench/gateway/post.lua "$(url gateway)/graphql" > /dev/null

echo "# victim alone: $VICTIMS connections, ${SECS}s"
g0=$(ticks "${PID[gateway]}"); s0=$(services_ticks)
run_wrk alone "$VICTIM_TOKEN" "$WORK/victim.json" "$VICTIMS" "$SECS"
g1=$(ticks "${PID[gateway]}"); s1=$(services_ticks)

echo "# victim while another caller floods: 5 connections of 1,000-alias documents ($(wc -c < "$WORK/flood.json") bytes)"
run_wrk flood "$FLOOD_TOKEN" "$WORK/flood.json" 5 $((SECS + 6)) &
FLOOD=$!
sleep 3
g2=$(ticks "${PID[gateway]}"); s2=$(services_ticks)
run_wrk flooded "$VICTIM_TOKEN" "$WORK/victim.json" "$VICTIMS" "$SECS"
g3=$(ticks "${PID[gateway]}"); s3=$(services_ticks)
wait $FLOOD
SAMPLE=$(curl -s -H "Authorization: Bearer $FLOOD_TOKEN" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/flood.json" "$(url gateway)/graphql" | head -c 300)
RSS=$(ps -o rss= -p "${PID[gateway]}")

A=$(requests alone); V=$(requests flooded); F=$(requests flood)
P_ALONE=$(ms "$(p99 alone)"); P_FLOOD=$(ms "$(p99 flooded)")
echo
printf 'victim alone        %8s requests  p99 %8.1f ms\n' "$A" "$P_ALONE"
printf 'victim under flood  %8s requests  p99 %8.1f ms\n' "$V" "$P_FLOOD"
printf 'flooder             %8s documents in %ss (answers like: %s)\n' "$F" $((SECS + 6)) "$SAMPLE"
awk -v a="$P_ALONE" -v f="$P_FLOOD" 'BEGIN { printf "p99 under flood / alone = %.2fx (goal <= 2)\n", f / a }'
echo
echo "CPU per operation (victim queries and flood documents both count as operations):"
echo "  alone:       gateway $(per_op $((g1 - g0)) "$A"), services $(per_op $((s1 - s0)) "$A"), wrk $(awk -v c="$(wrk_cpu alone)" -v n="$A" 'BEGIN { printf "%.3f ms", c * 1000 / n }')"
echo "  under flood: gateway $(per_op $((g3 - g2)) $((V + F * SECS / (SECS + 6)))), services $(per_op $((s3 - s2)) "$V") (per victim query)," \
  "wrk $(awk -v c="$(wrk_cpu flooded)" -v d="$(wrk_cpu flood)" -v n="$V" -v f="$F" 'BEGIN { printf "%.3f ms", (c + d) * 1000 / (n + f) }')"
echo "gateway RSS after the seeding, the victim's queries and the floods: $((RSS / 1024)) MiB (${BENCH_GATEWAY_OPTS})"
echo "cores=$(nproc) load average: $(uptime | sed -E 's/.*load average: //')"
