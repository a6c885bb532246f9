"""The bounded queue: requests from several callers share forward passes, a full queue answers
503 with Retry-After, and SIGTERM finishes what is queued before the process exits."""

from __future__ import annotations

import math
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from conversations import VARIED
from server_process import ServerProcess, wait_for

# A batch waits up to MAX_BATCH_WAIT_MS to fill to MAX_BATCH_SIZE; with 64 > MAX_QUEUE it never
# fills, so conversations stay queued for the whole wait (10 s, ample on a loaded machine) and the
# tests can look at the queue.
QUEUE_ENV = {"SERVED_MODEL_NAME": "rm", "MAX_BATCH_SIZE": "64", "MAX_QUEUE": "8", "MAX_BATCH_WAIT_MS": "10000"}


@pytest.fixture
def queue_server(models: dict[str, Path], work_dir: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(models["llama"], work_dir, **QUEUE_ENV).start()
    try:
        yield server
    finally:
        server.stop()


def test_a_full_queue_answers_503_with_retry_after_and_callers_share_a_batch(
    queue_server: ServerProcess, llama_server: ServerProcess
) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(queue_server.score, VARIED[:6])
        wait_for(lambda: queue_server.metric("reward_server_queue_depth") == 6, 30, "6 queued conversations")

        refused = queue_server.score(VARIED[:3])  # 6 + 3 > MAX_QUEUE
        assert refused.status_code == 503
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.json()["error"]["type"] == "ServiceUnavailableError"
        assert "MAX_QUEUE is 8" in refused.json()["error"]["message"]

        second = pool.submit(queue_server.score, VARIED[5:7])  # 6 + 2 fits
        wait_for(lambda: queue_server.metric("reward_server_queue_depth") == 8, 30, "8 queued conversations")
        first_res, second_res = first.result(), second.result()

    assert first_res.status_code == 200
    assert second_res.status_code == 200
    scores = [item["score"] for item in first_res.json()["data"] + second_res.json()["data"]]
    assert scores == pytest.approx(llama_server.scores(VARIED[:6] + VARIED[5:7]), abs=1e-5)
    # Both requests went through one forward pass of 8.
    assert queue_server.metric("reward_server_batch_size_count") == 1
    assert queue_server.metric("reward_server_batch_size_sum") == 8
    assert queue_server.metric("reward_server_requests_total", outcome="queue_full") == 1
    assert queue_server.metric("reward_server_conversations_scored_total") == 8


def test_a_request_larger_than_the_queue_is_a_400(queue_server: ServerProcess) -> None:
    res = queue_server.score(VARIED + VARIED[:2])
    assert res.status_code == 400
    assert res.json()["error"]["message"] == "conversations: 9 conversations in one request; at most 8 (MAX_QUEUE)"


def test_sigterm_finishes_the_queued_conversations_then_exits(
    models: dict[str, Path], work_dir: Path, llama_server: ServerProcess
) -> None:
    # The batch would wait 10 s to fill, longer than the 5 s uvicorn gives in-flight requests
    # after SIGTERM: only a drain that scores the queue at once answers the caller.
    env = {**QUEUE_ENV, "MAX_BATCH_WAIT_MS": "10000", "SHUTDOWN_GRACE_MS": "5000"}
    server = ServerProcess(models["llama"], work_dir, **env).start()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(server.score, VARIED[:3])
            wait_for(lambda: server.metric("reward_server_queue_depth") == 3, 30, "3 queued conversations")
            assert server.process is not None
            server.process.send_signal(signal.SIGTERM)
            res = pending.result(timeout=30)
        assert res.status_code == 200, res.text
        scores = [item["score"] for item in res.json()["data"]]
        assert all(math.isfinite(s) for s in scores)
        assert scores == pytest.approx(llama_server.scores(VARIED[:3]), abs=1e-5)
        # uvicorn re-raises the signal once it has shut down gracefully.
        assert server.wait_exit(30) == -signal.SIGTERM
        assert '"msg": "stopped"' in server.log()
        with pytest.raises(httpx.TransportError):
            server.http.get("/health")
    finally:
        server.stop()
