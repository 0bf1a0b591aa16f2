"""Schema migrations: a database made at revision 1 is upgraded when the store opens it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text

from bot.clock import FakeClock
from bot.storage import AnswerRecord, Store, database_url
from bot.storage.database import head_revision
from bot.storage.migrations import MIGRATIONS_DIR
from bot.storage.schema import answers, rounds
from tests.dbutil import postgres_database, sqlite_url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty database of each kind (PostgreSQL: created for this test and dropped after)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "old.db")
    else:
        with postgres_database("studybot_migrate") as url:
            yield url


async def test_revision_1_database_is_upgraded_on_open(fresh_url: str) -> None:
    clock = FakeClock()
    old = await Store.open(fresh_url, clock=clock, migrate_to="0001")
    assert await old.revision() == "0001"
    async with old.engine.begin() as conn:
        tables = await conn.run_sync(lambda c: set(c.dialect.get_table_names(c)))
        assert "daily_scores" not in tables
        await conn.execute(
            rounds.insert().values(
                id=1,
                guild_id=5,
                channel_id=6,
                started_by=7,
                started_at=clock.now(),
                status="finished",
                settings={},
            )
        )
        for i, (member, points, days_ago) in enumerate([(7, 10, 1), (7, 20, 2), (8, 15, 40)]):
            await conn.execute(
                answers.insert().values(
                    round_id=1,
                    question_index=i,
                    guild_id=5,
                    channel_id=6,
                    member_id=member,
                    term="VM",
                    topic="Virtualization",
                    correct=True,
                    points=points,
                    ms=100,
                    answered_at=clock.now() - timedelta(days=days_ago),
                )
            )
        await conn.execute(
            text(
                "INSERT INTO scores (guild_id, member_id, points, answered, correct, streak, best_streak) "
                "VALUES (5, 7, 30, 2, 2, 2, 2), (5, 8, 15, 1, 1, 1, 1)"
            )
        )
    await old.close()

    store = await Store.open(fresh_url, clock=clock)
    try:
        assert await store.revision() == head_revision()
        # the clock is Monday 2026-01-05 12:00: answers of Jan 4 and 3 are last week, this month
        month = await store.leaderboards.leaderboard(5, period="month")
        assert [(r.member_id, r.points) for r in month.rows] == [(7, 30)]
        assert (await store.leaderboards.leaderboard(5, period="week")).rows == ()
        last_week = await store.leaderboards.leaderboard(
            5, period="week", now=clock.now() - timedelta(days=1)
        )
        assert [(r.member_id, r.points) for r in last_week.rows] == [(7, 30)]
        topic_month = await store.leaderboards.leaderboard(5, period="month", topic="Virtualization")
        assert [(r.member_id, r.points) for r in topic_month.rows] == [(7, 30)]
        topic = await store.leaderboards.leaderboard(5, topic="Virtualization")
        assert [(r.member_id, r.points) for r in topic.rows] == [(7, 30), (8, 15)]
    finally:
        await store.close()
    again = await Store.open(fresh_url, clock=clock)  # opening an up-to-date database changes nothing
    assert await again.revision() == head_revision()
    await again.close()


async def test_sqlite_path_directory_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = await Store.open(None)
    try:
        assert store.dialect == "sqlite"
    finally:
        await store.close()
    assert (tmp_path / "data" / "studybot.db").is_file()


def test_database_url_forms(tmp_path: Path) -> None:
    assert database_url(tmp_path / "x.db") == f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgres://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert database_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert database_url("postgresql+asyncpg://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert database_url("sqlite:///rel.db") == "sqlite+aiosqlite:///rel.db"


async def test_period_totals_are_back_filled_at_week_and_month_boundaries(fresh_url: str) -> None:
    """Migration 0006 computes each answer's week (from Monday UTC) and month in SQL, like the store."""
    clock = FakeClock(datetime(2026, 2, 2, 12, 0, tzinfo=UTC))  # a Monday
    old = await Store.open(fresh_url, clock=clock, migrate_to="0005")
    moments = [
        (1, 10, datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)),  # Saturday: last week, January
        (2, 20, datetime(2026, 2, 1, 23, 59, 59, 999000, tzinfo=UTC)),  # Sunday night: last week, February
        (3, 40, datetime(2026, 2, 2, 0, 0, tzinfo=UTC)),  # Monday 00:00: this week, February
    ]
    async with old.engine.begin() as conn:
        await conn.execute(
            rounds.insert().values(
                id=1,
                guild_id=5,
                channel_id=6,
                started_by=7,
                started_at=clock.now(),
                status="finished",
                settings={},
            )
        )
        for i, (member, points, at) in enumerate(moments):
            await conn.execute(
                answers.insert().values(
                    round_id=1,
                    question_index=i,
                    guild_id=5,
                    channel_id=6,
                    member_id=member,
                    term="VM",
                    topic="Virtualization",
                    correct=True,
                    points=points,
                    ms=100,
                    answered_at=at,
                )
            )
    await old.close()

    store = await Store.open(fresh_url, clock=clock)
    try:
        for topic in (None, "Virtualization"):
            week = await store.leaderboards.leaderboard(5, period="week", topic=topic)
            assert [r.member_id for r in week.rows] == [3]
            last = await store.leaderboards.leaderboard(
                5, period="week", topic=topic, now=clock.now() - timedelta(days=1)
            )
            assert [r.member_id for r in last.rows] == [2, 1]
            month = await store.leaderboards.leaderboard(5, period="month", topic=topic)
            assert [r.member_id for r in month.rows] == [3, 2]
        everything = await store.leaderboards.leaderboard(5, topic="Virtualization")
        assert [r.member_id for r in everything.rows] == [3, 2, 1]
        # downgrading re-creates the old day totals from the answers
        async with store.engine.begin() as conn:
            await conn.run_sync(_downgrade, "0005")
            days = await conn.execute(text("SELECT COUNT(*), SUM(points) FROM member_days"))
            assert tuple(days.one()) == (3, 70)
            tables = await conn.run_sync(lambda c: set(c.dialect.get_table_names(c)))
            assert "period_scores" not in tables
    finally:
        await store.close()


