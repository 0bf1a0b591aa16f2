"""The description index: field-weighted BM25 (BM25F) over the stemmed words of entries.

Fields: an entry's names (weight 1.5 per occurrence) and definition (1.0) are "strong"; details
and examples add 0.4, and a word found only there is stored with a negative weight (a "weak"
word) so a description that only matches examples never counts as covering the entry. The
notes' own acronyms ("VM" for "Virtual machine") are expanded to the stems they stand for, in
the index and in questions alike. Built on first use (or ``prepare``), safe from a worker thread.
"""

from __future__ import annotations

import bisect
import math
import threading
from array import array
from collections import Counter

from bot.collector import collector_paused
from bot.knowledge import Entry
from bot.matching.text import content_stems, content_stems_of_tokens, singular, words

#: Per entry: the share of the IDF weight of a question's known words found in its names and
#: definition, and anywhere in it (words the notes never use do not count).
Coverage = dict[int, tuple[float, float]]

_BM25_K1 = 1.2
_BM25_B = 0.75
_K1_PLUS = _BM25_K1 + 1
_DESCRIBE_CAP = 200  # most entries BM25-scored per description look-up
_MAX_STEMS = 5  # rarest question words used to find description candidates
_COMMON_MIN = 1000  # words in more entries than this (or an eighth of them) only score, never nominate
#: Notes from which numpy does a look-up's binary searches, on lists of at least so many entries: below,
#: Python is as fast, and numpy is never imported (a third of a second at start-up).
_VECTOR_MIN_ENTRIES = 5000
_VECTOR_MIN_POOL = 32
_VECTOR_MIN_ROWS = 600  # (entry, word) pairs from which numpy scores a pool: its calls cost ~30 pairs each
_TOP = 10  # entries ranked and covered per description look-up


