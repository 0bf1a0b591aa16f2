"""Live leaderboards: the boards kept in memory and moved by this process's commits read exactly as the
database's own query reads them, on both databases; another process's writes show within the bounds."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import update

from bot.clock import FakeClock
from bot.storage import AnswerRecord, Store
from bot.storage.board_cache import Board, LiveBoards
from bot.storage.leaderboards import LeaderboardPage, Period, board_keys
from bot.storage.schema import scores

GUILD, OTHER = 11, 12
TOPICS = ("Virtualization", "Networking", "T" * 250)  # the last one longer than the column
BOARDS = [(p, t) for p in Period for t in (None, *TOPICS)]


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _answer(
    round_id: int,
    question: int,
    member: int,
    points: int,
    *,
    guild: int = GUILD,
    topic: str = "Virtualization",
    at: datetime = datetime(2026, 1, 5, 12, 0, tzinfo=UTC),
) -> AnswerRecord:
    return AnswerRecord(
        round_id=round_id,
        question_index=question,
        guild_id=guild,
        channel_id=1,
        member_id=member,
        term="Hypervisor",
        topic=topic,
        correct=points > 0,
        points=points,
        ms=1000,
        answered_at=at,
    )


async def _from_scratch(
    store: Store, period: Period, topic: str | None, now: datetime, limit: int, offset: int
) -> LeaderboardPage:
    """The page as the database's own query reads it, bypassing the kept boards."""
    return await store.leaderboards.from_database(
        GUILD, period=period, topic=topic, limit=limit, offset=offset, now=now
    )


async def _assert_every_board_matches(store: Store, now: datetime) -> int:
    """Every board and a few pages of each, kept against from scratch; returns the boards compared."""
    for period, topic in BOARDS:
        for limit, offset in ((10, 0), (7, 7), (1000, 0)):
            kept = await store.leaderboards.leaderboard(
                GUILD, period=period, topic=topic, limit=limit, offset=offset, now=now
            )
            fresh = await _from_scratch(store, period, topic, now, limit, offset)
            assert kept == fresh, (period, topic, limit, offset)
    return len(BOARDS)


async def test_kept_boards_match_the_query_through_writes_ties_rollover_and_deletions(
    store: Store, clock: FakeClock
) -> None:
    rng = random.Random(7)
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, clock.now())
    other_rid = await store.rounds.start_round(OTHER, 1, 1, {}, clock.now())
    # Sunday 2026-01-11 23:59 to Monday 00:00 crosses a week; Saturday 2026-01-31 to Sunday 02-01 a month
    moments = [
        datetime(2026, 1, 11, 23, 59, tzinfo=UTC),
        datetime(2026, 1, 12, 0, 0, tzinfo=UTC),
        datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2026, 2, 1, 0, 0, tzinfo=UTC),
    ]
    question = 0
    for moment in moments:
        if moment > clock.now():
            clock.set(moment)
        await _assert_every_board_matches(store, moment)  # read from the database: not kept yet
        await store.leaderboards.settled()  # kept now (loaded in the background)
        for _ in range(6):
            batch = []
            for _ in range(rng.randrange(1, 15)):
                question += 1
                # few distinct point values, so ties are common; some members only ever answer wrong
                batch.append(
                    _answer(
                        rid,
                        question,
                        rng.randrange(1, 30),
                        rng.choice((0, 0, 10, 20, 30)),
                        topic=rng.choice(TOPICS),
                        at=moment,
                    )
                )
            batch.append(_answer(other_rid, question, 1, 30, guild=OTHER, at=moment))
            await store.rounds.record_answers(batch)
            misses = store.boards.misses
            await _assert_every_board_matches(store, moment)
            # the kept boards answered (only the from-scratch reads went to the database)
            assert store.boards.misses == misses
    # a member asks for their data to be deleted: their rows leave every board
    gone = (await store.leaderboards.leaderboard(GUILD, now=moments[-1])).rows[0].member_id
    await store.delete_member_data(GUILD, gone)
    await _assert_every_board_matches(store, moments[-1])
    assert gone not in {
        r.member_id for r in (await store.leaderboards.leaderboard(GUILD, limit=100, now=moments[-1])).rows
    }
    # a repeat of an answer already stored adds nothing
    await store.rounds.record_answers([_answer(rid, 1, 1, 30, at=moments[-1])])
    await _assert_every_board_matches(store, moments[-1])
    await store.leaderboards.reset(GUILD)
    for period, topic in BOARDS:
        page = await store.leaderboards.leaderboard(GUILD, period=period, topic=topic, now=moments[-1])
        assert page.rows == ()
        assert page.total_members == 0
    assert (await store.leaderboards.leaderboard(OTHER, now=moments[-1])).rows[0].points == 30 * 24


