"""The card repository on its own: plain rows in and out, and the compare-and-set a rating is written with."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.storage import Store
from bot.storage.cards import CardRow

GUILD, MEMBER = 42, 7


def _fsrs(clock: FakeClock, *, due_in: timedelta = timedelta(0)) -> dict[str, object]:
    return {
        "state": 1,
        "step": 0,
        "stability": None,
        "difficulty": None,
        "due_at": clock.now() + due_in,
        "last_review_at": None,
    }


async def _introduce(store: Store, clock: FakeClock, term: str = "TCP") -> CardRow:
    async with store.cards.transaction() as conn:
        return await store.cards.introduce_in(
            conn, GUILD, MEMBER, term, source="quiz", introduced_at=clock.now(), fresh=_fsrs(clock)
        )


async def test_introduce_makes_a_card_once_and_returns_the_stored_row(store: Store, clock: FakeClock) -> None:
    first = await _introduce(store, clock)
    again = await _introduce(store, clock)
    assert again == first
    assert first.key == (GUILD, MEMBER, "TCP")
    assert (first.reps, first.lapses, first.source, first.state) == (0, 0, "quiz", 1)
    assert first.due_at == clock.now()
    assert first.due_at.utcoffset() == timedelta(0)
    assert await store.cards.card(first.id) == first
    assert await store.cards.card_for(GUILD, MEMBER, "TCP") == first
    assert await store.cards.terms_of(GUILD, MEMBER) == {"TCP"}
    assert await store.cards.due_count(GUILD, MEMBER, clock.now()) == 1
    assert await store.cards.introduced_since(GUILD, MEMBER, clock.now(), "quiz") == 1
    assert await store.cards.introduced_since(GUILD, MEMBER, clock.now(), "review") == 0


async def test_save_if_unchanged_is_a_compare_and_set_on_reps(store: Store, clock: FakeClock) -> None:
    card = await _introduce(store, clock)
    later = {"reps": 1, "lapses": 0, **_fsrs(clock, due_in=timedelta(days=1)), "state": 2}
    async with store.cards.transaction() as conn:
        assert await store.cards.save_if_unchanged(conn, card.id, 0, later)
    # a second writer that read the card before the first write (reps 0) changes nothing
    stale = {"reps": 1, "lapses": 1, **_fsrs(clock, due_in=timedelta(minutes=1))}
    async with store.cards.transaction() as conn:
        assert not await store.cards.save_if_unchanged(conn, card.id, 0, stale)
    stored = await store.cards.card(card.id)
    assert stored is not None
    assert (stored.reps, stored.lapses, stored.state) == (1, 0, 2)
    assert stored.due_at == clock.now() + timedelta(days=1)
    assert await store.cards.due_count(GUILD, MEMBER, clock.now()) == 0
    assert await store.cards.next_due_at(GUILD, MEMBER) == clock.now() + timedelta(days=1)


async def test_rows_added_and_updated_in_the_callers_transaction(store: Store, clock: FakeClock) -> None:
    existing = await _introduce(store, clock, "UDP")
    fresh = [
        {"guild_id": GUILD, "member_id": MEMBER, "term": term, "reps": 0, "lapses": 0, "source": "quiz"}
        | {"introduced_at": clock.now(), **_fsrs(clock)}
        for term in ("UDP", "IP")  # UDP exists already: left as it is
    ]
    async with store.cards.transaction() as conn:
        await store.cards.add_missing_in(conn, fresh)
        locked = await store.cards.locked_in(conn, [(GUILD, MEMBER, "UDP"), (GUILD, MEMBER, "IP")])
        assert set(locked) == {(GUILD, MEMBER, "UDP"), (GUILD, MEMBER, "IP")}
        assert locked[(GUILD, MEMBER, "UDP")] == existing
        await store.cards.update_many_in(
            conn,
            [
                {"id": row.id, "reps": 3, "lapses": 1, **_fsrs(clock, due_in=timedelta(hours=n))}
                for n, row in enumerate(locked.values(), start=1)
            ],
        )
    assert await store.cards.terms_of(GUILD, MEMBER) == {"UDP", "IP"}
    for term in ("UDP", "IP"):
        row = await store.cards.card_for(GUILD, MEMBER, term)
        assert row is not None
        assert (row.reps, row.lapses) == (3, 1)


async def test_a_failed_transaction_keeps_no_card(store: Store, clock: FakeClock) -> None:
    try:
        async with store.cards.transaction() as conn:
            await store.cards.introduce_in(
                conn, GUILD, MEMBER, "ARP", source="review", introduced_at=clock.now(), fresh=_fsrs(clock)
            )
            raise RuntimeError("the caller's next statement failed")
    except RuntimeError:
        pass
    assert await store.cards.card_for(GUILD, MEMBER, "ARP") is None


async def test_rated_new_cards_are_inserted_and_an_existing_one_is_left_alone(
    store: Store, clock: FakeClock
) -> None:
    existing = await _introduce(store, clock)
    rated = {"reps": 1, "lapses": 0, **_fsrs(clock, due_in=timedelta(minutes=10)), "step": 1}
    rows = [
        {"guild_id": GUILD, "member_id": MEMBER, "term": term, **rated, "source": "quiz"}
        | {"introduced_at": clock.now()}
        for term in ("TCP", "UDP", "ICMP")
    ]
    async with store.cards.transaction() as conn:
        ids = await store.cards.add_rated_in(conn, rows)
    assert sorted(ids) == [(GUILD, MEMBER, "ICMP"), (GUILD, MEMBER, "UDP")]
    assert await store.cards.card(existing.id) == existing  # made meanwhile elsewhere: left as it is
    udp = await store.cards.card(ids[(GUILD, MEMBER, "UDP")])
    assert udp is not None
    assert (udp.term, udp.reps, udp.step, udp.due_at) == ("UDP", 1, 1, clock.now() + timedelta(minutes=10))
