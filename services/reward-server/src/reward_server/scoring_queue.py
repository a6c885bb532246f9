"""Coalesces the conversations of concurrent requests into forward passes of up to MAX_BATCH_SIZE.

A single worker takes the oldest waiting conversations, waits at most MAX_BATCH_WAIT_MS for a
batch to fill, and runs the forward pass in a thread so the event loop keeps answering /health and
/metrics. Conversations arriving meanwhile form the next batch. At most MAX_QUEUE conversations
wait; beyond that a request is refused whole (QueueFullError → 503 with Retry-After).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from .reward_scorer import Score
from .server_metrics import ServerMetrics

log = logging.getLogger("reward_server.queue")


class QueueFullError(Exception):
    def __init__(self, waiting: int, max_queue: int, retry_after_s: int) -> None:
        super().__init__(f"{waiting} conversations are waiting (MAX_QUEUE is {max_queue}); retry in {retry_after_s}s")
        self.retry_after_s = retry_after_s


class QueueClosedError(Exception):
    """The server is shutting down and takes no new work."""


@dataclass
class _Job:
    ids: list[int]
    future: asyncio.Future[Score]


ScoreBatch = Callable[[list[list[int]]], list[Score]]


class ScoringQueue:
    def __init__(
        self, score_batch: ScoreBatch, metrics: ServerMetrics, *, max_batch_size: int, max_wait_ms: float, max_queue: int
    ) -> None:
        self._score_batch = score_batch
        self._metrics = metrics
        self._max_batch_size = max_batch_size
        self._max_wait_s = max_wait_ms / 1000
        self._max_queue = max_queue
        self._jobs: deque[_Job] = deque()
        self._arrived = asyncio.Event()
        self._closed = False
        self._batch_seconds_avg = 0.05  # a running average, for Retry-After
        self._worker: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._worker = asyncio.create_task(self._run(), name="scoring-queue")

    async def score(self, sequences: list[list[int]]) -> list[Score | BaseException]:
        """Scores every sequence; results are in input order, a sequence whose forward pass failed
        gets its exception. Raises QueueFullError, QueueClosedError."""
        if self._closed:
            raise QueueClosedError("the server is shutting down")
        if len(self._jobs) + len(sequences) > self._max_queue:
            raise QueueFullError(len(self._jobs), self._max_queue, self._retry_after_s())
        loop = asyncio.get_running_loop()
        jobs = [_Job(ids, loop.create_future()) for ids in sequences]
        self._jobs.extend(jobs)
        self._metrics.queue_depth.set(len(self._jobs))
        self._arrived.set()
        return list(await asyncio.gather(*(job.future for job in jobs), return_exceptions=True))

    def close(self) -> None:
        """Refuses new work; what is waiting is scored at once, without waiting for a full batch."""
        self._closed = True
        self._arrived.set()

    async def drain(self) -> None:
        """Closes the queue, finishes every waiting conversation, then stops the worker."""
        self.close()
        if self._worker is not None:
            await self._worker

    def _retry_after_s(self) -> int:
        batches_ahead = math.ceil(len(self._jobs) / self._max_batch_size)
        return max(1, min(60, math.ceil(batches_ahead * self._batch_seconds_avg)))

    async def _run(self) -> None:
        while True:
            if not self._jobs:
                if self._closed:
                    return
                self._arrived.clear()
                await self._arrived.wait()
                continue
            await self._wait_for_a_full_batch()
            batch = [self._jobs.popleft() for _ in range(min(self._max_batch_size, len(self._jobs)))]
            self._metrics.queue_depth.set(len(self._jobs))
            await self._process(batch)

    async def _wait_for_a_full_batch(self) -> None:
        deadline = time.monotonic() + self._max_wait_s
        while len(self._jobs) < self._max_batch_size and not self._closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except TimeoutError:
                return

    async def _process(self, batch: list[_Job]) -> None:
        started = time.monotonic()
        results = await asyncio.to_thread(self._score_isolating_failures, [job.ids for job in batch])
        elapsed = time.monotonic() - started
        self._batch_seconds_avg = 0.8 * self._batch_seconds_avg + 0.2 * elapsed
        self._metrics.batch_size.observe(len(batch))
        self._metrics.batch_seconds.observe(elapsed)
        for job, result in zip(batch, results, strict=True):
            if job.future.done():  # the caller went away
                continue
            if isinstance(result, Exception):
                job.future.set_exception(result)
            else:
                job.future.set_result(result)

    def _score_isolating_failures(self, sequences: list[list[int]]) -> list[Score | Exception]:
        """Scores the batch; if the pass fails, scores each sequence alone so one bad conversation
        (or an out-of-memory on a long batch) fails only itself."""
        try:
            return list(self._score_batch(sequences))
        except Exception as err:
            if len(sequences) == 1:
                log.warning("scoring failed", extra={"error": f"{type(err).__name__}: {err}"})
                return [err]
            log.warning(
                "batch failed; scoring its conversations one by one",
                extra={"batch_size": len(sequences), "error": f"{type(err).__name__}: {err}"},
            )
        results: list[Score | Exception] = []
        for ids in sequences:
            try:
                results.extend(self._score_batch([ids]))
            except Exception as err:
                results.append(err)
        return results
