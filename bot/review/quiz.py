"""Quiz answers feed the flashcards: a right answer rates the member's card Good, a wrong one Again."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.review.cards import CardSource, Rating, StudyCard
from bot.review.repository import ReviewRepository
from bot.storage import AnswerRecord, DatabaseConnection, StorageError
from bot.storage.cards import CardRepository

log = logging.getLogger(__name__)


def rating_of(correct: bool) -> Rating:
    """Good for a right answer, Again for a wrong one."""
    return Rating.GOOD if correct else Rating.AGAIN


async def review_quiz_answer(repository: ReviewRepository, record: AnswerRecord) -> StudyCard | None:
    """Update the answering member's card for the asked term; a database error is logged, not raised."""
    try:
        return await repository.rate_term(
            record.guild_id,
            record.member_id,
            record.term,
            rating_of(record.correct),
            record.answered_at,
            source=CardSource.QUIZ,
        )
    except (StorageError, RuntimeError):
        # the answer and the points are already stored; a missed card update must not stop the round
        log.exception("could not update the card of %s for %r", record.member_id, record.term)
        return None


async def review_quiz_answers_in(conn: DatabaseConnection, records: Sequence[AnswerRecord]) -> None:
    """Rate the cards of stored quiz answers, in order, inside the transaction that stores them.

    Made to be ``store.rounds.record_answers``'s ``also``: the answers, their points and their cards are
    committed together or not at all. Raises the storage's errors (StorageError).
    """
    await ReviewRepository(CardRepository.of_connection(conn)).rate_terms_in(
        conn, [(r.guild_id, r.member_id, r.term, rating_of(r.correct), r.answered_at) for r in records]
    )
