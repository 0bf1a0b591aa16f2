"""Migration 0004: a database at 0003 gains the review tables on open, and the downgrade removes them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from bot.clock import FakeClock
from bot.review import CardSource, Rating, ReviewRepository
from bot.storage import Store
from bot.storage.migrations import MIGRATIONS_DIR
from tests.dbutil import postgres_database, sqlite_url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind (PostgreSQL: made for this test, dropped after)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "old.db")
    else:
        with postgres_database("studybot_review_migrate") as url:
            yield url


def _downgrade(connection: Connection, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


def _tables(connection: Connection) -> set[str]:
    return set(connection.dialect.get_table_names(connection))


async def test_0003_database_gets_the_review_tables_and_can_go_back(fresh_url: str) -> None:
    clock = FakeClock()
    old = await Store.open(fresh_url, clock=clock, migrate_to="0003")
    async with old.engine.connect() as conn:
        assert not {"cards", "review_reminders"} & await conn.run_sync(_tables)
    await old.close()

    store = await Store.open(fresh_url, clock=clock)
    try:
        repository = ReviewRepository(store.cards)
        card = await repository.introduce(1, 2, "Hypervisor", clock.now(), CardSource.REVIEW)
        rated = await repository.rate(card.id, 0, Rating.HARD, clock.now())
        assert rated is not None
        stored = await repository.card(card.id)
        assert stored is not None
        assert stored.fsrs.to_dict() == rated.fsrs.to_dict()
        await repository.set_reminders(1, 2, True, 3, clock.now())
        async with store.engine.begin() as conn:
            await conn.run_sync(_downgrade, "0003")
            assert not {"cards", "review_reminders"} & await conn.run_sync(_tables)
            assert "schedules" in await conn.run_sync(_tables)
    finally:
        await store.close()
    again = await Store.open(fresh_url, clock=clock)  # and up again
    try:
        assert await ReviewRepository(again.cards).card(card.id) is None
    finally:
        await again.close()
