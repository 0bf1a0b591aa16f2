"""The name model: when two spellings name the same thing, and how far a typo may go.

Every part of the bot that compares names uses this module: the loader's clash check, the
importer, the matcher (exact keys and fuzzy checks), the quiz's answer checker and its hints.

A name's **key** (``key_of``) is what stays when what does not tell names apart is folded away:

* case, accents, Unicode look-alikes, zero-width characters, punctuation and spacing
  ("VM-escape", "vm escape");
* plurals ("VMs" -> "vm"), British spellings ("virtualisation"), articles ("a", "an", "the";
  kept where they are a letter: "Type A", "A/B testing", "A+"), short forms ("app", "OS");
* numbers: digits, number words and, after "type", "layer", "class"... Roman numerals are one
  form ("Type II", "type two", "type-2" -> "type 2").

Symbols that tell names apart are kept: ``C``, ``C#``, ``C++``, ``F#``, ``A+`` and ``.NET`` are
all different keys, a dotted number stays one token (``802.11a`` is not ``802.11b``), and
"C sharp", "C plus plus", "Security plus" are the same as "C#", "C++", "Security+".

A **typo** (``within_typos``) never changes a number or a symbol, nor the first letter; the
number of letter edits allowed grows with the name's length (``typo_budget``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.matching.text import EXPANSIONS, STOPWORDS, fold, singular, us_spelling, word_set, words_of_folded

#: Words after which a Roman numeral or a number word is a number ("Type II", "type two").
NUMBER_CONTEXT = frozenset(
    {
        "type", "tier", "level", "class", "layer", "phase", "stage", "gen", "generation", "version",
        "category", "grade", "step", "part", "wave", "mark",
    }
)  # fmt: skip
_ROMAN = {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
    "x": "10",
}  # fmt: skip
#: Number words, the same as their digits anywhere in a name.
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip
_NUMBERS = {**_ROMAN, **NUMBER_WORDS}

ARTICLES = frozenset({"a", "an", "the"})
#: Words that spell a symbol glued to the word before them ("C sharp" = "C#", "C plus plus" = "C++").
_SPELLED_SYMBOLS = {"plus": "+", "sharp": "#"}
#: Tokens that make ``name_key`` look closer than word-by-word singulars.
_SPECIAL = ARTICLES | frozenset(NUMBER_WORDS) | frozenset(_SPELLED_SYMBOLS)
#: Tokens that make ``canonical`` look at context (a number after it) or expand it.
_CONTEXT_TOKENS = NUMBER_CONTEXT | frozenset(EXPANSIONS)

#: A token of a name: letters and digits, dots inside ("802.11a", "asp.net"), a leading dot
#: (".net") and a trailing "#" or "+"/"++" ("c#", "c++", "a+").
_SYMBOL_TOKEN = re.compile(r"\.?[a-z0-9]+(?:\.[a-z0-9]+)*(?:#|\+\+?)?")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")
_SYMBOLS = frozenset("#+.")
_HAS_DIGIT = re.compile(r"[0-9]")
_FIXED = re.compile(r"[0-9]+|[#+.]")


def tokens(text: str) -> list[str]:
    """Folded tokens of a name or question, symbols that tell names apart kept.

    ``"What's C#?"`` -> ``["whats", "c#"]``; ``"802.11a"`` -> ``["802.11a"]``; ``".NET"`` ->
    ``[".net"]``; otherwise as ``bot.matching.text.words`` (letters split from digits: "type2").
    """
    folded = fold(text)
    if _SYMBOLS.isdisjoint(folded):
        return words_of_folded(folded)
    if "'" in folded:
        folded = _APOSTROPHE.sub("", folded)
    found: list[str] = []
    for token in _SYMBOL_TOKEN.findall(folded):
        if token.isalnum() and not (token.isalpha() or token.isdigit()):
            found += _LETTERS_OR_DIGITS.findall(token)  # "type2" -> "type", "2", as ``words``
        else:
            found.append(token)
    return found


def canonical(tokens: list[str]) -> list[str]:
    """Tokens with US spellings, short forms expanded and numbers after "type"/... as digits."""
    if _CONTEXT_TOKENS.isdisjoint(tokens):  # the usual case: word by word, in C
        return list(map(us_spelling, tokens))
    out: list[str] = []
    for token in tokens:
        if out and out[-1] in NUMBER_CONTEXT and token in _NUMBERS:
            out.append(_NUMBERS[token])
        elif token in EXPANSIONS:
            out.extend(EXPANSIONS[token])
        else:
            out.append(us_spelling(token))
    return out


def name_key(tokens: list[str], keep: frozenset[str] = frozenset()) -> str:
    """The key of a name from canonical tokens: singular words (but those in ``keep``), numbers as
    digits, no articles.

    Spelt symbols are glued on first ("c", "plus", "plus" -> "c++"); an article is dropped
    unless it is the last word, follows "type"/"class"/... or comes before a single letter
    ("Type A", "A/B testing"): then it is a letter.
    """
    one = singular if not keep else (lambda t: t if t in keep else singular(t))
    if _SPECIAL.isdisjoint(tokens):
        return " ".join(map(one, tokens))
    glued: list[str] = []
    for token in tokens:
        if token in _SPELLED_SYMBOLS and glued and _takes_symbol(glued[-1], token):
            glued[-1] += _SPELLED_SYMBOLS[token]
        else:
            glued.append(token)
    kept: list[str] = []
    for i in range(len(glued) - 1, -1, -1):
        token = glued[i]
        if token in ARTICLES and kept and len(kept[-1]) > 1 and not (i and glued[i - 1] in NUMBER_CONTEXT):
            continue
        kept.append(NUMBER_WORDS.get(token) or one(token))
    return " ".join(reversed(kept))


def _takes_symbol(before: str, word: str) -> bool:
    """Whether ``word`` ("plus", "sharp") spells a symbol of the token before it ("c plus", "c sharp")."""
    if word == "sharp":
        return len(before) == 1 and before.isalpha()
    if (before in ARTICLES and before != "a") or before.endswith(("++", "#")):
        return False
    return before[-1].isalnum() or before.endswith("+")


def key_of(text: str) -> str:
    """The key of a name given as text ("Type II hypervisors" -> "type 2 hypervisor", "C#" -> "c#")."""
    if len(text) > 120:  # chat text, not a name: not worth keeping in the cache
        return name_key(canonical(tokens(text)), capital_acronyms(text))
    return _cached_key(text)


@lru_cache(maxsize=65536)
def _cached_key(text: str) -> str:
    return name_key(canonical(tokens(text)), capital_acronyms(text))


#: Characters a key can start with that no token it was made from starts with: digits for number
#: words and Roman numerals, the first letters of expanded short forms ("vs" -> "and").
_NEW_INITIALS = {
    **{word: frozenset(digits[0]) for word, digits in _NUMBERS.items()},
    **{word: frozenset(part[0] for part in parts) for word, parts in EXPANSIONS.items()},
}


def key_initials(text: str) -> frozenset[str]:
    """Every character a key made from ``text`` can start with: the key of the whole text, or of
    any run of its words (a question with its frame stripped), its plain form included.

    ``"what is a VM?"`` -> ``{"w", "i", "a", "v"}``; ``"type two"`` -> ``{"t", "2"}``. A key
    whose first character is not among these can never be made from ``text``: the quiz's
    checker rejects most wrong answers with this alone, without parsing them. An empty set for
    a text without a letter or digit.
    """
    found = tokens(text)
    initials = {token[0] for token in found}
    for token in _NEW_INITIALS.keys() & found:
        initials |= _NEW_INITIALS[token]
    return frozenset(initials)


#: An acronym written in capitals that ends in S ("HTTPS", "FTPS", "LDAPS"): a name of its own, never
#: the plural of the acronym without the S (an entry HTTP and an entry HTTPS are two names).
_CAPITAL_S = re.compile(r"(?<![\w.])([A-Z0-9]{2,}S)(?![\w.])")


def capital_acronyms(text: str) -> frozenset[str]:
    """The capital acronyms ending in S written in ``text``, folded (``{"https"}``)."""
    if "S" not in text:
        return frozenset()
    return frozenset(word.lower() for word in _CAPITAL_S.findall(text) if not word.isdigit())


def identity(name: str) -> str:
    """What two names are compared by in clash checks: the key (``key_of``).

    A name with no Latin letters or digits (emoji, CJK) has an empty key; it is compared by its
    case-folded text with whitespace collapsed instead.
    """
    return key_of(name) or " ".join(fold(name).split())


def fixed_parts(key: str) -> list[str]:
    """The parts of a key a typo may not change, in order: numbers, symbols and letters as labels.

    ``"layer 2 switch"`` -> ``["2"]``; ``"c#"`` -> ``["#"]``; a one-letter word after "type",
    "class"... or at the end is a label: ``"class a network"`` -> ``["a"]``, ``"plan b"`` ->
    ``["b"]`` (but not in ``"v motion"``); a dotted number is fixed whole: ``"802.11a"``.
    """
    parts: list[str] = []
    words_ = key.split()
    for i, token in enumerate(words_):
        after_context = i > 0 and words_[i - 1] in NUMBER_CONTEXT
        label = len(token) == 1 and token.isalpha() and (i == len(words_) - 1 or after_context)
        if label or ("." in token and _HAS_DIGIT.search(token)):
            parts.append(token)
        else:
            parts += _FIXED.findall(token)
    return parts


def typo_budget(key: str) -> int:
    """Letter edits a typed answer may have: 0 up to 4 letters, 1 up to 8, 2 up to 14, then 3."""
    letters = len(key.replace(" ", ""))
    if letters <= 4:
        return 0
    if letters <= 8:
        return 1
    if letters <= 14:
        return 2
    return 3


def within_typos(guess: str, name: str, budget: int | None = None) -> bool:
    """Whether key ``guess`` is key ``name`` with at most ``budget`` letter edits (default: the name's).

    An edit inserts, drops, changes or swaps neighbouring letters; the first letter, the numbers
    and the symbols must be right ("layer 2 switch" is never a typo of "layer 3 switch").
    """
    if budget is None:
        budget = typo_budget(name)
    if not budget or not guess or guess[0] != name[0] or abs(len(guess) - len(name)) > budget:
        return False
    if fixed_parts(guess) != fixed_parts(name):
        return False
    return OSA.distance(guess, name, score_cutoff=budget) <= budget


def plural_of_key(plain: str, key: str) -> bool:
    """Whether ``plain`` is ``key`` with an "s" on its last word only ("https" for the key "http").

    Such a text may name an acronym of its own (HTTPS), which is looked up before the plural reading.
    """
    if not plain or plain == key:
        return False
    said, keyed = plain.split(), key.split()
    return len(said) == len(keyed) and said[:-1] == keyed[:-1] and said[-1] == keyed[-1] + "s"


#: Words that are never a name on their own (the look-up's stopwords without its question words).
_FUNCTION_WORDS = STOPWORDS - word_set(
    """called call term word name thing something someone stuff kind one another happens happen mean
    means meant definition define explain describe tell know please pls plz etc"""
)


def is_fragment(name: str) -> bool:
    """Whether ``name`` reads as a piece of a word or sentence rather than a name: written in lower
    case, one letter or only function words (``a``, ``us``, ``is on``). Capitals show a name meant
    (``C``, ``IT``, ``AS``); as an alias a fragment would answer whatever question is left of it."""
    if name != name.lower() or not any(ch.isalpha() for ch in name):
        return False
    said = [word.strip(".,;:!?'\"()") for word in name.split()]
    return (len(said) == 1 and len(said[0]) == 1) or all(word in _FUNCTION_WORDS for word in said)
