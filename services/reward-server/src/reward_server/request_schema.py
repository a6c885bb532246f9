"""The body of POST /v1/armorm/score, validated with pydantic."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

ROLES = ("system", "user", "assistant")


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


def _ends_with_the_response(conversation: list[ChatMessage]) -> list[ChatMessage]:
    # A reward model scores the last assistant turn; without one there is nothing to score
    # (and ArmoRM's gating looks for the assistant header).
    if conversation[-1].role != "assistant":
        raise ValueError("the last message must be the assistant's response to score")
    return conversation


Conversation = Annotated[list[ChatMessage], Field(min_length=1), AfterValidator(_ends_with_the_response)]


class ScoreRequest(BaseModel):
    """`{"model", "conversations": [[message, …], …]}`, or one conversation as `messages`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: Annotated[str, Field(strict=True)]
    conversations: Annotated[list[Conversation], Field(min_length=1)] | None = None
    messages: Conversation | None = None

    @model_validator(mode="after")
    def _exactly_one_form(self) -> ScoreRequest:
        if (self.conversations is None) == (self.messages is None):
            raise ValueError("send exactly one of messages or conversations")
        return self

    def all_conversations(self) -> list[list[ChatMessage]]:
        if self.conversations is not None:
            return self.conversations
        assert self.messages is not None  # guaranteed by _exactly_one_form
        return [self.messages]

    def field_of(self, index: int) -> str:
        """The request field that holds conversation `index`, for error messages."""
        return f"conversations[{index}]" if self.conversations is not None else "messages"
