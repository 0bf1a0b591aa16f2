"""The schedules table: rows as plain records; every state change is one UPDATE with a compare-and-set guard.

The schedule domain (``bot.schedule``) parses the stored spec and computes the next runs; this module
only reads and writes rows, so several bot processes can share one database.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import schedules

log = logging.getLogger(__name__)

#: Discord snowflakes carry their creation time above bit 22; shards are assigned by that.
SNOWFLAKE_SHIFT = 22


@dataclass(frozen=True, slots=True)
class ShardFilter:
    """The guilds one bot process owns: ``(guild_id >> 22) % shard_count in shard_ids``."""

    shard_count: int
    shard_ids: frozenset[int]

    @classmethod
    def of(cls, shard_count: int, shard_ids: Collection[int] | None = None) -> ShardFilter:
        """All shards when ``shard_ids`` is None, else the given ones."""
        if shard_count < 1:
            raise ValueError("shard_count must be at least 1")
        ids = frozenset(range(shard_count)) if shard_ids is None else frozenset(shard_ids)
        if not ids or any(not 0 <= i < shard_count for i in ids):
            raise ValueError(f"shard_ids {sorted(ids)} must be within 0..{shard_count - 1}")
        return cls(shard_count, ids)

    def owns(self, guild_id: int) -> bool:
        """Whether this process handles ``guild_id``."""
        return (guild_id >> SNOWFLAKE_SHIFT) % self.shard_count in self.shard_ids

    def clause(self, column: sa.ColumnElement[int]) -> sa.ColumnElement[bool]:
        """The same test as SQL (floor division of integers works on SQLite and PostgreSQL)."""
        if self.shard_ids == frozenset(range(self.shard_count)):
            return sa.true()
        shard = (column // (1 << SNOWFLAKE_SHIFT)) % self.shard_count
        return shard.in_(sorted(self.shard_ids))


@dataclass(frozen=True, slots=True)
class StoredSchedule:
    """One row of the schedules table; ``spec`` is its text, e.g. ``tue,thu 19:00 Europe/Berlin``."""

    id: int
    guild_id: int
    channel_id: int
    created_by: int
    spec: str
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
    def from_row(cls, row: Mapping[Any, Any]) -> StoredSchedule:
        """Build from a ``schedules`` row."""
        return cls(
            id=row["id"],
            guild_id=row["guild_id"],
            channel_id=row["channel_id"],
            created_by=row["created_by"],
            spec=row["spec"],
            topic=row["topic"],
            questions=row["questions"],
            seconds=row["seconds"],
            mode=row["mode"],
            role_id=row["role_id"],
            paused=bool(row["paused"]),
            next_run_at=row["next_run_at"],
            event_id=row["event_id"],
            last_run_at=row["last_run_at"],
            reminded_for=row["reminded_for"],
            created_at=row["created_at"],
        )


class ScheduleRows:
    """Reads and writes rows of the schedules table; safe to share one database between processes."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def add(
        self,
        *,
        guild_id: int,
        channel_id: int,
        created_by: int,
        spec: str,
        next_run_at: datetime | None,
        now: datetime,
        topic: str | None,
        questions: int,
        seconds: int,
        mode: str,
        role_id: int | None,
    ) -> StoredSchedule:
        """Insert a new, unpaused schedule created at ``now``; returns it with its id."""
        values = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "created_by": created_by,
            "spec": spec,
            "topic": topic,
            "questions": questions,
            "seconds": seconds,
            "mode": mode,
            "role_id": role_id,
            "paused": False,
            "next_run_at": next_run_at,
            "event_id": None,
            "last_run_at": None,
            "reminded_for": None,
            "created_at": now,
        }
        async with self.engine.begin() as conn:
            result = await conn.execute(schedules.insert().values(**values).returning(schedules.c.id))
            new_id = result.scalar_one()
        return StoredSchedule.from_row({"id": new_id, **values})

    async def get(self, schedule_id: int) -> StoredSchedule | None:
        """The row with this id, if any."""
        async with self.engine.connect() as conn:
            row = (
                (await conn.execute(schedules.select().where(schedules.c.id == schedule_id)))
                .mappings()
                .first()
            )
        return StoredSchedule.from_row(row) if row else None

    async def list_for_guild(self, guild_id: int) -> list[StoredSchedule]:
        """A guild's rows, oldest first."""
        query = schedules.select().where(schedules.c.guild_id == guild_id).order_by(schedules.c.id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [StoredSchedule.from_row(row) for row in rows]

    async def remove(self, schedule_id: int, guild_id: int) -> StoredSchedule | None:
        """Delete a guild's schedule; returns what was deleted, or None if it did not exist there."""
        query = (
            schedules.delete()
            .where(schedules.c.id == schedule_id, schedules.c.guild_id == guild_id)
            .returning(*schedules.c)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(query)).mappings().first()
        return StoredSchedule.from_row(row) if row else None

    async def set_paused(self, schedule_id: int, paused: bool, next_run_at: datetime | None = None) -> None:
        """Pause, or resume; a resume also sets ``next_run_at``."""
        values: dict[str, Any] = {"paused": paused}
        if not paused:
            values["next_run_at"] = next_run_at
        async with self.engine.begin() as conn:
            await conn.execute(schedules.update().where(schedules.c.id == schedule_id).values(**values))

    async def set_event_id(self, schedule_id: int, event_id: int | None) -> None:
        """Remember the Discord scheduled event that announces the next run."""
        async with self.engine.begin() as conn:
            await conn.execute(
                schedules.update().where(schedules.c.id == schedule_id).values(event_id=event_id)
            )

    async def due(self, horizon: datetime, shards: ShardFilter | None = None) -> list[StoredSchedule]:
        """Unpaused rows whose next run is at or before ``horizon``, earliest first."""
        query = schedules.select().where(
            schedules.c.paused.is_(False),
            schedules.c.next_run_at.is_not(None),
            schedules.c.next_run_at <= horizon,
        )
        if shards is not None:
            query = query.where(shards.clause(schedules.c.guild_id))
        async with self.engine.connect() as conn:
            rows = (
                (await conn.execute(query.order_by(schedules.c.next_run_at, schedules.c.id))).mappings().all()
            )
        return [StoredSchedule.from_row(row) for row in rows]

    async def earliest_next_run(
        self, shards: ShardFilter | None = None, *, unreminded_only: bool = False
    ) -> datetime | None:
        """The earliest next run of any unpaused schedule these shards own (optionally: not yet reminded)."""
        query = sa.select(sa.func.min(schedules.c.next_run_at)).where(schedules.c.paused.is_(False))
        if unreminded_only:
            query = query.where(
                sa.or_(
                    schedules.c.reminded_for.is_(None), schedules.c.reminded_for != schedules.c.next_run_at
                )
            )
        if shards is not None:
            query = query.where(shards.clause(schedules.c.guild_id))
        async with self.engine.connect() as conn:
            value: datetime | None = (await conn.execute(query)).scalar_one_or_none()
        return value

    async def claim(
        self,
        schedule_id: int,
        expected_next_run_at: datetime,
        new_next_run_at: datetime | None,
        *,
        ran_at: datetime | None = None,
    ) -> bool:
        """Atomically move ``next_run_at`` from the expected to the new value; True for the one winner.

        One ``UPDATE ... WHERE id = :id AND next_run_at = :expected``: of any number of processes
        claiming the same occurrence exactly one sees ``rowcount == 1``.
        """
        values: dict[str, Any] = {"next_run_at": new_next_run_at}
        if ran_at is not None:
            values["last_run_at"] = ran_at
        query = (
            schedules.update()
            .where(
                schedules.c.id == schedule_id,
                schedules.c.next_run_at == expected_next_run_at,
                schedules.c.paused.is_(False),
            )
            .values(**values)
        )
        async with self.engine.begin() as conn:
            result = await conn.execute(query)
        return result.rowcount == 1

    async def claim_reminder(self, schedule_id: int, occurrence: datetime) -> bool:
        """Atomically mark the reminder for ``occurrence`` as sent; True for the one process that sends it."""
        query = (
            schedules.update()
            .where(
                schedules.c.id == schedule_id,
                schedules.c.next_run_at == occurrence,
                schedules.c.paused.is_(False),
                sa.or_(schedules.c.reminded_for.is_(None), schedules.c.reminded_for != occurrence),
            )
            .values(reminded_for=occurrence)
        )
        async with self.engine.begin() as conn:
            result = await conn.execute(query)
        return result.rowcount == 1
