"""Flashcard rows and reminder opt-ins: plain records in and out, a rating's write a compare-and-set.

The FSRS scheduling lives in the domain (``bot.review``): it reads a :class:`CardRow`, computes the
card after a rating and hands the new column values back. This module only reads and writes rows; the
compare-and-set on ``reps`` (:meth:`CardRepository.save_if_unchanged`) is what makes a double click or
two processes rating one card at once safe.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.answer_batch import params, parse_sqlite_datetime, pg_arrays, sqlite_datetime
from bot.storage.schema import cards, review_reminders

log = logging.getLogger(__name__)

#: cards.term is String(200).
TERM_LENGTH = 200
#: (guild, member, term) keys per SELECT (3 parameters each).
_KEYS_PER_SELECT = 500

#: A card's natural key: (guild id, member id, term).
CardKey = tuple[int, int, str]

#: The columns of a card's FSRS state (what the domain computes and hands back to store).
FSRS_COLUMNS = ("state", "step", "stability", "difficulty", "due_at", "last_review_at")

# a batch of quiz answers rates hundreds of cards: plain statements with tuples of values (see
# bot.storage.answer_batch), as SQLAlchemy's per-row work cost more CPU than the database's
_CARD_COLUMNS = (
    "id",
    "guild_id",
    "member_id",
    "term",
    *FSRS_COLUMNS,
    "reps",
    "lapses",
    "source",
    "introduced_at",
)
_TIMES = frozenset({"due_at", "last_review_at", "introduced_at"})
_PG_LOCKED_CARDS = (
    "SELECT " + ", ".join(f"c.{name}" for name in _CARD_COLUMNS) + " FROM cards c "
    "JOIN unnest($1::text::bigint[], $2::text::bigint[], $3::text::varchar[]) AS k(g, m, t) "
    "ON c.guild_id = k.g AND c.member_id = k.m AND c.term = k.t ORDER BY c.id FOR UPDATE OF c"
)
# CROSS JOIN: SQLite walks the keys and looks each one up in the unique index, never the table
_SQLITE_CARDS = (
    "WITH k(g, m, t) AS (VALUES {keys}) SELECT "
    + ", ".join(f"c.{name}" for name in _CARD_COLUMNS)
    + " FROM k CROSS JOIN cards AS c ON c.guild_id = k.g AND c.member_id = k.m AND c.term = k.t"
)
_INSERTED = _CARD_COLUMNS[1:]
#: Rated new cards per SQLite INSERT (13 parameters each; SQLite allows 32,766 per statement).
_SQLITE_CARDS_PER_INSERT = 2000
_INSERT_CARD = (
    f"INSERT INTO cards ({', '.join(_INSERTED)}) "
    f"VALUES ({', '.join(f'{{{n}}}' for n in range(1, len(_INSERTED) + 1))}) "
    "ON CONFLICT (guild_id, member_id, term) DO NOTHING"
)
_RETURNING_KEYS = " RETURNING id, guild_id, member_id, term"
_UPDATED = ("reps", "lapses", *FSRS_COLUMNS, "id")
_UPDATE_CARD = (
    "UPDATE cards SET "
    + ", ".join(f"{name} = {{{n}}}" for n, name in enumerate(_UPDATED[:-1], start=1))
    + f" WHERE id = {{{len(_UPDATED)}}}"
)


# PostgreSQL: a batch's new and rated cards in one statement each, from column arrays
_PG_TYPES = {
    "guild_id": "bigint",
    "member_id": "bigint",
    "term": "varchar",
    "state": "smallint",
    "step": "int",
    "stability": "float8",
    "difficulty": "float8",
    "due_at": "timestamptz",
    "last_review_at": "timestamptz",
    "reps": "int",
    "lapses": "int",
    "source": "varchar",
    "introduced_at": "timestamptz",
    "id": "bigint",
}
_PG_INSERT_CARDS = (
    f"INSERT INTO cards ({', '.join(_INSERTED)}) SELECT * FROM unnest("
    + ", ".join(f"${n}::text::{_PG_TYPES[name]}[]" for n, name in enumerate(_INSERTED, start=1))
    + ") ON CONFLICT (guild_id, member_id, term) DO NOTHING"
)
_PG_UPDATE_CARDS = (
    "UPDATE cards SET "
    + ", ".join(f"{name} = v.{name}" for name in _UPDATED[:-1])
    + " FROM unnest("
    + ", ".join(f"${n}::text::{_PG_TYPES[name]}[]" for n, name in enumerate(_UPDATED, start=1))
    + f") AS v({', '.join(_UPDATED)}) WHERE cards.id = v.id"
)


_inserted_values = operator.itemgetter(*_INSERTED)
_INSERTED_TIMES = tuple(i for i, name in enumerate(_INSERTED) if name in _TIMES)


def _sqlite_values(row: Mapping[str, Any]) -> list[Any]:
    """A new card's values in ``_INSERTED`` order as SQLite takes them (times as SQLAlchemy's UTC text):
    ``_raw`` for a whole row, without a call per column (a quiz batch inserts hundreds of cards)."""
    values = list(_inserted_values(row))
    last = text = None  # a new card's last review is the moment it was introduced: formatted once
    for i in _INSERTED_TIMES:
        moment = values[i]
        if moment is not None:
            if moment is not last:
                last, text = moment, sqlite_datetime(moment)
            values[i] = text
    return values


def _raw(dialect: str, name: str, value: Any) -> Any:
    """A column value as the driver takes it (SQLite: datetimes as SQLAlchemy's UTC text)."""
    if dialect == "sqlite" and name in _TIMES and value is not None:
        return sqlite_datetime(value)
    return value


@dataclass(frozen=True, slots=True)
class CardRow:
    """One row of the cards table as stored (times aware UTC; ``state`` is FSRS's state number)."""

    id: int
    guild_id: int
    member_id: int
    term: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due_at: datetime
    last_review_at: datetime | None
    reps: int
    lapses: int
    source: str
    introduced_at: datetime

    @property
    def key(self) -> CardKey:
        """(guild id, member id, term)."""
        return (self.guild_id, self.member_id, self.term)

    @classmethod
    def from_row(cls, row: Any) -> CardRow:
        """Build from a ``cards`` row."""
        return cls(
            id=int(row.id),
            guild_id=int(row.guild_id),
            member_id=int(row.member_id),
            term=str(row.term),
            state=int(row.state),
            step=row.step,
            stability=None if row.stability is None else float(row.stability),
            difficulty=None if row.difficulty is None else float(row.difficulty),
            due_at=row.due_at,
            last_review_at=row.last_review_at,
            reps=int(row.reps),
            lapses=int(row.lapses),
            source=str(row.source),
            introduced_at=row.introduced_at,
        )


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


class CardRepository:
    """The cards and reminder settings of every server (``store.cards``), on SQLite or PostgreSQL.

    Methods ending in ``_in`` run inside a transaction the caller holds (:meth:`transaction`, or the
    connection ``RoundRepository.record_answers`` hands its ``also``); the others open their own.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    @classmethod
    def of_connection(cls, conn: AsyncConnection) -> CardRepository:
        """The card rows of the database ``conn`` belongs to, for a hook that is handed only a connection
        (``RoundRepository.record_answers``'s ``also``); use its ``_in`` methods with that ``conn``."""
        return cls(conn.engine)

    def transaction(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A connection in a transaction, committed when the block ends without an exception."""
        return self.engine.begin()

    # -- reading ----------------------------------------------------------------------------------
    async def card(self, card_id: int) -> CardRow | None:
        """One card by id."""
        async with self.engine.connect() as conn:
            return await self.card_in(conn, card_id)

    async def card_for(self, guild_id: int, member_id: int, term: str) -> CardRow | None:
        """A member's card for ``term``, if they have one."""
        async with self.engine.connect() as conn:
            return await self._card_for(conn, guild_id, member_id, term)

    async def terms_of(self, guild_id: int, member_id: int) -> set[str]:
        """The terms a member has a card for."""
        stmt = sa.select(cards.c.term).where(cards.c.guild_id == guild_id, cards.c.member_id == member_id)
        async with self.engine.connect() as conn:
            return {str(t) for t in (await conn.execute(stmt)).scalars()}

    async def due_cards(
        self, guild_id: int, member_id: int, now: datetime, *, limit: int = 100
    ) -> list[CardRow]:
        """The member's cards due at ``now``, most overdue first."""
        stmt = (
            sa.select(cards)
            .where(cards.c.guild_id == guild_id, cards.c.member_id == member_id, cards.c.due_at <= now)
            .order_by(cards.c.due_at, cards.c.id)
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            return [CardRow.from_row(r) for r in (await conn.execute(stmt)).all()]

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
        """When the member's next card is due (only among ``terms`` if given); aware UTC."""
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

    async def introduced_since(self, guild_id: int, member_id: int, since: datetime, source: str) -> int:
        """How many of the member's cards from ``source`` were introduced at or after ``since``."""
        stmt = sa.select(sa.func.count()).where(
            cards.c.guild_id == guild_id,
            cards.c.member_id == member_id,
            cards.c.source == source,
            cards.c.introduced_at >= since,
        )
        async with self.engine.connect() as conn:
            return int((await conn.execute(stmt)).scalar_one())

    # -- inside a transaction ---------------------------------------------------------------------
    async def card_in(self, conn: AsyncConnection, card_id: int) -> CardRow | None:
        """One card by id, read on ``conn``."""
        row = (await conn.execute(sa.select(cards).where(cards.c.id == card_id))).first()
        return None if row is None else CardRow.from_row(row)

    async def introduce_in(
        self,
        conn: AsyncConnection,
        guild_id: int,
        member_id: int,
        term: str,
        *,
        source: str,
        introduced_at: datetime,
        fresh: Mapping[str, Any],
    ) -> CardRow:
        """The member's card for ``term``, inserted first with the FSRS columns ``fresh`` if missing."""
        found = await self._card_for(conn, guild_id, member_id, term)
        if found is not None:
            return found
        await conn.execute(
            self._insert(cards)
            .values(
                guild_id=guild_id,
                member_id=member_id,
                term=term,
                reps=0,
                lapses=0,
                source=source,
                introduced_at=introduced_at,
                **fresh,
            )
            .on_conflict_do_nothing(index_elements=["guild_id", "member_id", "term"])
        )
        found = await self._card_for(conn, guild_id, member_id, term)
        assert found is not None
        return found

    async def save_if_unchanged(
        self, conn: AsyncConnection, card_id: int, expected_reps: int, values: Mapping[str, Any]
    ) -> bool:
        """Compare-and-set: write ``values`` (reps, lapses, FSRS columns) if the card still has
        ``expected_reps``; False (and nothing written) when someone changed it meanwhile."""
        result = await conn.execute(
            sa.update(cards).where(cards.c.id == card_id, cards.c.reps == expected_reps).values(**values)
        )
        if result.rowcount != 1:
            log.info("card %s changed meanwhile (expected %d reps)", card_id, expected_reps)
            return False
        return True

    async def locked_in(self, conn: AsyncConnection, keys: Sequence[CardKey]) -> dict[CardKey, CardRow]:
        """The stored cards among ``keys``, locked for this transaction on PostgreSQL (``FOR UPDATE``, in
        id order; SQLite holds the write lock already)."""
        out: dict[CardKey, CardRow] = {}
        if not keys:
            return out
        if self.engine.dialect.name == "postgresql":
            guilds, members, terms = (list(column) for column in zip(*keys, strict=True))
            result = await conn.exec_driver_sql(_PG_LOCKED_CARDS, pg_arrays((guilds, members, terms)))
            rows: list[Any] = [SimpleNamespace(**row) for row in result.mappings().all()]
        else:
            rows = []
            for start in range(0, len(keys), _KEYS_PER_SELECT):
                chunk = keys[start : start + _KEYS_PER_SELECT]
                sql = _SQLITE_CARDS.format(keys=",".join(["(?,?,?)"] * len(chunk)))
                result = await conn.exec_driver_sql(sql, tuple(v for key in chunk for v in key))
                rows.extend(
                    SimpleNamespace(
                        **{
                            **row,
                            "due_at": parse_sqlite_datetime(row["due_at"]),
                            "last_review_at": parse_sqlite_datetime(row["last_review_at"]),
                            "introduced_at": parse_sqlite_datetime(row["introduced_at"]),
                        }
                    )
                    for row in result.mappings().all()
                )
        for row in rows:
            card = CardRow.from_row(row)
            out[card.key] = card
        return out

    async def add_missing_in(self, conn: AsyncConnection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert new cards (every column but ``id``); a card that exists by now is left as it is."""
        await self._write_rows(conn, rows, _INSERTED, _PG_INSERT_CARDS, _INSERT_CARD)

    async def add_rated_in(
        self, conn: AsyncConnection, rows: Sequence[Mapping[str, Any]]
    ) -> dict[CardKey, int]:
        """Insert new cards already rated (every column but ``id``) in one statement (SQLite: one per
        2,000 cards); returns the ids of those inserted by key. A card that exists by now (made by
        another process meanwhile) is left as it is and missing from the result: rate it as stored."""
        inserted: dict[CardKey, int] = {}
        if not rows:
            return inserted
        dialect = self.engine.dialect.name
        if dialect == "postgresql":
            columns = tuple([row[name] for row in rows] for name in _INSERTED)
            results = [await conn.exec_driver_sql(_PG_INSERT_CARDS + _RETURNING_KEYS, pg_arrays(columns))]
        else:
            results = []
            one = "(" + ",".join("?" * len(_INSERTED)) + ")"
            for start in range(0, len(rows), _SQLITE_CARDS_PER_INSERT):
                chunk = rows[start : start + _SQLITE_CARDS_PER_INSERT]
                sql = _INSERT_CARD.split(" VALUES ", 1)[0] + " VALUES " + ",".join([one] * len(chunk))
                sql += " ON CONFLICT (guild_id, member_id, term) DO NOTHING" + _RETURNING_KEYS
                flat: list[Any] = []
                for new in chunk:
                    flat += _sqlite_values(new)
                results.append(await conn.exec_driver_sql(sql, tuple(flat)))
        for result in results:
            for row in result.all():
                card_id, guild_id, member_id, term = tuple(row)
                inserted[(int(guild_id), int(member_id), str(term))] = int(card_id)
        return inserted

    async def update_many_in(self, conn: AsyncConnection, changes: Sequence[Mapping[str, Any]]) -> None:
        """Write rated cards back in one ``executemany``: each mapping has ``id``, ``reps``, ``lapses`` and
        the FSRS columns (the caller holds their locks from :meth:`locked_in`)."""
        await self._write_rows(conn, changes, _UPDATED, _PG_UPDATE_CARDS, _UPDATE_CARD)

    async def _write_rows(
        self,
        conn: AsyncConnection,
        rows: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        postgresql_sql: str,
        sqlite_sql: str,
    ) -> None:
        """One statement for all ``rows``: PostgreSQL gets one array per column (``unnest``), SQLite an
        ``executemany`` of tuples stored as SQLAlchemy's types would store them."""
        if not rows:
            return
        dialect = self.engine.dialect.name
        if dialect == "postgresql":
            await conn.exec_driver_sql(
                postgresql_sql, pg_arrays([[row[name] for row in rows] for name in columns])
            )
            return
        await conn.exec_driver_sql(
            params(dialect, sqlite_sql),
            [tuple(_raw(dialect, name, row[name]) for name in columns) for row in rows],
        )

    async def _card_for(
        self, conn: AsyncConnection, guild_id: int, member_id: int, term: str
    ) -> CardRow | None:
        stmt = sa.select(cards).where(
            cards.c.guild_id == guild_id, cards.c.member_id == member_id, cards.c.term == term
        )
        row = (await conn.execute(stmt)).first()
        return None if row is None else CardRow.from_row(row)

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
