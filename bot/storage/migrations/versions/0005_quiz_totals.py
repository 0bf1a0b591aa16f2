"""Quiz totals per (server, day, member) and per (server, topic, member), filled from answers.

They make week/month leaderboards without a topic, and all-time leaderboards of one topic, sum far
fewer rows than the per-topic daily totals. The answers' time index also covers what the first
(partial) day of a week/month window reads, so that part needs no table look-ups.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _totals(*keys: sa.Column) -> list[sa.Column]:
    return [
        *keys,
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correct", sa.Integer, nullable=False, server_default="0"),
    ]


def upgrade() -> None:
    """Create member_days and topic_scores and back-fill them from the answer history."""
    op.create_table(
        "member_days",
        *_totals(
            sa.Column("guild_id", sa.BigInteger, primary_key=True),
            sa.Column("day", sa.Date, primary_key=True),
            sa.Column("member_id", sa.BigInteger, primary_key=True),
        ),
    )
    op.create_table(
        "topic_scores",
        *_totals(
            sa.Column("guild_id", sa.BigInteger, primary_key=True),
            sa.Column("topic", sa.String(200), primary_key=True),
            sa.Column("member_id", sa.BigInteger, primary_key=True),
        ),
    )
    op.create_index(
        "ix_answers_guild_time_cover",
        "answers",
        ["guild_id", "answered_at", "member_id", "points", "correct", "topic"],
    )
    op.drop_index("ix_answers_guild_time", table_name="answers")
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


def downgrade() -> None:
    """Drop the two tables and restore the plain time index."""
    op.create_index("ix_answers_guild_time", "answers", ["guild_id", "answered_at"])
    op.drop_index("ix_answers_guild_time_cover", table_name="answers")
    op.drop_table("topic_scores")
    op.drop_table("member_days")
