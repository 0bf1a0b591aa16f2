"""A question that a definition contains word for word answers that entry, unless the words there name
something else: a gloss in brackets ("MT/s (megatransfers per second)") or another entry's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES = (
    ("Memory bandwidth", "Speed of memory transfers, in MT/s (megatransfers per second); higher is faster."),
    ("Sprints", "Short development stages of the Agile development approach."),
    ("Agile", "Fast, iterative, small team with client, planning as needed."),
    ("User Datagram Protocol", "A connectionless transport protocol used for low-latency traffic."),
    ("Remote Desktop Protocol", "Remote control of a desktop over Port 3389."),
    ("Consequentialism", "Judge an act by its consequences alone (the end justifies the means)."),
    ("Deontology", "Judge an act by the act itself; duties come first."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("connectionless transport protocol", "User Datagram Protocol"),
        ("port 3389", "Remote Desktop Protocol"),
        # a saying quoted whole, one a definition restates in brackets after a plain word
        ("the end justifies the means", "Consequentialism"),
    ],
)
def test_words_a_definition_says_answer_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    ("question", "not_term"),
    [
        ("megatransfers per second", "Memory bandwidth"),  # only in brackets: a gloss of MT/s
        ("agile development approach", "Sprints"),  # Agile is an entry of its own
        ("what is the means", "Consequentialism"),  # too few words to be a quoted saying
    ],
)
def test_words_that_name_something_else_there_do_not_answer_it(
    matcher: Matcher, question: str, not_term: str
) -> None:
    result = matcher.lookup(question)
    assert not (isinstance(result, Answer) and result.entry.term == not_term), question
