"""``python -m bot console``: the bot offline in the terminal, with every console command.

Type a question to get an answer from the notes; lines starting with ``/`` are commands (``/help``,
``/topics``, ``/define TERM``, ``/quiz``, ``/review``, ``/quit``). This is the one console:
``python -m bot console``, ``make console`` and ``make run`` without a token all go through
:func:`serve_console`, so they have the same commands.

Modules: ``session`` (the loop and the command registry), ``quiz`` (``/quiz``), ``review`` (``/review``).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli.ask import EXIT_KNOWLEDGE, add_kb_argument, load_kb_or_report
from bot.cli.console.session import ConsoleCommand, ConsoleSession, handle_line, run_console
from bot.clock import Clock
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher

if TYPE_CHECKING:  # storage, which plain look-ups never need
    from bot.cli.database import ConsoleDatabase
    from bot.services import Services

#: Exit code when answers or ratings kept during the session could not be saved before it ended.
EXIT_NOT_SAVED = 3

__all__ = [
    "EXIT_NOT_SAVED",
    "ConsoleCommand",
    "ConsoleSession",
    "handle_line",
    "register",
    "run",
    "run_console",
    "serve_console",
    "serve_services",
]


def serve_console(
    kb: KnowledgeBase,
    *,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    database_url: str | None = None,
    matcher: Matcher | None = None,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    patience_s: float = 30.0,
) -> int:
    """Run the full console (look-ups, ``/quiz``, ``/review``) on ``kb`` until end of input; the exit code.

    ``database_url`` is where quiz points and flashcards go (default: the configured database,
    ``config.yaml`` / ``STUDYBOT_DATABASE_URL``); it is opened on the first command that needs it.
    ``matcher`` (default: built on ``kb``), ``clock`` (default: the wall clock) and ``rng`` (default:
    unseeded) are the services' when :func:`serve_services` starts the console. Writes kept while the
    database was unavailable are retried for up to ``patience_s`` seconds at the end; if some are still
    unsaved, they are named and the exit code is ``EXIT_NOT_SAVED``.
    """
    with contextlib.ExitStack() as stack:
        parts: list[ConsoleDatabase] = []

        def extra_commands() -> list[ConsoleCommand]:
            # Made at the first command: the quiz and review commands pull in storage (SQLAlchemy and
            # Alembic, about half a second of imports), which questions never need.
            from bot.cli.console.quiz import ConsoleQuiz
            from bot.cli.console.review import ConsoleReview

            review = stack.enter_context(ConsoleReview(database_url, clock=clock))
            quiz = stack.enter_context(ConsoleQuiz(database_url, clock=clock, rng=rng))
            parts.extend((quiz, review))
            return [*review.commands(), *quiz.commands()]

        status = run_console(kb, stdin=stdin, stdout=stdout, extra_commands=extra_commands, matcher=matcher)
        saved = [part.save_waiting(stdout, patience_s=patience_s) for part in parts]
    return status if status or all(saved) else EXIT_NOT_SAVED


def serve_services(services: Services, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """The console on the services of ``make run``: their notes, matcher, database, clock and rng."""
    return serve_console(
        services.knowledge.kb,
        stdin=stdin,
        stdout=stdout,
        database_url=services.settings.database.url,
        matcher=services.knowledge.matcher,
        clock=services.clock,
        rng=services.rng,
    )


def register(subparsers: Any) -> None:
    """Add the ``console`` sub-command."""
    parser = subparsers.add_parser(
        "console",
        help="ask the bot offline in the terminal",
        description="The bot offline: type questions, get answers from the notes. "
        "Commands: /help, /topics, /define TERM, /quiz, /review, /quit. Works piped (reads stdin).",
        epilog="Exit status: 0 at /quit or end of input; 2 when the knowledge files cannot be loaded.",
    )
    add_kb_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the notes and run the console on stdin/stdout."""
    kb = load_kb_or_report(args.kb)
    if kb is None:
        return EXIT_KNOWLEDGE
    return serve_console(kb, stdin=sys.stdin, stdout=sys.stdout)
