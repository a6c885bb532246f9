"""uvicorn, told when a shutdown begins so /health turns 503 before the listener closes."""

from __future__ import annotations

from types import FrameType

import uvicorn

from .scoring_service import ScoringService


class DrainingServer(uvicorn.Server):
    """On SIGTERM/SIGINT uvicorn stops accepting connections and waits up to its graceful timeout
    for in-flight requests, which the scoring queue keeps serving; only then does the app's
    lifespan shutdown drain what is left."""

    def __init__(self, config: uvicorn.Config, service: ScoringService) -> None:
        super().__init__(config)
        self._service = service

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._service.begin_drain()
        super().handle_exit(sig, frame)
