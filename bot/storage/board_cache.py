"""Live leaderboards: each board this process read, kept in memory whole and moved by its own commits.

Reading a top 10 from the database is several round trips (or thread hops, on SQLite), each of which
waits for a CPU on a busy machine: 5-50 ms where the query itself takes a fraction of a millisecond.
So the first read of a board loads all its members' totals (one index range) and keeps them in rank
order; every answer this process commits afterwards is added to the boards it counts for, in memory,
right after its transaction commits (``LiveBoards.writing``), so a member sees an announced point at
once and a read never waits on the database in the steady state.

Staleness, said exactly:

- this process's writes: none. Answers are added once their transaction committed; a reset or a
  member's deletion drops the server's boards (``changed``), and the next read loads them again.
- writes by another process on the same database (another shard, a command-line tool): a board
  loaded ``fresh_for`` seconds ago (2 s) is served and reloaded in the background meanwhile
  (stale-while-revalidate); one not loaded within ``stale_for`` seconds (30 s) is loaded before
  the read is answered. So another process's write shows within ``stale_for`` seconds at worst, and
  within ``fresh_for`` plus one load on a board read at least every few seconds.

A load that overlaps a commit of this process (from the transaction's last statement until its commit
returned) cannot tell whether it saw it, so that commit's members keep their in-memory totals and take
the loaded ones at the next reload. A first load has no totals in memory: it reads those members' rows
again (``LiveBoards.recheck``) once no commit of the server is in progress (``LiveBoards.quiet``), until a
re-read overlaps no commit (a few tries), and is kept then; one that never settles answers its one read
and is not kept (the next read loads again). Without the re-reads, a board read while its server plays
was never kept: every read loaded it whole again.
"""

from __future__ import annotations

import asyncio
import time
from bisect import bisect_left, insort
from collections.abc import AsyncIterator, Callable, Hashable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import Protocol

#: Seconds a loaded board is served as it is.
FRESH_SECONDS = 2.0
#: Seconds after its load a board is still served while it is reloaded in the background.
STALE_SECONDS = 30.0
#: Member rows kept over all boards (the boards loaded longest ago go first): a row is 212 bytes
#: (Discord ids, measured with tracemalloc over 100,000 rows), so about 53 MB at most.
MAX_ROWS = 250_000
#: A board with more members is not kept: each read takes its page from the database.
MAX_BOARD_ROWS = 50_000

#: (member_id, points, answered, correct)
Row = tuple[int, int, int, int]


class Answer(Protocol):
    """What the boards read of a committed answer (``bot.storage.rounds.AnswerRecord`` has it)."""

    @property
    def guild_id(self) -> int: ...
    @property
    def member_id(self) -> int: ...
    @property
    def points(self) -> int: ...
    @property
    def correct(self) -> bool: ...
    @property
    def topic(self) -> str: ...
    @property
    def answered_at(self) -> datetime: ...


#: The boards an answer counts for, from its server, its topic and its UTC day.
KeysOf = Callable[[int, str, date], Iterable[Hashable]]


class State(Enum):
    """How old a kept board is: serve it, serve it and reload it, or load it before answering."""

    FRESH = "fresh"
    STALE = "stale"
    EXPIRED = "expired"


class Board:
    """One board's members: totals by member, and (-points, member_id) in rank order."""

    __slots__ = ("loaded_at", "order", "totals")

    def __init__(self, rows: Iterable[Row], loaded_at: float = 0.0) -> None:
        self.totals: dict[int, tuple[int, int, int]] = {m: (p, n, c) for m, p, n, c in rows}
        self.order: list[tuple[int, int]] = sorted((-p, m) for m, (p, _, _) in self.totals.items())
        self.loaded_at = loaded_at

    def __len__(self) -> int:
        return len(self.totals)

    def extend_ranked(self, rows: Iterable[Row]) -> None:
        """Append members read in rank order (points descending, then member id) after every member the
        board has, each ranked below them: a board loaded from its index range in chunks, built a chunk at
        a time between awaits instead of in one sort. Rows out of that order leave the board's order
        wrong; a member already on the board is not allowed (``ValueError``, board unchanged before it)."""
        totals, order = self.totals, self.order
        for m, p, n, c in rows:
            if m in totals:
                raise ValueError(f"member {m} is on the board already")
            totals[m] = (p, n, c)
            order.append((-p, m))

    def set(self, member_id: int, totals: tuple[int, int, int] | None) -> None:
        """Replace one member's totals (points, answered, correct); None takes them off the board."""
        old = self.totals.pop(member_id, None)
        if old is not None:
            del self.order[bisect_left(self.order, (-old[0], member_id))]
        if totals is not None:
            self.totals[member_id] = totals
            insort(self.order, (-totals[0], member_id))

    def add(self, member_id: int, points: int, answered: int, correct: int) -> None:
        """Add to one member's totals (a new member joins the board)."""
        old = self.totals.get(member_id)
        if old is None:
            self.totals[member_id] = (points, answered, correct)
            insort(self.order, (-points, member_id))
            return
        new = (old[0] + points, old[1] + answered, old[2] + correct)
        self.totals[member_id] = new
        if points:
            del self.order[bisect_left(self.order, (-old[0], member_id))]
            insort(self.order, (-new[0], member_id))

    def rank_of(self, points: int) -> int:
        """1 + how many members have more points (equal points share a rank)."""
        return 1 + bisect_left(self.order, (-points,))

    def page(self, limit: int, offset: int) -> list[tuple[int, Row]]:
        """(rank, row) for the members at ``offset`` .. ``offset + limit - 1``, best first."""
        out: list[tuple[int, Row]] = []
        for negative, member_id in self.order[offset : offset + limit]:
            points, answered, correct = self.totals[member_id]
            out.append((self.rank_of(-negative), (member_id, points, answered, correct)))
        return out


