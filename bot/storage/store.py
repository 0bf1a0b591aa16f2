"""The database: rounds, answer history, per-server scores and leaderboards (SQLite or PostgreSQL)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Table,
    bindparam,
    case,
    delete,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.clock import Clock, SystemClock
from bot.storage.engine import create_engine, dispose_engine
from bot.storage.lock import ProcessLock, migration_lock
from bot.storage.migrations import MIGRATIONS_DIR
from bot.storage.notes import notes_pending, notes_versions
from bot.storage.schema import (
    answers,
    cards,
    daily_scores,
    period_scores,
    period_topic_scores,
    review_reminders,
    rounds,
    scores,
)
from bot.storage.stats import StatsRepository
from bot.wording import plural

log = logging.getLogger(__name__)

#: The database handle repositories are built on (SQLAlchemy's async engine), and one of its
#: connections inside a transaction (what ``Store.record_answers`` hands its ``also``).
Engine = AsyncEngine
DatabaseConnection = AsyncConnection

DEFAULT_DATABASE_PATH = Path("data") / "studybot.db"
_MIGRATION_LOCK = 0x5757_0001  # pg_advisory_xact_lock key: one migrator at a time
_NAME_LENGTH = 200  # answers.term, answers.topic and daily_scores.topic are String(200)


class Period(StrEnum):
    """Leaderboard periods: this calendar week (from Monday 00:00 UTC), this calendar month (UTC), all."""

    WEEK = "week"
    MONTH = "month"
    ALL = "all"


#: The period start stored for ``Period.ALL`` in period_topic_scores.
ALL_TIME_START = date(1970, 1, 1)


def period_start(period: Period, when: datetime) -> date:
    """The first day (UTC) of the week, month or all-time period that ``when`` falls in."""
    day = when.astimezone(UTC).date()
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    return ALL_TIME_START


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
class LeaderboardRow:
    """One line of a leaderboard."""

    rank: int
    member_id: int
    points: int
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class LeaderboardPage:
    """A page of a leaderboard and how many members it has in all."""

    rows: tuple[LeaderboardRow, ...]
    total_members: int
    offset: int
    limit: int

    @property
    def pages(self) -> int:
        """How many pages of ``limit`` rows the board has (at least 1)."""
        return max(1, -(-self.total_members // self.limit))


@dataclass(frozen=True, slots=True)
class MemberRank:
    """A member's standing in one server for a period (best streak is all-time)."""

    member_id: int
    rank: int
    points: int
    answered: int
    correct: int
    best_streak: int
    of: int

    @property
    def accuracy(self) -> float:
        """Correct answers as a fraction of answers (0.0 when none)."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class DeletedMemberData:
    """How much was deleted for one member in one server: quiz answers and flashcards."""

    answers: int
    cards: int


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

#: What ``Store.record_answers`` runs in its transaction with the answers stored now.
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
        "term": record.term[:_NAME_LENGTH],
        "topic": record.topic[:_NAME_LENGTH],
        "correct": record.correct,
        "points": record.points,
        "ms": record.ms,
        "answered_at": record.answered_at,
    }


def database_url(value: str | Path | None = None) -> str:
    """An async SQLAlchemy URL from a URL or an SQLite file path (default ``data/studybot.db``)."""
    raw = str(value) if value else str(DEFAULT_DATABASE_PATH)
    if "://" not in raw:
        return f"sqlite+aiosqlite:///{Path(raw).expanduser().resolve()}"
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+asyncpg://" + raw[len(prefix) :]
    if raw.startswith("sqlite://"):
        return "sqlite+aiosqlite://" + raw[len("sqlite://") :]
    return raw


def upgrade_schema(connection: Connection, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` on a synchronous connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def head_revision() -> str:
    """The newest migration's revision id."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


#: How long an SQLite statement waits for another connection's write lock before it fails, in ms.
SQLITE_BUSY_MS = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, busy_ms: int = SQLITE_BUSY_MS) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_stale_connection(context: ExceptionContext) -> None:
    """A connection that found the file read-only (or hit an I/O error) stays so: reconnect after it."""
    text = str(context.original_exception)
    if "readonly database" in text or "disk I/O error" in text:
        context.is_disconnect = True


