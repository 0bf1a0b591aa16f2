"""Leaderboard pages this process read, dropped the moment this process changes their server's totals.

A top 10 is one index range, but reading it is several round trips (or thread hops, on SQLite), each of
which waits for a CPU on a busy machine: 5-30 ms where the query itself takes a fraction of a
millisecond. The bot writes a server's totals only through its ``Store`` (the answer writer, reset,
delete-my-data), so a page read since the last such write is still exact; every write of a server's
totals drops that server's pages (``changed``) and a read that raced a write is not kept (the server's
generation moved meanwhile). ``max_age`` seconds bound what another process writing the same database
(a command-line tool, another shard's process) can leave stale.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

Page = TypeVar("Page")

#: Seconds a page is served at most without being read again.
MAX_AGE_SECONDS = 2.0
#: Pages kept at most (the oldest go first); a page is a few hundred bytes.
MAX_PAGES = 10_000


class BoardCache(Generic[Page]):
    """Leaderboard pages by (guild, board key), dropped per guild on every write."""

    def __init__(
        self,
        *,
        max_age: float = MAX_AGE_SECONDS,
        max_pages: int = MAX_PAGES,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_age = max_age
        self.max_pages = max_pages
        self._monotonic = monotonic
        self._pages: dict[int, dict[Hashable, tuple[float, Page]]] = {}
        self._count = 0
        self._generation: dict[int, int] = {}
        self.hits = 0
        self.misses = 0

    def generation(self, guild_id: int) -> int:
        """How many times this guild's totals were changed; take it before reading a page."""
        return self._generation.get(guild_id, 0)

    def get(self, guild_id: int, key: Hashable) -> Page | None:
        """The page read for ``key`` since the guild's last write and within ``max_age``, else None."""
        found = self._pages.get(guild_id, {}).get(key)
        if found is not None and self._monotonic() - found[0] < self.max_age:
            self.hits += 1
            return found[1]
        self.misses += 1
        return None

    def put(self, guild_id: int, key: Hashable, page: Page, generation: int) -> None:
        """Keep ``page`` unless the guild's totals changed since ``generation`` was taken."""
        if self.generation(guild_id) != generation:
            return
        if self._count >= self.max_pages:
            self._pages.clear()  # rare (thousands of boards read within seconds): start again
            self._count = 0
        pages = self._pages.setdefault(guild_id, {})
        self._count += key not in pages
        pages[key] = (self._monotonic(), page)

    def changed(self, guild_ids: Iterable[int]) -> None:
        """These guilds' totals were changed: drop their pages."""
        for guild_id in set(guild_ids):
            self._generation[guild_id] = self.generation(guild_id) + 1
            self._count -= len(self._pages.pop(guild_id, {}))
