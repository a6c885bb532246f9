#!/usr/bin/env bash
# Installs the reward-model server's Python environment (services/reward-server) into
# .magpie/tools/py-reward: the hash-pinned runtime lock plus the test/lint tools. Reused as long
# as the locks, this script and the interpreter are unchanged (a hash of them is kept in the venv).
#
# CPU-only: PyPI's Linux torch wheel is a CUDA build. libtorch links the CUDA runtime, cuBLAS,
# cuDNN, NCCL, … at load time, so those nvidia-* wheels must be present even on a machine without a
# GPU; triton (torch.compile's GPU compiler) and nvidia-cusolver (GPU linear algebra, loaded only
# on first CUDA use) are never loaded on CPU and are skipped here. The image installs the full lock.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_DIR=services/reward-server
VENV=.magpie/tools/py-reward
CPU_SKIPPED_PACKAGES='triton|nvidia-cusolver'
PYTHON=${PYTHON:-python3}

if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
  echo "[setup] reward-server: the locks are for CPython 3.11; $PYTHON is $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi

wanted=$(cat "$SERVER_DIR/requirements.lock" "$SERVER_DIR/requirements-dev.lock" "$0" <("$PYTHON" --version) | sha256sum | cut -d' ' -f1)
if [ -f "$VENV/.installed-hash" ] && [ "$(cat "$VENV/.installed-hash")" = "$wanted" ] && [ -x "$VENV/bin/python" ]; then
  echo "[setup] reward-server Python environment is current ($VENV)"
  exit 0
fi

echo "[setup] installing the reward-server Python environment into $VENV (torch, transformers, …)"
started=$(date +%s)
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
cpu_lock=$(mktemp)
trap 'rm -f "$cpu_lock"' EXIT
grep -vE "^(${CPU_SKIPPED_PACKAGES})==" "$SERVER_DIR/requirements.lock" > "$cpu_lock"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r "$cpu_lock" -r "$SERVER_DIR/requirements-dev.lock"
"$VENV/bin/python" -c 'import torch, transformers, fastapi, uvicorn, prometheus_client, pytest; print(f"[setup] torch {torch.__version__}, transformers {transformers.__version__}")'
echo "$wanted" > "$VENV/.installed-hash"
echo "[setup] reward-server Python environment ready in $(( $(date +%s) - started ))s ($(du -sh "$VENV" | cut -f1))"
