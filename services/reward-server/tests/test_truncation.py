"""fit_to_length: what survives when a conversation is longer than MAX_LENGTH."""

from __future__ import annotations

from reward_server.truncation import fit_to_length

IDS = list(range(20))  # tokens 0-4 are the prompt (up to the assistant header), 5-19 the response


def test_a_conversation_that_fits_is_unchanged() -> None:
    assert fit_to_length(IDS, 5, 20) == IDS


def test_the_prompt_and_the_end_of_the_response_are_kept() -> None:
    assert fit_to_length(IDS, 5, 10) == [0, 1, 2, 3, 4, 15, 16, 17, 18, 19]


def test_without_a_known_prompt_the_last_tokens_are_kept() -> None:
    assert fit_to_length(IDS, 0, 6) == [14, 15, 16, 17, 18, 19]


def test_a_prompt_that_does_not_fit_is_not_kept_whole() -> None:
    assert fit_to_length(IDS, 12, 8) == IDS[-8:]
