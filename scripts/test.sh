#!/usr/bin/env bash
# The whole test suite: installs what is missing, then lint, typecheck and every project's tests
# (unit, NATS integration, cross-service e2e) through Nx, and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-}"
export MAGPIE_TEST_RESULTS_DIR="$PWD/.magpie/test-results"
rm -rf "$MAGPIE_TEST_RESULTS_DIR" && mkdir -p "$MAGPIE_TEST_RESULTS_DIR"

started=$(date +%s)
status=0
npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=stream "$@" || status=$?
node scripts/summarize-tests.mjs "$MAGPIE_TEST_RESULTS_DIR" "$(( $(date +%s) - started ))" || status=1
exit $status
