"""``/quiz`` in ``python -m bot console``: a single-player round with the same engine and database.

The console is one person, kept as server 0, member 0, channel 0. The console loop is synchronous
and blocks on input, so a question has no live countdown: an answer typed after the deadline is
"too late". ``?`` shows the hint of a typed question; ``q`` stops the round. Like the bot, it keeps
an answer the database cannot take now (locked by another process, unreachable) and saves it once the
database answers.
"""

from __future__ import annotations

import logging
import random
import re
import shlex
from collections.abc import Callable, Coroutine
from typing import Any

from bot.cli.console.session import ConsoleCommand, ConsoleSession
from bot.cli.database import ConsoleDatabase, cannot_open, database_unavailable, reason
from bot.clock import Clock, SystemClock
from bot.markup import plain_text
from bot.quiz.questions import QuestionGenerator, question_count
from bot.quiz.round import QuestionAsked, QuestionClosed, QuizRound, RoundFinished, ScoredAnswer, SubmitStatus
from bot.quiz.runner import answer_record, store_answer
from bot.quiz.settings import QuizSettingsError, RoundSettings
from bot.storage import AnswerRecord, RoundStatus, Store
from bot.wording import plural

log = logging.getLogger(__name__)

CONSOLE_GUILD_ID = 0
CONSOLE_CHANNEL_ID = 0
CONSOLE_MEMBER_ID = 0
QUIT_WORDS = ("q", "quit", "/quit", "stop")
LETTERS = "ABCD"
ARGUMENTS = "[questions=N] [seconds=N] [mode=typed|buttons|mixed] [topic=TOPIC]"
USAGE = f"/quiz {ARGUMENTS}"


def parse_quiz_args(arg: str) -> RoundSettings:
    """``questions=5 seconds=20 mode=typed topic="Virtualization"`` as validated settings."""
    values: dict[str, str] = {}
    for token in shlex.split(arg):
        key, sep, value = token.partition("=")
        if not sep and "topic" in values:  # topic=Social engineering: the title's second word
            raise QuizSettingsError(
                f'a topic with spaces goes in quotes: topic="{values["topic"]} {token}" (usage: {USAGE})'
            )
        if not sep or key not in ("questions", "seconds", "mode", "topic"):
            raise QuizSettingsError(f"usage: {USAGE}")
        values[key] = value

    def number(key: str) -> int | None:
        if key not in values:
            return None
        try:
            return int(values[key])
        except ValueError:
            raise QuizSettingsError(f"{key} must be a whole number") from None

    return RoundSettings.validated(
        number("questions"), number("seconds"), values.get("topic"), values.get("mode")
    )


