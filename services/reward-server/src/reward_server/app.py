"""The HTTP surface: POST /v1/armorm/score, GET /health, GET /metrics — and nothing else."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .api_error import ApiError, bad_request
from .request_schema import ScoreRequest
from .scoring_service import ScoringService, Status
from .server_metrics import ServerMetrics
from .validation_errors import describe

log = logging.getLogger("reward_server.http")

# A body larger than this is refused before it is read whole (413): MAX_QUEUE long conversations
# fit well within it.
MAX_BODY_BYTES = 64 * 1024 * 1024


def create_app(service: ScoringService, metrics: ServerMetrics, *, shutdown_grace_s: float) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        # uvicorn has stopped accepting connections and waited for in-flight requests; finish
        # whatever is still queued before the process exits.
        try:
            await asyncio.wait_for(service.drain(), shutdown_grace_s)
        except TimeoutError:
            log.error("conversations were still queued when the shutdown grace period ended", extra={"grace_s": shutdown_grace_s})
        log.info("stopped")

    app = FastAPI(title="Magpie reward server", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, err: ApiError) -> JSONResponse:
        return JSONResponse(err.body(), status_code=err.status, headers=err.headers())

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, err: StarletteHTTPException) -> JSONResponse:
        api = ApiError(err.status_code, str(err.detail), outcome="bad_request")
        return JSONResponse(api.body(), status_code=err.status_code, headers=dict(err.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, err: RequestValidationError) -> JSONResponse:
        api = bad_request("body", "; ".join(str(e.get("msg")) for e in err.errors()))
        return JSONResponse(api.body(), status_code=400)

    @app.post("/v1/armorm/score")
    async def score(request: Request) -> JSONResponse:
        started = time.monotonic()
        metrics.in_flight.inc()
        try:
            body = await service.score(await _parse(request))
            metrics.requests.labels("ok").inc()
            return JSONResponse(body)
        except ApiError as err:
            metrics.requests.labels(err.outcome).inc()
            if err.status >= 500 and err.outcome == "error":
                log.error("score request failed", extra={"error": err.message})
            raise
        except Exception:
            metrics.requests.labels("error").inc()
            raise
        finally:
            metrics.in_flight.dec()
            metrics.request_seconds.observe(time.monotonic() - started)

    @app.get("/health")
    async def health() -> JSONResponse:
        status = service.status
        return JSONResponse({"status": status.value}, status_code=200 if status is Status.READY else 503)

    @app.get("/metrics")
    async def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app


async def _parse(request: Request) -> ScoreRequest:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise ApiError(413, f"body: {length} bytes; at most {MAX_BODY_BYTES}", outcome="bad_request", param="body")
    chunks, size = [], 0
    async for chunk in request.stream():  # a chunked body has no content-length to check up front
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise ApiError(413, f"body: more than {MAX_BODY_BYTES} bytes", outcome="bad_request", param="body")
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        payload = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise bad_request("body", f"is not valid JSON ({err})") from err
    try:
        return ScoreRequest.model_validate(payload)
    except ValidationError as err:
        problems = describe(err)
        first, rest = problems[0], problems[1:]
        raise bad_request(first.field, first.message, more=[str(p) for p in rest]) from err