async def test_an_announced_point_is_on_the_board_at_once_without_a_database_read(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, 1, 10), _answer(rid, 0, 2, 5)])
    first = await store.leaderboards.leaderboard(GUILD)
    assert [(r.rank, r.member_id, r.points) for r in first.rows] == [(1, 1, 10), (2, 2, 5)]
    await store.leaderboards.settled()
    misses = store.boards.misses
    await store.rounds.record_answers([_answer(rid, 1, 2, 5), _answer(rid, 1, 3, 15)])
    after = await store.leaderboards.leaderboard(GUILD)
    assert [(r.rank, r.member_id, r.points) for r in after.rows] == [(1, 3, 15), (2, 1, 10), (2, 2, 10)]
    assert store.boards.misses == misses


async def test_a_write_rolled_back_adds_nothing_and_keeps_the_boards(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, 1, 10)])
    await store.leaderboards.leaderboard(GUILD)
    await store.leaderboards.settled()

    async def broken(conn: object, stored: object) -> None:
        raise RuntimeError("the flashcards could not be written")

    misses = store.boards.misses
    with pytest.raises(RuntimeError):
        await store.rounds.record_answers([_answer(rid, 1, 1, 20)], also=broken)
    page = await store.leaderboards.leaderboard(GUILD)
    assert store.boards.misses == misses
    assert [(r.member_id, r.points) for r in page.rows] == [(1, 10)]
    assert page == await _from_scratch(store, Period.ALL, None, store.clock.now(), 10, 0)


async def test_another_process_writing_is_served_stale_for_at_most_the_bounds(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, 1, 10)])
    ticks = Ticks()
    boards = LiveBoards(board_keys, fresh_for=2.0, stale_for=30.0, monotonic=ticks)
    store.boards = store.rounds.boards = store.leaderboards.boards = boards
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10
    await store.leaderboards.settled()
    async with store.engine.begin() as conn:  # a write this process does not make
        await conn.execute(update(scores).where(scores.c.guild_id == GUILD).values(points=99))
    ticks.now += 1.9
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10  # fresh: as kept
    assert not store.leaderboards._loading
    ticks.now += 0.1
    # stale: the kept board answers at once, and is reloaded meanwhile (once, however many read)
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 10
    assert len(store.leaderboards._loading) == 1
    await store.leaderboards.settled()
    ticks.now += 0.5  # the reloaded board counts as loaded when its load started: fresh again
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 99
    assert not store.leaderboards._loading
    # a board not reloaded for 30 s (nobody read it) is not served: the page comes from the database
    async with store.engine.begin() as conn:
        await conn.execute(update(scores).where(scores.c.guild_id == GUILD).values(points=77))
    ticks.now += 30.0
    misses = boards.misses
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 77
    assert boards.misses == misses + 1
    await store.leaderboards.settled()
    assert (await store.leaderboards.leaderboard(GUILD)).rows[0].points == 77
    assert boards.misses == misses + 1


async def test_a_board_too_big_to_keep_is_read_page_by_page(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, m, m) for m in range(1, 6)])
    boards = LiveBoards(board_keys, max_board_rows=4)
    store.boards = store.rounds.boards = store.leaderboards.boards = boards
    for _ in range(3):
        page = await store.leaderboards.leaderboard(GUILD, limit=2, offset=1)
        assert [(r.rank, r.member_id) for r in page.rows] == [(2, 4), (3, 3)]
        assert page.total_members == 5
        await store.leaderboards.settled()
    assert boards.misses == 3
    assert boards.get(GUILD, ("scores", GUILD))[0] is None


async def test_reads_racing_the_writer_keep_exact_boards(store: Store) -> None:
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    ticks = Ticks()
    # every read is stale, so loads overlap writes all the time
    boards = LiveBoards(board_keys, fresh_for=0.0, monotonic=ticks)
    store.boards = store.rounds.boards = store.leaderboards.boards = boards

    async def reader() -> None:
        for _ in range(30):
            await store.leaderboards.leaderboard(GUILD)
            await store.leaderboards.leaderboard(GUILD, period=Period.WEEK, topic="Virtualization")

    async def writer() -> None:
        for q in range(30):
            await store.rounds.record_answers([_answer(rid, q, 1 + q % 3, 1), _answer(rid, q, 9, 2)])

    await asyncio.gather(reader(), writer(), reader())
    await store.leaderboards.settled()
    for period, topic in ((Period.ALL, None), (Period.WEEK, "Virtualization")):
        kept = await store.leaderboards.leaderboard(GUILD, period=period, topic=topic)
        assert kept == await _from_scratch(store, period, topic, store.clock.now(), 10, 0)
        assert [(r.member_id, r.points) for r in kept.rows] == [(9, 60), (1, 10), (2, 10), (3, 10)]


