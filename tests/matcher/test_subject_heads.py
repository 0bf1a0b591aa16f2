"""Heads outside computing that only say what kind of thing a name is ("igneous rock", "Drag Force",
"Arable Farming", "Greek civilization"): a question may add or drop them, except where the head makes
another thing ("sample rate" is no sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Revision", path=Path("/notes/revision.yaml"))

ENTRIES = (
    ("Igneous", "Rock formed when magma cools."),
    ("Dormant", "Not erupted for a long time but may erupt again."),
    ("Subsistence", "Growing food only for the farmer's family."),
    ("Arable Farming", "Growing crops."),
    ("Unemployment Rate", "The share of the workforce without a job."),
    ("Drag Force", "Retarding force due to air resistance."),
    ("Greek", "An ancient Mediterranean culture of city states."),
    ("Sample", "One value of a digital signal."),
    ("Air", "The gas mixture around the Earth."),
    ("Sedimentray", "Sandstone, limestone and shale compressed together."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is an igneous rock", "Igneous"),
        ("what is a dormant volcano", "Dormant"),
        ("subsistence farming", "Subsistence"),
        ("arable", "Arable Farming"),
        ("unemployment", "Unemployment Rate"),
        ("drag", "Drag Force"),
        ("greek civilisation", "Greek"),
        ("what is sedimentary rock", "Sedimentray"),  # the notes' misspelling, a kind word after it
    ],
)
def test_a_kind_word_added_or_dropped_names_the_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["what is a sample rate", "air force", "sedimentary force"])
def test_a_head_that_makes_another_thing_is_kept(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
