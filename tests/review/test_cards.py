"""Flashcards in the database: FSRS state round-trips on both databases and moves exactly as ``fsrs`` says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
from fsrs import Card, Scheduler, State
from sqlalchemy import select

from bot.clock import FakeClock
from bot.review import CardSource, Rating, ReviewRepository, review_quiz_answer
from bot.review.cards import card_from_row, review, short_interval
from bot.storage import AnswerRecord, Store
from bot.storage.cards import CardRow
from bot.storage.schema import cards

GUILD, OTHER_GUILD, ALICE, BOB = 10, 11, 100, 200
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def reference() -> Scheduler:
    """An independent FSRS scheduler with the bot's settings (defaults, no fuzz)."""
    return Scheduler(enable_fuzzing=False)


async def test_card_state_round_trips_exactly(repository: ReviewRepository) -> None:
    card = await repository.introduce(GUILD, ALICE, "Hypervisor", T0, CardSource.REVIEW)
    assert card.fsrs.state is State.Learning
    assert (card.reps, card.lapses, card.due_at) == (0, 0, T0)
    when = T0
    expected = card
    for rating, minutes in [
        (Rating.GOOD, 0),
        (Rating.GOOD, 11),
        (Rating.AGAIN, 60 * 24 * 5),
        (Rating.HARD, 15),
    ]:
        when += timedelta(minutes=minutes)
        rated = await repository.rate(expected.id, expected.reps, rating, when)
        assert rated is not None
        expected = rated
        stored = await repository.card(card.id)
        assert stored is not None
        # every FSRS field (floats included) comes back exactly, with aware UTC datetimes
        assert stored.fsrs.to_dict() == expected.fsrs.to_dict()
        assert stored.fsrs.due.tzinfo is not None
        assert (stored.reps, stored.lapses) == (expected.reps, expected.lapses)
    assert expected.reps == 4
    assert expected.lapses == 1  # "Again" on a card in the Review state is a lapse
    assert expected.fsrs.state is State.Relearning or expected.fsrs.state is State.Review


async def test_a_review_moves_the_due_date_as_fsrs_says(repository: ReviewRepository) -> None:
    card = await repository.introduce(GUILD, ALICE, "Hypervisor", T0, CardSource.REVIEW)
    ours = card
    theirs = Card(card_id=1, due=T0)
    scheduler = reference()
    when = T0
    for rating, fsrs_rating, later in [
        (Rating.GOOD, fsrs.Rating.Good, timedelta()),
        (Rating.GOOD, fsrs.Rating.Good, timedelta(minutes=10)),
        (Rating.EASY, fsrs.Rating.Easy, timedelta(days=3)),
        (Rating.AGAIN, fsrs.Rating.Again, timedelta(days=20)),
        (Rating.GOOD, fsrs.Rating.Good, timedelta(minutes=10)),
    ]:
        when += later
        rated = await repository.rate(ours.id, ours.reps, rating, when)
        assert rated is not None
        theirs, _ = scheduler.review_card(theirs, fsrs_rating, when)
        stored = await repository.card(card.id)
        assert stored is not None
        assert stored.due_at == theirs.due
        assert stored.fsrs.state == theirs.state
        assert stored.fsrs.stability == theirs.stability
        assert stored.fsrs.difficulty == theirs.difficulty
        assert stored.fsrs.last_review == when
        ours = stored
    assert ours.due_at > when  # and it is in the future


async def test_a_stale_or_repeated_rating_changes_nothing(repository: ReviewRepository) -> None:
    card = await repository.introduce(GUILD, ALICE, "Hypervisor", T0, CardSource.REVIEW)
    first = await repository.rate(card.id, 0, Rating.GOOD, T0)
    assert first is not None
    assert await repository.rate(card.id, 0, Rating.EASY, T0) is None  # the same button clicked twice
    stored = await repository.card(card.id)
    assert stored is not None
    assert stored.fsrs.to_dict() == first.fsrs.to_dict()
    assert stored.reps == 1
    assert await repository.rate(999_999, 0, Rating.GOOD, T0) is None


async def test_cards_are_per_server_and_member(repository: ReviewRepository) -> None:
    a = await repository.introduce(GUILD, ALICE, "Hypervisor", T0, CardSource.REVIEW)
    again = await repository.introduce(GUILD, ALICE, "Hypervisor", T0 + timedelta(hours=1), CardSource.QUIZ)
    assert again.id == a.id
    assert again.source is CardSource.REVIEW
    b = await repository.introduce(GUILD, BOB, "Hypervisor", T0, CardSource.REVIEW)
    c = await repository.introduce(OTHER_GUILD, ALICE, "Hypervisor", T0, CardSource.REVIEW)
    assert len({a.id, b.id, c.id}) == 3
    await repository.rate(a.id, 0, Rating.EASY, T0)
    assert await repository.due_count(GUILD, ALICE, T0) == 0
    assert await repository.due_count(GUILD, BOB, T0) == 1
    assert await repository.due_count(OTHER_GUILD, ALICE, T0) == 1
    assert await repository.terms_of(OTHER_GUILD, BOB) == set()


