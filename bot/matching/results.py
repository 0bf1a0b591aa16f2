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
    """A confident match: the entry, a 0-100 score and how it was found.

    ``via`` is "name", "alias", "variant" (the name written another way), "fuzzy", "description",
    "property" (a question about a named entry), "example" (``example`` names one of the entry's
    examples: say so, it is not the entry's name) or "comparison" (``also`` holds the other entries
    to show next to ``entry``).
    """

    query: str
    entry: Entry
    score: float
    via: str = "name"
    example: str = ""
    also: tuple[Entry, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry the answer shows: the entry, then those it is compared with."""
        return (self.entry, *self.also)

    @property
    def lead(self) -> str:
        """A line to show before the entries, or "" (``Docker is an example of Application ...``)."""
        if self.example:
            return f"{self.example} is an example of {self.entry.term}."
        if self.also:
            names = [e.term for e in self.entries]
            return f"{', '.join(names[:-1])} and {names[-1]} compared:"
        return ""


@dataclass(frozen=True, slots=True)
class NotFound:
    """No confident match; up to 3 suggestions, best first."""

    query: str
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)


Result = Answer | NotFound
