"""Leaderboards: one server's totals per period and topic, read as pages and ranks (SQLite or PostgreSQL).

The totals themselves are added with the answers, in their transaction (``bot.storage.rounds``). Pages
are served from the boards this process keeps in memory (``bot.storage.board_cache``: exact for this
process's writes, at most 30 s behind another process's, usually 2 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.clock import Clock
from bot.storage.board_cache import Board, LiveBoards, Load, State
from bot.storage.schema import (
    answers,
    daily_scores,
    period_scores,
    period_topic_scores,
    scores,
)

log = logging.getLogger(__name__)

#: answers.term, answers.topic and daily_scores.topic are String(200).
NAME_LENGTH = 200
#: Rows of a board read and added to the kept board between two awaits while it is reloaded (about 1-5 ms
#: of the event loop's time per chunk on 2 shared cores).
LOAD_CHUNK = 2000
#: The same for a board's first load, which has no kept totals to serve meanwhile and must read again the
#: members of every commit it overlaps (``_settle``): it is read in bigger chunks, so it ends sooner.
FIRST_LOAD_CHUNK = 10_000
#: Re-reads of the members a first load's commits touched before it gives up keeping the board.
SETTLE_TRIES = 4
#: Seconds a re-read waits at most for the server's commits in progress to end.
SETTLE_WAIT = 1.0
#: Members read again per statement (SQLite allows 32,766 parameters).
SETTLE_CHUNK = 500


class Period(StrEnum):
    """Leaderboard periods: this calendar week (from Monday 00:00 UTC), this calendar month (UTC), all."""

    WEEK = "week"
    MONTH = "month"
    ALL = "all"


#: The period start stored for ``Period.ALL`` in period_topic_scores.
ALL_TIME_START = date(1970, 1, 1)


def period_start(period: Period, when: datetime) -> date:
    """The first day (UTC) of the week, month or all-time period that ``when`` falls in."""
    return period_start_of_day(period, when.astimezone(UTC).date())


def period_start_of_day(period: Period, day: date) -> date:
    """The first day of the week, month or all-time period that the UTC ``day`` falls in."""
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    return ALL_TIME_START


def board_keys(guild_id: int, topic: str, day: date) -> list[Hashable]:
    """The boards an answer of one server, topic and UTC day counts for, keyed as ``LeaderboardRepository``
    keys them: all time, the day's week and month, and the same three for the topic (as ``add_totals``)."""
    topic = topic[:NAME_LENGTH]
    week = period_start_of_day(Period.WEEK, day)
    month = period_start_of_day(Period.MONTH, day)
    return [
        (scores.name, guild_id),
        (period_scores.name, guild_id, Period.WEEK.value, week),
        (period_scores.name, guild_id, Period.MONTH.value, month),
        (period_topic_scores.name, guild_id, Period.WEEK.value, week, topic),
        (period_topic_scores.name, guild_id, Period.MONTH.value, month, topic),
        (period_topic_scores.name, guild_id, Period.ALL.value, ALL_TIME_START, topic),
    ]


