"""Each server's own notes in the database: topic versions, per-server switches, uploads awaiting Confirm.

Plain records only: the body of a version is the topic as JSON text (the knowledge file's structure,
already validated by ``bot.notes``); this module stores and versions it and knows nothing of entries.

Every change to a server's notes bumps ``notes_guilds.revision`` in the same transaction, first, so
concurrent changes to one server are serialised by that row's lock and other processes can tell that
their cached copy is old by comparing one integer.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.schema import BigId, UTCDateTime, metadata

log = logging.getLogger(__name__)

#: Versions kept per topic (older ones are deleted when a new one is stored).
KEEP_VERSIONS = 10


notes_guilds = sa.Table(
    "notes_guilds",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("editor_role_id", sa.BigInteger, nullable=True),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

notes_versions = sa.Table(
    "notes_versions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("guild_id", sa.BigInteger, nullable=False),
    sa.Column("topic_key", sa.String(200), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=True),  # None: the topic was removed in this version
    sa.Column("entries", sa.Integer, nullable=False),
    sa.Column("filename", sa.String(200), nullable=False),
    sa.Column("uploaded_by", sa.BigInteger, nullable=False),
    sa.Column("uploaded_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("guild_id", "topic_key", "version", name="uq_notes_versions_topic_version"),
)

notes_pending = sa.Table(
    "notes_pending",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("guild_id", sa.BigInteger, nullable=False),
    sa.Column("member_id", sa.BigInteger, nullable=False),
    sa.Column("topic_key", sa.String(200), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("entries", sa.Integer, nullable=False),
    sa.Column("filename", sa.String(200), nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Index("ix_notes_pending_expires_at", "expires_at"),
    sqlite_autoincrement=True,
)


@dataclass(frozen=True, slots=True)
class GuildNotesState:
    """A server's switches and the revision of its notes (0: never changed)."""

    guild_id: int
    revision: int = 0
    shared: bool = True
    editor_role_id: int | None = None


@dataclass(frozen=True, slots=True)
class TopicVersion:
    """One stored version of one topic of one server; ``body`` is JSON text, None once removed."""

    guild_id: int
    topic_key: str
    version: int
    title: str
    body: str | None
    entries: int
    filename: str
    uploaded_by: int
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class PendingUpload:
    """An upload shown in a preview and waiting for Confirm (or Cancel, or its expiry)."""

    id: int
    guild_id: int
    member_id: int
    topic_key: str
    title: str
    body: str
    entries: int
    filename: str
    expires_at: datetime


class EntryLimitReached(Exception):
    """Storing the topic would take the server past its entry limit; nothing was stored."""

    def __init__(self, total: int, limit: int) -> None:
        super().__init__(f"{total} entries would exceed the limit of {limit}")
        self.total = total
        self.limit = limit


def _version(row: sa.Row[tuple[object, ...]]) -> TopicVersion:
    m = row._mapping
    return TopicVersion(
        guild_id=m["guild_id"],
        topic_key=m["topic_key"],
        version=m["version"],
        title=m["title"],
        body=m["body"],
        entries=m["entries"],
        filename=m["filename"],
        uploaded_by=m["uploaded_by"],
        uploaded_at=m["uploaded_at"],
    )


