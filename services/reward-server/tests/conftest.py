"""Fixtures: the tiny models (built once per session, offline), running servers, and a vitest-shaped
JSON summary for scripts/summarize-tests.mjs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from server_process import ServerProcess
from tiny_models import build_all

# The machine is shared and the servers are separate processes: one thread for the model-card
# reference computations here.
torch.set_num_threads(1)


@pytest.fixture(scope="session")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("servers")


def _serve(model_dir: Path, work_dir: Path, **env: str) -> Iterator[ServerProcess]:
    server = ServerProcess(model_dir, work_dir, SERVED_MODEL_NAME="rm", **env).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def llama_server(models: dict[str, Path], work_dir: Path) -> Iterator[ServerProcess]:
    yield from _serve(models["llama"], work_dir, MAX_BATCH_SIZE="4", MAX_LENGTH="96")


@pytest.fixture(scope="session")
def gated_server(models: dict[str, Path], work_dir: Path) -> Iterator[ServerProcess]:
    yield from _serve(models["gated"], work_dir, MAX_BATCH_SIZE="4", MAX_LENGTH="96")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    results_dir = os.environ.get("MAGPIE_TEST_RESULTS_DIR")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if not results_dir or reporter is None:
        return
    stats = reporter.stats
    summary = {
        "numPassedTests": len(stats.get("passed", [])),
        "numFailedTests": len(stats.get("failed", [])) + len(stats.get("error", [])),
        "numPendingTests": len(stats.get("skipped", [])),
        "success": exitstatus == 0,
    }
    out = Path(results_dir) / "@magpie" / "reward-server-pytest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary))
