"""Runs a blocking call in a daemon thread and awaits it: a model that is still loading must not
keep the process alive after a failed start or a SIGTERM (asyncio.to_thread's workers would)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def run_in_daemon_thread(fn: Callable[[], T], name: str) -> T:
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]  # result is a T when error is None

    def target() -> None:
        try:
            result, error = fn(), None
        except BaseException as err:  # handed to the awaiting coroutine, never lost
            result, error = None, err
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=target, name=name, daemon=True).start()
    return await done
