"""Runs a ``QuizRound`` in time: asks, hints, closes, stores points and tells a presenter what happened.

The runner is the same for Discord (a cog's presenter renders embeds) and the console. It reads the
time from a ``Clock`` and waits with ``clock.sleep_until``, so tests drive it with a ``FakeClock``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol

from bot.clock import Clock
from bot.quiz.round import (
    HintShown,
    QuestionAsked,
    QuestionClosed,
    QuizRound,
    RoundFinished,
    ScoredAnswer,
    SubmitResult,
    SubmitStatus,
)
from bot.quiz.writer import AnswerWriter, WriterClosedError
from bot.review.quiz import review_quiz_answers_in
from bot.storage import AnswerRecord, RoundStatus, Store, database_unavailable
from bot.wording import plural

log = logging.getLogger(__name__)

#: Read once: an enum member read through its class costs a descriptor call on Python 3.11 (every answer).
_CORRECT = SubmitStatus.CORRECT


def _resolve(future: asyncio.Future[None]) -> None:
    """Complete ``future`` unless it already is (done or cancelled)."""
    if not future.done():
        future.set_result(None)


class RoundPresenter(Protocol):
    """Shows a round's events to the players."""

    async def asked(self, event: QuestionAsked) -> None:
        """A question was asked."""

    async def hinted(self, event: HintShown) -> None:
        """The hint of the open question is due."""

    async def closed(self, event: QuestionClosed) -> None:
        """A question ended."""

    async def finished(self, event: RoundFinished) -> None:
        """The round ended (finished or stopped)."""


def answer_record(scored: ScoredAnswer, *, round_id: int, guild_id: int, channel_id: int) -> AnswerRecord:
    """The stored form of an answer the round scored."""
    return AnswerRecord(
        round_id=round_id,
        question_index=scored.question_index,
        guild_id=guild_id,
        channel_id=channel_id,
        member_id=scored.member_id,
        term=scored.term,
        topic=scored.topic,
        correct=scored.correct,
        points=scored.points,
        ms=scored.ms,
        answered_at=scored.answered_at,
    )


async def store_answer(store: Store, record: AnswerRecord) -> bool:
    """Store one answer (idempotent) and, when it is new, rate the member's flashcard for its term,
    both in one transaction; False if it was already stored."""
    return (await store.rounds.record_answers([record], also=review_quiz_answers_in))[0]


__all__ = ["RoundPresenter", "RoundRunner", "answer_record", "database_unavailable", "store_answer"]


