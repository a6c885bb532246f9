"""Scores over real HTTP from a one-label Llama classifier and an ArmoRM-shaped `.score` head."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from conversations import VARIED, chat
from reward_server.transformers_compat import restore_removed_names
from server_process import ServerProcess

# Batched and unpadded forward passes run different matmul shapes; float32 agrees to ~1e-6.
TOLERANCE = 1e-5


def model_card_scores(model_dir: Path, conversations: list[list[dict[str, str]]]) -> list[float]:
    """What the model card's own snippet computes, one conversation at a time."""
    restore_removed_names()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir, trust_remote_code=True).eval()
    scores = []
    for conversation in conversations:
        input_ids = tokenizer.apply_chat_template(conversation, return_tensors="pt", return_dict=False)
        with torch.no_grad():
            output = model(input_ids)
        scores.append(float(output.score[0]) if getattr(output, "score", None) is not None else float(output.logits[0, 0]))
    return scores


@pytest.fixture(params=["llama", "gated"])
def server_and_model(request: pytest.FixtureRequest, models: dict[str, Path]) -> tuple[ServerProcess, Path]:
    server = request.getfixturevalue(f"{request.param}_server")
    return server, models[request.param]


def test_scores_are_the_model_cards_scores_in_input_order(server_and_model: tuple[ServerProcess, Path]) -> None:
    server, model_dir = server_and_model
    res = server.score(VARIED)
    assert res.status_code == 200, res.text
    body = res.json()
    assert [item["index"] for item in body["data"]] == list(range(len(VARIED)))
    scores = [item["score"] for item in body["data"]]
    assert all(math.isfinite(s) for s in scores)
    assert len(set(scores)) == len(scores), "different conversations should score differently"
    assert scores == pytest.approx(model_card_scores(model_dir, VARIED), abs=TOLERANCE)
    assert body["model"] == "rm"
    assert body["usage"]["prompt_tokens"] > 0
    assert all(item["truncated"] is False for item in body["data"])


def test_scores_are_deterministic(server_and_model: tuple[ServerProcess, Path]) -> None:
    server, _ = server_and_model
    assert server.scores(VARIED) == server.scores(VARIED)


def test_a_conversation_scores_the_same_batched_as_alone(server_and_model: tuple[ServerProcess, Path]) -> None:
    server, _ = server_and_model
    batched = server.scores(VARIED)  # MAX_BATCH_SIZE 4: batches of 4 and 3, padded on the right
    alone = [server.scores([conversation])[0] for conversation in VARIED]
    assert batched == pytest.approx(alone, abs=TOLERANCE)
    reversed_batch = server.scores(list(reversed(VARIED)))
    assert list(reversed(reversed_batch)) == pytest.approx(alone, abs=TOLERANCE)


def test_concurrent_callers_each_get_their_own_scores(server_and_model: tuple[ServerProcess, Path]) -> None:
    server, _ = server_and_model
    alone = [server.scores([conversation])[0] for conversation in VARIED]
    with ThreadPoolExecutor(max_workers=len(VARIED)) as pool:
        together = list(pool.map(lambda c: server.scores([c])[0], VARIED * 3))
    assert together == pytest.approx(alone * 3, abs=TOLERANCE)


def test_the_gated_head_reports_its_objective_rewards(gated_server: ServerProcess) -> None:
    data = gated_server.score(VARIED[:2]).json()["data"]
    assert all(len(item["rewards"]) == 5 and all(math.isfinite(r) for r in item["rewards"]) for item in data)


def test_a_plain_head_reports_no_objective_rewards(llama_server: ServerProcess) -> None:
    assert all("rewards" not in item for item in llama_server.score(VARIED[:2]).json()["data"])


def test_the_single_conversation_form(llama_server: ServerProcess) -> None:
    conversation = VARIED[1]
    res = llama_server.http.post("/v1/armorm/score", json={"model": "rm", "messages": conversation})
    assert res.status_code == 200, res.text
    assert [item["score"] for item in res.json()["data"]] == llama_server.scores([conversation])


def test_a_model_without_a_pad_token_scores_one_at_a_time(models: dict[str, Path], work_dir: Path) -> None:
    server = ServerProcess(models["no_pad"], work_dir, SERVED_MODEL_NAME="rm", MAX_BATCH_SIZE="4").start()
    try:
        batched = server.scores(VARIED)
        assert batched == pytest.approx([server.scores([c])[0] for c in VARIED], abs=TOLERANCE)
        assert "no pad_token_id" in server.log()
    finally:
        server.stop()


def test_conversations_longer_than_max_length_keep_the_prompt_and_the_end(llama_server: ServerProcess) -> None:
    # MAX_LENGTH is 96 tokens: the middle of a long response is dropped, its end and the prompt stay.
    middle = " and then we add the next term" * 20

    def long(instruction: str, head: str, tail: str) -> list[dict[str, str]]:
        return chat(instruction, f"{head}{middle}{tail}")

    base = long("Sum 1 to 10.", "We add 1 and 2", " so the total is 55.")
    res = llama_server.score([base, VARIED[0]])
    assert [item["truncated"] for item in res.json()["data"]] == [True, False]
    assert llama_server.score([base]).json()["usage"]["prompt_tokens"] == 96
    [score_base, other_instruction, other_start, other_end] = llama_server.scores(
        [
            base,
            long("Sum 1 to 20.", "We add 1 and 2", " so the total is 55."),
            long("Sum 1 to 10.", "First we add 1 and 2", " so the total is 55."),
            long("Sum 1 to 10.", "We add 1 and 2", " so the total is 56."),
        ]
    )
    assert other_instruction != pytest.approx(score_base, abs=TOLERANCE), "the instruction must be kept"
    assert other_end != pytest.approx(score_base, abs=TOLERANCE), "the end of the response must be kept"
    assert other_start == pytest.approx(score_base, abs=TOLERANCE), "the dropped middle starts the response"
    assert llama_server.metric("reward_server_conversations_truncated_total") >= 4
