"""A quiz round as a state machine: ask, hint, submit, close, next, finish or stop.

Every method takes ``now`` (timezone-aware UTC); the round never reads a clock itself. The results are
plain dataclasses that a cog or the console renders.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from bot.quiz.questions import Question
from bot.quiz.scoring import points_for
from bot.quiz.settings import RoundSettings

log = logging.getLogger(__name__)

#: Wrong typed guesses a member has per question; after them their guesses on it are ignored, so
#: nobody can win by pasting every term of the notes in turn.
WRONG_GUESSES = 3


class RoundState(StrEnum):
    """Where a round is."""

    READY = "ready"  # created, not started
    ASKING = "asking"  # a question is open
    BETWEEN = "between"  # a question was closed; the next one is not asked yet
    FINISHED = "finished"
    STOPPED = "stopped"


class SubmitStatus(StrEnum):
    """What became of one submitted answer."""

    CORRECT = "correct"  # typed: first right answer, points awarded now
    WRONG = "wrong"  # typed: not it (the member may try again while ``guesses_left`` > 0)
    NO_GUESSES_LEFT = "no_guesses_left"  # typed: the member's wrong guesses are used up; ignored
    BLANK = "blank"  # typed: nothing but spaces or punctuation (a mention only, once read); no guess, ignored
    RECORDED = "recorded"  # buttons: choice kept, scored when time is up
    ALREADY_ANSWERED = "already_answered"  # buttons: this member already chose
    LATE = "late"  # after the deadline or after someone took the question
    NOT_RUNNING = "not_running"  # no question is open
    IGNORED = "ignored"  # chat text during a button question, or a button during a typed one


class RoundStateError(RuntimeError):
    """A round method was called in a state where it makes no sense."""


# Enum members read through their class cost a descriptor call each on Python 3.11; ``submit`` runs for
# every chat message of a quiz channel, so it reads these instead.
_ASKING = RoundState.ASKING
_BETWEEN = RoundState.BETWEEN
_CORRECT = SubmitStatus.CORRECT
_WRONG = SubmitStatus.WRONG
_NO_GUESSES_LEFT = SubmitStatus.NO_GUESSES_LEFT
_BLANK = SubmitStatus.BLANK

#: A letter or digit: a typed answer without one (empty, spaces, "?!", "...") says nothing.
_SAYS = re.compile(r"[^\W_]")
_LATE = SubmitStatus.LATE


@dataclass(slots=True)
class ScoredAnswer:
    """One member's final answer to one question: what to store and show (read-only by convention).

    Not a frozen dataclass: a round makes one for every typed guess, and a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__`` (about 4x the cost of plain slots).
    """

    member_id: int
    question_index: int
    term: str
    topic: str
    correct: bool
    points: int
    ms: int
    answered_at: datetime
    streak: int


@dataclass(slots=True)
class SubmitResult:
    """The decision on one submitted answer; ``scored`` is set when points were won right now.

    Read-only by convention; not frozen for the cost of making one per answer (see ``ScoredAnswer``).
    """

    status: SubmitStatus
    member_id: int
    question_index: int | None = None
    scored: ScoredAnswer | None = None
    correct: bool | None = None  # for RECORDED: whether the choice was right (don't show it yet)
    guesses_left: int | None = None  # for WRONG: wrong typed guesses this member has left (0: no more)

    @property
    def accepted(self) -> bool:
        """Whether the answer counted (correct, or a recorded choice)."""
        return self.status in (SubmitStatus.CORRECT, SubmitStatus.RECORDED)


@dataclass(frozen=True, slots=True)
class QuestionAsked:
    """A question was put: number ``number`` of ``total``, open until ``deadline``."""

    number: int
    total: int
    question: Question
    asked_at: datetime
    deadline: datetime
    hint_at: datetime | None


@dataclass(frozen=True, slots=True)
class HintShown:
    """The hint for the open typed question."""

    number: int
    hint: str


@dataclass(frozen=True, slots=True)
class QuestionClosed:
    """A question ended: its answer, who got it, and the answers still to store."""

    number: int
    total: int
    question: Question
    winners: tuple[ScoredAnswer, ...]
    to_record: tuple[ScoredAnswer, ...]
    timed_out: bool


@dataclass(frozen=True, slots=True)
class Standing:
    """A member's result in this round."""

    member_id: int
    points: int
    correct: int
    answered: int
    best_streak: int


