"""Typo candidates: names sharing a (possibly misspelt) word with a query, scored by rapidfuzz.

A deletion neighbourhood (symmetric delete, SymSpell-style) over the words of the names finds
the words about one edit from a query word; the name index's word postings, sorted by name
length, then give the names of about the right length, so rapidfuzz only scores a few hundred
candidates even on a large base.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from bot.collector import collector_paused
from bot.matching import english
from bot.matching.names import name_key
from bot.matching.names_index import NameIndex

SUGGEST_MIN = 60.0  # minimum 0-100 ratio for a name to count as similar (and be suggested)
_CANDIDATE_CAP = 1000  # most names fuzzy-scored per look-up
_COMPLETE_CAP = 600  # most names fuzzy-scored per completion
#: Longest word given a deletion neighbourhood (its one-letter deletions): a word of n letters has n of
#: them, n letters each, so a 12,000-letter "word" cost 144 MB and seconds; longer words are still found
#: by the fuzzy scan of their first letter's words. The longest English words have about 30 letters.
_MAX_TYPO_WORD = 40


def _pick(items: list[str], indexes: list[int]) -> list[str]:
    """``[items[i] for i in indexes]``, gathered in C."""
    if len(indexes) == 1:
        return [items[indexes[0]]]
    return list(itemgetter(*indexes)(items))


def _deletes(word: str) -> set[str]:
    """Every string one deletion away from ``word``."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def words_align(query: str, name: str) -> bool:
    """Whether every word of the query is a (possibly misspelt) word of the name and vice versa.

    Stops a name plus an extra word ("app virtual machine", "container ship") from passing as a
    typo of the name. Different word counts pass only when just the spacing differs ("baremetal").
    """
    query_words, name_words = query.split(), name.split()
    if len(query_words) != len(name_words):
        joined_query, joined_name = query.replace(" ", ""), name.replace(" ", "")
        if fuzz.ratio(joined_query, joined_name) < 92:
            return False
        # only the spacing and a slip may differ, not a word of 3+ letters put in front or after: "ssh
        # file transfer protocol" is another protocol than File Transfer Protocol
        longer, shorter = (
            (query_words, joined_name) if len(query_words) > len(name_words) else (name_words, joined_query)
        )
        return not any(
            len(word) >= 3 and "".join(rest) == shorter
            for word, rest in ((longer[0], longer[1:]), (longer[-1], longer[:-1]))
        )
    remaining = list(name_words)
    for word in query_words:
        best = max(remaining, key=lambda other: fuzz.ratio(word, other))
        needed = 100 if len(word) <= 3 or len(best) <= 3 else 75
        if fuzz.ratio(word, best) < needed:
            return False
        slips = max(2, (min(len(word), len(best)) + 2) // 3)
        if len(word) <= _SHORT_WORD and _vowel_changed(word, best):
            return False  # "cosa" is no slip of "casa", "pin" none of "pen": another vowel, another word
        if word != best and (
            OSA.distance(word, best) > slips
            or another_word(word, best)
            or (len(name_words) == 1 and other_real_word(word, best))
        ):
            return False  # "reaction" is not a slip of "equation", "buffered" not of "unbuffered"
        remaining.remove(best)
    return True


#: The longest word in which another vowel makes another word ("cosa", "casa"), not a slip.
_SHORT_WORD = 4
_VOWELS = frozenset("aeiou")


def _vowel_changed(a: str, b: str) -> bool:
    """Whether two words of the same length differ in one letter only, a vowel in both."""
    if len(a) != len(b):
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and changed[0][0] in _VOWELS and changed[0][1] in _VOWELS


_NEGATIONS = ("un", "non", "in", "im", "dis", "de", "anti")

#: Word beginnings that make the opposite or a sibling of the word with the same rest: "hypotonic" is no
#: slip of "hypertonic", "endoskeleton" none of "exoskeleton".
_CONTRASTS = (
    ("hyper", "hypo"),
    ("inter", "intra"),
    ("micro", "macro"),
    ("endo", "exo", "ecto", "epi", "meso"),
    ("homo", "hetero"),
    ("mono", "multi", "poly"),
    ("pre", "post", "pro"),
    ("sub", "super", "supra"),
    ("infra", "ultra"),
    ("ana", "cata"),
)


_BEGINNING = 5  # the longest word beginning read as a part of its own ("helio" of "heliocentric")


def _heads_before_long_ending(a: str, b: str) -> tuple[str, str] | None:
    """The beginnings of two words before the ending they share, when that ending is long (4+ letters and
    half the longer word at least): ("geo", "helio") for "geocentric" and "heliocentric"; None otherwise."""
    ending = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        ending += 1
    if ending < max(4, max(len(a), len(b)) / 2):
        return None
    return a[: len(a) - ending], b[: len(b) - ending]


def _other_beginning(a: str, b: str) -> bool:
    """Whether two words share a long ending (half the longer word, 4+ letters) after beginnings of up to
    5 letters that differ by three or more slips: "geo-" and "helio-" before "centric". Two slips at the
    start ("eakmmosix" for "meakmosix") or slips elsewhere too ("aviskrouksyn" for "vaiskrouksync") are
    typing, not another word part."""
    heads = _heads_before_long_ending(a, b)
    return (
        heads is not None and max(map(len, heads)) <= _BEGINNING and OSA.distance(*heads, score_cutoff=3) > 2
    )


def another_word(a: str, b: str) -> bool:
    """Whether two different words of a name are other words, not slips of each other.

    Another beginning before the same long ending is another word part ("geocentric" is not
    "heliocentric"); a negating prefix makes the opposite ("buffered" / "unbuffered"), and so does
    a contrasting beginning before the same rest ("hypotonic" / "hypertonic", "endo-" / "exo-").
    ``a`` and ``b`` are folded words (``name_key``), both non-empty.
    """
    if a[0] != b[0] and _other_beginning(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if any(long_ == prefix + short for prefix in _NEGATIONS):
        return True
    for group in _CONTRASTS:
        for first, second in itertools.permutations(group, 2):
            if a.startswith(first) and b.startswith(second):
                rest = a[len(first) :]
                if len(rest) >= 3 and rest == b[len(second) :]:
                    return True
    return False


#: Zipf frequency (log10 of uses per billion words) from which a typed English word is meant, not a
#: slip: "witch" (4.1) is no slip of "switch". Common misspellings stay well below it ("recieve" is 2.8),
#: and so do rarer words that are also slips ("drier" of "driver" is 3.2).
_MEANT_WORD_ZIPF = 3.5
#: Zipf frequency from which a typed English word two or more slips from the name's is another word:
#: "nucleolus" (1.8) is not "nucleus". Misspellings that common are one slip away.
_REAL_WORD_ZIPF = 1.5
_FORM_STEM = 4  # letters two forms of a word share at the start, at least
_FORM_ENDING = 3  # letters of a form's own ending, at most ("-ic" of "polyphonic", "-y" of "polyphony")


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """The word's Zipf frequency in English (0.0 when unknown), wordfreq's.

    Read from the compact copy of wordfreq's English list (``bot.matching.english``) on the first typo
    that needs it, not with the matcher; wordfreq itself, imported only for a word the copy cannot hold
    (an accent, an apostrophe), cost the first typo 0.6 s of CPU.
    """
    return english.zipf(word)


def other_real_word(said: str, name_word: str) -> bool:
    """Whether a typed word close to the word of a one-word name is another English word, not a slip.

    A common word is meant ("witch" for "switch"); a rarer one two slips away is another word
    ("nucleolus" for "nucleus"); and so is a word whose beginning differs by two slips when both
    beginnings start common words ("chromoplast": "chrom-" of chromosome, "chloroplast": "chlor-" of
    chlorine). Two letters swapped and another ending of the same word ("mitochondrion") are slips.
    Only when the name's word is an English word itself: a typed word near a coinage or
    the notes' own misspelling may be the right spelling of it. ``said`` and ``name_word`` are
    folded words (``name_key``) that differ.
    """
    if not said.isalpha() or not name_word.isalpha() or zipf(name_word) == 0.0:
        return False
    shared = next((at for at, (x, y) in enumerate(zip(said, name_word, strict=False)) if x != y), None)
    if shared is None:
        shared = min(len(said), len(name_word))
    if shared >= _FORM_STEM and max(len(said), len(name_word)) - shared <= _FORM_ENDING:
        return False  # another form of the word ("polyphonic" of "polyphony", "handle" of "handler")
    if Levenshtein.distance(said, name_word, score_cutoff=3) == 2 and OSA.distance(said, name_word) == 1:
        return False  # two letters swapped is typing ("trial" for "trail")
    frequency = zipf(said)
    slips = OSA.distance(said, name_word, score_cutoff=3)
    typed = said + "s"  # the key's word may have lost an "s" typed ("continuos" -> "continuo")
    if name_word.endswith("s"):
        typed_slips = OSA.distance(typed, name_word, score_cutoff=3)
        if typed_slips < slips:
            frequency, slips = zipf(typed), typed_slips
    if frequency >= _MEANT_WORD_ZIPF or (frequency >= _REAL_WORD_ZIPF and slips >= 2):
        return True
    heads = _heads_before_long_ending(said, name_word)
    if heads is None:
        return False
    beginnings = english.word_beginnings()
    return (
        all(3 <= len(head) <= _BEGINNING and head in beginnings for head in heads)
        and OSA.distance(*heads, score_cutoff=3) == 2
    )


class TypoSearch:
    """Finds the names of a ``NameIndex`` close to a misspelt key or prefix."""

    def __init__(self, names: NameIndex) -> None:
        self.index = names
        self._word_deletes: dict[str, list[str]] = {}  # one-deletion variant -> words
        self._words_by_first: dict[str, list[str]] = {}  # first letter -> words
        with collector_paused():
            self._build()
        self._vocabulary: list[str] = sorted(names.word_names)  # every name word, sorted
        self._common_sets: dict[str, frozenset[int]] = {}  # common word -> its names, made on first use

    def _common_word_names(self, word: str) -> frozenset[int]:
        """The names with ``word``, as a set (kept: only words with many names come here)."""
        found = self._common_sets.get(word)
        if found is None:
            found = self._common_sets[word] = frozenset(self.index.word_names[word])
        return found

    def _build(self) -> None:
        word_deletes = self._word_deletes
        words_by_first = self._words_by_first
        for word in self.index.word_names:
            if 4 <= len(word) <= _MAX_TYPO_WORD:
                for deleted in _deletes(word):
                    found = word_deletes.get(deleted)
                    if found is None:
                        word_deletes[deleted] = [word]
                    else:
                        found.append(word)
            found = words_by_first.get(word[0])
            if found is None:
                words_by_first[word[0]] = [word]
            else:
                found.append(word)

    @property
    def word_count(self) -> int:
        """How many distinct words the names have."""
        return len(self.index.word_names)

    def slip_of_a_word(self, word: str) -> bool:
        """Whether ``word`` is no word of the names but one slip (a letter dropped, added or changed)
        from one of 4+ letters ("tuneled" of "tunneled"). Looks up its deletion neighbourhood only."""
        if word in self.index.word_names or not 3 <= len(word) <= _MAX_TYPO_WORD:
            return False
        word_deletes = self._word_deletes
        return any(probe in word_deletes for probe in (word, *_deletes(word)))

    def near_words(self, word: str, *, complete: bool = False) -> set[str]:
        """Indexed words equal to ``word`` or about one edit away (also its extensions when completing)."""
        word_names = self.index.word_names
        found: set[str] = set()
        if word in word_names:
            found.add(word)
        if 3 <= len(word) <= _MAX_TYPO_WORD:
            for probe in (*_deletes(word), word):
                if len(probe) >= 4 and probe in word_names:
                    found.add(probe)
                found.update(self._word_deletes.get(probe, ()))
        if not found and len(word) >= 5:
            bucket = self._words_by_first.get(word[0], [])
            for match, _score, _i in process.extract(
                word, bucket, scorer=fuzz.ratio, processor=None, score_cutoff=75, limit=5
            ):
                found.add(match)
        if complete:
            start = bisect.bisect_left(self._vocabulary, word)
            for candidate in self._vocabulary[start : start + 20]:
                if not candidate.startswith(word):
                    break
                found.add(candidate)
        return found

    def candidates(self, key: str, *, complete: bool = False, cap: int = _CANDIDATE_CAP) -> list[int]:
        """Name indexes worth scoring against ``key``: names sharing (near-)words with it, at most ``cap``."""
        query_words = key.split()
        names = self.index.names
        word_names = self.index.word_names

        def length(name_index: int) -> int:
            return len(names[name_index])

        # A ratio of 60 or more needs lengths within about 0.43x-2.3x of each other; postings are
        # sorted by name length, so the window is a slice.
        shortest = int(len(key) * (0.6 if complete else 0.42))
        longest = 1 << 30 if complete else int(len(key) * 2.4) + 1

        def window(word: str) -> array[int] | None:
            posting = word_names[word]
            start = bisect.bisect_left(posting, shortest, key=length)
            end = bisect.bisect_right(posting, longest, key=length)
            if end <= start:
                return None
            return posting[start:end] if end - start < len(posting) else posting

        # Words spelt right usually find the name on their own: try them first, and look for
        # misspelt words' neighbours only when they do not narrow things down enough.
        groups: list[list[tuple[str, array[int]]]] = []  # per query word: (near word, its window)
        if not complete and len(query_words) > 1:
            for word in query_words:
                exact = window(word) if word in word_names else None
                if exact is not None:
                    groups.append([(word, exact)])
            all_exact = len(groups) == len(query_words)
            narrow = bool(groups) and min(len(g[0][1]) for g in groups) <= cap
            if not (all_exact or narrow):
                groups = []
        if not groups:
            for position, word in enumerate(query_words):
                last = complete and position == len(query_words) - 1
                postings = [
                    (near, p)
                    for near in self.near_words(word, complete=last)
                    if (p := window(near)) is not None
                ]
                if postings:
                    groups.append(postings)
        if not groups:
            return []
        sizes = [sum(len(p) for _w, p in postings) for postings in groups]
        order = sorted(range(len(groups)), key=sizes.__getitem__)
        groups = [groups[i] for i in order]
        sizes = [sizes[i] for i in order]
        if sizes[0] <= cap:
            chosen: set[int] = set()
            for postings, size in zip(groups, sizes, strict=True):
                if chosen and len(chosen) + size > cap:
                    break
                for _word, posting in postings:
                    chosen.update(posting)
            return list(chosen)
        if len(groups) >= 2:
            shared = self._shared(groups[:3], cap, shortest, longest)
            if shared:
                return shared[:cap] if len(shared) > cap else shared
        # One common word: the names whose length is closest to the query's.
        target = len(key)
        nearest: list[int] = []
        for _word, posting in groups[0]:
            middle = bisect.bisect_left(posting, target, key=length)
            nearest.extend(posting[max(0, middle - cap // 2) : middle + cap // 2])
        return nearest

    def _shared(
        self, groups: list[list[tuple[str, array[int]]]], cap: int, shortest: int, longest: int
    ) -> list[int]:
        """The names with words of two of ``groups`` (narrowest first), ``shortest``-``longest`` long.

        A common word's names are a kept set, not its window's postings made into a set per look-up;
        the sets only ever meet by intersection (in C, over the smaller one), and the window's
        lengths are checked on what they share.
        """

        def names_of(group: list[tuple[str, array[int]]]) -> set[int] | frozenset[int]:
            if len(group) == 1 and len(group[0][1]) > cap:
                return self._common_word_names(group[0][0])
            return set().union(*(posting for _word, posting in group))

        shared: set[int] = set()
        for i in range(min(2, len(groups) - 1)):
            smaller = names_of(groups[i])
            for larger in groups[i + 1 :]:
                for word, posting in larger:
                    if len(posting) > cap:
                        shared |= smaller & self._common_word_names(word)
                    else:
                        shared |= smaller.intersection(posting)
        names = self.index.names
        return [i for i in shared if shortest <= len(names[i]) <= longest]

    def fuzzy_names(self, key: str, *, limit: int = 40) -> list[tuple[int, float]]:
        """Name indexes similar to ``key`` with their 0-100 score, best first (one per entry)."""
        if not key or len(key.split()) > self.index.max_name_words + 1:
            return []
        candidates = self.candidates(key)
        if not candidates:
            return []
        choices = _pick(self.index.names, candidates)
        matches = process.extract(
            key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=SUGGEST_MIN, limit=limit
        )
        name_entry = self.index.name_entry
        best: dict[int, tuple[int, float]] = {}
        for _name, score, position in matches:
            name_index = candidates[position]
            entry_index = name_entry[name_index]
            if entry_index not in best or score > best[entry_index][1]:
                best[entry_index] = (name_index, float(score))
        return sorted(best.values(), key=lambda pair: -pair[1])

    def fuzzy_completions(self, plain: str) -> list[int]:
        """Name indexes whose start is close to a misspelt prefix, best first (shorter first on ties)."""
        key = name_key(plain.split())
        if not key:
            return []
        candidates = self.candidates(key, complete=True, cap=_COMPLETE_CAP)
        if not candidates:
            return []
        names = self.index.names
        width = len(key)
        heads = [names[i][:width] for i in candidates]
        matches = process.extract(key, heads, scorer=fuzz.ratio, processor=None, score_cutoff=70, limit=60)
        ranked = sorted(
            ((score, candidates[position]) for _head, score, position in matches),
            key=lambda pair: (-pair[0], len(names[pair[1]])),
        )
        return [name_index for _score, name_index in ranked]

    def lone_typo(self, plain: str, scored: list[tuple[int, float]]) -> bool:
        """Whether ``plain`` is the best-scored name with a typing slip or two and no other name is as close.

        A slip is an inserted, dropped, changed or swapped letter, never the first one; one is
        allowed in a name of up to 8 letters, two in a longer one ("healkrexcove" for
        "healkrercore"). Any other entry's name within one more slip makes the query ambiguous,
        and it is refused.
        """
        plain_names = self.index.plain
        compact = plain.replace(" ", "")
        name = plain_names[scored[0][0]].replace(" ", "")
        if len(compact) < 6 or compact[0] != name[0]:
            return False
        allowed = 1 if len(name) <= 8 else 2
        if OSA.distance(compact, name, score_cutoff=allowed) > allowed:
            return False
        for other_index, _score in scored[1:]:
            other = plain_names[other_index].replace(" ", "")
            if OSA.distance(compact, other, score_cutoff=allowed + 1) <= allowed + 1:
                return False
        return True
