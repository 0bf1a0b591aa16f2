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
