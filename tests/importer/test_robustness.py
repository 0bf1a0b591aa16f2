"""The importer never raises on arbitrary text: it returns a valid file or a clear NotesError."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.importer import NotesError, import_notes
from bot.importer.render import dumper_for
from bot.loader import load_knowledge_text

_PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "- ",
        "* ",
        "1. ",
        "\t\t1. ",
        "    ",
        "> ",
        "**",
        "*",
        "`",
        "```",
        "|",
        "---",
        " - ",
        ": ",
        " (",
        ")",
        "(OBJ 2.2)",
        "&nbsp;",
        "&amp;",
        "<br>",
        "<!-- x -->",
        "Definition:",
        "Examples:",
        "See also:",
        "Type I",
        "VM",
        "Hypervisor",
        "Docker",
        "occurs when",
        " is a ",
        "allows",
        "yes",
        "null",
        "~",
        "'",
        '"',
        "#",
        "\\",
        "[",
        "]",
        "{",
        "}",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        " ",
    ]
)
_WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=0, max_size=12
)
_NOTES = st.lists(st.one_of(_PIECES, _WORDS), max_size=60).map("".join)


def _import_or_refuse(text: str) -> None:
    try:
        result = import_notes(text, notes_name="fuzz.md")
    except NotesError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert "\n" not in message
        return
    kb = load_knowledge_text(result.text)  # raises if the importer wrote an invalid file
    assert len(kb.entries) == result.entries >= 1
    assert import_notes(text, notes_name="fuzz.md").text == result.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NOTES)
def test_note_like_text_never_breaks_the_importer(text: str) -> None:
    _import_or_refuse(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_never_breaks_the_importer(text: str) -> None:
    _import_or_refuse(text)


def test_deeply_nested_and_indented_text() -> None:
    nested = "".join("  " * depth + "- item " + str(depth) + "\n" for depth in range(60))
    _import_or_refuse("# Deep\n\nTerm - defined\n\n" + nested)
    indented = "\n\n".join("\t" * depth + "Term" + str(depth) + " - text" for depth in range(1, 40))
    _import_or_refuse(indented)
    quotes = "> " * 80 + "Quote - in a deep block quote\n"
    _import_or_refuse(quotes)


_BMP_LINE = st.text(
    alphabet=st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",)), max_size=40
).map(lambda s: " ".join(s.split()))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(_BMP_LINE, st.sampled_from(["- x", "a: b", "#", "yes", "~", "1.5", "'", '"'])), max_size=6
    )
)
def test_the_fast_yaml_dumper_writes_what_pyyaml_writes(values: list[str]) -> None:
    # The importer uses libyaml's dumper for speed only where it gives PyYAML's exact bytes, so
    # the same notes give the same file on machines with and without libyaml.
    text = "".join(values)
    for value in ({"definition": text}, [text], {"aliases": values}):
        for flow in (False, True):
            fast = yaml.dump(
                value,
                Dumper=dumper_for(value),
                allow_unicode=True,
                sort_keys=False,
                width=1 << 30,
                default_flow_style=None if flow else False,
            )
            slow = yaml.dump(
                value,
                Dumper=yaml.SafeDumper,
                allow_unicode=True,
                sort_keys=False,
                width=1 << 30,
                default_flow_style=None if flow else False,
            )
            assert fast == slow
