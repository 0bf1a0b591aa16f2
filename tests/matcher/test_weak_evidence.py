"""Questions *about* something are refused, not answered by a definition that merely mentions it.

"Why is a WAN slower than a LAN" answered Internetwork (whose definition says LAN and
WAN), "what port does Kerberos use" answered 802.1X (its definition says port), and "what happens when
a plant cell is plasmolysed" answered Turgor. Our own small notes of the same kinds; next to each the
description and property questions that must still be answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES = (
    ("Local area network", ("LAN",), "A network in one building, fast and owned by one organisation."),
    ("Wide area network", ("WAN",), "A network that spans cities over leased public links."),
    ("Internetwork", (), "A LAN and/or WAN joining many smaller networks into one larger network."),
    (
        "Port-based access control",
        ("802.1X",),
        "Authenticates a device before its switch port forwards traffic.",
    ),
    ("Firewall", (), "Filters traffic by port and address according to rules."),
    ("Turgor", (), "Pressure of water that pushes the membrane of a plant cell against the cell wall."),
    ("Osmosis", (), "Diffusion of water through a partially permeable membrane."),
    ("Plasmolysis", (), "A plant cell in a strong solution loses water and its membrane peels off the wall."),
    ("Mitochondria", (), "Organelles that release energy by aerobic respiration."),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    "question",
    [
        "why is a wan slower than a lan",  # names two entries; Internetwork only mentions both
        "what port does kerberos use",  # Kerberos is nowhere in the notes
        "which port does radius use",
        "what happens when a plant cell is crenated",  # a word the notes never use
    ],
)
def test_a_question_about_something_the_answer_only_mentions_is_refused(
    matcher: Matcher, question: str
) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), f"{question!r} answered {getattr(result, 'entry', None)}"


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("network that spans cities over leased public links", "Wide area network"),
        ("what is a network joining many smaller networks", "Internetwork"),
        ("which organelles release energy by aerobic respiration", "Mitochondria"),
        ("what is the diffusion of water through a membrane", "Osmosis"),
        ("what pushes the membrane of a plant cell against the wall", "Turgor"),
    ],
)
def test_descriptions_are_still_answered(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), f"{question!r} refused"
    assert result.entry.term == term


def test_a_refused_question_about_two_entries_suggests_something(matcher: Matcher) -> None:
    result = matcher.lookup("why is a wan slower than a lan")
    assert isinstance(result, NotFound)
    assert result.suggestions, "a refusal offers what the notes have"


def _acronym_matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    rows = (
        ("Man-in-the-Middle", (), "An attacker sits between two hosts and relays their traffic."),
        ("Denial of Service", (), "Makes a service unavailable by flooding it."),
        ("Storage Area Network", (), "A network of shared block storage."),
        ("Software Area Network", (), "A made-up look-alike whose initials are the same as the one above."),
        ("Cell membrane", (), "Controls what enters and leaves the cell."),
    )
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in rows)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("mitm", "Man-in-the-Middle"),
        ("what does DoS mean", "Denial of Service"),
        ("MITM?", "Man-in-the-Middle"),
    ],
)
def test_the_initials_of_a_long_name_answer_it(question: str, term: str) -> None:
    result = _acronym_matcher().lookup(question)
    assert isinstance(result, Answer), f"{question!r} refused"
    assert result.entry.term == term


@pytest.mark.parametrize("question", ["what is a san", "cm", "what is a vpn", "mitb"])
def test_initials_shared_by_two_entries_or_too_short_are_refused(question: str) -> None:
    assert isinstance(_acronym_matcher().lookup(question), NotFound)


def test_a_question_about_a_compound_with_a_name_inside_is_not_about_the_name() -> None:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    rows = (
        ("Exception", (), "An object holding what went wrong."),
        ("Nucleus", (), "Controls the activities of the cell."),
    )
    kb.entries.extend(Entry(term=t, aliases=a, definition=d, topic=TOPIC) for t, a, d in rows)
    matcher = Matcher(kb)
    assert isinstance(matcher.lookup("what does raising an exception mean"), NotFound)
    answer = matcher.lookup("what does the nucleus do")
    assert isinstance(answer, Answer)
    assert answer.entry.term == "Nucleus"


def test_a_thing_asked_about_after_an_article_that_the_notes_never_name_is_refused() -> None:
    topic = Topic(title="History", path=Path("/notes/history.yaml"))
    kb = KnowledgeBase(topics=[topic], files=[topic.path])
    definition = "Started in Tunisia (Jasmine Revolution)."
    kb.entries.append(Entry(term="Arab Spring", definition=definition, topic=topic))
    matcher = Matcher(kb)
    # "french" is nowhere in the notes: the revolution asked about is not the one they describe
    assert isinstance(matcher.lookup("when did the french revolution start"), NotFound)
    result = matcher.lookup("where did the jasmine revolution start")
    assert isinstance(result, Answer)
    assert result.entry.term == "Arab Spring"
