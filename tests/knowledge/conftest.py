"""Fixtures for the knowledge loader and ``check`` tests: knowledge files written to a temporary folder."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, Problem
from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge
from bot.matching import Answer, Matcher

WriteFile = Callable[[str, str], Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write dedented ``text`` to ``name`` under a temporary folder and return its path."""

    def write_file(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A copy of the bundled notes in a temporary folder, free to edit."""
    target = tmp_path / "notes"
    if DEFAULT_KNOWLEDGE_PATH.is_dir():
        shutil.copytree(DEFAULT_KNOWLEDGE_PATH, target)
    else:
        target.mkdir()
        shutil.copy(DEFAULT_KNOWLEDGE_PATH, target)
    return target


def add_zorbling(notes: Path) -> None:
    """Add the made-up term "Zorbling" to the first knowledge file under ``notes``."""
    file = next(notes.rglob("*.yaml"))
    text = file.read_text(encoding="utf-8")
    entry = "entries:\n  - term: Zorbling\n    definition: A made-up word for this test.\n"
    file.write_text(text.replace("entries:\n", entry, 1), encoding="utf-8")


def answered(matcher: Matcher, text: str) -> str | None:
    """The term ``matcher`` answers ``text`` with, None when it does not answer."""
    answer = matcher.lookup(text)
    return answer.entry.term if isinstance(answer, Answer) else None


def problems_of(paths: Iterable[str | Path]) -> list[Problem]:
    """The problems ``load_knowledge`` reports for ``paths`` (fails the test if it loads)."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(paths)
    return list(caught.value.problems)


def only_problem(paths: Iterable[str | Path]) -> Problem:
    """The single problem reported for ``paths``."""
    problems = problems_of(paths)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]
