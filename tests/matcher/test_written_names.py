"""Names the notes write without calling them aliases, and kinds of an entry its details label.

File extensions asked without their dot ("mp3", "a wav file"), a name written two ways around a slash
(".aiff / .aif"), a definition that is only the name spelled out ("Ogg Vorbis"); and a question for a
labelled kind in an entry's details ("Artificial Passive: ...") is no question for the entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

TOPIC = Topic(title="Mixed notes", path=Path("/notes/mixed.yaml"))

ENTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (".mp3", "MPEG layer 3", ()),
    (".flac", "Free Lossless Audio Codec", ()),
    (".tiff / .tif", "Tagged Image File Format", ()),
    (".it", "Impulse Tracker module", ()),
    (".NET", "A software framework by Microsoft.", ()),
    ("Mean / Median", "Two averages: the sum over the count, and the middle value.", ()),
    ("Host", "A computer that offers services on a network.", ()),
    ("Permanent vacuole", "Filled with cell sap", ()),
    (
        "Active immunity",
        "The body makes its own antibodies.",
        ("Natural Active: after an infection", "Artificial Active: after a vaccination"),
    ),
    ("Certificate", "A signed public key; pinning keeps a known certificate for a host.", ()),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, definition=d, details=x, topic=TOPIC) for t, d, x in ENTRIES)
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("mp3", ".mp3"),
        ("what is a flac file", ".flac"),
        ("FLAC", ".flac"),
        ("tif", ".tiff / .tif"),
        ("what is a tiff", ".tiff / .tif"),
        ("free lossless audio codec", ".flac"),
        ("what is impulse tracker module", ".it"),
        ("certificate pinning", "Certificate"),  # a qualifier its definition says, no labelled kind
    ],
)
def test_names_the_notes_write_answer_their_entry(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


@pytest.mark.parametrize(
    "question",
    [
        "net",  # .NET is a name of its own, not the word
        "what is it",  # .it: never a function word
        "median",  # "Mean / Median" names two things, not one written two ways
        "what is a hosts file",
        "artificial active immunity",  # a kind the details label: not Active immunity itself
    ],
)
def test_what_only_looks_like_a_written_name_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question


LATIN = (
    ("Cilia", "Push the mucus along the airways."),
    ("Villus", "A finger-like fold of the small intestine's lining."),
    ("Media", "The ways a message is carried."),
    ("Medium", "A substance bacteria are grown on."),
)


@pytest.fixture(scope="module")
def latin() -> Matcher:
    return Matcher(make_kb({TOPIC.title: list(LATIN)}))


@pytest.mark.parametrize(
    ("question", "term"),
    [("cilium", "Cilia"), ("what are villi", "Villus"), ("media", "Media"), ("medium", "Medium")],
)
def test_a_latin_plural_or_singular_answers_the_name(latin: Matcher, question: str, term: str) -> None:
    result = latin.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


def test_a_labelled_property_in_the_details_still_answers_its_entry() -> None:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.append(
        Entry(
            term="Heparin",
            definition="Activates antithrombin III; immediate anticoagulation.",
            details=("Monitoring: aPTT", "Antidote: Protamine sulfate"),
            topic=TOPIC,
        )
    )
    result = Matcher(kb).lookup("heparin antidote")
    assert isinstance(result, Answer)
    assert result.entry.term == "Heparin"
