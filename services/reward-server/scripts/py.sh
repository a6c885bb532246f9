#!/usr/bin/env bash
# Runs a tool from the reward server's Python environment (.magpie/tools/py-reward, made by
# scripts/setup-py-reward.sh at the repository root), e.g. `bash scripts/py.sh pytest -q`.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=../../.magpie/tools/py-reward
if [ ! -x "$venv/bin/python" ]; then
  echo "reward-server: no Python environment in .magpie/tools/py-reward; run: bash scripts/setup.sh" >&2
  exit 1
fi
tool=$1
shift
exec "$venv/bin/$tool" "$@"
