"""The flashcards as the domain sees them: FSRS ratings over the stored rows (``bot.storage.cards``).

Every rating reads the card's row, reviews it with FSRS here and writes it back with a compare-and-set
on ``reps`` (``CardRepository.save_if_unchanged``), so a double click or a concurrent rating never
counts twice. Reminder settings are plain rows and pass straight through.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Sequence
from datetime import UTC, datetime, time

from bot.review.cards import (
    CardSource,
    Rating,
    StudyCard,
    card_from_row,
    fsrs_columns,
    new_fsrs_card,
    review,
    review_new,
)
from bot.storage import DatabaseConnection
from bot.storage.cards import TERM_LENGTH, CardKey, CardRepository, CardRow, DueReminder, ReminderSetting

log = logging.getLogger(__name__)

#: How often a quiz answer retries its card update when someone else changed the card meanwhile.
CAS_ATTEMPTS = 8

__all__ = ["CAS_ATTEMPTS", "DueReminder", "ReminderSetting", "ReviewRepository", "day_start"]


def day_start(now: datetime) -> datetime:
    """Midnight UTC at the start of ``now``'s day."""
    return datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)


def _inserted(card: StudyCard) -> dict[str, object]:
    """Every column of a new card but its id (``_written``'s and the card's own, in one dict literal: a
    quiz batch inserts hundreds)."""
    state = card.fsrs
    return {
        "guild_id": card.guild_id,
        "member_id": card.member_id,
        "term": card.term,
        "reps": card.reps,
        "lapses": card.lapses,
        "state": int(state.state),
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due_at": state.due,
        "last_review_at": state.last_review,
        "source": card.source.value,
        "introduced_at": card.introduced_at,
    }


def _written(card: StudyCard) -> dict[str, object]:
    """The columns a rating changes: reps, lapses and the FSRS state."""
    return {"reps": card.reps, "lapses": card.lapses, **fsrs_columns(card.fsrs)}


