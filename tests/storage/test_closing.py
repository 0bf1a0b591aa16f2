"""Closing never hangs: a task cancelled (twice) inside a database call leaves no connection that can't close.

The hang this guards against: SQLAlchemy terminates a connection interrupted by a cancellation with a
shielded aiosqlite ``close()``; a second cancellation force-stops the worker thread while that close is
pending, and aiosqlite's ``close()`` then waited forever for the stopped thread, so the event loop's own
teardown (pytest-asyncio, ``asyncio.run``) hung on the orphaned task.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.clock import FakeClock
from bot.storage import AnswerRecord, Store
from bot.storage.database import WAL_AUTOCHECKPOINT_PAGES
from bot.storage.engine import SQLITE_THREAD_NAME, SQLiteConnection, create_engine, dispose_engine
from tests.dbutil import sqlite_url

#: A close that has not finished after this long is hung (a healthy one takes milliseconds).
HUNG = 5.0


def sqlite_threads() -> list[threading.Thread]:
    """The worker threads of SQLite connections still running."""
    return [t for t in threading.enumerate() if t.name == SQLITE_THREAD_NAME and t.is_alive()]


async def test_a_close_pending_when_the_connection_is_stopped_still_returns(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "a.db"))
    try:
        async with engine.connect() as conn:
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            assert isinstance(driver, SQLiteConnection), "the engine's SQLite connections close safely"
            await conn.invalidate()  # the pool lets go of it; the test closes it by hand below
    finally:
        await dispose_engine(engine)

    connection = await SQLiteConnection(lambda: sqlite3.connect(":memory:"), 64)
    closing = asyncio.ensure_future(connection.close())  # terminate()'s shielded graceful close
    await asyncio.sleep(0)  # it has queued sqlite3's close on the worker thread
    connection.stop()  # terminate() cancelled again: its force close stops the thread meanwhile
    done, _ = await asyncio.wait({closing}, timeout=HUNG)
    assert closing in done, "close() waited for a worker thread that had been stopped"
    connection._thread.join(HUNG)
    assert not connection._thread.is_alive()


def record(round_id: int, index: int) -> AnswerRecord:
    return AnswerRecord(
        round_id=round_id,
        question_index=index,
        guild_id=1,
        channel_id=2,
        member_id=3 + index % 5,
        term="Hypervisor",
        topic="Virtualization",
        correct=True,
        points=10,
        ms=1500,
        answered_at=FakeClock().now(),
    )


async def test_tasks_cancelled_twice_inside_database_calls_leave_nothing_pending(tmp_path: Path) -> None:
    """A writer is cancelled at a random moment, and again a few loop turns later (as a teardown that
    cancels leftovers again would); after the store closes, every task ends within seconds and no
    connection thread is left. About half the iterations leave a connection being terminated when
    the store closes; before the fix, those tasks never ended."""
    rng = random.Random(20261130)
    before = set(asyncio.all_tasks())
    threads_before = set(sqlite_threads())
    orphans_seen = 0
    for iteration in range(30):
        store = await Store.open(sqlite_url(tmp_path / f"{iteration}.db"), clock=FakeClock())
        round_id = await store.rounds.start_round(1, 2, 3, {}, FakeClock().now())

        async def write(store: Store = store, round_id: int = round_id) -> None:
            index = 0
            while True:
                await store.rounds.record_answer(record(round_id, index))
                index += 1
                async with store.engine.connect() as conn:
                    await conn.execute(text("SELECT count(*) FROM answers"))

        writer = asyncio.create_task(write())
        await asyncio.sleep(rng.random() * 0.01)
        writer.cancel()
        for _ in range(1 + iteration % 4):  # the first cancellation reaches the database call ...
            await asyncio.sleep(0)
        writer.cancel()  # ... and the second one SQLAlchemy's termination of its connection
        await asyncio.gather(writer, return_exceptions=True)
        await store.close()
        left = [t for t in asyncio.all_tasks() - before if t is not asyncio.current_task()]
        orphans_seen += bool(left)
        if left:
            _, pending = await asyncio.wait(left, timeout=HUNG)
            assert not pending, f"iteration {iteration}: tasks that never end: {pending}"
    for thread in set(sqlite_threads()) - threads_before:
        thread.join(HUNG)
    assert set(sqlite_threads()) <= threads_before, "an SQLite connection was never closed"
    # the test only proves something if it met the situation: say so if it stops doing that
    assert orphans_seen, "no cancellation landed inside a connection's termination; retune the test"


async def test_closing_a_store_twice_and_a_failed_open_leave_no_connection(tmp_path: Path) -> None:
    threads_before = set(sqlite_threads())
    store = await Store.open(sqlite_url(tmp_path / "b.db"))
    await store.close()
    await store.close()
    (tmp_path / "bad.db").write_text("not a database, but long enough to look like one " * 20)
    with pytest.raises(Exception, match="not a database"):
        await Store.open(sqlite_url(tmp_path / "bad.db"))
    for thread in set(sqlite_threads()) - threads_before:
        thread.join(HUNG)
    assert set(sqlite_threads()) <= threads_before, "an SQLite connection was never closed"


class _Waiting(logging.Handler):
    """Sets ``started`` once a statement containing ``needle`` waits for another connection's lock."""

    def __init__(self, needle: str) -> None:
        super().__init__(logging.DEBUG)
        self.needle = needle
        self.started = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("waiting for another connection's lock") and self.needle in message:
            self.started.set()


