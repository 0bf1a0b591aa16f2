"""The review tables as migration 0004 creates them: flashcards (FSRS state) and reminder opt-ins."""

from __future__ import annotations

import sqlalchemy as sa

from bot.storage.schema import BigId, UTCDateTime

#: Kept apart from ``bot.storage.schema``'s tables, like the schedules table.
metadata = sa.MetaData()

#: One flashcard per (server, member, term); the FSRS card is stored column by column.
cards = sa.Table(
    "cards",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("guild_id", sa.BigInteger, nullable=False),
    sa.Column("member_id", sa.BigInteger, nullable=False),
    sa.Column("term", sa.String(200), nullable=False),
    sa.Column("state", sa.SmallInteger, nullable=False),
    sa.Column("step", sa.Integer, nullable=True),
    sa.Column("stability", sa.Double, nullable=True),
    sa.Column("difficulty", sa.Double, nullable=True),
    sa.Column("due_at", UTCDateTime, nullable=False),
    sa.Column("last_review_at", UTCDateTime, nullable=True),
    sa.Column("reps", sa.Integer, nullable=False, default=0),
    sa.Column("lapses", sa.Integer, nullable=False, default=0),
    sa.Column("source", sa.String(8), nullable=False),
    sa.Column("introduced_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("guild_id", "member_id", "term", name="uq_cards_guild_member_term"),
    sa.Index("ix_cards_guild_member_due", "guild_id", "member_id", "due_at"),
)

#: Who wants a daily "N cards due" message, where, at which minute of the UTC day, and when it was sent.
review_reminders = sa.Table(
    "review_reminders",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True),
    sa.Column("member_id", sa.BigInteger, primary_key=True),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("channel_id", sa.BigInteger, nullable=True),
    sa.Column("send_minute", sa.Integer, nullable=False),
    sa.Column("last_sent_on", sa.Date, nullable=True),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Index("ix_review_reminders_enabled", "enabled"),
)
