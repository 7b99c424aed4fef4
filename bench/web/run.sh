#!/usr/bin/env bash
# The contacts view's render benchmark. Usage: bench/web/run.sh [page loads=10] [pages per load=5]
# Runs web's ContactsRenderBench (tag bench, left out of the default build) in Debian's Chromium: the contacts view
# gets canned gateway answers of 100 contacts and marks, in the page, when the data arrived and when the 100 rows are
# on screen after the next frame. Prints the median, p95 and max and their ratio to the goal (100 rows in <= 300 ms).
# Needs: java 17+, Chromium at /usr/bin/chromium (apt-get install chromium; -Drapport.chromium=/path elsewhere).
set -euo pipefail
cd "$(dirname "$0")/../.."
LOADS=${1:-10}
PAGES=${2:-5}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# -Dquarkus.build.skip: the bench needs no packaged application, only the module's classes
mkdir -p bench/work
LOG=bench/work/web-bench.log
rm -f web/target/bench-contacts-render.txt
if ! ./mvnw -B -pl web -am verify -Dquarkus.build.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=ContactsRenderBench -Dweb.bench.excluded= -Dbench.loads="$LOADS" -Dbench.pages="$PAGES" > "$LOG" 2>&1; then
  tail -40 "$LOG"
  echo "the benchmark did not run to the end; the whole log: $LOG" >&2
  exit 1
fi
echo "load average before and after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
cat web/target/bench-contacts-render.txt
