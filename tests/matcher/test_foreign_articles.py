"""Vocabulary notes write a noun with its article ("La Paciencia", "El Jeroglífico"); students look
the word up bare, with or without accents, in the plural or with a small misspelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Vocabulario", path=Path("/notes/spanish.yaml"))

ENTRIES = (
    ("La Paciencia", "Patience (noun, feminine)."),
    ("El Jeroglífico", "Hieroglyph (noun, masculine)."),
    ("La Sonrisa", "Smile (noun, feminine)."),
    ("La Humilidad", "Humility (noun, feminine)."),
    ("Los Angeles", "A city in California."),
    ("Angeles", "A city in the Philippines."),
    ("LA", "Left atrium of the heart."),
    ("Die casting", "Forcing molten metal into a mould."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("paciencia", "La Paciencia"),
        ("la paciencia", "La Paciencia"),
        ("what is paciencia", "La Paciencia"),
        ("jeroglifico", "El Jeroglífico"),  # accents dropped
        ("sonrisas", "La Sonrisa"),  # plural
        ("humildad", "La Humilidad"),  # the notes' own misspelling
        ("angeles", "Angeles"),  # a name written bare beats one made by dropping an article
        ("los angeles", "Los Angeles"),
        ("la", "LA"),  # the article alone is no name
    ],
)
def test_a_noun_is_found_without_its_article(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["casting", "what is casting"])
def test_an_english_name_is_not_read_as_an_article(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
