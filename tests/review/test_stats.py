"""Stats against a hand-made answer history: accuracy by topic, missed terms, streaks, the server's week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.clock import FakeClock
from bot.storage import Store
from bot.storage.stats import (
    Accuracy,
    MissedTerm,
    TopicAccuracy,
    WeekPoint,
    day_streak,
    member_stats,
    server_missed,
)
from tests.review.conftest import History

GUILD, OTHER_GUILD, ALICE, BOB, CAROL = 10, 11, 100, 200, 300
V, C = "Virtualization", "Cloud"


def at(day: int, hour: int, minute: int = 0, month: int = 1) -> datetime:
    year = 2026 if month == 1 else 2025
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


ALICE_HISTORY = [  # (term, topic, correct, when), in the order answered
    ("Hypervisor", V, True, at(3, 10)),
    ("SaaS", C, False, at(3, 10, 1)),
    ("Hypervisor", V, False, at(4, 10)),
    ("IaaS", C, True, at(4, 10, 1)),
    ("SaaS", C, False, at(4, 10, 2)),
    ("Hypervisor", V, False, at(5, 9)),
    ("Virtual machine", V, True, at(5, 9, 1)),
    ("Virtual machine", V, True, at(5, 9, 2)),
    ("PaaS", C, False, at(5, 9, 3)),
    ("IaaS", C, True, at(5, 9, 4)),
    ("IaaS", C, True, at(5, 9, 5)),
]
BOB_HISTORY = [
    ("Container", V, False, at(26, 12, month=12)),  # ten days before "now": outside the server's week
    ("Hypervisor", V, False, at(4, 12)),
    ("SaaS", C, True, at(5, 8)),
]


async def _write_history(store: Store) -> None:
    here = History(store, GUILD)
    for term, topic, correct, when in ALICE_HISTORY:
        await here.answer(ALICE, term, topic, correct, when)
    for term, topic, correct, when in BOB_HISTORY:
        await here.answer(BOB, term, topic, correct, when)
    elsewhere = History(store, OTHER_GUILD)  # must never show up in GUILD's numbers
    for minute in range(5):
        await elsewhere.answer(ALICE, "Hypervisor", V, False, at(5, 10, minute))
        await elsewhere.answer(CAROL, "Cloud bursting", C, False, at(5, 10, minute))


async def test_member_stats_from_a_known_history(store: Store, clock: FakeClock) -> None:
    await _write_history(store)
    stats = await member_stats(store.engine, GUILD, ALICE, clock.now())
    assert stats.total == Accuracy(11, 6)
    assert stats.by_topic == (
        TopicAccuracy(C, Accuracy(6, 3)),
        TopicAccuracy(V, Accuracy(5, 3)),
    )
    assert [t.accuracy.percent for t in stats.by_topic] == [50, 60]
    assert stats.most_missed == (
        MissedTerm("SaaS", C, 2, 2),
        MissedTerm("Hypervisor", V, 2, 3),
        MissedTerm("PaaS", C, 1, 1),
    )
    assert (stats.streak, stats.best_streak) == (2, 2)
    assert stats.day_streak == 3  # 3, 4 and 5 January
    assert stats.weekly == (
        WeekPoint(date(2025, 12, 29), C, Accuracy(3, 1)),
        WeekPoint(date(2025, 12, 29), V, Accuracy(2, 1)),
        WeekPoint(date(2026, 1, 5), C, Accuracy(3, 2)),
        WeekPoint(date(2026, 1, 5), V, Accuracy(3, 2)),
    )


async def test_stats_of_a_member_stay_in_their_server(store: Store, clock: FakeClock) -> None:
    await _write_history(store)
    there = await member_stats(store.engine, OTHER_GUILD, ALICE, clock.now())
    assert there.total == Accuracy(5, 0)
    assert there.most_missed == (MissedTerm("Hypervisor", V, 5, 5),)
    nobody = await member_stats(store.engine, GUILD, CAROL, clock.now())
    assert not nobody.has_answers
    assert (nobody.by_topic, nobody.most_missed, nobody.weekly, nobody.streak, nobody.day_streak) == (
        (),
        (),
        (),
        0,
        0,
    )


async def test_the_terms_the_server_missed_most_this_week(store: Store, clock: FakeClock) -> None:
    await _write_history(store)
    week = await server_missed(store.engine, GUILD, clock.now())
    assert week.since == clock.now() - timedelta(days=7)
    assert week.answered == 13  # Bob's answer from ten days ago is not this week
    assert week.terms == (
        MissedTerm("Hypervisor", V, 3, 4, members=2),
        MissedTerm("SaaS", C, 2, 3, members=1),
        MissedTerm("PaaS", C, 1, 1, members=1),
    )
    clock.advance(days=8)  # a week later nothing of this is recent
    later = await server_missed(store.engine, GUILD, clock.now())
    assert (later.answered, later.terms) == (0, ())
    other = await server_missed(store.engine, OTHER_GUILD, datetime(2026, 1, 6, tzinfo=UTC), limit=1)
    assert other.terms == (MissedTerm("Cloud bursting", C, 5, 5, members=1),)


def test_day_streak_counts_back_from_today_or_yesterday() -> None:
    today = date(2026, 1, 5)
    days = [date(2026, 1, 4), date(2026, 1, 3), date(2026, 1, 1)]
    assert day_streak(days, today) == 2  # nothing yet today: the streak still stands
    assert day_streak([today, *days], today) == 3
    assert day_streak([date(2026, 1, 2)], today) == 0
    assert day_streak([], today) == 0
