"""Export: knowledge YAML that the loader accepts and that restores the notes, CSV, and Anki decks with
stable ids (a newer export updates the same notes), and ``python -m bot export`` on the shared notes."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.loader import load_knowledge, load_knowledge_text
from bot.notes.export import ANKI_MODEL, export_files, to_anki, to_csv, to_yaml
from bot.notes.upload import NotesLimits, preview_upload


def _fields(entry: Entry) -> tuple[object, ...]:
    return (entry.term, entry.aliases, entry.definition, entry.details, entry.examples, entry.see_also)


def _anki_notes(data: bytes) -> dict[str, tuple[str, int]]:
    """guid -> (fields, model id) of every note in an .apkg."""
    with zipfile.ZipFile(io.BytesIO(data)) as package, package.open("collection.anki2") as db_file:
        raw = db_file.read()
    path = Path(__import__("tempfile").mkstemp(suffix=".anki2")[1])
    try:
        path.write_bytes(raw)
        with sqlite3.connect(path) as db:
            return {guid: (flds, mid) for guid, flds, mid in db.execute("SELECT guid, flds, mid FROM notes")}
    finally:
        path.unlink()


def test_yaml_export_of_the_bundled_notes_loads_back_identically() -> None:
    kb = load_knowledge()
    topic = kb.topics[0]
    text = to_yaml(topic, kb.entries_of(topic))
    again = load_knowledge_text(text, Path("again.yaml"))
    assert [_fields(e) for e in again.entries] == [_fields(e) for e in kb.entries_of(topic)]
    assert (again.topics[0].title, again.topics[0].objective, again.topics[0].tags) == (
        topic.title,
        topic.objective,
        topic.tags,
    )


def test_yaml_export_quotes_what_yaml_would_misread_and_reupload_restores_it() -> None:
    topic = Topic("Odd values", Path("odd.yaml"), objective="2.10", tags=("yes",))
    entries = [
        Entry("yes", "no", topic, aliases=("On", "1.0"), examples=("null", "@everyone: hi", "- dash")),
        Entry("Key: value", "A definition with: a colon, # a hash and 'quotes'", topic, details=("true",)),
    ]
    text = to_yaml(topic, entries)
    preview = preview_upload("odd.yaml", text.encode(), limits=NotesLimits())
    assert preview.ok, preview.problems
    assert [_fields(e) for e in preview.entries] == [_fields(e) for e in entries]


def test_csv_export_has_a_header_and_every_entry() -> None:
    kb = load_knowledge()
    rows = list(csv.DictReader(io.StringIO(to_csv(kb.entries))))
    assert len(rows) == len(kb.entries)
    first = kb.entries[0]
    assert rows[0]["term"] == first.term
    assert rows[0]["definition"] == first.definition
    assert rows[0]["aliases"].split("; ") == list(first.aliases)
    assert rows[0]["topic"] == first.topic.title


def test_anki_deck_has_one_note_per_entry_with_the_term_on_the_front() -> None:
    kb = load_knowledge()
    notes = _anki_notes(to_anki("Virtualization", kb.entries))
    assert len(notes) == len(kb.entries)
    fronts = {flds.split("\x1f")[0] for flds, _ in notes.values()}
    assert fronts == {e.term for e in kb.entries}
    escape = next(e for e in kb.entries if e.examples and e.details)
    back = next(flds.split("\x1f")[1] for flds, _ in notes.values() if flds.startswith(escape.term + "\x1f"))
    assert escape.definition[:30] in back
    assert escape.examples[0] in back
    assert "<li>" in back
    assert {mid for _, mid in notes.values()} == {ANKI_MODEL.model_id}


def test_anki_ids_are_stable_so_a_reimport_updates_instead_of_duplicating() -> None:
    kb = load_knowledge()
    first = _anki_notes(to_anki("Virtualization", kb.entries))
    changed = [replace(e, definition=e.definition + " (revised)") for e in kb.entries]
    second = _anki_notes(to_anki("Virtualization", changed))
    assert set(first) == set(second)  # same note ids
    assert all(first[g][0] != second[g][0] for g in first)  # new content under the same ids


def test_html_in_the_notes_is_escaped_in_anki() -> None:
    topic = Topic("Web", Path("web.yaml"))
    notes = _anki_notes(to_anki("Web", [Entry("<script>", "Runs <b>code</b> & more", topic)]))
    [(flds, _)] = notes.values()
    assert flds.startswith("&lt;script&gt;\x1f<div>Runs &lt;b&gt;code&lt;/b&gt; &amp; more</div>")


def test_yaml_export_of_several_topics_is_one_file_each() -> None:
    a, b = Topic("A one", Path("a.yaml")), Topic("B two", Path("b.yaml"))
    files = export_files(
        "yaml", [(a, [Entry("Alpha", "First.", a)]), (b, [Entry("Beta", "Second.", b)])], "x"
    )
    assert [name for name, _ in files] == ["a-one.yaml", "b-two.yaml"]
    with pytest.raises(ValueError, match="unknown export format"):
        export_files("pdf", [], "x")


def test_cli_exports_the_shared_notes_as_an_anki_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deck.apkg"
    assert main(["export", "--format", "anki", "-o", str(out)]) == 0
    kb: KnowledgeBase = load_knowledge()
    assert len(_anki_notes(out.read_bytes())) == len(kb.entries)
    assert "exported 16 entries of 1 topic as anki" in capsys.readouterr().err
    assert main(["export", "--format", "yaml", "-o", str(tmp_path / "yaml")]) == 0
    assert main(["check", str(tmp_path / "yaml")]) == 0


def test_cli_export_refuses_an_unknown_topic_and_a_broken_kb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "csv", "--topic", "Astronomy", "-o", str(tmp_path / "x.csv")]) == 2
    assert "no topic called 'Astronomy'" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("topic: [\n")
    assert main(["export", "--format", "csv", "--kb", str(broken)]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not (tmp_path / "x.csv").exists()
