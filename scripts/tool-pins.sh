# Helpers the setup scripts source (not run on its own): pinned tools cached under
# .magpie/tools/<tool>, each folder stamped with its pin and reinstalled only when the pin changes.

# need <command> <what needs it>: fail with a hint when a prerequisite is missing.
need() {
  command -v "$1" >/dev/null 2>&1 || { echo "[setup] $1 is required to install $2" >&2; exit 1; }
}

# current <dir> <pin>: true when the tool folder's stamp holds exactly this pin.
current() { [ -f "$1/.pin" ] && [ "$(cat "$1/.pin")" = "$2" ]; }

# go_tool <tools dir> <name> <version> <package>: `go install package@version` into <tools dir>/<name>/bin.
go_tool() {
  local dir=$1/$2 name=$2 version=$3 package=$4
  if ! current "$dir" "$version" || [ ! -x "$dir/bin/$name" ]; then
    need go "$name"
    echo "[setup] installing ${name} ${version} (go install ${package})"
    rm -rf "$dir" && mkdir -p "$dir/bin"
    GOBIN="$dir/bin" GOFLAGS=-buildvcs=false go install "${package}@${version}"
    echo "$version" > "$dir/.pin"
  fi
}
