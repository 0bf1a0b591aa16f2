"""A notes file's title over its introduction, and Obsidian notes (wiki links, YAML front matter)."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

TITLE_OVER_AN_INTRODUCTION = """\
# Biology

Notes on chapter 3

## Osmosis

The movement of water across a membrane.

## Diffusion

The net movement of particles from high to low concentration.
"""


def test_an_intro_line_under_the_title_does_not_define_the_title() -> None:
    kb, unplaced = kb_and_unplaced(TITLE_OVER_AN_INTRODUCTION)
    assert terms(kb) == {"Osmosis", "Diffusion"}
    assert (3, "Notes on chapter 3") in unplaced  # reported, not dropped


def test_a_title_alone_keeps_its_line_as_its_definition() -> None:
    kb, _ = kb_and_unplaced("# Osmosis\n\nThe movement of water across a membrane.\n")
    assert entry(kb, "Osmosis").definition == "The movement of water across a membrane."


ONE_NOTE_PER_TERM = """\
---
aliases: [Light reactions, Photophosphorylation]
tags: [biology, "#plants"]
created: 2024-01-02
---
# Light-dependent reactions

The reactions of photosynthesis that turn light energy into ATP and NADPH.

Related: [[Calvin cycle]], [[Chloroplast|chloroplasts]]
"""


def test_an_obsidian_note_gives_its_front_matter_aliases_and_tags_to_its_term() -> None:
    kb, unplaced = kb_and_unplaced(ONE_NOTE_PER_TERM)
    assert terms(kb) == {"Light-dependent reactions"}
    found = entry(kb, "light reactions")
    assert set(found.aliases) == {"Light reactions", "Photophosphorylation"}
    assert found.definition.startswith("The reactions of photosynthesis")
    assert set(kb.topics[0].tags) == {"biology", "plants"}
    # the links are no definition: kept, without their brackets, for the writer to place
    assert not any("[[" in text for text in [found.definition, *found.details])
    assert any("Calvin cycle" in text for text in found.details)
    assert unplaced == []


def test_front_matter_of_notes_about_several_terms_names_none_of_them() -> None:
    notes = "---\naliases: [cells-notes]\ntags: [bio]\n---\n# Cells\n\n- Osmosis: water crossing a membrane\n"
    notes += "- Diffusion: particles spreading out\n"
    kb, _ = kb_and_unplaced(notes)
    assert terms(kb) == {"Osmosis", "Diffusion"}
    assert all("cells-notes" not in e.aliases for e in kb.entries)


RELATED_LINES = """\
# Cells

## Mitochondrion

Related: [[ATP]], [[Cell respiration]]

The powerhouse of the cell.

## Ribosome

Makes proteins.

Related: [[Protein synthesis]]

## Golgi

Packages proteins. Related: [[Vesicle]]

## Lysosome

Related: [[Enzyme]]
"""


def test_a_related_links_line_is_no_definition_and_nothing_is_dropped() -> None:
    kb, unplaced = kb_and_unplaced(RELATED_LINES)
    assert terms(kb) == {"Mitochondrion", "Ribosome", "Golgi"}
    assert entry(kb, "Mitochondrion").definition == "The powerhouse of the cell."
    assert entry(kb, "Ribosome").definition == "Makes proteins."
    assert entry(kb, "Golgi").definition == "Packages proteins."
    for name, link in (("Mitochondrion", "ATP"), ("Ribosome", "Protein synthesis"), ("Golgi", "Vesicle")):
        found = entry(kb, name)
        assert any(link in text for text in [*found.see_also, *found.details]), name
    # a heading over links only: no entry, reported with its links
    assert any("Lysosome" in text and "Enzyme" in text for _, text in unplaced)


def test_two_names_glued_by_a_slash_are_each_a_name_of_the_row() -> None:
    notes = "| German | English |\n|---|---|\n| das Blatt/die Blätter | leaf |\n"
    notes += "| der Berg/ die Berge | mountain |\n"
    notes += "| Input/Output | what goes in and out |\n"
    kb, _ = kb_and_unplaced(notes)
    assert entry(kb, "das Blatt").definition == "Leaf"
    assert "die Blätter" in entry(kb, "das Blatt").aliases
    assert entry(kb, "die Berge").definition == "Mountain"
    assert entry(kb, "Input/Output").aliases == ()  # one-word sides: one name


DIARY_AND_TODO_HEADINGS = """\
# Cloud notes

## Amazon S3

- Object storage for any amount of data

## Attended the cloud summit in Berlin with a friend

- breakthrough on agent tools
- 1 hour 10 min
- learning Agent Bedrock

## More Topics Coming Soon

- Billing & Pricing
- Global Infrastructure
- Identity Center

## Shared Responsibility Model

- Security of the cloud is the provider's job
"""


def test_a_heading_that_tells_what_the_writer_did_or_will_add_is_no_term() -> None:
    kb, unplaced = kb_and_unplaced(DIARY_AND_TODO_HEADINGS)
    assert terms(kb) == {"Amazon S3", "Shared Responsibility Model"}
    lost = " ".join(text for _, text in unplaced)
    assert "Attended the cloud summit" in lost  # reported, not dropped
    assert "breakthrough on agent tools" in lost
    assert "More Topics Coming Soon" in lost
    assert "Billing & Pricing" in lost


CONTENTS_UNDER_A_HEADING = """\
# Design

## Formal Elements

- Line
- Shape
- Colour

### Line

- A mark between two points

### Shape

- An area closed by a line

### Colour

- What light reflected off a surface looks like

### Visual element

- Any part a design is built from
"""


def test_a_heading_over_the_names_of_the_headings_below_is_no_term() -> None:
    kb, unplaced = kb_and_unplaced(CONTENTS_UNDER_A_HEADING)
    assert terms(kb) == {"Line", "Shape", "Colour", "Visual element"}
    assert any(text.startswith("Formal Elements") for _, text in unplaced)  # reported, not dropped


COMPARED_SIDES = """\
# anatomy

## basics

- anatomy vs physiology
  - anatomy is about statics of an organism: focus on structure
  - physiology is more about dynamics of an organism: its development, metabolism, etc

- skeleton
  - structural frame that supports animal body
  - types
    - exoskeleton: stable outer shell of an organism
    - endoskeleton: forms the support structure inside the body

## organs

- organ is a collection of tissues joined in a structural unit
"""


def test_a_comparison_defines_each_side_it_states_something_of_alone() -> None:
    kb, _ = kb_and_unplaced(COMPARED_SIDES)
    assert entry(kb, "anatomy").definition == "About statics of an organism: focus on structure"
    assert entry(kb, "physiology").definition.startswith("More about dynamics of an organism")
    # a sentence about both sides compares them, it defines neither: no entry, and reported
    both = (
        "# Networks\n\n## OSI vs TCP/IP\n\n- OSI is a reference model, while TCP/IP is a set of protocols\n"
    )
    both += "\n## Router\n\n- A device that forwards packets between networks\n"
    kb, unplaced = kb_and_unplaced(both)
    assert all("OSI" not in found.names for found in kb.entries)
    assert any("OSI is a reference model" in text for _, text in unplaced)
