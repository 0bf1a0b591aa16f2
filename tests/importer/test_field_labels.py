"""A heading per term over labelled fields repeated from term to term: the heading is the term, the most
defining label its definition, the other labels its details; labels are never terms."""

from __future__ import annotations

import re

from bot.importer import ImportResult, import_notes
from bot.importer.draft import DraftEntry


def _entries(result: ImportResult) -> dict[str, DraftEntry]:
    return {entry.term: entry for entry in result.draft.entries}


def _details(entry: DraftEntry) -> list[str]:
    return [item.text for item in entry.details]


def _unplaced(result: ImportResult) -> list[str]:
    return [text for _line, text in result.draft.unplaced]


ORGANELLES = """# Cell organelles
### Mitochondria
- **Structure**
  - double membrane with folded cristae
- **Function**: site of aerobic respiration, makes ATP
### Ribosome
- **Structure**
  - two subunits of RNA and protein
- **Function**: protein synthesis
"""


def test_bold_labels_with_nested_points_make_each_heading_a_term() -> None:
    result = import_notes(ORGANELLES)
    entries = _entries(result)
    assert sorted(entries) == ["Mitochondria", "Ribosome"]
    mitochondria = entries["Mitochondria"]
    assert mitochondria.definition == "Site of aerobic respiration, makes ATP."
    assert _details(mitochondria) == ["Structure: double membrane with folded cristae"]
    assert not mitochondria.checks.get("definition")
    assert _details(entries["Ribosome"]) == ["Structure: two subunits of RNA and protein"]
    assert _unplaced(result) == []


def test_plain_labels_colon_inside_bold_unbulleted_lines_and_dashes_read_alike() -> None:
    plain = (
        "# Drugs\n### Digoxin\n- Action: increases contractility\n- Uses: heart failure\n"
        "- Side effects: nausea, visual halos\n### Furosemide\n- Action: loop diuretic\n"
        "- Uses: oedema\n- Side effects: low potassium\n"
    )
    bold = plain.replace("- Action:", "- **Action:**").replace("- Uses:", "- **Uses:**")
    bare = "\n".join(line.removeprefix("- ") for line in plain.splitlines()) + "\n"
    dashed = re.sub(r"^- ([A-Z][a-z ]+): ", r"- **\1** - ", plain, flags=re.MULTILINE)
    assert "- **Side effects** - nausea" in dashed
    for notes in (plain, bold, bare, dashed):
        entries = _entries(import_notes(notes))
        assert sorted(entries) == ["Digoxin", "Furosemide"], notes
        digoxin = entries["Digoxin"]
        assert digoxin.definition == "Increases contractility; used for heart failure.", notes
        assert _details(digoxin) == ["Side effects: nausea, visual halos"], notes


def test_labels_as_sub_headings_under_each_term() -> None:
    notes = (
        "# Sorting\n## Merge sort\n#### Time complexity\nO(n log n) in every case\n#### Use\n"
        "Sorting linked lists and data too big for memory\n"
        "## Quicksort\n#### Time complexity\nO(n log n) on average, O(n^2) at worst\n#### Use\n"
        "General in-memory sorting\n"
    )
    result = import_notes(notes)
    entries = _entries(result)
    assert sorted(entries) == ["Merge sort", "Quicksort"]
    merge = entries["Merge sort"]
    # what it is used for defines it, as in a property table; the other label is a detail
    assert merge.definition == "Used for sorting linked lists and data too big for memory."
    assert _details(merge) == ["Time complexity: O(n log n) in every case"]
    assert "Time complexity" not in entries
    assert "Use" not in entries


