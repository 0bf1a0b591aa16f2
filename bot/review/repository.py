"""Cards and reminder opt-ins in the database; every rating is a compare-and-set on the card's ``reps``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.review.cards import (
    CardSource,
    Rating,
    StudyCard,
    card_from_row,
    fsrs_columns,
    new_fsrs_card,
    review,
)
from bot.storage.schema import cards, review_reminders

log = logging.getLogger(__name__)

#: How often a quiz answer retries its card update when someone else changed the card meanwhile.
CAS_ATTEMPTS = 8

#: cards.term is String(200); (guild, member, term) keys per SELECT (3 parameters each).
_TERM_LENGTH = 200
_KEYS_PER_SELECT = 500


@dataclass(frozen=True, slots=True)
class ReminderSetting:
    """A member's reminder opt-in in one server."""

    guild_id: int
    member_id: int
    enabled: bool
    channel_id: int | None
    send_minute: int
    last_sent_on: date | None

    def send_time(self, day: date) -> datetime:
        """The moment of ``day`` (UTC) the reminder goes out."""
        return datetime.combine(day, time(), tzinfo=UTC) + timedelta(minutes=self.send_minute)


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A reminder claimed for today: send "``due`` cards due" to the member."""

    guild_id: int
    member_id: int
    channel_id: int | None
    due: int


def day_start(now: datetime) -> datetime:
    """Midnight UTC at the start of ``now``'s day."""
    return datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)


