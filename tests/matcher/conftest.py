"""Fixtures for the matcher tests: the seed knowledge base and a matcher over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.knowledge import KnowledgeBase
from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge
from bot.matching import Answer, Matcher

HERE = Path(__file__).resolve().parent
SEED = DEFAULT_KNOWLEDGE_PATH / "security-plus" / "virtualization.yaml"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The seed knowledge base, loaded through the real loader."""
    return load_knowledge([SEED])


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    """A matcher over the seed knowledge base."""
    return Matcher(kb)


def load_cases(name: str) -> list[dict[str, Any]]:
    """Question cases of a YAML file here: a list, or a mapping of lists."""
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return [case for cases in data.values() for case in cases]
    return list(data)


def grade(matcher: Matcher, cases: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """How many cases the matcher gets right, and a line for each one it gets wrong."""
    right = 0
    wrong: list[str] = []
    for case in cases:
        result = matcher.lookup(case["q"])
        got = result.entry.term if isinstance(result, Answer) else None
        if got == case["expect"]:
            right += 1
        else:
            detail = f"{result.via} {result.score}" if isinstance(result, Answer) else "not found"
            wrong.append(f"{case['q']!r}: expected {case['expect']!r}, got {got!r} ({detail})")
    return right, wrong
