"""The name index: every term and alias under its name key, for exact hits and typo candidates.

A name index is built once per knowledge base. Besides the exact keys it keeps a word index
(``word_names``: word -> name indexes, shortest names first) that the typo search
(``bot.matching.typos``) narrows candidates with, and the lists the lazily built parts need:
the prefix lists (``bot.matching.prefix``) and each entry's folded name words and acronym-shaped
names (``bot.matching.bm25``).
"""

from __future__ import annotations

import re
from array import array

from bot.collector import collector_paused
from bot.knowledge import Entry
from bot.matching.names import ARTICLES, canonical, capital_acronyms, key_of, name_key, tokens

#: Completions match a name from its start or from one of its next this many words (bounds the index).
INNER_STARTS = 16
#: Fuzzy and description look-ups index this many words of a name (real names have a handful), so a
#: pasted paragraph as a name costs no more than a short one; exact look-ups still use the whole name.
NAME_WORDS_INDEXED = 32

#: A name written with its article in front ("La Paciencia", "el hombre", "L'école", "das Blatt",
#: "die Blätter"): students look the word up without it, as a dictionary lists it. A Romance article
#: counts capitalised or in lower case, before one or two words of three letters or more; "LA" (an
#: acronym) is left alone. A German article counts only before one capitalised word (German nouns are
#: capitalised), and "die" only in lower case, so "Die Casting" or "die casting" keeps its first word.
_FOREIGN_ARTICLE = re.compile(
    r"(?:(?:[Ll]a|[Ee]l|[Ll]os|[Ll]as|[Ll]e|[Ll]es|[Ii]l|[Ll]o|[Gg]li|[Uu]n|[Uu]na|[Uu]ne)\s+|[Ll]['\u2019])"
    r"([^\W\d_][\w'\u2019-]{2,}(?:\s+[\w'\u2019-]+)?)"
    r"|(?:[Dd]er|die|[Dd]as|[Ee]in|[Ee]ine)\s+([^\W\d_a-z][\w-]+)"
)


def without_article(name: str) -> str | None:
    """``name`` without a leading article (``"La Paciencia"`` -> ``"Paciencia"``, ``"die Blätter"`` ->
    ``"Blätter"``), or None.

    After a Romance article the rest must be one or two words starting with a letter, at least three
    letters long; after a German one, one word starting with a capital letter.
    """
    if name[:1] not in "LEIGUledigu" and name[:1] not in "Dd":
        return None
    found = _FOREIGN_ARTICLE.fullmatch(name.strip())
    if found is None:
        return None
    return found.group(1) or found.group(2)


#: German umlauts as written without them ("Schraenke" for "Schränke").
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})

#: (term keys, their name indexes, all name keys, theirs, inner keys (from the 2nd word on), theirs)
PrefixLists = tuple[list[str], list[int], list[str], list[int], list[str], list[int]]


