"""The look-up engine: one matcher for questions, autocomplete and "did you mean".

INTERFACE STUB: the implementation is being written. The public API below is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge import Entry, KnowledgeBase


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A term that might be what was meant, with a 0-100 score."""

    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    """A confident match: the entry, a 0-100 score and how it was found."""

    query: str
    entry: Entry
    score: float
    via: str = "name"  # "name", "alias", "fuzzy", "description"


@dataclass(frozen=True, slots=True)
class NotFound:
    """No confident match; up to 3 suggestions, best first."""

    query: str
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)


Result = Answer | NotFound


class Matcher:
    """Indexes a knowledge base once; answers look-ups and completions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def lookup(self, text: str) -> Result:
        """Answer a question or a term, or refuse with suggestions."""
        raise NotImplementedError

    def complete(self, prefix: str, limit: int = 25) -> list[Entry]:
        """Up to ``limit`` entries for autocomplete, best first (prefix before fuzzy)."""
        raise NotImplementedError

    def is_question(self, text: str) -> bool:
        """Whether chat text is phrased as a definition question ("what's a ...", "define ...")."""
        raise NotImplementedError
