"""The quiz writer's database work in a process of its own, fed batches through a pipe.

Storing a batch of answers is mostly Python work under the GIL (the driver's parameters, the totals
added up per key, a flashcard review per answer), so done in the bot's process it competes with the
event loop for one interpreter: the two threads take turns, the loop waits out each turn (its lag), and
the machine's other core idles. Here a child process opens its own connection to the same database and
runs ``store.rounds.record_answers`` (answers, every total and the flashcards in one transaction); the
bot's process only pickles the batch's values and waits for the acknowledgement, which is sent after the
commit. So a point announced once ``commit`` returned survives a ``kill -9`` of either process.

Protocol, per batch: the parent sends a list of answer tuples (``AnswerRecord``'s fields in order); the
child stores them and, before its commit, sends ``("stored", positions)`` (the answers stored now: the
others were stored before); the parent marks them as being written in its kept leaderboards and sends
``True`` (commit); the child commits and sends ``("ok", flags)``. A failure is
``("unavailable" | "failed", text)`` instead, at either step; anything but ``True`` at the commit step
(``None``, or the parent's end closing) rolls the batch back. ``None`` (or the parent's end closing)
stops the child. The parent sends the next batch as soon as this one is sent (``IN_FLIGHT`` unanswered at
most), not after its ``True``: a batch that arrives while the child waits for a confirmation is kept and
started right after the commit, so the child never waits for the bot's busy event loop between batches,
only for the one confirmation within each. The replies of the batches come in the order they were sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

from bot.review.quiz import review_quiz_answers_in
from bot.storage import AnswerRecord, DatabaseUnavailable, Store, database_unavailable
from bot.storage.board_cache import LiveBoards, Write

log = logging.getLogger(__name__)

#: The child's process name (``multiprocessing``'s; tests look for leftovers by it).
PROCESS_NAME = "studybot-answer-writer"
#: The log format when this process's root logger has none to copy.
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
#: Seconds ``close`` waits for the child to finish its transaction and exit before it kills it.
STOP_SECONDS = 5.0
#: Batches sent to the child and not answered yet, at most: one being stored, the next waiting in the
#: pipe (a 500-answer batch is about 24 KB pickled: a socket pair's buffer holds it without blocking).
IN_FLIGHT = 2


class WriterProcessError(RuntimeError):
    """The writer process could not store a batch for a reason other than the database being away."""


def _as_tuple(r: AnswerRecord) -> tuple[Any, ...]:
    return (
        r.round_id,
        r.question_index,
        r.guild_id,
        r.channel_id,
        r.member_id,
        r.term,
        r.topic,
        r.correct,
        r.points,
        r.ms,
        r.answered_at,
    )


class ProcessCommitter:
    """Commits batches of answers in a child process (``start`` it first, ``close`` it at the end).

    ``url`` is the database's full URL (with its password); it must name a database another process
    can open (not SQLite's ``:memory:``).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: Connection | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._lock = asyncio.Lock()
        #: Batches sent and not acknowledged yet, oldest first (the child's replies come in this order).
        self._flights: deque[_Flight] = deque()

    @property
    def alive(self) -> bool:
        """Whether the child process runs."""
        return self._process is not None and self._process.is_alive()

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self.alive and self._process is not None else None

    def start(self) -> None:
        """Start the child process (spawned: nothing of this process's threads or loop is copied)."""
        if self._conn is not None:  # a child that died
            self._end_flights(self._conn, EOFError("the answer writer process stopped"))
            self._conn.close()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=serve, args=(self.url, child, *_logging_of_this_process()), name=PROCESS_NAME, daemon=True
        )
        process.start()
        child.close()
        self._conn, self._process = parent, process

    async def commit(
        self, records: Sequence[AnswerRecord], boards: LiveBoards, ready: asyncio.Event | None = None
    ) -> list[bool]:
        """Store ``records`` (answers, totals, flashcards) in one transaction of the child; per record, True
        when stored now. The answers stored are added to ``boards`` (this process's kept leaderboards) as
        ``record_answers`` adds them: marked as being written from the child's last statement until its
        commit is acknowledged. Raises ``DatabaseUnavailable`` when the database is away (or the child
        died), ``WriterProcessError`` for any other failure (nothing of the batch was stored then).

        ``ready`` is set once the batch is sent and fewer than ``IN_FLIGHT`` are unanswered (or once the
        batch failed): the next batch may be sent from then on, and the child starts it as soon as this
        one commits, without waiting for the bot's event loop in between. (Set any earlier, the next
        batch would be taken from the queue at once and be small.) Batches are stored in the order sent.
        """
        loop = asyncio.get_running_loop()
        async with boards.writing() as write:
            try:
                async with self._lock:  # batches sent one at a time, in order
                    while len(self._flights) >= IN_FLIGHT:
                        await asyncio.wait([self._flights[0].done])
                    if self._conn is None or not self.alive:
                        raise DatabaseUnavailable(
                            WriterProcessError("the answer writer process is not running")
                        )
                    conn = self._conn
                    flight = _Flight(records, write, loop.create_future())
                    if not self._flights:
                        loop.add_reader(conn.fileno(), self._readable, conn)
                    self._flights.append(flight)
                    try:
                        conn.send([_as_tuple(r) for r in records])
                    except OSError as exc:
                        self._end_flights(conn, exc)
            finally:
                if ready is not None:
                    if len(self._flights) >= IN_FLIGHT:  # the next batch once one is answered
                        self._flights[0].done.add_done_callback(lambda _: ready.set())
                    else:
                        ready.set()
            try:
                kind, value = await asyncio.shield(flight.done)
            except (EOFError, OSError) as exc:
                raise DatabaseUnavailable(WriterProcessError("the answer writer process stopped")) from exc
            return self._outcome(kind, value)

    def _readable(self, conn: Connection) -> None:
        """The child's next message, for the oldest batch in flight (the child stores them in order).

        The child waits for the confirmation with its transaction open: answered right here, in the
        reader's callback, not a loop iteration later when the batch's task would wake."""
        if not self._flights:
            return
        try:
            kind, value = conn.recv()
            flight = self._flights[0]
            if kind == "stored":
                flight.write.committed([flight.records[i] for i in value])
                conn.send(True)
                return
        except (EOFError, OSError) as exc:
            self._end_flights(conn, exc)
            return
        self._flights.popleft()
        flight.write.landed(kind == "ok")  # the kept boards move now, not when the batch's task wakes
        if not flight.done.done():
            flight.done.set_result((kind, value))
        if not self._flights:
            asyncio.get_running_loop().remove_reader(conn.fileno())

    def _end_flights(self, conn: Connection, error: BaseException) -> None:
        """The pipe broke: every batch in flight fails with ``error`` (whether it committed is unknown)."""
        flights, self._flights = self._flights, deque()
        if flights:  # (so there is a running loop: they were sent from it)
            with contextlib.suppress(OSError, ValueError):  # an fd already closed
                asyncio.get_running_loop().remove_reader(conn.fileno())
        for flight in flights:
            if not flight.done.done():
                flight.done.set_exception(error)
                flight.done.exception()  # its caller may be gone (cancelled): no "never retrieved"

    @staticmethod
    def _outcome(kind: str, value: Any) -> list[bool]:
        if kind == "ok":
            return list(value)
        if kind == "unavailable":
            raise DatabaseUnavailable(WriterProcessError(value))
        raise WriterProcessError(value)

    async def close(self, within: float = STOP_SECONDS) -> None:
        """Stop the child once its current transaction is over (killed after ``within`` seconds)."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is None or process is None:
            return
        self._end_flights(conn, EOFError("the answer writer process was closed"))
        with contextlib.suppress(OSError):  # a child already gone
            conn.send(None)
        await asyncio.to_thread(process.join, within)
        if process.is_alive():
            log.warning("answer writer process did not stop within %.1f s; killed", within)
            process.kill()
            await asyncio.to_thread(process.join, within)
        conn.close()


@dataclass(slots=True)
class _Flight:
    """A batch sent to the child: its answers, its kept-boards write, and its final reply to come."""

    records: Sequence[AnswerRecord]
    write: Write
    done: asyncio.Future[tuple[str, Any]]


class _Aborted(Exception):
    """The parent did not confirm the commit (it stopped, or its end of the pipe closed)."""


def _logging_of_this_process() -> tuple[int, str]:
    """The root logger's level and its first handler's format: the child logs to stderr as we do."""
    root = logging.getLogger()
    for handler in root.handlers:
        if handler.formatter is not None and handler.formatter._fmt:
            return root.getEffectiveLevel(), handler.formatter._fmt
    return root.getEffectiveLevel(), LOG_FORMAT


def serve(url: str, conn: Connection, level: int = logging.WARNING, fmt: str = LOG_FORMAT) -> None:
    """The child process: store each batch received, answer after its commit, stop at ``None`` or EOF.

    Logs to stderr at ``level`` in ``fmt`` (the bot's settings), Alembic's start-up lines only at DEBUG.
    """
    logging.basicConfig(level=level, format=fmt, stream=sys.stderr)
    if level > logging.DEBUG:
        logging.getLogger("alembic").setLevel(logging.WARNING)

    waiting: deque[Any] = deque()  # batches that came while a confirmation was awaited, oldest first

    async def confirm(records: Sequence[AnswerRecord], db: Any, stored: Sequence[AnswerRecord]) -> None:
        # last in the transaction: the flashcards, then the parent marks what commits next
        await review_quiz_answers_in(db, stored)
        position = {id(r): i for i, r in enumerate(records)}
        conn.send(("stored", [position[id(r)] for r in stored]))
        reply = conn.recv()
        while isinstance(reply, list):  # the next batch, sent before this confirmation: kept for later
            waiting.append(reply)
            reply = conn.recv()
        if reply is not True:
            raise _Aborted

    with asyncio.Runner() as runner:
        store = runner.run(Store.open(url))
        try:
            while True:
                try:
                    message = waiting.popleft() if waiting else conn.recv()
                except (EOFError, OSError):
                    return  # the bot's process is gone: nothing waits for an answer any more
                if message is None:
                    return
                records = [AnswerRecord(*values) for values in message]
                try:
                    flags = runner.run(store.rounds.record_answers(records, also=partial(confirm, records)))
                except (_Aborted, EOFError):
                    return  # rolled back: the parent stopped before it confirmed
                except Exception as exc:
                    kind = "unavailable" if database_unavailable(exc) else "failed"
                    if kind == "failed":
                        log.exception("a batch of %d answers failed", len(records))
                    reply: tuple[str, Any] = (kind, f"{exc.__class__.__name__}: {exc}")
                else:
                    reply = ("ok", flags)
                try:
                    conn.send(reply)
                except OSError:
                    return
        finally:
            runner.run(store.close())
