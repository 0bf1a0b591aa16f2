"""Entries that name no term (garbage) found on tune9: callout labels, question and sentence openings, the
title heading over a whole file. Small inputs written for each kind, none taken from the corpus."""

from __future__ import annotations

import pytest

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

LABELS_UNDER_A_TERM = """\
# Botany

## Roots

- **Xylem**: tissue that carries water up from the roots.

> 🌱 **{label}:** it is made of dead cells with thick walls.
"""


@pytest.mark.parametrize(
    "label", ["Tip", "Note", "Clinical Note", "Remember", "Key point", "Fun fact", "Warning", "Side note"]
)
def test_a_callout_label_is_no_term_and_its_text_stays_with_the_term_above(label: str) -> None:
    kb, _ = kb_and_unplaced(LABELS_UNDER_A_TERM.format(label=label))
    assert terms(kb) == {"Xylem"}
    assert entry(kb, "Xylem").definition.startswith("Tissue that carries water")
    assert any("dead cells" in detail for detail in entry(kb, "Xylem").details)
