"""Group commit: a batch of answers stored in one transaction leaves exactly what storing them one by one
leaves (totals, streaks, periods, topics, flashcards), on SQLite and PostgreSQL; repeats count once."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.clock import FakeClock
from bot.quiz.runner import store_answer
from bot.quiz.writer import AnswerWriter, WriterClosedError
from bot.quiz.writer_process import _as_tuple
from bot.review.quiz import rating_of, review_quiz_answers_in
from bot.review.repository import ReviewRepository
from bot.storage import AnswerRecord, Period, Store
from bot.storage.cards import CardKey, CardRepository
from bot.storage.schema import cards, daily_scores, period_scores, period_topic_scores, scores
from tests.dbutil import sqlite_url
from tests.storage.test_closing import HUNG, _Waiting

ONE_BY_ONE, BATCHED = 10, 20
START = datetime(2026, 1, 4, 23, 0, tzinfo=UTC)  # a Sunday evening: the batch crosses into a new week


def history(guild: int, rounds: Sequence[int], n: int = 240, seed: int = 7) -> list[AnswerRecord]:
    """``n`` answers of 6 members over 3 rounds, right and wrong mixed, across a week boundary."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        correct = rng.random() < 0.6
        out.append(
            AnswerRecord(
                round_id=rounds[i // 80],
                question_index=i,
                guild_id=guild,
                channel_id=1,
                member_id=rng.randint(1, 6),
                term=rng.choice(["Hypervisor", "VM escape", "Container"]),
                topic=rng.choice(["Virtualization", "Cloud"]),
                correct=correct,
                points=rng.randint(10, 30) if correct else 0,
                ms=1000,
                answered_at=START + timedelta(minutes=i),
            )
        )
    return out


async def _rounds(store: Store, guild: int) -> list[int]:
    return [await store.rounds.start_round(guild, 1, 1, {}, START) for _ in range(3)]


async def _clean_cards(store: Store) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(delete(cards))


async def _table(store: Store, table, guild: int) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    async with store.engine.connect() as conn:
        rows = (await conn.execute(select(table).where(table.c.guild_id == guild))).all()
    return sorted(tuple(v for k, v in row._mapping.items() if k not in ("guild_id", "id")) for row in rows)


async def _cards(store: Store, guild: int) -> list[tuple[object, ...]]:
    async with store.engine.connect() as conn:
        rows = (await conn.execute(select(cards).where(cards.c.guild_id == guild))).all()
    return sorted(
        (r.member_id, r.term, r.reps, r.lapses, r.state, r.step, r.stability, r.difficulty, r.due_at)
        for r in rows
    )


async def test_a_batch_leaves_what_one_by_one_leaves(store: Store) -> None:
    await _clean_cards(store)
    single = history(ONE_BY_ONE, await _rounds(store, ONE_BY_ONE))
    batched = history(BATCHED, await _rounds(store, BATCHED))
    for record in single:
        assert await store_answer(store, record)
    flags = await store.rounds.record_answers(batched, also=review_quiz_answers_in)
    assert flags == [True] * len(batched)
    for table in (scores, daily_scores, period_scores, period_topic_scores):
        assert await _table(store, table, BATCHED) == await _table(store, table, ONE_BY_ONE), table.name
    assert await _cards(store, BATCHED) == await _cards(store, ONE_BY_ONE)
    for member in range(1, 7):
        for period in Period:
            a = await store.leaderboards.rank(
                ONE_BY_ONE, member, period=period, now=START + timedelta(hours=4)
            )
            b = await store.leaderboards.rank(BATCHED, member, period=period, now=START + timedelta(hours=4))
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert (a.points, a.answered, a.correct, a.best_streak, a.rank) == (
                    b.points,
                    b.answered,
                    b.correct,
                    b.best_streak,
                    b.rank,
                )


async def test_repeats_count_once_and_a_failing_hook_stores_nothing(store: Store) -> None:
    await _clean_cards(store)
    ids = await _rounds(store, BATCHED)
    records = history(BATCHED, ids, n=10)
    assert await store.rounds.record_answers(records[:4]) == [True] * 4
    again = [records[2], *records[4:], records[5]]  # one stored before, one twice in this batch
    assert await store.rounds.record_answers(again) == [False, *([True] * 6), False]
    rows = await store.rounds.answers_of(BATCHED)
    assert len(rows) == 10

    async def broken(conn: AsyncConnection, stored: Sequence[AnswerRecord]) -> None:
        raise RuntimeError("card update failed")

    late = history(BATCHED, ids, n=20)[10:]
    with pytest.raises(RuntimeError):
        await store.rounds.record_answers(late, also=broken)
    assert len(await store.rounds.answers_of(BATCHED)) == 10, (
        "the answers and the hook commit together or not at all"
    )
    total = sum(r.points for r in records)
    assert sum(row.points for row in await _table_rows(store)) == total


async def _table_rows(store: Store):  # type: ignore[no-untyped-def]
    async with store.engine.connect() as conn:
        return (await conn.execute(select(scores).where(scores.c.guild_id == BATCHED))).all()


async def test_the_writer_batches_concurrent_rounds_and_returns_after_commit(store: Store) -> None:
    await _clean_cards(store)
    ids = await _rounds(store, BATCHED)
    writer = AnswerWriter(store)
    records = history(BATCHED, ids, n=200)
    results = await asyncio.gather(*(writer.write([r]) for r in records))
    assert results == [[True]] * 200
    assert writer.stats.answers == 200
    assert writer.stats.batches < 20, writer.stats  # hundreds of answers share a transaction
    assert len(await store.rounds.answers_of(BATCHED)) == 200
    assert await writer.write(records[:3]) == [False, False, False]
    # one call's answers come back together, each with its own flag, in order
    extra = dataclasses.replace(records[0], question_index=240)
    assert await writer.write([records[5], extra, records[7]]) == [False, True, False]
    # cancelled callers do not withdraw their answers; close() writes them, bounded
    more = history(BATCHED, ids, n=240)[200:]
    waiting = [asyncio.create_task(writer.write([r])) for r in more]
    await asyncio.sleep(0)
    for task in waiting:
        task.cancel()
    assert await writer.close(within=10) == 0
    assert len(await store.rounds.answers_of(BATCHED)) == 241
    with pytest.raises(WriterClosedError):
        await writer.write(more)


async def test_closing_while_a_batch_waits_for_a_lock_fails_it_and_returns(tmp_path: Path) -> None:
    """Another connection holds SQLite's write lock for longer than closing may take: the batch waiting
    for it fails with ``WriterClosedError`` (its points were never announced) and closing returns while
    the lock is still held, instead of waiting out the busy timeout (a minute here)."""
    database = tmp_path / "locked.db"
    store = await Store.open(sqlite_url(database), clock=FakeClock(), busy_ms=60_000)
    ids = await _rounds(store, BATCHED)
    holder = sqlite3.connect(database, isolation_level=None)
    watcher = _Waiting("INSERT")
    engine_log = logging.getLogger("bot.storage.engine")
    level = engine_log.level
    engine_log.setLevel(logging.DEBUG)
    engine_log.addHandler(watcher)
    writer = AnswerWriter(store)
    try:
        holder.execute("BEGIN IMMEDIATE")
        writing = asyncio.create_task(writer.write(history(BATCHED, ids, n=5)))
        assert await asyncio.to_thread(watcher.started.wait, HUNG), "the batch never waited for the lock"
        assert await writer.close(within=0.05) == 0  # nothing left queued: the one batch was in flight
        assert holder.in_transaction  # closing did not wait for the lock
        with pytest.raises(WriterClosedError):
            await writing
    finally:
        engine_log.removeHandler(watcher)
        engine_log.setLevel(level)
        holder.rollback()
        holder.close()
        await store.close()
    assert len(await _answers_in(database)) == 0


async def _answers_in(database: Path) -> list[tuple[int]]:
    def read() -> list[tuple[int]]:
        with contextlib.closing(sqlite3.connect(database)) as conn:
            return conn.execute("SELECT id FROM answers").fetchall()

    return await asyncio.to_thread(read)


async def test_the_writer_process_leaves_what_this_process_leaves(store: Store) -> None:
    """The bot's writer commits in a child process: same answers, totals, flashcards and flags as the
    writer of this process, the kept leaderboard moved by the commits, and the child stopped on close."""
    await _clean_cards(store)
    here = history(ONE_BY_ONE, await _rounds(store, ONE_BY_ONE))
    there = history(BATCHED, await _rounds(store, BATCHED))
    local = AnswerWriter(store)
    assert await asyncio.gather(*(local.write([r]) for r in here)) == [[True]] * len(here)
    await local.close()
    writer = AnswerWriter.attached(store)
    assert writer.process is not None
    board = await store.leaderboards.leaderboard(BATCHED, now=START)  # kept, then moved by commits
    assert board.total_members == 0
    half = len(there) // 2
    assert await asyncio.gather(*(writer.write([r]) for r in there[:half])) == [[True]] * half
    assert writer.process.alive
    rest = [there[3], *there[half:], there[half]]  # one stored before, one twice in this call
    assert await writer.write(rest) == [False, *([True] * (len(there) - half)), False]
    for table in (scores, daily_scores, period_scores, period_topic_scores):
        assert await _table(store, table, BATCHED) == await _table(store, table, ONE_BY_ONE), table.name
    assert await _cards(store, BATCHED) == await _cards(store, ONE_BY_ONE)
    page = await store.leaderboards.leaderboard(BATCHED, now=START)
    expected = await store.leaderboards.leaderboard(ONE_BY_ONE, now=START)
    assert [(r.member_id, r.points, r.answered, r.correct) for r in page.rows] == [
        (r.member_id, r.points, r.answered, r.correct) for r in expected.rows
    ]
    assert writer.stats.answers == len(there) + 2
    process = writer.process
    assert await writer.close(within=10) == 0
    assert not process.alive


async def test_batches_in_flight_together_are_stored_in_the_order_sent(store: Store) -> None:
    """Each batch goes to the child once the one before is sent (two unanswered at most): the child
    stores them in the order sent, so the streaks and every total are what one-by-one leaves,
    and each batch gets its own flags."""
    await _clean_cards(store)
    here = history(ONE_BY_ONE, await _rounds(store, ONE_BY_ONE))
    there = history(BATCHED, await _rounds(store, BATCHED))
    for record in here:
        await store_answer(store, record)
    writer = AnswerWriter.attached(store)
    committer = writer.process
    assert committer is not None
    committer.start()
    batches = [there[i : i + 30] for i in range(0, len(there), 30)]
    batches[-1] = [*batches[-1], there[0]]  # one stored by an earlier batch still in flight
    commits = []
    for batch in batches:
        ready = asyncio.Event()
        commits.append(asyncio.create_task(committer.commit(batch, store.boards, ready)))
        await ready.wait()
    flags = await asyncio.gather(*commits)
    assert flags[:-1] == [[True] * len(b) for b in batches[:-1]]
    assert flags[-1] == [True] * (len(batches[-1]) - 1) + [False]
    for table in (scores, daily_scores, period_scores, period_topic_scores):
        assert await _table(store, table, BATCHED) == await _table(store, table, ONE_BY_ONE), table.name
    assert await _cards(store, BATCHED) == await _cards(store, ONE_BY_ONE)
    await writer.close(within=10)
    assert not committer.alive


async def test_a_dead_writer_process_is_started_again(store: Store) -> None:
    """The child killed between batches (a crash, the OOM killer): the next write starts a new one."""
    ids = await _rounds(store, BATCHED)
    records = history(BATCHED, ids, n=10)
    writer = AnswerWriter.attached(store)
    assert writer.process is not None
    assert await writer.write(records[:5]) == [True] * 5
    child = writer.process._process
    assert child is not None
    child.kill()
    await asyncio.to_thread(child.join, 10)
    assert await writer.write(records[5:]) == [True] * 5
    assert writer.process._process is not child
    assert await writer.close(within=10) == 0
    assert len(await store.rounds.answers_of(BATCHED)) == 10


class _Racing(CardRepository):
    """Card rows where another process makes each new card just before this one inserts it."""

    async def add_rated_in(
        self, conn: AsyncConnection, rows: Sequence[Mapping[str, Any]]
    ) -> dict[CardKey, int]:
        fresh = {"state": 1, "step": 0, "stability": None, "difficulty": None, "last_review_at": None}
        await self.add_missing_in(
            conn,
            [
                {**fresh, **{k: row[k] for k in ("guild_id", "member_id", "term", "source", "introduced_at")}}
                | {"due_at": row["introduced_at"], "reps": 0, "lapses": 0}
                for row in rows
            ],
        )
        return await super().add_rated_in(conn, rows)


async def test_a_new_card_made_meanwhile_is_rated_as_stored(store: Store) -> None:
    """A card met for the first time is inserted already rated; when another process made it first, the
    ratings are applied to the stored card instead, with the same result as rating it one by one."""
    await _clean_cards(store)
    single = history(ONE_BY_ONE, await _rounds(store, ONE_BY_ONE))
    batched = history(BATCHED, await _rounds(store, BATCHED))
    for record in single:
        assert await store_answer(store, record)
    async with store.engine.begin() as conn:
        ratings = [(r.guild_id, r.member_id, r.term, rating_of(r.correct), r.answered_at) for r in batched]
        rated = await ReviewRepository(_Racing(store.engine)).rate_terms_in(conn, ratings)
    assert all(card.id > 0 for card in rated.values())
    assert await _cards(store, BATCHED) == await _cards(store, ONE_BY_ONE)


async def test_a_batch_sent_before_the_last_one_is_confirmed_waits_in_the_child(store: Store) -> None:
    """The next batch may reach the child while it waits for the bot's confirmation of the one before:
    the child keeps it, takes the confirmation, commits, then stores the kept batch; nothing is lost
    and each batch gets its own reply, in order."""
    records = history(BATCHED, await _rounds(store, BATCHED), n=20)
    writer = AnswerWriter.attached(store)
    committer = writer.process
    assert committer is not None
    committer.start()
    conn = committer._conn
    assert conn is not None

    async def reply() -> Any:
        assert await asyncio.to_thread(conn.poll, 60)
        return conn.recv()

    # straight over the pipe: both batches sent before the first one's confirmation
    conn.send([_as_tuple(r) for r in records[:12]])
    conn.send([_as_tuple(r) for r in records[8:]])
    assert await reply() == ("stored", list(range(12)))
    conn.send(True)
    assert await reply() == ("ok", [True] * 12)
    assert await reply() == ("stored", list(range(4, 12)))  # the first 4 were in the batch before
    conn.send(True)
    assert await reply() == ("ok", [False] * 4 + [True] * 8)
    assert len(await store.rounds.answers_of(BATCHED)) == 20
    await writer.close(within=10)
    assert not committer.alive


async def test_a_batch_whose_sender_is_cancelled_while_closing_is_failed_not_lost(store: Store) -> None:
    """A shutdown cancels the writer's tasks as closing starts, right after a batch was taken from the
    queue and before its task ran: the batch's caller is told (``WriterClosedError``), not left waiting
    forever for answers that were neither written nor reported."""
    ids = await _rounds(store, BATCHED)
    writer = AnswerWriter(store)
    writing = asyncio.create_task(writer.write(history(BATCHED, ids, n=5)))
    await asyncio.sleep(0)  # the caller queues its answers and starts the writer's task
    await asyncio.sleep(0)  # the writer's task takes them as a batch and hands it to a new task
    senders = [t for t in asyncio.all_tasks() if t.get_name().startswith("answer-writer")]
    assert len(senders) == 2, senders  # the writer's task and the batch's (not started yet)
    closing = asyncio.create_task(writer.close(within=5))
    for task in senders:
        task.cancel()
    assert await closing == 0
    done, _ = await asyncio.wait([writing], timeout=5)
    assert done, "the batch's caller was left waiting: its answers were neither written nor failed"
    try:
        flags = writing.result()
    except WriterClosedError:
        assert len(await store.rounds.answers_of(BATCHED)) == 0  # reported failed: nothing stored
    else:
        assert flags == [True] * 5  # or written after all
        assert len(await store.rounds.answers_of(BATCHED)) == 5


DEFERRED = 30


async def test_wrong_tries_deferred_leave_what_one_by_one_leaves(store: Store) -> None:
    """Wrong tries handed over with ``defer`` (not waited for) and points with ``write``, from several rounds
    at once in small batches: the totals, leaderboards, /stats and flashcards are those of every answer
    stored one at a time in order (the path before deferring), so no member's answers are reordered."""
    await _clean_cards(store)
    single = history(ONE_BY_ONE, await _rounds(store, ONE_BY_ONE), seed=11)
    mixed = history(DEFERRED, await _rounds(store, DEFERRED), seed=11)
    assert sum(not r.correct for r in mixed) > 80  # many wrong tries
    for record in single:
        assert await store_answer(store, record)
    writer = AnswerWriter(store, max_batch=7)
    futures: list[asyncio.Future[Any]] = []
    # answers handed over in the order given, points not waited for at once: several batches in flight
    for at, record in enumerate(mixed):
        if record.correct:
            futures.append(asyncio.ensure_future(writer.write([record])))
            await asyncio.sleep(0)  # the task hands its answer over (not waiting for its commit)
        else:
            futures.append(writer.defer([record]))
        if at % 9 == 0:
            await asyncio.sleep(0)  # let a batch start while more is handed over
    await asyncio.gather(*futures)
    await writer.close()
    assert writer.stats.answers == len(mixed)
    for table in (scores, daily_scores, period_scores, period_topic_scores):
        assert await _table(store, table, DEFERRED) == await _table(store, table, ONE_BY_ONE), table.name
    assert await _cards(store, DEFERRED) == await _cards(store, ONE_BY_ONE)
    now = START + timedelta(hours=4)
    for period in Period:
        a = await store.leaderboards.leaderboard(ONE_BY_ONE, period=period, now=now)
        b = await store.leaderboards.leaderboard(DEFERRED, period=period, now=now)
        assert [dataclasses.astuple(r) for r in a.rows] == [dataclasses.astuple(r) for r in b.rows]
    for member in range(1, 7):
        a_stats = await store.stats.member(ONE_BY_ONE, member, now)
        b_stats = await store.stats.member(DEFERRED, member, now)
        assert dataclasses.replace(b_stats, guild_id=ONE_BY_ONE) == a_stats
    a_missed = await store.stats.server_missed(ONE_BY_ONE, now)
    b_missed = await store.stats.server_missed(DEFERRED, now)
    assert dataclasses.replace(b_missed, guild_id=ONE_BY_ONE) == a_missed