class NotesRepository:
    """Reads and writes the notes tables; every public method is one transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    # -- state ---------------------------------------------------------------------------------

    async def state(self, guild_id: int) -> GuildNotesState:
        """The server's switches and revision (defaults when it never changed anything)."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(sa.select(notes_guilds).where(notes_guilds.c.guild_id == guild_id))
            ).first()
        if row is None:
            return GuildNotesState(guild_id)
        m = row._mapping
        return GuildNotesState(guild_id, m["revision"], m["shared"], m["editor_role_id"])

    async def revisions(self, guild_ids: Collection[int] | None = None) -> dict[int, int]:
        """``{guild_id: revision}`` for the given servers (all when None) that ever changed their notes."""
        query = sa.select(notes_guilds.c.guild_id, notes_guilds.c.revision)
        if guild_ids is not None:
            if not guild_ids:
                return {}
            query = query.where(notes_guilds.c.guild_id.in_(sorted(guild_ids)))
        async with self.engine.connect() as conn:
            return {row.guild_id: row.revision for row in await conn.execute(query)}

    async def _bump(self, conn: AsyncConnection, guild_id: int, now: datetime, **values: object) -> int:
        """Raise the server's revision by one (creating its row) and set ``values``; the new revision."""
        insert = self._insert(notes_guilds).values(guild_id=guild_id, revision=1, updated_at=now, **values)
        statement = insert.on_conflict_do_update(
            index_elements=[notes_guilds.c.guild_id],
            set_={"revision": notes_guilds.c.revision + 1, "updated_at": now, **values},
        ).returning(notes_guilds.c.revision)
        return int((await conn.execute(statement)).scalar_one())

    async def set_shared(self, guild_id: int, shared: bool, now: datetime) -> int:
        """Switch the shared notes on or off for the server; the new revision."""
        async with self.engine.begin() as conn:
            return await self._bump(conn, guild_id, now, shared=shared)

    async def set_editor_role(self, guild_id: int, role_id: int | None, now: datetime) -> int:
        """The role that may manage the notes besides Manage Server (None: nobody else)."""
        async with self.engine.begin() as conn:
            return await self._bump(conn, guild_id, now, editor_role_id=role_id)

    # -- versions ------------------------------------------------------------------------------

    @staticmethod
    def _current_query(guild_id: int) -> sa.Select[tuple[object, ...]]:
        newest = (
            sa.select(notes_versions.c.topic_key, sa.func.max(notes_versions.c.version).label("version"))
            .where(notes_versions.c.guild_id == guild_id)
            .group_by(notes_versions.c.topic_key)
            .subquery()
        )
        return (
            sa.select(notes_versions)
            .join(
                newest,
                sa.and_(
                    notes_versions.c.topic_key == newest.c.topic_key,
                    notes_versions.c.version == newest.c.version,
                ),
            )
            .where(notes_versions.c.guild_id == guild_id)
            .order_by(notes_versions.c.uploaded_at.desc(), notes_versions.c.id.desc())
        )

    async def current(self, guild_id: int) -> tuple[GuildNotesState, list[TopicVersion]]:
        """The server's state and the newest version of each of its topics (removed ones left out).

        Both are read in one transaction, so the topics belong to the revision returned.
        """
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(sa.select(notes_guilds).where(notes_guilds.c.guild_id == guild_id))
            ).first()
            state = (
                GuildNotesState(
                    guild_id,
                    row._mapping["revision"],
                    row._mapping["shared"],
                    row._mapping["editor_role_id"],
                )
                if row is not None
                else GuildNotesState(guild_id)
            )
            if state.revision == 0:
                return state, []
            rows = (await conn.execute(self._current_query(guild_id))).all()
        return state, [v for v in map(_version, rows) if v.body is not None]

    async def versions(self, guild_id: int, topic_key: str) -> list[TopicVersion]:
        """Every kept version of one topic, newest first (removals included)."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                sa.select(notes_versions)
                .where(notes_versions.c.guild_id == guild_id, notes_versions.c.topic_key == topic_key)
                .order_by(notes_versions.c.version.desc())
            )
            return [_version(r) for r in rows]

    async def _entries_besides(self, conn: AsyncConnection, guild_id: int, topic_key: str) -> int:
        rows = (await conn.execute(self._current_query(guild_id))).all()
        return sum(v.entries for v in map(_version, rows) if v.body is not None and v.topic_key != topic_key)

    async def _append(
        self,
        conn: AsyncConnection,
        guild_id: int,
        topic_key: str,
        values: Mapping[str, object],
        keep: int,
    ) -> int:
        """Insert the next version of the topic and delete those beyond the newest ``keep``."""
        newest = (
            await conn.execute(
                sa.select(sa.func.max(notes_versions.c.version)).where(
                    notes_versions.c.guild_id == guild_id, notes_versions.c.topic_key == topic_key
                )
            )
        ).scalar_one_or_none() or 0
        version = newest + 1
        await conn.execute(
            notes_versions.insert().values(guild_id=guild_id, topic_key=topic_key, version=version, **values)
        )
        await conn.execute(
            notes_versions.delete().where(
                notes_versions.c.guild_id == guild_id,
                notes_versions.c.topic_key == topic_key,
                notes_versions.c.version <= version - keep,
            )
        )
        return version

    async def publish(
        self,
        guild_id: int,
        topic_key: str,
        *,
        title: str,
        body: str,
        entries: int,
        filename: str,
        member_id: int,
        now: datetime,
        max_entries: int,
        keep: int = KEEP_VERSIONS,
    ) -> int:
        """Store a new version of the topic (the server's revision goes up); the version number.

        ``EntryLimitReached`` (nothing stored) when the server's topics would then have more than
        ``max_entries`` entries together.
        """
        async with self.engine.begin() as conn:
            await self._bump(conn, guild_id, now)
            total = await self._entries_besides(conn, guild_id, topic_key) + entries
            if total > max_entries:
                raise EntryLimitReached(total, max_entries)
            values = {
                "title": title,
                "body": body,
                "entries": entries,
                "filename": filename[:200],
                "uploaded_by": member_id,
                "uploaded_at": now,
            }
            version = await self._append(conn, guild_id, topic_key, values, keep)
        log.info("guild %s: stored topic %r version %d (%d entries)", guild_id, title, version, entries)
        return version

    async def remove(
        self, guild_id: int, topic_key: str, *, member_id: int, now: datetime, keep: int = KEEP_VERSIONS
    ) -> TopicVersion | None:
        """Remove the topic (a removal version, so rollback brings it back); the version removed, or None."""
        async with self.engine.begin() as conn:
            rows = (await conn.execute(self._current_query(guild_id))).all()
            current = next(
                (v for v in map(_version, rows) if v.topic_key == topic_key and v.body is not None), None
            )
            if current is None:
                return None
            await self._bump(conn, guild_id, now)
            values = {
                "title": current.title,
                "body": None,
                "entries": 0,
                "filename": current.filename,
                "uploaded_by": member_id,
                "uploaded_at": now,
            }
            await self._append(conn, guild_id, topic_key, values, keep)
        return current

    async def rollback(
        self, guild_id: int, topic_key: str, *, now: datetime, max_entries: int
    ) -> TopicVersion | None:
        """Drop the topic's newest version so the one before serves again; that version, or None.

        None (nothing changed) when the topic has no earlier version. ``EntryLimitReached`` when the
        earlier version would take the server past ``max_entries``.
        """
        async with self.engine.begin() as conn:
            rows = (
                await conn.execute(
                    sa.select(notes_versions)
                    .where(notes_versions.c.guild_id == guild_id, notes_versions.c.topic_key == topic_key)
                    .order_by(notes_versions.c.version.desc())
                    .limit(2)
                )
            ).all()
            if len(rows) < 2:
                return None
            await self._bump(conn, guild_id, now)
            newest, previous = _version(rows[0]), _version(rows[1])
            total = await self._entries_besides(conn, guild_id, topic_key) + previous.entries
            if total > max_entries:
                raise EntryLimitReached(total, max_entries)
            await conn.execute(
                notes_versions.delete().where(
                    notes_versions.c.guild_id == guild_id,
                    notes_versions.c.topic_key == topic_key,
                    notes_versions.c.version == newest.version,
                )
            )
        return previous

    async def topic_keys(self, guild_id: int) -> list[tuple[str, str]]:
        """``(topic_key, title)`` of every topic with kept versions (removed ones too), by title."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                sa.select(notes_versions.c.topic_key, sa.func.max(notes_versions.c.title))
                .where(notes_versions.c.guild_id == guild_id)
                .group_by(notes_versions.c.topic_key)
            )
            return sorted(((r[0], r[1]) for r in rows), key=lambda kt: kt[1].casefold())

    # -- uploads awaiting Confirm -------------------------------------------------------------------

    async def add_pending(
        self,
        guild_id: int,
        member_id: int,
        topic_key: str,
        *,
        title: str,
        body: str,
        entries: int,
        filename: str,
        expires_at: datetime,
        now: datetime,
    ) -> int:
        """Keep an upload until Confirm; expired ones are deleted on the way. The pending id."""
        async with self.engine.begin() as conn:
            await conn.execute(notes_pending.delete().where(notes_pending.c.expires_at < now))
            result = await conn.execute(
                notes_pending.insert()
                .values(
                    guild_id=guild_id,
                    member_id=member_id,
                    topic_key=topic_key,
                    title=title,
                    body=body,
                    entries=entries,
                    filename=filename[:200],
                    expires_at=expires_at,
                )
                .returning(notes_pending.c.id)
            )
            return int(result.scalar_one())

    async def take_pending(self, pending_id: int, guild_id: int, member_id: int) -> PendingUpload | None:
        """Remove and return the member's pending upload (None if already taken, cancelled or expired)."""
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    notes_pending.delete()
                    .where(
                        notes_pending.c.id == pending_id,
                        notes_pending.c.guild_id == guild_id,
                        notes_pending.c.member_id == member_id,
                    )
                    .returning(*notes_pending.c)
                )
            ).first()
        if row is None:
            return None
        m = row._mapping
        return PendingUpload(
            id=m["id"],
            guild_id=m["guild_id"],
            member_id=m["member_id"],
            topic_key=m["topic_key"],
            title=m["title"],
            body=m["body"],
            entries=m["entries"],
            filename=m["filename"],
            expires_at=m["expires_at"],
        )

    async def forget_member(self, guild_id: int, member_id: int) -> int:
        """The member's pending uploads deleted and their name taken off the versions they uploaded
        (the notes stay the server's); how many versions no longer name them."""
        async with self.engine.begin() as conn:
            await conn.execute(
                notes_pending.delete().where(
                    notes_pending.c.guild_id == guild_id, notes_pending.c.member_id == member_id
                )
            )
            result = await conn.execute(
                notes_versions.update()
                .where(notes_versions.c.guild_id == guild_id, notes_versions.c.uploaded_by == member_id)
                .values(uploaded_by=0)
            )
            return int(result.rowcount or 0)
