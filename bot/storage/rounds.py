"""Rounds and their answers: a round's life, and answers stored with every total in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.clock import Clock
from bot.storage.answer_batch import add_totals, insert_answers
from bot.storage.board_cache import LiveBoards
from bot.storage.leaderboards import board_keys
from bot.storage.schema import (
    answers,
    rounds,
)
from bot.wording import plural

log = logging.getLogger(__name__)


class RoundStatus(StrEnum):
    """Life of a stored round."""

    RUNNING = "running"
    FINISHED = "finished"
    INTERRUPTED = "interrupted"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One member's final answer to one question of a round, to store."""

    round_id: int
    question_index: int
    guild_id: int
    channel_id: int
    member_id: int
    term: str
    topic: str
    correct: bool
    points: int
    ms: int
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class StoredRound:
    """A round as stored."""

    id: int
    guild_id: int
    channel_id: int
    started_by: int
    started_at: datetime
    status: RoundStatus
    settings: Mapping[str, Any]


#: What ``RoundRepository.record_answers`` runs in its transaction with the answers stored now.
AlsoInTransaction = Callable[[AsyncConnection, Sequence["AnswerRecord"]], Awaitable[None]]


class RoundRepository:
    """Rounds, and answers with their totals (``store.rounds``); ``clock`` stamps interrupted rounds."""

    def __init__(self, engine: AsyncEngine, clock: Clock, *, boards: LiveBoards | None = None) -> None:
        self.engine = engine
        self.clock = clock
        #: The leaderboards kept by this process; each commit of answers is added to them.
        self.boards: LiveBoards = boards if boards is not None else LiveBoards(board_keys)

    async def start_round(
        self, guild_id: int, channel_id: int, started_by: int, settings: Mapping[str, Any], now: datetime
    ) -> int:
        """Store a new running round and return its id."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                rounds.insert()
                .values(
                    guild_id=guild_id,
                    channel_id=channel_id,
                    started_by=started_by,
                    started_at=now,
                    status=RoundStatus.RUNNING.value,
                    settings=dict(settings),
                )
                .returning(rounds.c.id)
            )
            return int(result.scalar_one())

    async def end_round(self, round_id: int, status: RoundStatus, now: datetime) -> None:
        """Mark a round finished, stopped or interrupted."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(rounds).where(rounds.c.id == round_id).values(status=status.value, ended_at=now)
            )

    async def get_round(self, round_id: int) -> StoredRound | None:
        """One stored round."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(rounds).where(rounds.c.id == round_id))).first()
        if row is None:
            return None
        return StoredRound(
            row.id,
            row.guild_id,
            row.channel_id,
            row.started_by,
            row.started_at,
            RoundStatus(row.status),
            row.settings,
        )

    async def interrupted_rounds(
        self, now: datetime | None = None, *, owns: Callable[[int], bool] | None = None
    ) -> list[StoredRound]:
        """Mark rounds left 'running' (by a crash or restart) as 'interrupted' and return them.

        ``owns(guild_id)`` limits this to the guilds of this process when several shard processes
        share the database (another process's running rounds are alive, not interrupted).
        """
        when = now or self.clock.now()
        async with self.engine.begin() as conn:
            running = await conn.execute(
                select(rounds.c.id, rounds.c.guild_id).where(rounds.c.status == RoundStatus.RUNNING.value)
            )
            ids = [r.id for r in running if owns is None or owns(int(r.guild_id))]
            if not ids:
                return []
            result = await conn.execute(
                update(rounds)
                .where(rounds.c.id.in_(ids), rounds.c.status == RoundStatus.RUNNING.value)
                .values(status=RoundStatus.INTERRUPTED.value, ended_at=when)
                .returning(
                    rounds.c.id,
                    rounds.c.guild_id,
                    rounds.c.channel_id,
                    rounds.c.started_by,
                    rounds.c.started_at,
                    rounds.c.settings,
                )
            )
            found = [
                StoredRound(
                    r.id,
                    r.guild_id,
                    r.channel_id,
                    r.started_by,
                    r.started_at,
                    RoundStatus.INTERRUPTED,
                    r.settings,
                )
                for r in result
            ]
        if found:
            log.warning("%s interrupted", plural(len(found), "quiz round was", "quiz rounds were"))
        return sorted(found, key=lambda r: r.id)

    # -- answers and scores --------------------------------------------------------------
    async def record_answer(self, record: AnswerRecord) -> bool:
        """Store one answer and add it to the totals in one transaction; False if it was already stored."""
        return (await self.record_answers([record]))[0]

    async def record_answers(
        self, records: Sequence[AnswerRecord], *, also: AlsoInTransaction | None = None
    ) -> list[bool]:
        """Store answers and add them to every total in one transaction (a group commit).

        Returns, per record in order, True when it was stored now and False when it was already stored
        (one answer per round, question and member; a repeat in ``records`` counts once), so a retried
        batch never counts a point twice. ``also(conn, stored)`` runs in the same transaction with the
        records stored now, in order (the flashcards of the answers); if it raises, nothing is stored.
        Totals are added in the order of ``records`` (streaks count consecutive right answers).
        Raises SQLAlchemy's errors (``OperationalError`` and the like when the database is unavailable).
        """
        if not records:
            return []
        async with self.boards.writing() as write, self.engine.begin() as conn:
            inserted = await insert_answers(conn, self.engine.dialect.name, records)
            stored: list[AnswerRecord] = []
            flags: list[bool] = []
            for record in records:
                key = (record.round_id, record.question_index, record.member_id)
                new = key in inserted
                if new:
                    inserted.discard(key)  # a repeat of the same answer in this batch is not new
                    stored.append(record)
                flags.append(new)
            if stored:
                await add_totals(conn, self.engine.dialect.name, stored)
                if also is not None:
                    await also(conn, stored)
            write.committed(stored)  # last: the kept leaderboards add these once the transaction commits
        if len(stored) < len(records):
            log.info(
                "%d of %s already stored",
                len(records) - len(stored),
                plural(len(records), "answer was", "answers were"),
            )
        return flags

    async def answers_of(self, guild_id: int, member_id: int | None = None) -> Sequence[Any]:
        """The stored answer history of a server (or one member), oldest first."""
        stmt = (
            select(answers)
            .where(answers.c.guild_id == guild_id)
            .order_by(answers.c.answered_at, answers.c.id)
        )
        if member_id is not None:
            stmt = stmt.where(answers.c.member_id == member_id)
        async with self.engine.connect() as conn:
            return (await conn.execute(stmt)).all()
