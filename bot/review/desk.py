"""What /review shows next: due cards first, then up to ``NEW_CARDS_PER_DAY`` new terms of the notes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.knowledge import Entry, KnowledgeBase
from bot.review.cards import NEW_CARDS_PER_DAY, CardSource, Rating, StudyCard, previews
from bot.review.repository import ReviewRepository, day_start

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CardPrompt:
    """A card to show: the stored card and the entry of the notes it asks about."""

    card: StudyCard
    entry: Entry
    due_left: int

    @property
    def question(self) -> str:
        """``What is <term>?``."""
        return f"What is {self.entry.term}?"

    def previews(self, now: datetime) -> dict[Rating, timedelta]:
        """When the card would come back after each rating."""
        return previews(self.card, now)


@dataclass(frozen=True, slots=True)
class NothingDue:
    """No card to review now; ``next_due`` is when the next one will be (None: no cards at all)."""

    next_due: datetime | None
    reviewed_today_limit: bool


ReviewStep = CardPrompt | NothingDue


def entries_by_term(kb: KnowledgeBase) -> dict[str, Entry]:
    """Every entry by its casefolded term (first one wins)."""
    found: dict[str, Entry] = {}
    for entry in kb.entries:
        found.setdefault(entry.term.casefold(), entry)
    return found


class ReviewDesk:
    """Picks a member's next card and rates it; shared by the Discord cog and the console."""

    def __init__(self, repository: ReviewRepository, new_per_day: int = NEW_CARDS_PER_DAY) -> None:
        self.repository = repository
        self.new_per_day = new_per_day

    async def next_card(self, guild_id: int, member_id: int, kb: KnowledgeBase, now: datetime) -> ReviewStep:
        """The card to show at ``now``: the most overdue one, else a new term while today's quota lasts."""
        entries = entries_by_term(kb)
        due = await self.repository.due_cards(guild_id, member_id, now)
        shown = [c for c in due if c.term.casefold() in entries]
        if shown:
            first = shown[0]
            return CardPrompt(first, entries[first.term.casefold()], len(shown))
        terms = await self.repository.terms_of(guild_id, member_id)
        have = {t.casefold() for t in terms}
        unseen = [e for key, e in entries.items() if key not in have]
        introduced = await self.repository.introduced_today(guild_id, member_id, now)
        if unseen and introduced < self.new_per_day:
            entry = unseen[0]
            card = await self.repository.introduce(guild_id, member_id, entry.term, now, CardSource.REVIEW)
            return CardPrompt(card, entry, 1)
        known_terms = [t for t in terms if t.casefold() in entries]
        next_due = await self.repository.next_due_at(guild_id, member_id, terms=known_terms)
        limited = bool(unseen)
        if limited:
            tomorrow = day_start(now) + timedelta(days=1)
            next_due = tomorrow if next_due is None else min(next_due, tomorrow)
        return NothingDue(next_due, limited)

    async def rate(self, card_id: int, expected_reps: int, rating: Rating, now: datetime) -> StudyCard | None:
        """Rate a shown card; None when it was already rated from this view (double click, old message)."""
        return await self.repository.rate(card_id, expected_reps, rating, now)
