"""Flash-card uploads go through the importer (Quizlet/Anki TSV, CSV with a header), as ``bot import``."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.notes.upload import NotesLimits, preview_upload

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _expected_terms(name: str) -> list[str]:
    data = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    return [e["term"] for e in data["entries"]]


def test_a_csv_with_a_header_gives_one_entry_per_row() -> None:
    data = (CORPUS / "networking_terms.csv").read_bytes()
    preview = preview_upload("networking_terms.csv", data, limits=NotesLimits())
    assert preview.ok, preview.problems
    rows = [line for line in data.decode().splitlines()[1:] if line.strip()]
    assert len(preview.entries) == len(rows)
    assert preview.entries[0].term == "Packet"
    assert preview.entries[0].definition.startswith("A unit of data sent over a network")


def test_a_quizlet_tsv_export_gives_one_entry_per_card() -> None:
    data = (CORPUS / "quizlet_server_attacks.tsv").read_bytes()
    preview = preview_upload("quizlet_server_attacks.tsv", data, limits=NotesLimits())
    assert preview.ok, preview.problems
    lines = [line for line in data.decode().splitlines() if line.strip()]
    assert len(preview.entries) == len(lines)
    first = preview.entries[0]
    assert first.term == "Man-in-the-Middle"
    assert "MITM" in first.aliases
