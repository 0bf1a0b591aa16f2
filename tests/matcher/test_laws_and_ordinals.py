"""Names of laws and principles as science notes write them and students shorten them: ordinals as
words or digits ("first" / "1st"), a "Principle of" or "Law of" in front, a trailing "of Gases" or "of
motion" left off, and nouns whose singular ends in "s" ("gas", "bias")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Physics", path=Path("/notes/physics.yaml"))

ENTRIES = (
    ("Newton's first law of motion", "A body keeps its velocity unless a force acts."),
    ("Newton's third law of motion", "Every action has an equal and opposite reaction."),
    ("Principle of conservation of Energy", "Energy cannot be created or destroyed."),
    ("Conservation of Momentum", "Total momentum of a closed system is constant."),
    ("Kinetic Theory of Gases", "Relates the behaviour of a gas to that of its molecules."),
    ("Ideal Gas", "A gas that obeys pV = nRT."),
    ("Properties of an ideal gas", "Identical molecules of negligible volume."),
    ("Sampling bias", "A sample that does not represent the population."),
    ("Speed of light", "299 792 458 metres per second."),
    ("Second", "The SI unit of time."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(ENTRIES)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("newton's 1st law of motion", "Newton's first law of motion"),
        ("newtons 3rd law", "Newton's third law of motion"),
        ("newton's third law", "Newton's third law of motion"),
        ("conservation of energy", "Principle of conservation of Energy"),
        ("law of conservation of momentum", "Conservation of Momentum"),
        ("kinetic theory", "Kinetic Theory of Gases"),
        ("ideal gasses", "Ideal Gas"),
        ("ideal gases", "Ideal Gas"),
        ("properties of ideal gases", "Properties of an ideal gas"),
        ("sampling biases", "Sampling bias"),
        ("second", "Second"),
    ],
)
def test_a_law_named_another_way_answers(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "newton's second law",  # the notes name the first and third only
        "speed",  # one word before "of light": too short a name to stand for it
        "2nd",
    ],
)
def test_what_the_notes_do_not_name_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


def test_an_acronym_plural_still_meets_its_acronym() -> None:
    # "gas" keys as "ga", like "GAs": its "es" plurals meet it without parting an acronym from its plural
    from bot.matching.names import key_of

    assert key_of("GAs") == key_of("GA") == key_of("gas") == key_of("gases") == key_of("gasses")
    assert key_of("biases") == key_of("bias")
