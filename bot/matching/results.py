"""What a look-up returns: an answer, or a refusal with suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge import Entry


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
