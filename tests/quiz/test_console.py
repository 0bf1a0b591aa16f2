"""The console's single-player /quiz: same engine, same database (as server 0, member 0)."""

from __future__ import annotations

import asyncio
import io
import random
from pathlib import Path

import pytest

from bot.cli.console import run_console
from bot.cli.console.quiz import ConsoleQuiz, parse_quiz_args
from bot.clock import FakeClock
from bot.quiz.settings import QuizSettingsError
from bot.storage import Store
from tests.dbutil import sqlite_url
from tests.quiz.conftest import make_kb

KB = make_kb({"Solo": [("Hypervisor", "Software that shares a host's hardware among virtual machines.")]})


def _play(url: str, lines: list[str]) -> str:
    out = io.StringIO()
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1)) as quiz:
        run_console(
            KB, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out, extra_commands=quiz.commands()
        )
    return out.getvalue()


def test_a_console_round_scores_and_stores_points(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    text = _play(
        url, ["/quiz questions=3 seconds=20 mode=typed", "?", "hypervisr", "wrong", "the Hypervisor"]
    )
    assert "Question 1/3: Software that shares" in text
    assert "hint: H _" in text
    assert "Right! +20 points." in text
    assert "The answer was: Hypervisor." in text
    assert "Quiz over: 40 points, 2/3 right." in text

    async def check() -> None:
        store = await Store.open(url)
        try:
            rank = await store.rank(0, 0)
            assert rank is not None
            assert (rank.points, rank.answered, rank.correct) == (40, 3, 2)
        finally:
            await store.close()

    asyncio.run(check())


def test_console_quiz_can_be_stopped_and_refuses_bad_settings(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    text = _play(url, ["/quiz questions=99", "/quiz questions=2 mode=typed", "q"])
    assert "questions must be between 1 and 50" in text
    assert "Quiz stopped: 0 points, 0/1 right." in text


def test_parse_quiz_args() -> None:
    s = parse_quiz_args('questions=5 seconds=15 mode=buttons topic="Virtualization"')
    assert (s.questions, s.seconds, s.mode.value, s.topic) == (5, 15, "buttons", "Virtualization")
    with pytest.raises(QuizSettingsError, match="usage"):
        parse_quiz_args("five questions")
    with pytest.raises(QuizSettingsError, match="whole number"):
        parse_quiz_args("questions=five")
