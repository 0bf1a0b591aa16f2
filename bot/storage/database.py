"""The database: opening and migrating it, and the repositories of its aggregates on one engine.

``await Store.open(url)`` gives a :class:`Store` whose attributes are the repositories on its one
engine: ``rounds`` (rounds, answers and their totals), ``leaderboards``, ``cards``, ``stats``,
``schedules`` and ``notes``. The domain's repositories (``bot.review``, ``bot.schedule``) are built on
these, never on the engine.
Deleting a member's data spans them all, in one transaction, here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, delete, event, text, update
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.clock import Clock, SystemClock
from bot.storage.board_cache import LiveBoards
from bot.storage.cards import CardRepository

# SQLITE_BUSY_MS: how long an SQLite statement waits for another connection's lock, in ms
from bot.storage.engine import SQLITE_BUSY_MS as SQLITE_BUSY_MS
from bot.storage.engine import create_engine, dispose_engine
from bot.storage.leaderboards import LeaderboardRepository, board_keys
from bot.storage.lock import ProcessLock, migration_lock
from bot.storage.migrations import MIGRATIONS_DIR
from bot.storage.notes import NotesRepository, notes_pending, notes_versions
from bot.storage.rounds import RoundRepository
from bot.storage.schedules import ScheduleRows
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

log = logging.getLogger(__name__)

#: The database handle repositories are built on (SQLAlchemy's async engine), and one of its
#: connections inside a transaction (what ``RoundRepository.record_answers`` hands its ``also``).
Engine = AsyncEngine
DatabaseConnection = AsyncConnection

DEFAULT_DATABASE_PATH = Path("data") / "studybot.db"
_MIGRATION_LOCK = 0x5757_0001  # pg_advisory_xact_lock key: one migrator at a time


@dataclass(frozen=True, slots=True)
class DeletedMemberData:
    """How much was deleted for one member in one server: quiz answers and flashcards."""

    answers: int
    cards: int


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


#: Pages (4 KB each) the write-ahead log grows to before a commit copies it back into the database file
#: (SQLite's ``wal_autocheckpoint``; its default is 1,000). A batch of 500 quiz answers dirties
#: a page of every totals table for nearly every answer, so at 1,000 pages nearly every commit also ran
#: a checkpoint, copying the same pages again and again; at 10,000 a checkpoint copies each page once
#: for about ten batches. Measured on the quiz writer's transactions (56,000 answers in batches of 400
#: from 1,000 rounds, SQLite file): CPU per answer 89.8 -> 82 us (3 runs each), commit wall time
#: 17 -> 10 ms per batch. The log file then reaches about 40 MB; it is reused, and removed at close.
WAL_AUTOCHECKPOINT_PAGES = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # no busy_timeout here: the connection waits for locks itself (bot.storage.engine.SQLiteConnection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    cursor.close()


def _sqlite_stale_connection(context: ExceptionContext) -> None:
    """A connection that found the file read-only (or hit an I/O error) stays so: reconnect after it."""
    text = str(context.original_exception)
    if "readonly database" in text or "disk I/O error" in text:
        context.is_disconnect = True


class Store:
    """The open database and its repositories, all on one engine; open with ``await Store.open(url)``,
    close with ``await store.close()``."""

    def __init__(self, engine: AsyncEngine, clock: Clock, *, lock: ProcessLock | None = None) -> None:
        self.engine = engine
        self.clock = clock
        self._lock = lock
        #: The leaderboards this process keeps in memory, moved by its own commits of answers.
        self.boards = LiveBoards(board_keys)
        #: Rounds, and answers stored with their totals.
        self.rounds = RoundRepository(engine, clock, boards=self.boards)
        #: Leaderboard pages, ranks and topics; resetting a server's board.
        self.leaderboards = LeaderboardRepository(engine, clock, boards=self.boards)
        #: Flashcard rows (a rating's write is a compare-and-set) and reminder opt-ins.
        self.cards = CardRepository(engine)
        #: The study statistics (/stats).
        self.stats = StatsRepository(engine)
        #: Schedule rows (every state change a compare-and-set).
        self.schedules = ScheduleRows(engine)
        #: Each server's own notes.
        self.notes = NotesRepository(engine)

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
        engine = create_engine(
            full_url, sqlite_busy_ms=busy_ms, pool_pre_ping=parsed.get_backend_name() != "sqlite"
        )
        if engine.dialect.name == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
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
            await self.leaderboards.close()
            await dispose_engine(self.engine)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    async def revision(self) -> str | None:
        """The schema's current Alembic revision."""
        async with self.engine.connect() as conn:
            result = await conn.execute(text("SELECT version_num FROM alembic_version"))
            return result.scalar_one_or_none()

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
        self.boards.changed([guild_id])
        log.info("deleted the data of member %s in guild %s on request", member_id, guild_id)
        return DeletedMemberData(int(result.rowcount or 0), int(deleted_cards.rowcount or 0))
