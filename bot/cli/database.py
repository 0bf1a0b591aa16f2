"""The console's database: one event loop and one lazily opened store for its commands.

The console loop is synchronous and the store is async, so a console command that needs the
database runs its coroutines on an ``asyncio.Runner`` kept for the session.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, Self, TypeVar

from bot.clock import Clock
from bot.config import load_settings
from bot.storage import Store

T = TypeVar("T")


def configured_database_url() -> str:
    """The database of ``config.yaml`` / ``STUDYBOT_DATABASE_URL`` (what the Discord bot uses)."""
    return load_settings(env=os.environ).database.url


class ConsoleDatabase:
    """Base of console commands that use the store; use as a context manager around ``run_console``."""

    def __init__(self, database_url: str | None = None, *, clock: Clock | None = None) -> None:
        self._url = database_url
        self._store_clock = clock
        self._runner: asyncio.Runner | None = None
        self._store: Store | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store and the event loop."""
        if self._runner is not None:
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
            self._store = self._run(Store.open(url, clock=self._store_clock))
        return self._store
