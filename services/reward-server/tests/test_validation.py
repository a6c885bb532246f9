"""Bad requests get HTTP 400 (never FastAPI's 422) in vLLM's error shape, naming the field."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from conversations import chat
from server_process import ServerProcess

GOOD = chat("What is 2 + 2?", "4")

BAD_BODIES: list[tuple[Any, str, str]] = [
    ({"model": "rm"}, "body", "body: send exactly one of messages or conversations"),
    ({"conversations": [GOOD]}, "model", "model: is required"),
    ({"model": 7, "conversations": [GOOD]}, "model", "model: must be a string"),
    ({"model": "rm", "conversations": []}, "conversations", "conversations: must not be empty"),
    ({"model": "rm", "conversations": [GOOD, []]}, "conversations[1]", "conversations[1]: must not be empty"),
    ({"model": "rm", "conversations": GOOD}, "conversations[0]", "conversations[0]: must be an array"),
    (
        {"model": "rm", "conversations": [GOOD, GOOD, [{"role": "user", "content": "q"}, {"role": "bot", "content": "a"}]]},
        "conversations[2][1].role",
        "conversations[2][1].role: must be one of system, user, assistant",
    ),
    (
        {"model": "rm", "conversations": [[{"role": "user", "content": 5}, GOOD[1]]]},
        "conversations[0][0].content",
        "conversations[0][0].content: must be a string",
    ),
    (
        {"model": "rm", "conversations": [[{"role": "user"}, GOOD[1]]]},
        "conversations[0][0].content",
        "conversations[0][0].content: is required",
    ),
    (
        {"model": "rm", "conversations": [[GOOD[0]]]},
        "conversations[0]",
        "conversations[0]: the last message must be the assistant's response to score",
    ),
    ({"model": "rm", "conversation": [GOOD]}, "conversation", "conversation: is not a known field"),
    (
        {"model": "rm", "conversations": [[{**GOOD[0], "name": "x"}, GOOD[1]]]},
        "conversations[0][0].name",
        "conversations[0][0].name: is not a known field",
    ),
    ({"model": "rm", "messages": GOOD, "conversations": [GOOD]}, "body", "body: send exactly one of messages or conversations"),
    ({"model": "rm", "messages": [GOOD[0]]}, "messages", "messages: the last message must be the assistant's response"),
    ([GOOD], "body", "body: must be an object"),
]


@pytest.mark.parametrize(("body", "param", "message"), BAD_BODIES)
def test_a_bad_body_is_a_400_naming_the_field(llama_server: ServerProcess, body: Any, param: str, message: str) -> None:
    res = llama_server.http.post("/v1/armorm/score", json=body)
    assert res.status_code == 400, res.text
    error = res.json()["error"]
    assert error["message"].startswith(message)
    assert error["param"] == param
    assert error["type"] == "BadRequestError"
    assert error["code"] == 400


def test_every_problem_is_listed(llama_server: ServerProcess) -> None:
    body = {"model": "rm", "conversations": [[{"role": "bot", "content": "a"}], [{"role": "user", "content": 1}]]}
    message = llama_server.http.post("/v1/armorm/score", json=body).json()["error"]["message"]
    assert "conversations[0][0].role: must be one of" in message
    assert "conversations[1][0].content: must be a string" in message


def test_a_body_that_is_not_json_is_a_400(llama_server: ServerProcess) -> None:
    res = llama_server.http.post("/v1/armorm/score", content=b"{not json", headers={"content-type": "application/json"})
    assert res.status_code == 400
    assert res.json()["error"]["message"].startswith("body: is not valid JSON")


def test_a_conversation_the_chat_template_refuses_is_a_400_naming_it(llama_server: ServerProcess) -> None:
    late_system = [{"role": "user", "content": "q"}, {"role": "system", "content": "s"}, {"role": "assistant", "content": "a"}]
    res = llama_server.score([chat("q", "a"), late_system])
    assert res.status_code == 400
    error = res.json()["error"]
    assert error["param"] == "conversations[1]"
    assert "chat template rejected it: a system message must come first" in error["message"]


def test_an_unknown_model_is_a_404_naming_model(llama_server: ServerProcess) -> None:
    res = llama_server.score([chat("q", "a")], model="RLHFlow/ArmoRM-Llama3-8B-v0.1")
    assert res.status_code == 404
    error = res.json()["error"]
    assert error["param"] == "model"
    assert error["message"] == "model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1' is not served here; this server serves 'rm'"


def test_only_the_three_endpoints_exist(llama_server: ServerProcess) -> None:
    for path in ("/docs", "/openapi.json", "/classify", "/v1/models"):
        res = llama_server.http.get(path)
        assert res.status_code == 404, path
        assert res.json()["error"]["code"] == 404
    res = llama_server.http.get("/v1/armorm/score")
    assert res.status_code == 405
    assert res.json()["error"]["type"] == "MethodNotAllowedError"


def test_an_oversized_body_is_refused_before_it_is_read(llama_server: ServerProcess) -> None:
    with socket.create_connection(("127.0.0.1", llama_server.port), timeout=30) as sock:
        sock.sendall(
            b"POST /v1/armorm/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000000\r\n\r\n{"
        )
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body)["error"]["param"] == "body"


def test_rejections_are_counted_by_outcome(llama_server: ServerProcess) -> None:
    before = llama_server.metric("reward_server_requests_total", outcome="bad_request")
    llama_server.http.post("/v1/armorm/score", json={"model": "rm"})
    assert llama_server.metric("reward_server_requests_total", outcome="bad_request") == before + 1
    before_unknown = llama_server.metric("reward_server_requests_total", outcome="unknown_model")
    llama_server.score([chat("q", "a")], model="other")
    assert llama_server.metric("reward_server_requests_total", outcome="unknown_model") == before_unknown + 1
