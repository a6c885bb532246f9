"""The image's promise without a container runtime (none here): the server runs as UID/GID 10001
on a read-only root filesystem, writing only to a tmpfs standing in for the pod's /tmp emptyDir and
model-cache volume. A private mount namespace (`unshare --mount`, root only) remounts / read-only
and `setpriv` drops to 10001 before the real server starts."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conversations import VARIED
from server_process import ServerProcess

SANDBOX = """
set -e
mount -t tmpfs -o mode=1777 tmpfs "$RW"
# The model volume: a copy the unprivileged user can read.
cp -r "$MODEL_SOURCE" "$REWARD_MODEL" && chmod -R a+rX "$REWARD_MODEL"
if [ -n "$HIDDEN_DIR" ]; then
  # The interpreter lives below a directory UID 10001 may not enter (pyenv under /root): show
  # only the interpreter's tree there.
  mkdir "$RW/stage" && mount --bind "$KEEP_DIR" "$RW/stage"
  mount -t tmpfs -o mode=755 tmpfs "$HIDDEN_DIR"
  mkdir -p "$KEEP_DIR" && mount --move "$RW/stage" "$KEEP_DIR"
fi
mount -o remount,bind,ro /
exec setpriv --reuid 10001 --regid 10001 --clear-groups --no-new-privs "$@"
"""


def _closed_ancestor(path: Path) -> tuple[str, str]:
    """The first ancestor of `path` that others may not enter, and its child on the way to `path`."""
    for parent in reversed(path.parents):
        if parent != Path("/") and not parent.stat().st_mode & stat.S_IXOTH:
            return str(parent), str(parent / path.relative_to(parent).parts[0])
    return "", ""


@pytest.fixture
def sandboxed_server(models: dict[str, Path], tmp_path: Path) -> Iterator[ServerProcess]:
    if os.geteuid() != 0 or not (shutil.which("unshare") and shutil.which("setpriv")):
        pytest.skip("needs root with unshare and setpriv (util-linux) to build the sandbox")
    # The tmpfs mount point must be reachable by UID 10001; pytest's temp folders are 0700.
    rw = Path(tempfile.mkdtemp(prefix="reward-server-rw-"))
    rw.chmod(0o755)
    (tmp_path / "sandbox.sh").write_text(SANDBOX)
    hidden, keep = _closed_ancestor(Path(sys.base_prefix))
    wrapper = ["unshare", "--mount", "--propagation", "private", "sh", str(tmp_path / "sandbox.sh")]
    # The image's environment, with the tmpfs in place of /tmp and /models.
    image_env = {
        "HOME": str(rw),
        "TMPDIR": str(rw),
        "XDG_CACHE_HOME": f"{rw}/.cache",
        "HF_HOME": f"{rw}/models",
        "HF_MODULES_CACHE": f"{rw}/hf-modules",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    # The remote-code head: transformers must write its module cache, which only the tmpfs allows.
    sandbox_env = {"RW": str(rw), "MODEL_SOURCE": str(models["gated"]), "HIDDEN_DIR": hidden, "KEEP_DIR": keep}
    server = ServerProcess(rw / "model", tmp_path, wrapper, SERVED_MODEL_NAME="rm", **sandbox_env, **image_env)
    try:
        yield server.start()
    finally:
        server.stop()
        rw.rmdir()  # the tmpfs lived only in the sandbox's mount namespace; the folder is empty


def test_the_server_runs_as_10001_on_a_read_only_root(sandboxed_server: ServerProcess, gated_server: ServerProcess) -> None:
    assert sandboxed_server.process is not None
    status = Path(f"/proc/{sandboxed_server.process.pid}/status").read_text()
    uid_line = next(line for line in status.splitlines() if line.startswith("Uid:"))
    assert uid_line.split()[1:] == ["10001"] * 4
    assert sandboxed_server.scores(VARIED) == pytest.approx(gated_server.scores(VARIED), abs=1e-5)
    assert "Read-only file system" not in sandboxed_server.log()
