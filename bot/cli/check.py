"""``python -m bot check [PATH...]``: validate knowledge files and report every problem.

Prints each problem as ``file:line: message`` and exits 1 if there is any (a path that does not
exist counts as a problem); otherwise prints one summary line and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from bot.knowledge import KnowledgeError
from bot.loader import DEFAULT_KNOWLEDGE_PATH, display_path, format_problem, load_knowledge

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    """Add the ``check`` sub-command."""
    parser = subparsers.add_parser(
        "check",
        help="validate knowledge files and list every problem",
        description="Validate knowledge YAML files (or directories of them, searched recursively) "
        "and list every problem as file:line: message.",
        epilog="Exit status: 0 when everything is valid (prints a summary line); 1 when any problem "
        "is found, including a PATH that does not exist; 2 for a usage error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=str,  # not Path: Path("") is ".", and an empty PATH must be an error, not the cwd
        metavar="PATH",
        help=f"a .yaml/.yml file or a directory "
        f"(default: the bundled notes, {display_path(DEFAULT_KNOWLEDGE_PATH)})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the knowledge files named in ``args``, print the outcome and return the exit code."""
    if any(not str(p) for p in args.paths):
        print("error: empty path", file=sys.stderr)
        return EXIT_USAGE
    paths: list[Path] = [Path(p) for p in args.paths] or [DEFAULT_KNOWLEDGE_PATH]
    try:
        kb = load_knowledge(paths)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(format_problem(problem))
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {kb.summary()}")
    return EXIT_OK
