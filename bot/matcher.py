"""The look-up engine: one matcher for questions, autocomplete and "did you mean".

``Matcher(kb)`` builds its indexes once (the prefix and description indexes on their first use,
or all at once with ``prepare()``, which may run in a worker thread):

* an exact index of every term and alias under a normalised key (case, Unicode look-alikes,
  plurals, British spellings, Roman numerals and short forms folded away, see ``bot.text``);
* a word index (postings sorted by name length) with a deletion neighbourhood (symmetric
  delete, SymSpell-style) that finds names sharing a word, even a misspelt one, so rapidfuzz
  only scores a few hundred candidates of about the right length;
* sorted prefix indexes of terms, of aliases and of the words inside names, for autocomplete;
* an inverted index of stemmed content words of names, definitions and details (field-weighted
  BM25), with the notes' own acronyms expanded, for the reverse look-up from a description.

A look-up strips the question frame ("what's a ...", "define ...", "... pls"), tries an exact
hit, then a fuzzy name match (close, clearly ahead, word for word; or a lone typo: a slip or
two away from one name and from no other), then the description index (enough of the
described words in one definition, clearly ahead); otherwise it refuses with up to three
suggestions. A wrong definition is worse than none.
"""

from __future__ import annotations

import bisect
import gc
import logging
import math
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge import Entry, KnowledgeBase
from bot.text import (
    ARTICLES,
    STOPWORDS,
    canonical,
    content_stems,
    content_stems_of_tokens,
    name_key,
    singular,
    word_set,
    words,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A term that might be what was meant, with a 0-100 score."""

    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    """A confident match: the entry, a 0-100 score and how it was found."""

    query: str
    entry: Entry
    score: float
    via: str = "name"  # "name", "alias", "fuzzy", "description"


@dataclass(frozen=True, slots=True)
class NotFound:
    """No confident match; up to 3 suggestions, best first."""

    query: str
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)


Result = Answer | NotFound

#: Per entry: the share of the IDF weight of a question's known words found in its names and
#: definition, and anywhere in it (words the notes never use do not count).
_Coverage = dict[int, tuple[float, float]]


def _phrases(text: str) -> list[tuple[str, ...]]:
    """Phrases from a ``|``-separated list, longest first."""
    found = {tuple(p.split()) for p in text.split("|") if p.strip()}
    return sorted(found, key=len, reverse=True)


#: Chat openers and politeness that may precede a question.
_OPENERS = _phrases(
    "in virtualization|in cloud computing|in the cloud|in security|in cybersecurity|in security plus"
    "|in comptia security plus|for security plus|for the exam|on the exam|in this chapter|in the notes"
    "|hey|hi|hello|yo|ok|okay|so|um|uhm|uh|hmm|btw|quick question|question|bot|studybot|sorry|pls|please|plz"
    "|can you|could you|would you|can u|could u|can someone|could someone|can somebody|can anyone"
    "|could anyone|does anyone know|anyone know|does anybody know|do you know|do u know|i want to know"
    "|i wonder|i forgot|i forget|i dont know|idk|remind me|help me understand|help me with|guys|folks|and"
    "|who knows|anybody know|does anybody know|someone tell me|i dont get|i dont understand|not sure"
    "|im not sure|wondering|i was wondering|quick q|q"
)
#: Definition-question frames; a text opening with one of these is a definition question.
_FRAMES = _phrases(
    "the term|the word|the concept|the phrase|the concept of|the idea of|the term for"
    "|what is the purpose of|whats the purpose of|purpose of|what is the point of|what is the role of"
    "|what is the risk of|what are the risks of|whats the risk of|risks of|risk of|dangers of"
    "|what is an example of|whats an example of|example of|examples of|give an example of|name an example of"
    "|why is|why are|why do we need|why use"
    "|what is|what are|whats|what s|wats|wat is|wat s|wht is|whta is|waht is|what was|what r|wat r|wut is"
    "|what is meant by|what do you mean by|what do we mean by|what does one mean by|what is the meaning of"
    "|whats the meaning of|what is the definition of|whats the definition of|whats the def of|def of"
    "|the definition of|definition of|definition for|the meaning of|meaning of|define|defn|def"
    "|explain|explain what|explain to me|describe|tell me about|tell me what|tell me more about"
    "|info on|info about|information on|information about|what do you know about|eli5|give me"
    "|show me|what does|what do|wat does|what doe|what is a|what is an|what is the"
    "|how does|how do|how is|wtf is|wth is|whats a|whats an|what are the|what s a|what s an"
    "|what do you call|what do we call|what do they call|what is it called when|what is it called if"
    "|what is it called|whats it called when|whats it called|whats the term for|what is the term for"
    "|whats the word for|what is the word for|what is the name for|whats the name for|term for|word for"
    "|name for|how to|how do i|how do you|how should i|how can i|best way to|ways to|explain to me what"
    "|can you tell me what|tell me what|remind me what|wondering what|know what|explain what|what exactly is"
    "|what exactly are|what is exactly|what do you call it when|what do you call it if|what do you call it"
    "|what do we call it when|what do we call it|whats it called if|what is the term for when"
    "|whats the term for when|whats the word for when|what is the word for when|term for when|word for when"
    "|definition|defintion|meaning|what is the def of|gimme|quick def of|quick definition of"
)
#: Words naming the kind of thing asked about, dropped after a frame ("what is meant by the term X").
_META_WORDS = frozenset({"term", "word", "concept", "phrase", "acronym", "abbreviation", "idea"})
#: "what" on its own, after an opener ("anyone know what ... is").
_WHAT = frozenset({"what", "wat", "wht"})
#: Trailing words of a question that are not part of the term.
_TAILS = _phrases(
    "what is it|what is that|whats it|whats that|what are they|what are those|what does it mean"
    "|what does that mean"
    "|what does it do|whats that mean|what it is|what they are|what that is|meaning|definition"
    "|in cloud computing|in the cloud|in cloud|in cybersecurity|in comptia|in security plus|on the exam"
    "|for the exam|for security plus|bad|important|a problem|dangerous|a risk|risky|needed|useful|necessary"
    "|mean|means|do|does|stand for|stands for|is|are|again|pls|please|plz|thanks|thank you|thx|ty|for me"
    "|in simple terms|simply|exactly|mean again|is it|actually|anyway|lol|real quick|quickly|briefly"
    "|to me|used for|is used for|for|work|works|mean exactly|means exactly|called|is called|anyone"
    "|someone|again please|again pls|haha|bro|dude|guys|mate|thx bot|thanks bot|in security|in security plus"
    "|in virtualization|mean in security|like|is about|about|like im 5|like i m 5|like im five|like i am 5"
    "|like i am five|to me like im 5|in plain english|in simple words|for dummies|eli5"
)
#: Leading words left after a frame that do not belong to the term.
_ARTICLE_WORDS = frozenset({"a", "an", "the", "is", "are", "does", "do", "exactly", "again", "my", "our"})
#: First words after "what is ..." that show chatter, not a definition question ("what's up").
_CHATTER_STARTS = word_set(
    "up going happening wrong your my this that it he she they we you i for on new next good time plan score "
    "quiz leaderboard homework schedule deal point matter problem weather best worst "
    "coming going here online free ready down in joining playing winning leading there everyone everybody "
    "anyone anybody someone answer question deadline due link room today tonight tomorrow"
)
#: Words that mark a description ("... when a VM is moved ...") rather than a name.
_DESCRIPTION_MARKERS = frozenset(
    {"when", "that", "which", "where", "if", "who", "whose", "used", "way", "thing"}
)

#: Generic words after a name that do not change what is asked ("VM escape attack").
_GENERIC_TAILS = _phrases(
    "attack|attacks|concept|technique|definition|meaning|term|in computing|in cloud|in the cloud"
)

_ATTACK_WORDS = frozenset({"attack", "attacks"})

_FUZZY_ACCEPT = 86.0  # minimum ratio for a fuzzy name answer
_FUZZY_MARGIN = 4.0  # lead over the best other entry a fuzzy answer needs
_TYPO_ACCEPT = 75.0  # minimum ratio for a fuzzy answer that is a lone typo of one name (``_lone_typo``)
_SUGGEST_MIN = 60.0  # minimum score for a suggestion
_DESC_COVERAGE = 0.6  # share of the known words' IDF weight the answer's names and definition must hold
_DESC_WORD_SHARE = 0.6  # share of the question's content words the answer's names and definition must have
_DESC_MARGIN = 1.2  # BM25 lead over the runner-up a description answer needs...
_DESC_COVER_LEAD = 0.1  # ...unless it has clearly more of the described words
_BM25_K1 = 1.2
_BM25_B = 0.75
_K1_PLUS = _BM25_K1 + 1
_DESCRIBE_CAP = 200  # most entries BM25-scored per description look-up
_MAX_STEMS = 5  # rarest question words used to find description candidates
_COMMON_MIN = 1000  # words in more entries than this (or an eighth of them) only score, never nominate
_CANDIDATE_CAP = 1000  # most names fuzzy-scored per look-up
_COMPLETE_CAP = 600  # most names fuzzy-scored per completion


@dataclass(slots=True)
class _Parsed:
    """A query taken apart: canonical tokens, the core (frame stripped), its name key and plain form."""

    tokens: list[str]
    core: list[str]
    key: str
    framed: bool
    plain: str = ""


def _strip_leading(tokens: list[str], phrases: list[tuple[str, ...]]) -> tuple[list[str], bool]:
    """Remove one of ``phrases`` from the start of ``tokens`` (keeping at least one token)."""
    for phrase in phrases:
        n = len(phrase)
        if len(tokens) > n and tuple(tokens[:n]) == phrase:
            return tokens[n:], True
    return tokens, False


def _strip_trailing(tokens: list[str], phrases: list[tuple[str, ...]]) -> tuple[list[str], bool]:
    """Remove one of ``phrases`` from the end of ``tokens`` (keeping at least one token)."""
    for phrase in phrases:
        n = len(phrase)
        if len(tokens) > n and tuple(tokens[-n:]) == phrase:
            return tokens[:-n], True
    return tokens, False


def parse_query(text: str) -> _Parsed:
    """Canonical tokens of ``text`` and the term part with the question frame stripped."""
    tokens = canonical(words(text))
    core = list(tokens)
    framed = opened = False
    changed = True
    while changed and core:
        changed = False
        core, did = _strip_leading(core, _OPENERS)
        changed |= did
        opened |= did
        if opened and not framed and len(core) > 1 and core[0] in _WHAT:
            core = core[1:]  # "does anyone know what ... is"
            changed = framed = True
        core, did = _strip_leading(core, _FRAMES)
        changed |= did
        framed |= did
        if len(core) > 1 and (core[0] in _ARTICLE_WORDS or (framed and core[0] in _META_WORDS)):
            core = core[1:]
            changed = True
        core, did = _strip_trailing(core, _TAILS)
        changed |= did
    plain = " ".join(t for t in core if t not in ARTICLES)
    return _Parsed(tokens=tokens, core=core, key=name_key(core), framed=framed, plain=plain)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (index building makes millions of acyclic objects)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _pick(items: list[str], indexes: list[int]) -> list[str]:
    """``[items[i] for i in indexes]``, gathered in C."""
    if len(indexes) == 1:
        return [items[indexes[0]]]
    return list(itemgetter(*indexes)(items))


def _deletes(word: str) -> set[str]:
    """Every string one deletion away from ``word``."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _digits(key: str) -> set[str]:
    """The number words of a key ("type 2 hypervisor" -> {"2"})."""
    return {t for t in key.split() if t.isdigit()}


def _words_align(query: str, name: str) -> bool:
    """Whether every word of the query is a (possibly misspelt) word of the name and vice versa.

    Stops a name plus an extra word ("app virtual machine", "container ship") from passing as a
    typo of the name. Different word counts pass only when just the spacing differs ("baremetal").
    """
    query_words, name_words = query.split(), name.split()
    if len(query_words) != len(name_words):
        return fuzz.ratio(query.replace(" ", ""), name.replace(" ", "")) >= 92
    remaining = list(name_words)
    for word in query_words:
        best = max(remaining, key=lambda other: fuzz.ratio(word, other))
        needed = 100 if len(word) <= 3 or len(best) <= 3 else 75
        if fuzz.ratio(word, best) < needed:
            return False
        remaining.remove(best)
    return True


class Matcher:
    """Indexes a knowledge base once; answers look-ups and completions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._entries: list[Entry] = list(kb.entries)
        self._names: list[str] = []  # normalised key of every term and alias
        self._plain: list[str] = []  # the same without plural stripping
        self._name_entry: array[int] = array("i")  # name index -> entry index
        self._name_is_term: array[int] = array("b")
        self._exact: dict[str, int] = {}  # key -> first name index with it
        self._exact_more: dict[str, list[int]] = {}  # key -> all name indexes, for keys several names share
        self._word_names: dict[str, array[int]] = {}  # word -> name indexes, shortest names first
        self._word_deletes: dict[str, list[str]] = {}  # one-deletion variant -> words
        self._words_by_first: dict[str, list[str]] = {}  # first letter -> words
        self._vocabulary: list[str] = []  # every name word, sorted
        self._max_name_words = 0
        self._prefix = _SortedNames()  # canonical terms and aliases
        self._prefix_terms = _SortedNames()  # canonical terms only
        self._inner = _SortedNames()  # names from their 2nd, 3rd... word on
        self._alphabetical: list[int] = []
        self._postings: dict[str, tuple[array[int], array[float]]] = {}  # stem -> (entries, signed tf)
        self._norms: array[float] = array("f")  # BM25 length normalisation per entry
        self._acronyms: dict[str, tuple[str, ...]] = {}  # acronym stem -> stems of its expansion
        self._acronym_keys: frozenset[str] = frozenset()
        # Parts only some look-ups need are built on their first use (or by ``prepare``).
        self._pending_prefixes: tuple[list[str], list[int], list[str], list[int], list[str], list[int]] | None
        self._pending_descriptions: tuple[list[list[str]], list[int]] | None
        self._building = threading.Lock()
        with _collector_paused():  # millions of small objects: no point scanning them for cycles
            self._build_names()
        log.debug(
            "indexed %d entries, %d names, %d words",
            len(self._entries),
            len(self._names),
            len(self._word_names),
        )

    # ------------------------------------------------------------------ indexing

    def prepare(self) -> None:
        """Build now the indexes otherwise built on first use (prefixes, descriptions).

        Safe to run in a worker thread (``asyncio.to_thread``) while look-ups go on.
        """
        self._prefixes()
        self._stems([])

    def _build_names(self) -> None:
        """Index every term and alias for exact and fuzzy look-ups; keep what the lazy parts need.

        The prefix indexes (autocomplete) are sorted, and the description index is built, on
        first use, from the lists kept here: the folded words of each entry's names and the
        entries that have a name shaped like an acronym.
        """
        names = self._names
        plain_names = self._plain
        exact = self._exact
        exact_more = self._exact_more
        name_entry: list[int] = []
        name_is_term: list[int] = []
        word_names: dict[str, list[int]] = {}
        prefix_keys: list[str] = []
        prefix_ids: list[int] = []
        term_keys: list[str] = []
        term_ids: list[int] = []
        inner_keys: list[str] = []
        inner_ids: list[int] = []
        name_tokens: list[list[str]] = []
        acronym_entries: list[int] = []
        max_words = 0
        for entry_index, entry in enumerate(self._entries):
            keys: set[str] = set()
            entry_tokens: list[str] = []
            acronym_like = False
            for position, name in enumerate((entry.term, *entry.aliases)):
                raw = words(name)
                entry_tokens += raw
                if not acronym_like and len(name) <= 6 and name[:1].isupper() and " " not in name:
                    acronym_like = True
                tokens = canonical(raw)
                key = name_key(tokens)
                if not key or key in keys:
                    continue
                keys.add(key)
                name_index = len(names)
                names.append(key)
                if ARTICLES.isdisjoint(tokens):
                    plain = " ".join(tokens)
                    plain_names.append(key if plain == key else plain)
                else:
                    plain_key = " ".join(t for t in tokens if t not in ARTICLES)
                    plain_names.append(key if plain_key == key else plain_key)
                    plain = " ".join(tokens)
                name_entry.append(entry_index)
                name_is_term.append(1 if position == 0 else 0)
                if key in exact:
                    exact_more.setdefault(key, [exact[key]]).append(name_index)
                else:
                    exact[key] = name_index
                key_words = key.split()
                if len(key_words) > max_words:
                    max_words = len(key_words)
                for word in set(key_words):
                    posting = word_names.get(word)
                    if posting is None:
                        word_names[word] = [name_index]
                    else:
                        posting.append(name_index)
                prefix_keys.append(plain)
                prefix_ids.append(name_index)
                if position == 0:
                    term_keys.append(plain)
                    term_ids.append(name_index)
                for i in range(1, len(tokens)):
                    inner_keys.append(" ".join(tokens[i:]))
                    inner_ids.append(name_index)
            name_tokens.append(entry_tokens)
            if acronym_like:
                acronym_entries.append(entry_index)
        self._max_name_words = max_words
        self._name_entry = array("i", name_entry)
        self._name_is_term = array("b", name_is_term)
        lengths = list(map(len, names))
        word_deletes = self._word_deletes
        words_by_first = self._words_by_first
        for word, indexes in word_names.items():
            indexes.sort(key=lengths.__getitem__)  # stable: equal lengths stay in name order
            self._word_names[word] = array("i", indexes)
            if len(word) >= 4:
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
        self._vocabulary = sorted(word_names)
        self._pending_prefixes = (term_keys, term_ids, prefix_keys, prefix_ids, inner_keys, inner_ids)
        self._pending_descriptions = (name_tokens, acronym_entries)
        folded_terms = [entry.term.casefold() for entry in self._entries]
        self._alphabetical = sorted(range(len(folded_terms)), key=folded_terms.__getitem__)

    def _prefixes(self) -> tuple[_SortedNames, _SortedNames, _SortedNames]:
        """The prefix indexes: terms, all names, names from their 2nd word on (sorted on first use)."""
        pending = self._pending_prefixes
        if pending is not None:
            term_keys, term_ids, prefix_keys, prefix_ids, inner_keys, inner_ids = pending
            self._prefix_terms = _SortedNames.of(term_keys, term_ids)
            self._prefix = _SortedNames.of(prefix_keys, prefix_ids)
            self._inner = _SortedNames.of(inner_keys, inner_ids)
            self._pending_prefixes = None
        return self._prefix_terms, self._prefix, self._inner

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

    def _stems(self, stems: list[str]) -> list[str]:
        """``stems`` with acronyms of the notes replaced by the stems of what they stand for."""
        if self._pending_descriptions is not None:
            self._build_descriptions_once()
        return self._expand_acronyms(stems)

    def _build_descriptions_once(self) -> None:
        """Build the acronym map and the description index, once (``prepare`` may run in a thread)."""
        with self._building:
            pending = self._pending_descriptions
            if pending is None:
                return
            name_tokens, acronym_entries = pending
            with _collector_paused():
                self._build_acronyms(acronym_entries)
                self._build_descriptions(name_tokens)
            self._pending_descriptions = None  # only now: readers that see None use the index

    def _expand_acronyms(self, stems: list[str]) -> list[str]:
        """``stems`` with the acronyms found so far replaced by the stems of what they stand for."""
        if self._acronym_keys.isdisjoint(stems):
            return stems
        acronyms = self._acronyms
        return [x for s in stems for x in acronyms.get(s, (s,))]

    def _question_stems(self, parsed: _Parsed) -> list[str]:
        """The content stems of a question's core (or all of it), acronyms expanded."""
        return self._stems(content_stems_of_tokens(parsed.core or parsed.tokens))

    def _build_descriptions(self, name_tokens: list[list[str]]) -> None:
        """Index stemmed content words of names, definitions and details (BM25, field-weighted).

        A posting stores the entry and the word's weighted frequency in it, negated when the word
        occurs only in details or examples (not in the names or the definition). ``name_tokens``
        holds the folded words of each entry's names.
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

    # ------------------------------------------------------------------ public API

    def lookup(self, text: str) -> Result:
        """Answer a question or a term, or refuse with suggestions."""
        parsed = parse_query(text)
        if not parsed.key:
            return NotFound(text)
        hit = self._exact_hit(parsed.key, parsed.plain)
        if hit is None:
            hit = self._generic_tail_hit(parsed.key)
        if hit is not None:
            via = "name" if self._name_is_term[hit] else "alias"
            return Answer(text, self._entries[self._name_entry[hit]], 100.0, via)
        scored = self._fuzzy_names(parsed.key)
        answer = self._confident_fuzzy(text, parsed.key, scored, parsed.plain)
        if answer is not None:
            return answer
        ranked, coverage = self._describe(parsed)
        answer = self._confident_description(text, parsed, ranked, coverage)
        if answer is not None:
            return answer
        return NotFound(text, self._suggestions(scored, ranked, coverage))

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """Entries that might be meant by ``text``, best first (only ones with real similarity)."""
        parsed = parse_query(text)
        if not parsed.key:
            return []
        hit = self._exact_hit(parsed.key)
        scored = self._fuzzy_names(parsed.key)
        ranked, coverage = self._describe(parsed)
        found = self._suggestions(scored, ranked, coverage, limit)
        if hit is not None:
            entry = self._entries[self._name_entry[hit]]
            found = (Suggestion(entry, 100.0), *(s for s in found if s.entry != entry))[:limit]
        return list(found)

    def complete(self, prefix: str, limit: int = 25) -> list[Entry]:
        """Up to ``limit`` entries for autocomplete, best first (prefix before fuzzy)."""
        if limit <= 0:
            return []
        plain = " ".join(canonical(words(prefix)))
        if not plain:
            return [self._entries[i] for i in self._alphabetical[:limit]]
        chosen: dict[int, None] = {}
        hit = self._exact_hit(name_key(plain.split()))
        if hit is not None:
            chosen[self._name_entry[hit]] = None
        for index in self._prefixes():
            if len(chosen) >= limit:
                break
            for name_index in index.starting_with(plain):
                chosen.setdefault(self._name_entry[name_index], None)
                if len(chosen) >= limit:
                    break
        if len(chosen) < limit:
            for name_index in self._fuzzy_completions(plain):
                chosen.setdefault(self._name_entry[name_index], None)
                if len(chosen) >= limit:
                    break
        return [self._entries[i] for i in chosen]

    def is_question(self, text: str) -> bool:
        """Whether chat text is phrased as a definition question ("what's a ...", "define ...")."""
        parsed = parse_query(text)
        if not parsed.core or not parsed.key:
            return False
        if parsed.framed:
            first = parsed.core[0]
            if first in _CHATTER_STARTS or len(parsed.core) > 16:
                return False
            return not all(t in STOPWORDS for t in parsed.core)
        if text.rstrip().endswith("?") and len(parsed.core) <= 5:
            if self._exact_hit(parsed.key) is not None:
                return True
            scored = self._fuzzy_names(parsed.key)
            return self._confident_fuzzy(text, parsed.key, scored, parsed.plain) is not None
        return False

    # ------------------------------------------------------------------ names

    def _exact_hit(self, key: str, plain: str | None = None) -> int | None:
        """The name index of an exact hit, preferring terms over aliases; None if absent or ambiguous.

        When names of several entries share a key ("DEs" and "DE"), the one spelt exactly like
        ``plain`` (the question without plural stripping) wins.
        """
        first = self._exact.get(key)
        if first is None:
            return None
        found = self._exact_more.get(key)
        if found is None:
            return first
        if plain is not None:
            spelt = [i for i in found if self._plain[i] == plain]
            if len({self._name_entry[i] for i in spelt}) == 1:
                found = spelt
                first = spelt[0]
        entries = {self._name_entry[i] for i in found}
        terms = [i for i in found if self._name_is_term[i]]
        if len(entries) > 1 and len(terms) != 1:
            return None  # the same alias on several entries: ambiguous
        return terms[0] if terms else first

    def _generic_tail_hit(self, key: str) -> int | None:
        """An exact hit once a generic last word is dropped ("VM escape attack" -> "VM escape").

        "attack" is only dropped when the entry is itself an attack: a "hypervisor attack" is not
        a hypervisor.
        """
        words_ = key.split()
        trimmed, did = _strip_trailing(words_, _GENERIC_TAILS)
        if not did:
            return None
        hit = self._exact_hit(" ".join(trimmed))
        if hit is None or words_[-1] not in _ATTACK_WORDS:
            return hit
        entry = self._entries[self._name_entry[hit]]
        is_attack = "attack" in self._stems(content_stems(" ".join((*entry.names, entry.definition))))
        return hit if is_attack else None

    def _near_words(self, word: str, *, complete: bool = False) -> set[str]:
        """Indexed words equal to ``word`` or about one edit away (also its extensions when completing)."""
        found: set[str] = set()
        if word in self._word_names:
            found.add(word)
        if len(word) >= 3:
            for probe in (*_deletes(word), word):
                if len(probe) >= 4 and probe in self._word_names:
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

    def _candidates(self, key: str, *, complete: bool = False, cap: int = _CANDIDATE_CAP) -> list[int]:
        """Name indexes worth scoring against ``key``: names sharing (near-)words with it, at most ``cap``."""
        query_words = key.split()
        names = self._names

        def length(name_index: int) -> int:
            return len(names[name_index])

        # A ratio of 60 or more needs lengths within about 0.43x-2.3x of each other; postings are
        # sorted by name length, so the window is a slice.
        shortest = int(len(key) * (0.6 if complete else 0.42))
        longest = 1 << 30 if complete else int(len(key) * 2.4) + 1

        def window(word: str) -> array[int] | None:
            posting = self._word_names[word]
            start = bisect.bisect_left(posting, shortest, key=length)
            end = bisect.bisect_right(posting, longest, key=length)
            if end <= start:
                return None
            return posting[start:end] if end - start < len(posting) else posting

        # Words spelt right usually find the name on their own: try them first, and look for
        # misspelt words' neighbours only when they do not narrow things down enough.
        groups: list[list[array[int]]] = []
        if not complete and len(query_words) > 1:
            for word in query_words:
                exact = window(word) if word in self._word_names else None
                if exact is not None:
                    groups.append([exact])
            all_exact = len(groups) == len(query_words)
            narrow = bool(groups) and min(len(g[0]) for g in groups) <= cap
            if not (all_exact or narrow):
                groups = []
        if not groups:
            for position, word in enumerate(query_words):
                last = complete and position == len(query_words) - 1
                postings = [
                    p for near in self._near_words(word, complete=last) if (p := window(near)) is not None
                ]
                if postings:
                    groups.append(postings)
        if not groups:
            return []
        groups.sort(key=lambda postings: sum(map(len, postings)))
        sizes = [sum(map(len, postings)) for postings in groups]
        if sizes[0] <= cap:
            chosen: set[int] = set()
            for postings, size in zip(groups, sizes, strict=True):
                if chosen and len(chosen) + size > cap:
                    break
                for posting in postings:
                    chosen.update(posting)
            return list(chosen)
        sets = [set().union(*postings) for postings in groups[:3]]
        if len(sets) >= 2:
            shared: set[int] = set()
            for i in range(len(sets)):
                for j in range(i + 1, len(sets)):
                    shared |= sets[i] & sets[j]
            if shared:
                return list(shared)[:cap] if len(shared) > cap else list(shared)
        # One common word: the names whose length is closest to the query's.
        target = len(key)
        nearest: list[int] = []
        for posting in groups[0]:
            middle = bisect.bisect_left(posting, target, key=length)
            nearest.extend(posting[max(0, middle - cap // 2) : middle + cap // 2])
        return nearest

    def _fuzzy_names(self, key: str, *, limit: int = 40) -> list[tuple[int, float]]:
        """Name indexes similar to ``key`` with their 0-100 score, best first (one per entry)."""
        if not key or len(key.split()) > self._max_name_words + 1:
            return []
        candidates = self._candidates(key)
        if not candidates:
            return []
        choices = _pick(self._names, candidates)
        matches = process.extract(
            key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=_SUGGEST_MIN, limit=limit
        )
        best: dict[int, tuple[int, float]] = {}
        for _name, score, position in matches:
            name_index = candidates[position]
            entry_index = self._name_entry[name_index]
            if entry_index not in best or score > best[entry_index][1]:
                best[entry_index] = (name_index, float(score))
        return sorted(best.values(), key=lambda pair: -pair[1])

    def _fuzzy_completions(self, plain: str) -> list[int]:
        """Name indexes whose start is close to a misspelt prefix, best first (shorter first on ties)."""
        key = name_key(plain.split())
        if not key:
            return []
        candidates = self._candidates(key, complete=True, cap=_COMPLETE_CAP)
        if not candidates:
            return []
        width = len(key)
        heads = [self._names[i][:width] for i in candidates]
        matches = process.extract(key, heads, scorer=fuzz.ratio, processor=None, score_cutoff=70, limit=60)
        ranked = sorted(
            ((score, candidates[position]) for _head, score, position in matches),
            key=lambda pair: (-pair[0], len(self._names[pair[1]])),
        )
        return [name_index for _score, name_index in ranked]

    def _confident_fuzzy(
        self, text: str, key: str, scored: list[tuple[int, float]], plain: str = ""
    ) -> Answer | None:
        """The fuzzy answer when it is close enough and clearly ahead, else None.

        ``plain`` is the query's words without plural stripping, for the lone-typo check.
        """
        if not scored:
            return None
        name_index, score = scored[0]
        name = self._names[name_index]
        if score < _TYPO_ACCEPT or _digits(name) != _digits(key):
            return None
        compact_len = len(key.replace(" ", ""))
        if compact_len <= 4:
            return None
        if score < _FUZZY_ACCEPT or (compact_len <= 6 and score < 90):
            if not self._lone_typo(plain or key, scored):
                return None
        elif len(scored) > 1 and scored[1][1] > score - _FUZZY_MARGIN:
            return None
        if not _words_align(key, name):
            return None
        return Answer(text, self._entries[self._name_entry[name_index]], round(score, 1), "fuzzy")

    def _lone_typo(self, plain: str, scored: list[tuple[int, float]]) -> bool:
        """Whether ``plain`` is the best-scored name with a typing slip or two and no other name is as close.

        A slip is an inserted, dropped, changed or swapped letter, never the first one; one is
        allowed in a name of up to 8 letters, two in a longer one ("healkrexcove" for
        "healkrercore"). Any other entry's name within one more slip makes the query ambiguous,
        and it is refused.
        """
        compact = plain.replace(" ", "")
        name = self._plain[scored[0][0]].replace(" ", "")
        if len(compact) < 6 or compact[0] != name[0]:
            return False
        allowed = 1 if len(name) <= 8 else 2
        if OSA.distance(compact, name, score_cutoff=allowed) > allowed:
            return False
        for other_index, _score in scored[1:]:
            other = self._plain[other_index].replace(" ", "")
            if OSA.distance(compact, other, score_cutoff=allowed + 1) <= allowed + 1:
                return False
        return True

    # ------------------------------------------------------------------ descriptions

    def _describe(self, parsed: _Parsed) -> tuple[list[tuple[int, float]], _Coverage]:
        """Entries ranked by BM25 over the question's content words, and their coverage.

        Candidates are the entries sharing two of the question's words, one of them among its two
        rarest (set intersections, in C), or failing that the entries of its rarest word; only those
        are scored, with a binary search per word, which keeps it fast on a large base.
        """
        stems = list(dict.fromkeys(self._question_stems(parsed)))
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
        anchors = [set(self._postings[s][0]) for df, _idf, s in considered[:2] if df <= common]
        counts: Counter[int] = Counter()
        for a, anchor in enumerate(anchors):
            for j, (df, _idf, s) in enumerate(considered):
                if j == a or (j < len(anchors) and j < a) or df > common:
                    continue
                docs = self._postings[s][0]
                if len(anchor) * 16 < len(docs):  # few anchors, long list: binary search is cheaper
                    counts.update(
                        d for d in anchor if (i := bisect.bisect_left(docs, d)) < df and docs[i] == d
                    )
                else:
                    counts.update(anchor.intersection(docs))
        if counts:
            pool = list(counts)
            if len(pool) > _DESCRIBE_CAP:
                pool = sorted(pool, key=counts.__getitem__, reverse=True)[:_DESCRIBE_CAP]
        elif anchors:
            pool = sorted(anchors[0])[:_DESCRIBE_CAP]
        else:
            pool = list(self._postings[known[0][2]][0][:_DESCRIBE_CAP])
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
        # Entries that have more of the described words first, then by BM25.
        scored.sort(key=lambda row: (round(row[2], 2), row[1]), reverse=True)
        total = total_idf or 1.0
        ranked = [(doc, score) for doc, score, _strong, _matched in scored[:10] if score > 0]
        coverage = {doc: (strong / total, matched / total) for doc, _score, strong, matched in scored[:10]}
        return ranked, coverage

    def _confident_description(
        self, text: str, parsed: _Parsed, ranked: list[tuple[int, float]], coverage: _Coverage
    ) -> Answer | None:
        """The description answer when the question reads like one and one entry is clearly ahead."""
        if not ranked:
            return None
        content = [t for t in parsed.core if t not in STOPWORDS]
        described = len(parsed.core) >= 4 or any(t in _DESCRIPTION_MARKERS for t in parsed.tokens)
        if len(content) < 2 or not described:
            return None
        doc, score = ranked[0]
        cover = coverage[doc][0]
        if cover < _DESC_COVERAGE:
            return None
        stems = set(self._question_stems(parsed))
        matches = self._strong_matches(doc, parsed)
        if matches < 2 or matches < _DESC_WORD_SHARE * len(stems):
            return None
        # The definition itself must say it, not only the name ("live migration of databases").
        entry = self._entries[doc]
        defined = set(self._stems(content_stems(entry.definition)))
        said = {t for t in parsed.core if stems.intersection(self._stems(content_stems(t))) & defined}
        if len(said) < 2:
            return None
        if len(ranked) > 1:
            runner_doc, runner = ranked[1]
            gap = cover - coverage[runner_doc][0]
            if gap < _DESC_COVER_LEAD and score < runner * _DESC_MARGIN:
                return None
            lead = 1.0 if gap >= _DESC_COVER_LEAD else min(1.0, score / (runner * 2))
        else:
            lead = 1.0
        confidence = min(99.0, 100.0 * cover * lead)
        return Answer(text, self._entries[doc], round(max(confidence, 50.0), 1), "description")

    def _strong_matches(self, doc: int, parsed: _Parsed) -> int:
        """How many distinct question stems occur in the entry's names or definition."""
        count = 0
        for s in set(self._question_stems(parsed)):
            posting = self._postings.get(s)
            if posting is None:
                continue
            docs, frequencies = posting
            i = bisect.bisect_left(docs, doc)
            if i < len(docs) and docs[i] == doc and frequencies[i] > 0:
                count += 1
        return count

    # ------------------------------------------------------------------ suggestions

    def _suggestions(
        self,
        scored: list[tuple[int, float]],
        ranked: list[tuple[int, float]],
        coverage: _Coverage,
        limit: int = 3,
    ) -> tuple[Suggestion, ...]:
        """Up to ``limit`` suggestions from fuzzy names and the description index, best first."""
        best: dict[int, float] = {}
        for name_index, score in scored:
            if score >= _SUGGEST_MIN:
                entry_index = self._name_entry[name_index]
                best[entry_index] = max(best.get(entry_index, 0.0), score)
        top = ranked[0][1] if ranked else 0.0
        for doc, score in ranked[:5]:
            strong, weak = coverage[doc]
            if (strong >= 0.3 or weak >= 0.5) and score >= 0.5 * top:
                best[doc] = max(best.get(doc, 0.0), round(40.0 + 30.0 * strong + 10.0 * weak, 1))
        ordered = sorted(best.items(), key=lambda pair: -pair[1])[:limit]
        return tuple(Suggestion(self._entries[i], round(s, 1)) for i, s in ordered)


class _SortedNames:
    """Names in sorted order with their name indexes, for prefix searches by binary search."""

    __slots__ = ("_ids", "_keys")

    def __init__(self, items: Iterable[tuple[str, int]] = ()) -> None:
        ordered = sorted(items)
        self._keys: list[str] = [key for key, _ in ordered]
        self._ids: array[int] = array("i", (index for _, index in ordered))

    @classmethod
    def of(cls, keys: list[str], ids: list[int]) -> _SortedNames:
        """Sorted names from parallel lists, ``ids`` ascending (a stable sort keeps ties in id order)."""
        order = sorted(range(len(keys)), key=keys.__getitem__)
        made = cls()
        made._keys = list(map(keys.__getitem__, order))
        made._ids = array("i", map(ids.__getitem__, order))
        return made

    def starting_with(self, prefix: str) -> Iterator[int]:
        """Name indexes whose name starts with ``prefix``, in alphabetical order of the names."""
        keys = self._keys
        for i in range(bisect.bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                return
            yield self._ids[i]


__all__ = ["Answer", "Matcher", "NotFound", "Result", "Suggestion"]
