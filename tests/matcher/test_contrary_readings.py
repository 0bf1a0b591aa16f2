"""Readings the notes contradict are refused, never answered: a wrong definition is worse than none.

A name that differs from the one asked for by its beginning ("geocentric" where the notes only have
Heliocentric model), a description whose words the only matching definition says the opposite of ("not
available"), a description that leaves out a word the notes use as sparingly as the words it matched,
and a name the notes give only as a labelled kind inside another entry. Our own small notes of those
kinds; next to each the typos and descriptions that must still be answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.policy import denied_stems
from bot.matching.typos import another_word

TOPIC = Topic(title="Science notes", path=Path("/notes/science.yaml"))


def _matcher(*entries: tuple[str, str, tuple[str, ...]]) -> Matcher:
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(Entry(term=t, definition=d, details=x, topic=TOPIC) for t, d, x in entries)
    return Matcher(kb)


SKY = _matcher(
    ("Heliocentric model", "A model with the Sun at the centre of the solar system.", ()),
    ("Hypertonic solution", "A solution with more solute than the cell contents.", ()),
    ("Exoskeleton", "A hard skeleton on the outside of the body.", ()),
    ("Kernel", "The core of an operating system.", ()),
    ("Galaxy", "A huge collection of stars held together by gravity.", ()),
)


@pytest.mark.parametrize(
    ("asked", "named"),
    [
        ("geocentric", "heliocentric"),  # another beginning: no slip keeps three letters apart
        ("hypotonic", "hypertonic"),
        ("endoskeleton", "exoskeleton"),
        ("intracellular", "intercellular"),
        ("unbuffered", "buffered"),
    ],
)
def test_words_with_another_beginning_are_other_words(asked: str, named: str) -> None:
    assert another_word(asked, named)
    assert another_word(named, asked)


@pytest.mark.parametrize(
    ("asked", "named"),
    [
        ("kernal", "kernel"),
        ("helocentric", "heliocentric"),
        ("cernel", "kernel"),
        ("galxy", "galaxy"),
        ("ekrnel", "kernel"),  # slips at the start too
        ("ernel", "kernel"),
        ("aviskrouksyn", "vaiskrouksync"),
        ("iuxgixiorkkgate", "kuxgixiorkgate"),
        ("eakmmosix", "meakmosix"),
    ],
)
def test_slips_are_the_same_word(asked: str, named: str) -> None:
    assert not another_word(asked, named)


@pytest.mark.parametrize(
    "question", ["geocentric model", "what is the geocentric model", "hypotonic solution", "endoskeleton"]
)
def test_a_name_with_another_beginning_is_refused(question: str) -> None:
    result = SKY.lookup(question)
    assert isinstance(result, NotFound), f"{question!r} answered {getattr(result, 'entry', None)}"


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("helocentric model", "Heliocentric model"),
        ("hypertonic solutoin", "Hypertonic solution"),
        ("exoskeletons", "Exoskeleton"),
        ("kernal", "Kernel"),
    ],
)
def test_typos_are_still_answered(question: str, term: str) -> None:
    result = SKY.lookup(question)
    assert isinstance(result, Answer), f"{question!r} refused"
    assert result.entry.term == term


SOIL = _matcher(
    (
        "Bound water",
        "Water held tightly on the surface of soil grains that is not available to plant roots.",
        (),
    ),
    ("Pore water", "Water in the small pores of the soil; roots can take it up.", ()),
    ("Halite", "A mineral that cannot be scratched by a fingernail, soluble in water.", ()),
    ("DDR4", "A memory standard that is not backwards compatible with DDR3 slots.", ()),
    ("Strict liability", "Liability in law without any proof of fault.", ()),
)


@pytest.mark.parametrize(
    ("asked", "denied"),
    [
        ("Water that is not available to plants.", {"avail"}),
        ("Cannot be broken down into simpler substances.", {"broken"}),
        ("Not only fast but also cheap.", set()),  # "not only" denies nothing
        ("Not available at night, available by day.", set()),  # said plainly too
    ],
)
def test_denied_words(asked: str, denied: set[str]) -> None:
    assert denied_stems(asked) == denied


def test_a_description_the_definition_denies_is_not_answered_by_it() -> None:
    result = SOIL.lookup("which soil water is available to plant roots")
    assert not (isinstance(result, Answer) and result.entry.term == "Bound water"), "the notes say it is not"


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("water held on soil grains that plants cannot use", "Bound water"),  # denied in the question too
        ("is ddr4 backwards compatible", "DDR4"),  # "no" answers a yes/no question
        ("liability in law regardless of fault", "Strict liability"),  # the question leaves it out too
        ("mineral that cannot be scratched by a fingernail", "Halite"),
    ],
)
def test_descriptions_that_deny_as_the_definition_does_are_answered(question: str, term: str) -> None:
    result = SOIL.lookup(question)
    assert isinstance(result, Answer), f"{question!r} refused"
    assert result.entry.term == term


SPACE = _matcher(
    (
        "Heliocentric model",
        "A model with the Sun at the centre of the solar system; the Earth orbits it.",
        (),
    ),
    ("Universal gravitation", "Every particle of matter in the universe attracts every other.", ()),
    ("Cytoplasm", "A jelly where most chemical reactions happen.", ()),
    ("Nucleus", "Holds the genetic material of a cell.", ()),
    ("Cell membrane", "Controls what enters and leaves a cell.", ()),
    ("Cell wall", "A rigid layer of cellulose around a plant cell.", ()),
)


def test_a_description_leaving_out_a_word_the_notes_use_as_rarely_is_refused() -> None:
    result = SPACE.lookup("earth at the centre of the universe")
    assert isinstance(result, NotFound), f"answered {getattr(result, 'entry', None)}"


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("earth orbits the sun at the centre", "Heliocentric model"),  # three words said
        ("where do most chemical reactions in a cell happen", "Cytoplasm"),  # "cell" is common in the notes
    ],
)
def test_descriptions_leaving_out_only_common_words_are_answered(question: str, term: str) -> None:
    result = SPACE.lookup(question)
    assert isinstance(result, Answer), f"{question!r} refused"
    assert result.entry.term == term


POPULATIONS = _matcher(
    (
        "Limiting factors",
        "Factors that control the size of a population.",
        ("Density-dependent limiting factors: factors that act only when a population is crowded.",),
    ),
    ("Logistic growth", "Growth that levels off when density-dependent limiting factors act on it.", ()),
    ("Exponential growth", "Growth of a population without limits, ever faster.", ()),
)


def test_a_kind_another_entry_labels_is_not_answered_by_a_definition_that_mentions_it() -> None:
    result = POPULATIONS.lookup("density dependent limiting factors")
    assert isinstance(result, NotFound), f"answered {getattr(result, 'entry', None)}"
    assert result.suggestions[0].entry.term == "Limiting factors", (
        "the entry that defines the kind comes first"
    )


def test_a_description_of_an_entry_with_a_labelled_kind_is_answered() -> None:
    result = POPULATIONS.lookup("growth that levels off when limiting factors act")
    assert isinstance(result, Answer)
    assert result.entry.term == "Logistic growth"
