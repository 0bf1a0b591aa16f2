"""The styles students most often write: plain ``Term: definition`` lines, closed headings per word,
``- **Term (year):**`` bullets with ``-- Key: fact`` lines, ``|Term|Definition|`` tables."""

from __future__ import annotations

from bot.importer import import_notes
from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge_text, normalize_name


def kb_of(notes: str) -> KnowledgeBase:
    result = import_notes(notes, notes_name="notes.md")
    return load_knowledge_text(result.text, "notes.yaml")


def entry(kb: KnowledgeBase, name: str) -> Entry:
    wanted = normalize_name(name)
    found = [e for e in kb.entries if wanted in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, f"{name!r}: {[e.term for e in found]}"
    return found[0]


def terms(kb: KnowledgeBase) -> set[str]:
    return {e.term for e in kb.entries}


VOCABULARY = """# Vocabulario #

## La Paciencia (f) (noun, sustantivo): ##
* Patience

## Linda (adjective, adjetiva): ##
* Cute, pretty

## El Idioma (m) (noun, sustantivo): ##
* Language, Tongue

## Escuchar (verb, verbo): ##
* To hear, to listen
"""


def test_a_closed_heading_per_word_keeps_gender_and_word_class_out_of_the_name() -> None:
    kb = kb_of(VOCABULARY)
    assert terms(kb) == {"La Paciencia", "Linda", "El Idioma", "Escuchar"}
    paciencia = entry(kb, "paciencia")  # the word without its article is a name too
    assert paciencia.term == "La Paciencia"
    assert paciencia.definition == "Patience"
    assert "Word class: f; noun, sustantivo" in paciencia.details
    assert entry(kb, "idioma").term == "El Idioma"
    linda = entry(kb, "Linda")
    assert linda.aliases == ()  # "adjective" and "adjetiva" are what it is, not its names
    assert linda.definition == "Cute, pretty"


def test_a_symbol_in_brackets_is_not_a_gender() -> None:
    kb = kb_of("Mass (m): the amount of matter in an object.\n\nForce (F): a push or a pull.\n")
    assert "Word class: m" not in entry(kb, "Mass").details
    assert "F" in entry(kb, "Force").aliases


def test_a_year_after_a_name_is_a_detail_never_an_alias() -> None:
    kb = kb_of(
        "- **Balfour Declaration (1917):** British support for a Jewish homeland.\n"
        "- **Camp David Accords (1978):** Egypt-Israel peace treaty.\n"
    )
    balfour = entry(kb, "Balfour Declaration")
    assert balfour.aliases == ()
    assert balfour.definition == "British support for a Jewish homeland."
    assert "Year: 1917" in balfour.details