class RoundRunner:
    """Drives one round in one place (guild, channel) and stores every point when it is won."""

    def __init__(
        self,
        quiz: QuizRound,
        presenter: RoundPresenter,
        clock: Clock,
        *,
        store: Store | None = None,
        writer: AnswerWriter | None = None,
        guild_id: int = 0,
        channel_id: int = 0,
        pause: float = 3.0,
    ) -> None:
        self.quiz = quiz
        self.presenter = presenter
        self.clock = clock
        self.store = store
        #: Stores this round's answers; share one per process (group commit). A private one by default.
        self.writer = writer if writer is not None or store is None else AnswerWriter(store)
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.pause = timedelta(seconds=pause)
        self.round_id: int | None = None
        self.result: RoundFinished | None = None
        self._waker: asyncio.Future[None] | None = None  # what _wait_until awaits
        self._stop_by: int | None = None
        self._stopping = False
        self._started = asyncio.Event()
        #: Answers not stored yet because the database was unavailable; retried at every later write.
        self.unsaved: list[AnswerRecord] = []
        #: Wrong tries handed to the writer without waiting (``AnswerWriter.defer``), until committed
        self._deferred: list[tuple[list[AnswerRecord], asyncio.Future[None]]] = []
        self._database_failed = False
        self._saving = asyncio.Lock()  # one save at a time: each waiting answer is handed over once

    @property
    def stopping(self) -> bool:
        """Whether a stop was requested."""
        return self._stopping

    def stop(self, by: int | None = None) -> None:
        """Ask the round to stop at once (points already won are kept)."""
        self._stopping = True
        self._stop_by = by
        self._wake()

    @property
    def waiting(self) -> bool:
        """Whether the round is waiting on its clock (for a deadline, a hint or the pause)."""
        return self._waker is not None

    async def wait_started(self) -> None:
        """Return once the round is stored and its first question is about to be shown."""
        await self._started.wait()

    def ends_by(self) -> datetime:
        """The latest moment the round can end."""
        return self.quiz.ends_by(self.clock.now(), self.pause.total_seconds())

    async def answer(self, member_id: int, answer: str | int) -> SubmitResult:
        """Submit an answer now; a won typed question's point is stored before this returns."""
        result = self.quiz.submit(member_id, answer, self.clock.now())
        if result.status is _CORRECT:
            try:
                if result.scored is not None:
                    # the question's wrong tries are final once it is won: handed to the writer without
                    # waiting (they announce nothing), so the point's commit does not wait behind them
                    self._defer(self.quiz.settle())
                    await self._record((result.scored,))
            finally:
                self._wake()  # close the question once the points are stored
        return result

    async def run(self) -> RoundFinished:
        """Play the whole round; returns the standings."""
        now = self.clock.now()
        if self.store is not None:
            self.round_id = await self.store.rounds.start_round(
                self.guild_id, self.channel_id, self.quiz.started_by, self.quiz.settings.as_dict(), now
            )
            if self.writer is not None:
                self.writer.start()  # the writer's process, if it has one, boots during the first question
        try:
            result = await self._play(now)
        except asyncio.CancelledError:
            # left 'running' on purpose: the next start reports it as interrupted
            log.info("round %s in channel %s cancelled", self.round_id, self.channel_id)
            raise
        except Exception:
            await self._end(RoundStatus.INTERRUPTED)
            raise
        self.result = result
        await self._end(RoundStatus.STOPPED if result.stopped else RoundStatus.FINISHED)
        await self.presenter.finished(result)
        return result

    async def _play(self, now: datetime) -> RoundFinished:
        event: QuestionAsked | RoundFinished = self.quiz.start(now)
        self._started.set()
        while isinstance(event, QuestionAsked):
            await self.presenter.asked(event)
            while not self._stopping and not self.quiz.resolved and self.clock.now() < event.deadline:
                hint_at = self.quiz.hint_at
                await self._wait_until(min(hint_at, event.deadline) if hint_at else event.deadline)
                hint = self.quiz.due_hint(self.clock.now())
                if hint is not None and not self._stopping:
                    await self.presenter.hinted(hint)
            if self._stopping:
                break
            closed = self.quiz.close(self.clock.now())
            # the question's points are committed before its result is shown, so what the channel has seen
            # survives a kill -9; its wrong tries (no point, nothing announced) are written without waiting
            self._defer(s for s in closed.to_record if not s.correct)
            await self._record(s for s in closed.to_record if s.correct)
            await self.presenter.closed(closed)
            if self.quiz.has_next and self.pause:
                await self._wait_until(self.clock.now() + self.pause)
            if self.writer is not None and self.store is not None:
                await self.writer.room()  # a writer that cannot keep up holds the next question back
            if self._stopping:
                break
            event = self.quiz.next(self.clock.now())
        if isinstance(event, RoundFinished):
            return event
        return self.quiz.stop(self.clock.now(), self._stop_by)

    async def _wait_until(self, when: datetime) -> None:
        """Sleep until ``when`` or until woken (a question won, a stop)."""
        if self._stopping or self.quiz.resolved:
            return
        # a plain future to wake on and the clock's timer, no task: most waits end early (a question won),
        # and a sleeping task cost twice the CPU to make and cancel (about 7 us more per question)
        waker: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waker = waker
        timer = self.clock.call_at(when, partial(_resolve, waker))
        try:
            await waker
        finally:
            self._waker = None
            timer.cancel()

    def _wake(self) -> None:
        """End the current wait now (it checks why)."""
        if self._waker is not None:
            _resolve(self._waker)

    def _defer(self, scored: Iterable[ScoredAnswer]) -> None:
        """Hand answers that announce nothing to the writer without waiting; kept until committed, and
        moved to ``unsaved`` if their batch finds the database unavailable."""
        if self.store is None or self.round_id is None or self.writer is None:
            return
        records = [
            answer_record(s, round_id=self.round_id, guild_id=self.guild_id, channel_id=self.channel_id)
            for s in scored
        ]
        if records:
            self._deferred.append((records, self.writer.defer(records)))
            if len(self._deferred) > 64:
                self._harvest()

    def _harvest(self) -> None:
        """Drop committed deferred answers; those the database was unavailable for join ``unsaved``."""
        kept: list[tuple[list[AnswerRecord], asyncio.Future[None]]] = []
        back: list[AnswerRecord] = []
        for records, future in self._deferred:
            if not future.done():
                kept.append((records, future))
            elif future.cancelled():
                back.extend(records)
            elif (error := future.exception()) is not None:
                if not database_unavailable(error) and not isinstance(error, WriterClosedError):
                    raise error
                back.extend(records)
        self._deferred = kept
        if back:
            # in the order they were given (a member's streak and card follow it); storing is idempotent
            self.unsaved = sorted([*back, *self.unsaved], key=lambda r: r.answered_at)

    async def _record(self, scored: Iterable[ScoredAnswer]) -> None:
        if self.store is None or self.round_id is None:
            return
        for s in scored:
            self.unsaved.append(
                answer_record(s, round_id=self.round_id, guild_id=self.guild_id, channel_id=self.channel_id)
            )
        await self.save_unsaved()

    @property
    def database_failed(self) -> bool:
        """Whether the last save found the database unavailable (``unsaved`` then waits for it)."""
        return self._database_failed

    async def save_unsaved(self) -> bool:
        """Store the answers waiting for the database, oldest first; False while it is unavailable.

        One save runs at a time (a stop, a close and a won answer may all try at once): each waiting
        answer is handed to the writer once per attempt and leaves the list only once it is committed.
        Storing is idempotent (one answer per round, question and member), so a write that reached the
        database before its connection broke is not counted twice when it is retried.
        """
        async with self._saving:
            self._harvest()
            if self.writer is None or not self.unsaved:
                return True
            batch = list(self.unsaved)
            failed_before = self._database_failed
            try:
                await self.writer.write(batch)
            except Exception as exc:
                if not database_unavailable(exc):
                    raise
                log.warning(
                    "database unavailable: %s of round %s in channel %s kept to retry (%s)",
                    plural(len(self.unsaved), "answer"),
                    self.round_id,
                    self.channel_id,
                    exc.__class__.__name__,
                )
                self._database_failed = True
                return False
            del self.unsaved[: len(batch)]  # answers that arrived meanwhile were appended after them
            self._database_failed = False
            if failed_before:
                log.warning(
                    "database back: stored %s of round %s",
                    plural(len(batch), "waiting answer"),
                    self.round_id,
                )
            return True

    async def _end(self, status: RoundStatus) -> None:
        if self.store is not None and self.round_id is not None:
            waiting = [future for _, future in self._deferred]
            if waiting:
                await asyncio.wait(waiting)  # the round's wrong tries: committed, or back in ``unsaved``
            await self.save_unsaved()
            try:
                await self.store.rounds.end_round(self.round_id, status, self.clock.now())
            except Exception as exc:
                if not database_unavailable(exc):
                    raise
                log.warning("database unavailable: round %s could not be marked %s", self.round_id, status)
