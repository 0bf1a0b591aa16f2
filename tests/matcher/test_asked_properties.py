"""Questions about a named entry: "why is X slow", "what causes X", and the labels its details give
("Problems:", "Arguments against:") asked for by name; a label right before the name is a kind instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.policy import detail_labels

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES = (
    ("Trojans", "Malware that looks like legitimate software but gives an attacker access.", ()),
    ("Brute force", "Trying every possible password until one works.", ()),
    ("Repositioning", "Changing how customers see a product.", ("Challenges: high advertising costs",)),
    ("Inflation", "A rise in prices over time.", ()),
    ("Egoism", "Doing what is in one's own best interest.", ("Problems: society would not work",)),
    (
        "Utilitarianism",
        "The moral act makes the most people happiest.",
        ("Arguments against: it puts happiness before people", "Differs from hedonism"),
    ),
    ("Passive immunity", "Antibodies received from elsewhere.", ("Artificial: antibodies from a jab",)),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, definition=d, details=x, topic=TOPIC) for t, d, x in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("why is brute force slow", "Brute force"),
        ("why is brute force so slow?", "Brute force"),
        ("why is repositioning hard", "Repositioning"),
        ("why are trojans dangerous", "Trojans"),
        ("what causes inflation", "Inflation"),
        ("what stops a brute force", "Brute force"),
        ("problems with egoism", "Egoism"),
        ("what are the problems of egoism", "Egoism"),
        ("what are the arguments against utilitarianism", "Utilitarianism"),
    ],
)
def test_a_question_about_a_named_entry_answers_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "artificial immunity",  # a label right before the name is a kind of it, not asked by this rule
        "problems with hedonism",  # not an entry of the notes
        "what causes a brute force attack on inflation",
        "why is brute force attack slow",  # two words after the name: another thing may be named
        "arguments against egoism",  # Egoism lists problems, not arguments
    ],
)
def test_other_questions_are_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


def test_detail_labels_are_short_labels_only() -> None:
    entry = Entry(
        term="Warfarin",
        definition="An anticoagulant.",
        details=("Side effects: bleeding", "Antidote: vitamin K", "Monitor the INR: it stays in range 2-3"),
        topic=TOPIC,
    )
    assert detail_labels(entry) == {"side", "effect", "antidot", "monitor", "inr"}
