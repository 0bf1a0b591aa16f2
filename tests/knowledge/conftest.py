"""Fixtures for the knowledge loader and ``check`` tests: knowledge files written to a temporary folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, Problem
from bot.loader import load_knowledge

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
