"""Runs of flash cards whose fronts ask one label for different values (reversed cards, tables)."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_of, terms

_REVERSED = """# Chemistry

## Group - 1

Alkali metals

## Group - 2

Alkaline earth metals (Group II)

## Group - 17

Halogens

## Group - 18

- Noble gases
- Inert gases

## Halogens

Reactive non-metals that form salts.
"""


def test_reversed_cards_name_the_term_on_their_back() -> None:
    kb = kb_of(_REVERSED)
    assert not any(term.startswith("Group") for term in terms(kb))
    assert entry(kb, "Alkali metals").definition == "Group: 1."
    assert "Group II" in entry(kb, "Alkaline earth metals").names
    assert "Inert gases" in entry(kb, "Noble gases").names


def test_a_reversed_card_of_a_term_defined_elsewhere_adds_a_detail() -> None:
    halogens = entry(kb_of(_REVERSED), "Halogens")
    assert halogens.definition == "Reactive non-metals that form salts."
    assert "Group: 17." in halogens.details


_TABLE = """# Logic

## Negation: true

False

## Negation: false

True

## Negation: unknown

Unknown
"""


def test_a_table_of_values_is_one_term() -> None:
    kb = kb_of(_TABLE)
    assert terms(kb) == {"Negation"}
    assert entry(kb, "Negation").definition == "true -> False; false -> True; unknown -> Unknown."


def test_two_cards_of_one_label_are_no_series() -> None:
    kb = kb_of("# Logic\n\n## Negation: true\n\nFalse\n\n## Negation: false\n\nTrue\n")
    assert terms(kb) == {"Negation: true", "Negation: false"}


def test_a_series_with_sentences_on_the_back_stays() -> None:
    notes = (
        "# Biology\n\n## Stage: G1\n\nThe cell grows.\n\n## Stage: G2\n\nThe cell checks its DNA.\n\n"
        "## Stage: M\n\nThe cell divides.\n"
    )
    assert terms(kb_of(notes)) == {"Stage: G1", "Stage: G2", "Stage: M"}


def test_a_how_to_front_is_named_by_its_action() -> None:
    notes = (
        "# Cooking\n\n## How to fold an egg white\n\nCut down and turn the bowl gently.\n\n"
        "## Roux\n\nFlour cooked in fat.\n"
    )
    kb = kb_of(notes)
    assert terms(kb) == {"fold an egg white", "Roux"}
    assert entry(kb, "fold an egg white").definition == "Cut down and turn the bowl gently."


def test_a_how_to_line_with_a_long_clause_is_no_term() -> None:
    notes = (
        "# Cooking\n\n## How to tell when the sugar syrup has reached the soft ball stage\n\n"
        "Drop some in cold water.\n\n## Roux\n\nFlour cooked in fat.\n"
    )
    assert terms(kb_of(notes)) == {"Roux"}
