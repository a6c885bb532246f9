#!/usr/bin/env bash
# Pinned tools for the chart's tests (deploy/), each cached under .magpie/tools/<tool> and
# reinstalled only when its pin changes; no other tool's folder is touched.
#   helm        go install helm.sh/helm/v4/cmd/helm@HELM_VERSION   -> .magpie/tools/helm/bin/helm
#   py          a venv from scripts/tools-requirements.txt          -> .magpie/tools/py (kubernetes-validate)
#   keda        KEDA's CRDs from the Go module github.com/kedacore/keda/v2@KEDA_VERSION (config/crd/bases)
#   prometheus  the PodMonitor CRD from github.com/prometheus-operator/prometheus-operator@PROMETHEUS_OPERATOR_VERSION
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_VERSION=v4.3.2
KEDA_VERSION=v2.21.0
PROMETHEUS_OPERATOR_VERSION=v0.85.0
tools=$PWD/.magpie/tools

# shellcheck source=tool-pins.sh
source scripts/tool-pins.sh

go_tool "$tools" helm "$HELM_VERSION" helm.sh/helm/v4/cmd/helm

py_dir=$tools/py
py_pin=$(sha256sum scripts/tools-requirements.txt | cut -d' ' -f1)
if ! current "$py_dir" "$py_pin" || [ ! -x "$py_dir/bin/python" ]; then
  need python3 "the Python tools"
  echo "[setup] creating the Python tools venv (scripts/tools-requirements.txt)"
  rm -rf "$py_dir"
  python3 -m venv "$py_dir"
  "$py_dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r scripts/tools-requirements.txt
  echo "$py_pin" > "$py_dir/.pin"
fi

# Copies config/crd-like files of a Go module into a tool folder. Args: dir pin module@version subdir files...
go_module_files() {
  local dir=$1 pin=$2 module=$3 subdir=$4
  shift 4
  if current "$dir" "$pin"; then return; fi
  need go "$module"
  echo "[setup] downloading ${module} (go mod download) for its CRDs"
  rm -rf "$dir" && mkdir -p "$dir/crd"
  local src
  src=$(GOMODCACHE="$dir/mod" GOFLAGS=-modcacherw go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  for file in "$@"; do cp "$src/$subdir/$file" "$dir/crd/"; done
  # Keep only the CRDs: the module cache is hundreds of files.
  chmod -R u+w "$dir/mod" && rm -rf "$dir/mod"
  echo "$pin" > "$dir/.pin"
}
go_module_files "$tools/keda" "$KEDA_VERSION" "github.com/kedacore/keda/v2@${KEDA_VERSION}" config/crd/bases keda.sh_scaledobjects.yaml
go_module_files "$tools/prometheus-operator" "$PROMETHEUS_OPERATOR_VERSION" \
  "github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}" example/prometheus-operator-crd monitoring.coreos.com_podmonitors.yaml

echo "[setup] helm ${HELM_VERSION}, $("$py_dir/bin/kubernetes-validate" --version | sed 's/^/kubernetes-validate /'), KEDA CRDs ${KEDA_VERSION}, PodMonitor CRD ${PROMETHEUS_OPERATOR_VERSION}"
