"""Plain sentences with no markup that define their subject."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_of, terms


def test_a_singular_kind_then_that_defines_its_subject() -> None:
    notes = (
        "# Soils\n\n# Layers\nTopsoil is soil that holds most of the roots.\n"
        "a **Subsoil** is the layer below the topsoil.\n"
    )
    kb = kb_of(notes)
    assert entry(kb, "Topsoil").definition == "Soil that holds most of the roots."
    assert "Subsoil" in terms(kb)


def test_an_adverb_before_that_defines_nothing() -> None:
    notes = "# Soils\n\n## Loam\n\nA mix of sand, silt and clay.\n\nLoam is usually that good.\n"
    kb = kb_of(notes)
    assert terms(kb) == {"Loam"}
    assert entry(kb, "Loam").definition == "A mix of sand, silt and clay."
