"""Round settings validation and the scoring formula."""

from __future__ import annotations

import pytest

from bot.quiz import QuizMode, QuizSettingsError, RoundSettings, points_for


def test_defaults() -> None:
    s = RoundSettings.validated()
    assert (s.questions, s.seconds, s.topic, s.mode) == (10, 30, None, QuizMode.TYPED)
    assert s.as_dict() == {"questions": 10, "seconds": 30, "topic": None, "mode": "typed"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"questions": 0}, "questions must be between 1 and 50"),
        ({"questions": 51}, "questions must be between 1 and 50"),
        ({"seconds": 4}, "seconds must be between 5 and 120"),
        ({"seconds": 121}, "seconds must be between 5 and 120"),
        ({"mode": "voice"}, "mode must be one of: typed, buttons, mixed"),
    ],
)
def test_out_of_range_settings_raise_a_clear_message(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(QuizSettingsError) as err:
        RoundSettings.validated(**kwargs)  # type: ignore[arg-type]
    assert err.value.message == message
    assert str(err.value) == message


def test_edges_and_mode_spelling() -> None:
    s = RoundSettings.validated(questions=50, seconds=5, topic="  Virtualization ", mode="Buttons")
    assert (s.questions, s.seconds, s.topic, s.mode) == (50, 5, "Virtualization", QuizMode.BUTTONS)
    assert RoundSettings.validated(questions=1, seconds=120, topic="  ").topic is None


def test_points_formula() -> None:
    assert points_for(0, 30, 1) == 20  # base 10 + full speed bonus
    assert points_for(15, 30, 1) == 15
    assert points_for(30, 30, 1) == 10  # at the deadline: base only
    assert points_for(45, 30, 1) == 10  # never below base
    assert points_for(30, 30, 2) == 12  # streak of 2: +2
    assert points_for(30, 30, 6) == 20  # +10 cap
    assert points_for(0, 30, 50) == 30  # the most a question gives
    with pytest.raises(ValueError, match="duration"):
        points_for(1, 0, 1)
