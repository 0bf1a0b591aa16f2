"""Kept leaderboard pages: served until this process changes their server's totals, never after; a read
that raced a write is not kept; at most ``max_age`` seconds for writes this process cannot see."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import update

from bot.storage import AnswerRecord, Store
from bot.storage.board_cache import BoardCache
from bot.storage.schema import scores

GUILD, OTHER = 11, 12


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_page_is_served_until_its_guild_changes_and_other_guilds_keep_theirs() -> None:
    cache: BoardCache[str] = BoardCache(monotonic=Ticks())
    cache.put(GUILD, "all", "page 1", cache.generation(GUILD))
    cache.put(OTHER, "all", "other page", cache.generation(OTHER))
    assert cache.get(GUILD, "all") == "page 1"
    cache.changed([GUILD])
    assert cache.get(GUILD, "all") is None
    assert cache.get(OTHER, "all") == "other page"
    assert (cache.hits, cache.misses) == (2, 1)


def test_a_read_that_raced_a_write_is_not_kept() -> None:
    cache: BoardCache[str] = BoardCache(monotonic=Ticks())
    before = cache.generation(GUILD)  # a read starts...
    cache.changed([GUILD])  # ...a write commits meanwhile...
    cache.put(GUILD, "all", "read before the write", before)  # ...the read ends
    assert cache.get(GUILD, "all") is None


def test_a_page_expires_after_max_age_and_the_size_is_bounded() -> None:
    ticks = Ticks()
    cache: BoardCache[int] = BoardCache(max_age=2.0, max_pages=3, monotonic=ticks)
    cache.put(GUILD, "all", 1, 0)
    ticks.now += 1.9
    assert cache.get(GUILD, "all") == 1
    ticks.now += 0.2
    assert cache.get(GUILD, "all") is None
    for n in range(10):
        cache.put(GUILD, n, n, 0)
    assert sum(cache.get(GUILD, n) is not None for n in range(10)) <= 3


def _answer(round_id: int, question: int, member: int, points: int, guild: int = GUILD) -> AnswerRecord:
    return AnswerRecord(
        round_id=round_id,
        question_index=question,
        guild_id=guild,
        channel_id=1,
        member_id=member,
        term="Hypervisor",
        topic="Virtualization",
        correct=True,
        points=points,
        ms=1000,
        answered_at=datetime(2026, 1, 5, 12, 0, tzinfo=UTC),
    )


async def test_the_leaderboard_shows_every_committed_answer_at_once(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, 1, 10), _answer(rid, 0, 2, 5)])
    first = await store.leaderboards.leaderboard(GUILD)
    assert [(r.member_id, r.points) for r in first.rows] == [(1, 10), (2, 5)]
    assert await store.leaderboards.leaderboard(GUILD) is first  # kept: nothing changed since
    await store.rounds.record_answers([_answer(rid, 1, 2, 30)])
    after = await store.leaderboards.leaderboard(GUILD)
    assert [(r.member_id, r.points) for r in after.rows] == [(2, 35), (1, 10)]
    await store.delete_member_data(GUILD, 2)
    assert [r.member_id for r in (await store.leaderboards.leaderboard(GUILD)).rows] == [1]
    await store.leaderboards.reset(GUILD)
    assert (await store.leaderboards.leaderboard(GUILD)).rows == ()


async def test_reads_racing_the_writer_never_keep_a_page_older_than_a_commit(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())

    async def reader() -> None:
        for _ in range(30):
            await store.leaderboards.leaderboard(GUILD)

    async def writer() -> None:
        for q in range(30):
            await store.rounds.record_answers([_answer(rid, q, 1, 1)])

    await asyncio.gather(reader(), writer(), reader())
    page = await store.leaderboards.leaderboard(GUILD)
    assert [(r.member_id, r.points) for r in page.rows] == [(1, 30)]


async def test_another_process_writing_is_seen_within_max_age(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, 1, 10)])
    ticks = Ticks()
    store.boards = store.rounds.boards = store.leaderboards.boards = BoardCache(max_age=2.0, monotonic=ticks)
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10
    async with store.engine.begin() as conn:  # a write this process does not make
        await conn.execute(update(scores).where(scores.c.guild_id == GUILD).values(points=99))
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10
    ticks.now += 2.0
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 99