class DescriptionIndex:
    """Ranks entries by how well their names, definitions and details match a description.

    ``name_tokens[i]`` holds the folded words of entry ``i``'s names; ``acronym_entries`` the
    entries with an acronym-shaped name, whose acronyms are mapped to their expansion.
    """

    def __init__(
        self, entries: list[Entry], name_tokens: list[list[str]], acronym_entries: list[int]
    ) -> None:
        self._entries = entries
        self._postings: dict[str, tuple[array[int], array[float]]] = {}  # stem -> (entries, signed tf)
        self._norms: array[float] = array("f")  # BM25 length normalisation per entry
        self._doc_count = 0
        self._acronyms: dict[str, tuple[str, ...]] = {}  # acronym stem -> stems of its expansion
        self._acronym_keys: frozenset[str] = frozenset()
        self._pending: tuple[list[list[str]], list[int]] | None = (name_tokens, acronym_entries)
        self._building = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        """Everything but the build lock (a lock cannot be pickled: the index cache pickles this)."""
        state = dict(self.__dict__)
        del state["_building"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._building = threading.Lock()

    # ------------------------------------------------------------------ building

    def prepare(self) -> None:
        """Build the index now rather than on first use."""
        self.stems([])

    def stems(self, stems: list[str]) -> list[str]:
        """``stems`` with acronyms of the notes replaced by the stems of what they stand for."""
        if self._pending is not None:
            self._build_once()
        return self._expand_acronyms(stems)

    def _build_once(self) -> None:
        """Build the acronym map and the description index, once (``prepare`` may run in a thread)."""
        with self._building:
            pending = self._pending
            if pending is None:
                return
            name_tokens, acronym_entries = pending
            with collector_paused():
                self._build_acronyms(acronym_entries)
                self._build(name_tokens)
            self._pending = None  # only now: readers that see None use the index

    def _build_acronyms(self, candidates: list[int]) -> None:
        """Map each acronym alias (an entry's "VM" for "Virtual machine") to the stems it stands for."""
        for entry_index in candidates:
            entry = self._entries[entry_index]
            spelled = {}
            for name in entry.names:
                tokens = words(name)
                if len(tokens) >= 2:
                    spelled["".join(t[0] for t in tokens)] = name
            for name in entry.names:
                tokens = words(name)
                if len(tokens) != 1 or not 2 <= len(tokens[0]) <= 6 or not name[:1].isupper():
                    continue
                acronym = singular(tokens[0])
                expansion = spelled.get(acronym)
                if expansion is not None:
                    acronym_stems = content_stems(acronym)
                    if len(acronym_stems) == 1:
                        self._acronyms.setdefault(acronym_stems[0], tuple(content_stems(expansion)))
        self._acronym_keys = frozenset(self._acronyms)

    def _expand_acronyms(self, stems: list[str]) -> list[str]:
        """``stems`` with the acronyms found so far replaced by the stems of what they stand for."""
        if self._acronym_keys.isdisjoint(stems):
            return stems
        acronyms = self._acronyms
        return [x for s in stems for x in acronyms.get(s, (s,))]

    def _build(self, name_tokens: list[list[str]]) -> None:
        """Index stemmed content words of names, definitions and details (BM25, field-weighted).

        A posting stores the entry and the word's weighted frequency in it, negated when the word
        occurs only in details or examples (not in the names or the definition).
        """
        postings: dict[str, tuple[array[int], array[float]]] = {}
        lengths: list[float] = []
        expand = self._expand_acronyms
        for doc, entry in enumerate(self._entries):
            tf: dict[str, float] = dict(Counter(expand(content_stems(entry.definition))))
            for s in expand(content_stems_of_tokens(name_tokens[doc])):
                tf[s] = tf.get(s, 0) + 1.5
            weak: dict[str, float] = {}
            if entry.details or entry.examples:
                for s in expand(content_stems(" ".join((*entry.details, *entry.examples)))):
                    if s in tf:
                        tf[s] += 0.4
                    else:
                        weak[s] = weak.get(s, 0.0) - 0.4
            lengths.append(sum(tf.values()) - sum(weak.values()))
            if weak:
                tf.update(weak)  # after the names' and definition's words, as their own field
            for s, weight in tf.items():
                posting = postings.get(s)
                if posting is None:
                    posting = postings[s] = (array("i"), array("f"))
                posting[0].append(doc)
                posting[1].append(weight)
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._norms = array("f", (_BM25_K1 * (1 - _BM25_B + _BM25_B * n / (average or 1.0)) for n in lengths))
        self._postings = postings
        self._doc_count = len(self._entries)

    # ------------------------------------------------------------------ ranking

    def question_stems(self, tokens: list[str]) -> list[str]:
        """The content stems of a question's folded tokens, acronyms expanded."""
        return self.stems(content_stems_of_tokens(tokens))

    def rank(self, question_stems: list[str]) -> tuple[list[tuple[int, float]], Coverage]:
        """Entries ranked by BM25 over the question's content stems, and their coverage (top 10).

        Candidates are the entries sharing two of the question's words, one of them among its two
        rarest (``_shared``), or failing that the entries of its rarest word; only those are scored,
        with a binary search per word (numpy's, at once, on large notes), which keeps it fast on a
        large base.
        """
        stems = list(dict.fromkeys(question_stems))
        if not stems or not self._doc_count:
            return [], {}
        n = self._doc_count
        known: list[tuple[int, float, str]] = []
        total_idf = 0.0
        for s in stems:
            posting = self._postings.get(s)
            df = len(posting[0]) if posting else 0
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            if df:
                known.append((df, idf, s))
                total_idf += idf
        if not known:
            return [], {}
        known.sort()
        # Candidates: entries that have one of the two rarest words and another of the words.
        common = max(_COMMON_MIN, n // 8)
        considered = known[:_MAX_STEMS]
        if len(considered) == 1 or considered[1][0] > common:
            # One word nominates (the others are too common): its first entries. Postings are in
            # entry order, so this is what sorting its set would give, without a set of thousands.
            return self._scored(list(self._postings[considered[0][2]][0][:_DESCRIBE_CAP]), known, total_idf)
        anchors = [s for df, _idf, s in considered[:2] if df <= common]
        counts: Counter[int] = Counter()
        for a, anchor in enumerate(anchors):
            for j, (df, _idf, s) in enumerate(considered):
                if j == a or (j < len(anchors) and j < a) or df > common:
                    continue
                counts.update(self._shared(self._postings[anchor][0], self._postings[s][0]))
        if counts:
            pool = list(counts)
            if len(pool) > _DESCRIBE_CAP:
                pool = sorted(pool, key=counts.__getitem__, reverse=True)[:_DESCRIBE_CAP]
        else:  # postings are in entry order: the rarest word's first entries, as sorting its set would give
            pool = list(self._postings[known[0][2]][0][:_DESCRIBE_CAP])
        return self._scored(pool, known, total_idf)

    def _scored(
        self, pool: list[int], known: list[tuple[int, float, str]], total_idf: float
    ) -> tuple[list[tuple[int, float]], Coverage]:
        """The top 10 of ``pool`` by BM25 over the ``known`` (df, idf, stem) words, and their coverage."""
        if self._doc_count >= _VECTOR_MIN_ENTRIES and len(pool) * len(known) >= _VECTOR_MIN_ROWS:
            top = self._top_vector(pool, known)
        else:
            scored = self._scored_rows(pool, known)
            # Entries that have more of the described words first, then by BM25.
            scored.sort(key=lambda row: (round(row[2], 2), row[1]), reverse=True)
            top = scored[:_TOP]
        total = total_idf or 1.0
        ranked = [(doc, score) for doc, score, _strong, _matched in top if score > 0]
        coverage = {doc: (strong / total, matched / total) for doc, _score, strong, matched in top}
        return ranked, coverage

    def _scored_rows(
        self, pool: list[int], known: list[tuple[int, float, str]]
    ) -> list[tuple[int, float, float, float]]:
        """``(doc, BM25, strong IDF, matched IDF)`` per entry of ``pool``, one binary search per word."""
        norms = self._norms
        scored: list[tuple[int, float, float, float]] = []
        for doc in pool:
            score = strong = matched = 0.0
            norm = norms[doc]
            for _df, idf, s in known:
                docs, frequencies = self._postings[s]
                i = bisect.bisect_left(docs, doc)
                if i < len(docs) and docs[i] == doc:
                    tf = frequencies[i]
                    if tf > 0:
                        strong += idf
                    else:
                        tf = -tf
                    score += idf * tf * _K1_PLUS / (tf + norm)
                    matched += idf
            scored.append((doc, score, strong, matched))
        return scored

    def _top_vector(
        self, pool: list[int], known: list[tuple[int, float, str]]
    ) -> list[tuple[int, float, float, float]]:
        """The first ``_TOP`` rows of ``_scored_rows`` as sorted there, with numpy: each word's binary
        searches at once, the sums in the same order and double precision (the same to the last bit),
        and the order of the same keys (a stable sort, the strong IDF rounded by Python's ``round``)."""
        import numpy as np  # only large notes come here: small ones never pay for the import

        docs_of = np.asarray(pool, dtype=np.int32)
        norm = np.frombuffer(self._norms, dtype=np.float32)[docs_of].astype(np.float64)
        score = np.zeros(len(pool))
        strong = np.zeros(len(pool))
        matched = np.zeros(len(pool))
        for _df, idf, s in known:
            docs, frequencies = self._postings[s]
            posting = np.frombuffer(docs, dtype=np.int32)
            at = np.minimum(np.searchsorted(posting, docs_of), len(posting) - 1)
            held = posting[at] == docs_of
            tf = np.frombuffer(frequencies, dtype=np.float32)[at].astype(np.float64)
            strong = np.where(held & (tf > 0), strong + idf, strong)
            tf = np.abs(tf)
            score = np.where(held, score + idf * tf * _K1_PLUS / (tf + norm), score)
            matched = np.where(held, matched + idf, matched)
        # a few distinct sums of IDFs: Python rounds each once, exactly as the row sort does
        values, inverse = np.unique(strong, return_inverse=True)
        rounded = np.array([round(v, 2) for v in values.tolist()])[inverse]
        order = np.lexsort((np.arange(len(pool)), -score, -rounded))[:_TOP].tolist()
        docs_, scores, strongs, matches = (
            docs_of[order].tolist(),
            score[order].tolist(),
            strong[order].tolist(),
            matched[order].tolist(),
        )
        return list(zip(docs_, scores, strongs, matches, strict=True))

    def _shared(self, first: array[int], second: array[int]) -> list[int]:
        """The entries in both sorted postings, in entry order.

        On large notes numpy searches the shorter list in the longer at once: a set of a posting of
        thousands of entries cost more than the rest of a look-up that matches nothing.
        """
        if len(first) > len(second):
            first, second = second, first
        if self._doc_count < _VECTOR_MIN_ENTRIES or len(first) < _VECTOR_MIN_POOL:
            held = set(second)
            return [d for d in first if d in held]
        import numpy as np

        short = np.frombuffer(first, dtype=np.int32)
        long = np.frombuffer(second, dtype=np.int32)
        at = np.minimum(np.searchsorted(long, short), len(long) - 1)
        found: list[int] = short[long[at] == short].tolist()
        return found

    def document_count(self, stem: str) -> int:
        """How many entries use ``stem`` (in names, definitions or details)."""
        self._build_once()
        posting = self._postings.get(stem)
        return len(posting[0]) if posting is not None else 0

    def documents(self, stem: str) -> list[int]:
        """The entries that use ``stem`` (in names, definitions or details), by index."""
        self._build_once()
        posting = self._postings.get(stem)
        return list(posting[0]) if posting is not None else []

    def strong_matches(self, doc: int, question_stems: list[str]) -> int:
        """How many distinct question stems occur in the entry's names or definition."""
        count = 0
        for s in set(question_stems):
            posting = self._postings.get(s)
            if posting is None:
                continue
            docs, frequencies = posting
            i = bisect.bisect_left(docs, doc)
            if i < len(docs) and docs[i] == doc and frequencies[i] > 0:
                count += 1
        return count
