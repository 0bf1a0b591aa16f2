"""A comparison of two things the notes do not name apart, answered by the one entry that compares them.

"static vs dynamic dispatch" where the notes have Dispatch saying both; "nature vs nurture" where they
have the Nature-nurture issue. Anything less is still refused: never one side guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES = (
    ("Dispatch", "Static (monomorphization, zero-cost) vs dynamic (dyn Trait, vtable-based)."),
    ("Nature-nurture issue", "The controversy over what genes and experience each contribute."),
    ("Routing", "Choosing paths through a network, by hand or by a protocol."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("static vs dynamic dispatch", "Dispatch"),
        ("difference between static and dynamic dispatch", "Dispatch"),
        ("nature vs nurture", "Nature-nurture issue"),
    ],
)
def test_the_entry_that_is_the_comparison_answers(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term
    assert result.also == ()


@pytest.mark.parametrize(
    "question",
    [
        "static vs dynamic routing",  # Routing does not say static and dynamic
        "nature vs culture",  # no name starts with both
    ],
)
def test_a_comparison_no_entry_makes_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
