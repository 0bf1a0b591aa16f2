"""Database fixtures: every store test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete

from bot.clock import FakeClock
from bot.storage import Store
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
from tests.dbutil import postgres_database, sqlite_url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One uniquely named PostgreSQL database for this test session, dropped at the end."""
    with postgres_database("studybot_storage") as url:
        yield url


@pytest.fixture
def sqlite_file_url(tmp_path: Path) -> str:
    """A fresh SQLite file for one test."""
    return sqlite_url(tmp_path / "data" / "studybot.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL, once per backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "data" / "studybot.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def clock() -> FakeClock:
    """A clock at Monday 2026-01-05 12:00 UTC."""
    return FakeClock()


@pytest.fixture
async def store(db_url: str, clock: FakeClock) -> AsyncIterator[Store]:
    """An open, empty store on each backend."""
    opened = await Store.open(db_url, clock=clock)
    async with opened.engine.begin() as conn:
        for table in (
            answers,
            daily_scores,
            period_scores,
            period_topic_scores,
            scores,
            rounds,
            cards,
            review_reminders,
        ):
            await conn.execute(delete(table))
    try:
        yield opened
    finally:
        await opened.close()
