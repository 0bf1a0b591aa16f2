"""Clocks: the real one and a settable one for tests; time-dependent code takes a ``Clock``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

log = logging.getLogger(__name__)


class Cancellable(Protocol):
    """What ``Clock.call_at`` returns: cancelling it before the moment means the call never happens."""

    def cancel(self) -> object:
        """Drop the call if it has not happened yet."""
        ...


class Clock(Protocol):
    """Tells the time (timezone-aware UTC) and sleeps until a moment."""

    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    async def sleep_until(self, when: datetime) -> None:
        """Return once ``now() >= when``."""
        ...

    def call_at(self, when: datetime, callback: Callable[[], object]) -> Cancellable:
        """Call ``callback()`` on the running event loop once ``now() >= when``, unless cancelled first.

        A timer without a task: what a waiter that is usually woken early (a quiz question won before
        its deadline) uses instead of a task sleeping with ``sleep_until``.
        """
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime) -> None:
        """Sleep with asyncio until ``when``."""
        delay = (when - self.now()).total_seconds()
        await asyncio.sleep(max(0.0, delay))

    def call_at(self, when: datetime, callback: Callable[[], object]) -> asyncio.TimerHandle:
        """Call ``callback()`` from the running event loop at ``when`` (at once if it has passed)."""
        delay = (when - self.now()).total_seconds()
        return asyncio.get_running_loop().call_later(max(0.0, delay), callback)


class FakeClock:
    """A clock that only moves when told to; sleepers wake when it passes their moment."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start if start is not None else datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._sleepers: list[tuple[datetime, asyncio.Future[None]]] = []

    def now(self) -> datetime:
        """The clock's current time."""
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (never backwards) and wake whoever slept until then."""
        if when < self._now:
            raise ValueError("FakeClock cannot go backwards")
        self._now = when
        self._wake_due()

    def advance(self, seconds: float = 0.0, **delta: float) -> datetime:
        """Move forward by ``seconds`` (plus any ``timedelta`` keywords); returns the new time."""
        self.set(self._now + timedelta(seconds=seconds, **delta))
        return self._now

    async def sleep_until(self, when: datetime) -> None:
        """Wait until the clock has been moved to ``when`` or later."""
        if when <= self._now:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((when, future))
        try:
            await future
        finally:
            self._sleepers = [(w, f) for w, f in self._sleepers if f is not future]

    def call_at(self, when: datetime, callback: Callable[[], object]) -> asyncio.Future[None]:
        """Call ``callback()`` from the running event loop once the clock is moved to ``when`` or later
        (in the next step if it is there already); a sleeper until then. Cancel the future to drop it."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def done(finished: asyncio.Future[None]) -> None:
            self._sleepers = [(w, f) for w, f in self._sleepers if f is not finished]
            if not finished.cancelled():
                callback()

        future.add_done_callback(done)
        self._sleepers.append((when, future))
        if when <= self._now:
            future.set_result(None)
        return future

    @property
    def sleepers(self) -> int:
        """How many tasks are waiting on this clock."""
        return sum(1 for _, f in self._sleepers if not f.done())

    def next_wakeup(self) -> datetime | None:
        """The earliest moment someone is sleeping until, if any."""
        pending = [w for w, f in self._sleepers if not f.done()]
        return min(pending) if pending else None

    def _wake_due(self) -> None:
        for when, future in self._sleepers:
            if when <= self._now and not future.done():
                future.set_result(None)