class ConsoleQuiz(ConsoleDatabase):
    """Provides the console's ``/quiz`` command; use as a context manager around ``run_console``."""

    def __init__(
        self,
        database_url: str | None = None,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        busy_ms: int | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        if busy_ms is None:
            super().__init__(database_url, clock=self.clock)
        else:
            super().__init__(database_url, clock=self.clock, busy_ms=busy_ms)
        self.rng = rng or random.Random()

    def commands(self) -> list[ConsoleCommand]:
        """The commands to pass as ``run_console(..., extra_commands=...)``."""
        return [
            ConsoleCommand(
                "quiz", "play a quiz round (points go to the leaderboard)", self.quiz, usage=ARGUMENTS
            )
        ]

    def quiz(self, session: ConsoleSession, arg: str) -> None:
        """Play one round in the terminal."""
        try:
            settings = parse_quiz_args(arg)
            questions = QuestionGenerator(session.kb, random.Random(self.rng.random())).generate(settings)
        except (QuizSettingsError, ValueError) as exc:
            session.write(str(exc))
            return
        try:
            store = self._open()
        except Exception as exc:  # a bad URL or an unreachable server: say so, keep the console
            session.write(cannot_open(exc))
            return
        try:
            self.flush()  # what an earlier round kept goes first
            round_id = self._run(
                store.rounds.start_round(
                    CONSOLE_GUILD_ID,
                    CONSOLE_CHANNEL_ID,
                    CONSOLE_MEMBER_ID,
                    settings.as_dict(),
                    self.clock.now(),
                )
            )
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            session.write(
                f"Cannot start a quiz now: the database is unavailable ({reason(exc)}); try again soon."
            )
            return
        quiz = QuizRound(questions, settings)
        session.write(
            f"Quiz: {question_count(settings.questions, len(questions))}, "
            f"{settings.seconds} s each. ? shows a hint, q stops."
        )
        event: QuestionAsked | RoundFinished = quiz.start(self.clock.now())
        while isinstance(event, QuestionAsked):
            if not self._ask(session, quiz, event, store, round_id):
                result = quiz.stop(self.clock.now(), CONSOLE_MEMBER_ID)
                self._end(session, store, round_id, RoundStatus.STOPPED)
                session.write(_standing(result, left_open=event.number))
                return
            event = quiz.next(self.clock.now())
        self._end(session, store, round_id, RoundStatus.FINISHED)
        session.write(_standing(event))

    def _end(self, session: ConsoleSession, store: Store, round_id: int, status: RoundStatus) -> None:
        """Mark the round ended (kept for later when the database is unavailable)."""
        now = self.clock.now()
        waiting = len(self.unsaved)
        if not self.save(f"end of round {round_id}", lambda: store.rounds.end_round(round_id, status, now)):
            session.write(
                f"  (the database is unavailable: {plural(len(self.unsaved), 'write')} of this round "
                f"{'is' if len(self.unsaved) == 1 else 'are'} kept and saved as soon as it answers)"
            )
        elif waiting:
            session.write(f"  (the database answers again: {plural(waiting, 'kept write')} saved)")

    def _ask(
        self, session: ConsoleSession, quiz: QuizRound, event: QuestionAsked, store: Store, round_id: int
    ) -> bool:
        """One question; False when the player stops."""
        q = event.question
        session.write(f"\nQuestion {event.number}/{event.total}: {_shown(q.prompt)}")
        if not q.typed:
            for i, choice in enumerate(q.choices):
                session.write(f"  {LETTERS[i] if len(q.choices) > 2 else choice[0]}. {_shown(choice)}")
        while True:
            line = session.read_line("  your answer: ")
            if line is None or line.strip().casefold() in QUIT_WORDS:
                return False
            if line.strip() == "?":
                if q.typed:
                    session.write(f"  hint: {q.hint}")
                else:  # the banner offers "?": say why there is none rather than "Pick A-D"
                    session.write(f"  No hint on a multiple-choice question: pick {_pick(q.choices)}.")
                continue
            command = _command_word(session, line)
            if command == "quit":  # /q, /exit: leave the round, as q does
                return False
            if command:  # `/review` typed mid-round is no answer: don't spend a try on it
                session.write(f"  /{command} is a command: finish the quiz first (q stops it). Not counted.")
                continue
            answer: str | int
            if q.typed:
                # like the Discord cog: "<@123> vm" and "**VM**" are "vm" (unless right as typed)
                answer = q.typed_answer(line)
            else:
                answer = _choice_index(line, q.choices)
                if answer < 0:  # not a choice: say so and ask again (not counted)
                    session.write(f"  Pick {_pick(q.choices)}.")
                    continue
            result = quiz.submit(CONSOLE_MEMBER_ID, answer, self.clock.now())
            if result.status is SubmitStatus.BLANK:  # an empty line or "...": no guess, asked again
                continue
            if result.status is SubmitStatus.WRONG and result.guesses_left:
                # the same WRONG_GUESSES a member has on Discord
                session.write(f"  Not quite, {plural(result.guesses_left, 'try', 'tries')} left.")
                continue
            break
        scored: list[ScoredAnswer] = [result.scored] if result.scored else []
        closed = quiz.close(self.clock.now())
        scored.extend(closed.to_record)
        session.write(_verdict(result.status, closed))
        self._keep(session, store, round_id, scored)
        return True

    def _keep(self, session: ConsoleSession, store: Store, round_id: int, scored: list[ScoredAnswer]) -> None:
        """Store the answers now, or keep them (saying so) until the database answers again."""
        where = {"round_id": round_id, "guild_id": CONSOLE_GUILD_ID, "channel_id": CONSOLE_CHANNEL_ID}
        waiting = len(self.unsaved)
        saved = True
        for answer in scored:
            record = answer_record(answer, **where)
            saved = self.save(f"answer to question {record.question_index + 1}", _storing(store, record))
        if not saved:
            session.write(
                f"  (the database is unavailable: {plural(len(self.unsaved), 'answer')} kept, "
                "saved as soon as it answers)"
            )
        elif waiting:
            session.write(f"  (the database answers again: {plural(waiting, 'kept answer')} saved)")


def _storing(store: Store, record: AnswerRecord) -> Callable[[], Coroutine[Any, Any, bool]]:
    """A retryable write of one answer (storing is idempotent per round, question and member)."""
    return lambda: store_answer(store, record)


def _command_word(session: ConsoleSession, line: str) -> str:
    """The name of the console command ``line`` starts (``/review``, ``/define vm``, ``/exit`` is
    ``quit``), or "" for anything else (an answer may start with a slash: ``/etc/passwd``)."""
    text = line.strip()
    if not text.startswith("/"):
        return ""
    word = text[1:].partition(" ")[0].casefold()
    for command in session.commands.values():
        if word == command.name or word in command.aliases:
            return command.name
    return ""


def _choice_index(line: str, choices: tuple[str, ...]) -> int:
    """A typed letter (A-D, also as "B)", "c." or "(a)"), number (1-4) or True/False as a choice index; -1
    if none."""
    text = line.strip().casefold()
    if len(text) <= 4:  # "B)", "c.", "(a)", "[2]": a letter or number as lists write them
        text = text.strip("()[].:").strip()
    for i, choice in enumerate(choices):
        if text in (choice.casefold(), choice[:1].casefold() if len(choices) == 2 else LETTERS[i].casefold()):
            return i
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return int(text) - 1
    return -1


def _pick(choices: tuple[str, ...]) -> str:
    """The accepted picks, for the "Pick A-D" reminder."""
    if len(choices) == 2:
        return " or ".join(choice[:1] for choice in choices)
    return f"A-{LETTERS[len(choices) - 1]}"


def _sentence(text: str) -> str:
    """``text`` ending in exactly one full stop (a definition may already end in one)."""
    return text.rstrip().rstrip(".") + "."


def _shown(text: str) -> str:
    """A question's text as the console prints it: its markup read (``plain_text``), its fill-in blanks
    kept. ``plain_text`` reads ``____`` as empty underline markup and would drop the blank."""
    return plain_text(_BLANK_RUN.sub(lambda m: "\\_" * len(m.group()), text)) or text


#: A fill-in blank of a question (``____``), not yet escaped.
_BLANK_RUN = re.compile(r"(?<!\\)_{3,}")


def _verdict(status: SubmitStatus, closed: QuestionClosed) -> str:
    """What the console says after an answer."""
    entry = closed.question.entry
    won = [w for w in closed.winners if w.member_id == CONSOLE_MEMBER_ID]
    if won:
        return f"  Right! +{plural(won[0].points, 'point')}. {entry.term}: {_sentence(entry.definition)}"
    late = "Too late: the time was up. " if status is SubmitStatus.LATE else ""
    answer = _shown(closed.question.answer)
    return f"  {late}The answer was: {_sentence(answer)} {entry.term}: {_sentence(entry.definition)}"


def _standing(result: RoundFinished, left_open: int | None = None) -> str:
    """The end-of-round line. ``left_open``: the number of the question the player stopped on, which was
    never closed (nothing of it is stored or scored, a wrong try included), so it is not counted among the
    questions scored."""
    me = result.standings[0] if result.standings else None
    points = me.points if me else 0
    right = me.correct if me else 0
    verb = "stopped" if result.stopped else "over"
    answered = result.asked - 1 if left_open is not None else result.asked
    tally = f"{right}/{answered} right" if answered else ""
    if left_open is not None:
        left = f"question {left_open} stopped before it was scored"
        tally = f"{tally} ({left})" if tally else left
    return f"\nQuiz {verb}: {plural(points, 'point')}, {tally}."
