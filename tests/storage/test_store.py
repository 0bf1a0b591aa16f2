"""Store: answers, totals, idempotency, leaderboards, rank, reset, privacy, interrupted rounds."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from bot.review import Rating, ReviewRepository
from bot.storage import AnswerRecord, DeletedMemberData, Period, RoundStatus, Store
from bot.storage.schema import daily_scores, period_scores, period_topic_scores, scores

GUILD, OTHER_GUILD, CHANNEL = 100, 200, 10
#: every leaderboard a member can pick: (period, topic)
BOARDS = [(p, t) for p in ("week", "month", "all") for t in (None, "Virtualization")]
_question = count()


async def _answer(
    store: Store,
    round_id: int,
    member: int,
    points: int,
    *,
    correct: bool = True,
    guild: int = GUILD,
    topic: str = "Virtualization",
    at: datetime | None = None,
    question: int | None = None,
) -> bool:
    record = AnswerRecord(
        round_id=round_id,
        question_index=next(_question) if question is None else question,
        guild_id=guild,
        channel_id=CHANNEL,
        member_id=member,
        term="Hypervisor",
        topic=topic,
        correct=correct,
        points=points if correct else 0,
        ms=1500,
        answered_at=at or store.clock.now(),
    )
    return await store.rounds.record_answer(record)


async def _round(store: Store, guild: int = GUILD) -> int:
    return await store.rounds.start_round(
        guild, CHANNEL, 1, {"questions": 10, "mode": "typed"}, store.clock.now()
    )


async def test_an_answer_written_twice_counts_once(store: Store) -> None:
    rid = await _round(store)
    assert await _answer(store, rid, 7, 15, question=0) is True
    assert await _answer(store, rid, 7, 15, question=0) is False
    rank = await store.leaderboards.rank(GUILD, 7)
    assert rank is not None
    assert (rank.points, rank.answered, rank.correct) == (15, 1, 1)
    assert len(await store.rounds.answers_of(GUILD, 7)) == 1


async def test_concurrent_awards_all_add_up(store: Store) -> None:
    rid = await _round(store)
    await asyncio.gather(*(_answer(store, rid, 7, 3, question=i) for i in range(40)))
    rank = await store.leaderboards.rank(GUILD, 7)
    assert rank is not None
    assert (rank.points, rank.answered) == (120, 40)


async def test_streak_and_best_streak(store: Store) -> None:
    rid = await _round(store)
    for correct in (True, True, True, False, True):
        await _answer(store, rid, 7, 10, correct=correct)
    rank = await store.leaderboards.rank(GUILD, 7)
    assert rank is not None
    assert rank.best_streak == 3
    assert rank.correct == 4
    assert rank.answered == 5
    assert rank.accuracy == pytest.approx(0.8)


async def test_leaderboard_orders_pages_and_shares_ranks(store: Store) -> None:
    rid = await _round(store)
    for member, points in [(1, 50), (2, 40), (3, 40), (4, 30), (5, 20), (6, 10)]:
        await _answer(store, rid, member, points)
    first = await store.leaderboards.leaderboard(GUILD, limit=3)
    assert [(r.rank, r.member_id, r.points) for r in first.rows] == [(1, 1, 50), (2, 2, 40), (2, 3, 40)]
    assert first.total_members == 6
    assert first.pages == 2
    second = await store.leaderboards.leaderboard(GUILD, limit=2, offset=2)
    assert [(r.rank, r.member_id) for r in second.rows] == [(2, 3), (4, 4)]
    empty = await store.leaderboards.leaderboard(GUILD, limit=3, offset=6)
    assert empty.rows == ()


async def test_each_server_has_its_own_scores(store: Store) -> None:
    r1 = await _round(store, GUILD)
    r2 = await _round(store, OTHER_GUILD)
    await _answer(store, r1, 7, 30, guild=GUILD)
    await _answer(store, r2, 7, 5, guild=OTHER_GUILD)
    await _answer(store, r2, 8, 20, guild=OTHER_GUILD)
    here = await store.leaderboards.rank(GUILD, 7)
    there = await store.leaderboards.rank(OTHER_GUILD, 7)
    assert here is not None
    assert there is not None
    assert (here.points, here.rank, here.of) == (30, 1, 1)
    assert (there.points, there.rank, there.of) == (5, 2, 2)
    assert [r.member_id for r in (await store.leaderboards.leaderboard(OTHER_GUILD)).rows] == [8, 7]


async def test_week_and_month_are_the_calendar_week_and_month(store: Store, clock: FakeClock) -> None:
    rid = await _round(store)
    now = clock.now()  # Monday 2026-01-05 12:00 UTC
    assert now.weekday() == 0
    await _answer(store, rid, 1, 10, at=now - timedelta(hours=1))  # this week
    await _answer(store, rid, 2, 20, at=now - timedelta(days=3))  # Friday 2026-01-02: last week, this month
    await _answer(store, rid, 3, 40, at=now - timedelta(days=40))  # November
    week = await store.leaderboards.leaderboard(GUILD, period=Period.WEEK)
    assert [(r.member_id, r.points) for r in week.rows] == [(1, 10)]
    month = await store.leaderboards.leaderboard(GUILD, period="month")
    assert [(r.member_id, r.points) for r in month.rows] == [(2, 20), (1, 10)]
    everything = await store.leaderboards.leaderboard(GUILD, period="all")
    assert [r.member_id for r in everything.rows] == [3, 2, 1]
    clock.set(datetime(2026, 1, 12, tzinfo=UTC))  # next Monday 00:00: a new, empty week
    assert (await store.leaderboards.leaderboard(GUILD, period=Period.WEEK)).rows == ()
    assert await store.leaderboards.rank(GUILD, 1, period=Period.WEEK) is None
    clock.set(datetime(2026, 2, 1, tzinfo=UTC))  # a new month
    assert (await store.leaderboards.leaderboard(GUILD, period=Period.MONTH)).rows == ()


async def test_an_answer_on_sunday_night_counts_for_that_week_monday_for_the_next(
    store: Store, clock: FakeClock
) -> None:
    rid = await _round(store)
    sunday_late = datetime(2026, 1, 11, 23, 59, 59, 999999, tzinfo=UTC)
    monday = datetime(2026, 1, 12, 0, 0, tzinfo=UTC)
    await _answer(store, rid, 1, 10, at=sunday_late, topic="Cryptography")
    await _answer(store, rid, 2, 20, at=monday, topic="Cryptography")
    clock.set(sunday_late)
    for topic in (None, "Cryptography"):
        week = await store.leaderboards.leaderboard(GUILD, period="week", topic=topic)
        assert [(r.member_id, r.points) for r in week.rows] == [(1, 10)]
    clock.set(monday)
    for topic in (None, "Cryptography"):
        week = await store.leaderboards.leaderboard(GUILD, period="week", topic=topic)
        assert [(r.member_id, r.points) for r in week.rows] == [(2, 20)]
        rank = await store.leaderboards.rank(GUILD, 2, period="week", topic=topic)
        assert rank is not None
        assert (rank.rank, rank.points, rank.of) == (1, 20, 1)
        assert await store.leaderboards.rank(GUILD, 1, period="week", topic=topic) is None
        # both are in January
        month = await store.leaderboards.leaderboard(GUILD, period="month", topic=topic)
        assert [(r.member_id, r.points) for r in month.rows] == [(2, 20), (1, 10)]
    # an explicit ``now`` picks another week
    earlier = await store.leaderboards.leaderboard(GUILD, period="week", now=sunday_late)
    assert [r.member_id for r in earlier.rows] == [1]


async def test_month_boundary_is_midnight_utc_on_the_first(store: Store, clock: FakeClock) -> None:
    rid = await _round(store)
    last_of_january = datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)
    first_of_february = datetime(2026, 2, 1, 0, 0, tzinfo=UTC)
    await _answer(store, rid, 1, 10, at=last_of_january)
    await _answer(store, rid, 2, 20, at=first_of_february)
    clock.set(first_of_february)
    month = await store.leaderboards.leaderboard(GUILD, period="month")
    assert [(r.member_id, r.points) for r in month.rows] == [(2, 20)]
    # the ISO week of Monday 2026-01-26 holds both (Sunday 2026-02-01 ends it)
    week = await store.leaderboards.leaderboard(GUILD, period="week")
    assert [(r.member_id, r.points) for r in week.rows] == [(2, 20), (1, 10)]
    january = await store.leaderboards.leaderboard(GUILD, period="month", now=last_of_january)
    assert [r.member_id for r in january.rows] == [1]


async def test_period_pages_and_ranks_share_ties(store: Store) -> None:
    rid = await _round(store)
    for member, points in [(1, 50), (2, 40), (3, 40), (4, 30)]:
        await _answer(store, rid, member, points, topic="Cryptography")
    for period, topic in [("week", None), ("month", None), ("week", "Cryptography"), ("all", "Cryptography")]:
        second = await store.leaderboards.leaderboard(GUILD, period=period, topic=topic, limit=2, offset=2)
        assert [(r.rank, r.member_id) for r in second.rows] == [(2, 3), (4, 4)]
        assert second.total_members == 4
        rank = await store.leaderboards.rank(GUILD, 3, period=period, topic=topic)
        assert rank is not None
        assert (rank.rank, rank.points, rank.of) == (2, 40, 4)


async def test_topic_filter(store: Store, clock: FakeClock) -> None:
    rid = await _round(store)
    await _answer(store, rid, 1, 10, topic="Virtualization")
    await _answer(store, rid, 2, 30, topic="Cryptography")
    await _answer(store, rid, 1, 25, topic="Cryptography", at=clock.now() - timedelta(days=20))
    assert [
        (r.member_id, r.points)
        for r in (await store.leaderboards.leaderboard(GUILD, topic="Cryptography")).rows
    ] == [
        (2, 30),
        (1, 25),
    ]
    week = await store.leaderboards.leaderboard(GUILD, period="week", topic="Cryptography")
    assert [(r.member_id, r.points) for r in week.rows] == [(2, 30)]
    assert await store.leaderboards.topics(GUILD) == ["Cryptography", "Virtualization"]


async def test_rank_for_a_period_and_an_unknown_member(store: Store, clock: FakeClock) -> None:
    rid = await _round(store)
    await _answer(store, rid, 1, 10)
    await _answer(store, rid, 2, 20)
    await _answer(store, rid, 2, 0, correct=False)
    await _answer(store, rid, 3, 99, at=clock.now() - timedelta(days=9))
    rank = await store.leaderboards.rank(GUILD, 2, period="week")
    assert rank is not None
    assert (rank.rank, rank.points, rank.answered, rank.correct, rank.of) == (1, 20, 2, 1, 2)
    assert rank.accuracy == pytest.approx(0.5)
    all_time = await store.leaderboards.rank(GUILD, 2)
    assert all_time is not None
    assert all_time.rank == 2
    assert await store.leaderboards.rank(GUILD, 3, period="week") is None
    assert await store.leaderboards.rank(GUILD, 999) is None


async def test_reset_clears_one_server_only(store: Store) -> None:
    r1 = await _round(store, GUILD)
    r2 = await _round(store, OTHER_GUILD)
    await _answer(store, r1, 1, 10, guild=GUILD)
    await _answer(store, r2, 1, 10, guild=OTHER_GUILD)
    assert await store.leaderboards.reset(GUILD) == 1
    for period, topic in BOARDS:
        assert (await store.leaderboards.leaderboard(GUILD, period=period, topic=topic)).rows == ()
        assert len((await store.leaderboards.leaderboard(OTHER_GUILD, period=period, topic=topic)).rows) == 1
    assert await store.rounds.answers_of(GUILD) == []
    assert await store.leaderboards.topics(GUILD) == []
    async with store.engine.connect() as conn:  # no totals row of the server is left behind
        for table in (scores, daily_scores, period_scores, period_topic_scores):
            left = await conn.execute(select(func.count()).where(table.c.guild_id == GUILD))
            assert left.scalar_one() == 0, table.name


async def test_delete_member_data_removes_one_member_in_one_server(store: Store) -> None:
    r1 = await _round(store, GUILD)
    r2 = await _round(store, OTHER_GUILD)
    await _answer(store, r1, 1, 10, guild=GUILD)
    await _answer(store, r1, 1, 10, guild=GUILD)
    await _answer(store, r1, 2, 10, guild=GUILD)
    await _answer(store, r2, 1, 10, guild=OTHER_GUILD)
    cards = ReviewRepository(store.cards)
    now = store.clock.now()
    for guild in (GUILD, OTHER_GUILD):
        await cards.rate_term(guild, 1, "Hypervisor", Rating.GOOD, now)
        await cards.set_reminders(guild, 1, True, None, now)
    await cards.rate_term(GUILD, 2, "Hypervisor", Rating.GOOD, now)
    # answers, totals, cards and the reminder setting go in one transaction
    assert await store.delete_member_data(GUILD, 1) == DeletedMemberData(answers=2, cards=1)
    assert await cards.reminder(GUILD, 1) is None
    assert await cards.reminder(OTHER_GUILD, 1) is not None
    assert await cards.due_count(OTHER_GUILD, 1, now + timedelta(days=365)) == 1
    assert await cards.due_count(GUILD, 2, now + timedelta(days=365)) == 1
    for period, topic in BOARDS:
        assert await store.leaderboards.rank(GUILD, 1, period=period, topic=topic) is None
        assert await store.leaderboards.rank(GUILD, 2, period=period, topic=topic) is not None
        assert await store.leaderboards.rank(OTHER_GUILD, 1, period=period, topic=topic) is not None
    async with store.engine.connect() as conn:
        for table in (scores, daily_scores, period_scores, period_topic_scores):
            left = await conn.execute(
                select(func.count()).where(table.c.guild_id == GUILD, table.c.member_id == 1)
            )
            assert left.scalar_one() == 0, table.name


async def test_running_rounds_are_reported_interrupted_once(store: Store, clock: FakeClock) -> None:
    running = await _round(store)
    done = await _round(store)
    await store.rounds.end_round(done, RoundStatus.FINISHED, clock.now())
    found = await store.rounds.interrupted_rounds()
    assert [(r.id, r.guild_id, r.channel_id) for r in found] == [(running, GUILD, CHANNEL)]
    stored = await store.rounds.get_round(running)
    assert stored is not None
    assert stored.status is RoundStatus.INTERRUPTED
    assert stored.settings == {"questions": 10, "mode": "typed"}
    assert stored.started_at == clock.now()
    assert await store.rounds.interrupted_rounds() == []


async def test_times_come_back_as_aware_utc(store: Store, clock: FakeClock) -> None:
    rid = await _round(store)
    await _answer(store, rid, 1, 10, at=clock.now())
    (row,) = await store.rounds.answers_of(GUILD)
    assert row.answered_at == clock.now()
    assert row.answered_at.utcoffset() == timedelta(0)


async def test_interrupted_rounds_only_for_the_guilds_this_process_owns(store: Store) -> None:
    mine = await _round(store, GUILD)
    theirs = await _round(store, OTHER_GUILD)
    found = await store.rounds.interrupted_rounds(owns=lambda guild: guild == GUILD)
    assert [r.id for r in found] == [mine]
    other = await store.rounds.get_round(theirs)
    assert other is not None
    assert other.status is RoundStatus.RUNNING
