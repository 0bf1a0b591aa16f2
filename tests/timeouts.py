"""pytest plugin: a test that runs over its timeout (pytest-timeout) fails, naming what it was stuck on.

pytest-timeout's own signal handler prints the stacks of the *other* threads. A hung asyncio test is
usually stuck in an event loop (the test's, or pytest-asyncio closing it) on a task awaiting something
that never comes, and a thread stack shows only ``select()``. So on a timeout this prints, before the test
fails:

* every asyncio task of the running loop: its name, and the chain of coroutines it is suspended in, each
  with file and line, down to the future it waits for;
* every thread's stack, the main thread included.

Registered by ``tests/conftest.py``; the timeout itself is ``timeout`` in ``pyproject.toml``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from types import FrameType
from typing import Any, Protocol

import pytest


class TextOut(Protocol):
    """Where a dump goes: a text file, or pytest's terminal writer."""

    def write(self, text: str, /) -> Any:
        """Write ``text``."""

    def flush(self) -> Any:
        """Flush."""


def _frame_of(awaitable: Any) -> FrameType | None:
    for attribute in ("cr_frame", "gi_frame", "ag_frame"):
        frame = getattr(awaitable, attribute, None)
        if frame is not None:
            return frame  # type: ignore[no-any-return]
    return None


def _awaited_by(awaitable: Any) -> Any:
    for attribute in ("cr_await", "gi_yieldfrom", "ag_await"):
        inner = getattr(awaitable, attribute, None)
        if inner is not None:
            return inner
    return None


def await_chain(task: asyncio.Task[Any]) -> Iterator[str]:
    """Where ``task`` is suspended: one line per coroutine, outermost first, then what it waits for."""
    awaitable: Any = task.get_coro()
    while awaitable is not None:
        frame = _frame_of(awaitable)
        if frame is not None:
            code = frame.f_code
            yield f'  File "{code.co_filename}", line {frame.f_lineno}, in {code.co_name}'
        inner = _awaited_by(awaitable)
        if inner is None or isinstance(inner, asyncio.Future):
            waiter = inner if inner is not None else getattr(task, "_fut_waiter", None)
            if waiter is not None:
                yield f"  waiting for {waiter!r}"
            return
        awaitable = inner


def dump_tasks(out: TextOut, loop: asyncio.AbstractEventLoop | None) -> None:
    """Every unfinished task of ``loop`` with its await chain."""
    if loop is None:
        out.write("no asyncio event loop is running in the main thread\n")
        return
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    out.write(f"{len(tasks)} asyncio task(s) pending in {loop!r}:\n")
    for task in sorted(tasks, key=lambda t: t.get_name()):
        out.write(f"--- task {task.get_name()!r}: {task.get_coro()!r}\n")
        for line in await_chain(task):
            out.write(line + "\n")


def dump_threads(out: TextOut, main_frame: FrameType | None = None) -> None:
    """Every thread's stack; ``main_frame`` stands for the main thread's (a signal handler's frame)."""
    names = {t.ident: t for t in threading.enumerate()}
    main = threading.main_thread().ident
    for ident, frame in sys._current_frames().items():
        thread = names.get(ident)
        described = f"{thread.name} (daemon)" if thread is not None and thread.daemon else None
        described = described or (thread.name if thread is not None else f"<unknown {ident}>")
        out.write(f"--- thread {described}:\n")
        if ident == main and main_frame is not None:
            frame = main_frame
        out.write("".join(traceback.format_stack(frame)))


def dump_everything(out: TextOut, main_frame: FrameType | None = None) -> None:
    """Tasks of the main thread's running loop, then every thread's stack."""
    out.write("\n" + "=" * 30 + " hung: asyncio tasks " + "=" * 30 + "\n")
    dump_tasks(out, asyncio._get_running_loop())
    out.write("=" * 30 + " hung: threads " + "=" * 30 + "\n")
    dump_threads(out, main_frame)
    out.flush()


def _arm(item: pytest.Item, timeout: float) -> None:
    """SIGALRM in ``timeout`` s: dump, then fail the test."""

    def on_timeout(_signum: int, frame: FrameType | None) -> None:
        __tracebackhide__ = True
        # straight to the terminal, with capturing off: the log has it even if the process dies next
        capture = item.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
            dump_everything(sys.stderr, frame)
        pytest.fail(f"Timeout: over {timeout} s (tasks and threads dumped above)", pytrace=False)

    signal.signal(signal.SIGALRM, on_timeout)
    signal.setitimer(signal.ITIMER_REAL, timeout)


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> bool | None:
    """With the signal method, time the test ourselves so the dump comes before the failure."""
    if settings.method != "signal" or threading.current_thread() is not threading.main_thread():
        return None  # pytest-timeout's thread method: its own dump, then it ends the process
    item.stash[_TIMEOUT] = float(settings.timeout)
    _arm(item, float(settings.timeout))
    item.cancel_timeout = _disarm  # type: ignore[attr-defined]  # pytest-timeout's cancel hook calls it
    return True


_TIMEOUT = pytest.StashKey[float]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Any:
    """Time the teardown too when a failure stopped the timer (pytest-timeout stops it for post-mortem
    debugging whenever a test fails), so a fixture that hangs after a failure (an event loop closing
    on a task that never ends) still times out, naming the task."""
    timeout = item.stash.get(_TIMEOUT, None)
    armed_here = timeout is not None and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    if armed_here:
        _arm(item, timeout)  # type: ignore[arg-type]
    try:
        return (yield)
    finally:
        if armed_here:
            _disarm()
