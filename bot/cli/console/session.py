"""The console's loop: a session, its command registry, and ``run_console``.

Type a question to get an answer from the notes; lines starting with ``/`` are commands
(``/help``, ``/topics``, ``/define TERM``, ``/quit``). Commands live in a registry of
``ConsoleCommand`` objects, so later features (``/quiz``, ``/review``) plug in through
``run_console(..., extra_commands=...)`` without touching the loop. It reads stdin, so it also
works piped; the prompt and greeting are only shown when stdin is a terminal.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from bot.cli.ask import EXIT_OK, result_text
from bot.errors import UserError
from bot.knowledge import KnowledgeBase
from bot.markup import plain_text
from bot.matching import Matcher

log = logging.getLogger(__name__)

PROMPT = "studybot> "


@dataclass(slots=True)
class ConsoleSession:
    """What a console command can use: the notes, the matcher, output and further input lines."""

    kb: KnowledgeBase
    matcher: Matcher
    stdin: TextIO
    stdout: TextIO
    interactive: bool
    commands: dict[str, ConsoleCommand] = field(default_factory=dict)
    running: bool = True

    def write(self, text: str = "") -> None:
        """Print ``text`` and a newline."""
        self.stdout.write(f"{text}\n")
        self.stdout.flush()

    def read_line(self, prompt: str = PROMPT) -> str | None:
        """The next input line without its newline (prompting on a terminal), or None at end of input."""
        if self.interactive:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return line.rstrip("\r\n")

    def stop(self) -> None:
        """End the console after the current command."""
        self.running = False


#: A command handler: gets the session and the text after the command name.
CommandHandler = Callable[[ConsoleSession, str], None]


@dataclass(frozen=True, slots=True)
class ConsoleCommand:
    """A ``/name`` console command with a one-line help text."""

    name: str
    help: str
    handler: CommandHandler
    usage: str = ""
    aliases: tuple[str, ...] = ()


def _answer(session: ConsoleSession, question: str) -> None:
    """Look ``question`` up and print the answer or the suggestions."""
    session.write(result_text(session.matcher.lookup(plain_text(question))))


def _help(session: ConsoleSession, _arg: str) -> None:
    """List the commands."""
    session.write("Type a question (e.g. what is a hypervisor?) or a command:")
    for command in session.commands.values():
        usage = f"/{command.name}{' ' + command.usage if command.usage else ''}"
        if len(usage) <= 18:
            session.write(f"  {usage:<18} {command.help}")
        else:  # a long usage line gets the help text below it
            session.write(f"  {usage}\n  {'':<18} {command.help}")


def _topics(session: ConsoleSession, _arg: str) -> None:
    """List the topics with their number of terms."""
    if not session.kb.topics:
        session.write("No topics loaded.")
        return
    for topic in session.kb.topics:
        count = len(session.kb.entries_of(topic))
        session.write(f"{topic.label}: {count} term{'s' if count != 1 else ''}")


def _define(session: ConsoleSession, arg: str) -> None:
    """Look a term up."""
    if not arg.strip():
        session.write("Usage: /define TERM")
        return
    _answer(session, arg)


def _quit(session: ConsoleSession, _arg: str) -> None:
    """Leave the console."""
    session.stop()


def builtin_commands() -> list[ConsoleCommand]:
    """The console's own commands."""
    return [
        ConsoleCommand("help", "list the commands", _help, aliases=("?",)),
        ConsoleCommand("topics", "list the topics of the notes", _topics),
        ConsoleCommand("define", "look a term up", _define, usage="TERM"),
        ConsoleCommand("quit", "leave the console", _quit, aliases=("exit", "q")),
    ]


def _registry(commands: Iterable[ConsoleCommand]) -> tuple[dict[str, ConsoleCommand], dict[str, str]]:
    """Commands by name (later ones replace earlier ones) and every alias mapped to its name."""
    by_name: dict[str, ConsoleCommand] = {}
    for command in commands:
        by_name[command.name] = command
    names = {name: name for name in by_name}
    for command in by_name.values():
        for alias in command.aliases:
            names.setdefault(alias, command.name)
    return by_name, names


def handle_line(session: ConsoleSession, line: str, names: dict[str, str]) -> None:
    """Run one input line: a ``/command`` or a question."""
    text = line.strip()
    if not text:
        return
    if not text.startswith("/"):
        _answer(session, text)
        return
    word, _, arg = text[1:].partition(" ")
    name = names.get(word.casefold())
    if name is None:
        session.write(f"Unknown command /{word}; /help lists the commands.")
        return
    try:
        session.commands[name].handler(session, arg.strip())
    except UserError as exc:  # a refusal (a bad setting, the database down): its message, not a traceback
        session.write(exc.user_message)


def run_console(
    kb: KnowledgeBase,
    *,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    extra_commands: Iterable[ConsoleCommand] | Callable[[], Iterable[ConsoleCommand]] = (),
    matcher: Matcher | None = None,
) -> int:
    """Read questions and commands from ``stdin`` until ``/quit`` or end of input; return the exit code.

    ``extra_commands`` may be a function returning them: it is called at the first line that is a
    command, so a session of questions alone never makes them (nor imports what they need).
    """
    pending: Callable[[], Iterable[ConsoleCommand]] | None = None
    if callable(extra_commands):
        pending, extra_commands = extra_commands, ()
    commands, names = _registry([*builtin_commands(), *extra_commands])
    interactive = bool(getattr(stdin, "isatty", lambda: False)())
    session = ConsoleSession(
        kb=kb,
        matcher=matcher if matcher is not None else Matcher(kb),
        stdin=stdin,
        stdout=stdout,
        interactive=interactive,
        commands=commands,
    )
    if interactive:
        session.write(f"studybot offline: {kb.summary()}. /help lists the commands, /quit leaves.")
    while session.running:
        line = session.read_line()
        if line is None:
            if interactive:
                session.write()
            break
        if pending is not None and line.lstrip().startswith("/"):
            commands, names = _registry([*builtin_commands(), *pending()])
            session.commands, pending = commands, None
        handle_line(session, line, names)
    return EXIT_OK