class Store:
    """All persistent quiz data; open with ``await Store.open(url)``, close with ``await store.close()``."""

    def __init__(self, engine: AsyncEngine, clock: Clock, *, lock: ProcessLock | None = None) -> None:
        self.engine = engine
        self.clock = clock
        self._lock = lock
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    @classmethod
    async def open(
        cls,
        url: str | Path | None = None,
        *,
        clock: Clock | None = None,
        migrate_to: str = "head",
        exclusive: bool = False,
        busy_ms: int = SQLITE_BUSY_MS,
    ) -> Store:
        """Connect, create the SQLite directory if needed, and migrate the schema.

        ``exclusive`` (the bot) takes the SQLite file's process lock first: ``DatabaseInUse`` when
        another process holds it (PostgreSQL needs no such lock). Creating and migrating an SQLite
        file is serialised between processes, so simultaneous starts never both create the tables.
        ``busy_ms``: how long an SQLite statement waits for another process's write lock, then fails
        with ``OperationalError`` ("database is locked").
        """
        full_url = database_url(url)
        parsed = make_url(full_url)
        sqlite_file: Path | None = None
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            sqlite_file = Path(parsed.database)
            sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        lock = ProcessLock(sqlite_file, str(parsed.database)) if exclusive and sqlite_file else None
        engine = create_engine(full_url, pool_pre_ping=parsed.get_backend_name() != "sqlite")
        if engine.dialect.name == "sqlite":
            event.listen(engine.sync_engine, "connect", functools.partial(_sqlite_pragmas, busy_ms=busy_ms))
            event.listen(engine.sync_engine, "handle_error", _sqlite_stale_connection)
        try:
            serialised = migration_lock(sqlite_file) if sqlite_file else contextlib.nullcontext()
            await asyncio.to_thread(serialised.__enter__)
            try:
                async with engine.begin() as conn:
                    if engine.dialect.name == "postgresql":
                        await conn.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                        )
                    await conn.run_sync(upgrade_schema, migrate_to)
            finally:
                serialised.__exit__(None, None, None)
        except BaseException:
            await dispose_engine(engine)
            if lock is not None:
                lock.release()
            raise
        log.info("database ready: %s", parsed.render_as_string(hide_password=True))
        return cls(engine, clock or SystemClock(), lock=lock)

    async def close(self) -> None:
        """Close every connection (waiting at most ``DISPOSE_TIMEOUT``, 5 s) and free the SQLite file's
        process lock."""
        try:
            await dispose_engine(self.engine)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @property
    def stats(self) -> StatsRepository:
        """The study statistics of this database (/stats)."""
        return StatsRepository(self.engine)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    async def revision(self) -> str | None:
        """The schema's current Alembic revision."""
        async with self.engine.connect() as conn:
            result = await conn.execute(text("SELECT version_num FROM alembic_version"))
            return result.scalar_one_or_none()

    # -- rounds --------------------------------------------------------------------------
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
            topic = r.topic[:_NAME_LENGTH]
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

    # -- leaderboards --------------------------------------------------------------------
    @staticmethod
    def _board(
        guild_id: int, period: Period, topic: str | None, now: datetime
    ) -> tuple[Table, dict[str, Any]]:
        """The totals table of a leaderboard and the key values that select its index range."""
        if period is Period.ALL and topic is None:
            return scores, {"guild_id": guild_id}
        key: dict[str, Any] = {
            "guild_id": guild_id,
            "period_kind": period.value,
            "period_start": period_start(period, now),
        }
        if topic is None:
            return period_scores, key
        return period_topic_scores, {**key, "topic": topic[:_NAME_LENGTH]}

    @staticmethod
    def _in(table: Any, key: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        """``table``'s (or an alias's) rows of one leaderboard."""
        return [table.c[name] == value for name, value in key.items()]

    async def leaderboard(
        self,
        guild_id: int,
        *,
        period: Period | str = Period.ALL,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        now: datetime | None = None,
    ) -> LeaderboardPage:
        """A page of one server's leaderboard, best first (equal points share a rank)."""
        period = Period(period)
        table, key = self._board(guild_id, period, topic, now or self.clock.now())
        board = table.alias("board")
        # one round trip: the page (an index range, best first) and the board's size (a COUNT over it)
        total = select(func.count()).select_from(board).where(*self._in(board, key)).scalar_subquery()
        page_stmt = (
            select(table.c.member_id, table.c.points, table.c.answered, table.c.correct, total.label("total"))
            .where(*self._in(table, key))
            .order_by(table.c.points.desc(), table.c.member_id)
            .limit(limit)
            .offset(offset)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(page_stmt)).all()
            if not rows:
                count = await conn.execute(select(func.count()).where(*self._in(table, key)))
                return LeaderboardPage((), int(count.scalar_one()), offset, limit)
            first_rank = 1
            if offset > 0:
                above = select(func.count()).where(
                    *self._in(table, key), table.c.points > int(rows[0].points)
                )
                first_rank = 1 + int((await conn.execute(above)).scalar_one())
        out: list[LeaderboardRow] = []
        previous: tuple[int, int] | None = None
        for position, row in enumerate(rows):
            points = int(row.points)
            if position == 0:
                rank = first_rank
            elif previous is not None and points == previous[1]:
                rank = previous[0]
            else:
                rank = offset + position + 1
            previous = (rank, points)
            out.append(LeaderboardRow(rank, int(row.member_id), points, int(row.answered), int(row.correct)))
        return LeaderboardPage(tuple(out), int(rows[0].total), offset, limit)

    async def rank(
        self,
        guild_id: int,
        member_id: int,
        *,
        period: Period | str = Period.ALL,
        topic: str | None = None,
        now: datetime | None = None,
    ) -> MemberRank | None:
        """A member's points, rank, answers, accuracy and best streak in one server; None if not ranked."""
        period = Period(period)
        table, key = self._board(guild_id, period, topic, now or self.clock.now())
        above, board, streaks = table.alias("above"), table.alias("board"), scores.alias("streaks")
        # one round trip: the member's row, COUNTs over the board's index range, the all-time best streak
        stmt = select(
            table.c.points,
            table.c.answered,
            table.c.correct,
            select(func.count())
            .select_from(above)
            .where(*self._in(above, key), above.c.points > table.c.points)
            .scalar_subquery()
            .label("above"),
            select(func.count())
            .select_from(board)
            .where(*self._in(board, key))
            .scalar_subquery()
            .label("of"),
            select(streaks.c.best_streak)
            .where(streaks.c.guild_id == guild_id, streaks.c.member_id == member_id)
            .scalar_subquery()
            .label("best"),
        ).where(*self._in(table, key), table.c.member_id == member_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(stmt)).first()
        if row is None:
            return None
        return MemberRank(
            member_id,
            int(row.above) + 1,
            int(row.points),
            int(row.answered),
            int(row.correct),
            int(row.best or 0),
            int(row.of),
        )

    async def topics(self, guild_id: int) -> list[str]:
        """Topics this server has answered questions on (for autocomplete)."""
        async with self.engine.connect() as conn:
            result = await conn.execute(
                select(period_topic_scores.c.topic)
                .where(
                    period_topic_scores.c.guild_id == guild_id,
                    period_topic_scores.c.period_kind == Period.ALL.value,
                    period_topic_scores.c.period_start == ALL_TIME_START,
                )
                .distinct()
            )
            return sorted(str(t) for t in result.scalars())

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

    # -- deleting ------------------------------------------------------------------------
    async def reset(self, guild_id: int) -> int:
        """Wipe one server's leaderboard and answer history; returns how many members it had."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(scores).where(scores.c.guild_id == guild_id))
            for table in (daily_scores, period_scores, period_topic_scores):
                await conn.execute(delete(table).where(table.c.guild_id == guild_id))
            await conn.execute(delete(answers).where(answers.c.guild_id == guild_id))
        log.info("leaderboard of guild %s reset", guild_id)
        return int(result.rowcount or 0)

    async def delete_member_data(self, guild_id: int, member_id: int) -> DeletedMemberData:
        """Delete everything stored about one member in one server, in one transaction.

        Their answers, score totals, flashcards, reminder setting and pending notes uploads go; rounds
        they started and notes versions they uploaded stay (the others' points, the server's notes) but
        no longer name them. Other servers are untouched. Returns what was deleted.
        """
        async with self.engine.begin() as conn:
            result = await conn.execute(
                delete(answers).where(answers.c.guild_id == guild_id, answers.c.member_id == member_id)
            )
            deleted_cards = await conn.execute(
                delete(cards).where(cards.c.guild_id == guild_id, cards.c.member_id == member_id)
            )
            await conn.execute(
                delete(review_reminders).where(
                    review_reminders.c.guild_id == guild_id, review_reminders.c.member_id == member_id
                )
            )
            await conn.execute(
                delete(scores).where(scores.c.guild_id == guild_id, scores.c.member_id == member_id)
            )
            for table in (daily_scores, period_scores, period_topic_scores):
                await conn.execute(
                    delete(table).where(table.c.guild_id == guild_id, table.c.member_id == member_id)
                )
            await conn.execute(
                update(rounds)
                .where(rounds.c.guild_id == guild_id, rounds.c.started_by == member_id)
                .values(started_by=0)
            )
            await conn.execute(
                notes_pending.delete().where(
                    notes_pending.c.guild_id == guild_id, notes_pending.c.member_id == member_id
                )
            )
            await conn.execute(
                notes_versions.update()
                .where(notes_versions.c.guild_id == guild_id, notes_versions.c.uploaded_by == member_id)
                .values(uploaded_by=0)
            )
        log.info("deleted the data of member %s in guild %s on request", member_id, guild_id)
        return DeletedMemberData(int(result.rowcount or 0), int(deleted_cards.rowcount or 0))
