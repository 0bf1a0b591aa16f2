"""Vocabulary look-ups (issue 14): a learner types a word without the article the notes give it, in
another form the notes list, with umlauts written out ("ae" for "ä") or dropped, or asks the way
round ("how do you say leaf in German"). Never a confident wrong answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher, NotFound
from bot.matching.names_index import without_article

TOPIC = Topic(title="Wortschatz", path=Path("/notes/german.yaml"))

ENTRIES = (
    ("das Blatt", "leaf"),
    ("der Stau", "traffic jam"),
    ("das Ei", "egg"),
    ("die Betäubung", "anesthetic"),
    ("Möbel", "furniture"),
    ("Schrank", "cabinet/wardrobe"),
    ("el hombre", "the man"),
    ("la manzana", "the apple"),
    ("l'hôtel", "the hotel"),
    ("Blue", "A colour between green and violet."),
    ("Die casting", "Forcing molten metal into a mould."),
    ("Schon", "already"),
    ("Schön", "beautiful"),
)
ALIASES = {"das Blatt": ("die Blätter",), "Schrank": ("Schränke",)}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = KnowledgeBase()
    kb.topics.append(TOPIC)
    kb.files.append(TOPIC.path)
    kb.entries.extend(
        Entry(term=t, definition=d, topic=TOPIC, aliases=ALIASES.get(t, ())) for t, d in ENTRIES
    )
    return Matcher(kb)


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("das Blatt", "Blatt"),
        ("die Blätter", "Blätter"),
        ("Der Stau", "Stau"),
        ("das Ei", "Ei"),
        ("el hombre", "hombre"),
        ("la manzana", "manzana"),
        ("les impôts", "impôts"),
        ("l'âme", "âme"),
        ("une carotte", "carotte"),
        ("Die Casting", None),  # an English name in title case
        ("die casting", None),  # German nouns are capitalised: "casting" is no German noun
        ("LA", None),
        ("Legacy system", None),
    ],
)
def test_an_article_is_left_out_of_a_name_only_where_it_is_one(name: str, bare: str | None) -> None:
    assert without_article(name) == bare


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Blatt", "das Blatt"),  # without its article
        ("what does blatt mean", "das Blatt"),
        ("Blätter", "das Blatt"),  # the plural the notes give
        ("Blaetter", "das Blatt"),  # umlaut written out
        ("die blaetter", "das Blatt"),
        ("Schraenke", "Schrank"),
        ("Moebel", "Möbel"),
        ("moebel meaning", "Möbel"),
        ("Betaubung", "die Betäubung"),  # umlaut dropped
        ("Ei", "das Ei"),
        ("stau", "der Stau"),
        ("hombre", "el hombre"),
        ("manzana", "la manzana"),
        ("hotel", "l'hôtel"),
        ("how do you say leaf in german", "das Blatt"),
        ("traffic jam in german", "der Stau"),
        ("what is the spanish for apple", "la manzana"),
        ("blue", "Blue"),
        ("schön", "Schön"),
        ("schoen", "Schön"),  # "oe" is the umlaut: never the other word, Schon
        ("schon", "Schon"),
    ],
)
def test_a_word_is_found_as_a_learner_types_it(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term, question


@pytest.mark.parametrize("question", ["casting", "bloe", "how do you say window in german", "Fenster"])
def test_what_the_notes_do_not_give_is_refused(matcher: Matcher, question: str) -> None:
    assert isinstance(matcher.lookup(question), NotFound), question
