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


OPENINGS_UNDER_A_TERM = """\
# Design

### Rhythm
- Rhythm is a pattern created by repeating elements with variation.
- {line}
- Rhythm guides the eye through a layout.
"""


@pytest.mark.parametrize(
    ("line", "no_term"),
    [
        ("Why is rhythm important for a poster?", "Why"),
        ("How is rhythm made in a layout of many pages?", "How"),
        ("Designers often use rhythm to lead the viewer through a page.", "Designers often"),
        ("Students usually are confused by rhythm and repetition at first.", "Students usually"),
        (
            "An interesting aspect of rhythm is that the viewer expects the next beat.",
            "Interesting aspect of rhythm",
        ),
        ("One advantage of rhythm is that pages feel connected.", "Advantage of rhythm"),
    ],
)
def test_a_question_or_a_sentence_opening_is_no_term(line: str, no_term: str) -> None:
    kb, _ = kb_and_unplaced(OPENINGS_UNDER_A_TERM.format(line=line))
    assert no_term.casefold() not in {name.casefold() for e in kb.entries for name in e.names}
    assert "Rhythm" in terms(kb)
    assert "pattern created by repeating" in entry(kb, "Rhythm").definition


TITLE_OVER_AN_INTRODUCTION = """\
# {title}

{intro}

## Rocks

- **Basalt**: a dark volcanic rock with small crystals.
- **Granite**: a light intrusive rock with large crystals.
"""


@pytest.mark.parametrize(
    ("title", "intro"),
    [
        ("🌋 Geology", "Welcome to your rock revision guide — made simple and fun! 💖"),
        ("Geology Notes", "📘 This repo contains my personal notes as I study for the geology exam."),
        ("geology-notes", "Notes and key concepts from my geology study journey"),
    ],
)
def test_the_title_over_an_introduction_line_is_no_term(title: str, intro: str) -> None:
    kb, unplaced = kb_and_unplaced(TITLE_OVER_AN_INTRODUCTION.format(title=title, intro=intro))
    assert terms(kb) == {"Basalt", "Granite"}
    assert any(text == intro for _, text in unplaced)  # reported, not dropped


def test_a_heading_over_its_own_definition_stays_a_term() -> None:
    kb, _ = kb_and_unplaced("# Geology\n\n## Basalt\n\nA dark volcanic rock with small crystals.\n")
    assert entry(kb, "Basalt").definition.startswith("A dark volcanic rock")


def test_a_callout_aside_alone_under_a_heading_does_not_make_the_heading_a_term() -> None:
    notes = (
        "# Heart\n\n## Position of the Heart\n\n"
        "The heart is located in the **mediastinum**, the space between the lungs.\n\n"
        "> 🧠 **Tip:** it lies on the diaphragm.\n\n"
        "## Valves\n\n- **Mitral**: the valve between the left atrium and left ventricle.\n"
    )
    kb, unplaced = kb_and_unplaced(notes)
    assert "Position of the Heart" not in terms(kb)
    assert "Mitral" in terms(kb)
    # the appositive defines the mediastinum (imp12b); the aside after it is kept with it or unplaced,
    # never made a term
    assert "Tip" not in terms(kb)
    kept = [d for e in kb.entries for d in e.details] + [text for _, text in unplaced]
    assert any("diaphragm" in text for text in kept)
