"""Fixtures for the per-server notes: a notes repository on SQLite and on PostgreSQL, and sample notes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge
from bot.matching import Matcher
from bot.storage import Store
from bot.storage.notes import NotesRepository, notes_guilds, notes_pending, notes_versions
from tests.dbutil import postgres_database, sqlite_url

CELLS_MD = b"""# Cell biology

- **Mitochondrion**: the organelle that releases energy by aerobic respiration.
- **Ribosome**: the site where proteins are made from amino acids.
- **Nucleus**: controls the cell and holds the DNA.
- **Chloroplast**: the organelle where photosynthesis happens in plant cells.
"""


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One PostgreSQL database for this session's notes tests."""
    with postgres_database("studybot_notes") as url:
        yield url


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
    """An open store whose notes tables are empty."""
    opened = await Store.open(db_url, clock=clock)
    async with opened.engine.begin() as conn:
        for table in (notes_pending, notes_versions, notes_guilds):
            await conn.execute(table.delete())
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def repo(store: Store) -> NotesRepository:
    """The notes repository on the store's engine."""
    return NotesRepository(store.engine)


@pytest.fixture(scope="session")
def shared_notes() -> tuple[KnowledgeBase, Matcher]:
    """The bundled notes and their matcher."""
    kb = load_knowledge()
    matcher = Matcher(kb)
    matcher.prepare()
    return kb, matcher
