"""Starts the real reward server (`python -m reward_server`) as a subprocess on a free port and
talks to it over real HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

SERVER_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 120  # a loaded CI machine imports torch slowly


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(condition: Any, timeout_s: float, what: str, interval_s: float = 0.02) -> Any:
    """Polls `condition` until it returns something truthy; fails after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")
        time.sleep(interval_s)


class ServerProcess:
    def __init__(self, model_dir: Path, work_dir: Path, wrapper: list[str] | None = None, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        work_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = work_dir / f"server-{self.port}.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("HF_", "REWARD_", "MAX_"))},
            "PYTHONPATH": str(SERVER_ROOT / "src"),
            "REWARD_MODEL": str(model_dir),
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "DEVICE": "cpu",
            "HF_HOME": str(work_dir / "hf-home"),
            "HF_MODULES_CACHE": str(work_dir / "hf-modules"),
            "HF_HUB_OFFLINE": "1",
            "OMP_NUM_THREADS": "1",
            **env,
        }
        self.wrapper = wrapper or []  # a command prefix, e.g. a sandbox
        self.process: subprocess.Popen[bytes] | None = None
        self.http = httpx.Client(base_url=self.url, timeout=60)

    def start(self, *, wait_ready: bool = True) -> ServerProcess:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [*self.wrapper, sys.executable, "-m", "reward_server"], env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        if wait_ready:
            wait_for(lambda: self._health_is(200), START_TIMEOUT_S, f"{self.url}/health to answer 200")
        return self

    def _health_is(self, status: int) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.log()}")
        try:
            return self.http.get("/health").status_code == status
        except httpx.TransportError:
            return False

    def wait_listening(self) -> httpx.Response:
        def answer() -> httpx.Response | None:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                return self.http.get("/health")
            except httpx.TransportError:
                return None

        return wait_for(answer, START_TIMEOUT_S, f"{self.url} to listen")

    def score(self, conversations: list[list[dict[str, str]]], model: str = "rm") -> httpx.Response:
        return self.http.post("/v1/armorm/score", json={"model": model, "conversations": conversations})

    def scores(self, conversations: list[list[dict[str, str]]]) -> list[float]:
        res = self.score(conversations)
        assert res.status_code == 200, res.text
        return [item["score"] for item in res.json()["data"]]

    def metric(self, name: str, **labels: str) -> float:
        from prometheus_client.parser import text_string_to_metric_families

        text = self.http.get("/metrics").text
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                    return float(sample.value)
        raise AssertionError(f"{name}{labels} is not in /metrics")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_exit(self, timeout_s: float = 60) -> int:
        assert self.process is not None
        try:
            return self.process.wait(timeout_s)
        except subprocess.TimeoutExpired as err:
            raise AssertionError(f"the server did not exit within {timeout_s}s:\n{self.log()}") from err

    def stop(self) -> int | None:
        self.http.close()
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def run_to_exit(model_dir: Path, work_dir: Path, **env: str) -> tuple[int, str]:
    """Starts a server expected to fail its start; returns its exit status and log."""
    server = ServerProcess(model_dir, work_dir, **env)
    server.start(wait_ready=False)
    try:
        return server.wait_exit(START_TIMEOUT_S), server.log()
    finally:
        server.stop()
