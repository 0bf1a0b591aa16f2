"""Review and stats fixtures: every database test runs on SQLite and on PostgreSQL, on a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete

from bot.clock import FakeClock
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.review import ReviewDesk, ReviewRepository
from bot.storage import AnswerRecord, Store
from bot.storage.schema import answers, cards, daily_scores, review_reminders, rounds, scores
from tests.dbutil import postgres_database, sqlite_url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One PostgreSQL database private to this test session; fails (never skips) when the server is down."""
    with postgres_database("studybot_review") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL, once per backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "review.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def clock() -> FakeClock:
    """Monday 2026-01-05 12:00 UTC."""
    return FakeClock()


@pytest.fixture
async def store(db_url: str, clock: FakeClock) -> AsyncIterator[Store]:
    """The bot's store migrated to head, with every table this folder touches emptied."""
    opened = await Store.open(db_url, clock=clock)
    async with opened.engine.begin() as conn:
        for table in (cards, review_reminders, answers, daily_scores, scores, rounds):
            await conn.execute(delete(table))
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def repository(store: Store) -> ReviewRepository:
    """Cards and reminders over the store's database."""
    return ReviewRepository(store.cards)


@pytest.fixture
def desk(repository: ReviewRepository) -> ReviewDesk:
    """The review desk (10 new cards a day)."""
    return ReviewDesk(repository)


def make_kb(topics: dict[str, list[str]]) -> KnowledgeBase:
    """A knowledge base from ``{title: [term, ...]}``; each definition is "Meaning of <term>."."""
    kb = KnowledgeBase()
    for n, (title, terms) in enumerate(topics.items()):
        topic = Topic(title=title, path=Path(f"/notes/{n}.yaml"), objective=f"{n + 1}.1")
        kb.topics.append(topic)
        kb.files.append(topic.path)
        kb.entries.extend(Entry(term=t, definition=f"Meaning of {t}.", topic=topic) for t in terms)
    return kb


class History:
    """Writes a quiz answer history through the real ``store.rounds.record_answer`` (answers, totals)."""

    def __init__(self, store: Store, guild_id: int) -> None:
        self.store = store
        self.guild_id = guild_id
        self.round_id: int | None = None
        self.index = 0

    async def answer(
        self, member_id: int, term: str, topic: str, correct: bool, at: datetime, *, points: int = 10
    ) -> None:
        """One answer at ``at`` (each in its own question of one round)."""
        if self.round_id is None:
            self.round_id = await self.store.rounds.start_round(
                self.guild_id, 1, member_id, {}, at - timedelta(days=400)
            )
        self.index += 1
        await self.store.rounds.record_answer(
            AnswerRecord(
                round_id=self.round_id,
                question_index=self.index,
                guild_id=self.guild_id,
                channel_id=1,
                member_id=member_id,
                term=term,
                topic=topic,
                correct=correct,
                points=points if correct else 0,
                ms=1000,
                answered_at=at,
            )
        )