@dataclass(frozen=True, slots=True)
class RoundFinished:
    """The round is over (all asked, or stopped) with the standings, best first."""

    standings: tuple[Standing, ...]
    asked: int
    total: int
    stopped: bool = False
    stopped_by: int | None = None


@dataclass(slots=True)
class _Progress:
    points: int = 0
    correct: int = 0
    answered: int = 0
    streak: int = 0
    best_streak: int = 0


@dataclass(slots=True)
class _Open:
    """Book-keeping for the open question."""

    index: int
    asked_at: datetime
    deadline: datetime
    hint_at: datetime | None
    hinted: bool = False
    winner: ScoredAnswer | None = None
    wrong_tries: dict[int, datetime] = field(default_factory=dict)  # member -> first wrong guess
    wrong_counts: dict[int, int] = field(default_factory=dict)  # member -> wrong guesses so far
    choices: dict[int, tuple[int, datetime]] = field(default_factory=dict)


class QuizRound:
    """One round of questions in one channel (or the console)."""

    def __init__(
        self, questions: Sequence[Question], settings: RoundSettings, *, started_by: int = 0
    ) -> None:
        if not questions:
            raise ValueError("a round needs at least one question")
        self.questions = tuple(questions)
        self.settings = settings
        self.started_by = started_by
        self.state = RoundState.READY
        self._open: _Open | None = None
        self._asked = 0
        self._progress: dict[int, _Progress] = {}

    # -- reading -------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many questions the round has."""
        return len(self.questions)

    @property
    def running(self) -> bool:
        """Whether the round has started and not ended."""
        return self.state in (RoundState.ASKING, RoundState.BETWEEN)

    @property
    def current(self) -> Question | None:
        """The open question, if any."""
        return self.questions[self._open.index] if self._open and self.state is RoundState.ASKING else None

    @property
    def deadline(self) -> datetime | None:
        """When the open question times out."""
        return self._open.deadline if self._open and self.state is RoundState.ASKING else None

    @property
    def hint_at(self) -> datetime | None:
        """When the open question's hint is due (typed questions only, once)."""
        if self._open and self.state is RoundState.ASKING and not self._open.hinted:
            return self._open.hint_at
        return None

    @property
    def resolved(self) -> bool:
        """Whether the open typed question has been won (so it can close early)."""
        op = self._open  # read after every answer
        return self.state is _ASKING and op is not None and op.winner is not None

    @property
    def has_next(self) -> bool:
        """Whether questions remain to be asked."""
        return self._asked < self.total

    def ends_by(self, now: datetime, pause: float = 0.0) -> datetime:
        """Latest moment the round can end if every remaining question runs its full time."""
        remaining = self.total - self._asked
        per = timedelta(seconds=self.settings.seconds + pause)
        base = self.deadline or now
        return base + per * remaining

    def standings(self) -> tuple[Standing, ...]:
        """Members by points, then correct answers; ties keep first-scorer order."""
        rows = [
            Standing(m, p.points, p.correct, p.answered, p.best_streak) for m, p in self._progress.items()
        ]
        rows.sort(key=lambda s: (-s.points, -s.correct))
        return tuple(rows)

    # -- transitions ---------------------------------------------------------------------
    def start(self, now: datetime) -> QuestionAsked:
        """Ask the first question."""
        if self.state is not RoundState.READY:
            raise RoundStateError(f"cannot start a round that is {self.state}")
        return self._ask(now)

    def next(self, now: datetime) -> QuestionAsked | RoundFinished:
        """Ask the next question, or finish when none remain."""
        if self.state is not RoundState.BETWEEN:
            raise RoundStateError(f"cannot move on while the round is {self.state}")
        if not self.has_next:
            return self.finish(now)
        return self._ask(now)

    def due_hint(self, now: datetime) -> HintShown | None:
        """The hint, once, when half the time of an open typed question has passed."""
        op = self._open
        if self.state is not RoundState.ASKING or op is None or op.hinted or op.hint_at is None:
            return None
        if now < op.hint_at or op.winner is not None:
            return None
        op.hinted = True
        return HintShown(op.index + 1, self.questions[op.index].hint)

    def submit(self, member_id: int, answer: str | int, now: datetime) -> SubmitResult:
        """Decide on one answer: typed text for typed questions, a choice index for buttons.

        A member has ``WRONG_GUESSES`` wrong typed guesses per question; the last one comes back
        as ``WRONG`` with ``guesses_left == 0``, and any later guess of theirs on the question
        (right or not) as ``NO_GUESSES_LEFT``, without effect. A typed answer that is not right and has
        no letter or digit (empty, spaces, only punctuation) is ``BLANK``: no guess, no try spent.
        """
        op = self._open
        state = self.state
        if state is _BETWEEN:
            return SubmitResult(_LATE, member_id, op.index if op else None)
        if state is not _ASKING or op is None:
            return SubmitResult(SubmitStatus.NOT_RUNNING, member_id)
        index = op.index
        question = self.questions[index]
        typed = question.answer_index is None  # ``question.typed`` without the property call
        if typed != isinstance(answer, str):
            return SubmitResult(SubmitStatus.IGNORED, member_id, index)
        if now >= op.deadline or op.winner is not None:
            return SubmitResult(_LATE, member_id, index)
        if typed:
            wrong = op.wrong_counts.get(member_id, 0)
            if wrong >= WRONG_GUESSES:
                return SubmitResult(_NO_GUESSES_LEFT, member_id, index, None, None, 0)
            assert isinstance(answer, str)
            checker = question.checker
            if checker is None or checker.judge(answer) is None:  # ``question.is_correct``, inlined
                if _SAYS.search(answer) is None:  # only now: a term of symbols ("+") is still right
                    return SubmitResult(_BLANK, member_id, index)
                op.wrong_tries.setdefault(member_id, now)
                op.wrong_counts[member_id] = wrong + 1
                return SubmitResult(_WRONG, member_id, index, None, False, WRONG_GUESSES - wrong - 1)
            op.winner = self._score(member_id, op, True, now)
            op.wrong_tries.pop(member_id, None)
            return SubmitResult(_CORRECT, member_id, index, op.winner, True)
        if member_id in op.choices:
            return SubmitResult(SubmitStatus.ALREADY_ANSWERED, member_id, op.index)
        assert isinstance(answer, int)
        op.choices[member_id] = (answer, now)
        return SubmitResult(SubmitStatus.RECORDED, member_id, op.index, correct=question.is_correct(answer))

    def settle(self) -> tuple[ScoredAnswer, ...]:
        """Score the wrong tries of a won typed question now, as ``close`` would, and hand them out once.

        Once a typed question is won nobody can add a guess to it, so its wrong tries are final: a caller
        that stores them together with the winner (one write per question instead of two) takes them
        here, and ``close`` leaves them out of ``to_record``. Empty unless the open typed question is won.
        """
        op = self._open
        if not self.resolved or op is None or not op.wrong_tries:
            return ()
        settled = self._wrong(op, op.wrong_tries.items())
        op.wrong_tries.clear()
        return settled

    def close(self, now: datetime) -> QuestionClosed:
        """End the open question (time up, or won): score button answers and wrong tries."""
        op = self._open
        if self.state is not RoundState.ASKING or op is None:
            raise RoundStateError(f"no open question to close (round is {self.state})")
        question = self.questions[op.index]
        to_record: list[ScoredAnswer] = []
        winners: list[ScoredAnswer] = []
        if question.typed:
            if op.winner is not None:
                winners.append(op.winner)
            to_record.extend(self._wrong(op, op.wrong_tries.items()))
        else:
            for member_id, (choice, at) in sorted(op.choices.items(), key=lambda kv: kv[1][1]):
                scored = self._score(member_id, op, correct=question.is_correct(choice), at=at)
                to_record.append(scored)
                if scored.correct:
                    winners.append(scored)
        self.state = RoundState.BETWEEN
        return QuestionClosed(
            op.index + 1, self.total, question, tuple(winners), tuple(to_record), timed_out=op.winner is None
        )

    def finish(self, now: datetime) -> RoundFinished:
        """End the round after its last question."""
        if self.state is RoundState.ASKING:
            raise RoundStateError("close the open question before finishing")
        if self.state in (RoundState.FINISHED, RoundState.STOPPED):
            raise RoundStateError(f"the round is already {self.state}")
        self.state = RoundState.FINISHED
        return RoundFinished(self.standings(), self._asked, self.total)

    def stop(self, now: datetime, by: int | None = None) -> RoundFinished:
        """Stop early; choices on an open button question are dropped, points already won stay."""
        if self.state in (RoundState.FINISHED, RoundState.STOPPED):
            raise RoundStateError(f"the round is already {self.state}")
        self.state = RoundState.STOPPED
        return RoundFinished(self.standings(), self._asked, self.total, stopped=True, stopped_by=by)

    # -- helpers -------------------------------------------------------------------------
    def _ask(self, now: datetime) -> QuestionAsked:
        index = self._asked
        question = self.questions[index]
        duration = timedelta(seconds=self.settings.seconds)
        deadline = now + duration
        hint_at = now + duration / 2 if question.typed and question.hint else None
        self._open = _Open(index, now, deadline, hint_at)
        self._asked += 1
        self.state = RoundState.ASKING
        log.debug("asking question %d/%d: %s", index + 1, self.total, question.entry.term)
        return QuestionAsked(index + 1, self.total, question, now, deadline, hint_at)

    def _wrong(self, op: _Open, tries: Iterable[tuple[int, datetime]]) -> tuple[ScoredAnswer, ...]:
        """``_score`` of wrong tries ((member, first wrong guess's time) each), in order: the question's
        term, topic and start read once for all of them (a won question has about a dozen in a busy
        channel, every one of them stored)."""
        entry = self.questions[op.index].entry
        term, topic, index, asked_at = entry.term, entry.topic.title, op.index, op.asked_at
        progress_of = self._progress
        out = []
        for member_id, at in tries:
            progress = progress_of.get(member_id)
            if progress is None:
                progress = progress_of[member_id] = _Progress()
            progress.answered += 1
            progress.streak = 0
            ms = round((at - asked_at).total_seconds() * 1000)
            out.append(ScoredAnswer(member_id, index, term, topic, False, 0, ms if ms > 0 else 0, at, 0))
        return tuple(out)

    def _score(self, member_id: int, op: _Open, correct: bool, at: datetime) -> ScoredAnswer:
        progress = self._progress.get(member_id)
        if progress is None:
            progress = self._progress[member_id] = _Progress()
        progress.answered += 1
        elapsed = (at - op.asked_at).total_seconds()
        points = 0
        if correct:
            progress.streak += 1
            progress.best_streak = max(progress.best_streak, progress.streak)
            progress.correct += 1
            points = points_for(elapsed, self.settings.seconds, progress.streak)
            progress.points += points
        else:
            progress.streak = 0
        entry = self.questions[op.index].entry
        ms = round(elapsed * 1000)
        return ScoredAnswer(
            member_id,
            op.index,
            entry.term,
            entry.topic.title,
            correct,
            points,
            ms if ms > 0 else 0,
            at,
            progress.streak,
        )
