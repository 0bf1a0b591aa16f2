"""Drop member_days and topic_scores: period_scores / period_topic_scores (0006) replace them.

A separate step after 0006 so that a process still on the code before 0006 can run against 0006.
``bot/storage/stats.py`` reads daily_scores, which stays. Downgrading re-creates and back-fills both tables.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _totals() -> list[sa.Column]:
    return [
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correct", sa.Integer, nullable=False, server_default="0"),
    ]


def upgrade() -> None:
    """Drop the two tables no code reads or writes any more."""
    op.drop_table("topic_scores")
    op.drop_table("member_days")


def downgrade() -> None:
    """Re-create member_days and topic_scores from the answer history (as migration 0005 did)."""
    op.create_table(
        "member_days",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        *_totals(),
    )
    op.create_table(
        "topic_scores",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("topic", sa.String(200), primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        *_totals(),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    day = "date(answered_at)" if sqlite else "(answered_at AT TIME ZONE 'UTC')::date"
    sums = "SUM(points), COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END)"
    op.execute(
        "INSERT INTO member_days (guild_id, day, member_id, points, answered, correct) "
        f"SELECT guild_id, {day}, member_id, {sums} FROM answers GROUP BY guild_id, {day}, member_id"
    )
    op.execute(
        "INSERT INTO topic_scores (guild_id, topic, member_id, points, answered, correct) "
        f"SELECT guild_id, topic, member_id, {sums} FROM answers GROUP BY guild_id, topic, member_id"
    )
