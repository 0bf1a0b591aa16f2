"""Each server's own notes: topic versions, the per-server switches, and uploads awaiting Confirm.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create notes_guilds, notes_versions and notes_pending."""
    op.create_table(
        "notes_guilds",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
        sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("editor_role_id", sa.BigInteger, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "notes_versions",
        sa.Column("id", _big_id, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("topic_key", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=True),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("uploaded_by", sa.BigInteger, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("guild_id", "topic_key", "version", name="uq_notes_versions_topic_version"),
    )
    op.create_table(
        "notes_pending",
        sa.Column("id", _big_id, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("member_id", sa.BigInteger, nullable=False),
        sa.Column("topic_key", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,  # an old Confirm button never names a newer upload
    )
    op.create_index("ix_notes_pending_expires_at", "notes_pending", ["expires_at"])


def downgrade() -> None:
    """Drop the three notes tables."""
    op.drop_table("notes_pending")
    op.drop_table("notes_versions")
    op.drop_table("notes_guilds")
