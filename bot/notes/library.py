"""Which notes each server sees, with its matcher built on first use and kept within a memory budget.

A server sees the shared notes (the ``knowledge/`` files) plus its own topics, or only its own topics
when it switched the shared notes off. A server that never uploaded anything and kept the shared notes
on is served the shared knowledge base and matcher themselves (nothing is built for it).

Per-server matchers are built on a server's first look-up and kept in a least-recently-used cache
whose size is estimated from the topics' stored text (:data:`BYTES_PER_BODY_BYTE`, measured by
``benchmarks/notes_memory.py``); when the estimate passes ``budget_bytes`` the least recently used
servers are dropped and rebuilt on their next look-up.

Several processes share one database: each change bumps the server's revision, and
:meth:`NotesLibrary.refresh` (run every ``refresh_seconds`` by :meth:`NotesLibrary.run_refresher`)
drops the cached servers whose revision moved, so another process serves an upload within a few seconds.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.loader import normalize_name
from bot.matching import Matcher
from bot.matching.names import is_fragment
from bot.notes.topics import read_body, topic_path

log = logging.getLogger(__name__)

#: Resident memory of a server's knowledge base and matcher per byte of its stored JSON topics
#: (about 10 measured with tracemalloc for 200-term servers; 14 leaves room for the allocator).
BYTES_PER_BODY_BYTE = 14
#: What a cached server costs besides its topics (its record and the cache's bookkeeping), in bytes.
BYTES_PER_SERVER = 2048
#: Up to this many cached servers, a refresh asks for their revisions by id (else for all changed ones).
REFRESH_BY_ID = 500
#: The default memory budget of the per-server cache: 256 MiB.
DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024


class StoredTopic(Protocol):
    """What the library needs of a stored topic version (``bot.storage.notes.TopicVersion``)."""

    @property
    def topic_key(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def body(self) -> str | None: ...


class StoredState(Protocol):
    """What the library needs of a server's stored state (``bot.storage.notes.GuildNotesState``)."""

    @property
    def revision(self) -> int: ...

    @property
    def shared(self) -> bool: ...


class NotesSource(Protocol):
    """Where the servers' notes are stored (``bot.storage.notes.NotesRepository``)."""

    async def current(self, guild_id: int) -> tuple[StoredState, Sequence[StoredTopic]]:
        """The server's state and its current topics."""
        ...

    async def revisions(self, guild_ids: Collection[int] | None = None) -> dict[int, int]:
        """The revisions of the given servers."""
        ...


@dataclass(frozen=True, slots=True, eq=False)
class GuildNotes:
    """The notes one server sees: knowledge base, matcher, and where they came from.

    ``revision`` is the server's revision when they were read (0: never changed), ``own_topics`` its
    own topics (empty when it has none), ``shared`` whether the shared notes are part of them.
    """

    kb: KnowledgeBase
    matcher: Matcher
    revision: int = 0
    shared: bool = True
    own_topics: tuple[Topic, ...] = ()
    size: int = BYTES_PER_SERVER

    @property
    def own_entries(self) -> list[Entry]:
        """The entries of the server's own topics."""
        own = set(self.own_topics)
        return [e for e in self.kb.entries if e.topic in own]

    @property
    def shared_entries(self) -> list[Entry]:
        """The entries of the shared notes this server sees (none when it switched them off)."""
        own = set(self.own_topics)
        return [e for e in self.kb.entries if e.topic not in own]


def _without_fragments(entries: list[Entry], guild_id: int, topic_key: str) -> list[Entry]:
    """``entries`` without the aliases that are a lower-case letter or function words (``a``, ``on``),
    each dropped with a warning: notes stored before uploads refused them keep their entries, but no
    longer answer "what is a" with one."""
    kept: list[Entry] = []
    for entry in entries:
        dropped = [alias for alias in entry.aliases if is_fragment(alias)]
        if dropped:
            for alias in dropped:
                log.warning(
                    "guild %s: stored topic %s: alias %r of %s dropped (a lower-case letter or function "
                    "word is not a name)",
                    guild_id,
                    topic_key,
                    alias,
                    entry.term,
                )
            entry = replace(entry, aliases=tuple(a for a in entry.aliases if not is_fragment(a)))
        kept.append(entry)
    return kept


