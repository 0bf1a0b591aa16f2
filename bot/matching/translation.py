"""Vocabulary questions: a word asked for in the notes' language by its meaning.

Vocabulary notes give a foreign word as the term and its meaning as the definition ("La Escuela":
"School (noun, feminine)."). A student asks the other way round: "what is the Spanish for school",
"how do you say smile in Spanish", "to learn in Spanish". ``asked_meaning`` takes the meaning out of
such a question and ``GlossIndex`` finds the one entry whose definition opens with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

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
    re.compile(r"(?:please\s+)?translate\s+(?P<meaning>.+?)\s+(?:in|into|to)\s+" + _LANGUAGE),
    re.compile(r"(?:(?:what\s+is|what's|whats)\s+)?(?P<meaning>.+?)\s+in\s+" + _LANGUAGE),
)  # fmt: skip
#: wordfreq's code of each language a question may name whose words it can look up alone (not Latin).
_WORDFREQ_CODE = {
    "spanish": "es",
    "french": "fr",
    "german": "de",
    "italian": "it",
    "portuguese": "pt",
}  # Japanese and Chinese need tokenizers wordfreq does not install: only notes that name them
#: A word at least this common in a language (Zipf scale, wordfreq) is taken as a word of it.
_WORD_OF_LANGUAGE_ZIPF = 1.0
#: How far below its frequency in another language a word may be and still count as the asked one's.
_OTHER_LANGUAGE_MARGIN = 1.0
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


def named_languages(tokens: Iterable[str]) -> list[str]:
    """The languages other than English a question's words name (sorted): the word is asked *in* them."""
    return sorted({w for w in tokens if w in LANGUAGES and w != "english"})


@lru_cache(maxsize=4096)
def is_word_of(word: str, language: str) -> bool:
    """Whether ``word`` (folded) is a word of ``language`` ("german", ...) by wordfreq's lists: at least
    ``_WORD_OF_LANGUAGE_ZIPF`` on the Zipf scale there, and no more than ``_OTHER_LANGUAGE_MARGIN`` below
    its frequency in any other language of ``_WORDFREQ_CODE`` (each list holds some foreign words: "teller"
    is 2.7 in French, 4.1 in German). False for a language wordfreq has no list of.

    wordfreq is imported here, on the first vocabulary question naming a language (as in
    ``bot.matching.typos.zipf``: it costs start-up time a bot answering names never needs).
    """
    code = _WORDFREQ_CODE.get(language)
    if code is None:
        return False
    from wordfreq import zipf_frequency  # deferred: see above

    asked = float(zipf_frequency(word, code))
    if asked < _WORD_OF_LANGUAGE_ZIPF:
        return False
    best_other = max(float(zipf_frequency(word, other)) for other in _WORDFREQ_CODE.values() if other != code)
    return asked >= best_other - _OTHER_LANGUAGE_MARGIN


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
