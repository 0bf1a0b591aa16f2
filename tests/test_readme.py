"""The README's list of command-line commands names every command ``python -m bot --help`` lists."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from bot.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands_of_the_parser() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def _commands_in_the_readme_list() -> set[str]:
    text = README.read_text(encoding="utf-8")
    after = text.split("The other commands of the command line:", 1)[1]
    block = after.split("```", 2)[1]  # the code block that follows
    return set(re.findall(r"-m bot (\w+)", block))


def test_the_readme_command_list_names_every_command() -> None:
    commands = _commands_of_the_parser()
    assert {"import", "export", "check"} <= commands
    assert commands - _commands_in_the_readme_list() == set()


def test_the_readme_says_that_import_and_export_create_the_output_folder() -> None:
    assert "(`-o newdir/x.yaml`) are created" in README.read_text(encoding="utf-8")
