"""The image and the pins agree with the code: what the Dockerfile copies exists, the final stage
runs as a numeric non-root user with writable paths only under mounted volumes, and every top-level
pin is what the hash-pinned lock installs."""

from __future__ import annotations

import re
from pathlib import Path

from reward_server.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
REPO = ROOT.parent.parent


def instructions(keyword: str, text: str = DOCKERFILE) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.split(None, 1)[:1] == [keyword]]


def final_stage() -> str:
    return DOCKERFILE[DOCKERFILE.rindex("\nFROM ") :]


def env_of_final_stage() -> dict[str, str]:
    pairs = " ".join(instructions("ENV", final_stage()))
    return dict(re.findall(r"(\w+)=(\S+)", pairs))


def test_the_image_runs_as_a_numeric_non_root_user() -> None:
    [user] = instructions("USER", final_stage())
    uid, _, gid = user.partition(":")
    assert uid.isdigit()
    assert int(uid) == 10001
    assert not gid or gid.isdigit()


def test_base_images_are_pinned() -> None:
    for image in instructions("FROM"):
        name = image.split()[0]
        assert re.search(r":\d+\.\d+\.\d+", name), f"{name} is not pinned to a release"
        assert not name.endswith(":latest")


def test_writable_paths_are_volumes_and_the_listener_matches_the_settings_defaults() -> None:
    env = env_of_final_stage()
    assert env["HF_HOME"] == "/models"
    assert env["TMPDIR"] == "/tmp"
    assert env["HOME"] == "/tmp"
    assert env["HF_MODULES_CACHE"].startswith("/tmp/")
    assert env["XDG_CACHE_HOME"].startswith("/tmp/")
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    defaults = Settings.model_fields
    assert env["PORT"] == str(defaults["PORT"].default)
    assert env["HOST"] == defaults["HOST"].default
    assert instructions("EXPOSE", final_stage()) == [env["PORT"]]


def test_the_image_installs_the_hash_pinned_lock_and_runs_the_module() -> None:
    [install] = [cmd for cmd in instructions("RUN") if "pip install" in cmd]
    assert "--require-hashes" in install
    assert "--no-deps" in install
    assert "requirements.lock" in install
    for copy in instructions("COPY"):
        if "--from=" not in copy:
            assert (ROOT / copy.split()[0]).exists(), copy
    assert instructions("ENTRYPOINT") == ['["python", "-m", "reward_server"]']
    assert (ROOT / "src" / "reward_server" / "__main__.py").exists()


def test_top_level_pins_are_exact_and_match_the_lock() -> None:
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[a-z0-9.-]+==\S+ --hash=sha256:[0-9a-f]{64}", line), line
            name, _, rest = line.partition("==")
            lock[name] = rest.split()[0]
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep, f"{line} is not pinned with =="
            assert lock[name.lower().replace("_", "-")] == version, name


def test_the_packages_the_cpu_setup_skips_are_in_the_lock() -> None:
    setup = (REPO / "scripts" / "setup-py-reward.sh").read_text()
    skipped = re.search(r"CPU_SKIPPED_PACKAGES='([^']+)'", setup)
    assert skipped is not None
    lock = (ROOT / "requirements.lock").read_text()
    for name in skipped.group(1).split("|"):
        assert re.search(rf"^{re.escape(name)}==", lock, re.MULTILINE), name
