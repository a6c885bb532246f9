"""Entry point (`python -m reward_server`): configuration → logging → service → HTTP server →
SIGTERM → drain. A failed start is logged and exits non-zero."""

from __future__ import annotations

import asyncio
import logging
import math
import sys

import uvicorn
from prometheus_client import CollectorRegistry

from .app import create_app
from .http_server import DrainingServer
from .json_logging import JsonFormatter, configure_logging
from .model_loader import ModelLoadError, load_model
from .reward_scorer import UnsupportedModelError
from .scoring_service import ScoringService, Status
from .server_metrics import ServerMetrics
from .settings import ConfigError, Settings, load_settings

log = logging.getLogger("reward_server")


async def serve(settings: Settings) -> int:
    metrics = ServerMetrics(CollectorRegistry(), settings.MAX_BATCH_SIZE)
    service = ScoringService(settings, metrics, load_model)
    grace_s = settings.SHUTDOWN_GRACE_MS / 1000
    config = uvicorn.Config(
        create_app(service, metrics, shutdown_grace_s=grace_s),
        host=settings.HOST,
        port=settings.PORT,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=math.ceil(grace_s),
    )
    server = DrainingServer(config, service)

    async def start_service() -> None:
        try:
            await service.start()
        except Exception as err:
            # Our own errors say what to fix; anything else gets its traceback.
            log.error(
                "start failed", extra={"error": str(err)}, exc_info=not isinstance(err, ModelLoadError | UnsupportedModelError)
            )
            server.should_exit = True

    # The listener comes up first, answering /health 503 while the model loads (startupProbe).
    # After a SIGTERM uvicorn drains (the app's lifespan finishes the queue) and then re-raises the
    # signal, so the process ends with the signal's status, as any uvicorn server does.
    loader = asyncio.create_task(start_service())
    await server.serve()
    loader.cancel()
    return 1 if service.status is Status.FAILED else 0


def main() -> int:
    try:
        settings = load_settings()
    except ConfigError as err:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        log.addHandler(handler)
        log.error("start failed", extra={"error": str(err)})
        return 1
    configure_logging(settings.LOG_LEVEL)
    log.info(
        "starting",
        extra={
            "model": settings.REWARD_MODEL,
            "served_model_name": settings.SERVED_MODEL_NAME,
            "port": settings.PORT,
            "max_batch_size": settings.MAX_BATCH_SIZE,
            "max_queue": settings.MAX_QUEUE,
            "max_length": settings.MAX_LENGTH,
        },
    )
    return asyncio.run(serve(settings))


if __name__ == "__main__":
    sys.exit(main())