class NameIndex:
    """Terms and aliases of ``entries`` by name key; name index -> entry index, term or alias.

    ``names[i]`` is the key of name ``i`` (singular words, no articles, see ``bot.matching.text``),
    ``plain[i]`` the same without plural stripping; ``name_entry[i]`` its entry's index in
    ``entries``. A key an entry has twice is indexed once.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.names: list[str] = []  # normalised key of every term and alias
        self.written: list[str] = []  # the same names as written
        self.plain: list[str] = []  # the same without plural stripping
        self.name_entry: array[int] = array("i")  # name index -> entry index
        self.name_is_term: array[int] = array("b")
        self.exact: dict[str, int] = {}  # key -> first name index with it
        self.exact_more: dict[str, list[int]] = {}  # key -> all name indexes, for keys several names share
        self.word_names: dict[str, array[int]] = {}  # word -> name indexes, shortest names first
        self.max_name_words = 0
        self.alphabetical: list[int] = []  # entry indexes by case-folded term
        self.prefix_lists: PrefixLists = ([], [], [], [], [], [])
        self.name_tokens: list[list[str]] = []  # per entry: the folded words of all its names
        self.acronym_entries: list[int] = []  # entries with a name shaped like an acronym
        with collector_paused():  # millions of small objects: no point scanning them for cycles
            self._build()

    def take_prefix_lists(self) -> PrefixLists:
        """The prefix lists, handed over once (the index keeps no reference, to free them early)."""
        lists, self.prefix_lists = self.prefix_lists, ([], [], [], [], [], [])
        return lists

    def take_description_lists(self) -> tuple[list[list[str]], list[int]]:
        """Each entry's folded name words and the acronym-shaped entries, handed over once."""
        lists = (self.name_tokens, self.acronym_entries)
        self.name_tokens, self.acronym_entries = [], []
        return lists

    def entry(self, name_index: int) -> Entry:
        """The entry name ``name_index`` belongs to."""
        return self.entries[self.name_entry[name_index]]

    def _build(self) -> None:
        """Index every term and alias; keep the lists the prefix and description indexes need."""
        names = self.names
        plain_names = self.plain
        exact = self.exact
        exact_more = self.exact_more
        name_entry: list[int] = []
        name_is_term: list[int] = []
        word_names: dict[str, list[int]] = {}
        prefix_keys: list[str] = []
        prefix_ids: list[int] = []
        term_keys: list[str] = []
        term_ids: list[int] = []
        inner_keys: list[str] = []
        inner_ids: list[int] = []
        name_tokens = self.name_tokens
        acronym_entries = self.acronym_entries
        max_words = 0
        for entry_index, entry in enumerate(self.entries):
            keys: set[str] = set()
            entry_tokens: list[str] = []
            acronym_like = False
            written = (entry.term, *entry.aliases)
            bare = [short for short in map(without_article, written) if short]
            for position, name in enumerate((*written, *bare) if bare else written):
                raw = tokens(name)
                entry_tokens += raw[:NAME_WORDS_INDEXED]
                if not acronym_like and len(name) <= 6 and name[:1].isupper() and " " not in name:
                    acronym_like = True
                canon = canonical(raw)
                key = name_key(canon, capital_acronyms(name))
                if not key or key in keys:
                    continue
                keys.add(key)
                name_index = len(names)
                names.append(key)
                self.written.append(name)
                if ARTICLES.isdisjoint(canon):
                    plain = " ".join(canon)
                    plain_names.append(key if plain == key else plain)
                else:
                    plain_key = " ".join(t for t in canon if t not in ARTICLES)
                    plain_names.append(key if plain_key == key else plain_key)
                    plain = " ".join(canon)
                name_entry.append(entry_index)
                name_is_term.append(1 if position == 0 else 0)
                if key in exact:
                    exact_more.setdefault(key, [exact[key]]).append(name_index)
                else:
                    exact[key] = name_index
                key_words = key.split()
                if len(key_words) > max_words:
                    max_words = len(key_words)
                for word in set(key_words[:NAME_WORDS_INDEXED]):
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
                # completions from inside a name start at one of its first words: each suffix is a
                # copy of the name, so indexing all of a very long name's would be quadratic
                for i in range(1, min(len(canon), INNER_STARTS + 1)):
                    inner_keys.append(" ".join(canon[i:]))
                    inner_ids.append(name_index)
            name_tokens.append(entry_tokens)
            if acronym_like:
                acronym_entries.append(entry_index)
        self.max_name_words = max_words
        self.name_entry = array("i", name_entry)
        self.name_is_term = array("b", name_is_term)
        lengths = list(map(len, names))
        for word, indexes in word_names.items():
            indexes.sort(key=lengths.__getitem__)  # stable: equal lengths stay in name order
            self.word_names[word] = array("i", indexes)
        self.prefix_lists = (term_keys, term_ids, prefix_keys, prefix_ids, inner_keys, inner_ids)
        folded_terms = [entry.term.casefold() for entry in self.entries]
        self.alphabetical = sorted(range(len(folded_terms)), key=folded_terms.__getitem__)

    def exact_hit(self, key: str, plain: str | None = None) -> int | None:
        """The name index of an exact hit, preferring terms over aliases; None if absent or ambiguous.

        When names of several entries share a key ("DEs" and "DE"), the one spelt exactly like
        ``plain`` (the question without plural stripping) wins.
        """
        first = self.exact.get(key)
        if first is None:
            return None
        found = self.exact_more.get(key)
        if found is None:
            return first
        if plain is not None:
            spelt = [i for i in found if self.plain[i] == plain]
            if len({self.name_entry[i] for i in spelt}) == 1:
                found = spelt
                first = spelt[0]
        entries = {self.name_entry[i] for i in found}
        terms = [i for i in found if self.name_is_term[i]]
        if len(entries) > 1 and len(terms) != 1:
            return None  # the same alias on several entries: ambiguous
        return terms[0] if terms else first

    def _sharing(self, key: str) -> list[int]:
        """The name indexes under ``key``."""
        first = self.exact.get(key)
        if first is None:
            return []
        return self.exact_more.get(key) or [first]

    def spelt_hit(self, key: str, typed: str) -> int | None:
        """The one name under ``key`` written exactly as ``typed`` (accents and umlauts included) when
        names of several entries fold to that key ("Schon" and "Schön"); None otherwise."""
        wanted = " ".join(typed.split()).casefold()
        found = [i for i in self._sharing(key) if self.written[i].casefold() == wanted]
        return found[0] if len({self.name_entry[i] for i in found}) == 1 else None

    def umlaut_hit(self, key: str) -> int | None:
        """The name index of a name with umlauts typed as "ae", "oe", "ue" ("Schraenke" for "Schränke",
        "Moebel" for "Möbel"); None if none or ambiguous.

        ``key`` is the question's name key. The letters are tried as the umlaut's base letter (as names
        are folded) and the hit must spell the umlauts exactly there, so "blue" never finds "Blü" and
        "schoen" finds Schön, never Schon.
        """
        if "ae" not in key and "oe" not in key and "ue" not in key:
            return None
        candidates = self._sharing(key.replace("ae", "a").replace("oe", "o").replace("ue", "u"))
        found = [i for i in candidates if key_of(self.written[i].translate(_UMLAUTS)) == key]
        return found[0] if len({self.name_entry[i] for i in found}) == 1 else None
        hit = self.exact_hit(key.replace("ae", "a").replace("oe", "o").replace("ue", "u"))
        if hit is None:
            return None
        entry = self.entries[self.name_entry[hit]]
        for name in (entry.term, *entry.aliases):
            spelt = name.translate(_UMLAUTS)
            if spelt != name and key_of(spelt) == key:
                return hit
            bare = without_article(spelt)
            if bare and key_of(bare) == key:
                return hit
        return None
