#!/usr/bin/env bash
# Creates (or reuses) the Python venv the benchmark's distilabel peer runs in:
# <repo>/.magpie/tools/py-distilabel with distilabel 1.5.3 and the extras its OpenAI client and
# the harness need, pinned by bench/peers/distilabel-constraints.txt (a tested set). Prints the
# installed version. Idempotent: a venv that already has distilabel 1.5.3 is left as it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.magpie/tools/py-distilabel"
want="1.5.3"
python="${PYTHON:-python3}"

installed() {
  "$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("distilabel"))' 2>/dev/null || true
}

if [[ -x "$venv/bin/python" && "$(installed)" == "$want" ]]; then
  echo "distilabel $want already in $venv"
  exit 0
fi

command -v "$python" >/dev/null || { echo "setup-distilabel: $python not found (set PYTHON)" >&2; exit 1; }
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  -c "$here/distilabel-constraints.txt" "distilabel==$want" openai httpx requests
version="$(installed)"
[[ "$version" == "$want" ]] || { echo "setup-distilabel: expected distilabel $want, got '${version:-none}'" >&2; exit 1; }
echo "distilabel $version installed in $venv"
