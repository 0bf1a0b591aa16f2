"""Notes out: knowledge YAML (one file per topic), CSV, and Anki decks (``.apkg`` via genanki).

* YAML: the knowledge file format; ``python -m bot check`` accepts it and uploading it restores the topic.
* CSV: a header row ``term,definition,aliases,examples,topic`` (several aliases or examples joined
  with ``; ``), which ``python -m bot import`` and ``/notes upload`` read back.
* Anki: one deck per export, one note per entry, the term on the front, the definition, details and
  examples on the back. The deck, the note type and every note have ids derived from their names
  (topic title, term), so importing a newer export into Anki updates the notes instead of adding copies.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import genanki
import yaml

from bot.knowledge import Entry, Topic
from bot.notes.topics import topic_document

#: Export formats, as the ``format`` option and ``--format`` name them.
FORMATS: tuple[str, ...] = ("yaml", "anki", "csv")
#: File ending of each format.
SUFFIXES: dict[str, str] = {"yaml": ".yaml", "anki": ".apkg", "csv": ".csv"}


class _Dumper(yaml.SafeDumper):
    """Safe YAML with lists indented under their key, as the bundled knowledge files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never indentless: ``entries:`` then ``  - term: ...``."""
        super().increase_indent(flow, False)


def to_yaml(topic: Topic, entries: Iterable[Entry]) -> str:
    """One topic as a knowledge YAML file (values that YAML would read otherwise are quoted)."""
    return yaml.dump(
        topic_document(topic, entries),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=110,
        default_flow_style=False,
    )


def to_csv(entries: Iterable[Entry]) -> str:
    """Entries as CSV with a header row: term, definition, aliases, examples, topic."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "definition", "aliases", "examples", "topic"])
    for entry in entries:
        writer.writerow(
            [
                entry.term,
                entry.definition,
                "; ".join(entry.aliases),
                "; ".join(entry.examples),
                entry.topic.title,
            ]
        )
    return out.getvalue()


def stable_id(*parts: str, bits: int = 31) -> int:
    """A positive integer id from text, the same in every run (Anki wants ids below 2**63)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % (1 << bits) + (1 << bits)


#: The note type every exported note uses; its id must never change (Anki matches notes by it).
ANKI_MODEL = genanki.Model(
    stable_id("studybot", "note type", "term / definition v1"),
    "studybot: term / definition",
    fields=[{"name": "Term"}, {"name": "Back"}, {"name": "Topic"}],
    templates=[
        {
            "name": "Term to definition",
            "qfmt": "<div class=term>{{Term}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<div class=topic>{{Topic}}</div>",
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }"
    " .term { font-weight: bold; text-align: center; } .topic { color: #888; font-size: 14px; }",
)


def _back(entry: Entry) -> str:
    parts = [f"<div>{html.escape(entry.definition)}</div>"]
    if entry.details:
        items = "".join(f"<li>{html.escape(d)}</li>" for d in entry.details)
        parts.append(f"<ul>{items}</ul>")
    if entry.examples:
        parts.append(f"<div><i>Examples:</i> {html.escape(', '.join(entry.examples))}</div>")
    return "".join(parts)


def note_guid(entry: Entry) -> str:
    """The note's id in Anki: from its topic and term (case and spacing ignored), stable across exports."""
    term = " ".join(entry.term.split()).casefold()
    return genanki.guid_for("studybot", entry.topic.title.casefold(), term)


def anki_deck(name: str, entries: Sequence[Entry]) -> genanki.Deck:
    """A deck called ``name`` with one note per entry (HTML-escaped fields)."""
    deck = genanki.Deck(stable_id("studybot", "deck", name.casefold()), name)
    for entry in entries:
        deck.add_note(
            genanki.Note(
                model=ANKI_MODEL,
                fields=[html.escape(entry.term), _back(entry), html.escape(entry.topic.label)],
                guid=note_guid(entry),
                tags=[_tag(entry.topic.title)],
            )
        )
    return deck


def _tag(title: str) -> str:
    return "studybot::" + "_".join(title.split())[:60]


def to_anki(name: str, entries: Sequence[Entry]) -> bytes:
    """An Anki package (``.apkg`` bytes) with one deck called ``name``."""
    package = genanki.Package(anki_deck(name, entries))
    handle, temp = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        package.write_to_file(temp)
        return Path(temp).read_bytes()
    finally:
        Path(temp).unlink(missing_ok=True)


def export_files(
    fmt: str, topics: Sequence[tuple[Topic, Sequence[Entry]]], deck_name: str
) -> list[tuple[str, bytes]]:
    """``(file name, bytes)`` to send for ``topics`` in ``fmt`` (``ValueError`` for another format).

    YAML gives one file per topic (each can be uploaded or checked on its own); CSV and Anki one file.
    """
    if fmt == "yaml":
        return [(f"{_file_stem(t.title)}.yaml", to_yaml(t, es).encode("utf-8")) for t, es in topics]
    entries = [e for _, es in topics for e in es]
    if fmt == "csv":
        return [(f"{_file_stem(deck_name)}.csv", to_csv(entries).encode("utf-8"))]
    if fmt == "anki":
        return [(f"{_file_stem(deck_name)}.apkg", to_anki(deck_name, entries))]
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _file_stem(title: str) -> str:
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in title.casefold())
    return "-".join(part for part in stem.split("-") if part)[:60] or "notes"
