"""Schedule test fixtures: a migrated SQLite file per test, a migrated PostgreSQL database per session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.schedule.repository import ScheduleRepository
from bot.storage import Store
from bot.storage.schema import schedules
from tests.dbutil import postgres_database, sqlite_url


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A PostgreSQL database private to this test session; fails (never skips) if the server is down."""
    with postgres_database("studybot_schedule") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL for each backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "schedules.db")
    return str(request.getfixturevalue("pg_database_url"))


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """The bot's store, migrated to head by ``Store.open``, with an empty schedules table."""
    store = await Store.open(database_url)
    async with store.engine.begin() as conn:
        await conn.execute(sa.delete(schedules))
    yield store
    await store.close()


@pytest.fixture
def engine(store: Store) -> AsyncEngine:
    """The store's engine."""
    return store.engine


@pytest.fixture
def repository(store: Store) -> ScheduleRepository:
    """The repository over the store's schedule rows."""
    return ScheduleRepository(store.schedules)
