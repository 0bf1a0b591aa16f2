"""Spaced repetition: one FSRS flashcard per (server, member, term) and opt-in daily review reminders.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create cards and review_reminders."""
    op.create_table(
        "cards",
        sa.Column("id", _big_id, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("member_id", sa.BigInteger, nullable=False),
        sa.Column("term", sa.String(200), nullable=False),
        sa.Column("state", sa.SmallInteger, nullable=False),
        sa.Column("step", sa.Integer, nullable=True),
        sa.Column("stability", sa.Double, nullable=True),
        sa.Column("difficulty", sa.Double, nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_review_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reps", sa.Integer, nullable=False, server_default="0"),
        sa.Column("lapses", sa.Integer, nullable=False, server_default="0"),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("introduced_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("guild_id", "member_id", "term", name="uq_cards_guild_member_term"),
    )
    op.create_index("ix_cards_guild_member_due", "cards", ["guild_id", "member_id", "due_at"])
    op.create_table(
        "review_reminders",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("channel_id", sa.BigInteger, nullable=True),
        sa.Column("send_minute", sa.Integer, nullable=False),
        sa.Column("last_sent_on", sa.Date, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_review_reminders_enabled", "review_reminders", ["enabled"])


def downgrade() -> None:
    """Drop review_reminders and cards."""
    op.drop_table("review_reminders")
    op.drop_table("cards")
