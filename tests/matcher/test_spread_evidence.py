"""A question about something ("why do prices rise") answered from a description needs two of its words
in one sentence of the entry's definition or details: words each mentioned in passing in different
sentences of a longer definition are no answer."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    (
        "Marginal revenue",
        "The change in total revenue from an additional unit sold. When output rises by one unit, revenue "
        "goes up. For competitive firms it equals the price of the good.",
    ),
    ("Sunk cost", "A cost that has already been committed and cannot be recovered."),
    (
        "MD5",
        "A hash function with a 128-bit digest. Not used much anymore because collisions are easy to find.",
    ),
    ("Inflation", "A general rise in prices over time."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Economics": ENTRIES[:2], "Crypto": ENTRIES[2:3]}))


@pytest.fixture(scope="module")
def with_inflation() -> Matcher:
    return Matcher(make_kb({"Economics": ENTRIES}))


def test_words_in_different_sentences_are_no_answer(matcher: Matcher) -> None:
    result = matcher.lookup("why do prices rise")
    assert isinstance(result, NotFound), result


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("why is md5 not used much anymore", "MD5"),  # a later sentence that says it all
        ("why do prices rise", "Inflation"),  # where the notes say it in one sentence
    ],
)
def test_words_in_one_sentence_answer(with_inflation: Matcher, question: str, term: str) -> None:
    result = with_inflation.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == term