class ReviewRepository:
    """Flashcards and reminder settings of every server, on SQLite or PostgreSQL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    # -- reading cards ----------------------------------------------------------------------------
    async def card(self, card_id: int) -> StudyCard | None:
        """One card by id."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(cards).where(cards.c.id == card_id))).first()
        return None if row is None else card_from_row(row)

    async def card_for(self, guild_id: int, member_id: int, term: str) -> StudyCard | None:
        """A member's card for ``term``, if they have one."""
        async with self.engine.connect() as conn:
            row = await self._card_for(conn, guild_id, member_id, term)
        return None if row is None else card_from_row(row)

    async def terms_of(self, guild_id: int, member_id: int) -> set[str]:
        """The terms a member has a card for."""
        stmt = sa.select(cards.c.term).where(cards.c.guild_id == guild_id, cards.c.member_id == member_id)
        async with self.engine.connect() as conn:
            return {str(t) for t in (await conn.execute(stmt)).scalars()}

    async def due_cards(
        self, guild_id: int, member_id: int, now: datetime, *, limit: int = 100
    ) -> list[StudyCard]:
        """The member's cards due at ``now``, most overdue first."""
        stmt = (
            sa.select(cards)
            .where(cards.c.guild_id == guild_id, cards.c.member_id == member_id, cards.c.due_at <= now)
            .order_by(cards.c.due_at, cards.c.id)
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            return [card_from_row(r) for r in (await conn.execute(stmt)).all()]

    async def due_count(self, guild_id: int, member_id: int, now: datetime) -> int:
        """How many of the member's cards are due at ``now``."""
        stmt = sa.select(sa.func.count()).where(
            cards.c.guild_id == guild_id, cards.c.member_id == member_id, cards.c.due_at <= now
        )
        async with self.engine.connect() as conn:
            return int((await conn.execute(stmt)).scalar_one())

    async def next_due_at(
        self, guild_id: int, member_id: int, *, terms: Collection[str] | None = None
    ) -> datetime | None:
        """When the member's next card is due (only among ``terms`` if given)."""
        stmt = sa.select(sa.func.min(cards.c.due_at)).where(
            cards.c.guild_id == guild_id, cards.c.member_id == member_id
        )
        if terms is not None:
            if not terms:
                return None
            stmt = stmt.where(cards.c.term.in_(sorted(terms)))
        async with self.engine.connect() as conn:
            value = (await conn.execute(stmt)).scalar_one_or_none()
        return _aware(value)

    async def introduced_today(self, guild_id: int, member_id: int, now: datetime) -> int:
        """How many new cards /review showed the member since midnight UTC."""
        stmt = sa.select(sa.func.count()).where(
            cards.c.guild_id == guild_id,
            cards.c.member_id == member_id,
            cards.c.source == CardSource.REVIEW.value,
            cards.c.introduced_at >= day_start(now),
        )
        async with self.engine.connect() as conn:
            return int((await conn.execute(stmt)).scalar_one())

    # -- writing cards ----------------------------------------------------------------------------
    async def introduce(
        self, guild_id: int, member_id: int, term: str, now: datetime, source: CardSource
    ) -> StudyCard:
        """The member's card for ``term``, created (new, due now) if they had none."""
        async with self.engine.begin() as conn:
            row = await self._introduce(conn, guild_id, member_id, term, now, source)
        return card_from_row(row)

    async def rate(self, card_id: int, expected_reps: int, rating: Rating, now: datetime) -> StudyCard | None:
        """Rate a card if it still has ``expected_reps`` reviews (else None: a double click or stale view)."""
        async with self.engine.begin() as conn:
            row = (await conn.execute(sa.select(cards).where(cards.c.id == card_id))).first()
            if row is None:
                return None
            before = card_from_row(row)
            if before.reps != expected_reps:
                return None
            after = review(before, rating, now)
            return after if await self._save(conn, before, after) else None

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
            async with self.engine.begin() as conn:
                row = await self._introduce(conn, guild_id, member_id, term, now, source)
                before = card_from_row(row)
                after = review(before, rating, now)
                if await self._save(conn, before, after):
                    return after
        raise RuntimeError(f"card {guild_id}/{member_id}/{term!r} kept changing; gave up")

    async def rate_terms_in(
        self,
        conn: AsyncConnection,
        ratings: Sequence[tuple[int, int, str, Rating, datetime]],
        *,
        source: CardSource = CardSource.QUIZ,
    ) -> dict[tuple[int, int, str], StudyCard]:
        """Rate many (guild, member, term, rating, when) in order inside ``conn``'s transaction.

        Cards are made first where missing, locked (PostgreSQL: ``FOR UPDATE``; SQLite holds the write
        lock already), reviewed in order in memory and written back with one UPDATE statement. Returns
        each rated card as it is afterwards. Raises SQLAlchemy's errors; the caller's transaction then
        stores nothing.
        """
        if not ratings:
            return {}
        keys = list(dict.fromkeys((g, m, term[:_TERM_LENGTH]) for g, m, term, _rating, _when in ratings))
        found = await self._locked_cards(conn, keys)
        missing = [k for k in keys if k not in found]
        if missing:
            first_seen: dict[tuple[int, int, str], datetime] = {}
            for g, m, term, _rating, when in ratings:
                first_seen.setdefault((g, m, term[:_TERM_LENGTH]), when)
            fresh = [
                {
                    "guild_id": g,
                    "member_id": m,
                    "term": term,
                    "reps": 0,
                    "lapses": 0,
                    "source": source.value,
                    "introduced_at": first_seen[(g, m, term)],
                    **fsrs_columns(new_fsrs_card(0, first_seen[(g, m, term)])),
                }
                for g, m, term in missing
            ]
            insert = self._insert(cards).on_conflict_do_nothing(
                index_elements=["guild_id", "member_id", "term"]
            )
            await conn.execute(insert, fresh)
            found.update(await self._locked_cards(conn, missing))
        before = dict(found)
        for n, (g, m, term, rating, when) in enumerate(ratings, start=1):
            key = (g, m, term[:_TERM_LENGTH])
            found[key] = review(found[key], rating, when)
            if n % 100 == 0:
                await asyncio.sleep(0)  # FSRS costs ~20 us a rating: let the event loop run between
        changes = [
            {
                "b_id": card.id,
                "b_reps": card.reps,
                "b_lapses": card.lapses,
                **{f"b_{name}": value for name, value in fsrs_columns(card.fsrs).items()},
            }
            for key, card in found.items()
            if card is not before[key]
        ]
        columns = ("reps", "lapses", "state", "step", "stability", "difficulty", "due_at", "last_review_at")
        stmt = (
            sa.update(cards)
            .where(cards.c.id == sa.bindparam("b_id"))
            .values({name: sa.bindparam(f"b_{name}") for name in columns})
        )
        await conn.execute(stmt, changes)
        return {k: found[k] for k in keys}

    async def _locked_cards(
        self, conn: AsyncConnection, keys: Sequence[tuple[int, int, str]]
    ) -> dict[tuple[int, int, str], StudyCard]:
        """The stored cards among ``keys``, locked for this transaction on PostgreSQL."""
        out: dict[tuple[int, int, str], StudyCard] = {}
        for start in range(0, len(keys), _KEYS_PER_SELECT):
            chunk = keys[start : start + _KEYS_PER_SELECT]
            stmt = sa.select(cards).where(
                sa.tuple_(cards.c.guild_id, cards.c.member_id, cards.c.term).in_(chunk)
            )
            if self.engine.dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            for row in (await conn.execute(stmt)).all():
                out[(int(row.guild_id), int(row.member_id), str(row.term))] = card_from_row(row)
        return out

    async def _card_for(
        self, conn: AsyncConnection, guild_id: int, member_id: int, term: str
    ) -> sa.Row[Any] | None:
        stmt = sa.select(cards).where(
            cards.c.guild_id == guild_id, cards.c.member_id == member_id, cards.c.term == term
        )
        return (await conn.execute(stmt)).first()

    async def _introduce(
        self,
        conn: AsyncConnection,
        guild_id: int,
        member_id: int,
        term: str,
        now: datetime,
        source: CardSource,
    ) -> sa.Row[Any]:
        row = await self._card_for(conn, guild_id, member_id, term)
        if row is not None:
            return row
        fresh = new_fsrs_card(0, now)
        await conn.execute(
            self._insert(cards)
            .values(
                guild_id=guild_id,
                member_id=member_id,
                term=term,
                reps=0,
                lapses=0,
                source=source.value,
                introduced_at=now,
                **fsrs_columns(fresh),
            )
            .on_conflict_do_nothing(index_elements=["guild_id", "member_id", "term"])
        )
        row = await self._card_for(conn, guild_id, member_id, term)
        assert row is not None
        return row

    async def _save(self, conn: AsyncConnection, before: StudyCard, after: StudyCard) -> bool:
        """Write ``after`` if the stored card still has ``before``'s reps (one guarded UPDATE)."""
        result = await conn.execute(
            sa.update(cards)
            .where(cards.c.id == before.id, cards.c.reps == before.reps)
            .values(reps=after.reps, lapses=after.lapses, **fsrs_columns(after.fsrs))
        )
        if result.rowcount != 1:
            log.info("card %s changed meanwhile (expected %d reps)", before.id, before.reps)
            return False
        return True

    # -- reminders --------------------------------------------------------------------------------
    async def set_reminders(
        self, guild_id: int, member_id: int, enabled: bool, channel_id: int | None, now: datetime
    ) -> ReminderSetting:
        """Turn a member's daily reminder on (at this minute of the UTC day, first one tomorrow) or off."""
        moment = now.astimezone(UTC)
        minute = moment.hour * 60 + moment.minute
        today = moment.date()
        values = {
            "enabled": enabled,
            "channel_id": channel_id,
            "send_minute": minute,
            "last_sent_on": today,
            "updated_at": now,
        }
        stmt = self._insert(review_reminders).values(guild_id=guild_id, member_id=member_id, **values)
        # turning off keeps the time and the last day sent
        update_values = values if enabled else {"enabled": False, "updated_at": now}
        stmt = stmt.on_conflict_do_update(index_elements=["guild_id", "member_id"], set_=update_values)
        async with self.engine.begin() as conn:
            await conn.execute(stmt)
        found = await self.reminder(guild_id, member_id)
        assert found is not None
        return found

    async def reminder(self, guild_id: int, member_id: int) -> ReminderSetting | None:
        """A member's reminder setting in one server."""
        stmt = sa.select(review_reminders).where(
            review_reminders.c.guild_id == guild_id, review_reminders.c.member_id == member_id
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(stmt)).first()
        if row is None:
            return None
        return ReminderSetting(
            int(row.guild_id),
            int(row.member_id),
            bool(row.enabled),
            None if row.channel_id is None else int(row.channel_id),
            int(row.send_minute),
            row.last_sent_on,
        )

    async def claim_due_reminders(
        self, now: datetime, *, guild_ids: Collection[int] | None = None
    ) -> list[DueReminder]:
        """Reminders to send at ``now``, each marked sent for today first (once a day, even across restarts).

        A member is due when reminders are on, their minute of the day has come, nothing was sent today,
        and at least one card is due. Only ``guild_ids`` are considered when given (this process's guilds).
        """
        moment = now.astimezone(UTC)
        today = moment.date()
        minute = moment.hour * 60 + moment.minute
        r, c = review_reminders, cards
        not_sent_today = sa.or_(r.c.last_sent_on.is_(None), r.c.last_sent_on < today)
        candidates = (
            sa.select(r.c.guild_id, r.c.member_id, r.c.channel_id, sa.func.count(c.c.id).label("due"))
            .join(c, sa.and_(c.c.guild_id == r.c.guild_id, c.c.member_id == r.c.member_id))
            .where(r.c.enabled.is_(True), not_sent_today, r.c.send_minute <= minute, c.c.due_at <= now)
            .group_by(r.c.guild_id, r.c.member_id, r.c.channel_id)
            .order_by(r.c.guild_id, r.c.member_id)
        )
        if guild_ids is not None:
            if not guild_ids:
                return []
            candidates = candidates.where(r.c.guild_id.in_(sorted(guild_ids)))
        claimed: list[DueReminder] = []
        async with self.engine.connect() as conn:
            rows = (await conn.execute(candidates)).all()
        for row in rows:
            async with self.engine.begin() as conn:
                result = await conn.execute(
                    sa.update(r)
                    .where(
                        r.c.guild_id == row.guild_id,
                        r.c.member_id == row.member_id,
                        r.c.enabled.is_(True),
                        not_sent_today,
                    )
                    .values(last_sent_on=today)
                )
            if result.rowcount == 1:
                channel = None if row.channel_id is None else int(row.channel_id)
                claimed.append(DueReminder(int(row.guild_id), int(row.member_id), channel, int(row.due)))
        return claimed


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates bypass the column type on SQLite (naive text): make them aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
