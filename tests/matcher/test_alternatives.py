"""Two names offered as alternatives ("element or compound") show both entries; every other question with
"or" in it (a name with "or" inside, a yes/no question, a description) is looked up as before."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from bot.matching.query import alternative_sides
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Element", "A substance that cannot be broken down into other substances."),
    ("Compound", "Two or more elements chemically combined."),
    ("Fixed costs", "Costs that do not vary with output."),
    ("Variable costs", "Costs that vary with output."),
    ("Fight or flight", "The body's response to a threat: adrenaline, a faster heart."),
    ("Fight", "A physical struggle between two people."),
    ("Flight", "Running away from a threat."),
    ("Masculine", "A noun class: el libro."),
    ("Mode", "The most frequent score in a distribution."),
    ("Median", "The middle score in a distribution."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Notes": ENTRIES}))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("element or compound", ("element", "compound")),
        ("what is a mode or a median?", ("mode", "median")),
        ("fixed or variable costs", ("fixed", "variable costs")),
        ("is proyecto masculine or feminine", None),  # a yes/no question about one thing
        ("does it use tcp or udp", None),
        ("two or more elements chemically combined together", None),  # a side longer than a name
        ("element or compound or mixture", None),
        ("element and compound", None),
        ("mode or mode", None),
    ],
)
def test_alternative_sides(text: str, sides: tuple[str, str] | None) -> None:
    assert alternative_sides(text) == sides


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("element or compound", ["Element", "Compound"]),
        ("what is a mode or a median", ["Mode", "Median"]),
        ("fixed or variable costs", ["Fixed costs", "Variable costs"]),  # the head is shared
        ("compund or elemnt?", ["Compound", "Element"]),  # each side as the matcher reads a name
    ],
)
def test_two_alternatives_show_both_entries(matcher: Matcher, question: str, terms: list[str]) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert [e.term for e in result.entries] == terms


def test_a_name_with_or_inside_is_that_entry_alone(matcher: Matcher) -> None:
    result = matcher.lookup("fight or flight")
    assert isinstance(result, Answer)
    assert [e.term for e in result.entries] == ["Fight or flight"]


@pytest.mark.parametrize(
    "question", ["element or mixture", "is a noun masculine or feminine", "mode or range", "mode or"]
)
def test_alternatives_the_notes_do_not_both_name_show_no_pair(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    shown = [] if isinstance(result, NotFound) else [e.term for e in result.entries]
    assert len(shown) <= 1
