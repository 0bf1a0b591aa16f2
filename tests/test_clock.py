"""Both clocks call back at a moment unless the call is cancelled first (``Clock.call_at``)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.clock import FakeClock, SystemClock


async def test_the_fake_clock_calls_back_once_moved_to_the_moment_and_never_when_cancelled() -> None:
    clock = FakeClock()
    calls: list[str] = []
    clock.call_at(clock.now() + timedelta(seconds=10), lambda: calls.append("due"))
    dropped = clock.call_at(clock.now() + timedelta(seconds=5), lambda: calls.append("dropped"))
    assert clock.sleepers == 2
    dropped.cancel()
    clock.advance(9)
    await asyncio.sleep(0)
    assert calls == []
    assert clock.sleepers == 1
    clock.advance(1)
    await asyncio.sleep(0)
    assert calls == ["due"]
    assert clock.sleepers == 0
    assert clock.next_wakeup() is None
    clock.call_at(clock.now(), lambda: calls.append("passed"))  # a moment already there: the next step
    await asyncio.sleep(0)
    assert calls == ["due", "passed"]


async def test_the_system_clock_calls_back_at_the_moment_and_never_when_cancelled() -> None:
    clock = SystemClock()
    fired = asyncio.get_running_loop().create_future()
    calls: list[str] = []
    clock.call_at(clock.now() + timedelta(milliseconds=20), lambda: fired.set_result(None))
    clock.call_at(clock.now() - timedelta(seconds=1), lambda: calls.append("passed"))
    clock.call_at(clock.now() + timedelta(milliseconds=10), lambda: calls.append("dropped")).cancel()
    await fired
    assert calls == ["passed"]
