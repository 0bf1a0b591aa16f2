"""What /review shows: due cards first, then new terms of the notes, at most 10 new ones a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import FakeClock
from bot.review import CardPrompt, CardSource, NothingDue, Rating, ReviewDesk, ReviewRepository
from tests.review.conftest import make_kb

GUILD, ALICE = 10, 100
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
TERMS = [f"Term {i:02d}" for i in range(14)]
KB = make_kb({"Topic A": TERMS[:7], "Topic B": TERMS[7:]})


async def test_new_cards_come_in_note_order_and_stop_at_ten_a_day(desk: ReviewDesk) -> None:
    shown: list[str] = []
    for _ in range(12):
        step = await desk.next_card(GUILD, ALICE, KB, T0)
        if isinstance(step, NothingDue):
            break
        assert isinstance(step, CardPrompt)
        assert step.card.is_new
        assert step.question == f"What is {step.entry.term}?"
        shown.append(step.entry.term)
        assert await desk.rate(step.card.id, step.card.reps, Rating.EASY, T0) is not None
    assert shown == TERMS[:10]
    assert isinstance(step, NothingDue)
    assert step.reviewed_today_limit
    assert step.next_due == datetime(
        2026, 1, 6, tzinfo=UTC
    )  # tomorrow brings new cards, before any "Easy" card
    tomorrow = await desk.next_card(GUILD, ALICE, KB, datetime(2026, 1, 6, 0, 1, tzinfo=UTC))
    assert isinstance(tomorrow, CardPrompt)
    assert tomorrow.entry.term == TERMS[10]


async def test_a_shown_but_unrated_new_card_is_shown_again(desk: ReviewDesk) -> None:
    first = await desk.next_card(GUILD, ALICE, KB, T0)
    again = await desk.next_card(GUILD, ALICE, KB, T0 + timedelta(seconds=30))
    assert isinstance(first, CardPrompt)
    assert isinstance(again, CardPrompt)
    assert again.card.id == first.card.id


async def test_due_cards_come_before_new_ones_most_overdue_first(
    desk: ReviewDesk, repository: ReviewRepository
) -> None:
    await repository.rate_term(
        GUILD, ALICE, TERMS[5], Rating.AGAIN, T0 - timedelta(hours=2)
    )  # due 1 min later
    await repository.rate_term(GUILD, ALICE, TERMS[3], Rating.AGAIN, T0 - timedelta(hours=1))
    step = await desk.next_card(GUILD, ALICE, KB, T0)
    assert isinstance(step, CardPrompt)
    assert (step.entry.term, step.due_left, step.card.is_new) == (TERMS[5], 2, False)
    await desk.rate(step.card.id, step.card.reps, Rating.GOOD, T0)
    step = await desk.next_card(GUILD, ALICE, KB, T0)
    assert isinstance(step, CardPrompt)
    assert step.entry.term == TERMS[3]
    await desk.rate(step.card.id, step.card.reps, Rating.GOOD, T0)
    step = await desk.next_card(GUILD, ALICE, KB, T0)
    assert isinstance(step, CardPrompt)
    assert step.entry.term == TERMS[0]  # then the first term of the notes without a card


async def test_nothing_due_says_when_the_next_card_is(desk: ReviewDesk, repository: ReviewRepository) -> None:
    small = make_kb({"Topic A": ["Alpha", "Beta"]})
    for term in ("Alpha", "Beta"):
        await repository.rate_term(GUILD, ALICE, term, Rating.GOOD, T0)
    step = await desk.next_card(GUILD, ALICE, small, T0)
    assert isinstance(step, NothingDue)
    assert not step.reviewed_today_limit
    assert step.next_due == T0 + timedelta(minutes=10)  # FSRS's second learning step
    empty = await desk.next_card(GUILD, ALICE, make_kb({}), T0)
    assert empty == NothingDue(None, False)


async def test_cards_of_terms_no_longer_in_the_notes_are_skipped(
    desk: ReviewDesk, repository: ReviewRepository, clock: FakeClock
) -> None:
    await repository.introduce(GUILD, ALICE, "Removed term", T0 - timedelta(days=1), CardSource.REVIEW)
    step = await desk.next_card(GUILD, ALICE, make_kb({"Topic A": ["Alpha"]}), T0)
    assert isinstance(step, CardPrompt)
    assert step.entry.term == "Alpha"


async def test_terms_match_the_notes_case_insensitively(
    desk: ReviewDesk, repository: ReviewRepository
) -> None:
    await repository.rate_term(GUILD, ALICE, "alpha", Rating.AGAIN, T0 - timedelta(hours=1))
    step = await desk.next_card(GUILD, ALICE, make_kb({"Topic A": ["Alpha"]}), T0)
    assert isinstance(step, CardPrompt)
    assert not step.card.is_new
    assert step.entry.term == "Alpha"
