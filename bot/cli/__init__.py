"""The command line: ``python -m bot <command>``.

Each sub-command lives in its own module exposing ``register(subparsers)``, which
adds its parser and sets ``func`` to a callable ``(args) -> int`` exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: Sub-command modules, in the order ``--help`` lists them.
COMMANDS = ("ask", "console", "check", "run", "importer", "export")
#: The module of each sub-command's name (``import`` is a keyword: its module is ``importer``).
_MODULE_OF = {"import": "importer", **{name: name for name in COMMANDS if name != "importer"}}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser with every available sub-command, or only ``command``'s when given.

    Importing every command's module costs a second or more on a busy machine (the importer alone
    compiles over a hundred patterns), so ``main`` imports only the one being run.
    """
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="studybot: tutor a study group from its notes."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS if command is None else (_MODULE_OF[command],):
        try:
            module = importlib.import_module(f"bot.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bot.cli.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv and argv[0] in _MODULE_OF else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
