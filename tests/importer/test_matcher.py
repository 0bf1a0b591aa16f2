"""An imported file is served like a hand-written one: the matcher answers questions from it."""

from __future__ import annotations

from pathlib import Path

from bot.importer import import_file
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher
from tests.importer.conftest import NOTES_DIR, SEED_NOTES


def test_the_matcher_answers_from_an_imported_file(tmp_path: Path) -> None:
    for notes in (SEED_NOTES, NOTES_DIR / "cloud-notes.md"):
        (tmp_path / (notes.stem + ".yaml")).write_text(import_file(notes).text, encoding="utf-8")
    matcher = Matcher(load_knowledge([tmp_path]))

    answer = matcher.lookup("what is a hypervisor?")
    assert isinstance(answer, Answer)
    assert answer.entry.term == "Hypervisor"
    assert answer.entry.definition.startswith("Manages the distribution of the physical resources")

    answer = matcher.lookup("define IaaS")
    assert isinstance(answer, Answer)
    assert answer.entry.term == "Infrastructure as a Service"

    assert "Type I hypervisor" in [e.term for e in matcher.complete("type")]
