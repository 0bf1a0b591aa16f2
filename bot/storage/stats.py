"""Study statistics from the quiz history, per server: accuracy, weak spots, streaks, weekly progress.

:class:`StatsRepository` reads them (``store.stats``); the records are plain data for /stats and the chart.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import answers, daily_scores, scores

log = logging.getLogger(__name__)

#: How many terms "most missed" lists for a member.
MEMBER_MISSED_LIMIT = 5
#: How many terms the server view lists.
SERVER_MISSED_LIMIT = 10
#: How far back the server view looks.
SERVER_WINDOW = timedelta(days=7)
#: How many weeks the progress chart covers.
PROGRESS_WEEKS = 12


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Right answers out of answers."""

    answered: int
    correct: int

    @property
    def ratio(self) -> float:
        """Correct as a fraction of answered (0.0 when none)."""
        return self.correct / self.answered if self.answered else 0.0

    @property
    def percent(self) -> int:
        """The ratio as a whole percentage."""
        return round(100 * self.ratio)


@dataclass(frozen=True, slots=True)
class TopicAccuracy:
    """A member's answers on one topic."""

    topic: str
    accuracy: Accuracy


@dataclass(frozen=True, slots=True)
class MissedTerm:
    """A term and how often it was answered wrong (by one member, or by ``members`` of the server)."""

    term: str
    topic: str
    missed: int
    answered: int
    members: int = 1


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One topic's accuracy in the week starting on Monday ``week``."""

    week: date
    topic: str
    accuracy: Accuracy


@dataclass(frozen=True, slots=True)
class MemberStats:
    """Everything /stats shows about one member in one server."""

    guild_id: int
    member_id: int
    total: Accuracy
    by_topic: tuple[TopicAccuracy, ...]
    most_missed: tuple[MissedTerm, ...]
    streak: int
    best_streak: int
    day_streak: int
    weekly: tuple[WeekPoint, ...]

    @property
    def has_answers(self) -> bool:
        """Whether the member ever answered a quiz question here."""
        return self.total.answered > 0


@dataclass(frozen=True, slots=True)
class ServerMissed:
    """The terms a server missed most since ``since``."""

    guild_id: int
    since: datetime
    answered: int
    terms: tuple[MissedTerm, ...]


def week_of(day: date) -> date:
    """The Monday starting ``day``'s week."""
    return day - timedelta(days=day.weekday())


def day_streak(days: list[date], today: date) -> int:
    """Consecutive days with answers ending today or yesterday (``days`` in any order)."""
    have = set(days)
    start = today if today in have else today - timedelta(days=1)
    count = 0
    while start - timedelta(days=count) in have:
        count += 1
    return count


def _missed_count() -> sa.ColumnElement[int]:
    return sa.func.sum(sa.case((answers.c.correct.is_(False), 1), else_=0))


