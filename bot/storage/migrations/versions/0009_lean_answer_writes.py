"""Cheaper writes of quiz answers: a narrow time index on answers, and SQLite totals without rowids.

Every stored answer updates the answers table's indexes and seven total rows, so each index an answer
touches is paid thousands of times a second under load:

- ``ix_answers_guild_time_cover`` (guild, time, member, points, correct, topic) covered the partial first
  day of a week/month window when leaderboards were summed from answers; they are read from the period
  totals now, and the one reader by time (a server's most missed terms) needs the term, which the
  index lacks. ``ix_answers_guild_time`` (guild, time) serves that reader with a much smaller key.
- SQLite: the totals tables (scores, daily_scores, period_scores, period_topic_scores) become
  ``WITHOUT ROWID`` tables clustered on their primary key, so an upsert touches two b-trees (the table
  and the board index) instead of three (rowid table, primary-key index, board index). PostgreSQL has
  no such choice and is left as it is.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TOTALS = ("scores", "daily_scores", "period_scores", "period_topic_scores")


def upgrade() -> None:
    """Swap the answers time index; on SQLite, rebuild the totals tables without rowids."""
    op.drop_index("ix_answers_guild_time_cover", table_name="answers")
    op.create_index("ix_answers_guild_time", "answers", ["guild_id", "answered_at"])
    if op.get_bind().dialect.name == "sqlite":
        for table in _TOTALS:
            _rebuild(table, rowid=False)


def downgrade() -> None:
    """Back to the covering index and, on SQLite, rowid totals tables."""
    if op.get_bind().dialect.name == "sqlite":
        for table in _TOTALS:
            _rebuild(table, rowid=True)
    op.drop_index("ix_answers_guild_time", table_name="answers")
    op.create_index(
        "ix_answers_guild_time_cover",
        "answers",
        ["guild_id", "answered_at", "member_id", "points", "correct", "topic"],
    )


def _rebuild(table: str, *, rowid: bool) -> None:
    """Re-create an SQLite table from its own CREATE statement with or without rowids, rows and indexes
    kept (SQLite cannot change this in place)."""
    bind = op.get_bind()
    create = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": table}
    ).scalar_one()
    indexes = (
        bind.execute(
            sa.text(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :name AND sql IS NOT NULL"
            ),
            {"name": table},
        )
        .scalars()
        .all()
    )
    body = create.rstrip().removesuffix("WITHOUT ROWID").rstrip()
    op.execute(f'ALTER TABLE "{table}" RENAME TO "_old_{table}"')
    op.execute(body if rowid else f"{body} WITHOUT ROWID")
    op.execute(f'INSERT INTO "{table}" SELECT * FROM "_old_{table}"')
    op.execute(f'DROP TABLE "_old_{table}"')
    for index in indexes:
        op.execute(index)
