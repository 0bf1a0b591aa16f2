"""A description answer must not rest on a fact it contradicts or on the wrong thing asked about (issue
14): a number the definition gives otherwise ("the fourth degree" is no chord "on the fifth degree"),
a question about what acts on a part of a named thing ("what holds the bricks of a brick wall
together" asks for the mortar), or a question about another entry named as its subject ("where do
coral reefs grow" is about Coral reefs, not about an entry that mentions them)."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Dominant", "Seventh chord built on the fifth scale degree."),
    ("Brick wall", "Bricks laid in courses and held together by mortar."),
    ("Mortar", "A paste of sand, lime and water that binds building blocks."),
    ("Coral reefs", "Ridges of limestone made by colonies of tiny animals."),
    ("Atoll", "A ring of coral reefs; coral reefs form in warm shallow seas around a sinking volcano."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Notes": ENTRIES}))


@pytest.mark.parametrize(
    "question",
    [
        "chord built on the fourth scale degree",
        "chord built on the 4th scale degree",
        "what holds the bricks of a brick wall together",
    ],
)
def test_a_description_the_answer_does_not_fit_is_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), result


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("chord built on the fifth scale degree", "Dominant"),
        ("where do coral reefs form", "Coral reefs"),
        ("what binds building blocks", "Mortar"),
    ],
)
def test_a_description_that_fits_is_answered(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == term
