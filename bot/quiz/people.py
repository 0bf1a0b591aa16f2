"""Whether a term of the notes names a person ("Karl Marx", "W.E.B. Du Bois"), and the surname a typed
answer may give for one.

The notes give no sign of a person but the name itself: Title Case looks the same in "Karl Marx" and
"Green Belt". A given name ends that doubt: the first word is one of the US census's given names (the
``names`` package's lists, about 5,500) that is no common English word ("Will", "Rose", "Mark" are), and
the last is no common English word either, nor ends like a noun ("Harry Truman", not "Grant Proposal" nor
"Kelly Criterion"). Names the census does not list are missed ("Auguste Comte"): then the quiz asks as it
would about any term.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from bot.matching.typos import zipf

#: Zipf frequency (wordfreq) from which a word is a common English word: "will" 6.5, "rose" 4.8, "max" 4.7.
_COMMON_FIRST = 4.8
#: The same for the last word, where a surname is rarer: "marx" 3.7, "truman" 3.6, "belt" 4.4.
_COMMON_LAST = 4.0
#: Endings of English nouns, not of surnames: "Kelly Criterion", "Gordon Theorem" name things.
_NOUN_ENDING = re.compile(r"(?:ion|ism|ist|ity|ment|ness|ance|ence|ology|ics|ure|ship|hood|sis|ium|rem)$")
#: Initials before a name: "W.E.B.", "C.".
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
#: Lower-case words a surname may hold ("Ludwig van Beethoven", "Alexis de Tocqueville").
_PARTICLES = frozenset(["van", "von", "de", "du", "da", "di", "del", "der", "la", "le", "bin", "ibn"])


@cache
def _given_names() -> frozenset[str]:
    """The census given names, upper case (read on the first call: a quiz, never a look-up, needs them)."""
    found: set[str] = set()
    for sheet in ("dist.male.first", "dist.female.first"):
        text = files("names").joinpath(sheet).read_text(encoding="ascii")
        found.update(line.split(maxsplit=1)[0] for line in text.splitlines() if line.strip())
    return frozenset(found)


def _parts(name: str) -> tuple[list[str], list[str]] | None:
    """A person's name as (initials, the words after them), or None when ``name`` is no person's."""
    words = name.split()
    initials = []
    while words and _INITIALS.fullmatch(words[0]):
        initials.append(words.pop(0))
    if not words or len(words) > 4 or len(initials) + len(words) < 2:
        return None
    if not all(w[0].isupper() or w in _PARTICLES for w in words) or words[-1] in _PARTICLES:
        return None
    if any(not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", w) for w in words):
        return None
    if initials:  # "W.E.B. Du Bois", "C. Wright Mills": initials are a person's sign
        return initials, words
    first, last = words[0], words[-1]
    if len(words) < 2 or first.upper() not in _given_names():
        return None
    if zipf(first.casefold()) >= _COMMON_FIRST or zipf(last.casefold()) >= _COMMON_LAST:
        return None
    if _NOUN_ENDING.search(last.casefold()):
        return None
    return initials, words


def is_person(name: str) -> bool:
    """Whether ``name`` is a person's: initials before Title Case words ("W.E.B. Du Bois"), or two to four
    Title Case words opening with a given name that is no common word and ending on an uncommon word
    ("Karl Marx", "Emile Durkheim"; not "Green Belt", "Grant Proposal", "Arab Spring")."""
    return _parts(name) is not None


def surname(name: str) -> str | None:
    """The surname of a person's ``name``, as a typed answer may give it alone: the words after the
    initials ("Du Bois" of W.E.B. Du Bois, "Wright Mills" of C. Wright Mills) or after the given name
    ("Marx" of Karl Marx, "van Beethoven" of Ludwig van Beethoven); None for no person's name."""
    parts = _parts(name)
    if parts is None:
        return None
    initials, words = parts
    rest = words if initials else words[1:]
    return " ".join(rest) or None
