"""History notes are asked about events: when one started or ended, who led or caused it. Such a
question is about the event it names, and is refused when the notes do not name it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Revolutions", path=Path("/notes/history.yaml"))

ENTRIES = (
    ("French Revolution", "Revolution in France, 1789-1799; liberty, equality, fraternity."),
    ("Russian Revolution", "Revolution in Russia in 1917 that ended the Tsarist autocracy."),
    ("Arab Spring", "Revolutions from 2010 that started in Tunisia."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


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


WARS = (
    ("WWI", "A world war, 1914-1918."),
    ("WWII", "A world war, 1939-1945."),
    ("Cold War", "Rivalry between the USA and the USSR, 1947-1991."),
)


@pytest.fixture(scope="module")
def wars() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(WARS)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("ww1", "WWI"),
        ("ww 2", "WWII"),
        ("world war 2", "WWII"),
        ("world war ii", "WWII"),
        ("world war one", "WWI"),
        ("first world war", "WWI"),
        ("what was the second world war", "WWII"),
        ("how did ww1 end", "WWI"),
        ("when did world war ii start", "WWII"),
    ],
)
def test_a_world_war_is_found_however_it_is_numbered(wars: Matcher, question: str, term: str) -> None:
    result = wars.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


def test_both_world_wars_compared_show_both(wars: Matcher) -> None:
    result = wars.lookup("ww1 vs ww2")
    assert isinstance(result, Answer)
    assert {result.entry.term, *(e.term for e in result.also)} == {"WWI", "WWII"}


@pytest.mark.parametrize("question", ["world war 3", "third world war", "ww"])
def test_a_world_war_the_notes_do_not_list_is_refused(wars: Matcher, question: str) -> None:
    assert isinstance(wars.lookup(question), NotFound), question


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("slogan of the french revolution", "French Revolution"),
        ("causes of the russian revolution", "Russian Revolution"),
        ("main effects of arab spring", "Arab Spring"),
    ],
)
def test_a_property_of_a_named_event_answers_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "spirit of the french revolution",  # not a listed property
        "slogan of the american revolution",  # not named in the notes
        "causes of revolutions in europe",
    ],
)
def test_only_a_listed_property_of_a_named_thing_answers(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
