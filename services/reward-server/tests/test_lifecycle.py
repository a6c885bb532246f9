"""Start, readiness, metrics and failed starts of the real server process."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
import torch

from conversations import VARIED
from server_process import ServerProcess, run_to_exit, wait_for


def test_health_is_503_while_the_model_loads_and_200_once_it_answers(models: dict[str, Path], work_dir: Path) -> None:
    hold = work_dir / "release-loading"
    server = ServerProcess(models["gated"], work_dir, SERVED_MODEL_NAME="rm", TINY_GATED_HOLD_FILE=str(hold))
    try:
        server.start(wait_ready=False)
        first = server.wait_listening()
        assert (first.status_code, first.json()) == (503, {"status": "loading"})
        refused = server.score(VARIED[:1])
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "5"
        assert refused.json()["error"]["message"] == "the model is still loading"
        assert server.metric("reward_server_ready") == 0
        assert server.metric("reward_server_requests_total", outcome="unavailable") == 1

        hold.touch()
        wait_for(lambda: server.http.get("/health").status_code == 200, 120, "the model to load")
        assert server.http.get("/health").json() == {"status": "ready"}
        assert server.metric("reward_server_ready") == 1
        assert server.metric("reward_server_model_info", served_model_name="rm", device="cpu", dtype="float32") == 1
        assert len(server.scores(VARIED[:2])) == 2
    finally:
        server.stop()


def test_sigterm_while_loading_exits_promptly(models: dict[str, Path], work_dir: Path) -> None:
    server = ServerProcess(models["gated"], work_dir, TINY_GATED_HOLD_FILE=str(work_dir / "never-released"))
    try:
        server.start(wait_ready=False)
        assert server.wait_listening().status_code == 503
        assert server.process is not None
        server.process.send_signal(signal.SIGTERM)
        assert server.wait_exit(20) == -signal.SIGTERM
    finally:
        server.stop()


def test_metrics_count_requests_batches_conversations_and_latency(llama_server: ServerProcess) -> None:
    before = llama_server.metric("reward_server_conversations_scored_total")
    ok_before = llama_server.metric("reward_server_requests_total", outcome="ok")
    llama_server.scores(VARIED)
    assert llama_server.metric("reward_server_conversations_scored_total") == before + len(VARIED)
    assert llama_server.metric("reward_server_requests_total", outcome="ok") == ok_before + 1
    assert llama_server.metric("reward_server_batch_size_count") >= 2  # 7 conversations, batches of at most 4
    assert llama_server.metric("reward_server_batch_size_bucket", le="4.0") == llama_server.metric(
        "reward_server_batch_size_count"
    )
    assert llama_server.metric("reward_server_request_duration_seconds_count") >= 1
    assert llama_server.metric("reward_server_tokens_scored_total") > 0
    assert llama_server.metric("reward_server_queue_depth") == 0
    assert llama_server.metric("reward_server_requests_in_flight") == 0
    assert llama_server.http.get("/metrics").headers["content-type"].startswith("text/plain")


def test_every_log_line_is_json(llama_server: ServerProcess) -> None:
    lines = [json.loads(line) for line in llama_server.log().splitlines() if line.strip()]
    assert {"starting", "model ready"} <= {line["msg"] for line in lines}
    assert all({"time", "level", "logger", "msg"} <= line.keys() for line in lines)


@pytest.mark.parametrize(
    ("env", "model", "expected"),
    [
        ({"REWARD_MODEL": ""}, None, "REWARD_MODEL: String should have at least 1 character"),
        ({"MAX_BATCH_SIZE": "0"}, "llama", "MAX_BATCH_SIZE: Input should be greater than or equal to 1"),
        ({"DTYPE": "fp8"}, "llama", "DTYPE: Input should be 'auto', 'bfloat16' or 'float32'"),
        ({}, "missing", "REWARD_MODEL: cannot load"),
        ({}, "three_labels", "classifier head has 3 labels; a reward model has one (num_labels=1)"),
    ],
)
def test_a_failed_start_is_logged_and_exits_non_zero(
    models: dict[str, Path], work_dir: Path, env: dict[str, str], model: str | None, expected: str
) -> None:
    model_dir = models.get(model or "", work_dir / "no-such-model")
    code, log = run_to_exit(model_dir, work_dir, **env)
    assert code == 1, log
    failure = next(json.loads(line) for line in log.splitlines() if '"start failed"' in line)
    assert failure["level"] == "error"
    assert expected in failure["error"]


def test_a_missing_reward_model_variable_is_named(models: dict[str, Path], work_dir: Path) -> None:
    server = ServerProcess(models["llama"], work_dir)
    del server.env["REWARD_MODEL"]
    server.start(wait_ready=False)
    assert server.wait_exit() == 1
    assert "REWARD_MODEL: is required" in server.log()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a CUDA device")
def test_asking_for_cuda_without_a_gpu_fails_the_start(models: dict[str, Path], work_dir: Path) -> None:
    code, log = run_to_exit(models["llama"], work_dir, DEVICE="cuda")
    assert code == 1
    assert "DEVICE: cuda was asked for, but torch sees no CUDA device" in log
