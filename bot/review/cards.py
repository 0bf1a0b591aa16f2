"""Flashcards scheduled with FSRS: the card as stored, how a rating moves it, and interval previews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import Any

import fsrs
from fsrs import Card, State

#: The scheduler every review uses: FSRS defaults (90 % desired retention, 1 and 10 minute learning
#: steps), without interval fuzz so a review is reproducible (and testable against ``fsrs`` itself).
SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)

#: How many cards a member may meet for the first time per (UTC) day in /review.
NEW_CARDS_PER_DAY = 10


class Rating(IntEnum):
    """The four answers to "how well did you know it?": FSRS's ratings Again, Hard, Good, Easy (1-4)."""

    AGAIN = fsrs.Rating.Again.value
    HARD = fsrs.Rating.Hard.value
    GOOD = fsrs.Rating.Good.value
    EASY = fsrs.Rating.Easy.value

    @property
    def fsrs_rating(self) -> fsrs.Rating:
        """The ``fsrs.Rating`` with the same value."""
        return fsrs.Rating(self.value)

    @property
    def label(self) -> str:
        """Again, Hard, Good or Easy."""
        return self.name.capitalize()


class CardSource(StrEnum):
    """How a card came to exist: shown as a new card in /review, or made by a quiz answer."""

    REVIEW = "review"
    QUIZ = "quiz"


@dataclass(frozen=True, slots=True)
class StudyCard:
    """One member's flashcard for one term in one server, with its FSRS state."""

    id: int
    guild_id: int
    member_id: int
    term: str
    fsrs: Card
    reps: int
    lapses: int
    source: CardSource
    introduced_at: datetime

    @property
    def due_at(self) -> datetime:
        """When the card is next due."""
        return self.fsrs.due

    @property
    def is_new(self) -> bool:
        """Whether the card was never rated."""
        return self.reps == 0

    def is_due(self, now: datetime) -> bool:
        """Whether the card should be reviewed at ``now``."""
        return self.fsrs.due <= now


def new_fsrs_card(card_id: int, now: datetime) -> Card:
    """A fresh FSRS card due at ``now`` (the id is ours; ``fsrs`` would otherwise sleep to make one)."""
    return Card(card_id=card_id, state=State.Learning, due=_utc(now))


def fsrs_columns(card: Card) -> dict[str, Any]:
    """The FSRS state as column values of the cards table."""
    return {
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due_at": card.due,
        "last_review_at": card.last_review,
    }


def fsrs_from_row(row: Any) -> Card:
    """The FSRS card stored in a cards row."""
    return Card(
        card_id=int(row.id),
        state=State(int(row.state)),
        step=row.step,
        stability=None if row.stability is None else float(row.stability),
        difficulty=None if row.difficulty is None else float(row.difficulty),
        due=_utc(row.due_at),
        last_review=None if row.last_review_at is None else _utc(row.last_review_at),
    )


def card_from_row(row: Any) -> StudyCard:
    """A ``StudyCard`` from a cards row."""
    return StudyCard(
        id=int(row.id),
        guild_id=int(row.guild_id),
        member_id=int(row.member_id),
        term=str(row.term),
        fsrs=fsrs_from_row(row),
        reps=int(row.reps),
        lapses=int(row.lapses),
        source=CardSource(row.source),
        introduced_at=_utc(row.introduced_at),
    )


def review(card: StudyCard, rating: Rating, now: datetime) -> StudyCard:
    """The card after being rated ``rating`` at ``now``: FSRS moves it; reps and lapses are counted."""
    when = _utc(now)
    if card.fsrs.last_review is not None and when < card.fsrs.last_review:
        when = card.fsrs.last_review  # an answer stored late never reviews "before" the last review
    before = card.fsrs
    if before.state is State.Learning and before.step == 0 and before.stability is None:
        reviewed = _first_review(before.card_id, rating, when)
    else:
        reviewed, _log = SCHEDULER.review_card(before, rating.fsrs_rating, when)
    lapsed = rating is Rating.AGAIN and before.state is State.Review
    return StudyCard(
        card.id,
        card.guild_id,
        card.member_id,
        card.term,
        reviewed,
        card.reps + 1,
        card.lapses + (1 if lapsed else 0),
        card.source,
        card.introduced_at,
    )


#: A fresh card's first review per rating, and the interval until it is due: FSRS gives every fresh card
#: the same state, stability and difficulty for a rating, due the same time after the review.
_FIRST_REVIEWS: dict[Rating, tuple[Card, timedelta]] = {}


def _first_review(card_id: int, rating: Rating, when: datetime) -> Card:
    """``SCHEDULER.review_card`` of a fresh card (learning, first step, never reviewed) at ``when``,
    without its work: a quiz batch rates hundreds of cards met for the first time."""
    found = _FIRST_REVIEWS.get(rating)
    if found is None:
        epoch = datetime(2000, 1, 1, tzinfo=UTC)
        template, _log = SCHEDULER.review_card(new_fsrs_card(0, epoch), rating.fsrs_rating, epoch)
        found = _FIRST_REVIEWS[rating] = (template, template.due - epoch)
    template, interval = found
    return Card(
        card_id=card_id,
        state=template.state,
        step=template.step,
        stability=template.stability,
        difficulty=template.difficulty,
        due=when + interval,
        last_review=when,
    )


def review_new(
    guild_id: int, member_id: int, term: str, rating: Rating, now: datetime, source: CardSource
) -> StudyCard:
    """``review`` of a card met for the first time at ``now`` (introduced then, never rated; id 0: not
    stored yet), without making the fresh card first: a quiz batch rates hundreds of them."""
    when = _utc(now)
    return StudyCard(0, guild_id, member_id, term, _first_review(0, rating, when), 1, 0, source, when)


def previews(card: StudyCard, now: datetime) -> dict[Rating, timedelta]:
    """How long until the card would be due again after each rating, for the button labels."""
    out: dict[Rating, timedelta] = {}
    for rating in Rating:
        reviewed, _log = SCHEDULER.review_card(card.fsrs, rating.fsrs_rating, _utc(now))
        out[rating] = reviewed.due - _utc(now)
    return out


def short_interval(delta: timedelta) -> str:
    """``1m``, ``10m``, ``3h``, ``4d``, ``2mo`` or ``1.5y``."""
    seconds = max(0.0, delta.total_seconds())
    minutes = seconds / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 31:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    years = days / 365
    return f"{years:.1f}y".replace(".0y", "y")


def _utc(moment: datetime) -> datetime:
    """``moment`` as aware UTC with ``datetime.UTC`` as tzinfo (what ``fsrs`` insists on)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime; use timezone-aware UTC")
    return moment.astimezone(UTC)