def _downgrade(connection: Connection, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def _totals_and_indexes(store: Store) -> tuple[list[tuple[object, ...]], set[str], set[str]]:
    """Every totals row, the answers table's index names, and the totals tables SQLite keeps rowids for."""
    async with store.engine.connect() as conn:
        rows = []
        for table in ("scores", "daily_scores", "period_scores", "period_topic_scores"):
            found = await conn.execute(text(f"SELECT * FROM {table}"))
            rows += sorted((table, *map(str, row)) for row in found.all())
        indexes = await conn.run_sync(lambda c: {i["name"] for i in c.dialect.get_indexes(c, "answers")})
        with_rowid: set[str] = set()
        if store.dialect == "sqlite":
            made = await conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
            with_rowid = {n for n, sql in made.all() if n.endswith("scores") and "WITHOUT ROWID" not in sql}
    return rows, indexes, with_rowid


async def test_lean_answer_writes_keep_every_total(fresh_url: str) -> None:
    """Migration 0009 (a narrow time index on answers; SQLite totals without rowids) keeps every row,
    and so does its downgrade."""
    clock = FakeClock()
    old = await Store.open(fresh_url, clock=clock, migrate_to="0008")
    round_id = await old.rounds.start_round(5, 6, 7, {}, clock.now())
    for i, (member, correct) in enumerate([(7, True), (7, False), (8, True), (9, False)]):
        record = AnswerRecord(
            round_id, i, 5, 6, member, "VM", "Virtualization", correct, 20 if correct else 0, 100, clock.now()
        )
        assert await old.rounds.record_answer(record)
    before, old_indexes, old_rowid = await _totals_and_indexes(old)
    await old.close()
    assert len(before) == 3 + 3 + 6 + 9
    assert "ix_answers_guild_time_cover" in old_indexes
    store = await Store.open(fresh_url, clock=clock)
    try:
        after, indexes, rowid = await _totals_and_indexes(store)
        assert after == before
        assert "ix_answers_guild_time" in indexes
        assert "ix_answers_guild_time_cover" not in indexes
        assert rowid == set()
        if store.dialect == "sqlite":
            assert old_rowid == {"scores", "daily_scores", "period_scores", "period_topic_scores"}
        board = await store.leaderboards.leaderboard(5)
        assert [(r.member_id, r.points, r.answered) for r in board.rows] == [
            (7, 20, 2),
            (8, 20, 1),
            (9, 0, 1),
        ]
        async with store.engine.begin() as conn:
            await conn.run_sync(_downgrade, "0008")
        assert await _totals_and_indexes(store) == (before, old_indexes, old_rowid)
    finally:
        await store.close()