@dataclass(slots=True, eq=False)  # loads are told apart by identity
class Load:
    """A load of one board in progress; ``touched`` collects the members of writes it overlapped."""

    guild_id: int
    key: Hashable
    epoch: int
    started_at: float
    touched: set[int] = field(default_factory=set)


class Write:
    """A transaction of answers in progress; see ``LiveBoards.writing``."""

    __slots__ = ("_boards", "ended", "members", "stored")

    def __init__(self, boards: LiveBoards) -> None:
        self._boards = boards
        self.members: dict[int, set[int]] = {}
        self.stored: Sequence[Answer] | None = None
        self.ended = False

    def committed(self, stored: Sequence[Answer]) -> None:
        """The transaction stored these answers and commits next: call it last inside the transaction,
        once. Raises ``RuntimeError`` when called again."""
        if self.stored is not None:
            raise RuntimeError("a transaction commits once")
        self.stored = stored
        for answer in stored:
            self.members.setdefault(answer.guild_id, set()).add(answer.member_id)
        self._boards._committing(self.members)

    def landed(self, committed: bool) -> None:
        """The commit returned (``committed``) or failed: end the write now rather than when ``writing``'s
        block is left (a task's next step, which waits for a busy event loop), so a load waiting for the
        server to be ``quiet`` gets the gap before the next commit. Once only; ``writing`` then does
        nothing more."""
        if self.ended:
            return
        self.ended = True
        self._boards._end_write(self.members)
        if committed:
            if self.stored:
                self._boards._add(self.stored)
        elif self.stored is not None:
            self._boards.changed(self.members)


