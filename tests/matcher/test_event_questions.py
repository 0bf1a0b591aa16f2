"""History notes are asked about events: when one started or ended, who led or caused it. Such a
question is about the event it names, and is refused when the notes do not name it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound

TOPIC = Topic(title="Revolutions", path=Path("/notes/history.yaml"))

ENTRIES = (
    ("French Revolution", "Revolution in France, 1789-1799; liberty, equality, fraternity."),
    ("Russian Revolution", "Revolution in Russia in 1917 that ended the Tsarist autocracy."),
    ("Arab Spring", "Revolutions from 2010 that started in Tunisia."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, definition=d, topic=TOPIC) for t, d in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("when did the french revolution start", "French Revolution"),
        ("where did the arab spring start", "Arab Spring"),
        ("when did the russian revolution end", "Russian Revolution"),
        ("who led the russian revolution", "Russian Revolution"),
        ("what caused the french revolution", "French Revolution"),
    ],
)
def test_a_question_about_a_named_event_answers_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    ["when did the american revolution start", "who led the glorious revolution", "who led the revolution"],
)
def test_an_event_the_notes_do_not_name_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
