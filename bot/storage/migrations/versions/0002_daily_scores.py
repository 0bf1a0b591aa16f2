"""Per (server, day, topic, member) totals for fast week/month/topic leaderboards, filled from answers.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create daily_scores and back-fill it from the answer history."""
    op.create_table(
        "daily_scores",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("topic", sa.String(200), primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correct", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_daily_scores_guild_topic_day", "daily_scores", ["guild_id", "topic", "day"])
    day = (
        "date(answered_at)"
        if op.get_bind().dialect.name == "sqlite"
        else "(answered_at AT TIME ZONE 'UTC')::date"
    )
    op.execute(
        "INSERT INTO daily_scores (guild_id, day, topic, member_id, points, answered, correct) "
        f"SELECT guild_id, {day}, topic, member_id, SUM(points), COUNT(*), "
        "SUM(CASE WHEN correct THEN 1 ELSE 0 END) FROM answers "
        f"GROUP BY guild_id, {day}, topic, member_id"
    )


def downgrade() -> None:
    """Drop daily_scores."""
    op.drop_table("daily_scores")