@dataclass(frozen=True, slots=True)
class LeaderboardRow:
    """One line of a leaderboard."""

    rank: int
    member_id: int
    points: int
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class LeaderboardPage:
    """A page of a leaderboard and how many members it has in all."""

    rows: tuple[LeaderboardRow, ...]
    total_members: int
    offset: int
    limit: int

    @property
    def pages(self) -> int:
        """How many pages of ``limit`` rows the board has (at least 1)."""
        return max(1, -(-self.total_members // self.limit))


@dataclass(frozen=True, slots=True)
class MemberRank:
    """A member's standing in one server for a period (best streak is all-time)."""

    member_id: int
    rank: int
    points: int
    answered: int
    correct: int
    best_streak: int
    of: int

    @property
    def accuracy(self) -> float:
        """Correct answers as a fraction of answers (0.0 when none)."""
        return self.correct / self.answered if self.answered else 0.0


def _member_rows(table: Table) -> tuple[ColumnElement[Any], ...]:
    """A board's columns per member, in ``Row`` order: member id, points, answered, correct."""
    return (table.c.member_id, table.c.points, table.c.answered, table.c.correct)


class LeaderboardRepository:
    """Per-server leaderboards and ranks (``store.leaderboards``); ``clock`` decides the current period."""

    def __init__(self, engine: AsyncEngine, clock: Clock, *, boards: LiveBoards | None = None) -> None:
        self.engine = engine
        self.clock = clock
        #: The boards this process keeps (shared with the rounds, whose commits move them).
        self.boards: LiveBoards = boards if boards is not None else LiveBoards(board_keys)
        #: Boards being loaded in the background, and boards found too big to keep (when).
        self._loading: dict[tuple[int, Hashable], asyncio.Task[None]] = {}
        self._too_big: dict[tuple[int, Hashable], float] = {}

    @staticmethod
    def _board(
        guild_id: int, period: Period, topic: str | None, now: datetime
    ) -> tuple[Table, dict[str, Any]]:
        """The totals table of a leaderboard and the key values that select its index range."""
        if period is Period.ALL and topic is None:
            return scores, {"guild_id": guild_id}
        key: dict[str, Any] = {
            "guild_id": guild_id,
            "period_kind": period.value,
            "period_start": period_start(period, now),
        }
        if topic is None:
            return period_scores, key
        return period_topic_scores, {**key, "topic": topic[:NAME_LENGTH]}

    @staticmethod
    def _in(table: Any, key: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        """``table``'s (or an alias's) rows of one leaderboard."""
        return [table.c[name] == value for name, value in key.items()]

    async def leaderboard(
        self,
        guild_id: int,
        *,
        period: Period | str = Period.ALL,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        now: datetime | None = None,
    ) -> LeaderboardPage:
        """A page of one server's leaderboard, best first (equal points share a rank).

        Served from memory when this process keeps the board (reloaded in the background once it is
        2 s old). Otherwise (a board not read yet, not read for 30 s, or with more members than
        ``boards.max_board_rows``) the page is read from the database, one index range read best
        first, and the whole board is loaded in the background to be kept. Raises SQLAlchemy's errors
        when the database is needed and unavailable.
        """
        period = Period(period)
        table, key = self._board(guild_id, period, topic, now or self.clock.now())
        board_key = (table.name, *key.values())
        board, state = self.boards.get(guild_id, board_key)
        if board is not None and state is not State.EXPIRED:
            self.boards.hits += 1
            if state is State.STALE:
                self._load_in_background(guild_id, board_key, table, key)
            return self._page(board, limit, offset)
        self.boards.misses += 1
        page = await self._read_board(table, key, limit, offset)
        self._load_in_background(guild_id, board_key, table, key)  # after: not competing with the page
        return page

    async def from_database(
        self,
        guild_id: int,
        *,
        period: Period | str = Period.ALL,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        now: datetime | None = None,
    ) -> LeaderboardPage:
        """``leaderboard``'s page read from the database's totals, never from the kept boards (checks and
        benchmarks compare the two); one index range read best first and a COUNT."""
        table, key = self._board(guild_id, Period(period), topic, now or self.clock.now())
        return await self._read_board(table, key, limit, offset)

    async def settled(self) -> None:
        """Wait for the boards being loaded in the background (their failures are logged, not raised)."""
        while self._loading:
            await asyncio.gather(*self._loading.values(), return_exceptions=True)

    async def close(self) -> None:
        """Stop the background loads (before the engine is closed)."""
        for task in self._loading.values():
            task.cancel()
        await self.settled()

    @staticmethod
    def _page(board: Board, limit: int, offset: int) -> LeaderboardPage:
        rows = tuple(LeaderboardRow(rank, *row) for rank, row in board.page(limit, offset))
        return LeaderboardPage(rows, len(board), offset, limit)

    def _load_in_background(
        self, guild_id: int, board_key: Hashable, table: Table, key: dict[str, Any]
    ) -> None:
        ident = (guild_id, board_key)
        if ident in self._loading:
            return
        too_big = self._too_big.get(ident)
        if too_big is not None and self.boards.monotonic() - too_big < self.boards.stale_for:
            return  # its pages come from the database; try again later, it may have shrunk
        task = asyncio.create_task(self._load_logged(guild_id, board_key, table, key))
        self._loading[ident] = task
        task.add_done_callback(lambda _: self._loading.pop(ident, None))

    async def _load_logged(
        self, guild_id: int, board_key: Hashable, table: Table, key: dict[str, Any]
    ) -> None:
        try:
            if await self._load(guild_id, board_key, table, key) is None:
                self._too_big[(guild_id, board_key)] = self.boards.monotonic()
            else:
                self._too_big.pop((guild_id, board_key), None)
        except Exception:  # the reads meanwhile go to the database themselves and say what failed
            log.warning("loading a leaderboard of guild %s failed", guild_id, exc_info=True)

    async def _load(
        self, guild_id: int, board_key: Hashable, table: Table, key: dict[str, Any]
    ) -> Board | None:
        """Every member's totals on one board (kept by ``boards`` when it can be); None when the board
        has more than ``boards.max_board_rows`` members.

        The event loop's share is kept short: the board's size is counted first (a board too big to keep
        is never read), and its rows are read best first from the board's index in chunks of
        ``LOAD_CHUNK`` (``FIRST_LOAD_CHUNK`` when none is kept yet), each added to the board in rank order
        (no sort) before the next is awaited: a 50,000-member board built in one go held the loop for
        30-170 ms on 2 shared cores.
        """
        limit = self.boards.max_board_rows
        kept, _ = self.boards.get(guild_id, board_key)
        chunk = LOAD_CHUNK if kept is not None else FIRST_LOAD_CHUNK
        load = self.boards.start_load(guild_id, board_key)
        board = Board(())
        try:
            async with self.engine.connect() as conn:
                count = select(func.count()).where(*self._in(table, key))
                if int((await conn.execute(count)).scalar_one()) > limit:
                    self.boards.abandon(load)
                    return None
                stmt = (
                    select(*_member_rows(table))
                    .where(*self._in(table, key))
                    .order_by(table.c.points.desc(), table.c.member_id)
                    .limit(limit + 1)
                )
                result = await conn.stream(stmt)
                async for rows in result.partitions(chunk):
                    board.extend_ranked((int(m), int(p), int(n), int(c)) for m, p, n, c in rows)
                    if len(board) > limit:  # grew past the limit since it was counted
                        self.boards.abandon(load)
                        return None
                    await asyncio.sleep(0)  # a chunk may come from the driver's buffer without a wait
                if kept is None:
                    load = await self._settle(conn, load, board, table, key)
        except BaseException:
            self.boards.abandon(load)
            raise
        return self.boards.finish_load(load, board)

    async def _settle(
        self, conn: AsyncConnection, load: Load, board: Board, table: Table, key: dict[str, Any]
    ) -> Load:
        """A first load's board made exact: the members of the commits it overlapped (which it may have read
        before or after them) read again once no commit of the server is in progress, and again for the
        commits that overlapped that read, up to ``SETTLE_TRIES`` times. Returns the load to finish
        (``finish_load`` keeps the board when its ``touched`` is empty). One statement per
        ``SETTLE_CHUNK`` members."""
        for _ in range(SETTLE_TRIES):
            if not load.touched:
                break
            # a re-read during a commit could not tell either; a server never quiet gives up after the tries
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.boards.quiet(load.guild_id), SETTLE_WAIT)
            members, load = self.boards.recheck(load)
            ordered = sorted(members)
            found: dict[int, tuple[int, int, int]] = {}
            for start in range(0, len(ordered), SETTLE_CHUNK):
                part = ordered[start : start + SETTLE_CHUNK]
                stmt = select(*_member_rows(table)).where(*self._in(table, key), table.c.member_id.in_(part))
                for m, p, n, c in (await conn.execute(stmt)).all():
                    found[int(m)] = (int(p), int(n), int(c))
            for member_id in ordered:
                board.set(member_id, found.get(member_id))
        return load

    async def _read_board(
        self, table: Table, key: dict[str, Any], limit: int, offset: int
    ) -> LeaderboardPage:
        board = table.alias("board")
        # one round trip: the page (an index range, best first) and the board's size (a COUNT over it)
        total = select(func.count()).select_from(board).where(*self._in(board, key)).scalar_subquery()
        page_stmt = (
            select(*_member_rows(table), total.label("total"))
            .where(*self._in(table, key))
            .order_by(table.c.points.desc(), table.c.member_id)
            .limit(limit)
            .offset(offset)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(page_stmt)).all()
            if not rows:
                count = await conn.execute(select(func.count()).where(*self._in(table, key)))
                return LeaderboardPage((), int(count.scalar_one()), offset, limit)
            first_rank = 1
            if offset > 0:
                above = select(func.count()).where(
                    *self._in(table, key), table.c.points > int(rows[0].points)
                )
                first_rank = 1 + int((await conn.execute(above)).scalar_one())
        out: list[LeaderboardRow] = []
        previous: tuple[int, int] | None = None
        for position, row in enumerate(rows):
            points = int(row.points)
            if position == 0:
                rank = first_rank
            elif previous is not None and points == previous[1]:
                rank = previous[0]
            else:
                rank = offset + position + 1
            previous = (rank, points)
            out.append(LeaderboardRow(rank, int(row.member_id), points, int(row.answered), int(row.correct)))
        return LeaderboardPage(tuple(out), int(rows[0].total), offset, limit)

    async def rank(
        self,
        guild_id: int,
        member_id: int,
        *,
        period: Period | str = Period.ALL,
        topic: str | None = None,
        now: datetime | None = None,
    ) -> MemberRank | None:
        """A member's points, rank, answers, accuracy and best streak in one server; None if not ranked."""
        period = Period(period)
        table, key = self._board(guild_id, period, topic, now or self.clock.now())
        above, board, streaks = table.alias("above"), table.alias("board"), scores.alias("streaks")
        # one round trip: the member's row, COUNTs over the board's index range, the all-time best streak
        stmt = select(
            table.c.points,
            table.c.answered,
            table.c.correct,
            select(func.count())
            .select_from(above)
            .where(*self._in(above, key), above.c.points > table.c.points)
            .scalar_subquery()
            .label("above"),
            select(func.count())
            .select_from(board)
            .where(*self._in(board, key))
            .scalar_subquery()
            .label("of"),
            select(streaks.c.best_streak)
            .where(streaks.c.guild_id == guild_id, streaks.c.member_id == member_id)
            .scalar_subquery()
            .label("best"),
        ).where(*self._in(table, key), table.c.member_id == member_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(stmt)).first()
        if row is None:
            return None
        return MemberRank(
            member_id,
            int(row.above) + 1,
            int(row.points),
            int(row.answered),
            int(row.correct),
            int(row.best or 0),
            int(row.of),
        )

    async def topics(self, guild_id: int) -> list[str]:
        """Topics this server has answered questions on (for autocomplete)."""
        async with self.engine.connect() as conn:
            result = await conn.execute(
                select(period_topic_scores.c.topic)
                .where(
                    period_topic_scores.c.guild_id == guild_id,
                    period_topic_scores.c.period_kind == Period.ALL.value,
                    period_topic_scores.c.period_start == ALL_TIME_START,
                )
                .distinct()
            )
            return sorted(str(t) for t in result.scalars())

    async def reset(self, guild_id: int) -> int:
        """Wipe one server's leaderboard and answer history; returns how many members it had."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(scores).where(scores.c.guild_id == guild_id))
            for table in (daily_scores, period_scores, period_topic_scores):
                await conn.execute(delete(table).where(table.c.guild_id == guild_id))
            await conn.execute(delete(answers).where(answers.c.guild_id == guild_id))
        self.boards.changed([guild_id])
        log.info("leaderboard of guild %s reset", guild_id)
        return int(result.rowcount or 0)