def test_case_law_and_history_fields() -> None:
    law = import_notes(
        "# Contract cases\n### Carlill v Carbolic Smoke Ball\n- **Facts**: advert promised £100\n"
        "- **Held**: a unilateral offer to the world\n### Hadley v Baxendale\n- **Facts**: mill shaft late\n"
        "- **Held**: damages only for foreseeable loss\n"
    )
    entries = _entries(law)
    assert sorted(entries) == ["Carlill v Carbolic Smoke Ball", "Hadley v Baxendale"]
    # no label says what it is: the first label's text, flagged for the author
    assert entries["Hadley v Baxendale"].definition == "Mill shaft late"
    assert "Facts" in " ".join(entries["Hadley v Baxendale"].checks["definition"])
    assert _details(entries["Hadley v Baxendale"]) == ["Held: damages only for foreseeable loss"]
    history = _entries(
        import_notes(
            "# Medieval England\n### Battle of Hastings\n- Date: 1066\n- Significance: Norman conquest\n"
            "### Magna Carta\n- Date: 1215\n- Significance: limited the king's power\n"
        )
    )
    assert sorted(history) == ["Battle of Hastings", "Magna Carta"]
    # a bare value (a year) defines nothing: the first label that says more stands in, flagged
    assert history["Magna Carta"].definition == "Limited the king's power"
    assert _details(history["Magna Carta"]) == ["Date: 1215"]


def test_a_universal_label_under_a_single_term_heading() -> None:
    entries = _entries(
        import_notes("# Biology\n### Osmosis\n- **Definition**: movement of water across a membrane\n")
    )
    assert entries["Osmosis"].definition == "Movement of water across a membrane."


def test_names_that_do_not_repeat_across_headings_stay_terms() -> None:
    result = import_notes(
        "# Cell division\n### Types\n- **Mitosis**: division into two identical cells\n"
        "- **Meiosis**: division into four gametes\n### Stages\n- **Prophase**: chromosomes condense\n"
        "- **Anaphase**: chromatids pulled apart\n"
    )
    entries = _entries(result)
    assert {"Mitosis", "Meiosis", "Prophase", "Anaphase"} <= set(entries)
    assert "Types" not in entries


def test_a_bold_label_line_over_points_and_a_definition_written_first() -> None:
    entries = _entries(
        import_notes(
            "# Organelles\n### Nucleus\nThe control centre of the cell.\n\n**Structure**\n"
            "- double membrane with pores\n\n**Function**\n- holds the DNA\n"
            "### Golgi\n**Structure**\n- stacked cisternae\n\n**Function**\n- packages proteins\n"
        )
    )
    assert sorted(entries) == ["Golgi", "Nucleus"]
    # the line written first defines it; the labelled fields are its details
    assert entries["Nucleus"].definition == "The control centre of the cell."
    assert _details(entries["Nucleus"]) == [
        "Function: holds the DNA",
        "Structure: double membrane with pores",
    ]
    assert entries["Golgi"].definition == "Packages proteins."
    assert _details(entries["Golgi"]) == ["Structure: stacked cisternae"]


def test_labels_repeated_under_headings_of_one_level_in_different_groups() -> None:
    entries = _entries(
        import_notes(
            "# Drugs\n## Cardiac\n### Digoxin\n- Onset: hours\n- Monitoring: pulse before each dose\n"
            "## Renal\n### Furosemide\n- Onset: within an hour\n- Monitoring: potassium and fluid balance\n"
        )
    )
    assert sorted(entries) == ["Digoxin", "Furosemide"]
    assert entries["Furosemide"].definition == "Within an hour"
    assert _details(entries["Furosemide"]) == ["Monitoring: potassium and fluid balance"]


def test_examples_written_as_sentences_stay_whole() -> None:
    """A names-only examples field gives examples; one with a sentence in it is kept whole as a detail,
    never cut down to the parts that read as names."""
    entries = _entries(
        import_notes(
            "# Exchange\n### Gas exchange\n- **Definition**: swapping gases with the surroundings\n"
            "- **Examples**: the gills absorb oxygen from water; Leaves\n"
            "### Diffusion\n- **Definition**: net movement down a gradient\n"
            "- **Examples**: Osmosis, Dialysis\n"
        )
    )
    assert [item.text for item in entries["Diffusion"].examples] == ["Osmosis", "Dialysis"]
    gas = entries["Gas exchange"]
    assert _details(gas) == ["Examples: the gills absorb oxygen from water; Leaves"]
