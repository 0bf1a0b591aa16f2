"""Text normalisation for matching: Unicode folding, tokens, spelling variants, plurals and stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

try:
    import snowballstemmer
except ImportError:  # pragma: no cover - the dependency is declared; degrade to plural stripping
    snowballstemmer = None

#: Characters that render as nothing but split or glue words in chat text.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad\u180e")
)

#: Look-alike letters (Cyrillic, Greek) people paste or type instead of Latin ones, plus quotes and dashes.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
        "ɡ": "g", "һ": "h", "ԛ": "q", "ԝ": "w", "ᴠ": "v", "ѵ": "v", "ү": "y", "ӏ": "l",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
        "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y", "Ӏ": "I",
        # Greek
        "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "χ": "x", "υ": "u",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
        "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Latin look-alikes NFKC leaves alone
        "ı": "i", "ȷ": "j", "ℓ": "l",
        # quotes and dashes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "´": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "&": " and ",
    }
)  # fmt: skip

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")

#: British endings and their US spelling, checked longest first.
_BRITISH_ENDINGS = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("ogue", "og"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("our", "or"),
    ("ours", "ors"),
    ("oural", "oral"),
)
#: The shortest stem before a British "-ise" ending ("organ-ising", "real-ised"); shorter ones are words
#: whose "-ise" is no spelling choice ("ra-ising", "pra-ised", "ar-ising").
_ISE_ROOT = 4
_BRITISH_WORDS = {"licence": "license", "defence": "defense", "offence": "offense", "grey": "gray"}


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


#: Function words that carry no meaning for the reverse (description) look-up.
STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either etc few for from further
    had has have having he her here hers him his how i if in into is it its itself just let like may me
    might more most must my no nor not of off on once only or other our out over own please pls plz same
    she should so some such than that the their them then there these they this those through thus to too
    under until up upon us very via was we were what whats when where which while who whom why will with
    would you your yours called call term word name thing something someone stuff kind one another
    happens happen mean means meant definition define explain describe tell know"""
)

_STEMMER = snowballstemmer.stemmer("english") if snowballstemmer is not None else None


def fold(text: str) -> str:
    """Case-, accent- and look-alike-insensitive form of ``text`` (NFKC, casefold, no marks)."""
    if text.isascii():
        lowered = text.lower()
        return lowered.translate(_CONFUSABLES) if "&" in lowered or "`" in lowered else lowered
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_CONFUSABLES)
    text = unicodedata.normalize("NFKD", text.casefold())
    if text.isascii():
        return text
    # Look-alikes again: a mark can hide one ("ἰ" is a Greek iota once its breathing is gone).
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_CONFUSABLES)


#: ASCII bytes -> themselves for letters and digits, a space for anything else (upper case is folded before).
_ASCII_SEPARATORS = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_NOT_PLAIN = b"0123456789'"  # bytes the fast path of ``words`` does not handle


def words(text: str) -> list[str]:
    """Folded word tokens: apostrophes joined ("what's" -> "whats"), letters split from digits."""
    return words_of_folded(fold(text))


def words_of_folded(folded: str) -> list[str]:
    """``words`` of a text already folded (``fold``)."""
    if folded.isascii():
        raw = folded.encode("ascii")
        if len(raw.translate(None, _NOT_PLAIN)) == len(raw):
            # The usual case, done in C: no apostrophe to join, no digit to split from letters.
            return raw.translate(_ASCII_SEPARATORS).decode("ascii").split()
    if "'" in folded:
        folded = _APOSTROPHE.sub("", folded)
    return _TOKEN.findall(folded)


@lru_cache(maxsize=65536)
def us_spelling(word: str) -> str:
    """The US spelling of a British-spelt word ("virtualisation" -> "virtualization")."""
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    if len(word) < 6:
        return word
    for ending, replacement in _BRITISH_ENDINGS:
        if word.endswith(ending):
            root = word[: -len(ending)]
            if ending[0] == "i" and len(root) < _ISE_ROOT:
                return word  # "raising", "rising", "praised": the -ise is the word's own, not a spelling
            return root + replacement
    return word


#: Short forms everyone in IT writes for a longer one ("app" -> "application", "OS" -> "operating system").
EXPANSIONS: dict[str, tuple[str, ...]] = {
    "app": ("application",),
    "apps": ("applications",),
    "os": ("operating", "system"),
    "oses": ("operating", "systems"),
    "vs": ("and",),
    "versus": ("and",),
}


#: Singular nouns that end in "s" after a vowel, whose plurals add "es" ("gases", "biases"; "gasses"
#: too). The plural strip cuts their "s" ("gas" keys as "ga", like the acronym plural "GAs"), so their
#: plurals are cut to the same key ("ideal gases" meets Ideal Gas).
_S_SINGULARS = frozenset({"gas", "bias", "atlas", "canvas", "lens", "alias", "chaos", "cosmos", "pancreas"})


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A light plural strip for names ("hypervisors" -> "hypervisor", "VMs" -> "vm", "OSes" -> "os")."""
    if word == "oses":
        return "os"
    if len(word) < 3 or not word.endswith("s") or not word.isalpha():
        return word
    if word.endswith("es") and word[:-2] in _S_SINGULARS:
        return word[:-3]
    if word.endswith("sses") and word[:-3] in _S_SINGULARS:
        return word[:-4]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("xes", "ches", "shes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


#: Adjective endings and the noun endings of the same word ("deontological" -> "deontology",
#: "economic" -> "economy", "economics"; "organic" has no "organy": no noun).
_ADJECTIVE_ENDINGS = (("ical", ("y", "ics")), ("ic", ("y", "ics")))
_ADJECTIVE_ROOT = 4  # the shortest root before the ending ("log-ical" is no form of a "logy")


def noun_forms(word: str) -> tuple[str, ...]:
    """The nouns an adjective in -ic or -ical is a form of ("economic" -> ("economy", "economics")).

    Spelt out, not stemmed: a caller looks them up as names or stems them like any word.
    """
    for ending, nouns in _ADJECTIVE_ENDINGS:
        root = word[: -len(ending)]
        if word.endswith(ending) and len(root) >= _ADJECTIVE_ROOT and root.isalpha():
            return tuple(root + noun for noun in nouns)
    return ()


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a canonical word; short "-ation" words too ("creation" -> "creat")."""
    if _STEMMER is None:
        return word
    stemmed = str(_STEMMER.stemWord(word))
    return stemmed[:-3] if stemmed.endswith("ation") else stemmed


def content_stem(token: str) -> tuple[str, ...]:
    """The stems a folded word stands for in the description look-up; none for a function word."""
    if not token.isalnum():  # a name's token with a symbol ("c#", "802.11a"): its words
        return tuple(chain.from_iterable(map(content_stem, words(token))))
    found = []
    for word in EXPANSIONS.get(token, (token,)):
        word = us_spelling(word)
        if word not in STOPWORDS:
            found.append(stem(singular(word)))
    return tuple(found)


class _StemCache(dict[str, tuple[str, ...]]):
    """Word -> content stems, filled on demand (a plain dict so look-ups stay in C); bounded."""

    limit = 500_000

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = content_stem(token)
        return value


_STEMS = _StemCache()


def content_stems(text: str) -> list[str]:
    """Stems of the meaningful words of ``text``, in order, for the description look-up."""
    return list(chain.from_iterable(map(_STEMS.__getitem__, words(text))))


def content_stems_of_tokens(tokens: list[str]) -> list[str]:
    """Stems of the meaningful words among folded ``tokens``."""
    return list(chain.from_iterable(map(_STEMS.__getitem__, tokens)))