async def test_a_load_that_overlapped_a_write_keeps_the_writes_members_from_memory() -> None:
    ticks = Ticks()
    boards = LiveBoards(board_keys, monotonic=ticks)
    key = ("scores", GUILD)
    first = boards.start_load(GUILD, key)
    boards.finish_load(first, [(1, 10, 1, 1), (2, 5, 1, 1)])
    at = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    reload = boards.start_load(GUILD, key)  # a reload starts...
    async with boards.writing() as write:  # ...a write commits...
        write.committed([_answer(1, 0, 2, 20, at=at)])
    # ...and the reload read member 2 from before it (or after: it cannot tell), member 3 new
    board = boards.finish_load(reload, [(1, 10, 1, 1), (2, 5, 1, 1), (3, 1, 1, 1)])
    assert board.totals == {1: (10, 1, 1), 2: (25, 2, 2), 3: (1, 1, 1)}
    kept, _ = boards.get(GUILD, key)
    assert kept is board
    # a first load that overlapped a write is not kept
    cold = boards.start_load(GUILD, ("period_scores", GUILD, "week", at.date()))
    async with boards.writing() as write:
        write.committed([_answer(1, 1, 4, 10, at=at)])
    boards.finish_load(cold, [(4, 10, 1, 1)])
    assert boards.get(GUILD, ("period_scores", GUILD, "week", at.date()))[0] is None


def test_boards_rank_ties_and_bound_their_rows() -> None:
    board = Board([(5, 10, 1, 1), (3, 10, 1, 1), (1, 30, 3, 3), (9, 0, 2, 0)])
    assert [(rank, row[0]) for rank, row in board.page(10, 0)] == [(1, 1), (2, 3), (2, 5), (4, 9)]
    board.add(9, 10, 1, 1)
    assert [(rank, row[0]) for rank, row in board.page(2, 2)] == [(2, 5), (2, 9)]
    boards = LiveBoards(board_keys, max_rows=5, max_board_rows=3)
    for guild in (1, 2, 3):
        boards.finish_load(boards.start_load(guild, "all"), [(1, 1, 1, 1), (2, 2, 1, 1)])
    assert sum(boards.get(g, "all")[0] is not None for g in (1, 2, 3)) == 2  # the oldest went
    too_big = boards.finish_load(boards.start_load(4, "all"), [(m, m, 1, 1) for m in range(4)])
    assert len(too_big) == 4
    assert boards.get(4, "all")[0] is None


def test_a_board_built_in_rank_order_chunks_equals_one_built_at_once() -> None:
    rows = [(m, (m * 7) % 5 * 10, 3, m % 3) for m in range(1, 40)]
    ranked = sorted(rows, key=lambda r: (-r[1], r[0]))
    board = Board(())
    for start in range(0, len(ranked), 6):
        board.extend_ranked(ranked[start : start + 6])
    whole = Board(rows)
    assert board.order == whole.order
    assert board.page(50, 0) == whole.page(50, 0)
    with pytest.raises(ValueError, match="on the board already"):
        board.extend_ranked([(1, 0, 1, 0)])
    # a member's totals replaced, or taken off, keep the order
    board.set(1, (99, 4, 4))
    board.set(2, None)
    whole = Board([(1, 99, 4, 4), *(r for r in rows if r[0] not in (1, 2))])
    assert board.page(50, 0) == whole.page(50, 0)