class ReviewRepository:
    """Flashcards and reminder settings of every server, over the stored card rows (``store.cards``)."""

    def __init__(self, rows: CardRepository) -> None:
        self.rows = rows

    # -- reading cards ----------------------------------------------------------------------------
    async def card(self, card_id: int) -> StudyCard | None:
        """One card by id."""
        row = await self.rows.card(card_id)
        return None if row is None else card_from_row(row)

    async def card_for(self, guild_id: int, member_id: int, term: str) -> StudyCard | None:
        """A member's card for ``term``, if they have one."""
        row = await self.rows.card_for(guild_id, member_id, term)
        return None if row is None else card_from_row(row)

    async def terms_of(self, guild_id: int, member_id: int) -> set[str]:
        """The terms a member has a card for."""
        return await self.rows.terms_of(guild_id, member_id)

    async def due_cards(
        self, guild_id: int, member_id: int, now: datetime, *, limit: int = 100
    ) -> list[StudyCard]:
        """The member's cards due at ``now``, most overdue first."""
        return [card_from_row(r) for r in await self.rows.due_cards(guild_id, member_id, now, limit=limit)]

    async def due_count(self, guild_id: int, member_id: int, now: datetime) -> int:
        """How many of the member's cards are due at ``now``."""
        return await self.rows.due_count(guild_id, member_id, now)

    async def next_due_at(
        self, guild_id: int, member_id: int, *, terms: Collection[str] | None = None
    ) -> datetime | None:
        """When the member's next card is due (only among ``terms`` if given)."""
        return await self.rows.next_due_at(guild_id, member_id, terms=terms)

    async def introduced_today(self, guild_id: int, member_id: int, now: datetime) -> int:
        """How many new cards /review showed the member since midnight UTC."""
        return await self.rows.introduced_since(guild_id, member_id, day_start(now), CardSource.REVIEW.value)

    # -- writing cards ----------------------------------------------------------------------------
    async def introduce(
        self, guild_id: int, member_id: int, term: str, now: datetime, source: CardSource
    ) -> StudyCard:
        """The member's card for ``term``, created (new, due now) if they had none."""
        async with self.rows.transaction() as conn:
            row = await self._introduce(conn, guild_id, member_id, term, now, source)
        return card_from_row(row)

    async def rate(self, card_id: int, expected_reps: int, rating: Rating, now: datetime) -> StudyCard | None:
        """Rate a card if it still has ``expected_reps`` reviews (else None: a double click or stale view)."""
        async with self.rows.transaction() as conn:
            row = await self.rows.card_in(conn, card_id)
            if row is None:
                return None
            before = card_from_row(row)
            if before.reps != expected_reps:
                return None
            after = review(before, rating, now)
            saved = await self.rows.save_if_unchanged(conn, before.id, before.reps, _written(after))
            return after if saved else None

    async def rate_term(
        self,
        guild_id: int,
        member_id: int,
        term: str,
        rating: Rating,
        now: datetime,
        *,
        source: CardSource = CardSource.QUIZ,
    ) -> StudyCard:
        """Rate the member's card for ``term`` (made first if needed), retrying on concurrent changes."""
        for _attempt in range(CAS_ATTEMPTS):
            async with self.rows.transaction() as conn:
                before = card_from_row(await self._introduce(conn, guild_id, member_id, term, now, source))
                after = review(before, rating, now)
                if await self.rows.save_if_unchanged(conn, before.id, before.reps, _written(after)):
                    return after
        raise RuntimeError(f"card {guild_id}/{member_id}/{term!r} kept changing; gave up")

    async def rate_terms_in(
        self,
        conn: DatabaseConnection,
        ratings: Sequence[tuple[int, int, str, Rating, datetime]],
        *,
        source: CardSource = CardSource.QUIZ,
    ) -> dict[tuple[int, int, str], StudyCard]:
        """Rate many (guild, member, term, rating, when) in order inside ``conn``'s transaction.

        Cards are made first where missing, locked (PostgreSQL: ``FOR UPDATE``; SQLite holds the write
        lock already), reviewed in order in memory and written back with one UPDATE statement. Returns
        each rated card as it is afterwards. Raises the storage's errors; the caller's transaction then
        stores nothing.
        """
        if not ratings:
            return {}
        keys: list[CardKey] = list(
            dict.fromkeys((g, m, term[:TERM_LENGTH]) for g, m, term, _rating, _when in ratings)
        )
        found = {k: card_from_row(r) for k, r in (await self.rows.locked_in(conn, keys)).items()}
        before = dict(found)
        # cards met for the first time are rated in memory from a fresh card and inserted as rated (no
        # second look-up, no update); one made meanwhile by another process is rated as stored instead.
        # Each card's ratings are applied in order; the stored ones after this loop
        fresh: dict[CardKey, StudyCard] = {}
        stored_ratings = []
        for entry in ratings:
            g, m, term, rating, when = entry
            key = (g, m, term[:TERM_LENGTH])
            if key in found:
                stored_ratings.append(entry)
                continue
            card = fresh.get(key)
            fresh[key] = (
                review_new(g, m, key[2], rating, when, source) if card is None else review(card, rating, when)
            )
        found.update(fresh)
        self._review_in_order(found, stored_ratings)
        await asyncio.sleep(0)
        ids = await self.rows.add_rated_in(conn, [_inserted(found[key]) for key in fresh])
        for key, card_id in ids.items():
            card = found[key]  # dataclasses.replace costs several times this for hundreds of cards
            found[key] = StudyCard(
                card_id,
                card.guild_id,
                card.member_id,
                card.term,
                card.fsrs,
                card.reps,
                card.lapses,
                card.source,
                card.introduced_at,
            )
        raced = [key for key in fresh if key not in ids]
        if raced:
            stored = {k: card_from_row(r) for k, r in (await self.rows.locked_in(conn, raced)).items()}
            again = [r for r in ratings if (r[0], r[1], r[2][:TERM_LENGTH]) in stored]
            before.update(stored)
            found.update(stored)
            self._review_in_order(found, again)
        changes = [
            {"id": card.id, **_written(card)}
            for key, card in found.items()
            if key in before and card is not before[key]
        ]
        await self.rows.update_many_in(conn, changes)
        return {k: found[k] for k in keys}

    @staticmethod
    def _review_in_order(
        cards: dict[CardKey, StudyCard], ratings: Sequence[tuple[int, int, str, Rating, datetime]]
    ) -> None:
        for g, m, term, rating, when in ratings:
            key = (g, m, term[:TERM_LENGTH])
            cards[key] = review(cards[key], rating, when)

    async def _introduce(
        self,
        conn: DatabaseConnection,
        guild_id: int,
        member_id: int,
        term: str,
        now: datetime,
        source: CardSource,
    ) -> CardRow:
        return await self.rows.introduce_in(
            conn,
            guild_id,
            member_id,
            term,
            source=source.value,
            introduced_at=now,
            fresh=fsrs_columns(new_fsrs_card(0, now)),
        )

    # -- reminders --------------------------------------------------------------------------------
    async def set_reminders(
        self, guild_id: int, member_id: int, enabled: bool, channel_id: int | None, now: datetime
    ) -> ReminderSetting:
        """Turn a member's daily reminder on (at this minute of the UTC day, first one tomorrow) or off."""
        return await self.rows.set_reminders(guild_id, member_id, enabled, channel_id, now)

    async def reminder(self, guild_id: int, member_id: int) -> ReminderSetting | None:
        """A member's reminder setting in one server."""
        return await self.rows.reminder(guild_id, member_id)

    async def claim_due_reminders(
        self, now: datetime, *, guild_ids: Collection[int] | None = None
    ) -> list[DueReminder]:
        """Reminders to send at ``now``, each marked sent for today first (once a day, across restarts)."""
        return await self.rows.claim_due_reminders(now, guild_ids=guild_ids)
