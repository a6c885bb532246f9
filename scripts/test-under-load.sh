#!/usr/bin/env bash
# The whole suite on a loaded machine: `npm test` RUNS times in a row (default 3) while stress-ng
# keeps CPU workers busy (default 2, one per core of a CI runner). Installs stress-ng from Debian
# when missing, stops it on exit whatever happens, and prints each run's summary line, wall time
# and the load average at its end. Exits non-zero when any run failed.
#
#   bash scripts/test-under-load.sh [RUNS]          STRESS_CPU_WORKERS=2 by default
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
workers="${STRESS_CPU_WORKERS:-2}"
logs=.magpie/test-under-load
mkdir -p "$logs"

if ! command -v stress-ng >/dev/null 2>&1; then
  echo "[load] installing stress-ng (Debian)"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq stress-ng >/dev/null
fi
# Every run runs every test: a cached Nx result would make runs 2 and 3 prove nothing.
export NX_SKIP_NX_CACHE=true
# Installs dependencies before the clock starts, so the first run is timed like the others.
bash scripts/setup.sh >/dev/null

stress-ng --cpu "$workers" --timeout 0 --quiet &
stress_pid=$!
stop_stress() {
  kill "$stress_pid" 2>/dev/null || true
  wait "$stress_pid" 2>/dev/null || true
}
trap stop_stress EXIT INT TERM
echo "[load] stress-ng --cpu $workers (pid $stress_pid); $runs runs of npm test; logs in $logs/"

failed=0
for i in $(seq 1 "$runs"); do
  started=$(date +%s)
  status=0
  bash scripts/test.sh >"$logs/run-$i.log" 2>&1 || status=$?
  seconds=$(($(date +%s) - started))
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/run-$i.log" | tail -n 1 || true)
  echo "run $i: ${summary:-no summary line} in ${seconds} s (exit $status, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  [ "$status" -eq 0 ] || failed=1
done
exit "$failed"
