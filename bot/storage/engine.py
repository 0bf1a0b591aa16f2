"""Creating and disposing of the SQLAlchemy engine, with SQLite connections that always close.

Why SQLite connections are made here rather than by SQLAlchemy's aiosqlite dialect: when a task is
cancelled inside a database call, SQLAlchemy invalidates the connection and terminates it by awaiting a
*shielded* ``aiosqlite.Connection.close()``; if the task is cancelled again during that wait, it
force-stops the connection's worker thread (``Connection.stop()``) while the shielded close is still
pending. aiosqlite's ``close()`` then always ends by queueing a second stop on the thread that has already
exited and awaits an answer that never comes: the shielded task is left pending forever, and closing the
event loop (pytest-asyncio, ``asyncio.run``) hangs on it. :class:`SQLiteConnection` closes the same way
but never waits on a worker thread that is stopped or gone.

It also closes without keeping a lock. ``sqlite3.Connection.close()`` with a statement still unfinished
(an ``INSERT ... RETURNING`` whose rows a cancelled task never fetched) only marks the connection a
zombie: SQLite keeps its transaction, and so the database's write lock, until the cursor is garbage
collected. Every other connection's write then waits out the whole busy timeout, and one that belongs
to a task being cancelled holds up closing the bot for as long. A connection is rolled back before it
is closed. And sqlite3 cannot be interrupted while it waits for a lock, so the busy wait is done here in
short slices: a statement waiting for a lock gives up as soon as its connection is being closed.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Coroutine
from functools import partial
from queue import SimpleQueue
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
#: How long an SQLite statement waits for another connection's write lock before it fails, in ms.
SQLITE_BUSY_MS = 10_000
#: The busy wait is SQLite's own in slices this long (ms), so that closing can cut it short between them.
BUSY_SLICE_MS = 50

_STOP = object()  # what the last function run on a worker thread returns


def _deliver(
    future: asyncio.Future[Any] | None, result: Any = None, error: BaseException | None = None
) -> None:
    """Hand a worker thread's result to its event loop; nobody is waiting once that loop has closed."""
    if future is None:
        return

    def settle() -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    try:
        future.get_loop().call_soon_threadsafe(settle)
    except RuntimeError:  # the loop is closed: the caller is gone, so is any use for the answer
        log.debug("an SQLite result arrived after its event loop closed; dropped")


def _work(queue: SimpleQueue[tuple[asyncio.Future[Any] | None, Callable[[], Any]]]) -> None:
    """A connection's worker thread: run what is queued in order, until a stop."""
    while True:
        future, function = queue.get()
        try:
            result = function()
        except BaseException as exc:  # the caller's to handle, like a result
            _deliver(future, error=exc)
            continue
        _deliver(future, result)
        if result is _STOP:
            return


def _close_without_lock(connection: sqlite3.Connection) -> None:
    """Roll back, then close: a statement left unfinished would otherwise keep the write lock."""
    try:
        connection.rollback()
    except sqlite3.Error as exc:  # closing goes on; SQLite rolls back what it can when it closes
        log.debug("rollback before closing an SQLite connection failed: %s", exc)
    connection.close()


class SQLiteConnection(aiosqlite.Connection):
    """An aiosqlite connection that closes without holding a lock, returns even after ``stop()`` or a
    dead worker thread, and whose statements stop waiting for a lock once it is being closed.

    ``busy_ms``: how long a statement waits for another connection's lock in all (then ``sqlite3.
    OperationalError`` "database is locked", as with SQLite's own ``busy_timeout``).
    """

    def __init__(
        self, connector: Callable[[], sqlite3.Connection], iter_chunk_size: int, busy_ms: int = SQLITE_BUSY_MS
    ) -> None:
        super().__init__(connector, iter_chunk_size)
        # like SQLAlchemy's own aiosqlite connect: a forgotten connection must not keep the process alive
        self._thread = threading.Thread(target=_work, args=(self._tx,), name=SQLITE_THREAD_NAME, daemon=True)
        self._busy_seconds = busy_ms / 1000
        self._closing = threading.Event()

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await super()._execute(self._patiently, partial(fn, *args, **kwargs))

    def _patiently(self, call: Callable[[], Any]) -> Any:
        """Run ``call`` on the worker thread, waiting for locks in slices until ``busy_ms`` or a close."""
        deadline = time.monotonic() + self._busy_seconds
        waited = False
        while True:
            connection = self._connection
            changes = connection.total_changes if connection is not None else 0
            try:
                return call()
            except sqlite3.OperationalError as exc:
                # only a plain SQLITE_BUSY is waited for again (BUSY_SNAPSHOT and the like never clear),
                # and only if the failed call changed nothing (an executemany stopped halfway is not redone)
                again = (
                    getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY
                    and connection is not None
                    and connection.total_changes == changes
                    and not self._closing.is_set()
                    and time.monotonic() < deadline
                )
                if not again:
                    raise
                if not waited:  # who waits for a lock, in the log: the holder is the other connection
                    log.debug("waiting for another connection's lock: %s", call)
                    waited = True

    def stop(self) -> asyncio.Future[Any] | None:
        """Stop the worker thread after what is queued, rolling back and closing the connection first."""
        self._running = False
        self._closing.set()

        def close_and_stop() -> object:
            if self._connection is not None:
                connection, self._connection = self._connection, None
                _close_without_lock(connection)
            return _STOP

        try:
            future: asyncio.Future[Any] | None = asyncio.get_running_loop().create_future()
        except RuntimeError:  # no loop (garbage collection): stop all the same
            future = None
        self._tx.put_nowait((future, close_and_stop))
        return future

    async def close(self) -> None:
        """Roll back and close the sqlite3 connection on the worker thread, then stop the thread (once).

        A statement of this connection waiting for a lock gives up first (its caller gets "database is
        locked"), so closing takes one busy slice at most, not the whole busy timeout.
        """
        if self._connection is None or not self._running or not self._thread.is_alive():
            # closed already, or stopped: the worker closes sqlite3's connection itself and ends
            return
        self._closing.set()
        try:
            await self._execute(_close_without_lock, self._conn)
        finally:
            self._connection = None
            if self._running and self._thread.is_alive():  # nobody stopped it meanwhile
                stopped = self.stop()
                if stopped is not None:
                    await asyncio.wait({stopped}, timeout=THREAD_STOP_TIMEOUT)


def _sqlite_connector(url: URL, busy_ms: int) -> Callable[[], Coroutine[Any, Any, SQLiteConnection]]:
    """The ``async_creator`` of an SQLite engine: what the aiosqlite dialect does, with our connection."""
    database = url.database or ":memory:"
    # sqlite3's timeout is SQLite's busy_timeout: one slice; SQLiteConnection waits out the rest
    connector = partial(
        sqlite3.connect, database, timeout=min(busy_ms, BUSY_SLICE_MS) / 1000, check_same_thread=False
    )

    async def connect() -> SQLiteConnection:
        connection = SQLiteConnection(connector, 64, busy_ms)
        await connection
        return connection

    return connect


def create_engine(url: str | URL, *, sqlite_busy_ms: int = SQLITE_BUSY_MS, **options: Any) -> AsyncEngine:
    """An AsyncEngine for ``url`` (SQLite connections are :class:`SQLiteConnection`, whose statements wait
    ``sqlite_busy_ms`` for another connection's lock); ``options`` go to ``create_async_engine``.
    Dispose of it with :func:`dispose_engine`."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        options.setdefault("async_creator", _sqlite_connector(parsed, sqlite_busy_ms))
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
