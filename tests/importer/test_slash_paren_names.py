"""A bullet naming two paired terms joined by a slash, each with its synonym in brackets glued to it
(``Foo(bar)/Baz(qux) - definition``): the term is ``Foo/Baz``, never the whole written string."""

from __future__ import annotations

from bot.importer.text import term_name


def test_slash_joined_names_with_glued_bracketed_synonyms() -> None:
    parsed = term_name("Signal(wanted input)/Noise(unwanted input)")
    assert parsed.name == "Signal/Noise"
    assert {"Signal", "Noise", "wanted input", "unwanted input"} <= set(parsed.aliases)


def test_one_name_with_a_bracket_is_unchanged() -> None:
    assert term_name("Signal (wanted input)").name == "Signal"