async def test_a_write_waiting_on_a_lock_gives_up_when_its_task_is_cancelled(tmp_path: Path) -> None:
    """Another connection holds the write lock (a transaction left open: a command-line tool, a
    connection of this process whose task is stuck); a round starting meanwhile waits for it inside
    SQLite. Cancelling that task (what closing the bot does to its rounds) must end it and close its
    connection at once, not after the busy timeout (a minute here): before, the cancelled task's
    connection could only close once the waiting INSERT had timed out, so closing the bot took the
    whole busy timeout and a teardown bounded by it failed."""
    database = tmp_path / "locked.db"
    store = await Store.open(sqlite_url(database), clock=FakeClock(), busy_ms=60_000)
    holder = sqlite3.connect(database, isolation_level=None)
    watcher = _Waiting("INSERT INTO rounds")
    engine_log = logging.getLogger("bot.storage.engine")
    level = engine_log.level
    engine_log.setLevel(logging.DEBUG)
    engine_log.addHandler(watcher)
    try:
        holder.execute("BEGIN IMMEDIATE")  # the write lock, held until the end of the test
        starting = asyncio.create_task(store.rounds.start_round(1, 2, 3, {}, FakeClock().now()))
        assert await asyncio.to_thread(watcher.started.wait, HUNG), "the INSERT never waited for the lock"
        starting.cancel()
        done, _ = await asyncio.wait({starting}, timeout=HUNG)
        assert starting in done, "the cancelled write kept waiting for the lock"
        assert starting.cancelled()
    finally:
        engine_log.removeHandler(watcher)
        engine_log.setLevel(level)
        holder.rollback()
        holder.close()
        await store.close()
    # nothing half-written: the round was never stored, and the file takes writes again
    store = await Store.open(sqlite_url(database), clock=FakeClock())
    try:
        assert await store.rounds.get_round(1) is None
        assert await store.rounds.start_round(1, 2, 3, {}, FakeClock().now()) == 1
    finally:
        await store.close()


