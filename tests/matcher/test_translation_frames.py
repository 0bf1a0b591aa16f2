"""Vocabulary notes (issue 14): a word list gives a foreign word as the term and its meaning as the
definition. A learner asks for the word with the frames of translation ("translate X", "X translation",
"X in English") as well as "what does X mean", and asks the way round ("translate knife into German").
What the notes do not list is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound

TOPIC = Topic(title="Vokabeln Kapitel 3", path=Path("/notes/kueche.yaml"))

ENTRIES = (
    ("Messer", "knife"),
    ("Gabel", "fork"),
    ("der Löffel", "spoon"),
    ("die Schere", "scissors"),
    ("Tisch", "table"),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase()
    kb.topics.append(TOPIC)
    kb.files.append(TOPIC.path)
    kb.entries.extend(Entry(term=t, definition=d, topic=TOPIC) for t, d in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("translate Messer", "Messer"),
        ("translate gabel", "Gabel"),
        ("please translate der Löffel", "der Löffel"),
        ("Messer translation", "Messer"),
        ("what is the translation of Gabel", "Gabel"),
        ("Tisch in English", "Tisch"),
        ("translate Schere into English", "die Schere"),
        ("what's the English for Gabel", "Gabel"),
        ("what does Messer mean", "Messer"),
        ("Messer meaning", "Messer"),
        ("what's the German for knife", "Messer"),
        ("translate knife into German", "Messer"),
        ("translate spoon to german", "der Löffel"),
    ],
)
def test_a_listed_word_is_translated(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term, question


@pytest.mark.parametrize(
    "question",
    [
        "translate Fenster",
        "Fenster translation",
        "translate window into German",
        "translate knife into Spanish",
    ],
)
def test_a_word_the_notes_do_not_list_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