def combine(own: Sequence[tuple[Topic, list[Entry]]], shared: KnowledgeBase | None) -> KnowledgeBase:
    """One knowledge base of the server's topics (first claim of a name wins) and the shared notes.

    The server's own entries come first, so a name both have answers with the server's entry; a
    shared entry whose term is taken is left out, and its aliases that are taken are dropped.
    """
    kb = KnowledgeBase()
    claimed: set[str] = set()
    sources: list[tuple[Topic, Iterable[Entry]]] = list(own)
    if shared is not None:
        by_topic: dict[Topic, list[Entry]] = {t: [] for t in shared.topics}
        for entry in shared.entries:
            by_topic.setdefault(entry.topic, []).append(entry)
        sources.extend(by_topic.items())
    for topic, entries in sources:
        kept = 0
        for entry in entries:
            term = normalize_name(entry.term)
            if term in claimed:
                continue
            aliases = tuple(a for a in entry.aliases if normalize_name(a) not in claimed)
            if aliases != entry.aliases:
                entry = replace(entry, aliases=aliases)
            claimed.add(term)
            claimed.update(normalize_name(a) for a in aliases)
            kb.entries.append(entry)
            kept += 1
        if kept:
            kb.topics.append(topic)
            kb.files.append(topic.path)
    return kb


