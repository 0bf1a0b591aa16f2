"""The importer's draft of a knowledge file: entries with the notes' wording and what to check."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Item:
    """One list value (a detail, example, alias ...) with an optional ``# check:`` note."""

    text: str
    check: str = ""
    code: bool = False  # code or raw HTML kept as written: a detail, never a definition


@dataclass(slots=True)
class DraftEntry:
    """An entry being built from the notes."""

    term: str
    line: int
    definition: str = ""
    aliases: list[Item] = field(default_factory=list)
    details: list[Item] = field(default_factory=list)
    examples: list[Item] = field(default_factory=list)
    see_also: list[Item] = field(default_factory=list)
    expansion: str = ""  # a long name the term abbreviates, usable as a last-resort definition
    checks: dict[str, list[str]] = field(default_factory=dict)  # key -> notes shown above that key
    group: str = ""  # the grouping heading or label the entry sits under ("" when none)
    marked: bool = False  # the name was written in bold before its explanation (``**Term** - ...``)

    def check(self, key: str, note: str) -> None:
        """Add a ``# check:`` note above ``key`` (once)."""
        notes = self.checks.setdefault(key, [])
        if note not in notes:
            notes.append(note)

    def add(self, key: str, text: str, check: str = "", *, code: bool = False) -> bool:
        """Append ``text`` to the list ``key`` unless it is already there; whether it was added."""
        items: list[Item] = getattr(self, key)
        text = text.strip()
        if not text or any(item.text.casefold() == text.casefold() for item in items):
            return False
        items.append(Item(text, check, code))
        return True

    def names(self) -> list[str]:
        """The term and its aliases."""
        return [self.term, *(alias.text for alias in self.aliases)]


@dataclass(slots=True)
class Draft:
    """A whole knowledge file in the making."""

    title: str
    source: str
    objective: str | None = None
    topic_checks: list[str] = field(default_factory=list)
    entries: list[DraftEntry] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # headings that group entries (the topic's tags)
    tags: list[str] = field(default_factory=list)  # the tags the notes' front matter gives them

    @property
    def alias_count(self) -> int:
        """Aliases of all entries together."""
        return sum(len(entry.aliases) for entry in self.entries)

    @property
    def check_count(self) -> int:
        """How many ``# check:`` notes the file carries."""
        per_entry = sum(
            sum(len(notes) for notes in entry.checks.values())
            + sum(
                1
                for key in ("aliases", "details", "examples", "see_also")
                for i in getattr(entry, key)
                if i.check
            )
            for entry in self.entries
        )
        return len(self.topic_checks) + per_entry
