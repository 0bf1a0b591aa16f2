"""Group commit of quiz answers: one writer per process stores every round's answers in batches.

Rounds hand their scored answers to ``AnswerWriter.write`` and wait. One task takes everything queued
so far and stores it in one transaction (answers, every total and the flashcards, through
``store.rounds.record_answers``); what arrives meanwhile waits for the next transaction. At low load a batch
is one answer and costs one transaction, as before; under load one transaction carries hundreds, so
the database's per-commit cost (and the event loop's) is shared. ``write`` returns only once its
answers are committed, so a point announced after it survives a ``kill -9``.

Answers that announce nothing (wrong tries) are handed over with ``AnswerWriter.defer`` instead: nobody
waits for them, so a won answer's commit does not wait behind them. Each batch takes every won answer
queued, the deferred answers of the same members (a member's answers are always written in the order
they were given: streaks and flashcards depend on it) and fills the rest of the batch with the oldest
deferred answers, where several answers of one member add up to one row per total.

``AnswerWriter.attached(store)`` (the bot's writer) does the transactions in a child process
(``bot.quiz.writer_process``) when the database can be opened by another process: the event loop then
only hands the batch over and waits, and the database work runs on another core without the GIL.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.quiz.writer_process import ProcessCommitter
from bot.review.quiz import review_quiz_answers_in
from bot.storage import AnswerRecord, Store, database_unavailable
from bot.wording import plural

log = logging.getLogger(__name__)

#: Answers per transaction at most (a bigger queue is written in several). Under more load than the
#: writer can store, a smaller batch lets a won answer through sooner (its round asks nothing until it is
#: committed) but shares each commit among fewer answers: at 120 the 1,000-round benchmark checked
#: 18,100-20,000 answers a second against 14,700-16,800 at 500, while the database took 4,200-7,300 of
#: them a second against 5,700-9,000 (the rest waiting in the writer's backlog, which reached its cap
#: within the 3.5 s window). What the writer sustains is what counts, so 500.
MAX_BATCH = 500
#: How long closing waits for a cancelled transaction to end, in seconds: a database that no longer
#: answers (a lock never released, a server gone quiet) must not hold a shutdown up.
CANCEL_WAIT_SECONDS = 2.0
#: Deferred answers waiting at most before ``room`` holds rounds back (about 200 bytes each).
MAX_DEFERRED = 50_000


class WriterClosedError(RuntimeError):
    """The writer was closed before these answers could be written."""


@dataclass(slots=True)
class _Pending:
    """One ``write`` call: its answers and the one future its caller waits on."""

    records: Sequence[AnswerRecord]
    done: asyncio.Future[list[bool]]
    seq: int = 0  # the order of its first answer among every answer handed to the writer


@dataclass(slots=True, eq=False)
class _Later:
    """One ``defer`` call: its answers not committed yet, and the future settled once all are."""

    left: int
    done: asyncio.Future[None]


#: A deferred answer: its order among every answer handed over, the answer, and its ``defer`` call.
_Deferred = tuple[int, AnswerRecord, _Later]


@dataclass(slots=True)
class _Batch:
    """What one transaction writes: the waited-for calls, the deferred answers, all in order."""

    waited: list[_Pending]
    deferred: list[_Deferred]
    records: list[AnswerRecord] = field(default_factory=list)
    #: per record: its waited-for call and position in it, or its deferred call
    owners: list[_Pending | _Later] = field(default_factory=list)


@dataclass(slots=True)
class WriterStats:
    """What the writer did: transactions, answers, and the largest batch."""

    batches: int = 0
    answers: int = 0
    largest: int = 0
    seconds: float = 0.0  # wall time spent inside transactions, summed per batch (two may overlap)


class AnswerWriter:
    """Stores quiz answers for every round of a process, one batch per transaction."""

    def __init__(
        self, store: Store, *, max_batch: int = MAX_BATCH, process: ProcessCommitter | None = None
    ) -> None:
        self.store = store
        self.max_batch = max_batch
        #: The child process that runs the transactions (None: this process runs them).
        self.process = process
        self.stats = WriterStats()
        self._queue: list[_Pending] = []
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        #: The batches being written, by their task (in a child process: one committing, the next one
        #: being stored meanwhile)
        self._flights: dict[asyncio.Task[None], _Batch] = {}
        self._closed = False
        self._seq = 0
        #: deferred answers by member, each member's in the order given; members in the order they came
        self._later: dict[int, deque[_Deferred]] = {}
        self._later_count = 0
        self._room = asyncio.Event()
        self._room.set()

    @classmethod
    def attached(cls, store: Store, *, max_batch: int = MAX_BATCH) -> AnswerWriter:
        """The writer the quiz uses: its transactions in a child process, unless the database is an
        in-memory SQLite one (which no other process can open)."""
        url = store.engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            return cls(store, max_batch=max_batch)
        return cls(store, max_batch=max_batch, process=ProcessCommitter(url.render_as_string(False)))

    def start(self) -> None:
        """Start the child process now if there is one and it is not running (the first write does it
        anyway): a round calls this as it starts, so the child is ready by its first answer."""
        if self.process is not None and not self.process.alive and not self._closed:
            self.process.start()

    @property
    def queued(self) -> int:
        """Answers waiting for a transaction (not counting the ones being written)."""
        return sum(len(p.records) for p in self._queue) + self._later_count

    @property
    def deferred(self) -> int:
        """Deferred answers waiting for a transaction."""
        return self._later_count

    async def room(self) -> None:
        """Return once at most ``MAX_DEFERRED`` deferred answers wait: a round calls this before its next
        question, so a writer that cannot keep up slows the rounds instead of queueing without end."""
        if self._later_count > MAX_DEFERRED:
            await self._room.wait()

    def defer(self, records: Sequence[AnswerRecord]) -> asyncio.Future[None]:
        """Hand ``records`` over to be written without waiting for their commit: for answers that
        announce nothing (wrong tries). The future returned is settled once all of them are committed
        (or fails with the error of their batch, as ``write`` does); nobody has to await it."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._closed:
            future.set_exception(WriterClosedError("the answer writer is closed"))
            future.exception()
            return future
        if not records:
            future.set_result(None)
            return future
        later = _Later(len(records), future)
        seq = self._seq
        by_member = self._later
        for record in records:
            member = record.member_id
            mine = by_member.get(member)
            if mine is None:
                mine = by_member[member] = deque()
            mine.append((seq, record, later))
            seq += 1
        self._seq = seq
        self._later_count += len(records)
        if self._later_count > MAX_DEFERRED:
            self._room.clear()
        self._kick()
        return future

    async def write(self, records: Sequence[AnswerRecord]) -> list[bool]:
        """Store ``records`` and return once they are committed: per record, True if new, False if it was
        already stored.

        Raises the database's error when their batch could not be written (``database_unavailable``
        tells a lost connection or a read-only file from a bug), and ``WriterClosedError`` after
        ``close``. Cancelling the caller does not withdraw the records: they are still written.
        """
        if self._closed:
            raise WriterClosedError("the answer writer is closed")
        if not records:
            return []
        # one future per call, not per answer: a round's answers are settled together, and a gather over
        # one future each cost the loop a callback per answer
        pending = _Pending(tuple(records), asyncio.get_running_loop().create_future(), self._seq)
        self._seq += len(records)
        self._queue.append(pending)
        self._kick()
        # a cancelled caller (a stopped round) cancels only its wait: the answers are written all the same
        return await asyncio.shield(pending.done)

    def _kick(self) -> None:
        self._idle.clear()
        self._wake.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="answer-writer")

    async def flush(self) -> None:
        """Wait until everything queued so far is written (or failed)."""
        if self._task is not None and not self._task.done():
            await self._idle.wait()

    async def close(self, within: float = 5.0) -> int:
        """Write what is queued within ``within`` seconds, then stop; returns the answers left unwritten.

        Shutdown is bounded: what is not committed by then fails with ``WriterClosedError`` (and its
        points were never announced, since ``write`` had not returned).
        """
        self._closed = True
        try:
            await asyncio.wait_for(self.flush(), within)
        except TimeoutError:
            log.warning("answer writer: %s not written within %.1f s", plural(self.queued, "answer"), within)
        left = self.queued
        tasks = set(self._flights)
        if self._task is not None:
            tasks.add(self._task)
        for task in tasks:
            task.cancel()
        if tasks:
            # the driver may finish its statement before it sees the cancel; closing does not wait for that
            await asyncio.wait(tasks, timeout=CANCEL_WAIT_SECONDS)
        for batch in self._flights.values():
            self._fail_batch(batch, WriterClosedError("the bot stopped while these answers were written"))
        self._fail(self._queue, WriterClosedError("the bot stopped before these answers were written"))
        self._queue = []
        left_over = [d for mine in self._later.values() for d in mine]
        self._later = {}
        self._later_count = 0
        self._room.set()
        self._fail_deferred(left_over, WriterClosedError("the bot stopped before these answers were written"))
        self._idle.set()
        if self.process is not None:
            await self.process.close(within=CANCEL_WAIT_SECONDS)
        return left

    async def _run(self) -> None:
        while True:
            if not self._queue and not self._later_count:
                if not self._flights:
                    self._idle.set()
                self._wake.clear()
                await self._wake.wait()
                continue
            batch = self._take()
            # the next batch is taken once this one is sent and the child has room for one more (it then
            # starts it right after this one's commit); here, in this process, once it is over
            ready = asyncio.Event()
            flight = asyncio.create_task(self._write(batch, ready), name="answer-writer-batch")
            self._flights[flight] = batch
            flight.add_done_callback(self._landed)
            try:
                await ready.wait()
            except asyncio.CancelledError:
                flight.cancel()
                raise

    def _take(self) -> _Batch:
        """The next batch: whole write calls up to max_batch answers (a bigger call alone), the deferred
        answers of their members, then the oldest deferred answers up to max_batch. Every member's answers
        in it are the oldest of theirs not written yet, so no member's answers are written out of order."""
        size = taken = 0
        for pending in self._queue:
            if size and size + len(pending.records) > self.max_batch:
                break
            size += len(pending.records)
            taken += 1
        waited, self._queue = self._queue[:taken], self._queue[taken:]
        # deferred answers given after a waited-for call left in the queue wait for a later batch
        cutoff = self._queue[0].seq if self._queue else math.inf
        deferred: list[_Deferred] = []
        by_member = self._later
        if by_member:
            for pending in waited:
                for record in pending.records:
                    mine = by_member.get(record.member_id)
                    if mine is not None:
                        self._take_from(record.member_id, mine, cutoff, len(mine), deferred)
            room = self.max_batch - size - len(deferred)
            for member in list(by_member):
                if room <= 0:
                    break
                mine = by_member[member]
                room -= self._take_from(member, mine, cutoff, room, deferred)
        self._later_count -= len(deferred)
        if self._later_count <= MAX_DEFERRED:
            self._room.set()
        batch = _Batch(waited, deferred)
        items: list[tuple[int, AnswerRecord, _Pending | _Later]] = [
            (seq, record, later) for seq, record, later in deferred
        ]
        for pending in waited:
            items.extend((pending.seq + i, r, pending) for i, r in enumerate(pending.records))
        if deferred:
            items.sort(key=lambda item: item[0])
        batch.records = [record for _, record, _ in items]
        batch.owners = [owner for _, _, owner in items]
        return batch

    def _take_from(
        self, member: int, mine: deque[_Deferred], cutoff: float, most: int, into: list[_Deferred]
    ) -> int:
        """Move up to ``most`` of a member's oldest deferred answers given before ``cutoff`` into ``into``."""
        n = 0
        while mine and n < most and mine[0][0] < cutoff:
            into.append(mine.popleft())
            n += 1
        if not mine:
            del self._later[member]
        return n

    def _landed(self, flight: asyncio.Task[None]) -> None:
        """A batch's task ended: idle once nothing else is queued or in flight.

        Its task settles its callers' futures, except when it was cancelled before it ever ran (a
        shutdown cancelling the writer's tasks right after the batch was taken from the queue) or while
        it wrote the answers one by one: those callers are told here that the answers were not written
        (never left waiting for a commit that will not come)."""
        batch = self._flights.pop(flight, None)
        if flight.cancelled():
            if batch is not None:
                self._fail_batch(
                    batch, WriterClosedError("the bot stopped before these answers were written")
                )
        elif (error := flight.exception()) is not None:
            log.error("answer writer: a batch failed unexpectedly", exc_info=error)
            if batch is not None:
                self._fail_batch(batch, error)
        if not self._flights and not self._queue and not self._later_count:
            self._idle.set()

    async def _commit(
        self, records: Sequence[AnswerRecord], ready: asyncio.Event | None = None
    ) -> list[bool]:
        started = time.perf_counter()
        try:
            if self.process is None:
                return await self.store.rounds.record_answers(records, also=review_quiz_answers_in)
            if not self.process.alive:
                self.process.start()  # first use, or after the child died (its batch failed: retried now)
            return await self.process.commit(records, self.store.boards, ready)
        finally:
            if ready is not None:
                ready.set()
            self.stats.seconds += time.perf_counter() - started

    async def _write(self, batch: _Batch, ready: asyncio.Event) -> None:
        records = batch.records
        try:
            try:
                flags = await self._commit(records, ready)
            except asyncio.CancelledError:
                self._fail_batch(batch, WriterClosedError("the bot stopped while these answers were written"))
                raise
        except Exception as exc:
            if database_unavailable(exc) or len(records) == 1:
                self._fail_batch(batch, exc)
                return
            # not the database being away: write one by one so one bad answer cannot sink the others
            log.exception("a batch of %d answers failed; writing them one by one", len(records))
            for pending in batch.waited:
                await self._one_by_one(pending)
            for item in batch.deferred:
                await self._deferred_alone(item)
            return
        self._count(len(records))
        if not batch.deferred:
            at = 0
            for pending in batch.waited:
                n = len(pending.records)
                if not pending.done.done():
                    pending.done.set_result(flags[at : at + n])
                at += n
            return
        got: dict[int, list[bool]] = {id(p): [] for p in batch.waited}
        for owner, flag in zip(batch.owners, flags, strict=True):
            if isinstance(owner, _Later):
                owner.left -= 1
                if not owner.left and not owner.done.done():
                    owner.done.set_result(None)
            else:
                got[id(owner)].append(flag)
        for pending in batch.waited:
            if not pending.done.done():
                pending.done.set_result(got[id(pending)])

    async def _deferred_alone(self, item: _Deferred) -> None:
        _, record, later = item
        try:
            await self._commit([record])
        except Exception as exc:
            self._fail_deferred([item], exc)
            return
        self._count(1)
        later.left -= 1
        if not later.left and not later.done.done():
            later.done.set_result(None)

    async def _one_by_one(self, pending: _Pending) -> None:
        flags: list[bool] = []
        for record in pending.records:
            try:
                flags += await self._commit([record])
            except Exception as exc:
                self._fail([pending], exc)
                return
            self._count(1)
        if not pending.done.done():
            pending.done.set_result(flags)

    def _count(self, answers: int) -> None:
        self.stats.batches += 1
        self.stats.answers += answers
        self.stats.largest = max(self.stats.largest, answers)

    def _fail_batch(self, batch: _Batch, error: BaseException) -> None:
        self._fail(batch.waited, error)
        self._fail_deferred(batch.deferred, error)

    @staticmethod
    def _fail_deferred(items: Sequence[_Deferred], error: BaseException) -> None:
        for _, _, later in items:
            if not later.done.done():
                later.done.set_exception(error)
                later.done.exception()  # nobody may be waiting: don't log "never retrieved"

    @staticmethod
    def _fail(batch: Sequence[_Pending], error: BaseException) -> None:
        for pending in batch:
            if not pending.done.done():
                pending.done.set_exception(error)
                # nobody may be waiting any more (a cancelled caller): don't log "never retrieved"
                pending.done.exception()
