"""Calendar-period quiz totals: per (server, period kind, period start, member[, topic]), back-filled.

``week`` is the ISO week (from Monday 00:00 UTC) and ``month`` the calendar month (UTC); the topic
table also keeps ``all`` (period start 1970-01-01). Each leaderboard is one index range, best first,
so a top 10 reads 10 index entries and a rank is a COUNT over the same range. The old day/topic
totals stay until migration 0007, so a process still running the previous code keeps working.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_SUMS = "SUM(points), COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END)"


def _totals() -> list[sa.Column]:
    return [
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correct", sa.Integer, nullable=False, server_default="0"),
    ]


def _starts(sqlite: bool) -> dict[str, str]:
    """SQL for each period kind's start date of an answer (UTC)."""
    if sqlite:  # answered_at is naive UTC text; 'weekday 1' moves forward to a Monday
        return {
            "week": "date(answered_at, '-6 days', 'weekday 1')",
            "month": "date(answered_at, 'start of month')",
            "all": "'1970-01-01'",
        }
    utc = "(answered_at AT TIME ZONE 'UTC')"
    return {
        "week": f"date_trunc('week', {utc})::date",
        "month": f"date_trunc('month', {utc})::date",
        "all": "DATE '1970-01-01'",
    }


def upgrade() -> None:
    """Create period_scores and period_topic_scores, back-fill them, and order the all-time index."""
    op.create_table(
        "period_scores",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("period_kind", sa.String(8), primary_key=True),
        sa.Column("period_start", sa.Date, primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        *_totals(),
    )
    op.create_table(
        "period_topic_scores",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("period_kind", sa.String(8), primary_key=True),
        sa.Column("period_start", sa.Date, primary_key=True),
        sa.Column("topic", sa.String(200), primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        *_totals(),
    )
    starts = _starts(op.get_bind().dialect.name == "sqlite")
    for kind in ("week", "month"):
        op.execute(
            "INSERT INTO period_scores "
            "(guild_id, period_kind, period_start, member_id, points, answered, correct) "
            f"SELECT guild_id, '{kind}', {starts[kind]}, member_id, {_SUMS} FROM answers "
            f"GROUP BY guild_id, {starts[kind]}, member_id"
        )
    for kind in ("week", "month", "all"):
        op.execute(
            "INSERT INTO period_topic_scores "
            "(guild_id, period_kind, period_start, topic, member_id, points, answered, correct) "
            f"SELECT guild_id, '{kind}', {starts[kind]}, topic, member_id, {_SUMS} FROM answers "
            f"GROUP BY guild_id, {starts[kind]}, topic, member_id"
        )
    # indexes after the back-fill (faster than maintaining them row by row)
    op.create_index(
        "ix_period_scores_board",
        "period_scores",
        ["guild_id", "period_kind", "period_start", sa.text("points DESC"), "member_id"],
    )
    op.create_index(
        "ix_period_topic_scores_board",
        "period_topic_scores",
        ["guild_id", "period_kind", "period_start", "topic", sa.text("points DESC"), "member_id"],
    )
    op.create_index("ix_scores_guild_board", "scores", ["guild_id", sa.text("points DESC"), "member_id"])
    op.drop_index("ix_scores_guild_points", table_name="scores")


def downgrade() -> None:
    """Drop the period tables and restore the plain all-time index."""
    op.create_index("ix_scores_guild_points", "scores", ["guild_id", "points"])
    op.drop_index("ix_scores_guild_board", table_name="scores")
    op.drop_table("period_topic_scores")
    op.drop_table("period_scores")
