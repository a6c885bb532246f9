#!/usr/bin/env bash
# Pinned tools for the dataset-output tests, each reinstalled only when its pin changes; no other
# tool's folder is touched.
#   py-datasets  a venv from scripts/datasets-requirements.txt (Hugging Face datasets)  -> .magpie/tools/py-datasets
#   chromium     Debian's chromium, for rendering report.html headless                  -> /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian bookworm's security build. When the archive has moved past it (security updates replace
# it), the current build is installed instead and a warning says so; nothing is skipped silently.
CHROMIUM_VERSION=156.0.8078.114-1~deb12u1
tools=$PWD/.magpie/tools

current() { [ -f "$1/.pin" ] && [ "$(cat "$1/.pin")" = "$2" ]; }

py_dir=$tools/py-datasets
py_pin=$(sha256sum scripts/datasets-requirements.txt | cut -d' ' -f1)
if ! current "$py_dir" "$py_pin" || [ ! -x "$py_dir/bin/python" ]; then
  command -v python3 >/dev/null 2>&1 || { echo "[setup] python3 is required for the datasets venv" >&2; exit 1; }
  echo "[setup] creating the datasets venv (scripts/datasets-requirements.txt)"
  rm -rf "$py_dir"
  python3 -m venv "$py_dir"
  "$py_dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r scripts/datasets-requirements.txt
  echo "$py_pin" > "$py_dir/.pin"
fi

if ! command -v chromium >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "[setup] chromium is missing and apt-get is not available: install Debian's chromium package (the report test renders report.html with it)" >&2
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "[setup] installing chromium ${CHROMIUM_VERSION} (Debian)"
  "${sudo_cmd[@]}" apt-get update -qq
  if apt-cache show "chromium=${CHROMIUM_VERSION}" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
      "chromium=${CHROMIUM_VERSION}" "chromium-common=${CHROMIUM_VERSION}"
  else
    candidate=$(apt-cache policy chromium | sed -n 's/^ *Candidate: //p')
    echo "[setup] WARNING: chromium ${CHROMIUM_VERSION} is no longer in the archive; installing ${candidate} (update CHROMIUM_VERSION in scripts/setup-output-tools.sh)" >&2
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium
  fi
  command -v chromium >/dev/null 2>&1 || { echo "[setup] chromium could not be installed" >&2; exit 1; }
fi

echo "[setup] $("$py_dir/bin/python" -c 'import datasets; print("datasets", datasets.__version__)'), $(chromium --version 2>/dev/null | head -1)"
