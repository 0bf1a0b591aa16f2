"""Vocabulary questions: a word asked for in the notes' language by its meaning.

Vocabulary notes give a foreign word as the term and its meaning as the definition ("La Escuela":
"School (noun, feminine)."). A student asks the other way round: "what is the Spanish for school",
"how do you say smile in Spanish", "to learn in Spanish". ``asked_meaning`` takes the meaning out of
such a question and ``GlossIndex`` finds the one entry whose definition opens with it.
"""

from __future__ import annotations

import re

from bot.knowledge import Entry
from bot.matching.names import key_of

#: Languages a vocabulary question names.
LANGUAGES = frozenset(
    {"spanish", "french", "german", "italian", "portuguese", "latin", "english", "japanese", "chinese"}
)
_LANGUAGE = r"(?:" + "|".join(sorted(LANGUAGES)) + r")"
_ASKED = (
    re.compile(
        r"(?:(?:what\s+is|what's|whats|what\s+s)\s+)?(?:the\s+)?" + _LANGUAGE
        + r"\s+(?:word\s+|term\s+|noun\s+|verb\s+)?for\s+(?:the\s+|a\s+|an\s+)?(?P<meaning>.+)"
    ),
    re.compile(r"how\s+(?:do|would|can)\s+(?:you|i|we|u)\s+say\s+(?P<meaning>.+?)\s+in\s+" + _LANGUAGE),
    re.compile(r"(?:(?:what\s+is|what's|whats)\s+)?(?P<meaning>.+?)\s+in\s+" + _LANGUAGE),
)  # fmt: skip
_GLOSS_END = re.compile(r"[(\[]")  # grammar notes follow the meaning: "(noun, feminine)"
_GLOSS_SPLIT = re.compile(r"[,;/]|\bor\b|=")
_GLOSSES_READ = 6  # meanings read from the start of a definition; the rest is prose


def asked_meaning(text: str) -> str | None:
    """The meaning a vocabulary question asks the word for, or None for any other question.

    ``"how do you say smile in Spanish?"`` -> ``"smile"``; ``"what is the spanish for school"`` ->
    ``"school"``.
    """
    folded = " ".join(text.casefold().replace("?", " ").split())
    for pattern in _ASKED:
        found = pattern.fullmatch(folded)
        if found is not None:
            meaning = found.group("meaning").strip(" .!'\"")
            return meaning or None
    return None


def glosses(definition: str) -> list[str]:
    """The meanings a vocabulary definition opens with: "Wholeness, completeness (= ...)" ->
    ["Wholeness", "completeness"]; text before the first bracket, split at commas, semicolons, "or"."""
    head = _GLOSS_END.split(definition, maxsplit=1)[0]
    parts = [p.strip(" .") for p in _GLOSS_SPLIT.split(head)]
    return [p for p in parts[:_GLOSSES_READ] if p]


class GlossIndex:
    """Entries by the key of each meaning their definition opens with."""

    def __init__(self, entries: list[Entry]) -> None:
        self.meanings: dict[str, set[int]] = {}
        for index, entry in enumerate(entries):
            for gloss in glosses(entry.definition):
                key = key_of(gloss)
                if key and len(key.split()) <= 4:
                    self.meanings.setdefault(key, set()).add(index)

    def hit(self, meaning: str) -> int | None:
        """The one entry whose definition opens with ``meaning``; None if none or several."""
        found = self.meanings.get(key_of(meaning))
        return next(iter(found)) if found is not None and len(found) == 1 else None
