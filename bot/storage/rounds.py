"""Rounds and their answers: a round's life, and answers stored with every total in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, Table, bindparam, case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.clock import Clock
from bot.storage.leaderboards import NAME_LENGTH, Period, period_start
from bot.storage.schema import (
    answers,
    daily_scores,
    period_scores,
    period_topic_scores,
    rounds,
    scores,
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


#: Answers per INSERT statement (11 parameters each; both databases allow 32,766 per statement).
_ROWS_PER_STATEMENT = 1000

#: What ``RoundRepository.record_answers`` runs in its transaction with the answers stored now.
AlsoInTransaction = Callable[[AsyncConnection, Sequence["AnswerRecord"]], Awaitable[None]]


class _Run:
    """One member's answers within a batch, in order: totals and the runs of right answers."""

    __slots__ = ("answered", "best", "correct", "lead", "points", "trail")

    def __init__(self) -> None:
        self.points = self.answered = self.correct = 0
        self.lead = 0  # right answers before the first wrong one
        self.trail = 0  # right answers after the last wrong one (the streak at the end)
        self.best = 0  # the longest run of right answers

    def add(self, points: int, correct: bool) -> None:
        if correct:
            if self.trail == self.answered:
                self.lead += 1
            self.trail += 1
            self.correct += 1
            self.best = max(self.best, self.trail)
        else:
            self.trail = 0
        self.points += points
        self.answered += 1


def _add(totals: dict[Any, list[int]], key: Any, points: int, correct: int) -> None:
    found = totals.get(key)
    if found is None:
        totals[key] = [points, 1, correct]
    else:
        found[0] += points
        found[1] += 1
        found[2] += correct


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _answer_row(record: AnswerRecord) -> dict[str, Any]:
    # PostgreSQL refuses text longer than the columns (SQLite does not): clip over-long note names
    return {
        "round_id": record.round_id,
        "question_index": record.question_index,
        "guild_id": record.guild_id,
        "channel_id": record.channel_id,
        "member_id": record.member_id,
        "term": record.term[:NAME_LENGTH],
        "topic": record.topic[:NAME_LENGTH],
        "correct": record.correct,
        "points": record.points,
        "ms": record.ms,
        "answered_at": record.answered_at,
    }


class RoundRepository:
    """Rounds, and answers with their totals (``store.rounds``); ``clock`` stamps interrupted rounds."""

    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

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
        rows = [_answer_row(r) for r in records]
        answer_stmt = (
            self._insert(answers)
            .on_conflict_do_nothing(index_elements=["round_id", "question_index", "member_id"])
            .returning(answers.c.round_id, answers.c.question_index, answers.c.member_id)
        )
        async with self.engine.begin() as conn:
            inserted: set[tuple[int, int, int]] = set()
            for chunk in _chunks(rows, _ROWS_PER_STATEMENT):
                result = await conn.execute(answer_stmt, chunk)
                inserted.update((int(a), int(b), int(c)) for a, b, c in result.all())
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
                await self._add_totals(conn, stored)
                if also is not None:
                    await also(conn, stored)
        if len(stored) < len(records):
            log.info(
                "%d of %s already stored",
                len(records) - len(stored),
                plural(len(records), "answer was", "answers were"),
            )
        return flags

    async def _add_totals(self, conn: AsyncConnection, stored: Sequence[AnswerRecord]) -> None:
        """Add new answers to the all-time, daily, week, month and topic totals (one statement each)."""
        ins = self._insert
        members: dict[tuple[int, int], _Run] = {}
        days: dict[tuple[int, date, str, int], list[int]] = {}
        periods: dict[tuple[int, str, date, int], list[int]] = {}
        topics: dict[tuple[int, str, date, str, int], list[int]] = {}
        starts: dict[date, tuple[tuple[str, date], ...]] = {}  # day -> (kind, start) of week, month, all
        for r in stored:
            correct = 1 if r.correct else 0
            topic = r.topic[:NAME_LENGTH]
            members.setdefault((r.guild_id, r.member_id), _Run()).add(r.points, r.correct)
            day = r.answered_at.astimezone(UTC).date()
            _add(days, (r.guild_id, day, topic, r.member_id), r.points, correct)
            mine = starts.get(day)
            if mine is None:
                mine = starts[day] = tuple((p.value, period_start(p, r.answered_at)) for p in Period)
            for kind, start in mine:
                if kind != Period.ALL.value:
                    _add(periods, (r.guild_id, kind, start, r.member_id), r.points, correct)
                _add(topics, (r.guild_id, kind, start, topic, r.member_id), r.points, correct)
        score_ins = ins(scores).values(
            guild_id=bindparam("g"),
            member_id=bindparam("m"),
            points=bindparam("points"),
            answered=bindparam("n"),
            correct=bindparam("correct"),
            streak=bindparam("trail"),
            best_streak=bindparam("inner"),
        )
        # streak: the old one continues only if every answer of the batch was right (keep = 1)
        continued = scores.c.streak + bindparam("lead", type_=Integer)
        inner = bindparam("inner2", type_=Integer)
        longest = case((continued > inner, continued), else_=inner)
        score_stmt = score_ins.on_conflict_do_update(
            index_elements=["guild_id", "member_id"],
            set_={
                "points": scores.c.points + score_ins.excluded.points,
                "answered": scores.c.answered + score_ins.excluded.answered,
                "correct": scores.c.correct + score_ins.excluded.correct,
                "streak": scores.c.streak * bindparam("keep", type_=Integer) + score_ins.excluded.streak,
                "best_streak": case((scores.c.best_streak >= longest, scores.c.best_streak), else_=longest),
            },
        )
        await conn.execute(
            score_stmt,
            [
                {
                    "g": g,
                    "m": m,
                    "points": run.points,
                    "n": run.answered,
                    "correct": run.correct,
                    "trail": run.trail,
                    "inner": run.best,
                    "inner2": run.best,
                    "lead": run.lead,
                    "keep": 1 if run.trail == run.answered else 0,
                }
                for (g, m), run in members.items()
            ],
        )

        def summed(table: Table, keys: list[str]) -> Any:
            stmt = ins(table)
            return stmt.on_conflict_do_update(
                index_elements=keys,
                set_={
                    "points": table.c.points + stmt.excluded.points,
                    "answered": table.c.answered + stmt.excluded.answered,
                    "correct": table.c.correct + stmt.excluded.correct,
                },
            )

        for table, keys, totals in (
            (daily_scores, ["guild_id", "day", "topic", "member_id"], days),
            (period_scores, ["guild_id", "period_kind", "period_start", "member_id"], periods),
            (
                period_topic_scores,
                ["guild_id", "period_kind", "period_start", "topic", "member_id"],
                topics,
            ),
        ):
            params = [
                {**dict(zip(keys, key, strict=True)), "points": p, "answered": n, "correct": c}
                for key, (p, n, c) in totals.items()
            ]
            await conn.execute(summed(table, keys), params)

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
