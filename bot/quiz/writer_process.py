"""The quiz writer's database work in a process of its own, fed batches through a pipe.

Storing a batch of answers is mostly Python work under the GIL (the driver's parameters, the totals
added up per key, a flashcard review per answer), so done in the bot's process it competes with the
event loop for one interpreter: the two threads take turns, the loop waits out each turn (its lag), and
the machine's other core idles. Here a child process opens its own connection to the same database and
runs ``store.rounds.record_answers`` (answers, every total and the flashcards in one transaction); the
bot's process only pickles the batch's values and waits for the acknowledgement, which is sent after the
commit. So a point announced once ``commit`` returned survives a ``kill -9`` of either process.

Protocol, one message at a time each way, per batch: the parent sends a list of answer tuples
(``AnswerRecord``'s fields in order); the child stores them and, before its commit, sends
``("stored", positions)`` (the answers stored now: the others were stored before); the parent marks them
as being written in its kept leaderboards and sends ``True`` (commit); the child commits and sends
``("ok", flags)``. A failure is ``("unavailable" | "failed", text)`` instead, at either step; anything
but ``True`` at the commit step (``None``, or the parent's end closing) rolls the batch back. ``None``
(or the parent's end closing) stops the child.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import sys
from collections.abc import Sequence
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

from bot.review.quiz import review_quiz_answers_in
from bot.storage import AnswerRecord, DatabaseUnavailable, Store, database_unavailable
from bot.storage.board_cache import LiveBoards

log = logging.getLogger(__name__)

#: The child's process name (``multiprocessing``'s; tests look for leftovers by it).
PROCESS_NAME = "studybot-answer-writer"
#: The log format when this process's root logger has none to copy.
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
#: Seconds ``close`` waits for the child to finish its transaction and exit before it kills it.
STOP_SECONDS = 5.0


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
        if self._conn is not None:
            self._conn.close()  # a child that died
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=serve, args=(self.url, child, *_logging_of_this_process()), name=PROCESS_NAME, daemon=True
        )
        process.start()
        child.close()
        self._conn, self._process = parent, process

    async def commit(self, records: Sequence[AnswerRecord], boards: LiveBoards) -> list[bool]:
        """Store ``records`` (answers, totals, flashcards) in one transaction of the child; per record, True
        when stored now. The answers stored are added to ``boards`` (this process's kept leaderboards) as
        ``record_answers`` adds them: marked as being written from the child's last statement until its
        commit is acknowledged. Raises ``DatabaseUnavailable`` when the database is away (or the child
        died), ``WriterProcessError`` for any other failure (nothing of the batch was stored then)."""
        async with self._lock:  # one batch in the pipe at a time: its answers are the next messages
            if self._conn is None or not self.alive:
                raise DatabaseUnavailable(WriterProcessError("the answer writer process is not running"))
            conn = self._conn
            loop = asyncio.get_running_loop()
            done: asyncio.Future[tuple[str, Any]] = loop.create_future()
            fd = conn.fileno()
            async with boards.writing() as write:

                def readable() -> None:
                    # the child waits for the confirmation with its transaction open: answered right in
                    # the reader's callback, not a loop iteration later when this task would wake
                    if done.done():
                        return
                    try:
                        kind, value = conn.recv()
                        if kind == "stored":
                            write.committed([records[i] for i in value])
                            conn.send(True)
                            return
                        done.set_result((kind, value))
                    except (EOFError, OSError) as exc:
                        done.set_exception(exc)

                loop.add_reader(fd, readable)
                try:
                    conn.send([_as_tuple(r) for r in records])
                    kind, value = await done
                except (EOFError, OSError) as exc:
                    raise DatabaseUnavailable(
                        WriterProcessError("the answer writer process stopped")
                    ) from exc
                finally:
                    loop.remove_reader(fd)
                return self._outcome(kind, value)

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
        with contextlib.suppress(OSError):  # a child already gone
            conn.send(None)
        await asyncio.to_thread(process.join, within)
        if process.is_alive():
            log.warning("answer writer process did not stop within %.1f s; killed", within)
            process.kill()
            await asyncio.to_thread(process.join, within)
        conn.close()


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

    async def confirm(records: Sequence[AnswerRecord], db: Any, stored: Sequence[AnswerRecord]) -> None:
        # last in the transaction: the flashcards, then the parent marks what commits next
        await review_quiz_answers_in(db, stored)
        position = {id(r): i for i, r in enumerate(records)}
        conn.send(("stored", [position[id(r)] for r in stored]))
        if conn.recv() is not True:
            raise _Aborted

    with asyncio.Runner() as runner:
        store = runner.run(Store.open(url))
        try:
            while True:
                try:
                    message = conn.recv()
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
