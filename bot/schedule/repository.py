"""Schedules as the domain sees them: the stored rows (``bot.storage.schedules``) with parsed specs.

Every state change is one UPDATE with a compare-and-set guard in storage; this module parses specs and
computes next runs (``bot.schedule.spec``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.quiz.settings import DEFAULT_QUESTIONS, DEFAULT_SECONDS, QuizMode
from bot.schedule.spec import ScheduleSpec, ScheduleSpecError, next_run, parse_spec
from bot.storage.schedules import ScheduleRows, ShardFilter, StoredSchedule

log = logging.getLogger(__name__)

__all__ = ["Schedule", "ScheduleRepository", "ShardFilter"]


@dataclass(frozen=True, slots=True)
class Schedule:
    """One stored schedule of quiz rounds in a channel."""

    id: int
    guild_id: int
    channel_id: int
    created_by: int
    spec: ScheduleSpec
    topic: str | None
    questions: int
    seconds: int
    mode: str
    role_id: int | None
    paused: bool
    next_run_at: datetime | None
    event_id: int | None
    last_run_at: datetime | None
    reminded_for: datetime | None
    created_at: datetime

    @classmethod
    def from_stored(cls, stored: StoredSchedule) -> Schedule:
        """The schedule of a stored row, its spec parsed (ScheduleSpecError if it no longer parses)."""
        return cls(
            id=stored.id,
            guild_id=stored.guild_id,
            channel_id=stored.channel_id,
            created_by=stored.created_by,
            spec=parse_spec(stored.spec),
            topic=stored.topic,
            questions=stored.questions,
            seconds=stored.seconds,
            mode=stored.mode,
            role_id=stored.role_id,
            paused=stored.paused,
            next_run_at=stored.next_run_at,
            event_id=stored.event_id,
            last_run_at=stored.last_run_at,
            reminded_for=stored.reminded_for,
            created_at=stored.created_at,
        )


def _readable(rows: Sequence[StoredSchedule]) -> list[Schedule]:
    """Schedules from rows, leaving out (and logging) any whose stored spec no longer parses."""
    found = []
    for row in rows:
        try:
            found.append(Schedule.from_stored(row))
        except ScheduleSpecError as exc:
            log.error("schedule %s has an unreadable spec %r: %s", row.id, row.spec, exc)
    return found


class ScheduleRepository:
    """Schedules over the stored rows (``bot.storage.schedules``): specs parsed, next runs computed."""

    def __init__(self, rows: ScheduleRows) -> None:
        self.rows = rows

    async def add(
        self,
        *,
        guild_id: int,
        channel_id: int,
        created_by: int,
        spec: ScheduleSpec,
        now: datetime,
        topic: str | None = None,
        questions: int = DEFAULT_QUESTIONS,
        seconds: int = DEFAULT_SECONDS,
        mode: str = QuizMode.TYPED.value,
        role_id: int | None = None,
    ) -> Schedule:
        """Store a new schedule whose first run is the next one after ``now``."""
        stored = await self.rows.add(
            guild_id=guild_id,
            channel_id=channel_id,
            created_by=created_by,
            spec=str(spec),
            next_run_at=next_run(spec, now),
            now=now,
            topic=topic,
            questions=questions,
            seconds=seconds,
            mode=mode,
            role_id=role_id,
        )
        log.info("schedule %s added in guild %s: %s", stored.id, guild_id, spec)
        return Schedule.from_stored(stored)

    async def get(self, schedule_id: int) -> Schedule | None:
        """The schedule with this id, if any."""
        stored = await self.rows.get(schedule_id)
        return Schedule.from_stored(stored) if stored else None

    async def list_for_guild(self, guild_id: int) -> list[Schedule]:
        """A guild's schedules, oldest first."""
        return _readable(await self.rows.list_for_guild(guild_id))

    async def remove(self, schedule_id: int, guild_id: int) -> Schedule | None:
        """Delete a guild's schedule; returns what was deleted, or None if it did not exist there."""
        stored = await self.rows.remove(schedule_id, guild_id)
        return Schedule.from_stored(stored) if stored else None

    async def set_paused(
        self, schedule_id: int, guild_id: int, paused: bool, now: datetime
    ) -> Schedule | None:
        """Pause, or resume with the next run after ``now``; None if the guild has no such schedule."""
        schedule = await self.get(schedule_id)
        if schedule is None or schedule.guild_id != guild_id:
            return None
        await self.rows.set_paused(schedule_id, paused, None if paused else next_run(schedule.spec, now))
        return await self.get(schedule_id)

    async def set_event_id(self, schedule_id: int, event_id: int | None) -> None:
        """Remember the Discord scheduled event that announces the next run."""
        await self.rows.set_event_id(schedule_id, event_id)

    async def due(self, horizon: datetime, shards: ShardFilter | None = None) -> list[Schedule]:
        """Unpaused schedules whose next run is at or before ``horizon``, earliest first."""
        return _readable(await self.rows.due(horizon, shards))

    async def earliest_next_run(
        self, shards: ShardFilter | None = None, *, unreminded_only: bool = False
    ) -> datetime | None:
        """The earliest next run of any unpaused schedule these shards own (optionally: not yet reminded)."""
        return await self.rows.earliest_next_run(shards, unreminded_only=unreminded_only)

    async def claim(
        self,
        schedule_id: int,
        expected_next_run_at: datetime,
        new_next_run_at: datetime | None,
        *,
        ran_at: datetime | None = None,
    ) -> bool:
        """Atomically move ``next_run_at`` from the expected to the new value; True for the one winner."""
        return await self.rows.claim(schedule_id, expected_next_run_at, new_next_run_at, ran_at=ran_at)

    async def claim_reminder(self, schedule_id: int, occurrence: datetime) -> bool:
        """Atomically mark the reminder for ``occurrence`` as sent; True for the one process that sends it."""
        return await self.rows.claim_reminder(schedule_id, occurrence)