async def test_a_board_loaded_in_chunks_is_kept_exactly(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read best first in chunks of 4 (a first load) and of 3 (a reload), on both databases: the kept
    board is the database's own page, ties included, and a read after the load is served from memory."""
    monkeypatch.setattr("bot.storage.leaderboards.LOAD_CHUNK", 3)
    monkeypatch.setattr("bot.storage.leaderboards.FIRST_LOAD_CHUNK", 4)
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, m, m % 4) for m in range(1, 41)])
    boards = LiveBoards(board_keys)
    store.boards = store.rounds.boards = store.leaderboards.boards = boards
    first = await store.leaderboards.leaderboard(GUILD, limit=50)  # from the database; loads meanwhile
    await store.leaderboards.settled()
    board, _ = boards.get(GUILD, ("scores", GUILD))
    assert board is not None
    assert len(board) == 40
    assert board.order == sorted(board.order)
    misses = boards.misses
    assert await store.leaderboards.leaderboard(GUILD, limit=50) == first
    assert boards.misses == misses
    assert first == await _from_scratch(store, Period.ALL, None, store.clock.now(), 50, 0)
    await store.leaderboards._load(GUILD, ("scores", GUILD), scores, {"guild_id": GUILD})  # a reload
    reloaded, _ = boards.get(GUILD, ("scores", GUILD))
    assert reloaded is not board
    assert reloaded is not None
    assert reloaded.order == board.order
    assert reloaded.totals == board.totals


async def test_a_recheck_watches_the_commits_from_then_on_those_in_progress_included() -> None:
    boards = LiveBoards(board_keys)
    load = boards.start_load(GUILD, ("scores", GUILD))
    load.touched |= {1, 2}
    async with boards.writing() as write:
        write.committed([_answer(1, 0, 3, 10)])  # stored, not committed yet
        members, fresh = boards.recheck(load)
        assert members == {1, 2, 3}  # 3's commit started during the first load
        assert fresh.touched == {3}  # and is still in progress: read again after it too
        assert (fresh.epoch, fresh.started_at) == (load.epoch, load.started_at)
    async with boards.writing() as write:
        write.committed([_answer(1, 1, 4, 10)])
    assert fresh.touched == {3, 4}
    assert load not in boards._loads.get(GUILD, [])
    boards.abandon(fresh)


async def test_a_first_load_that_overlapped_writes_reads_their_members_again_and_is_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A board read while its server plays: the first load overlaps commits (read in chunks of 4 while a
    writer commits), reads those members again and is kept, equal to the database's query, on both
    databases. Before, such a load was never kept, so every read of a busy server loaded the board whole."""
    monkeypatch.setattr("bot.storage.leaderboards.FIRST_LOAD_CHUNK", 4)
    rid = await store.rounds.start_round(GUILD, 1, 1, {}, store.clock.now())
    await store.rounds.record_answers([_answer(rid, 0, m, m % 7) for m in range(1, 201)])
    boards = LiveBoards(board_keys)
    store.boards = store.rounds.boards = store.leaderboards.boards = boards
    chunks = 0
    real = Board.extend_ranked

    def counting(self: Board, rows: Any) -> None:
        nonlocal chunks
        chunks += 1
        real(self, rows)

    monkeypatch.setattr(Board, "extend_ranked", counting)
    key = ("scores", GUILD)
    load = asyncio.create_task(store.leaderboards._load(GUILD, key, scores, {"guild_id": GUILD}))
    question = 1
    while chunks < 20:  # writes while the first load reads its 50 chunks
        await store.rounds.record_answers(
            [_answer(rid, question, 1 + question % 40, 5), _answer(rid, question, 300 + question, 3)]
        )
        question += 1
    board = await load
    assert question > 1  # a write began once the load had started and ended after its 20th chunk
    kept, _ = boards.get(GUILD, key)
    assert kept is board
    now = store.clock.now()
    assert await store.leaderboards.leaderboard(GUILD, limit=1000) == await _from_scratch(
        store, Period.ALL, None, now, 1000, 0
    )


async def test_a_write_that_landed_is_over_before_its_block_is_left() -> None:
    """The writer's child acknowledges a commit in a reader callback: the kept boards move and the server
    is quiet from then on, not only when the batch's task wakes; leaving the block changes nothing more."""
    boards = LiveBoards(board_keys)
    key = ("scores", GUILD)
    boards.finish_load(boards.start_load(GUILD, key), [(1, 10, 1, 1)])
    async with boards.writing() as write:
        write.committed([_answer(1, 0, 2, 20)])
        quiet = asyncio.create_task(boards.quiet(GUILD))
        await asyncio.sleep(0)
        assert not quiet.done()
        write.landed(True)
        await quiet
        assert boards.get(GUILD, key)[0].totals == {1: (10, 1, 1), 2: (20, 1, 1)}  # type: ignore[union-attr]
    assert boards.get(GUILD, key)[0].totals[2] == (20, 1, 1)  # type: ignore[union-attr]
    # a commit that failed after its last statement: whether it happened is unknown, the boards go
    async with boards.writing() as write:
        write.committed([_answer(1, 1, 3, 10)])
        write.landed(False)
    assert boards.get(GUILD, key)[0] is None
