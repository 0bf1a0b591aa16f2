"""``/review`` in ``python -m bot console``: the same flashcards and database as on Discord.

The console is one person, so its cards are kept as server 0, member 0. The console loop is
synchronous; the store is async, so this keeps one event loop (``asyncio.Runner``) for the session
and opens the store on the first ``/review``.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime

from bot.cli.console.session import ConsoleCommand, ConsoleSession
from bot.cli.database import ConsoleDatabase, cannot_open, database_unavailable, reason
from bot.clock import Clock
from bot.config import ConfigError
from bot.review.cards import Rating, short_interval
from bot.review.desk import CardPrompt, NothingDue, ReviewDesk
from bot.review.repository import ReviewRepository
from bot.wording import plural

log = logging.getLogger(__name__)

#: The console's "server" and "member" in the cards table.
CONSOLE_GUILD_ID = 0
CONSOLE_MEMBER_ID = 0
QUIT_WORDS = ("q", "quit", "/quit", "stop")


class ConsoleReview(ConsoleDatabase):
    """Provides the console's ``/review`` command; use as a context manager around ``run_console``."""

    def commands(self) -> list[ConsoleCommand]:
        """The commands to pass as ``run_console(..., extra_commands=...)``."""
        return [ConsoleCommand("review", "review your flashcards (spaced repetition)", self.review)]

    def _desk(self) -> tuple[ReviewDesk, Clock]:
        store = self._open()
        return ReviewDesk(ReviewRepository(store.cards)), store.clock

    def review(self, session: ConsoleSession, arg: str) -> None:
        """Show due cards one by one: Enter turns a card over, 1-4 rates it, q stops."""
        if arg.strip():
            session.write("Usage: /review (reminders are a Discord feature: /review remind:on there)")
            return
        try:
            desk, clock = self._desk()
        except Exception as exc:
            if not isinstance(exc, ConfigError | OSError) and not database_unavailable(exc):
                raise
            session.write(cannot_open(exc))
            return
        reviewed = 0
        while True:
            now = clock.now()
            step: CardPrompt | NothingDue | None = None
            try:
                if self.flush():  # a kept rating goes first, or the same card would come back
                    step = self._run(desk.next_card(CONSOLE_GUILD_ID, CONSOLE_MEMBER_ID, session.kb, now))
            except Exception as exc:
                if not database_unavailable(exc):
                    raise
                self.last_error = exc
            if step is None:
                kept = (
                    f" ({plural(len(self.unsaved), 'rating')} kept, saved as soon as it answers)"
                    if self.unsaved
                    else ""
                )
                session.write(
                    f"The database is unavailable ({reason(self.last_error)}); /review again soon{kept}."
                )
                return
            if isinstance(step, NothingDue):
                session.write(_done_line(step, now, reviewed))
                return
            if not self._ask(session, desk, clock, step):
                session.write(f"Stopped after {reviewed} card{'s' if reviewed != 1 else ''}.")
                return
            reviewed += 1

    def _ask(self, session: ConsoleSession, desk: ReviewDesk, clock: Clock, prompt: CardPrompt) -> bool:
        """One card; False when the user stops."""
        label = "new" if prompt.card.is_new else f"{prompt.due_left} due"
        session.write(f"{prompt.question}  [{prompt.entry.topic.label}, {label}]")
        line = session.read_line("  (Enter shows the answer, q stops) ")
        if line is None or line.strip().casefold() in QUIT_WORDS:
            return False
        session.write(f"  {prompt.entry.term}: {prompt.entry.definition}")
        choices = "  ".join(
            f"{rating.value} {rating.label.lower()} ({short_interval(delta)})"
            for rating, delta in prompt.previews(clock.now()).items()
        )
        while True:
            session.write(f"  {choices}")
            answer = session.read_line("  rate 1-4: ")
            if answer is None or answer.strip().casefold() in QUIT_WORDS:
                return False
            if answer.strip() in ("1", "2", "3", "4"):
                rating = Rating(int(answer.strip()))
                save_rating = functools.partial(
                    desk.rate, prompt.card.id, prompt.card.reps, rating, clock.now()
                )
                if not self.save(f"rating of {prompt.entry.term}", save_rating):
                    session.write(
                        "  (the database is unavailable: the rating is kept, saved as soon as it answers)"
                    )
                    return False
                return True
            session.write("  Type 1 (again), 2 (hard), 3 (good) or 4 (easy), or q to stop.")


def _done_line(step: NothingDue, now: datetime, reviewed: int) -> str:
    """What the console says when no card is due."""
    done = f"Reviewed {reviewed} card{'s' if reviewed != 1 else ''}. " if reviewed else ""
    if step.next_due is None:
        return f"{done}No cards due: the notes have no terms to review."
    when = step.next_due.strftime("%Y-%m-%d %H:%M UTC")
    return f"{done}No cards due, next one in {short_interval(step.next_due - now)} ({when})."
