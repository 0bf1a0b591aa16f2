"""A name the notes misspell ("Tecture" for texture) is offered, not given, for the everyday English
word a student types (issue 14: never a confident wrong answer); a slip of the name itself still
finds it."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Tecture", "The tactile quality of a surface is a texture."),
    ("Hue", "The name of a colour."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Art": ENTRIES}))


def test_an_everyday_word_near_a_misspelt_name_is_offered(matcher: Matcher) -> None:
    result = matcher.lookup("texture")
    assert isinstance(result, NotFound), result
    assert [s.entry.term for s in result.suggestions][:1] == ["Tecture"]


@pytest.mark.parametrize("question", ["tecture", "Tecture", "what is tecture"])
def test_the_name_as_the_notes_write_it_is_answered(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == "Tecture"
