#!/usr/bin/env bash
# Quick start: install what is missing, bring the local platform up (nats-server, the vLLM
# simulator and the five services, as `magpie up` runs them), run a 50-problem algebra run to
# Magpie dataset files under data/, then shut everything down.
set -euo pipefail
cd "$(dirname "$0")/.."
# The test tools (helm, kubernetes-validate, the reward server's torch) are for npm test, not for a local run.
MAGPIE_SKIP_TEST_TOOLS=1 bash scripts/setup.sh

DOMAIN="${1:-algebra}"
COUNT="${2:-50}"
STATE_DIR=.magpie/quickstart
GRPC_PORT="${MAGPIE_GRPC_PORT:-50051}"

node tools/cli/bin/magpie.js up --state-dir "$STATE_DIR" --grpc-port "$GRPC_PORT" \
  --nats-port "${MAGPIE_NATS_PORT:-4222}" --sim-port "${MAGPIE_SIM_PORT:-8000}" &
up_pid=$!
stop_platform() {
  kill -INT "$up_pid" 2>/dev/null || true
  wait "$up_pid" 2>/dev/null || true
}
trap stop_platform EXIT

started=$(date +%s)
node tools/cli/bin/magpie.js run --domain "$DOMAIN" --count "$COUNT" --out data \
  --gateway "127.0.0.1:$GRPC_PORT" --wait-ms 180000
echo "[quickstart] ${COUNT}-problem ${DOMAIN} run finished in $(( $(date +%s) - started ))s (platform logs: $STATE_DIR/logs)"
