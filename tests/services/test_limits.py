"""Every quiz limit and mode is defined once (bot.quiz.settings) and read by config, commands and storage."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from bot.config import QUIZ_MODES, ConfigError, QuizSettings, load_settings
from bot.quiz.settings import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    MAX_QUESTIONS,
    MAX_SECONDS,
    MIN_QUESTIONS,
    MIN_SECONDS,
    QuizMode,
)
from cogs.quiz import Mode


def test_the_command_modes_are_the_quiz_modes() -> None:
    assert get_args(Mode) == tuple(m.value for m in QuizMode) == QUIZ_MODES


def test_config_defaults_are_the_quiz_defaults() -> None:
    defaults = QuizSettings()
    assert (defaults.questions, defaults.seconds) == (DEFAULT_QUESTIONS, DEFAULT_SECONDS)
    assert QuizMode(defaults.mode) is QuizMode.MIXED


@pytest.mark.parametrize(
    ("key", "low", "high"),
    [("questions", MIN_QUESTIONS, MAX_QUESTIONS), ("seconds", MIN_SECONDS, MAX_SECONDS)],
)
def test_config_takes_the_quiz_limits(tmp_path: Path, key: str, low: int, high: int) -> None:
    for good in (low, high):
        settings = load_settings(None, {f"STUDYBOT_QUIZ_{key.upper()}": str(good)})
        assert getattr(settings.quiz, key) == good
    for bad in (low - 1, high + 1):
        with pytest.raises(ConfigError, match=f"must be an integer from {low} to {high}, got .{bad}."):
            load_settings(None, {f"STUDYBOT_QUIZ_{key.upper()}": str(bad)})
