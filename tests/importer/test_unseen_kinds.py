"""Kinds of faults found on public notes nobody had tuned on (wild10): small inputs written for each kind."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_and_unplaced, terms

RULES_UNDER_A_SUBJECT = """\
# Chemistry

These notes cover naming. They are no substitute for the textbook.

## Alcohols

An **alcohol** is an organic molecule ending with an OH group.

### Rules for alcohols

1. Number the carbons so that the OH group gets the lowest number.
2. The suffix is **-ol**.

### Tips on ethers

- Name the longer group as the parent chain.
"""


def test_a_heading_over_rules_or_tips_about_a_subject_is_no_term() -> None:
    kb, unplaced = kb_and_unplaced(RULES_UNDER_A_SUBJECT)
    assert terms(kb) == {"Alcohol"}
    assert entry(kb, "Alcohol").definition.startswith("An organic molecule")
    lost = [text for _, text in unplaced]
    # the notes speaking of themselves, and the rules, are reported: nothing is dropped
    assert any(text.startswith("These notes cover naming.") for text in lost)
    assert any(text.startswith("Number the carbons") for text in lost)
