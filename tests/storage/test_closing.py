"""Closing never hangs: a task cancelled (twice) inside a database call leaves no connection that can't close.

The hang this guards against: SQLAlchemy terminates a connection interrupted by a cancellation with a
shielded aiosqlite ``close()``; a second cancellation force-stops the worker thread while that close is
pending, and aiosqlite's ``close()`` then waited forever for the stopped thread, so the event loop's own
teardown (pytest-asyncio, ``asyncio.run``) hung on the orphaned task.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.clock import FakeClock
from bot.storage import AnswerRecord, Store
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
