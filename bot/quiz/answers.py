"""Typed-answer checking, hint letters and masking a term out of its definition."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterable
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

from bot.matching.names import (
    canonical,
    capital_acronyms,
    key_initials,
    key_of,
    name_key,
    plural_of_key,
    tokens,
    typo_budget,
    within_typos,
)
from bot.matching.query import GENERIC, QueryContext, parse_tokens

#: What stands for a hidden name in a hint or a question's prompt (one blank per name).
BLANK = "____"
#: A typed answer longer than this many characters beyond its longest name is never right.
_SLACK = 80


def normalize(text: str) -> str:
    """A typed answer's key in the name model (``bot.matching.names.key_of``).

    Case, accents, punctuation, articles, plurals and number forms do not matter; symbols that
    tell names apart do ("C#" -> "c#", "Type II hypervisors" -> "type 2 hypervisor").
    """
    return key_of(text)


class Verdict(StrEnum):
    """How a typed answer names the answer."""

    EXACT = "exact"  # the name model's key of a name: what a look-up resolves exactly
    SPACING = "spacing"  # a name spaced or joined otherwise, its numbers the same ("ip v4" for IPv4)
    TYPO = "typo"  # a name with a few slipped letters (numbers, symbols, first letter right)


class AnswerChecker:
    """Accepts the term or an alias as the name model sees them (``bot.matching.names``), or a typo.

    A guess is right when its key, or its key once a question frame is stripped ("what is a VM"),
    is the key of one of ``names``: the same texts a look-up resolves exactly to the entry. A
    typo is forgiven within ``typo_budget`` (none up to 4 letters, 1 up to 8, 2 up to 14, then
    3; a swap counts as one) when the first letter, the numbers and the symbols are right and the
    guess is not the exact name of another entry (``taken``: the notes' keys; this entry's own may be
    among them).
    ``context`` is the look-up's (``QueryContext.of_subjects``), so both strip the same frames.
    """

    __slots__ = ("_compact", "_context", "_context_no", "_exact", "_fuzzy", "_initials", "_longest", "_taken")

    def __init__(
        self, names: Iterable[str], taken: Collection[str] = (), context: QueryContext = GENERIC
    ) -> None:
        names = list(names)
        self._context = context
        self._context_no = _context_no(context)
        keys = [k for k in map(key_of, names) if k]
        self._exact = frozenset(keys)
        #: the keys written together ("ipv4" of "ip v4", "80211a" of "802.11a"), each with its numbers
        self._compact = {_compact(key): _numbers(key) for key in keys}
        # one set shared by every checker of the notes (not a copy per question, each of which a full
        # collection would walk: 1,000 rounds of 30 questions hold 30,000 checkers). Its keys may include
        # this checker's own: ``judge`` accepts an exact name before it looks at ``taken``.
        self._taken = taken if isinstance(taken, frozenset) else frozenset(taken)
        #: first characters of the names' keys: a guess none of whose keys starts so is wrong
        self._initials = frozenset(key[0] for key in keys)
        self._longest = max(map(len, names), default=0)
        fuzzy: dict[str, list[tuple[str, int]]] = {}
        for key in dict.fromkeys(keys):
            budget = typo_budget(key)
            if budget:
                fuzzy.setdefault(key[0], []).append((key, budget))
        #: first character -> (key, typo budget) of the names that forgive typos
        self._fuzzy = {first: tuple(entries) for first, entries in fuzzy.items()}

    def check(self, text: str) -> bool:
        """Whether ``text`` names the answer."""
        return self.judge(text) is not None

    def judge(self, text: str) -> Verdict | None:
        """``EXACT``, ``SPACING`` or ``TYPO`` when ``text`` names the answer, else None."""
        if len(text) > self._longest + _SLACK:
            return None
        if self._initials.isdisjoint(_initials_of(text)):
            return None  # no key of it can equal a name's, nor be a typo of one (same first letter)
        guesses, plain = _guess_keys(text, self._context_no)
        exact = self._exact
        for key in guesses:
            if key in exact:
                return Verdict.EXACT
        if plain and plain in exact:
            return Verdict.EXACT  # "https" typed for HTTPS (a name of its own, not HTTP's plural)
        compact = self._compact
        for key in guesses:
            if key in self._taken:
                continue  # another entry's exact name is never this one written otherwise
            numbers = compact.get(_compact(key))
            if numbers is not None and numbers == _numbers(key):
                # "ip v4" or "IP-v4" for IPv4, "802 11a" for 802.11a: spaced or joined, never another
                # number ("80211a" is not 802.11a, "1 1" not 11); not EXACT, which a look-up's exact
                # resolution alone gives
                return Verdict.SPACING
        for key in guesses:
            if key in self._taken:
                continue  # another entry's exact name is never a typo of this one
            for name, budget in self._fuzzy.get(key[0], ()):
                if within_typos(key, name, budget):
                    return Verdict.TYPO
        return None


_JOINERS = re.compile(r"[\s.\-_/]+")
_DIGITS = re.compile(r"\d+")


def _compact(key: str) -> str:
    """A key with its spaces, dots, hyphens, underscores and slashes taken out."""
    return _JOINERS.sub("", key)


def _numbers(key: str) -> tuple[str, ...]:
    """The runs of digits of a key, in order: spacing or joining may not make another number."""
    return tuple(_DIGITS.findall(key))


def shared_checker(
    names: tuple[str, ...], taken: frozenset[str], context: QueryContext = GENERIC
) -> AnswerChecker:
    """The ``AnswerChecker`` of ``names`` (with ``taken`` and ``context``), one for every question asking it.

    A checker never changes once made, so the questions of all rounds on the same notes share one per
    entry instead of holding one each: 1,000 rounds of 30 questions hold 30 checkers, not 30,000 (each
    with its sets, which every full collection of the garbage collector would walk while the rounds
    run), and a round's questions are made without building them again.
    """
    return _shared_checker(names, taken, _context_no(context))


@lru_cache(maxsize=4096)
def _shared_checker(names: tuple[str, ...], taken: frozenset[str], context_no: int) -> AnswerChecker:
    return AnswerChecker(names, taken, _CONTEXTS[context_no])


@lru_cache(maxsize=65536)
def _initials_of(text: str) -> str:
    """``key_initials(text)`` as one string of its characters, cached by text.

    A string, not the frozenset: the garbage collector tracks every set (a full cache would be 65,536
    more objects for each full collection to walk while rounds run) and never a string.
    """
    return "".join(key_initials(text))


#: The contexts checkers were made with, by number (``_guess_keys`` caches by number: hashing a
#: context hashes its hundreds of phrases). Equal contexts share a number, so this stays as small as
#: the number of different subject lists the bot has loaded.
_CONTEXT_NOS: dict[QueryContext, int] = {}
_CONTEXTS: list[QueryContext] = []


def _context_no(context: QueryContext) -> int:
    number = _CONTEXT_NOS.get(context)
    if number is None:
        number = _CONTEXT_NOS[context] = len(_CONTEXTS)
        _CONTEXTS.append(context)
    return number


@lru_cache(maxsize=16384)
def _guess_keys(text: str, context_no: int) -> tuple[tuple[str, ...], str]:
    """The keys a typed ``text`` may name an answer by, and its plain form when that is a plural of its key.

    The keys are the text's own key (``key_of(text)``) and its key with the question frame
    stripped (``parse_query`` with the checker's context), without empties or repeats; the plain
    form (articles dropped, plural kept) is given only when it is the key with an "s" on its last
    word ("https"), else "". Cached by text: everyone in a channel types the same few right
    answers, and each guess is checked against every open question of the channel.
    """
    found = canonical(tokens(text))  # tokenised once for both keys
    parsed = parse_tokens(found, _CONTEXTS[context_no])
    keep = capital_acronyms(text)
    # the text's own key is ``key_of(text)``; the same as the core's when no frame was stripped
    own = parsed.key if not keep and parsed.core == found else name_key(found, keep)
    guesses = tuple(key for key in dict.fromkeys((own, parsed.key)) if key)
    plain = parsed.plain if plural_of_key(parsed.plain, parsed.key) else ""
    return guesses, plain


def hint_mask(term: str, rng: random.Random, reveal: float = 0.3) -> str:
    """The term as blanks and a few letters, e.g. ``h _ _ _ r _ _ _ _ r``.

    The first letter and about ``reveal`` of the letters and digits are shown, never more than
    half of them; symbols are always blanks, and so are the first letters of the other words (a
    hint never spells an acronym such as "VM" of "Virtual machine", a right answer too). A term of
    3 characters or less ("VMM", "C#") shows only its length. Hyphens are kept; characters are
    separated by a space, words by three.
    """
    slots = [m.start() for m in re.finditer(r"[^\s-]", term)]
    if not slots:
        return term
    shown: set[int] = set()
    letters = [i for i in slots if term[i].isalnum()]
    if len(slots) > 3 and letters:
        count = min(len(letters) // 2, max(1, round(len(letters) * reveal)))
        if count:
            shown.add(letters[0])
            inner = [i for i in letters[1:] if term[i - 1].isalnum()]  # not the start of a word
            shown.update(rng.sample(inner, min(count - 1, len(inner))))
    words = []
    for word in re.finditer(r"\S+", term):
        start = word.start()
        words.append(
            " ".join(ch if ch == "-" or start + i in shown else "_" for i, ch in enumerate(word.group()))
        )
    return "   ".join(words)


def acronym(name: str) -> str:
    """The initials of a name of two or more words (``Reverse Address Resolution Protocol`` -> ``RARP``)."""
    parts = [w for w in re.split(r"[\s\-/]+", name) if w and w[0].isalpha()]
    if len(parts) < 2:
        return ""
    return "".join(w[0] for w in parts if w.lower() not in ("a", "an", "and", "of", "the", "to", "for"))


def spelt_out(text: str, names: Iterable[str]) -> list[str]:
    """Runs of words in ``text`` that spell one of ``names`` that is an acronym: its long name gives it
    away ("Uniform Function Call Syntax; ..." for UFCS).

    Every word of the run gives its first letter, and may give more of its letters in order ("Secure
    Shell" for SSH, "Hypertext Transfer Protocol" for HTTP); small words may give theirs or none ("Denial
    of Service" for DoS, "Man-in-the-middle" for MITM); an X may stand for "cross" or "trans" ("Cross-site
    scripting" for XSS). Hyphens part words ("Dial-In"). A run is a long name when it is written in
    capitals, or when the text opens with it and a comma, colon, dash or bracket follows ("Man-in-the-
    middle, ..."): "A very powerful network" is not VPN.
    """
    acronyms = [
        n.casefold() for n in names if 2 <= len(n) <= 8 and n.isalnum() and sum(c.isupper() for c in n) >= 2
    ]
    if not acronyms:
        return []
    words = list(re.finditer(r"[^\W\d_][\w'’]*", text))
    opening = words[0].start() if words and not text[: words[0].start()].strip(" *_\"'“‘") else -1
    found = []
    for letters in dict.fromkeys(acronyms):
        for start, first in enumerate(words):
            # the longest run from here: "Remote Authentication Dial-In User Service", not "... User"
            for end in reversed(_spellings(letters, words, start)):
                if end - start < 2 or words[end - 1].group(0).casefold() in _SMALL:
                    continue
                run = words[start:end]
                if any(not re.fullmatch(r"[\s/-]+", text[a.end() : b.start()]) for a, b in pairwise(run)):
                    continue  # "Port 22, ..." is no run of words
                if re.match(r"-[^\W_]", text[run[-1].end() :]) or re.search(
                    r"[^\W_]-$", text[: first.start()]
                ):
                    continue  # "Additional Paid" of "Additional Paid-In Capital" is half a word, not ADIP's
                capitals = all(w.group(0)[0].isupper() for w in run if w.group(0).casefold() not in _SMALL)
                opens = first.start() == opening and re.match(
                    r"\s*(?:[,;:(\u2013\u2014]|-\s|$)", text[run[-1].end() :]
                )
                if capitals or opens:
                    found.append(text[first.start() : run[-1].end()])
                    break
    return found


#: Small words of a long name: they may give their initial to its acronym or not ("Denial of Service").
_SMALL = frozenset(["a", "an", "and", "of", "the", "to", "for", "in", "on", "by", "with", "at", "or"])


def _spellings(letters: str, words: list[re.Match[str]], start: int) -> list[int]:
    """The ends (word indexes, exclusive) of runs of ``words`` from ``start`` that spell ``letters``."""
    ends: list[int] = []

    def walk(index: int, done: int) -> None:
        if done == len(letters):
            ends.append(index)
            return
        if index == len(words) or index - start > 2 * len(letters):
            return
        word = words[index].group(0).casefold()
        if word in _SMALL and index > start:
            walk(index + 1, done)  # a small word may give no letter
        letter = letters[done]
        if word[0] == letter or (letter == "x" and word.startswith(("cross", "trans"))):
            for after in _inner(word, 1, letters, done + 1):
                walk(index + 1, after)

    walk(start, 0)
    return sorted(set(ends))


def _inner(word: str, at: int, letters: str, done: int) -> list[int]:
    """How many of ``letters`` are given once ``word`` from ``at`` gives none or more of them in order."""
    reached = [done]
    if done < len(letters):
        for position in range(at, len(word)):
            if word[position] == letters[done]:
                reached += _inner(word, position + 1, letters, done + 1)
    return reached


def mask_names(
    text: str,
    names: Iterable[str],
    common: Iterable[str] = (),
    *,
    single_words: bool = True,
    every_word: bool = False,
) -> str:
    """``text`` with the term, its aliases, their acronyms and the term's distinctive words as ``____``.

    A name is hidden with a plural or a numbered form after it (``VMs``, ``SSH1``, ``SSH-2``); the
    initials of a multi-word name are hidden too (``RARP`` for Reverse Address Resolution Protocol). Single
    words of the term (the first name) and of one-word aliases (5+ letters, and their word family:
    ``virtual`` for Virtualization, ``elements`` for Elemental) are hidden unless they are in
    ``common`` (lower-case words most entries of the notes use, like "address" or "protocol"), so the
    rest of the definition still says enough to answer from. A word of a name of several distinctive
    words is hidden only when all of them are in the text, unless ``every_word`` (for a question that
    shows the term among options, where one of its words would point at it).
    """
    given = [n.strip() for n in names if n.strip()]
    # "Awake()" is written "Awake" in its own definition, ".wav" is "wav"
    bare = [n.strip("().[]{}:;,!? ") for n in given]
    given += [n for n in bare if n and n not in given and any(ch.isalnum() for ch in n)]
    # initials match case-sensitively and in capitals only, the way an acronym is written ("NAT" of
    # Network address translation): "as" is no acronym of the alias audio sample, nor "At" of Address
    # translation. A name itself matches in any case
    initials = list(dict.fromkeys(a.upper() for a in map(acronym, given) if len(a) >= 2))
    initials = [a for a in initials if a not in given]
    # a long name written out for an acronym gives it away, except where the question names the term
    spelt = spelt_out(text, given) if single_words else []
    # a hyphenated word of the term ("post-purchase" of Post-purchase behaviour) is half its name
    compounds = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", given[0]) if single_words and given else []
    # longest first; phrases of one length in the order found (the term first), never in a set's order:
    # "data link mode" hides "Data Link" or "Link Mode", whichever goes first, and that must not hang on
    # the hash seed (a quiz seeded the same way asks the same questions)
    phrases = sorted(dict.fromkeys([*given, *initials, *spelt, *compounds]), key=len, reverse=True)
    for phrase in phrases:
        pattern = r"(?<![\w])" + _phrase_pattern(phrase) + r"(?:e?s|-?\d+[a-z]?|v\d+)?(?![\w])"
        if _ACRONYM.fullmatch(phrase):  # written letter by letter too: "N.A.T.", "S-S-L"
            dotted = r"[.-]".join(map(re.escape, phrase))
            pattern = r"(?<![\w.-])" + dotted + r"\.?(?![\w-])|" + pattern
        text = re.sub(pattern, BLANK, text, flags=re.IGNORECASE if phrase not in initials else 0)
    # an acronym written inside a longer one spells it too: "ECDHE (Elliptic Curve DH)" for DH
    inner = [p for p in phrases if _CAPITALS.fullmatch(p)]
    if inner:
        text = _CAPITALS_WORD.sub(
            lambda m: BLANK if any(a in m.group(0) and a != m.group(0) for a in inner) else m.group(0), text
        )
    if not single_words:  # only the names themselves (a question that shows the term anyway)
        return drop_empty_brackets(
            _ACRONYM_AFTER_BLANK.sub(f"{BLANK} ({BLANK})", re.sub(rf"{BLANK}(?:[\s-]+{BLANK})+", BLANK, text))
        )
    skip = {w.casefold() for w in common}
    # single words come from the term and one-word aliases; a long alias (an expansion) is hidden whole.
    # A name of several distinctive words gives itself away only when all of them are in the text:
    # "Manages printers on the network" keeps "printers" for Print Server (the rest says enough), while
    # "Ions that are elements" hides "elements" for Elemental ions.
    own = [n for i, n in enumerate(given) if i == 0 or len(n.split()) == 1]
    seen = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    words: set[str] = set()
    for name in own:
        # counted before common words are left out: "server" of Print Server is a word of the name too
        every = {w.casefold() for w in re.findall(r"[^\W\d_]{5,}", name)}
        if (
            len(every) > 1
            and not every_word
            and not all(any(_same_family(t, w) for t in seen) for w in every)
        ):
            continue
        words |= every - skip
        short = (
            {w.casefold() for w in re.findall(r"(?<![^\W\d_])[^\W\d_]{3,4}(?![^\W\d_])", name)}
            - skip
            - _EMPTY_WORDS
        )
        labelled = any(len(part) <= 2 or any(ch.isdigit() for ch in part) for part in name.split())
        if (  # not for labelled names: "Type" of Type I hypervisor is as much Type II's
            every
            and short
            and not labelled
            and short <= seen
            and all(any(_same_family(t, w) for t in seen) for w in every)
        ):
            words |= short  # "A star (hub-and-spoke) topology": with Topology, Star spells the name too

    def hide(match: re.Match[str]) -> str:
        word = match.group(0).casefold()
        if word in skip:
            return match.group(0)
        if word in words or any(_same_family(word, w) for w in words):
            return BLANK
        return match.group(0)

    text = hide_compounds(re.sub(r"[^\W\d_]+", hide, text))
    text = re.sub(rf"{BLANK}(?:[\s-]+{BLANK})+", BLANK, text)
    # "The term ____ (MPLS) ...": the acronym written next to the hidden name is that name's too
    return drop_empty_brackets(_ACRONYM_AFTER_BLANK.sub(f"{BLANK} ({BLANK})", text))


#: A name written in capitals only, two letters or more ("DH", "SSH"): it may be read inside a longer one.
_CAPITALS = re.compile(r"[A-Z]{2,}")
#: A word of capitals and digits, three or more ("ECDHE", "DHCP", "SHA256").
_CAPITALS_WORD = re.compile(r"(?<![\w])[A-Z][A-Z0-9]{2,11}(?![\w])")

#: An acronym: two to eight letters or digits, two capitals or more ("NAT", "DoS").
_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9]{2,8}")


def hide_compounds(text: str) -> str:
    """``text`` with a hyphenated word of which a part is hidden hidden whole: "____-concept" (the Self
    of Looking-Glass Self in "Self-concept") reads as a mangled word, "____" as a word to find."""
    return _HYPHENATED.sub(_hide_if_half_hidden, text)


def _hide_if_half_hidden(match: re.Match[str]) -> str:
    return BLANK if BLANK in match.group(0) else match.group(0)


#: A hyphenated word, blanks counting as parts. Possessive, and starting only where no letter or digit
#: is before it, so that every position of a long text is tried once (a backtracking form took seconds
#: on a few thousand characters of hyphens).
_HYPHENATED = re.compile(rf"(?<![^\W_])(?:[^\W_]++|{re.escape(BLANK)})(?:-(?:[^\W_]++|{re.escape(BLANK)}))++")


def _phrase_pattern(phrase: str) -> str:
    """A regular expression of ``phrase`` whose words may be parted by spaces, a slash or a hyphen, with
    or without spaces around it: "aggregate demand / aggregate supply" is the name written
    "aggregate demand/aggregate supply", "End user" is End-User."""
    parts = re.split(r"\s*[/\-\u2013]\s*|\s+", phrase)
    if len(parts) < 2 or not all(parts):
        return re.escape(phrase)
    return r"(?:\s*[/\-\u2013]\s*|\s+)".join(map(re.escape, parts))


#: Brackets holding nothing but blanks and the words joining them: ``(____ and ____)``, ``(____)``.
_EMPTIED = re.compile(rf"\s*\((?:\s*(?:{re.escape(BLANK)}|and|or|[,/;]))*\s*{re.escape(BLANK)}\s*\)")


def drop_empty_brackets(text: str) -> str:
    """``text`` without brackets masking emptied: "protocol (SSH1 and SSH2)" reads "protocol", not
    "protocol (____ and ____)", which says only that names were there. A blank's own acronym right after
    it stays (``____ (____)``): one name written two ways."""

    def drop(match: re.Match[str]) -> str:
        if match.group(0).strip() == f"({BLANK})" and text[: match.start()].endswith(BLANK):
            return match.group(0)
        return ""

    return _EMPTIED.sub(drop, text)


#: A blank followed by a bracketed acronym (two capitals or more, no spaces): ``____ (mGRE)``.
_ACRONYM_AFTER_BLANK = re.compile(rf"{re.escape(BLANK)}\s*\((?=[^)\s]*[A-Z][^)\s]*[A-Z])[^()\s]{{2,12}}\)")


def _same_family(word: str, w: str) -> bool:
    """Whether ``word`` (of a text) is the term's word ``w`` or of its family (case-folded both)."""
    if word == w or (len(word) >= 5 and len(w) >= 5 and (w.startswith(word) or word.startswith(w))):
        return True
    # the same word family: elements / elemental, molecules / molecular
    if len(word) >= 5 and len(w) >= 5 and _shared_prefix(word, w) >= max(6, min(len(word), len(w)) - 2):
        return True
    # a short form of the term's word in the text: salt / salting, hash / hashing, stego / steganography.
    # Four shared letters that are all but at most one of the text's word; a longer word of the text is
    # another word unless it starts with the whole of the term's ("location" is no form of Local)
    if len(word) > len(w):
        return word.startswith(w) and len(w) >= 4
    return len(word) >= 4 and _shared_prefix(word, w) >= max(4, len(word) - 1)


def _shared_prefix(a: str, b: str) -> int:
    """How many leading letters ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


#: Words that say nothing on their own: a masked definition needs more than these to be answered from.
_EMPTY_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "its",
        "this",
        "these",
        "those",
        "as",
        "not",
        "no",
        "can",
        "may",
    ]
)


def answerable(masked: str) -> bool:
    """Whether a masked definition still says enough to answer from.

    At least 3 visible words, 2 of them content words ("Ions that are ____" is not enough), and blanks
    a minority.
    """
    tokens = re.findall(r"[^\W_]+|" + re.escape(BLANK), masked)
    blanks = sum(1 for t in tokens if t == BLANK)
    visible = [t for t in tokens if t != BLANK]
    content = [t for t in visible if t.casefold() not in _EMPTY_WORDS]
    return len(visible) >= 3 and len(content) >= 2 and blanks * 2 <= len(tokens)
