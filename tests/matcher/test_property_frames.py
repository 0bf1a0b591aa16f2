"""Questions about a named entry that say first what kind of answer they want.

"what does a correlation coefficient measure", "what range does it go from", "what are the 5 steps of
SQ3R" ask about the entry they name; "what is a memory controller" names a thing of its own, and "what
does a container ship carry" asks about a ship.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES = (
    ("Correlation coefficient", (), "An index of the relationship between two things, from -1 to +1."),
    ("SQ3R", (), "A study method of five steps: survey, question, read, rehearse, review."),
    ("Random access memory", ("RAM", "Memory"), "Volatile working storage of a computer."),
    ("Container", (), "A packaged application with its libraries, sharing the host kernel."),
    ("Secure Shell", ("SSH",), "Encrypted remote login, on port 22."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what does a correlation coefficient measure", "Correlation coefficient"),
        ("what range does a correlation coefficient go from", "Correlation coefficient"),
        ("which port does ssh listen on", "Secure Shell"),
        ("what are the 5 steps of sq3r", "SQ3R"),
        ("what are the steps of SQ3R?", "SQ3R"),
    ],
)
def test_a_question_saying_what_it_wants_about_a_name_answers_it(
    matcher: Matcher, question: str, term: str
) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is a memory controller",  # a name of its own, not what memory does
        "what does a container ship carry",  # a noun after the name: a ship, not a container
        "what are the steps of baking",  # nothing of the notes named
    ],
)
def test_a_name_inside_another_thing_is_not_asked_about(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
