#!/usr/bin/env bash
# The public API's CI checks (libs/api lint): buf lint (STANDARD and COMMENTS rules, buf.yaml) on
# proto/, and that libs/api/src/generated is what scripts/generate-api.sh makes from it.
set -euo pipefail
cd "$(dirname "$0")/.."
buf=.magpie/tools/buf/bin/buf
[ -x "$buf" ] || bash scripts/setup-api-tools.sh >/dev/null
"$buf" lint
echo "buf lint: proto/ is clean (STANDARD, COMMENTS)"
bash scripts/generate-api.sh --check
