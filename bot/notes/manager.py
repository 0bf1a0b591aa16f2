"""What a server's moderators do with its notes: preview and confirm uploads, list, remove, roll back,
switch the shared notes, choose an editor role, export. Discord-free; the ``/notes`` cog renders it.

Every refusal a moderator should read is a :class:`NotesActionError` whose message is the reply.
Every change invalidates this process's cached copy at once; other processes notice the revision.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.errors import UserError
from bot.knowledge import Entry, Topic
from bot.notes.export import export_files
from bot.notes.library import NotesLibrary
from bot.notes.topics import topic_key
from bot.notes.upload import NotesLimits, UploadPreview, check_size, preview_upload
from bot.storage.notes import EntryLimitReached, GuildNotesState, NotesRepository, TopicVersion

log = logging.getLogger(__name__)


class NotesActionError(UserError):
    """A notes action refused; the message is the reply the moderator reads."""

    @property
    def user_message(self) -> str:
        """What the moderator reads."""
        return str(self)


@dataclass(frozen=True, slots=True)
class StoredPreview:
    """A preview, and the id its Confirm button names (None when it cannot be confirmed)."""

    preview: UploadPreview
    pending_id: int | None
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Published:
    """A confirmed upload: the topic, its new version and entry count."""

    title: str
    version: int
    entries: int


@dataclass(frozen=True, slots=True)
class TopicSummary:
    """One of a server's topics for ``/notes list``."""

    title: str
    entries: int
    version: int
    uploaded_by: int
    uploaded_at: datetime
    filename: str


