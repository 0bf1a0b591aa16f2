"""The composition root: the shared objects of one bot process, built in one place.

``build_services(settings, clock=..., rng=...)`` loads the notes and builds their matcher; ``await
services.open()`` opens (and migrates) the database and builds on it, once, the quiz service and the
domain's repositories (flashcards, schedules). The Discord bot
hands these objects to every cog's constructor, and tests pass their own clock and random source here
instead of patching a running cog.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.clock import Clock, SystemClock
from bot.config import Settings, knowledge_paths
from bot.index_cache import build_in_subprocess, build_indexed, release_gradually
from bot.knowledge import KnowledgeBase
from bot.loader import knowledge_files
from bot.matching import Matcher
from bot.notes import NotesLibrary

if TYPE_CHECKING:  # imported by ``open``: the offline console answers without the database
    from bot.quiz.rounds import QuizRounds
    from bot.review import ReviewRepository
    from bot.schedule import ScheduleRepository, ShardFilter
    from bot.storage import Store

log = logging.getLogger(__name__)


def build_knowledge(
    paths: Iterable[Path], cache_dir: Path | None = None, *, deferred: bool = False, yielding: bool = False
) -> tuple[KnowledgeBase, Matcher]:
    """Load the notes and index them fully (blocking); KnowledgeError lists every problem.

    The matcher's lazy indexes are built here too, so the first autocomplete or description
    look-up does not pay for them on the event loop. ``cache_dir``: read both from the index cache
    there when the notes are unchanged, and cache a new build (``bot.index_cache``); ``deferred``:
    return once the notes and name index are read from it, the rest read in the background (start-up);
    ``yielding``: let other threads run between its reads (a reload in a worker thread).
    """
    return build_indexed(paths, cache_dir, deferred=deferred, yielding=yielding)


def index_cache_dir(settings: Settings) -> Path | None:
    """The configured index cache directory (``knowledge.index_cache``), None when turned off."""
    return Path(settings.knowledge.index_cache) if settings.knowledge.index_cache else None


#: Notes of at least this many bytes are rebuilt by ``/kb reload`` in a child process (bot.index_cache):
#: a build in a thread would hold the interpreter lock from the event loop for seconds at a time.
SUBPROCESS_BUILD_BYTES = 1_000_000
#: The interpreter's thread switch interval while a reload runs (seconds; Python's default is 0.005):
#: the event loop gets the lock back from the reading or freeing thread sooner.
RELOAD_SWITCH_INTERVAL = 0.001


def _notes_bytes(paths: Iterable[Path]) -> int:
    """The size of the knowledge files at ``paths`` in bytes (0 when some cannot be listed or read)."""
    files = knowledge_files(paths)
    try:
        return sum(file.stat().st_size for file in files) if files is not None else 0
    except OSError:
        return 0


class Knowledge:
    """The notes being served and their matcher, swapped together by a reload."""

    def __init__(
        self,
        paths: Iterable[Path],
        kb: KnowledgeBase,
        matcher: Matcher,
        cache_dir: Path | None = None,
        *,
        subprocess_build_bytes: int = SUBPROCESS_BUILD_BYTES,
    ) -> None:
        self.paths = list(paths)
        #: The index cache directory (``bot.index_cache``), None for none.
        self.cache_dir = cache_dir
        #: Notes of at least this many bytes are reloaded by a child process (0: always).
        self.subprocess_build_bytes = subprocess_build_bytes
        self._current = (kb, matcher)
        self._reload_lock = asyncio.Lock()
        #: The servers' notes, told when the shared notes change (set by ``build_services``).
        self.notes: NotesLibrary | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base being served."""
        return self._current[0]

    @property
    def matcher(self) -> Matcher:
        """The matcher over :attr:`kb`."""
        return self._current[1]

    def replace(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        """Serve a new knowledge base; both halves change in one assignment (servers' notes follow)."""
        self._current = (kb, matcher)
        if self.notes is not None:
            self.notes.replace_shared(kb, matcher)

    async def reload(self) -> KnowledgeBase:
        """Reload the notes from :attr:`paths` off the event loop; on KnowledgeError the old ones stay.

        Large notes are built in a child process and read here by a thread that lets the loop run
        between reads; small ones are built in a thread. Either way the new notes are swapped in at
        once and frozen out of the collector's reach (as at start-up), and the old ones are freed
        piece by piece in a thread (at once, 100,000 terms take 0.3-0.5 s to free).
        """
        async with self._reload_lock:
            # The build or read makes millions of objects: no cyclic collections of everything
            # meanwhile; once swapped in, the new notes and index are frozen, so later full
            # collections do not walk them.
            was_enabled = gc.isenabled()
            interval = sys.getswitchinterval()
            gc.disable()
            sys.setswitchinterval(min(interval, RELOAD_SWITCH_INTERVAL))
            try:
                size = await asyncio.to_thread(_notes_bytes, self.paths)
                if size >= self.subprocess_build_bytes:
                    built = await asyncio.to_thread(build_in_subprocess, self.paths, self.cache_dir)
                else:
                    built = await asyncio.to_thread(
                        build_knowledge, self.paths, self.cache_dir, yielding=True
                    )
                kb, matcher = built
                retired: list[object] = [self._current]
                self.replace(kb, matcher)
                gc.freeze()
                await asyncio.to_thread(release_gradually, retired)
            finally:
                sys.setswitchinterval(interval)
                if was_enabled:
                    gc.enable()
        log.info("Knowledge base reloaded: %s", kb.summary())
        return kb


class ServicesNotOpen(RuntimeError):
    """The database (and what needs it) was used before ``await services.open()``."""


@dataclass
class Services:
    """Everything a face (the Discord bot, its cogs, the console) is built from.

    ``clock`` tells the time (timezone-aware UTC) and sleeps; ``rng`` seeds every random choice (quiz
    questions); :attr:`store`, :attr:`quiz`, :attr:`reviews` and :attr:`schedules` exist between
    :meth:`open` and :meth:`close`.
    """

    settings: Settings
    knowledge: Knowledge
    notes: NotesLibrary
    clock: Clock
    rng: random.Random
    _store: Store | None = field(default=None, repr=False)
    _quiz: QuizRounds | None = field(default=None, repr=False)
    _reviews: ReviewRepository | None = field(default=None, repr=False)
    _schedules: ScheduleRepository | None = field(default=None, repr=False)
    _notes_refresher: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        """The open database; ServicesNotOpen before :meth:`open`."""
        if self._store is None:
            raise ServicesNotOpen("the database is not open (call `await services.open()` first)")
        return self._store

    @property
    def quiz(self) -> QuizRounds:
        """The quiz rounds of every channel; ServicesNotOpen before :meth:`open`."""
        if self._quiz is None:
            raise ServicesNotOpen("the quiz service needs the database (call `await services.open()` first)")
        return self._quiz

    @property
    def reviews(self) -> ReviewRepository:
        """The flashcards (FSRS over ``store.cards``); ServicesNotOpen before :meth:`open`."""
        if self._reviews is None:
            raise ServicesNotOpen("the flashcards need the database (call `await services.open()` first)")
        return self._reviews

    @property
    def schedules(self) -> ScheduleRepository:
        """The quiz schedules (parsed specs over ``store.schedules``); ServicesNotOpen before :meth:`open`."""
        if self._schedules is None:
            raise ServicesNotOpen("the schedules need the database (call `await services.open()` first)")
        return self._schedules

    @property
    def shards(self) -> ShardFilter | None:
        """The guilds this process owns, from ``discord.shard_count``/``shard_ids`` (None: all of them)."""
        discord_settings = self.settings.discord
        if discord_settings.shard_count is None:
            return None
        from bot.schedule import ShardFilter

        return ShardFilter.of(discord_settings.shard_count, discord_settings.shard_ids)

    @property
    def is_open(self) -> bool:
        """Whether :meth:`open` succeeded and :meth:`close` has not run since."""
        return self._store is not None

    async def open(self, *, exclusive: bool = False) -> None:
        """Open and migrate the configured database, and build the quiz service and repositories on it.

        ``exclusive`` (the bot) takes the SQLite file's process lock: ``DatabaseInUse`` when another
        process holds it.
        """
        if self._store is not None:
            return
        # SQLAlchemy and Alembic take about half a second to import: not before the notes answer
        from bot.quiz.rounds import QuizRounds
        from bot.review import ReviewRepository
        from bot.schedule import ScheduleRepository
        from bot.storage import Store

        store = await Store.open(self.settings.database.url, clock=self.clock, exclusive=exclusive)
        self._store = store
        self._reviews = ReviewRepository(store.cards)
        self._schedules = ScheduleRepository(store.schedules)
        self.notes.source = store.notes
        self._notes_refresher = asyncio.create_task(
            self.notes.run_refresher(self.settings.notes.refresh_seconds), name="notes-refresher"
        )
        self._quiz = QuizRounds(
            lambda: self.knowledge.kb,
            store,
            self.clock,
            self.rng,
            pause=self.settings.quiz.pause_seconds,
        )

    async def close(self) -> None:
        """Stop the notes refresher and the quiz rounds still running, then close the database."""
        refresher, self._notes_refresher = self._notes_refresher, None
        if refresher is not None:
            refresher.cancel()
            await asyncio.gather(refresher, return_exceptions=True)
        self.notes.source = None
        quiz, self._quiz = self._quiz, None
        store, self._store = self._store, None
        self._reviews = self._schedules = None
        if quiz is not None:
            await quiz.cancel_all()
            await quiz.flush_writes()
        if store is not None:
            await store.close()


def build_services(
    settings: Settings,
    *,
    kb: KnowledgeBase | None = None,
    clock: Clock | None = None,
    rng: random.Random | None = None,
) -> Services:
    """The services of one process: the notes of ``settings`` (or ``kb``), the clock and the random source.

    Loads and indexes the notes (blocking; KnowledgeError lists every problem). The database is opened
    later, on the event loop, by ``await services.open()``.
    """
    paths = knowledge_paths(settings)
    cache_dir = index_cache_dir(settings)
    if kb is None:
        # the name index first: exact answers at once, the other indexes read in the background
        kb, matcher = build_knowledge(paths, cache_dir, deferred=True)
    else:
        matcher = Matcher(kb)
    knowledge = Knowledge(paths, kb, matcher, cache_dir)
    notes = NotesLibrary((kb, matcher), None, budget_bytes=settings.notes.cache_mb * 1024 * 1024)
    knowledge.notes = notes
    return Services(
        settings=settings,
        knowledge=knowledge,
        notes=notes,
        clock=clock if clock is not None else SystemClock(),
        rng=rng if rng is not None else random.Random(),
    )
