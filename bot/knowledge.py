"""The knowledge base: topics and entries loaded from hand-written YAML files.

This module holds the data model and the error type. Loading and validation live in
``bot.loader``; both are free of Discord.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import UserError
from bot.wording import plural


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a knowledge file, located by file, line and key."""

    path: Path
    line: int | None
    key: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class KnowledgeError(UserError):
    """Raised when knowledge files cannot be loaded; carries every problem found.

    ``str(error)`` lists every problem, one ``file:line: message`` a line (for the command line);
    ``user_message`` is the first of them and how many more (for a chat reply).
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid knowledge base")

    @property
    def user_message(self) -> str:
        """``The notes have a problem: FIRST (and N more)``, at most 1,900 characters."""
        first = str(self.problems[0]) if self.problems else str(self)
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"The notes have a problem: {first}{more}"[:1900]


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic: one knowledge file's metadata."""

    title: str
    path: Path
    objective: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Title with its objective, e.g. ``Virtualization (2.2)``."""
        return f"{self.title} ({self.objective})" if self.objective else self.title


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One term of the notes with its definition and what goes with it."""

    term: str
    definition: str
    topic: Topic
    aliases: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    line: int | None = None
    #: ``# check:`` notes ``python -m bot import`` left on the entry and nobody resolved yet (its guesses)
    checks: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The term followed by its aliases."""
        return (self.term, *self.aliases)

    def __hash__(self) -> int:
        return hash((self.term, self.topic.path))

    def __reduce__(self) -> tuple[type[Entry], tuple[object, ...]]:
        """Pickled as its fields and rebuilt by the constructor (the index cache, ``bot.index_cache``,
        holds every entry): about a tenth of the time of dataclasses' ``__setstate__`` for frozen
        slotted classes, which was half of reading the cache at 100,000 terms."""
        return (
            Entry,
            (
                self.term,
                self.definition,
                self.topic,
                self.aliases,
                self.details,
                self.examples,
                self.see_also,
                self.line,
                self.checks,
            ),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and self.term == other.term and self.topic.path == other.topic.path


@dataclass(slots=True, weakref_slot=True)
class KnowledgeBase:
    """All topics and entries, with the files they came from."""

    topics: list[Topic] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def entries_of(self, topic: Topic) -> list[Entry]:
        """Entries belonging to ``topic``."""
        return [e for e in self.entries if e.topic == topic]

    def by_term(self, term: str) -> Entry | None:
        """The entry whose term is exactly ``term`` (case-insensitive), if any."""
        wanted = term.casefold()
        for entry in self.entries:
            if entry.term.casefold() == wanted:
                return entry
        return None

    @property
    def alias_count(self) -> int:
        """How many aliases all entries have together."""
        return sum(len(e.aliases) for e in self.entries)

    def summary(self) -> str:
        """One line: files, topics, terms, aliases."""
        return (
            f"{plural(len(self.files), 'file')}, {plural(len(self.topics), 'topic')}, "
            f"{plural(len(self.entries), 'term')}, {plural(self.alias_count, 'alias', 'aliases')}"
        )
