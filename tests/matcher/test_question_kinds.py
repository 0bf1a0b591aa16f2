"""Kinds of questions about notes the matcher answers (issue 14), each with look-alikes it must refuse.

Small notes of our own, written from the kinds (a property asked of a named thing, an expansion typed
for an acronym, ...), not from the corpus' strings. A wrong answer is worse than "I don't know".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.text import us_spelling

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in entries)
    return kb


NOTES = _kb(
    ("Ribosome", (), "Joins amino acids into proteins."),
    ("Prokaryote", (), "A single-celled organism without a membrane-bound organelle."),
    ("Nucleus", (), "Holds the genetic material of a eukaryotic cell."),
    ("Hub", (), "Repeats every frame out of every port."),
    ("Switch", (), "Forwards frames by MAC address."),
    ("IPv4 address", (), "Identifies an interface on an IPv4 network."),
    ("TCP", ("Transmission Control Protocol",), "Connection-oriented transport with acknowledgements."),
    ("Raise", ("Raise exception",), "To signal that something has gone wrong."),
    ("Exception", (), "An object that describes an error."),
    ("Certificate", (), "Binds a public key to an identity."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(NOTES)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        # a property asked with an irregular participle or "have"
        ("what is a ribosome made of", "Ribosome"),
        ("what is a ribosome built from", "Ribosome"),
        # the thing asked about is named first; another entry is named in what is asked
        ("does a prokaryote have a nucleus", "Prokaryote"),
        ("why is a hub slower than a switch", "Hub"),
        # the name last: a question word, what is asked for, is/are
        ("how many bits is an ipv4 address", "IPv4 address"),
        ("what layer is tcp", "TCP"),
        # "raising" is no British spelling of "raizing": its word forms meet Raise's
        ("what does raising an exception mean", "Raise"),
    ],
)
def test_a_property_of_a_named_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), (question, result)
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "what is certificate switch",  # two names side by side: no subject and a question about it
        "how many hubs is a switch worth",  # the name last, but not after "is/are"
        "what is a ribosome factory",  # a longer compound, not a property
    ],
)
def test_property_look_alikes_are_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert not isinstance(result, Answer) or result.via == "comparison", (question, result)


def test_which_of_two_is_never_answered_with_one(matcher: Matcher) -> None:
    result = matcher.lookup("which is faster, a hub or a switch")
    shown = [e.term for e in result.entries] if isinstance(result, Answer) else []
    assert shown in ([], ["Hub", "Switch"])


@pytest.mark.parametrize(
    ("british", "us"),
    [("organising", "organizing"), ("realised", "realized"), ("raising", "raising"), ("praised", "praised")],
)
def test_only_a_real_ise_ending_is_a_british_spelling(british: str, us: str) -> None:
    assert us_spelling(british) == us
