"""A unit the notes give a quantity ("its unit is the candela (cd)") answers that quantity's entry when
asked bare or as "what is measured in ..."; a unit two quantities share answers neither."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Base SI units", path=Path("/notes/physics.yaml"))

ENTRIES = (
    ("Luminous intensity", "A base SI quantity; its unit is the candela (cd)."),
    ("Amount of substance", "A base SI quantity; its unit is the mole (mol)."),
    ("Temperature", "Average kinetic energy of the molecules. Its SI base unit is the Kelvin (K)."),
    ("Electric Current", "A base SI quantity; its unit is the ampere (A)."),
    ("Work", "Force times distance; its unit is the joule (J)."),
    ("Energy", "The capacity to do work; its unit is the joule (J)."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("candela", "Luminous intensity"),
        ("kelvin", "Temperature"),
        ("what is measured in moles", "Amount of substance"),
        ("unit of electric current", "Electric Current"),
        ("si unit of temperature", "Temperature"),
    ],
)
def test_a_unit_answers_its_quantity(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["joule", "what is measured in joules", "volt"])
def test_a_shared_or_unknown_unit_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