class NotesLibrary:
    """Serves each server its notes; one per process, shared by every cog.

    ``shared`` is the shared knowledge base and its prepared matcher. ``source`` is the database
    repository, or None without a database (then every server sees the shared notes).
    ``budget_bytes`` caps the estimated memory of the cached per-server matchers. ``freeze`` (set by
    ``python -m bot run``, which freezes the shared notes too) moves each new server's objects out of
    the cyclic collector's reach (``gc.freeze``), so full collections do not walk every cached server;
    they are still freed by reference counting when evicted.
    """

    def __init__(
        self,
        shared: tuple[KnowledgeBase, Matcher],
        source: NotesSource | None,
        *,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        build_in_thread: bool = True,
        freeze: bool = False,
    ) -> None:
        self._shared = GuildNotes(shared[0], shared[1], size=0)
        self.source = source
        self.budget_bytes = budget_bytes
        self.build_in_thread = build_in_thread
        self.freeze = freeze
        self._cache: OrderedDict[int, GuildNotes] = OrderedDict()
        self._cached_bytes = 0
        self._locks: dict[int, asyncio.Lock] = {}
        self.builds = 0
        self.evictions = 0

    # -- the shared notes ------------------------------------------------------------------------

    @property
    def shared(self) -> GuildNotes:
        """The shared notes (what a server without its own notes sees)."""
        return self._shared

    def replace_shared(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        """Serve new shared notes (``/kb reload``); servers that combine them are rebuilt on next use."""
        self._shared = GuildNotes(kb, matcher, size=0)
        self.clear()

    # -- the cache ---------------------------------------------------------------------------------

    @property
    def cached_bytes(self) -> int:
        """The estimated memory of the cached servers, in bytes."""
        return self._cached_bytes

    def cached_guilds(self) -> list[int]:
        """The cached servers, least recently used first."""
        return list(self._cache)

    def clear(self) -> None:
        """Forget every cached server."""
        self._cache.clear()
        self._cached_bytes = 0

    def invalidate(self, guild_id: int) -> None:
        """Forget one server (its notes changed); the next look-up reads them again."""
        notes = self._cache.pop(guild_id, None)
        if notes is not None:
            self._cached_bytes -= notes.size

    def _keep(self, guild_id: int, notes: GuildNotes) -> None:
        self.invalidate(guild_id)
        self._cache[guild_id] = notes
        self._cached_bytes += notes.size
        while self._cached_bytes > self.budget_bytes and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_bytes -= dropped.size
            self.evictions += 1

    # -- look-ups ----------------------------------------------------------------------------------

    async def for_guild(self, guild_id: int | None) -> GuildNotes:
        """The notes ``guild_id`` sees (the shared notes outside a server or without a database).

        Database errors propagate (the caller tells the user the database is unavailable).
        """
        if guild_id is None or self.source is None:
            return self._shared
        cached = self._cache.get(guild_id)
        if cached is not None:
            self._cache.move_to_end(guild_id)
            return cached
        lock = self._locks.setdefault(guild_id, asyncio.Lock())
        try:
            async with lock:
                cached = self._cache.get(guild_id)
                if cached is not None:
                    return cached
                notes = await self._load(guild_id)
                self._keep(guild_id, notes)
                return notes
        finally:
            if not lock.locked() and self._locks.get(guild_id) is lock:
                del self._locks[guild_id]

    async def _load(self, guild_id: int) -> GuildNotes:
        assert self.source is not None
        state, versions = await self.source.current(guild_id)
        shared = self._shared
        if not versions and state.shared:
            return GuildNotes(shared.kb, shared.matcher, state.revision, True, (), BYTES_PER_SERVER)
        own: list[tuple[Topic, list[Entry]]] = []
        body_bytes = 0
        for version in versions:
            if version.body is None:
                continue
            try:
                topic, entries = read_body(version.body, topic_path(version.topic_key))
            except (ValueError, KeyError, TypeError) as exc:  # pragma: no cover - written by us
                log.error("guild %s: stored topic %s is unreadable: %s", guild_id, version.topic_key, exc)
                continue
            own.append((topic, _without_fragments(entries, guild_id, version.topic_key)))
            body_bytes += len(version.body)
        kb = combine(own, shared.kb if state.shared else None)
        started = time.perf_counter()
        matcher = await asyncio.to_thread(Matcher, kb) if self.build_in_thread else Matcher(kb)
        if self.freeze:
            # Out of the cyclic collector's reach, as the shared notes are at start-up: a server's
            # indexes hold no cycles (dropping one frees it by reference counting), but every full
            # collection would walk all cached servers' objects (1.4 s pauses with 300 servers).
            gc.freeze()
        self.builds += 1
        log.debug(
            "guild %s: built a matcher over %d entries in %.1f ms",
            guild_id,
            len(kb.entries),
            (time.perf_counter() - started) * 1000,
        )
        size = BYTES_PER_SERVER + BYTES_PER_BODY_BYTE * body_bytes
        return GuildNotes(kb, matcher, state.revision, state.shared, tuple(t for t, _ in own), size)

    # -- other processes ---------------------------------------------------------------------------

    async def refresh(self) -> list[int]:
        """Drop cached servers whose notes changed in the database since they were read; their ids."""
        if self.source is None or not self._cache:
            return []
        cached = {guild_id: notes.revision for guild_id, notes in self._cache.items()}
        # one query either way: by id for a few servers, else every server that ever changed its notes
        stored = await self.source.revisions(list(cached) if len(cached) <= REFRESH_BY_ID else None)
        stale = [g for g, revision in cached.items() if stored.get(g, 0) != revision]
        for guild_id in stale:
            current = self._cache.get(guild_id)
            if current is not None and current.revision == cached[guild_id]:
                self.invalidate(guild_id)
        if stale:
            log.info("notes changed elsewhere in %d servers; they are read again on next use", len(stale))
        return stale

    async def run_refresher(
        self,
        interval: float,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        """Call :meth:`refresh` every ``interval`` seconds until cancelled; errors are logged, not raised."""
        while True:
            await sleep(interval)
            try:
                await self.refresh()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("could not check the servers' notes for changes: %s", str(exc)[:200])
