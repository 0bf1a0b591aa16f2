"""Initial schema: rounds, answers (history) and scores (per-server totals).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create rounds, answers and scores."""
    op.create_table(
        "rounds",
        sa.Column("id", _big_id, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("channel_id", sa.BigInteger, nullable=False),
        sa.Column("started_by", sa.BigInteger, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
    )
    op.create_index("ix_rounds_status", "rounds", ["status"])
    op.create_table(
        "answers",
        sa.Column("id", _big_id, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.BigInteger, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_index", sa.Integer, nullable=False),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("channel_id", sa.BigInteger, nullable=False),
        sa.Column("member_id", sa.BigInteger, nullable=False),
        sa.Column("term", sa.String(200), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("correct", sa.Boolean, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("ms", sa.Integer, nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "round_id", "question_index", "member_id", name="uq_answers_round_question_member"
        ),
    )
    op.create_index("ix_answers_guild_time", "answers", ["guild_id", "answered_at"])
    op.create_index("ix_answers_guild_member", "answers", ["guild_id", "member_id"])
    op.create_table(
        "scores",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("member_id", sa.BigInteger, primary_key=True),
        sa.Column("points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correct", sa.Integer, nullable=False, server_default="0"),
        sa.Column("streak", sa.Integer, nullable=False, server_default="0"),
        sa.Column("best_streak", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_scores_guild_points", "scores", ["guild_id", "points"])


def downgrade() -> None:
    """Drop everything."""
    op.drop_table("answers")
    op.drop_table("scores")
    op.drop_table("rounds")
