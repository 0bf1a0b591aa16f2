"""The database tables at the newest migration, in one MetaData (queries use these; migrations create them).

Quiz rounds, answers and score totals; schedules (migration 0003); flashcards and reminder opt-ins (0004).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()

#: A 64-bit id that is also SQLite's auto-incrementing ``INTEGER PRIMARY KEY``.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite stores them as naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store UTC: aware values are converted, naive ones are refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Read back as aware UTC."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


rounds = Table(
    "rounds",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("guild_id", BigInteger, nullable=False),
    Column("channel_id", BigInteger, nullable=False),
    Column("started_by", BigInteger, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("status", String(16), nullable=False),
    Column("settings", JSON, nullable=False),
    Index("ix_rounds_status", "status"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("round_id", BigInteger, ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
    Column("question_index", Integer, nullable=False),
    Column("guild_id", BigInteger, nullable=False),
    Column("channel_id", BigInteger, nullable=False),
    Column("member_id", BigInteger, nullable=False),
    Column("term", String(200), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("correct", Boolean, nullable=False),
    Column("points", Integer, nullable=False),
    Column("ms", Integer, nullable=False),
    Column("answered_at", UTCDateTime, nullable=False),
    UniqueConstraint("round_id", "question_index", "member_id", name="uq_answers_round_question_member"),
    # a server's answers of a time window (its most missed terms); migration 0009
    Index("ix_answers_guild_time", "guild_id", "answered_at"),
    Index("ix_answers_guild_member", "guild_id", "member_id"),
)

scores = Table(
    "scores",
    metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("points", Integer, nullable=False, server_default="0"),
    Column("answered", Integer, nullable=False, server_default="0"),
    Column("correct", Integer, nullable=False, server_default="0"),
    Column("streak", Integer, nullable=False, server_default="0"),
    Column("best_streak", Integer, nullable=False, server_default="0"),
    sqlite_with_rowid=False,  # clustered on the primary key (migration 0009)
)
Index("ix_scores_guild_board", scores.c.guild_id, scores.c.points.desc(), scores.c.member_id)

daily_scores = Table(
    "daily_scores",
    metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("topic", String(200), primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("points", Integer, nullable=False, server_default="0"),
    Column("answered", Integer, nullable=False, server_default="0"),
    Column("correct", Integer, nullable=False, server_default="0"),
    Index("ix_daily_scores_guild_topic_day", "guild_id", "topic", "day"),
    sqlite_with_rowid=False,  # clustered on the primary key (migration 0009)
)

period_scores = Table(
    "period_scores",
    metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("period_kind", String(8), primary_key=True),  # "week" (ISO, from Monday) or "month", UTC
    Column("period_start", Date, primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("points", Integer, nullable=False, server_default="0"),
    Column("answered", Integer, nullable=False, server_default="0"),
    Column("correct", Integer, nullable=False, server_default="0"),
    sqlite_with_rowid=False,  # clustered on the primary key (migration 0009)
)
# a leaderboard is one range of this index, best first
Index(
    "ix_period_scores_board",
    period_scores.c.guild_id,
    period_scores.c.period_kind,
    period_scores.c.period_start,
    period_scores.c.points.desc(),
    period_scores.c.member_id,
)

period_topic_scores = Table(
    "period_topic_scores",
    metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("period_kind", String(8), primary_key=True),  # "week", "month" or "all" (start 1970-01-01)
    Column("period_start", Date, primary_key=True),
    Column("topic", String(200), primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("points", Integer, nullable=False, server_default="0"),
    Column("answered", Integer, nullable=False, server_default="0"),
    Column("correct", Integer, nullable=False, server_default="0"),
    sqlite_with_rowid=False,  # clustered on the primary key (migration 0009)
)
Index(
    "ix_period_topic_scores_board",
    period_topic_scores.c.guild_id,
    period_topic_scores.c.period_kind,
    period_topic_scores.c.period_start,
    period_topic_scores.c.topic,
    period_topic_scores.c.points.desc(),
    period_topic_scores.c.member_id,
)

#: Scheduled quiz rounds (migration 0003).
schedules = Table(
    "schedules",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("guild_id", BigInteger, nullable=False),
    Column("channel_id", BigInteger, nullable=False),
    Column("created_by", BigInteger, nullable=False),
    Column("spec", String(200), nullable=False),
    Column("topic", String(200), nullable=True),
    Column("questions", Integer, nullable=False),
    Column("seconds", Integer, nullable=False),
    Column("mode", String(40), nullable=False),
    Column("role_id", BigInteger, nullable=True),
    Column("paused", Boolean, nullable=False, default=False),
    Column("next_run_at", UTCDateTime, nullable=True),
    Column("event_id", BigInteger, nullable=True),
    Column("last_run_at", UTCDateTime, nullable=True),
    Column("reminded_for", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_schedules_next_run_at", "next_run_at"),
    Index("ix_schedules_guild_id", "guild_id"),
)

#: One flashcard per (server, member, term); the FSRS card is stored column by column.
cards = Table(
    "cards",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("guild_id", BigInteger, nullable=False),
    Column("member_id", BigInteger, nullable=False),
    Column("term", String(200), nullable=False),
    Column("state", SmallInteger, nullable=False),
    Column("step", Integer, nullable=True),
    Column("stability", Double, nullable=True),
    Column("difficulty", Double, nullable=True),
    Column("due_at", UTCDateTime, nullable=False),
    Column("last_review_at", UTCDateTime, nullable=True),
    Column("reps", Integer, nullable=False, default=0),
    Column("lapses", Integer, nullable=False, default=0),
    Column("source", String(8), nullable=False),
    Column("introduced_at", UTCDateTime, nullable=False),
    UniqueConstraint("guild_id", "member_id", "term", name="uq_cards_guild_member_term"),
    Index("ix_cards_guild_member_due", "guild_id", "member_id", "due_at"),
)

#: Who wants a daily "N cards due" message, where, at which minute of the UTC day, and when it was sent.
review_reminders = Table(
    "review_reminders",
    metadata,
    Column("guild_id", BigInteger, primary_key=True),
    Column("member_id", BigInteger, primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("channel_id", BigInteger, nullable=True),
    Column("send_minute", Integer, nullable=False),
    Column("last_sent_on", Date, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_review_reminders_enabled", "enabled"),
)
