"""The schedule runner: finds due occurrences of this process's schedules, claims each once, and runs it.

Exactly-once across restarts and processes comes from the database: an occurrence is only run
by the caller whose ``claim`` moved ``next_run_at`` past it. The claim happens *before* the
round starts, so a crash during a round loses that round rather than doubling it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock
from bot.schedule.repository import Schedule, ScheduleRepository, ShardFilter
from bot.schedule.spec import next_run, runs_between

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(minutes=10)
#: The loop re-reads the database at least this often, so a schedule added elsewhere is never missed.
MAX_IDLE = timedelta(seconds=60)
#: How long the loop waits after a failed tick (database down) before trying again.
ERROR_BACKOFF = timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One run of a schedule: the schedule as read before the claim and the instant it was due."""

    schedule: Schedule
    at: datetime
    #: Earlier occurrences that passed while no process was running and were dropped for this one.
    missed: int = 0
    #: The schedule's run after this one (None if this was the last).
    next_at: datetime | None = None


OccurrenceCallback = Callable[[Occurrence], Coroutine[Any, Any, None]]


@dataclass(slots=True)
class TickResult:
    """What one ``tick`` did."""

    ran: list[Occurrence] = field(default_factory=list)
    skipped: list[Occurrence] = field(default_factory=list)
    reminded: list[Occurrence] = field(default_factory=list)


async def _ignore(_: Occurrence) -> None:
    """The default for callbacks nobody provided."""


class ScheduleRunner:
    """Runs due schedules of the guilds this process owns; drive it with ``tick`` or ``run``."""

    def __init__(
        self,
        repository: ScheduleRepository,
        clock: Clock,
        runner: OccurrenceCallback,
        *,
        skipped: OccurrenceCallback = _ignore,
        reminder: OccurrenceCallback = _ignore,
        shards: ShardFilter | None = None,
        grace: timedelta = DEFAULT_GRACE,
        remind_before: timedelta | None = None,
        max_idle: timedelta = MAX_IDLE,
    ) -> None:
        if grace < timedelta(0):
            raise ValueError("grace must not be negative")
        if remind_before is not None and remind_before <= timedelta(0):
            remind_before = None
        self.repository = repository
        self.clock = clock
        self.runner = runner
        self.skipped = skipped
        self.reminder = reminder
        self.shards = shards
        self.grace = grace
        self.remind_before = remind_before
        self.max_idle = max_idle
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None

    def owns(self, guild_id: int) -> bool:
        """Whether this scheduler handles ``guild_id``."""
        return self.shards is None or self.shards.owns(guild_id)

    async def tick(self, now: datetime | None = None) -> TickResult:
        """Claim and start every occurrence due at ``now``; send due reminders; skip stale ones."""
        now = self.clock.now() if now is None else now
        horizon = now + self.remind_before if self.remind_before else now
        result = TickResult()
        for schedule in await self.repository.due(horizon, self.shards):
            if not self.owns(schedule.guild_id):
                continue
            try:
                await self._handle(schedule, now, result)
            except Exception:
                log.exception("schedule %s: could not handle its due occurrence", schedule.id)
        return result

    async def _handle(self, schedule: Schedule, now: datetime, result: TickResult) -> None:
        """Remind, run or skip one due schedule."""
        due_at = schedule.next_run_at
        assert due_at is not None
        if due_at > now:
            if schedule.reminded_for != due_at and await self.repository.claim_reminder(schedule.id, due_at):
                occurrence = Occurrence(schedule, due_at, next_at=due_at)
                result.reminded.append(occurrence)
                self._spawn(self.reminder, occurrence, "reminder")
            return
        later = runs_between(schedule.spec, due_at, now)
        latest = later[-1] if later else due_at
        missed = len(later)
        following = next_run(schedule.spec, latest)
        if now - latest <= self.grace:
            if await self.repository.claim(schedule.id, due_at, following, ran_at=now):
                occurrence = Occurrence(schedule, latest, missed=missed, next_at=following)
                log.info("schedule %s: running the %s occurrence", schedule.id, latest.isoformat())
                result.ran.append(occurrence)
                self._spawn(self.runner, occurrence, "round")
        elif await self.repository.claim(schedule.id, due_at, following):
            occurrence = Occurrence(schedule, latest, missed=missed, next_at=following)
            log.warning(
                "schedule %s: skipped the %s occurrence (%s late, grace %s)",
                schedule.id,
                latest.isoformat(),
                now - latest,
                self.grace,
            )
            result.skipped.append(occurrence)
            self._spawn(self.skipped, occurrence, "skip note")

    def _spawn(self, callback: OccurrenceCallback, occurrence: Occurrence, what: str) -> None:
        """Run ``callback`` as a task that logs its failure instead of losing it."""
        task = asyncio.create_task(callback(occurrence), name=f"schedule-{occurrence.schedule.id}-{what}")
        self._tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            self._tasks.discard(finished)
            if not finished.cancelled() and finished.exception() is not None:
                log.error(
                    "schedule %s: %s for %s failed",
                    occurrence.schedule.id,
                    what,
                    occurrence.at.isoformat(),
                    exc_info=finished.exception(),
                )

        task.add_done_callback(done)

    async def wait_idle(self) -> None:
        """Wait until every started round, reminder and skip note has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    @property
    def busy(self) -> int:
        """How many callbacks are running."""
        return len(self._tasks)

    def wake(self) -> None:
        """Re-read the schedules now (call after adding, removing, pausing or resuming one)."""
        self._wake.set()

    async def next_wakeup(self, now: datetime) -> datetime:
        """When the loop should look again: the next run or reminder, at most ``max_idle`` away."""
        target = now + self.max_idle
        earliest = await self.repository.earliest_next_run(self.shards)
        if earliest is not None:
            target = min(target, earliest)
        if self.remind_before is not None:
            unreminded = await self.repository.earliest_next_run(self.shards, unreminded_only=True)
            if unreminded is not None and unreminded - self.remind_before > now:
                target = min(target, unreminded - self.remind_before)
        # Something due that could not be claimed (a failing database row): do not spin.
        return target if target > now else now + ERROR_BACKOFF

    async def run(self) -> None:
        """Tick whenever something is due (or ``wake`` was called) until cancelled."""
        log.info("scheduler started (shards %s)", self.shards or "all")
        while True:
            self._wake.clear()
            now = self.clock.now()
            try:
                await self.tick(now)
                until = await self.next_wakeup(now)
            except Exception:
                log.exception("scheduler tick failed; retrying in %s", ERROR_BACKOFF)
                until = now + ERROR_BACKOFF
            await self._sleep(until)

    async def _sleep(self, until: datetime) -> None:
        """Sleep on the clock until ``until`` or until ``wake`` is called."""
        sleeper = asyncio.ensure_future(self.clock.sleep_until(until))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)

    def start(self) -> asyncio.Task[None]:
        """Start ``run`` as a background task."""
        if self._loop_task is None or self._loop_task.done():
            self._loop_task = asyncio.create_task(self.run(), name="scheduler")
        return self._loop_task

    async def stop(self, *, cancel_running: bool = True) -> None:
        """Stop the loop; cancel (or wait for) the rounds it started."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            # gather, not suppress(CancelledError): a cancellation of *this* task must still propagate
            await asyncio.gather(self._loop_task, return_exceptions=True)
            self._loop_task = None
        if cancel_running:
            for task in list(self._tasks):
                task.cancel()
        await self.wait_idle()
