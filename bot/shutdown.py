"""Bounded shutdown: on SIGTERM or SIGINT, close within a time limit, or log what is stuck and give up.

Service managers stop a process with SIGTERM and kill it some seconds later (systemd after 90 s, Docker
after 10 s). ``run_until_signalled`` runs the bot until it ends or such a signal comes, then closes it;
whatever is still running after ``SHUTDOWN_TIMEOUT`` seconds is logged (task names and where each waits)
and left behind, so the caller can exit at once instead of hanging.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Seconds from the signal until the process gives up on what is still running (under Docker's 10 s).
SHUTDOWN_TIMEOUT = 8.0
SIGNALS = (signal.SIGTERM, signal.SIGINT)


def where(task: asyncio.Task[Any], depth: int = 3) -> str:
    """Where a task is suspended: its innermost ``depth`` coroutine frames, outermost first, as
    ``function (file:line) > ...``."""
    awaitable: Any = task.get_coro()
    places: list[str] = []
    while awaitable is not None:
        frame = getattr(awaitable, "cr_frame", None) or getattr(awaitable, "gi_frame", None)
        if frame is not None:
            places.append(f"{frame.f_code.co_name} ({Path(frame.f_code.co_filename).name}:{frame.f_lineno})")
        awaitable = getattr(awaitable, "cr_await", None) or getattr(awaitable, "gi_yieldfrom", None)
    return " > ".join(places[-depth:]) or repr(task.get_coro())


def describe_tasks(tasks: Iterator[asyncio.Task[Any]] | set[asyncio.Task[Any]]) -> list[str]:
    """``name: where`` for each unfinished task, sorted."""
    return sorted(f"{t.get_name()}: {where(t)}" for t in tasks if not t.done())


async def run_until_signalled(
    main: Coroutine[Any, Any, None],
    close: Callable[[], Awaitable[None]],
    *,
    bound: float = SHUTDOWN_TIMEOUT,
    signals: tuple[signal.Signals, ...] = SIGNALS,
) -> bool:
    """Run ``main`` until it returns or one of ``signals`` arrives, then ``close()`` within ``bound`` s.

    Returns True when everything ended in time (main's own exceptions propagate, as without a signal),
    False when tasks were still running after ``bound`` seconds (they are logged with where they wait).
    A second signal during the shutdown gives up at once.
    """
    loop = asyncio.get_running_loop()
    signalled = asyncio.Event()
    again = asyncio.Event()
    received: list[str] = []

    def on_signal(sig: signal.Signals) -> None:
        received.append(sig.name)
        (again if signalled.is_set() else signalled).set()

    for sig in signals:
        loop.add_signal_handler(sig, on_signal, sig)
    runner = asyncio.create_task(main, name="bot")
    waiter = asyncio.create_task(signalled.wait(), name="signal-wait")
    try:
        await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not signalled.is_set():
            waiter.cancel()
            runner.result()  # main ended by itself: its exception, if any, is the caller's
            return True
        log.info("%s received: shutting down (at most %g s)", received[0], bound)
        return await _close_within(runner, close, bound, again)
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)


async def _close_within(
    runner: asyncio.Task[None], close: Callable[[], Awaitable[None]], bound: float, again: asyncio.Event
) -> bool:
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + bound
    closing = asyncio.ensure_future(close())
    give_up = asyncio.create_task(again.wait(), name="second-signal")
    current = asyncio.current_task()
    first = asyncio.FIRST_COMPLETED
    try:
        # the bot closes and its run ends (three quarters of the time at most) ...
        close_by = started + bound * 0.75
        await asyncio.wait({closing, give_up}, timeout=max(0.0, close_by - loop.time()), return_when=first)
        if closing.done() and not give_up.done():
            await asyncio.wait({runner, give_up}, timeout=max(0.0, close_by - loop.time()), return_when=first)
        log.debug("bot closed: %s; run ended: %s", closing.done(), runner.done())
        # ... then what is left gets cancelled, each task once: a second cancellation would interrupt
        # its clean-up (a driver's cancel request to the database, a connection's close)
        cancelled: set[asyncio.Task[Any]] = set()
        while not give_up.done() and loop.time() < deadline:
            left = {t for t in asyncio.all_tasks() if t is not current and t is not give_up and not t.done()}
            if not left:
                break
            for task in left - cancelled:
                log.debug("cancelling %s: %s", task.get_name(), where(task))
                task.cancel()
            cancelled |= left
            await asyncio.wait(left | {give_up}, timeout=max(0.0, deadline - loop.time()), return_when=first)
        left = {t for t in asyncio.all_tasks() if t is not current and t is not give_up and not t.done()}
    finally:
        give_up.cancel()
    for finished in (closing, runner):
        if finished.done() and not finished.cancelled() and finished.exception() is not None:
            log.error("error while shutting down", exc_info=finished.exception())
    if left:
        why = "a second signal" if again.is_set() else f"{bound:g} s"
        log.warning("shutdown gave up after %s; still running: %s", why, "; ".join(describe_tasks(left)))
        return False
    log.info("shut down cleanly")
    return True
