"""Turns a conversation into the token ids the reward model reads, as the model card does:
`tokenizer.apply_chat_template(conversation)`, cut to MAX_LENGTH tokens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .request_schema import ChatMessage
from .truncation import fit_to_length


class ConversationRejectedError(Exception):
    """The model's chat template refused the conversation (e.g. roles that do not alternate)."""


@dataclass(frozen=True)
class EncodedConversation:
    ids: list[int]
    truncated: bool


class ConversationEncoder:
    def __init__(self, tokenizer: Any, max_length: int) -> None:
        self._tokenizer = tokenizer
        self._max_length = max_length

    def encode(self, conversation: list[ChatMessage]) -> EncodedConversation:
        messages = [{"role": m.role, "content": m.content} for m in conversation]
        ids = self._ids(messages, add_generation_prompt=False)
        if len(ids) <= self._max_length:
            return EncodedConversation(ids, truncated=False)
        prompt = self._ids(messages[:-1], add_generation_prompt=True)
        # Only a prompt whose tokens begin the whole conversation's tokens can be kept as a head.
        prompt_length = len(prompt) if prompt and ids[: len(prompt)] == prompt else 0
        return EncodedConversation(fit_to_length(ids, prompt_length, self._max_length), truncated=True)

    def _ids(self, messages: list[dict[str, str]], *, add_generation_prompt: bool) -> list[int]:
        if not messages:
            return []
        try:
            ids = self._tokenizer.apply_chat_template(
                messages, tokenize=True, add_generation_prompt=add_generation_prompt, return_dict=False
            )
        except Exception as err:  # jinja2's TemplateError, or the template's own raise_exception()
            raise ConversationRejectedError(f"the model's chat template rejected it: {err}") from err
        return [int(i) for i in ids]
