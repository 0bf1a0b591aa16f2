"""A vocabulary question that names a language (issue 14): "how do you say spoon in Spanish" asked of
German notes is refused, never answered with der Löffel; asked in the language the word is in, or one the
notes name, it is answered. Found by a fresh tester on notes that never say which language they are in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound

ENTRIES = (
    ("der Löffel", "Spoon"),
    ("der Teller", "Plate"),
    ("die Gabel", "Fork"),
    ("das Brot", "Bread"),
    ("la casa", "House"),
)


def _matcher(title: str, file: str) -> Matcher:
    topic = Topic(title=title, path=Path(f"/notes/{file}"))
    kb = KnowledgeBase()
    kb.topics.append(topic)
    kb.files.append(topic.path)
    kb.entries.extend(Entry(term=t, definition=d, topic=topic) for t, d in ENTRIES)
    return Matcher(kb)


@pytest.fixture(scope="module")
def kitchen() -> Matcher:
    """Notes whose title and file name name no language."""
    return _matcher("Kitchen", "kitchen.yaml")


@pytest.mark.parametrize(
    "question",
    [
        "how do you say spoon in Spanish",
        "how do you say plate in french",
        "what is fork in italian",
        "what is the portuguese for bread",
        "how do you say house in german",
    ],
)
def test_a_word_asked_in_a_language_it_is_not_in_is_refused(kitchen: Matcher, question: str) -> None:
    assert isinstance(kitchen.lookup(question), NotFound)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("how do you say spoon in German", "der Löffel"),
        ("how do you say bread in german", "das Brot"),
        ("what is fork in german", "die Gabel"),
        ("how do you say house in spanish", "la casa"),
    ],
)
def test_a_word_asked_in_its_own_language_is_answered(kitchen: Matcher, question: str, term: str) -> None:
    result = kitchen.lookup(question)
    assert isinstance(result, Answer)
    assert result.entry.term == term


def test_a_language_the_notes_name_is_taken_as_theirs() -> None:
    """Notes titled in Latin's name: wordfreq has no Latin list, the title says the language."""
    latin = _matcher("Latin vocabulary", "latin.yaml")
    result = latin.lookup("how do you say spoon in latin")
    assert isinstance(result, Answer)
    assert result.entry.term == "der Löffel"
