"""Forms of notes found while raising the tune6/tune9 imports (issue 14): each test is a small made-up
input of one form."""

from __future__ import annotations

from tests.importer.kb_helpers import entry, kb_of, terms


def test_a_why_use_heading_names_the_thing_its_points_describe() -> None:
    kb = kb_of(
        "# Web notes\n\n## Why Use a Reverse Proxy\n- Hides the servers behind it from clients\n"
        "- Can cache responses\n"
    )
    assert terms(kb) == {"Reverse Proxy"}
    proxy = entry(kb, "reverse proxy")
    assert proxy.definition == "Hides the servers behind it from clients"
    assert "Can cache responses" in proxy.details
