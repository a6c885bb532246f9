"""The reward server's state and its one operation: score the conversations of a request."""

from __future__ import annotations

import asyncio
import enum
import logging
import math
import time
from collections.abc import Callable
from typing import Any

from .api_error import ApiError, bad_request
from .conversation_encoder import ConversationEncoder, ConversationRejectedError, EncodedConversation
from .daemon_thread import run_in_daemon_thread
from .model_loader import LoadedModel
from .request_schema import ChatMessage, ScoreRequest
from .reward_scorer import RewardScorer, Score
from .scoring_queue import QueueClosedError, QueueFullError, ScoringQueue
from .server_metrics import ServerMetrics
from .settings import Settings

log = logging.getLogger("reward_server")

# Scored once at start so a model whose output cannot be read fails the start, not the first request.
WARM_UP_CONVERSATION = [
    ChatMessage(role="user", content="What is 1 + 1?"),
    ChatMessage(role="assistant", content="1 + 1 = 2."),
]
LOADING_RETRY_AFTER_S = 5


class Status(enum.Enum):
    LOADING = "loading"
    READY = "ready"
    DRAINING = "draining"
    FAILED = "failed"


class ScoringService:
    def __init__(self, settings: Settings, metrics: ServerMetrics, load: Callable[[Settings], LoadedModel]) -> None:
        self._settings = settings
        self._metrics = metrics
        self._load = load
        self.status = Status.LOADING
        self._encoder: ConversationEncoder | None = None
        self._queue: ScoringQueue | None = None

    async def start(self) -> None:
        """Loads and warms up the model, then takes requests. Raises on failure (status FAILED)."""
        started = time.monotonic()
        try:
            loaded = await run_in_daemon_thread(lambda: self._load(self._settings), name="model-loader")
            encoder = ConversationEncoder(loaded.tokenizer, self._settings.MAX_LENGTH)
            scorer = RewardScorer(loaded.model, loaded.device, loaded.pad_token_id)
            warm = encoder.encode(WARM_UP_CONVERSATION)
            await run_in_daemon_thread(lambda: scorer.score([warm.ids, warm.ids]), name="model-warm-up")
        except BaseException:
            self.status = Status.FAILED
            raise
        if not scorer.batches_sequences:
            log.warning("the model config has no pad_token_id: scoring one conversation per forward pass")
        self._encoder = encoder
        self._queue = ScoringQueue(
            scorer.score,
            self._metrics,
            max_batch_size=self._settings.MAX_BATCH_SIZE,
            max_wait_ms=self._settings.MAX_BATCH_WAIT_MS,
            max_queue=self._settings.MAX_QUEUE,
        )
        self._queue.start()
        if self.status is Status.LOADING:  # a SIGTERM during loading keeps it draining
            self.status = Status.READY
            self._metrics.ready.set(1)
        dtype = str(loaded.dtype).removeprefix("torch.")
        self._metrics.model_info.labels(
            self._settings.REWARD_MODEL, self._settings.SERVED_MODEL_NAME, str(loaded.device), dtype
        ).set(1)
        log.info(
            "model ready",
            extra={
                "model": self._settings.REWARD_MODEL,
                "device": str(loaded.device),
                "dtype": dtype,
                "load_seconds": round(time.monotonic() - started, 2),
            },
        )

    def begin_drain(self) -> None:
        """Marks the server as shutting down: /health answers 503 and new requests are refused."""
        if self.status is not Status.FAILED:
            self.status = Status.DRAINING
        self._metrics.ready.set(0)
        if self._queue is not None:
            self._queue.close()

    async def drain(self) -> None:
        """Finishes the conversations already queued."""
        self.begin_drain()
        if self._queue is not None:
            await self._queue.drain()

    async def score(self, request: ScoreRequest) -> dict[str, Any]:
        encoder, queue = self._ready()
        if request.model != self._settings.SERVED_MODEL_NAME:
            raise ApiError(
                404,
                f"model: {request.model!r} is not served here; this server serves {self._settings.SERVED_MODEL_NAME!r}",
                outcome="unknown_model",
                param="model",
            )
        conversations = request.all_conversations()
        if len(conversations) > self._settings.MAX_QUEUE:
            raise bad_request(
                "conversations",
                f"{len(conversations)} conversations in one request; at most {self._settings.MAX_QUEUE} (MAX_QUEUE)",
            )
        encoded = await asyncio.to_thread(self._encode_all, encoder, request, conversations)
        try:
            results = await queue.score([e.ids for e in encoded])
        except QueueFullError as err:
            raise ApiError(503, str(err), outcome="queue_full", retry_after_s=err.retry_after_s) from err
        except QueueClosedError as err:
            raise ApiError(503, str(err), outcome="unavailable", retry_after_s=1) from err
        return self._response(request, encoded, results)

    def _ready(self) -> tuple[ConversationEncoder, ScoringQueue]:
        if self.status is Status.READY and self._encoder is not None and self._queue is not None:
            return self._encoder, self._queue
        if self.status is Status.LOADING:
            raise ApiError(503, "the model is still loading", outcome="unavailable", retry_after_s=LOADING_RETRY_AFTER_S)
        raise ApiError(503, "the server is shutting down", outcome="unavailable", retry_after_s=1)

    @staticmethod
    def _encode_all(
        encoder: ConversationEncoder, request: ScoreRequest, conversations: list[list[ChatMessage]]
    ) -> list[EncodedConversation]:
        encoded = []
        for index, conversation in enumerate(conversations):
            try:
                encoded.append(encoder.encode(conversation))
            except ConversationRejectedError as err:
                raise bad_request(request.field_of(index), str(err)) from err
        return encoded

    def _response(
        self, request: ScoreRequest, encoded: list[EncodedConversation], results: list[Score | BaseException]
    ) -> dict[str, Any]:
        data: list[dict[str, Any]] = []
        for index, (enc, result) in enumerate(zip(encoded, results, strict=True)):
            if isinstance(result, BaseException):
                raise ApiError(
                    500,
                    f"{request.field_of(index)}: scoring failed: {type(result).__name__}: {result}",
                    outcome="error",
                    param=request.field_of(index),
                ) from result
            if not all(math.isfinite(v) for v in [result.score, *(result.rewards or [])]):
                raise ApiError(
                    500,
                    f"{request.field_of(index)}: the model returned a non-finite score ({result.score})",
                    outcome="error",
                    param=request.field_of(index),
                )
            item: dict[str, Any] = {"index": index, "score": result.score, "truncated": enc.truncated}
            if result.rewards is not None:
                item["rewards"] = result.rewards
            data.append(item)
        tokens = sum(len(e.ids) for e in encoded)
        self._metrics.conversations.inc(len(encoded))
        self._metrics.tokens.inc(tokens)
        self._metrics.truncated.inc(sum(1 for e in encoded if e.truncated))
        return {
            "object": "list",
            "model": self._settings.SERVED_MODEL_NAME,
            "data": data,
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens, "completion_tokens": 0},
        }