@pytest.mark.parametrize("how", ["close", "stop"])
async def test_a_connection_closed_in_the_middle_of_a_write_keeps_no_lock(tmp_path: Path, how: str) -> None:
    """A task cancelled after its ``INSERT ... RETURNING`` ran but before it fetched the rows leaves the
    statement unfinished; SQLAlchemy then closes (or, cancelled again, stops) the connection while the
    cursor is still referenced. sqlite3 only made such a connection a zombie that kept its transaction
    and the write lock until the cursor was garbage collected: every other write of the process waited
    out the busy timeout, and closing the bot waited with them."""
    database = tmp_path / "c.db"
    setup = sqlite3.connect(database)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE t (x INTEGER)")
    setup.commit()
    setup.close()
    connection = await SQLiteConnection(functools.partial(sqlite3.connect, database), 64)
    unfinished = await connection.execute("INSERT INTO t VALUES (1) RETURNING x")  # rows never fetched
    if how == "close":
        await connection.close()
    else:
        stopped = connection.stop()
        assert stopped is not None
        await asyncio.wait({stopped}, timeout=HUNG)
    other = sqlite3.connect(database, timeout=0)  # no waiting: the lock must be free now
    try:
        other.execute("INSERT INTO t VALUES (2)")
        other.commit()
        assert other.execute("SELECT x FROM t").fetchall() == [(2,)], "the unfinished INSERT was rolled back"
    finally:
        other.close()
        del unfinished


def test_a_result_arriving_after_its_event_loop_closed_is_dropped_quietly(tmp_path: Path) -> None:
    """A statement still running when its event loop closes (a write waiting for a lock at the end of
    ``asyncio.run`` or of a test) finishes on the worker thread afterwards. aiosqlite's thread then raised
    "Event loop is closed" while handing over the result, an exception nobody could catch."""
    database = tmp_path / "d.db"
    setup = sqlite3.connect(database)
    setup.execute("CREATE TABLE t (x INTEGER)")
    setup.commit()
    setup.close()
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    watcher = _Waiting("INSERT INTO t")
    engine_log = logging.getLogger("bot.storage.engine")
    level = engine_log.level
    engine_log.setLevel(logging.DEBUG)
    engine_log.addHandler(watcher)
    uncaught: list[Any] = []
    hook = threading.excepthook
    threading.excepthook = uncaught.append
    loop = asyncio.new_event_loop()
    try:
        connector = functools.partial(sqlite3.connect, database, timeout=0.05, check_same_thread=False)
        connection = loop.run_until_complete(SQLiteConnection(connector, 64, busy_ms=60_000))
        writing = loop.create_task(connection.execute("INSERT INTO t VALUES (1)"))
        waited = loop.run_until_complete(asyncio.to_thread(watcher.started.wait, HUNG))
        assert waited, "the INSERT never waited for the lock"
        writing.cancel()  # the caller gives up, as at the end of a run; the statement goes on waiting
        loop.run_until_complete(asyncio.gather(writing, return_exceptions=True))
        loop.close()
        holder.rollback()  # the INSERT now gets the lock and finishes, with its loop gone
        connection.stop()
        connection._thread.join(HUNG)
        assert not connection._thread.is_alive()
    finally:
        threading.excepthook = hook
        engine_log.removeHandler(watcher)
        engine_log.setLevel(level)
        holder.close()
        if not loop.is_closed():
            loop.close()
    assert uncaught == [], [u.exc_value for u in uncaught]


async def test_an_sqlite_file_checkpoints_its_log_every_10000_pages(tmp_path: Path) -> None:
    """Every connection (the bot's and the answer writer's child, which opens the store the same way)
    lets the write-ahead log grow to WAL_AUTOCHECKPOINT_PAGES before a commit copies it back: at SQLite's
    default of 1,000 pages nearly every batch of quiz answers also ran a checkpoint."""
    store = await Store.open(sqlite_url(tmp_path / "bot.db"))
    try:
        async with store.engine.connect() as conn:
            pages = (await conn.exec_driver_sql("PRAGMA wal_autocheckpoint")).scalar_one()
            mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar_one()
    finally:
        await store.close()
    assert (pages, mode) == (WAL_AUTOCHECKPOINT_PAGES, "wal")
