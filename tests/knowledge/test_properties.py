"""Property tests: whatever is in a knowledge file, the loader either loads it or raises KnowledgeError."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import ENTRY_KEYS, TOPIC_KEYS, load_knowledge, normalize_name
from bot.matching.names import is_fragment

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def load_file_content(content: str | bytes) -> KnowledgeBase | KnowledgeError:
    """Write ``content`` to a fresh .yaml file and load it, returning the knowledge base or the error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "notes.yaml")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            return load_knowledge([path])
        except KnowledgeError as exc:
            error = exc
    assert error.problems, "a KnowledgeError must carry at least one problem"
    for problem in error.problems:
        assert problem.path == path
        assert problem.line is None or problem.line >= 1
        assert problem.message
    return error


YAML_FRAGMENTS = st.sampled_from(
    [
        "topic:",
        "entries:",
        "  - term: ",
        "title: ",
        "definition: ",
        "aliases: [",
        "]",
        "{",
        "}",
        "- ",
        ": ",
        "\n",
        "  ",
        "\t",
        "&a ",
        "*a",
        "<<: *a",
        "!!binary ",
        "!!python/object ",
        "? ",
        "---",
        "...",
        "%YAML 1.1",
        "'",
        '"',
        "|",
        ">-",
        "#",
        "yes",
        "~",
        "2.2",
        "2001-01-01",
        "see_also: [x]",
    ]
)


@PROPERTY_SETTINGS
@given(st.text())
def test_arbitrary_text_only_ever_raises_knowledge_error(text: str) -> None:
    load_file_content(text)


@PROPERTY_SETTINGS
@given(st.binary())
def test_arbitrary_bytes_only_ever_raise_knowledge_error(data: bytes) -> None:
    load_file_content(data)


@PROPERTY_SETTINGS
@given(st.lists(st.one_of(YAML_FRAGMENTS, st.text(max_size=5)), max_size=40).map("".join))
def test_yaml_like_fragments_only_ever_raise_knowledge_error(text: str) -> None:
    load_file_content(text)


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12), st.dates()
)
KEYS = st.one_of(st.sampled_from([*TOPIC_KEYS, *ENTRY_KEYS, "topic", "entries"]), st.text(max_size=8))
VALUES: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=20,
)


@PROPERTY_SETTINGS
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "topic": st.one_of(VALUES, st.dictionaries(st.sampled_from(TOPIC_KEYS), VALUES)),
            "entries": st.one_of(VALUES, st.lists(st.dictionaries(st.sampled_from(ENTRY_KEYS), VALUES))),
        },
    )
)
def test_nearly_right_structures_only_ever_raise_knowledge_error(document: dict[str, Any]) -> None:
    load_file_content(yaml.safe_dump(document, allow_unicode=True))


NAMES = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=20
).filter(lambda s: s.strip() != "")


@PROPERTY_SETTINGS
@given(st.lists(st.tuples(NAMES, NAMES, st.lists(NAMES, max_size=3)), min_size=1, max_size=8))
def test_valid_generated_notes_load_with_their_text(rows: list[tuple[str, str, list[str]]]) -> None:
    # a lower-case letter or function word is refused as an alias (its own test)
    assume(not any(is_fragment(" ".join(a.split())) for _, _, aliases in rows for a in aliases))
    # A clash: one entry spelling a name twice, or two entries with names the name model cannot tell apart.
    repeats = any(
        len({" ".join(n.split()).casefold() for n in (term, *aliases)}) < len(aliases) + 1
        for term, _, aliases in rows
    )
    per_entry = [{normalize_name(name) for name in (term, *aliases)} for term, _, aliases in rows]
    shared = sum(map(len, per_entry)) > len(set().union(*per_entry))
    entries = [
        {"term": term, "definition": definition, "aliases": aliases} for term, definition, aliases in rows
    ]
    result = load_file_content(yaml.safe_dump({"topic": {"title": "Generated"}, "entries": entries}))
    if repeats or shared:
        assert isinstance(result, KnowledgeError)
        assert all("already claimed" in p.message or "repeats a name" in p.message for p in result.problems)
        return
    assert isinstance(result, KnowledgeBase)
    assert [(e.term, e.definition, e.aliases) for e in result] == [
        (" ".join(term.split()), definition.strip(), tuple(" ".join(a.split()) for a in aliases))
        for term, definition, aliases in rows
    ]
