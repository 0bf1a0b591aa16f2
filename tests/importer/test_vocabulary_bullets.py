"""A learner's word list as bullets: ``* word -> meaning``, the meaning often one word."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_of

ARROWS = """# Duolingo

* el pan -> the bread
* español -> Spanish
* inglés -> English
* comer -> to eat
"""


def test_an_arrow_glosses_a_word_even_with_a_one_word_meaning() -> None:
    kb = kb_of(ARROWS)
    assert entry(kb, "español").definition.rstrip(".") == "Spanish"
    assert entry(kb, "inglés").definition.rstrip(".") == "English"
    assert entry(kb, "el pan").details == ()  # nothing placed under the word above