class LiveBoards:
    """The boards this process keeps, by server and board key; see the module's docstring."""

    def __init__(
        self,
        keys_of: KeysOf,
        *,
        fresh_for: float = FRESH_SECONDS,
        stale_for: float = STALE_SECONDS,
        max_rows: int = MAX_ROWS,
        max_board_rows: int = MAX_BOARD_ROWS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.keys_of = keys_of
        self.fresh_for = fresh_for
        self.stale_for = stale_for
        self.max_rows = max_rows
        self.max_board_rows = max_board_rows
        self.monotonic = monotonic
        self._boards: dict[tuple[int, Hashable], Board] = {}
        self._per_guild: dict[int, int] = {}
        self._rows = 0
        self._epoch: dict[int, int] = {}
        self._writes: dict[int, list[set[int]]] = {}
        self._loads: dict[int, list[Load]] = {}
        #: Set once no commit of the server is in progress (``quiet``), by server.
        self._quiet: dict[int, asyncio.Event] = {}
        #: Reads answered from memory, and reads that waited on the database.
        self.hits = 0
        self.misses = 0

    def get(self, guild_id: int, key: Hashable) -> tuple[Board | None, State]:
        """The kept board and how old it is (``EXPIRED`` when there is none)."""
        board = self._boards.get((guild_id, key))
        if board is None:
            return None, State.EXPIRED
        age = self.monotonic() - board.loaded_at
        if age < self.fresh_for:
            return board, State.FRESH
        if age < self.stale_for:
            return board, State.STALE
        return board, State.EXPIRED

    def start_load(self, guild_id: int, key: Hashable) -> Load:
        """Note a load of a board starting now; end it with ``finish_load`` or ``abandon``."""
        return self._watched(Load(guild_id, key, self._epoch.get(guild_id, 0), self.monotonic()))

    def _watched(self, load: Load) -> Load:
        """``load`` noted as running: the members of the commits in progress are touched already, and
        those of every commit from now on until it is finished or abandoned."""
        for members in self._writes.get(load.guild_id, ()):
            load.touched |= members
        self._loads.setdefault(load.guild_id, []).append(load)
        return load

    def recheck(self, load: Load) -> tuple[set[int], Load]:
        """The members whose rows ``load`` may have read before or after a commit (``load.touched``), and
        the load that goes on in its place: the same board, start and reset epoch, watching the commits
        from now on (those in progress included) while those members are read again. No commit falls
        between the two, so members read again after it and the new load's ``touched`` cover every
        commit since the first load started."""
        fresh = self._watched(Load(load.guild_id, load.key, load.epoch, load.started_at))
        self.abandon(load)
        return load.touched, fresh

    async def quiet(self, guild_id: int) -> None:
        """Return once no commit of this server's answers is in progress (between a transaction's last
        statement and its commit's return): at once when none is."""
        while self._writes.get(guild_id):
            event = self._quiet.get(guild_id)
            if event is None:
                event = self._quiet[guild_id] = asyncio.Event()
            await event.wait()

    def abandon(self, load: Load) -> None:
        """The load failed: forget it."""
        loads = self._loads.get(load.guild_id, [])
        if load in loads:
            loads.remove(load)
            if not loads:
                del self._loads[load.guild_id]

    def finish_load(self, load: Load, rows: Iterable[Row] | Board) -> Board:
        """The board as loaded (merged with this process's writes it overlapped); kept if it can be.

        ``rows``: the members' rows in any order, or a ``Board`` built from them (taken as it is, its
        ``loaded_at`` set to the load's start)."""
        self.abandon(load)
        ident = (load.guild_id, load.key)
        old = self._boards.get(ident)
        if isinstance(rows, Board):
            board = rows
            board.loaded_at = load.started_at
        else:
            board = Board(rows, load.started_at)
        if load.touched and old is not None:
            for member_id in load.touched:
                board.set(member_id, old.totals.get(member_id))
        if self._epoch.get(load.guild_id, 0) != load.epoch or (load.touched and old is None):
            return board  # raced a reset or a write it may or may not have seen: answer once, keep nothing
        if old is not None:
            self._forget(ident)
        if len(board) <= self.max_board_rows:
            self._boards[ident] = board
            self._per_guild[load.guild_id] = self._per_guild.get(load.guild_id, 0) + 1
            self._rows += len(board)
            while self._rows > self.max_rows and len(self._boards) > 1:
                self._forget(next(iter(self._boards)))
        return board

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[Write]:
        """Around a transaction of answers, which commits on leaving it (enter this first).

        The transaction's last statement hands what it stored to ``Write.committed``; once the
        transaction commits, that is added to the kept boards. From ``committed`` until then, a load
        of the same server cannot tell whether it saw those answers (``finish_load``). If the commit
        raises, whether it happened is unknown, so its servers' boards are dropped; an error before
        ``committed`` rolled everything back and leaves the boards as they are.
        """
        write = Write(self)
        try:
            yield write
        except BaseException:
            write.landed(False)
            raise
        write.landed(True)

    def _committing(self, members: dict[int, set[int]]) -> None:
        for guild_id, ids in members.items():
            self._writes.setdefault(guild_id, []).append(ids)
            for load in self._loads.get(guild_id, ()):
                load.touched |= ids

    def changed(self, guild_ids: Iterable[int]) -> None:
        """These servers' totals changed other than by adding answers (a reset, a deletion): drop their
        boards, and keep no load that was running meanwhile."""
        for guild_id in set(guild_ids):
            self._epoch[guild_id] = self._epoch.get(guild_id, 0) + 1
            if self._per_guild.get(guild_id):
                for ident in [i for i in self._boards if i[0] == guild_id]:
                    self._forget(ident)

    def _end_write(self, members: dict[int, set[int]]) -> None:
        for guild_id, ids in members.items():
            writes = self._writes[guild_id]
            writes.remove(ids)
            if not writes:
                del self._writes[guild_id]
                event = self._quiet.pop(guild_id, None)
                if event is not None:
                    event.set()

    def _add(self, stored: Sequence[Answer]) -> None:
        # added up per server, topic, day and member first: the boards' keys are worked out once per
        # server, topic and day, and each board moves once per member (about 6 us an answer, not 28)
        groups: dict[tuple[int, str, date], dict[int, list[int]]] = {}
        for answer in stored:
            if not self._per_guild.get(answer.guild_id):
                continue  # no board of this server is kept
            moment = answer.answered_at
            day = (moment if moment.tzinfo is UTC else moment.astimezone(UTC)).date()
            members = groups.setdefault((answer.guild_id, answer.topic, day), {})
            found = members.get(answer.member_id)
            if found is None:
                members[answer.member_id] = [answer.points, 1, 1 if answer.correct else 0]
            else:
                found[0] += answer.points
                found[1] += 1
                found[2] += 1 if answer.correct else 0
        sums: dict[tuple[int, Hashable], dict[int, list[int]]] = {}
        for (guild_id, topic, day), members in groups.items():
            for key in self.keys_of(guild_id, topic, day):
                ident = (guild_id, key)
                if ident not in self._boards:
                    continue
                board_sums = sums.setdefault(ident, {})
                for member_id, (points, answered, correct) in members.items():
                    found = board_sums.get(member_id)
                    if found is None:
                        board_sums[member_id] = [points, answered, correct]
                    else:
                        found[0] += points
                        found[1] += answered
                        found[2] += correct
        for ident, board_sums in sums.items():
            board = self._boards[ident]
            before = len(board)
            for member_id, (points, answered, correct) in board_sums.items():
                board.add(member_id, points, answered, correct)
            self._rows += len(board) - before

    def _forget(self, ident: tuple[int, Hashable]) -> None:
        board = self._boards.pop(ident)
        self._rows -= len(board)
        self._per_guild[ident[0]] -= 1
        if not self._per_guild[ident[0]]:
            del self._per_guild[ident[0]]
