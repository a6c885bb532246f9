#!/usr/bin/env bash
# Pinned tools for the public API's checks and black-box tests, each cached under
# .magpie/tools/<tool> and reinstalled only when its pin changes; no other tool's folder is touched.
#   buf        go install github.com/bufbuild/buf/cmd/buf@BUF_VERSION           -> .magpie/tools/buf/bin/buf
#   grpcurl    go install github.com/fullstorydev/grpcurl/cmd/grpcurl@GRPCURL_VERSION -> .magpie/tools/grpcurl/bin/grpcurl
#   py-client  a venv from test/clients/python/requirements.txt                 -> .magpie/tools/py-client
#              (grpcio-tools, datasets, nbclient, matplotlib: the Python client and the notebook)
set -euo pipefail
cd "$(dirname "$0")/.."

BUF_VERSION=v1.75.0
GRPCURL_VERSION=v1.9.4
tools=$PWD/.magpie/tools

# shellcheck source=tool-pins.sh
source scripts/tool-pins.sh

go_tool "$tools" buf "$BUF_VERSION" github.com/bufbuild/buf/cmd/buf
go_tool "$tools" grpcurl "$GRPCURL_VERSION" github.com/fullstorydev/grpcurl/cmd/grpcurl

py_dir=$tools/py-client
py_pin=$(sha256sum test/clients/python/requirements.txt | cut -d' ' -f1)
if ! current "$py_dir" "$py_pin" || [ ! -x "$py_dir/bin/python" ]; then
  need python3 "the Python client's environment"
  echo "[setup] creating the Python client venv (test/clients/python/requirements.txt)"
  rm -rf "$py_dir"
  python3 -m venv "$py_dir"
  "$py_dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r test/clients/python/requirements.txt
  echo "$py_pin" > "$py_dir/.pin"
fi

echo "[setup] buf ${BUF_VERSION}, grpcurl ${GRPCURL_VERSION}, $("$py_dir/bin/python" -c 'import grpc_tools, datasets, nbclient; print("grpcio-tools", __import__("grpc").__version__, "datasets", datasets.__version__, "nbclient", nbclient.__version__)')"