async def test_quiz_answers_rate_the_card_good_or_again(store: Store, repository: ReviewRepository) -> None:
    round_id = await store.rounds.start_round(GUILD, 1, ALICE, {}, T0)
    scheduler = reference()
    expected = Card(card_id=1, due=T0)
    for index, (correct, minutes) in enumerate([(True, 0), (True, 10), (False, 60 * 24 * 4)]):
        when = T0 + timedelta(minutes=minutes)
        record = AnswerRecord(
            round_id, index, GUILD, 1, ALICE, "Hypervisor", "Virtualization", correct, 5, 900, when
        )
        assert await store.rounds.record_answer(record)
        card = await review_quiz_answer(repository, record)
        expected, _ = scheduler.review_card(
            expected, fsrs.Rating.Good if correct else fsrs.Rating.Again, when
        )
        assert card is not None
        assert card.due_at == expected.due
    stored = await repository.card_for(GUILD, ALICE, "Hypervisor")
    assert stored is not None
    assert stored.source is CardSource.QUIZ
    assert (stored.reps, stored.lapses) == (3, 1)
    assert stored.due_at == expected.due
    # quiz cards do not use up the day's new cards in /review
    assert await repository.introduced_today(GUILD, ALICE, T0) == 0


async def test_an_answer_stored_late_never_reviews_before_the_last_review(
    repository: ReviewRepository,
) -> None:
    card = await repository.rate_term(GUILD, ALICE, "Hypervisor", Rating.GOOD, T0 + timedelta(minutes=5))
    older = await repository.rate_term(GUILD, ALICE, "Hypervisor", Rating.GOOD, T0)
    assert older.fsrs.last_review == card.fsrs.last_review
    assert older.reps == 2


async def test_concurrent_quiz_updates_are_not_lost(repository: ReviewRepository) -> None:
    import asyncio

    await asyncio.gather(
        *(
            repository.rate_term(GUILD, ALICE, "Hypervisor", Rating.GOOD, T0 + timedelta(seconds=i))
            for i in range(6)
        )
    )
    stored = await repository.card_for(GUILD, ALICE, "Hypervisor")
    assert stored is not None
    assert stored.reps == 6
    async with repository.rows.engine.connect() as conn:
        rows = (await conn.execute(select(cards))).all()
    assert len(rows) == 1
    assert card_from_row(rows[0]).reps == 6


def test_short_intervals() -> None:
    assert [
        short_interval(timedelta(seconds=s))
        for s in (0, 60, 600, 3 * 3600, 86400 * 4, 86400 * 62, 86400 * 365 * 1.5, 86400 * 365 * 2)
    ] == ["1m", "1m", "10m", "3h", "4d", "2mo", "1.5y", "2y"]


async def test_the_runner_rates_cards_from_a_real_round(store: Store, repository: ReviewRepository) -> None:
    import asyncio
    import random

    from bot.quiz import QuestionAsked, QuestionGenerator, QuizRound, RoundSettings
    from bot.quiz.runner import RoundRunner
    from tests.review.conftest import make_kb

    kb = make_kb({"Virtualization": ["Hypervisor", "Container", "Sandbox"]})
    clock = store.clock
    assert isinstance(clock, FakeClock)
    settings = RoundSettings.validated(questions=1, seconds=20, mode="typed")
    quiz = QuizRound(QuestionGenerator(kb, random.Random(3)).generate(settings), settings, started_by=ALICE)
    asked: list[QuestionAsked] = []

    class Presenter:
        async def asked(self, event: QuestionAsked) -> None:
            asked.append(event)

        async def hinted(self, event: object) -> None: ...

        async def closed(self, event: object) -> None: ...

        async def finished(self, event: object) -> None: ...

    runner = RoundRunner(quiz, Presenter(), clock, store=store, guild_id=GUILD, channel_id=1, pause=0)
    task = asyncio.create_task(runner.run())
    for _ in range(2000):
        if asked and clock.sleepers:
            break
        await asyncio.sleep(0.001)
    term = asked[0].question.entry.term
    await runner.answer(BOB, "certainly wrong")
    clock.advance(2)
    await runner.answer(ALICE, term)
    await asyncio.wait_for(task, 5)
    alice = await repository.card_for(GUILD, ALICE, term)
    bob = await repository.card_for(GUILD, BOB, term)
    assert alice is not None
    assert bob is not None
    good, _ = reference().review_card(
        Card(card_id=1, due=alice.fsrs.last_review), fsrs.Rating.Good, alice.fsrs.last_review
    )
    assert alice.due_at == good.due
    assert (alice.reps, bob.reps) == (1, 1)
    assert bob.due_at < alice.due_at  # "Again" brings it back sooner


def test_a_fresh_cards_first_review_is_what_fsrs_computes() -> None:
    """The first review of a card never rated (taken from a per-rating template) equals ``fsrs``'s own,
    for every rating, at any moment, twice over (the template is made once)."""
    scheduler = reference()
    for _ in range(2):
        for moment in (T0, T0 + timedelta(days=400, seconds=7, microseconds=3)):
            for rating in Rating:
                fresh = CardRow(
                    7,
                    GUILD,
                    ALICE,
                    "TCP",
                    int(State.Learning),
                    0,
                    None,
                    None,
                    moment,
                    None,
                    0,
                    0,
                    "quiz",
                    moment,
                )
                ours = review(card_from_row(fresh), rating, moment)
                theirs, _ = scheduler.review_card(Card(card_id=7, due=moment), rating.fsrs_rating, moment)
                assert ours.fsrs.to_dict() == theirs.to_dict(), rating
                assert (ours.reps, ours.lapses) == (1, 0)
