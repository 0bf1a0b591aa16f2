"""Creating and disposing of the SQLAlchemy engine, with SQLite connections that always close.

Why SQLite connections are made here rather than by SQLAlchemy's aiosqlite dialect: when a task is
cancelled inside a database call, SQLAlchemy invalidates the connection and terminates it by awaiting a
*shielded* ``aiosqlite.Connection.close()``; if the task is cancelled again during that wait, it
force-stops the connection's worker thread (``Connection.stop()``) while the shielded close is still
pending. aiosqlite's ``close()`` then always ends by queueing a second stop on the thread that has already
exited and awaits an answer that never comes: the shielded task is left pending forever, and closing the
event loop (pytest-asyncio, ``asyncio.run``) hangs on it. :class:`SQLiteConnection` closes the same way
but never waits on a worker thread that is stopped or gone.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

import aiosqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

log = logging.getLogger(__name__)

#: Seconds ``dispose_engine`` waits for the connections to close before it gives up on them.
DISPOSE_TIMEOUT = 5.0
#: Seconds a closing SQLite connection waits for its worker thread to acknowledge the stop.
THREAD_STOP_TIMEOUT = 5.0
#: What the thread of every SQLite connection is called (tests look for leftovers by this name).
SQLITE_THREAD_NAME = "studybot-sqlite"


class SQLiteConnection(aiosqlite.Connection):
    """An aiosqlite connection whose ``close()`` returns even after ``stop()`` or a dead worker thread."""

    async def close(self) -> None:
        """Close the sqlite3 connection on the worker thread, then stop the thread (at most once)."""
        if self._connection is None or not self._running or not self._thread.is_alive():
            # closed already, or stopped: the worker closes sqlite3's connection itself and ends
            return
        try:
            await self._execute(self._conn.close)
        finally:
            self._connection = None
            if self._running and self._thread.is_alive():  # nobody stopped it meanwhile
                stopped = self.stop()
                if stopped is not None:
                    await asyncio.wait({stopped}, timeout=THREAD_STOP_TIMEOUT)


def _sqlite_connector(url: URL) -> Callable[[], Coroutine[Any, Any, SQLiteConnection]]:
    """The ``async_creator`` of an SQLite engine: what the aiosqlite dialect does, with our connection."""
    database = url.database or ":memory:"

    async def connect() -> SQLiteConnection:
        connection = SQLiteConnection(partial(sqlite3.connect, database, check_same_thread=False), 64)
        # like SQLAlchemy's own aiosqlite connect: a forgotten connection must not keep the process alive
        connection._thread.daemon = True
        connection._thread.name = SQLITE_THREAD_NAME
        await connection
        return connection

    return connect


def create_engine(url: str | URL, **options: Any) -> AsyncEngine:
    """An AsyncEngine for ``url`` (SQLite connections are :class:`SQLiteConnection`); ``options`` go to
    ``create_async_engine``. Dispose of it with :func:`dispose_engine`."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        options.setdefault("async_creator", _sqlite_connector(parsed))
    return create_async_engine(parsed, **options)


async def dispose_engine(engine: AsyncEngine, bound: float = DISPOSE_TIMEOUT) -> bool:
    """Close every pooled connection of ``engine``; False (and a warning) if that took over ``bound`` s.

    The wait is bounded so that a database that no longer answers cannot hold up a shutdown; the
    connections still closing are then left to finish on their own.
    """
    disposing = asyncio.ensure_future(engine.dispose())
    done, _ = await asyncio.wait({disposing}, timeout=bound)
    if disposing in done:
        disposing.result()
        return True
    log.warning("database connections still closing after %.0f s; not waiting for them", bound)
    return False
