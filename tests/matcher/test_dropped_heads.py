"""A generic last word a question adds to a name ("SSH protocol", "spooler service") is left out only when
it fits: the entry is of that kind, the notes use the word, or the definition states no other kind.
"community service" in ecology notes is no Community."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Community", "An assemblage of different populations that live together in a defined area."),
    ("Population", "An assemblage of the same species in an area."),
    ("SSH", "A protocol for remote shells."),
    ("Spooler", "Queues print jobs."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Notes": ENTRIES}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("ssh protocol", "SSH"),  # its definition says it is one
        ("spooler service", "Spooler"),  # its definition states no kind
        ("community", "Community"),
    ],
)
def test_a_head_that_fits_is_left_out(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "community service",
        "communty service",
        "population service",
        "what is a population model",
        "ssh model",
    ],
)
def test_a_head_the_entry_and_the_notes_never_use_is_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), result
    assert result.suggestions  # offered, not given
