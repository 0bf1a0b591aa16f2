"""Bounded shutdown in-process: a signal closes, a stuck task is named and left, a second signal gives up."""

from __future__ import annotations

import asyncio
import logging
import os
import signal

import pytest

from bot.shutdown import run_until_signalled


async def test_without_a_signal_the_run_ends_as_it_would_and_its_error_propagates() -> None:
    async def closing() -> None:
        raise AssertionError("not called without a signal")

    async def ends() -> None:
        await asyncio.sleep(0)

    assert await run_until_signalled(ends(), closing) is True

    async def fails() -> None:
        raise RuntimeError("startup refused")

    with pytest.raises(RuntimeError, match="startup refused"):
        await run_until_signalled(fails(), closing)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_closes_the_bot_and_cancels_what_it_left(sig: signal.Signals) -> None:
    closed = asyncio.Event()

    async def bot() -> None:
        await closed.wait()

    async def close() -> None:
        closed.set()

    async def leftover() -> None:
        await asyncio.Event().wait()  # ends only when cancelled

    stray = asyncio.create_task(leftover(), name="leftover")
    asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), sig)
    assert await run_until_signalled(bot(), close, bound=5) is True
    assert stray.cancelled()


async def test_a_task_ignoring_cancellation_is_named_and_left_after_the_bound(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await release.wait()
            except asyncio.CancelledError:
                continue  # ignores cancellation, like a driver call stuck in a thread

    async def bot() -> None:
        await asyncio.Event().wait()

    async def close() -> None:
        return None

    stuck = asyncio.create_task(stubborn(), name="stuck-write")
    asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), signal.SIGTERM)
    loop = asyncio.get_running_loop()
    started = loop.time()
    with caplog.at_level(logging.INFO, logger="bot.shutdown"):
        assert await run_until_signalled(bot(), close, bound=0.5) is False
    assert loop.time() - started < 3
    assert (
        "shutdown gave up after 0.5 s; still running: stuck-write: stubborn (test_shutdown.py:" in caplog.text
    )
    release.set()
    await stuck


async def test_a_second_signal_gives_up_at_once(caplog: pytest.LogCaptureFixture) -> None:
    async def bot() -> None:
        await asyncio.Event().wait()

    async def close() -> None:
        await asyncio.Event().wait()  # a close that never ends

    loop = asyncio.get_running_loop()
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGTERM)
    loop.call_later(0.3, os.kill, os.getpid(), signal.SIGINT)
    started = loop.time()
    with caplog.at_level(logging.INFO, logger="bot.shutdown"):
        assert await run_until_signalled(bot(), close, bound=60) is False
    assert loop.time() - started < 5
    assert "shutdown gave up after a second signal" in caplog.text
    for task in asyncio.all_tasks() - {asyncio.current_task()}:
        task.cancel()
