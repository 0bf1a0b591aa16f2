"""The schedules table and its repository; every state change is one UPDATE with a compare-and-set guard."""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.schedule.spec import ScheduleSpec, ScheduleSpecError, next_run, parse_spec
from bot.storage.schema import BigId, UTCDateTime

log = logging.getLogger(__name__)

#: Discord snowflakes carry their creation time above bit 22; shards are assigned by that.
SNOWFLAKE_SHIFT = 22


#: The schedules table as migration 0003 creates it (kept apart from ``bot.storage.schema``'s tables).
metadata = sa.MetaData()

schedules = sa.Table(
    "schedules",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("guild_id", sa.BigInteger, nullable=False),
    sa.Column("channel_id", sa.BigInteger, nullable=False),
    sa.Column("created_by", sa.BigInteger, nullable=False),
    sa.Column("spec", sa.String(200), nullable=False),
    sa.Column("topic", sa.String(200), nullable=True),
    sa.Column("questions", sa.Integer, nullable=False),
    sa.Column("seconds", sa.Integer, nullable=False),
    sa.Column("mode", sa.String(40), nullable=False),
    sa.Column("role_id", sa.BigInteger, nullable=True),
    sa.Column("paused", sa.Boolean, nullable=False, default=False),
    sa.Column("next_run_at", UTCDateTime, nullable=True),
    sa.Column("event_id", sa.BigInteger, nullable=True),
    sa.Column("last_run_at", UTCDateTime, nullable=True),
    sa.Column("reminded_for", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Index("ix_schedules_next_run_at", "next_run_at"),
    sa.Index("ix_schedules_guild_id", "guild_id"),
)


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
    def from_row(cls, row: Mapping[Any, Any]) -> Schedule:
        """Build from a ``schedules`` row."""
        return cls(
            id=row["id"],
            guild_id=row["guild_id"],
            channel_id=row["channel_id"],
            created_by=row["created_by"],
            spec=parse_spec(row["spec"]),
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


def _readable(rows: Sequence[Mapping[Any, Any]]) -> list[Schedule]:
    """Schedules from rows, leaving out (and logging) any whose stored spec no longer parses."""
    found = []
    for row in rows:
        try:
            found.append(Schedule.from_row(row))
        except ScheduleSpecError as exc:
            log.error("schedule %s has an unreadable spec %r: %s", row["id"], row["spec"], exc)
    return found


class ScheduleRepository:
    """Reads and writes schedules; safe to share one database between several bot processes."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def add(
        self,
        *,
        guild_id: int,
        channel_id: int,
        created_by: int,
        spec: ScheduleSpec,
        now: datetime,
        topic: str | None = None,
        questions: int = 10,
        seconds: int = 30,
        mode: str = "first",
        role_id: int | None = None,
    ) -> Schedule:
        """Store a new schedule whose first run is the next one after ``now``."""
        values = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "created_by": created_by,
            "spec": str(spec),
            "topic": topic,
            "questions": questions,
            "seconds": seconds,
            "mode": mode,
            "role_id": role_id,
            "paused": False,
            "next_run_at": next_run(spec, now),
            "event_id": None,
            "last_run_at": None,
            "reminded_for": None,
            "created_at": now,
        }
        async with self.engine.begin() as conn:
            result = await conn.execute(schedules.insert().values(**values).returning(schedules.c.id))
            new_id = result.scalar_one()
        log.info("schedule %s added in guild %s: %s", new_id, guild_id, spec)
        return Schedule.from_row({"id": new_id, **values, "next_run_at": values["next_run_at"]})

    async def get(self, schedule_id: int) -> Schedule | None:
        """The schedule with this id, if any."""
        async with self.engine.connect() as conn:
            row = (
                (await conn.execute(schedules.select().where(schedules.c.id == schedule_id)))
                .mappings()
                .first()
            )
        return Schedule.from_row(row) if row else None

    async def list_for_guild(self, guild_id: int) -> list[Schedule]:
        """A guild's schedules, oldest first."""
        query = schedules.select().where(schedules.c.guild_id == guild_id).order_by(schedules.c.id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return _readable(rows)

    async def remove(self, schedule_id: int, guild_id: int) -> Schedule | None:
        """Delete a guild's schedule; returns what was deleted, or None if it did not exist there."""
        query = (
            schedules.delete()
            .where(schedules.c.id == schedule_id, schedules.c.guild_id == guild_id)
            .returning(*schedules.c)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(query)).mappings().first()
        return Schedule.from_row(row) if row else None

    async def set_paused(
        self, schedule_id: int, guild_id: int, paused: bool, now: datetime
    ) -> Schedule | None:
        """Pause, or resume with the next run after ``now``; None if the guild has no such schedule."""
        schedule = await self.get(schedule_id)
        if schedule is None or schedule.guild_id != guild_id:
            return None
        values: dict[str, Any] = {"paused": paused}
        if not paused:
            values["next_run_at"] = next_run(schedule.spec, now)
        async with self.engine.begin() as conn:
            await conn.execute(schedules.update().where(schedules.c.id == schedule_id).values(**values))
        return await self.get(schedule_id)

    async def set_event_id(self, schedule_id: int, event_id: int | None) -> None:
        """Remember the Discord scheduled event that announces the next run."""
        async with self.engine.begin() as conn:
            await conn.execute(
                schedules.update().where(schedules.c.id == schedule_id).values(event_id=event_id)
            )

    async def due(self, horizon: datetime, shards: ShardFilter | None = None) -> list[Schedule]:
        """Unpaused schedules whose next run is at or before ``horizon``, earliest first."""
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
        return _readable(rows)

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
