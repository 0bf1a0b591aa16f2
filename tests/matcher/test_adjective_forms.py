"""An adjective in -ic/-ical written for the noun of a name's definition or of the name itself:
"economic agent" (Agent, "... in the economy"), "deontological ethics" (Deontology, in notes on Ethics)."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from bot.matching.text import noun_forms
from tests.quiz.conftest import make_kb

ENTRIES = [
    ("Deontology", "Judging an act by the act itself."),
    ("Agent", "Someone who takes part in the economy."),
    ("Organ", "A part of the body with one job."),
    ("Cell", "The smallest unit of life."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({"Ethics": ENTRIES}))


@pytest.mark.parametrize(
    ("word", "nouns"),
    [
        ("deontological", ("deontology", "deontologics")),
        ("economic", ("economy", "economics")),
        ("logical", ()),  # too short a root
        ("organ", ()),
        ("ethics", ()),
    ],
)
def test_noun_forms(word: str, nouns: tuple[str, ...]) -> None:
    assert noun_forms(word) == nouns


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is an economic agent", "Agent"),
        ("economic agents", "Agent"),
        ("deontological ethics", "Deontology"),
        ("what is deontological ethics", "Deontology"),
    ],
)
def test_an_adjective_form_answers(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "organic ethics",  # "organic" is no form of Organ
        "cell ethics",  # a noun before the subject: no kind of it
        "deontological cell",
        "chemical agent",  # the definition says nothing chemical
    ],
)
def test_other_words_in_front_are_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


def test_a_qualified_name_may_be_written_in_another_word_form() -> None:
    kb = make_kb({"Attacks": [("Spraying", "Tries one common password against many accounts."), *ENTRIES]})
    matcher = Matcher(kb)
    for question in ("password spray", "password sprays"):
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert result.entry.term == "Spraying"
    for question in ("spray paint", "spray", "organ password"):  # no qualifier its definition says
        assert isinstance(matcher.lookup(question), NotFound), question
