"""Group commit of quiz answers: one writer per process stores every round's answers in batches.

Rounds hand their scored answers to ``AnswerWriter.write`` and wait. One task takes everything queued
so far and stores it in one transaction (answers, every total and the flashcards, through
``store.rounds.record_answers``); what arrives meanwhile waits for the next transaction. At low load a batch
is one answer and costs one transaction, as before; under load one transaction carries hundreds, so
the database's per-commit cost (and the event loop's) is shared. ``write`` returns only once its
answers are committed, so a point announced after it survives a ``kill -9``.

``AnswerWriter.attached(store)`` (the bot's writer) does the transactions in a child process
(``bot.quiz.writer_process``) when the database can be opened by another process: the event loop then
only hands the batch over and waits, and the database work runs on another core without the GIL.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bot.quiz.writer_process import ProcessCommitter
from bot.review.quiz import review_quiz_answers_in
from bot.storage import AnswerRecord, Store, database_unavailable
from bot.wording import plural

log = logging.getLogger(__name__)

#: Answers per transaction at most (a bigger queue is written in several): the event loop's share of
#: a batch (parameters, totals, flashcards) stays a few milliseconds between its awaits.
MAX_BATCH = 500
#: How long closing waits for a cancelled transaction to end, in seconds: a database that no longer
#: answers (a lock never released, a server gone quiet) must not hold a shutdown up.
CANCEL_WAIT_SECONDS = 2.0


class WriterClosedError(RuntimeError):
    """The writer was closed before these answers could be written."""


@dataclass(slots=True)
class _Pending:
    """One ``write`` call: its answers and the one future its caller waits on."""

    records: Sequence[AnswerRecord]
    done: asyncio.Future[list[bool]]


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
        self._flights: dict[asyncio.Task[None], list[_Pending]] = {}
        self._closed = False

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
        return sum(len(p.records) for p in self._queue)

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
        pending = _Pending(tuple(records), asyncio.get_running_loop().create_future())
        self._queue.append(pending)
        self._idle.clear()
        self._wake.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="answer-writer")
        # a cancelled caller (a stopped round) cancels only its wait: the answers are written all the same
        return await asyncio.shield(pending.done)

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
            self._fail(batch, WriterClosedError("the bot stopped while these answers were written"))
        self._fail(self._queue, WriterClosedError("the bot stopped before these answers were written"))
        self._queue = []
        self._idle.set()
        if self.process is not None:
            await self.process.close(within=CANCEL_WAIT_SECONDS)
        return left

    async def _run(self) -> None:
        while True:
            if not self._queue:
                if not self._flights:
                    self._idle.set()
                self._wake.clear()
                await self._wake.wait()
                continue
            # whole write calls up to max_batch answers (a bigger call alone)
            size = taken = 0
            for pending in self._queue:
                if size and size + len(pending.records) > self.max_batch:
                    break
                size += len(pending.records)
                taken += 1
            batch, self._queue = self._queue[:taken], self._queue[taken:]
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

    def _landed(self, flight: asyncio.Task[None]) -> None:
        """A batch's task ended: idle once nothing else is queued or in flight.

        Its task settles its callers' futures, except when it was cancelled before it ever ran (a
        shutdown cancelling the writer's tasks right after the batch was taken from the queue) or while
        it wrote the answers one by one: those callers are told here that the answers were not written
        (never left waiting for a commit that will not come)."""
        batch = self._flights.pop(flight, None)
        if flight.cancelled():
            if batch is not None:
                self._fail(batch, WriterClosedError("the bot stopped before these answers were written"))
        elif (error := flight.exception()) is not None:
            log.error("answer writer: a batch failed unexpectedly", exc_info=error)
            if batch is not None:
                self._fail(batch, error)
        if not self._flights and not self._queue:
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

    async def _write(self, batch: list[_Pending], ready: asyncio.Event) -> None:
        records = [r for p in batch for r in p.records]
        try:
            try:
                flags = await self._commit(records, ready)
            except asyncio.CancelledError:
                self._fail(batch, WriterClosedError("the bot stopped while these answers were written"))
                raise
        except Exception as exc:
            if database_unavailable(exc) or len(records) == 1:
                self._fail(batch, exc)
                return
            # not the database being away: write one by one so one bad answer cannot sink the others
            log.exception("a batch of %d answers failed; writing them one by one", len(records))
            for pending in batch:
                await self._one_by_one(pending)
            return
        self._count(len(records))
        at = 0
        for pending in batch:
            n = len(pending.records)
            if not pending.done.done():
                pending.done.set_result(flags[at : at + n])
            at += n

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

    @staticmethod
    def _fail(batch: Sequence[_Pending], error: BaseException) -> None:
        for pending in batch:
            if not pending.done.done():
                pending.done.set_exception(error)
                # nobody may be waiting any more (a cancelled caller): don't log "never retrieved"
                pending.done.exception()