async def member_stats(
    engine: AsyncEngine,
    guild_id: int,
    member_id: int,
    now: datetime,
    *,
    missed_limit: int = MEMBER_MISSED_LIMIT,
) -> MemberStats:
    """A member's accuracy (overall and by topic), most-missed terms, streaks and weekly progress."""
    mine = (answers.c.guild_id == guild_id, answers.c.member_id == member_id)
    correct_count = sa.func.sum(sa.case((answers.c.correct.is_(True), 1), else_=0))
    by_topic_stmt = (
        sa.select(answers.c.topic, sa.func.count().label("answered"), correct_count.label("correct"))
        .where(*mine)
        .group_by(answers.c.topic)
    )
    missed = _missed_count().label("missed")
    missed_stmt = (
        sa.select(
            answers.c.term,
            sa.func.min(answers.c.topic).label("topic"),
            missed,
            sa.func.count().label("answered"),
        )
        .where(*mine)
        .group_by(answers.c.term)
        .having(_missed_count() > 0)
        .order_by(missed.desc(), sa.func.count(), answers.c.term)
        .limit(missed_limit)
    )
    streak_stmt = sa.select(scores.c.streak, scores.c.best_streak).where(
        scores.c.guild_id == guild_id, scores.c.member_id == member_id
    )
    today = now.astimezone(UTC).date()
    first_week = week_of(today) - timedelta(weeks=PROGRESS_WEEKS - 1)
    daily_mine = (daily_scores.c.guild_id == guild_id, daily_scores.c.member_id == member_id)
    days_stmt = (
        sa.select(daily_scores.c.day)
        .where(*daily_mine, daily_scores.c.day <= today)
        .distinct()
        .order_by(daily_scores.c.day.desc())
        .limit(3660)
    )
    weekly_stmt = sa.select(
        daily_scores.c.day, daily_scores.c.topic, daily_scores.c.answered, daily_scores.c.correct
    ).where(*daily_mine, daily_scores.c.day >= first_week, daily_scores.c.day <= today)
    async with engine.connect() as conn:
        topic_rows = (await conn.execute(by_topic_stmt)).all()
        missed_rows = (await conn.execute(missed_stmt)).all()
        streak_row = (await conn.execute(streak_stmt)).first()
        day_rows = (await conn.execute(days_stmt)).scalars().all()
        weekly_rows = (await conn.execute(weekly_stmt)).all()

    by_topic = sorted(
        (TopicAccuracy(str(r.topic), Accuracy(int(r.answered), int(r.correct or 0))) for r in topic_rows),
        key=lambda t: (-t.accuracy.answered, t.topic),
    )
    total = Accuracy(sum(t.accuracy.answered for t in by_topic), sum(t.accuracy.correct for t in by_topic))
    most_missed = tuple(
        MissedTerm(str(r.term), str(r.topic), int(r.missed), int(r.answered)) for r in missed_rows
    )
    buckets: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in weekly_rows:
        bucket = buckets[(week_of(row.day), str(row.topic))]
        bucket[0] += int(row.answered)
        bucket[1] += int(row.correct)
    weekly = tuple(
        WeekPoint(week, topic, Accuracy(a, c)) for (week, topic), (a, c) in sorted(buckets.items())
    )
    return MemberStats(
        guild_id=guild_id,
        member_id=member_id,
        total=total,
        by_topic=tuple(by_topic),
        most_missed=most_missed,
        streak=int(streak_row.streak) if streak_row else 0,
        best_streak=int(streak_row.best_streak) if streak_row else 0,
        day_streak=day_streak(list(day_rows), today),
        weekly=weekly,
    )


async def server_missed(
    engine: AsyncEngine,
    guild_id: int,
    now: datetime,
    *,
    window: timedelta = SERVER_WINDOW,
    limit: int = SERVER_MISSED_LIMIT,
) -> ServerMissed:
    """The terms one server answered wrong most often in the last ``window`` (default 7 days)."""
    since = now - window
    recent = (answers.c.guild_id == guild_id, answers.c.answered_at >= since, answers.c.answered_at <= now)
    missed = _missed_count().label("missed")
    missed_members = sa.func.count(
        sa.distinct(sa.case((answers.c.correct.is_(False), answers.c.member_id), else_=None))
    ).label("members")
    stmt = (
        sa.select(
            answers.c.term,
            sa.func.min(answers.c.topic).label("topic"),
            missed,
            sa.func.count().label("answered"),
            missed_members,
        )
        .where(*recent)
        .group_by(answers.c.term)
        .having(_missed_count() > 0)
        .order_by(missed.desc(), missed_members.desc(), answers.c.term)
        .limit(limit)
    )
    total_stmt = sa.select(sa.func.count()).where(*recent)
    async with engine.connect() as conn:
        rows = (await conn.execute(stmt)).all()
        answered = int((await conn.execute(total_stmt)).scalar_one())
    terms = tuple(
        MissedTerm(str(r.term), str(r.topic), int(r.missed), int(r.answered), int(r.members)) for r in rows
    )
    return ServerMissed(guild_id, since, answered, terms)


class StatsRepository:
    """The statistics of one database (``store.stats``)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def member(
        self, guild_id: int, member_id: int, now: datetime, *, missed_limit: int = MEMBER_MISSED_LIMIT
    ) -> MemberStats:
        """A member's accuracy, most-missed terms, streaks and weekly progress (see :func:`member_stats`)."""
        return await member_stats(self.engine, guild_id, member_id, now, missed_limit=missed_limit)

    async def server_missed(
        self,
        guild_id: int,
        now: datetime,
        *,
        window: timedelta = SERVER_WINDOW,
        limit: int = SERVER_MISSED_LIMIT,
    ) -> ServerMissed:
        """The terms the server missed most in the last ``window`` (see :func:`server_missed`)."""
        return await server_missed(self.engine, guild_id, now, window=window, limit=limit)
