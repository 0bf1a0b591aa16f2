"""Notes from a vault pasted together: tag lines between them, callouts, definitions in sentences."""

from __future__ import annotations

from bot.importer import import_notes
from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

VAULT = """#Biology #Cells

> [!Info] Definition
> A ribosome is a small structure that builds proteins from amino acids.
> - Key features include
> 	- No membrane around it
> 	- Found in every cell

#Biology #Cells

> [!Info] Definition
> The term 'osmosis' refers to the movement of water across a membrane.

#Biology #Cells

- Enzymes are ways of speeding up a reaction without being used up.

#Biology #Cells

> [!Info] Explanation
> The list is as follows:
> - Lipids
> - Proteins
> - Carbohydrates
"""


def test_each_note_after_a_tag_line_defines_its_own_term() -> None:
    kb, _ = kb_and_unplaced(VAULT)
    assert entry(kb, "ribosome").definition.startswith("A small structure")
    assert entry(kb, "osmosis").definition.startswith("The movement of water")
    assert entry(kb, "enzymes").definition.startswith("Ways of speeding up")
    assert not any("osmosis" in detail.casefold() for detail in entry(kb, "ribosome").details)


def test_a_line_announcing_a_list_and_names_under_no_term_are_reported() -> None:
    kb, unplaced = kb_and_unplaced(VAULT)
    found = {t.casefold() for t in terms(kb)}
    assert "key features include" not in found
    assert not {"lipids", "proteins", "carbohydrates"} & found
    assert not any("Lipids" in detail for e in kb.entries for detail in e.details)
    reported = " ".join(text for _, text in unplaced)
    assert "Lipids" in reported
    assert "Carbohydrates" in reported


def test_a_rule_between_notes_ends_the_entry_above() -> None:
    notes = "Ribosome - builds proteins from amino acids\n\n***\n\nIt moves along the messenger RNA.\n"
    result = import_notes(notes, notes_name="case.md")
    ribosome = next(e for e in result.draft.entries if e.term == "Ribosome")
    assert not any("messenger" in d.text for d in ribosome.details)
    assert any("messenger" in text for _, text in result.draft.unplaced)


def test_lower_case_colon_lines_under_a_heading_are_terms_not_its_meaning() -> None:
    notes = (
        "# Ecology\n\n## Producers and consumers\n\n"
        "producer: an organism that makes its own food from light.\n"
        "consumer: an organism that eats other organisms for energy.\n"
    )
    kb, _ = kb_and_unplaced(notes)
    assert terms(kb) == {"Producer", "Consumer"}
    assert entry(kb, "consumer").definition.startswith("An organism that eats")


def test_a_bold_name_typed_with_a_space_inside_its_marks() -> None:
    kb, _ = kb_and_unplaced("# Earth\n\n** Geology** - the study of the rocks and history of the Earth.\n")
    assert terms(kb) == {"Geology"}


def test_a_name_among_an_entrys_points_with_its_own_explanation_below_is_a_term() -> None:
    notes = (
        "# Rocks\n\n**Rock cycle** - how rocks change from one kind into another over time\n"
        "  - Weathering\n  - Lithification\n    - turning loose sediments back into rock\n"
        "  - Definition\n    - the path rocks take through the crust\n"
    )
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "lithification").definition == "Turning loose sediments back into rock"
    assert "Rock cycle" in entry(kb, "lithification").see_also
    assert "definition" not in {t.casefold() for t in terms(kb)}
    assert "weathering" not in {t.casefold() for t in terms(kb)}