class NotesManager:
    """The moderators' side of a server's notes, over the library (serving) and the repository (storing)."""

    def __init__(
        self,
        library: NotesLibrary,
        repository: NotesRepository,
        clock: Clock,
        *,
        limits: NotesLimits | None = None,
        confirm_minutes: int = 15,
    ) -> None:
        self.library = library
        self.repository = repository
        self.clock = clock
        self.limits = limits or NotesLimits()
        self.confirm_for = timedelta(minutes=confirm_minutes)

    # -- who may edit ----------------------------------------------------------------------------

    async def editor_role(self, guild_id: int) -> int | None:
        """The server's notes-editor role, if one was chosen."""
        return (await self.repository.state(guild_id)).editor_role_id

    async def state(self, guild_id: int) -> GuildNotesState:
        """The server's switches."""
        return await self.repository.state(guild_id)

    # -- uploads ---------------------------------------------------------------------------------

    def check_size(self, filename: str, size: int) -> None:
        """Refuse by declared size and name before downloading (``UploadRefused``)."""
        check_size(filename, size, self.limits)

    async def preview(self, guild_id: int, member_id: int, filename: str, data: bytes) -> StoredPreview:
        """Read the file into a preview; a confirmable one is kept until Confirm (nothing is served yet)."""
        notes = await self.library.for_guild(guild_id)
        preview = await asyncio.to_thread(
            preview_upload,
            filename,
            data,
            limits=self.limits,
            own_entries=notes.own_entries,
            shared_entries=notes.shared_entries if notes.shared else (),
        )
        now = self.clock.now()
        expires_at = now + self.confirm_for
        if not preview.ok:
            return StoredPreview(preview, None, expires_at)
        pending_id = await self.repository.add_pending(
            guild_id,
            member_id,
            preview.key,
            title=preview.title,
            body=preview.body,
            entries=len(preview.entries),
            filename=preview.filename,
            expires_at=expires_at,
            now=now,
        )
        return StoredPreview(preview, pending_id, expires_at)

    async def confirm(self, guild_id: int, member_id: int, pending_id: int) -> Published:
        """Store the previewed upload as the topic's next version and serve it."""
        pending = await self.repository.take_pending(pending_id, guild_id, member_id)
        now = self.clock.now()
        if pending is None or pending.expires_at < now:
            raise NotesActionError(
                "This upload is no longer waiting (confirmed, cancelled or expired); nothing was changed. "
                "Upload the file again with /notes upload."
            )
        try:
            version = await self.repository.publish(
                guild_id,
                pending.topic_key,
                title=pending.title,
                body=pending.body,
                entries=pending.entries,
                filename=pending.filename,
                member_id=member_id,
                now=now,
                max_entries=self.limits.max_entries,
            )
        except EntryLimitReached as exc:
            raise NotesActionError(
                f"Nothing was changed: this server's notes would have {exc.total} entries and the limit "
                f"is {exc.limit}. Remove a topic with /notes remove first."
            ) from None
        finally:
            self.library.invalidate(guild_id)
        return Published(pending.title, version, pending.entries)

    async def cancel(self, guild_id: int, member_id: int, pending_id: int) -> bool:
        """Drop the previewed upload; whether it was still waiting."""
        return await self.repository.take_pending(pending_id, guild_id, member_id) is not None

    # -- topics ----------------------------------------------------------------------------------

    async def topics(self, guild_id: int) -> list[TopicSummary]:
        """The server's own topics with entries, version, uploader and time, newest upload first."""
        _, versions = await self.repository.current(guild_id)
        return [_summary(v) for v in versions]

    async def topic_titles(self, guild_id: int) -> list[str]:
        """Titles of every topic with kept versions (removed ones too, which rollback restores)."""
        return [title for _, title in await self.repository.topic_keys(guild_id)]

    async def _key(self, guild_id: int, topic: str) -> tuple[str, str]:
        wanted = topic_key(topic)
        for key, title in await self.repository.topic_keys(guild_id):
            if key == wanted:
                return key, title
        raise NotesActionError(f"This server has no topic called '{topic[:100]}'; /notes list shows them.")

    async def remove(self, guild_id: int, member_id: int, topic: str) -> TopicVersion:
        """Stop serving a topic (``/notes rollback`` brings it back)."""
        key, title = await self._key(guild_id, topic)
        removed = await self.repository.remove(guild_id, key, member_id=member_id, now=self.clock.now())
        self.library.invalidate(guild_id)
        if removed is None:
            raise NotesActionError(f"'{title}' is already removed; /notes rollback brings it back.")
        return removed

    async def rollback(self, guild_id: int, topic: str) -> TopicVersion:
        """Serve the topic's previous version again (the newest is dropped)."""
        key, title = await self._key(guild_id, topic)
        try:
            previous = await self.repository.rollback(
                guild_id, key, now=self.clock.now(), max_entries=self.limits.max_entries
            )
        except EntryLimitReached as exc:
            raise NotesActionError(
                f"Nothing was changed: the previous version would give this server {exc.total} entries "
                f"(limit {exc.limit})."
            ) from None
        finally:
            self.library.invalidate(guild_id)
        if previous is None:
            raise NotesActionError(f"'{title}' has no earlier version to go back to; nothing was changed.")
        return previous

    async def set_shared(self, guild_id: int, on: bool) -> None:
        """Include the shared notes in the server's notes, or not."""
        await self.repository.set_shared(guild_id, on, self.clock.now())
        self.library.invalidate(guild_id)

    async def set_editor_role(self, guild_id: int, role_id: int | None) -> None:
        """Let members with ``role_id`` manage the notes (None: Manage Server only)."""
        await self.repository.set_editor_role(guild_id, role_id, self.clock.now())

    # -- export ----------------------------------------------------------------------------------

    async def export(self, guild_id: int, topic: str | None, fmt: str) -> list[tuple[str, bytes]]:
        """Files of the notes the server sees (one topic, or all), in ``fmt`` (yaml, anki or csv)."""
        notes = await self.library.for_guild(guild_id)
        chosen = _by_topic(notes.kb.topics, notes.kb.entries)
        if topic:
            wanted = topic_key(topic)
            chosen = [(t, es) for t, es in chosen if topic_key(t.title) == wanted]
            if not chosen:
                raise NotesActionError(f"There is no topic called '{topic[:100]}' in this server's notes.")
        if not any(es for _, es in chosen):
            raise NotesActionError("There are no notes to export.")
        deck = chosen[0][0].title if len(chosen) == 1 else "Study notes"
        return export_files(fmt, chosen, deck)


def _by_topic(topics: Sequence[Topic], entries: Sequence[Entry]) -> list[tuple[Topic, list[Entry]]]:
    grouped: dict[Topic, list[Entry]] = {t: [] for t in topics}
    for entry in entries:
        grouped.setdefault(entry.topic, []).append(entry)
    return [(t, es) for t, es in grouped.items() if es]


def _summary(version: TopicVersion) -> TopicSummary:
    return TopicSummary(
        title=version.title,
        entries=version.entries,
        version=version.version,
        uploaded_by=version.uploaded_by,
        uploaded_at=version.uploaded_at,
        filename=version.filename,
    )
