"""How a conversation longer than MAX_LENGTH tokens is cut to fit."""

from __future__ import annotations


def fit_to_length(ids: list[int], prompt_length: int, max_length: int) -> list[int]:
    """Keeps the prompt (everything up to and including the assistant header) and the end of the
    response, dropping the middle of the response.

    A sequence classifier pools the last token, and a math answer's verdict is at the end of the
    response, so the tail must survive; ArmoRM's gating reads the assistant header, so the prompt
    must too. `prompt_length` is 0 when the prompt's tokens are unknown or do not fit, and then
    only the last `max_length` tokens are kept.
    """
    if len(ids) <= max_length:
        return ids
    head = prompt_length if 0 < prompt_length < max_length else 0
    return ids[:head] + ids[len(ids) - (max_length - head) :]
