"""Typed-answer checking, hint letters and masking a term out of its definition."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

_NON_WORD = re.compile(r"[^0-9a-z]+")
_MASK = "____"


#: ASCII text after casefold: every character that is not a digit or a-z becomes a space
_ASCII_TO_WORDS = str.maketrans(
    {chr(i): " " for i in range(128) if not chr(i).isdigit() and not chr(i).islower()}
)
_ARTICLES = ("a ", "an ", "the ")


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lower-case, accents and punctuation dropped, leading articles removed, spaces collapsed."""
    folded = text.casefold()
    if folded.isascii():  # the common case: one C-level translate instead of a regex
        words = " ".join(folded.translate(_ASCII_TO_WORDS).split())
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        words = _NON_WORD.sub(" ", folded).strip()
    stripped = words
    while stripped.startswith(_ARTICLES):  # any number of leading "a ", "an ", "the "
        stripped = stripped[stripped.index(" ") + 1 :]
    return stripped or words


def allowed_typos(answer: str) -> int:
    """How many edits an answer of this (normalized) length may have: 0 up to 4 letters, then ~1 per 5."""
    letters = len(answer.replace(" ", ""))
    if letters <= 4:
        return 0
    if letters <= 8:
        return 1
    if letters <= 14:
        return 2
    return 3


class AnswerChecker:
    """Accepts the term or an alias, ignoring case, punctuation, articles and small typos.

    Typos allowed: none up to 4 letters, 1 up to 8, 2 up to 14, then 3 (see ``allowed_typos``);
    a swap of two neighbouring letters counts as one; the first letter must be right.
    The names are normalised once, here; a check is a set look-up, then (only for names with the
    guess's first letter and a length within their typo budget) one bounded edit distance.
    """

    __slots__ = ("_exact", "_fuzzy")

    def __init__(self, names: Iterable[str]) -> None:
        normalized = [n for n in (normalize(name) for name in names) if n]
        self._exact = frozenset(normalized)
        fuzzy: dict[str, list[tuple[str, int, int]]] = {}
        for name in dict.fromkeys(normalized):
            typos = allowed_typos(name)
            if typos:
                fuzzy.setdefault(name[0], []).append((name, len(name), typos))
        #: first letter -> (name, length, typo budget) of the names that forgive typos
        self._fuzzy = {first: tuple(entries) for first, entries in fuzzy.items()}

    def check(self, text: str) -> bool:
        """Whether ``text`` names the answer."""
        guess = normalize(text)
        if not guess:
            return False
        if guess in self._exact:
            return True
        # typos are forgiven after the first letter only
        candidates = self._fuzzy.get(guess[0])
        if candidates is None:
            return False
        size = len(guess)
        for name, length, typos in candidates:
            # A length gap bigger than the typo budget can never match (so a long sentence that
            # contains the answer does not win).
            if -typos <= size - length <= typos and OSA.distance(guess, name, score_cutoff=typos) <= typos:
                return True
        return False


def hint_mask(term: str, rng: random.Random, reveal: float = 0.3) -> str:
    """The term as letters and blanks, e.g. ``h _ _ _ r _ _ _ _ r``; first letter and ~30% shown.

    Spaces and hyphens are kept (words are separated by three spaces).
    """
    letters = [i for i, ch in enumerate(term) if ch.isalnum()]
    if not letters:
        return term
    shown = {letters[0]}
    extra = max(0, round(len(letters) * reveal) - 1)
    if len(letters) > 3:
        shown.update(rng.sample(letters[1:], min(extra, len(letters) - 2)))
    words: list[str] = []
    offset = 0
    for word in term.split():
        symbols = [ch if not ch.isalnum() or offset + i in shown else "_" for i, ch in enumerate(word)]
        words.append(" ".join(symbols))
        offset += len(word) + 1
    return "   ".join(words)


def mask_names(text: str, names: Iterable[str]) -> str:
    """``text`` with the term, its aliases and words of the term replaced by ``____``."""
    phrases = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    for phrase in phrases:
        pattern = r"(?<![\w])" + re.escape(phrase) + r"(?:e?s)?(?![\w])"
        text = re.sub(pattern, _MASK, text, flags=re.IGNORECASE)
    words = {w.casefold() for n in phrases for w in re.findall(r"[^\W\d_]{5,}", n)}

    def hide(match: re.Match[str]) -> str:
        word = match.group(0).casefold()
        for w in words:
            if word == w or (len(word) >= 5 and len(w) >= 5 and (w.startswith(word) or word.startswith(w))):
                return _MASK
        return match.group(0)

    text = re.sub(r"[^\W\d_]+", hide, text)
    return re.sub(rf"{_MASK}(?:[\s-]+{_MASK})+", _MASK, text)
