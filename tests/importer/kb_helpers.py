"""Small readers the importer tests share: notes text imported and loaded as the bot would load it."""

from __future__ import annotations

from pathlib import Path

from bot.importer import import_notes
from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge_text, normalize_name


def kb_of(notes: str) -> KnowledgeBase:
    """``notes`` (Markdown text) imported as ``notes.md`` and loaded as ``notes.yaml``."""
    result = import_notes(notes, notes_name="notes.md")
    return load_knowledge_text(result.text, "notes.yaml")


def kb_and_unplaced(text: str) -> tuple[KnowledgeBase, list[tuple[int, str]]]:
    """``text`` imported as ``case.md`` and loaded, with the importer's ``(line, text)`` not placed."""
    result = import_notes(text, notes_name="case.md")
    return load_knowledge_text(result.text, Path("case.yaml")), result.draft.unplaced


def entry(kb: KnowledgeBase, name: str) -> Entry:
    """The one entry of ``kb`` with ``name`` among its names (asserts there is exactly one)."""
    wanted = normalize_name(name)
    found = [e for e in kb.entries if wanted in {normalize_name(n) for n in e.names}]
    assert len(found) == 1, f"{name!r}: {[e.term for e in found]}"
    return found[0]


def terms(kb: KnowledgeBase) -> set[str]:
    """The terms of ``kb``'s entries."""
    return {e.term for e in kb.entries}
