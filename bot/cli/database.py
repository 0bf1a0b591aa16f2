"""The console's database: one event loop and one lazily opened store for its commands.

The console loop is synchronous and the store is async, so a console command that needs the
database runs its coroutines on an ``asyncio.Runner`` kept for the session.

The console keeps what it has to write like the bot does: a write the database refuses because it is
locked by another process (longer than the busy timeout) or unreachable is kept, retried before every
later write and at the end of the session, and the player is told; nothing is lost, nothing raises.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, Self, TextIO, TypeVar

from bot.clock import Clock
from bot.config import ConfigError, load_settings
from bot.storage import Store, database_unavailable
from bot.storage.database import SQLITE_BUSY_MS
from bot.wording import plural

log = logging.getLogger(__name__)

__all__ = [
    "ConsoleDatabase",
    "Write",
    "cannot_open",
    "configured_database_url",
    "database_unavailable",
    "reason",
]

T = TypeVar("T")

#: How long the end of a session waits for an unavailable database to save what was kept, in seconds.
END_PATIENCE_S = 30.0
_RETRY_PAUSE_S = 1.0  # between tries while waiting (a locked SQLite try waits its busy timeout itself)

#: A write to retry: makes a fresh coroutine on every attempt (it must be idempotent).
Write = Callable[[], Coroutine[Any, Any, Any]]


def reason(error: BaseException | None) -> str:
    """A short reason for a database error ("database is locked"), one line, no SQL."""
    if error is None:
        return "no answer"
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return text[:120]


def configured_database_url() -> str:
    """The database of ``config.yaml`` / ``STUDYBOT_DATABASE_URL`` (what the Discord bot uses)."""
    return load_settings(env=os.environ).database.url


def cannot_open(exc: BaseException) -> str:
    """The console's one line when the store could not be opened: a settings problem is the settings'
    (never "the database"), an unreachable database says why, anything else as it was raised."""
    if isinstance(exc, ConfigError):
        return f"The settings have a problem: {exc}"
    if database_unavailable(exc):
        return f"Cannot open the database: {reason(exc)}"
    return f"Cannot open the database: {exc}"


class ConsoleDatabase:
    """Base of console commands that use the store; use as a context manager around ``run_console``."""

    def __init__(
        self, database_url: str | None = None, *, clock: Clock | None = None, busy_ms: int = SQLITE_BUSY_MS
    ) -> None:
        self._url = database_url
        self._store_clock = clock
        self._busy_ms = busy_ms
        self._runner: asyncio.Runner | None = None
        self._store: Store | None = None
        #: Writes the database refused while unavailable, oldest first, with what each one is.
        self.unsaved: list[tuple[str, Write]] = []
        #: Why the database was last found unavailable.
        self.last_error: BaseException | None = None
        #: Whether ``save_waiting`` already waited and named what is unsaved (``close`` does not retry).
        self._given_up = False

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def save_waiting(self, stdout: TextIO, *, patience_s: float = END_PATIENCE_S) -> bool:
        """At the end of a session: keep retrying the waiting writes for up to ``patience_s`` seconds,
        saying so on ``stdout``; True when nothing is left unsaved.

        Ctrl-C stops the wait. What is still unsaved then is named on ``stdout`` (it is lost: the session
        ends), so the caller can exit non-zero.
        """
        self._given_up = False
        if not self.unsaved or self._store is None:
            return not self.unsaved
        waiting = len(self.unsaved)
        print(
            f"Saving {plural(waiting, 'kept write')}: waiting up to {patience_s:g} s for the database "
            "(Ctrl-C to give up)...",
            file=stdout,
            flush=True,
        )
        deadline = time.monotonic() + patience_s
        try:
            while not self.flush() and time.monotonic() < deadline:
                time.sleep(min(_RETRY_PAUSE_S, max(0.0, deadline - time.monotonic())))
        except KeyboardInterrupt:
            pass
        if self.unsaved:
            print(
                f"Not saved: {plural(len(self.unsaved), 'write')} "
                f"({', '.join(what for what, _ in self.unsaved[:5])}); "
                f"the database did not answer ({reason(self.last_error)}).",
                file=stdout,
                flush=True,
            )
            self._given_up = True
            return False
        print(f"Saved {plural(waiting, 'kept write')}.", file=stdout, flush=True)
        return True

    def close(self) -> None:
        """Save what is still waiting (one last try, unless ``save_waiting`` already gave up), close the
        store and the event loop."""
        if self._runner is not None:
            if self._store is not None and self.unsaved and (self._given_up or not self.flush()):
                log.error(
                    "the database did not answer: %s could not be saved (%s)",
                    plural(len(self.unsaved), "console write"),
                    ", ".join(what for what, _ in self.unsaved[:5]),
                )
            if self._store is not None:
                self._runner.run(self._store.close())
                self._store = None
            self._runner.close()
            self._runner = None

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` to completion on the session's event loop."""
        if self._runner is None:
            self._runner = asyncio.Runner()
        return self._runner.run(coro)

    def _open(self) -> Store:
        """The store, opened (and migrated) on first use."""
        if self._store is None:
            url = self._url if self._url is not None else configured_database_url()
            self._store = self._run(Store.open(url, clock=self._store_clock, busy_ms=self._busy_ms))
        return self._store

    def save(self, what: str, write: Write) -> bool:
        """Write now, after whatever is still waiting; False (the write kept) while the database is down."""
        self.unsaved.append((what, write))
        return self.flush()

    def flush(self) -> bool:
        """Retry the waiting writes in order; True once none is left.

        Raises only what is not the database being unavailable (a bug), like the bot's round runner.
        """
        while self.unsaved:
            _, write = self.unsaved[0]
            try:
                self._run(write())
            except Exception as exc:
                if not database_unavailable(exc):
                    raise
                self.last_error = exc
                # the console says so itself, in one line ("N answers kept"): not a second warning here
                log.info(
                    "database unavailable, %s kept: %s",
                    plural(len(self.unsaved), "console write"),
                    reason(exc),
                )
                return False
            self.unsaved.pop(0)
        return True
