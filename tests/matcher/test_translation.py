"""Vocabulary questions asked from the meaning: "how do you say smile in Spanish" answers the entry whose
definition opens with "Smile"; a meaning the notes do not give, or give for two words, is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.translation import asked_meaning, glosses
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Vocabulario", path=Path("/notes/spanish.yaml"))

ENTRIES = (
    ("La Escuela", "School (noun, feminine)."),
    ("La Sonrisa", "Smile (noun, feminine)."),
    ("Aprender", "To learn (verb)."),
    ("El Idioma", "Language, tongue, idiom (noun, masculine)."),
    ("La Lengua", "Tongue; language (noun, feminine)."),
    ("Claro", "Sure."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is the spanish for school", "La Escuela"),
        ("how do you say smile in Spanish?", "La Sonrisa"),
        ("spanish word for smile", "La Sonrisa"),
        ("to learn in spanish", "Aprender"),
        ("idiom in spanish", "El Idioma"),
        ("what is claro in english", "Claro"),
        ("escuela in english", "La Escuela"),
    ],
)
def test_a_word_is_found_from_its_meaning(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is the spanish for cat",  # not in the notes
        "how do you say language in spanish",  # two words mean it: ambiguous
        "tongue in spanish",
    ],
)
def test_a_meaning_the_notes_do_not_give_once_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


def test_the_meaning_is_taken_out_of_the_question() -> None:
    assert asked_meaning("How do you say to find in Spanish?") == "to find"
    assert asked_meaning("what's the French word for a dog") == "dog"
    assert asked_meaning("what is a smile") is None


def test_glosses_stop_at_the_grammar_notes() -> None:
    assert glosses("Wholeness, completeness (= totalidad); integrity") == ["Wholeness", "completeness"]


@pytest.mark.parametrize(
    ("question", "term"),
    [("is escuela masculine or feminine", "La Escuela"), ("is aprender regular or irregular", "Aprender")],
)
def test_a_choice_asked_about_a_word_answers_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


def test_how_many_are_there_asks_about_the_entry() -> None:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.append(Entry(term="Oceans", definition="5 oceans, large masses of water.", topic=TOPIC))
    result = Matcher(kb).lookup("how many oceans are there")
    assert isinstance(result, Answer)
    assert result.entry.term == "Oceans"
    assert isinstance(Matcher(kb).lookup("how many continents are there"), NotFound)
