"""Turns pydantic's validation errors into messages that name the field the way a client wrote it:
`conversations[2][1].role: must be one of system, user, assistant`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def field_path(loc: Sequence[int | str]) -> str:
    """('conversations', 2, 1, 'role') → 'conversations[2][1].role'; () → 'body'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or "body"


def _expected_values(ctx: dict[str, Any]) -> str:
    # pydantic renders a Literal's choices as "'system', 'user' or 'assistant'".
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")


_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda _: "is required",
    "extra_forbidden": lambda _: "is not a known field",
    "literal_error": lambda ctx: f"must be one of {_expected_values(ctx)}",
    "string_type": lambda _: "must be a string",
    "list_type": lambda _: "must be an array",
    "model_type": lambda _: "must be an object",
    "model_attributes_type": lambda _: "must be an object",
    "dict_type": lambda _: "must be an object",
    "too_short": lambda _: "must not be empty",
}


def describe(err: ValidationError) -> list[FieldProblem]:
    problems = []
    for e in err.errors(include_url=False):
        ctx = e.get("ctx") or {}
        render = _MESSAGES.get(e["type"])
        message = render(ctx) if render else str(e["msg"]).removeprefix("Value error, ")
        problems.append(FieldProblem(field_path(e["loc"]), message))
    return problems
