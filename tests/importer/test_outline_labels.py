"""Nested outlines written in lower case, with label bullets (``types``, ``main groups``) over the kinds."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

LOWER_CASE_OUTLINE = """# plants

## organs

- stem
  - the stalk that holds the leaves up to the light
- leaf
  - flat green organ that makes food by photosynthesis
  - types
    - simple leaf: one blade on its stalk
    - compound leaf: a blade split into leaflets
- roots also contain
  - root hairs (thin outgrowths)
  - root cap (protective tip)

## cells

- definition
  - the smallest unit of a living thing that can carry out the processes of life
- main groups
  - guard cells
    - pairs of cells that open and close a pore of the leaf
  - xylem
    - carries water up from the roots to the leaves
  - tissue
    - dermal
    - ground
"""


def test_lower_case_outline_terms_and_kinds_under_a_label() -> None:
    kb, _ = kb_and_unplaced(LOWER_CASE_OUTLINE)
    assert entry(kb, "leaf").definition.startswith("Flat green organ")
    assert entry(kb, "simple leaf").definition == "One blade on its stalk"
    assert entry(kb, "compound leaf").definition == "A blade split into leaflets"
    assert entry(kb, "guard cells").definition.startswith("Pairs of cells")
    assert entry(kb, "xylem").definition.startswith("Carries water")


def test_label_bullets_are_never_terms() -> None:
    kb, _ = kb_and_unplaced(LOWER_CASE_OUTLINE)
    found = {t.casefold() for t in terms(kb)}
    for label in ("types", "main groups", "roots also contain", "definition", "organs"):
        assert label not in found, sorted(found)


def test_a_term_over_one_word_kinds_only_is_reported_not_defined_by_a_kind() -> None:
    kb, unplaced = kb_and_unplaced(LOWER_CASE_OUTLINE)
    assert "tissue" not in {t.casefold() for t in terms(kb)}
    assert any(text.startswith("tissue: no definition in the notes") for _, text in unplaced), unplaced


def test_capitalised_notes_keep_needing_a_capital_for_an_outline_term() -> None:
    notes = (
        "# Cells\n\n- Nucleus\n  - holds the genetic material of the cell\n"
        "- the membrane also matters\n  - it controls what goes in and out of the cell\n"
        "- Ribosome\n  - makes proteins from amino acids\n"
    )
    kb, _ = kb_and_unplaced(notes)
    found = {t.casefold() for t in terms(kb)}
    assert {"nucleus", "ribosome"} <= found
    assert "the membrane also matters" not in found
