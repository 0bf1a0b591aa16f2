"""Quiz questions generated from the knowledge base."""

from __future__ import annotations

import math
import random
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import islice

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.markup import answer_text, without_wiki_links
from bot.matching.names import key_of
from bot.matching.names_index import without_article
from bot.matching.query import QueryContext, subjects_of
from bot.quiz.answers import (
    BLANK,
    AnswerChecker,
    answerable,
    drop_empty_brackets,
    hide_compounds,
    hint_mask,
    mask_names,
    shared_checker,
    spelt_out,
)
from bot.quiz.people import is_person, surname
from bot.quiz.settings import QuizMode, QuizSettingsError, RoundSettings
from bot.wording import plural

MAX_CHOICES = 4


class QuestionKind(StrEnum):
    """What a question asks."""

    WHICH_TERM = "which_term"  # typed: the masked definition, name the term
    PICK_TERM = "pick_term"  # buttons: the masked definition, pick the term
    MEANING = "meaning"  # buttons: the term, pick its definition
    EXAMPLE = "example"  # buttons: pick the example of the term
    TRUE_FALSE = "true_false"  # buttons: is this the term's definition?


#: Kinds that ask the same way round: naming the term from its hidden definition (typed or picked), and
#: the term's meaning (picked, or a true-or-false statement, which shows its definition when true). A round
#: asks an entry one kind of each way at most. Graded blind: seed 7 (tune7 and tune9, 180 questions) had 21
#: entries named twice, typed after picked; seed 8 after that fix (250 questions) had 12 true statements of
#: a definition already asked as its meaning, or the reverse, where a file had few terms for 20 questions.
_NAMING = (QuestionKind.WHICH_TERM, QuestionKind.PICK_TERM)
_MEANING = (QuestionKind.MEANING, QuestionKind.TRUE_FALSE)
_SAME_ASKING: dict[QuestionKind, tuple[QuestionKind, ...]] = {
    **dict.fromkeys(_NAMING, _NAMING),
    **dict.fromkeys(_MEANING, _MEANING),
}


@dataclass(frozen=True, slots=True, eq=False)
class Question:
    """One question: a prompt, and either choices (buttons) or accepted names (typed)."""

    kind: QuestionKind
    entry: Entry
    prompt: str
    choices: tuple[str, ...] = ()
    answer_index: int | None = None
    hint: str = ""
    checker: AnswerChecker | None = field(default=None, repr=False)

    @property
    def typed(self) -> bool:
        """Whether the answer is typed in chat (otherwise chosen with a button)."""
        return self.answer_index is None

    @property
    def answer(self) -> str:
        """The right answer as text, for the reveal."""
        if self.answer_index is None:
            return self.entry.term
        return self.choices[self.answer_index]

    def typed_answer(self, message: str) -> str:
        """The answer a chat message (or a console line) gives to this typed question: the text as written
        when that is right, else without its Discord markup and addressees ("<@123> vm", "**VM**" are
        "vm"); "" when nothing is left (a mention only), which the round takes as no guess (``BLANK``)."""
        return message if self.is_correct(message) else answer_text(message)

    def is_correct(self, answer: str | int) -> bool:
        """Whether a typed text (typed question) or a choice index (buttons) is right."""
        if self.answer_index is None:
            return isinstance(answer, str) and self.checker is not None and self.checker.check(answer)
        return isinstance(answer, int) and answer == self.answer_index


def question_count(asked: int, made: int) -> str:
    """How many questions a round has, for its start message: ``3 questions``, or ``1 question (all the
    notes hold: 10 were asked for)`` when the notes hold fewer different questions than asked for."""
    if made >= asked:
        return plural(made, "question")
    return f"{plural(made, 'question')} (all the notes hold: {asked} were asked for)"


def select_entries(kb: KnowledgeBase, topic: str | None = None) -> list[Entry]:
    """Entries of the topic whose title or objective is ``topic`` (case-insensitive), or all entries.

    Entries that still carry the importer's ``# check:`` notes are left out: their names or definitions
    are guesses nobody confirmed. ``QuizSettingsError`` when no entry is left.
    """
    if not topic:
        entries = list(kb.entries)
    else:
        wanted = topic.strip().casefold()
        topics = [
            t
            for t in kb.topics
            if wanted in (t.title.casefold(), (t.objective or "").casefold(), t.label.casefold())
        ]
        if not topics:
            known = ", ".join(sorted(t.title for t in kb.topics)) or "none"
            raise QuizSettingsError(f"no topic called {topic!r}; topics: {known}")
        entries = [e for e in kb.entries if e.topic in topics]
    if not entries:
        raise QuizSettingsError("there are no terms to ask about")
    checked = [e for e in entries if not e.checks]
    if not checked:
        raise QuizSettingsError(
            "every term here still has '# check:' notes from the import; resolve them in the notes first"
        )
    return checked


@dataclass(slots=True, eq=False)
class _Facts:
    """What questions need to know about a knowledge base as a whole, worked out once per knowledge base:
    it depends on the notes only, never on a round's settings or random generator."""

    entries: tuple[Entry, ...]  # the entries it was worked out from (a changed list is worked out anew)
    usable: list[Entry]
    silent: frozenset[Entry]
    all_examples: list[tuple[Entry, str]]
    common: frozenset[str]
    context: QueryContext
    shared: frozenset[str]
    all_keys: frozenset[str] | None = None
    owners: dict[str, set[Entry]] | None = None
    said: str | None = None
    #: the question kinds of an entry in a mode (they depend on the notes only)
    kinds: dict[tuple[Entry, QuizMode], tuple[QuestionKind, ...]] = field(default_factory=dict)
    #: an entry's definition with its names and distinctive words blanked (``masked`` with its defaults)
    masks: dict[Entry, str] = field(default_factory=dict)
    #: an entry's definition with only its names blanked (``masked(entry, single_words=False)``)
    name_masks: dict[Entry, str] = field(default_factory=dict)
    #: usable entries' names of two words or more by their first word, lower case (on the first use)
    by_first_word: dict[str, list[tuple[Entry, str]]] | None = None
    #: other entries' names an entry's definition writes out, made of its term's words (``_siblings``)
    siblings: dict[Entry, list[str]] = field(default_factory=dict)
    #: each usable entry's place in the notes (the order of ``usable``), for ``_affinity``
    places: dict[Entry, int] = field(default_factory=dict)

    @classmethod
    def of(cls, kb: KnowledgeBase) -> _Facts:
        """The facts of ``kb`` as its entries are now."""
        # never ask about or offer a guess, nor a definition that is only the entry's own name, only an
        # example or a sentence cut off ("Pair with", "a.m(x) desugars to"): nobody can answer from those
        # nor an acronym its definition spells by initials in a way no masking hides ("Assets, Liabilities,
        # Owner's Equity, Revenue, Expenses" for ALORE): named from it or matched to it, it is read off the
        # initials; offered beside other acronyms, it is one more to read off
        says = {
            e: _says_something(e)
            and not (_spells(e.term, e.definition) and not spelt_out(e.definition, e.names))
            for e in kb.entries
        }
        usable = [e for e in kb.entries if not e.checks and says[e]]
        said: dict[str, int] = {}
        for entry in kb.entries:
            key = " ".join(entry.definition.casefold().split())
            said[key] = said.get(key, 0) + 1
        # "Same (from lower body)" under "Returns deoxygenated blood to RA": the row above's definition is
        # the next one's too, so it cannot tell which term is meant (never typed nor picked)
        for above, entry in zip(kb.entries, kb.entries[1:], strict=False):
            if entry.topic == above.topic and _SAME_AS_ABOVE.match(entry.definition):
                key = " ".join(above.definition.casefold().split())
                said[key] = said.get(key, 0) + 1
        return cls(
            entries=tuple(kb.entries),
            usable=usable,
            places={e: i for i, e in enumerate(usable)},
            silent=frozenset(e for e in kb.entries if not says[e]),
            all_examples=[(e, x) for e in usable for x in e.examples],
            common=_common_words(usable),
            context=QueryContext.of_subjects(subjects_of(kb)),
            shared=frozenset(key for key, count in said.items() if count > 1),
        )

    def describes(self, kb: KnowledgeBase) -> bool:
        """Whether these are the facts of ``kb``'s entries as they are now (the very same entries)."""
        return len(self.entries) == len(kb.entries) and all(
            a is b for a, b in zip(self.entries, kb.entries, strict=True)
        )


#: The facts of each live knowledge base, by identity (a reloaded knowledge base is a new object). An
#: entry goes when its knowledge base is collected.
_FACTS: dict[int, _Facts] = {}


def _facts_of(kb: KnowledgeBase) -> _Facts:
    """The facts of ``kb``, worked out on the first call for it (and again if its entries changed)."""
    facts = _FACTS.get(id(kb))
    if facts is not None and facts.describes(kb):
        return facts
    if facts is None:
        weakref.finalize(kb, _FACTS.pop, id(kb), None)
    facts = _FACTS[id(kb)] = _Facts.of(kb)
    return facts


class QuestionGenerator:
    """Builds question lists from a knowledge base with a seeded random generator."""

    def __init__(self, kb: KnowledgeBase, rng: random.Random) -> None:
        self.kb = kb
        self.rng = rng
        # what depends only on the notes is worked out once per knowledge base, not once per round
        self._facts = _facts_of(kb)
        self._usable = self._facts.usable
        self._silent = self._facts.silent
        self._all_examples = self._facts.all_examples
        self.common = self._facts.common
        self._context = self._facts.context
        #: definitions two entries of the notes share: they cannot tell which term is meant
        self._shared = self._facts.shared

    @property
    def all_keys(self) -> frozenset[str]:
        """The name model's keys of every name in the notes (no typo of one entry is another's name)."""
        facts = self._facts
        if facts.all_keys is None:
            facts.all_keys = frozenset(key_of(name) for entry in self.kb.entries for name in entry.names)
        return facts.all_keys

    def masked(
        self,
        entry: Entry,
        also: Sequence[str] = (),
        *,
        text: str | None = None,
        single_words: bool = True,
        every_word: bool = False,
    ) -> str:
        """``text`` (default: the entry's definition) with the entry's names and distinctive words blanked.

        ``single_words=False`` blanks only the names (for options under a question that names the term);
        ``every_word`` blanks each distinctive word of the term (for a prompt above options of terms);
        ``also``: more phrases to hide as names.
        """
        plain = text is None and not also and not every_word
        cache = self._facts.masks if single_words else self._facts.name_masks
        if plain and entry in cache:
            return cache[entry]
        text = _readable(entry.definition if text is None else text)
        # "End user" in the text is the name End-User written with a space (and "Peer to peer" Peer-to-Peer)
        spaced = [n.replace("-", " ") for n in entry.names if "-" in n]
        # and the names the definition gives it ("('aka' search unemployment)"): typed, they are answers
        names = [*entry.names, *spaced, *_named_in(entry.definition), *also]
        text, restore = _shield(text, self._siblings(entry))
        shown = restore(
            mask_names(text, names, self.common, single_words=single_words, every_word=every_word)
        )
        if plain:
            cache[entry] = shown
        return shown

    def _siblings(self, entry: Entry) -> list[str]:
        """Names of other entries, made only of words of ``entry``'s term, that its definition writes out
        ("contra account" in Contra Asset Account's "A contra account that reduces the balance of an asset
        account"): they stay shown, since blanked ("A ____ that reduces ...") the prompt fits them too.
        Only entries that are asked and offered (a flagged "Ideal Gas" shown in "An ideal gas consists of
        ..." would only point at Properties of an ideal gas)."""
        facts = self._facts
        known = facts.siblings.get(entry)
        if known is not None:
            return known
        by_first_word = self._by_first_word()
        mine = set(_words(entry.term))
        own = {key_of(name) for name in entry.names}
        text = _readable(entry.definition)
        found = facts.siblings[entry] = [
            name
            for word in sorted(mine)
            for other, name in by_first_word.get(word, ())
            if other is not entry
            and set(_words(name)) <= mine
            and key_of(name) not in own
            and _names_any(text, [name])
        ]
        return found

    def _by_first_word(self) -> dict[str, list[tuple[Entry, str]]]:
        """The names of two words or more of the entries asked and offered, by their first word (once per
        knowledge base)."""
        facts = self._facts
        if facts.by_first_word is None:
            facts.by_first_word = {}
            for other in self._usable:
                for name in other.names:
                    words = _words(name)
                    if len(words) > 1:
                        facts.by_first_word.setdefault(words[0], []).append((other, name))
        return facts.by_first_word

    def _near_names(self, entry: Entry) -> list[str]:
        """Names of other entries that the definition writes out and that differ from the term only by a
        number or letter in the same place ("Type II hypervisor" in Type I hypervisor's, Layer 3 switch in
        Layer 2 switch's): blanked word by word they would leave that marker showing, which points at the
        answer ("than a ____ II ____"). A differing word ("food chains" in Food web's) stays: it says what
        the definition means."""
        mine = _words(entry.term)
        if len(mine) < 2:
            return []
        text = _readable(entry.definition)
        found = []
        for other, name in self._by_first_word().get(mine[0], ()):
            theirs = _words(name)
            if other is entry or len(theirs) != len(mine):
                continue
            differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
            if len(differ) == 1 and all(_MARKER.fullmatch(w) for w in differ[0]) and _names_any(text, [name]):
                found.append(name)
        return found

    def pick_prompt(self, entry: Entry, offered: Sequence[str] | None = None) -> str:
        """The definition above options of terms: the names are hidden, and every word of the term as the
        option shows it, short ones ("SQL" of SQL injection) and plurals ("peers" of Peer-to-Peer) too,
        since each would point at its option. ``offered``: the other options' terms; a word most entries
        use stays when one of them shows it too ("address" above RARP, ARP and NAT). A
        word only of an alias the options do not show stays ("Resolves a MAC address ..." for RARP, whose
        long name is Reverse Address Resolution Protocol). Without ``offered``, every word of the term
        goes (the prompt as bare as it can get: whether it is still answerable)."""
        # "than a Type II hypervisor" above Type I: "than a ____", not "than a ____ II ____"
        near = self._near_names(entry)
        unnamed = mask_names(_readable(entry.definition), near, single_words=False) if near else None
        text = self.masked(entry, text=unnamed, every_word=True)
        words = {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", entry.term)} - _SMALL_WORDS
        if offered is not None:
            shown = [{w.casefold() for w in re.findall(r"[^\W\d_]{2,}", o)} for o in offered]
            common = {w.casefold() for w in self.common}
            words = {
                w for w in words if w not in common or not any(_one_word(w, x) for s in shown for x in s)
            }
        text, restore = _shield(text, self._siblings(entry))
        for word in sorted(sorted(words), key=len, reverse=True):  # never in the set's (hash) order
            text = re.sub(rf"(?<!\w){re.escape(word)}(?:e?s)?(?!\w)", BLANK, text, flags=re.IGNORECASE)
        # the term's words in other forms ("position" above the option Positions), misspelt ("texture" above
        # the notes' "Tecture") or written out ("Federalist" above Fed 51), and its numbers ("10%" above
        # The rule of 10%)
        short = _short_words(entry.term)
        text = re.sub(
            r"[^\W\d_]{4,}",
            lambda m: (
                BLANK if any(_written_otherwise(m.group(0), w, w in short) for w in words) else m.group(0)
            ),
            text,
        )
        text = _hide_numbers(text, entry.term)
        return _drop_blanked(_tidy_blanks(restore(text)))

    def generate(self, settings: RoundSettings) -> list[Question]:
        """Up to ``settings.questions`` questions on ``settings.topic``, never the same one twice.

        A question is an entry asked one way (its kind); no entry comes back while others remain, and
        once every entry was asked every way the mode allows, the list ends: notes with one entry give a
        typed quiz of one question, not the same question ``settings.questions`` times. Fewer questions
        than asked for means that is all the notes hold (``len(result)``).
        """
        entries = select_entries(self.kb, settings.topic)
        entries = [e for e in entries if e not in self._silent] or entries
        kinds: dict[Entry, list[QuestionKind]] = {}  # of the entries asked so far (each costs a masking)
        questions: list[Question] = []
        pool: list[Entry] = []
        used: set[tuple[Entry, QuestionKind]] = set()
        previous: Entry | None = None

        def fresh(entry: Entry) -> bool:  # an entry never asked has at least one kind left
            return entry not in kinds or any((entry, kind) not in used for kind in kinds[entry])

        for index in range(settings.questions):
            entry: Entry | None = None
            while entry is None:
                if not pool:
                    pool = [e for e in entries if fresh(e)]
                    if not pool:
                        break  # every question the notes hold was asked
                    self.rng.shuffle(pool)
                    if previous is not None and len(pool) > 1 and pool[-1] == previous:
                        pool[0], pool[-1] = pool[-1], pool[0]
                candidate = pool.pop()
                if fresh(candidate):
                    entry = candidate
            if entry is None:
                break
            if entry not in kinds:
                kinds[entry] = self.kinds_for(entry, settings.mode)
            kind = self._pick_kind(entry, kinds[entry], settings.mode, index, used)
            # every kind that asks the same way round is spent with it (``_SAME_ASKING``)
            used.update((entry, k) for k in _SAME_ASKING.get(kind, (kind,)))
            questions.append(self.make(entry, kind))
            previous = entry
        return questions

    def surnames(self, entry: Entry) -> tuple[str, ...]:
        """A person's surname, which a typed answer may give alone, as a teacher would take it: "Marx" for
        Karl Marx, "Du Bois" for W.E.B. Du Bois, "Wright Mills" for C. Wright Mills (``people.surname``:
        never "North" of True North); none where another entry's name shares a word of it."""
        owners = self._facts.owners
        if owners is None:
            owners = self._facts.owners = {}
            for other in self.kb.entries:
                for name in other.names:
                    for word in _words(name):
                        owners.setdefault(word, set()).add(other)
        short: list[str] = []
        for name in entry.names:
            rest = surname(name)
            if rest and all(owners.get(p, set()) <= {entry} for p in _words(rest)):
                short.append(rest)
        return tuple(dict.fromkeys(short))

    def halves(self, entry: Entry) -> tuple[str, ...]:
        """The two halves of a name that joins two of the same size with "and" or "&" ("Food chains and
        food webs", "Inflation & Deflation"), which a typed answer may give alone: the definition tells
        of both. None where a half is another entry's name (then it is that entry's answer), nor of
        halves of different sizes ("Biotic and abiotic factors": "Biotic" is no name)."""
        own = {key_of(name) for name in entry.names}
        others = self.all_keys - own
        found: list[str] = []
        for name in entry.names:
            parts = re.split(r"\s+(?:and|&)\s+", name.strip())
            if len(parts) != 2 or len(parts[0].split()) != len(parts[1].split()):
                continue
            if all(part and key_of(part) not in others for part in parts):
                found.extend(parts)
        return tuple(dict.fromkeys(found))

    def subjects(self, entry: Entry) -> tuple[str, ...]:
        """What a heading's name is about, which a typed answer may give: "ideal gas" for Properties of an
        ideal gas, "rocks" for Types of rocks; none where it is another entry's name."""
        others = self.all_keys - {key_of(name) for name in entry.names}
        found = [
            match.group(1)
            for name in entry.names
            if (match := _ABOUT.fullmatch(name.strip())) and key_of(match.group(1)) not in others
        ]
        return tuple(dict.fromkeys(found))

    def _about_another(self, entry: Entry) -> bool:
        """Whether a name of the entry is a heading about something ("Properties of an ideal gas") that is
        another entry's name (Ideal Gas): a typed answer would give that name, not the heading."""
        others = self.all_keys - {key_of(name) for name in entry.names}
        return any(
            (match := _ABOUT.fullmatch(name.strip())) and key_of(match.group(1)) in others
            for name in entry.names
        )

    def joined_acronyms(self, entry: Entry) -> tuple[str, ...]:
        """The acronym a typed answer may give for a name of one or two capitalised words before an
        acronym: their initials joined to it ("DRAM" for Dynamic RAM, "SDRAM" for Synchronous DRAM; not
        "HOS" for host OS), unless it is another entry's name."""
        own = {key_of(name) for name in entry.names}
        others = self.all_keys - own
        found = []
        for name in entry.names:
            *words, last = name.split()
            if not 1 <= len(words) <= 2 or not _ACRONYM_WORD.fullmatch(last):
                continue
            if any(not w[0].isupper() or _ACRONYM_WORD.fullmatch(w) for w in words):
                continue
            joined = "".join(w[0].upper() for w in words) + last
            if key_of(joined) not in others:
                found.append(joined)
        return tuple(dict.fromkeys(found))

    def kinds_for(self, entry: Entry, mode: QuizMode) -> list[QuestionKind]:
        """Question kinds possible for ``entry`` in ``mode`` (naming the term needs a definition that still
        says enough once the term is blanked out; the masked definition is asked anyway when nothing else
        is possible)."""
        known = self._facts.kinds.get((entry, mode))
        if known is None:
            known = self._facts.kinds[entry, mode] = tuple(self._kinds_for(entry, mode))
        return list(known)

    def _kinds_for(self, entry: Entry, mode: QuizMode) -> list[QuestionKind]:
        own = (
            " ".join(entry.definition.casefold().split()) not in self._shared
            and not self._reads_alike(entry)
            and not self._opens_another(entry)
        )
        typed = [QuestionKind.WHICH_TERM]
        # button questions need another entry to offer or contrast, with a definition of its own (two
        # entries sharing the one definition cannot make a false statement of it)
        others = (e for e in self._usable if e != entry and e.definition != entry.definition)
        contrasts = sum(1 for _ in islice(others, 2))  # none, one, or enough for options
        if mode is QuizMode.TYPED or not contrasts:
            return typed
        buttons = [QuestionKind.TRUE_FALSE]
        pick = self.pick_prompt(entry)
        # options need two wrong ones at least: a choice of two is a true-or-false question, asked already
        choice = contrasts >= 2
        if choice and not self.restates(entry) and self._meaning_fits(entry) and not self._shows_term(entry):
            # "What does Elemental ions mean?" over "Ions that are elements" is answered by its words alone
            buttons.insert(0, QuestionKind.MEANING)
        # "____ cost divided by the quantity of output" fits average fixed and variable cost too
        if choice and own and _answerable(pick) and not self.fits_another(entry, pick):
            # above options of terms, every word of the term is hidden: one would point at its option
            buttons.insert(len(buttons) - 1, QuestionKind.PICK_TERM)
        # "Can cause latent or immediate failure" says what many terms can do, a quotation ('"Yep, I'm
        # x:x:x:x!"') what someone says: with no options to narrow it, nobody could name the one meant
        vague = _MAYBE.match(entry.definition) or not _answerable(_QUOTED.sub(" ", entry.definition))
        if self._inside_a_name(entry):
            # "Step 4 of the B2B ____ process": hidden, the name leaves a hole in another name; shown,
            # it is the answer. Only the true/false statement (which names the term) asks it
            return [QuestionKind.TRUE_FALSE] if mode is not QuizMode.TYPED else typed
        if not (own and _answerable(self.typed_prompt(entry))) or vague or self._typed_leaks(entry):
            typed = []
        if _term_kind(entry.term)[3] or self._about_another(entry):
            # nobody types "invert a triad" (a heading's "How to invert a triad") for "Take the lowest note
            # and place it up an octave", nor "Properties of an ideal gas" where Ideal Gas is an entry
            typed = []
        # "Assets, Liabilities, Owner's Equity, Revenue, Expenses" spells ALORE by its initials: named from
        # it, typed or picked, the acronym is read off the prompt, not recalled
        if _spells(entry.term, self.typed_prompt(entry)):
            typed = []
        if QuestionKind.PICK_TERM in buttons and _spells(entry.term, pick):
            buttons.remove(QuestionKind.PICK_TERM)
        # like any choice, an example needs two wrong ones (other entries' examples) beside it
        given = {x.casefold() for x in entry.examples}
        wrong = (x.casefold() for o, x in self._all_examples if o != entry and x.casefold() not in given)
        if entry.examples and _distinct(wrong, 2):
            buttons.append(QuestionKind.EXAMPLE)
        other_way = len(buttons) > 1 or (typed and mode is not QuizMode.BUTTONS)
        if other_way and self._shows_term(entry):
            # "**average fixed cost**: Fixed costs divided by ..." is true by its words, as the meaning
            # option would be: asked another way where there is one (typed, in a mixed quiz)
            buttons.remove(QuestionKind.TRUE_FALSE)
        # a choice whose options run short is asked as true or false: listed, it would ask that twice
        buttons = [k for k in buttons if k is QuestionKind.TRUE_FALSE or self._has_options(entry, k)]
        return buttons if mode is QuizMode.BUTTONS else typed + buttons

    def _has_options(self, entry: Entry, kind: QuestionKind) -> bool:
        """Whether a question of ``kind`` about ``entry`` finds the options it needs (worked out with a
        random source of its own: the round's draws stay as they were)."""
        rng, self.rng = self.rng, random.Random(0)
        try:
            return self.make(entry, kind).kind is kind
        finally:
            self.rng = rng

    def _opens_another(self, entry: Entry) -> bool:
        """Whether the entry's definition opens another entry's, or another's opens it, three words or more
        ("A = L + E" of Accounting Equation and "A = L + E / DEAR-CLIP" of Fundamental accounting
        equation): asked which term it is, either fits both."""
        return any(_opens(o.definition, entry.definition) for o in self._usable if o is not entry)

    def _inside_a_name(self, entry: Entry) -> bool:
        """Whether the entry's definition writes one of its names as part of a longer name the other
        definitions use too, a word beside it ("Step 4 of the B2B purchase decision process" for Purchase
        decision, where other steps say "B2B purchase decision process" too)."""
        text = " ".join(_readable(entry.definition).casefold().split())
        for name in entry.names:
            folded = re.escape(" ".join(name.casefold().split()))
            for match in re.finditer(rf"(?<!\w){folded}(?!\w)", text):
                before = re.search(r"([^\W_]+) $", text[: match.start()])
                after = re.match(r" ([^\W_]+)", text[match.end() :])
                phrases = [
                    f"{before.group(1)} {match.group(0)}"
                    if before and before.group(1) not in _OPEN_ENDS
                    else "",
                    f"{match.group(0)} {after.group(1)}"
                    if after and after.group(1) not in _OPEN_ENDS
                    else "",
                ]
                for phrase in filter(None, phrases):
                    if self._said.count(phrase) > text.count(phrase):
                        return True
        return False

    @property
    def _said(self) -> str:
        """Every definition of the notes, case-folded, one a line (searched for phrases)."""
        facts = self._facts
        if facts.said is None:
            facts.said = "\n".join(" ".join(e.definition.casefold().split()) for e in self._usable)
        return facts.said

    def restates(self, entry: Entry) -> bool:
        """Whether the entry's definition says nothing once the term's words are hidden: "Ions that are
        elements" for Elemental ions, "Physical transmission" for Physical layer."""
        pick = self.pick_prompt(entry)
        return not _answerable(pick) and pick != self.masked(entry, single_words=False)

    def typed_prompt(self, entry: Entry) -> str:
        """The definition above a typed answer: ``masked``, and when every distinctive word of the term is
        there in some form, they go, short ones too ("The mass of the atom relative to ..." spells
        Relative atomic mass); a sentence that blanks leave unreadable goes (``_drop_blanked``)."""
        prompt = self._all_words_hidden(entry)
        # a word of the term left in some form ("position" for Positioning, "monopoly" for natural
        # monopoly) goes where enough is left to answer from and the prompt fits no other entry's
        # definition: "____ costs divided by the quantity of output" fits average fixed and variable cost
        common = self._common_of(entry)
        if _term_words_in(entry.term, prompt) - common or _forms_left(entry.term, prompt, common):
            # a term all of whose words most entries use is those words: they go too
            bare = self.pick_prompt(entry, ()) if common else self.pick_prompt(entry)
            # short forms stay in the bare prompt ("Type" of Associated types): half hidden is no better
            if (
                not _term_words_in(entry.term, bare) - common
                and not _forms_left(entry.term, bare, common)
                and _says_enough(bare)
                and not self.fits_another(entry, bare)
            ):
                return _drop_blanked(bare)
        return _drop_blanked(prompt)

    def _typed_leaks(self, entry: Entry) -> bool:
        """Whether the typed prompt still shows a word of the term, in some form, that alone tells it
        from another entry: hidden, the prompt fits that entry's definition too ("... performed by a
        harmonic instrument" for Harmonic event, where Melodic event's reads "... by a melodic
        instrument"). Shown or hidden, the typed question gives the answer away or has two."""
        common = self._common_of(entry)
        prompt = self.typed_prompt(entry)
        if not _term_words_in(entry.term, prompt) - common and not _forms_left(entry.term, prompt, common):
            return False
        return self.fits_another(entry, self.pick_prompt(entry, ()) if common else self.pick_prompt(entry))

    def _common_of(self, entry: Entry) -> set[str]:
        """The words most entries use that may stay shown with ``entry``: none when every word of its term
        is one ("positioning" among notes on positioning, where the term is Positioning)."""
        common = {w.casefold() for w in self.common}
        words = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", entry.term)} - _SMALL_WORDS
        return common if words - common else set()

    def _all_words_hidden(self, entry: Entry) -> str:
        """``masked``, and the term's words in any form when every one of them is there."""
        text = self.masked(entry)
        # all of the term's words count ("average" of average variable cost is missing from "Variable
        # costs divided by ...", which must stay), but words most entries use stay
        words = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", entry.term)} - _SMALL_WORDS
        # words outside the names: "A Storage Area Network (SAN) is used by storage systems" keeps storage
        outside = mask_names(entry.definition, entry.names, single_words=False)
        seen = {t.casefold() for t in re.findall(r"[^\W\d_]{3,}", outside)}
        forms = {w: {t for t in seen if _kin(t, w)} for w in words}
        if len(words) < 2 or not all(forms.values()):
            return text
        common = {w.casefold() for w in self.common}

        shielded, restore = _shield(text, self._siblings(entry))

        def hide(words: set[str]) -> str:
            hidden = set().union(*(forms[w] for w in words))
            out = re.sub(
                r"[^\W\d_]+", lambda m: BLANK if m.group(0).casefold() in hidden else m.group(0), shielded
            )
            return _tidy_blanks(restore(out))

        # a word most entries use stays only where hiding it too leaves too little: "A ____ (hub-and-spoke)
        # topology's computers ..." spells Star Topology with "topology" shown
        every = hide(words)
        return every if _answerable(every) else hide({w for w in words if w not in common})

    def fits_another(self, entry: Entry, masked: str) -> bool:
        """Whether ``masked`` (a definition of ``entry`` with blanks) reads as another entry's definition
        with one to three words in each blank, plurals aside: "____ cost divided by the quantity of
        output" fits "Variable costs divided by the quantity of output"."""
        parts = [p for p in re.split(rf"({re.escape(BLANK)})", masked.casefold()) if p.strip()]
        tokens: list[str] = []
        for part in parts:
            if part == BLANK:
                tokens.append(r"[^\W_]+(?:\W+[^\W_]+){0,2}")
            else:
                words = re.findall(r"[^\W_]+", part)
                tokens.extend(rf"{re.escape(w[:-1] if w.endswith('s') else w)}s?" for w in words)
        if not any(t[0] != "[" for t in tokens):
            return False
        pattern = re.compile(r"^\W*" + r"\W+".join(tokens) + r"\W*$", re.MULTILINE)
        own = " ".join(entry.definition.casefold().split())
        return any(m.group(0) != own for m in pattern.finditer(self._said))

    def meaning(self, entry: Entry) -> str:
        """The entry's definition as the right option of "What does TERM mean?": the question names the
        term, so only its names are hidden (the option keeps its words), and an acronym's long name
        ("What does UFCS mean?" over "Uniform Function Call Syntax; ...")."""
        return self.masked(entry, spelt_out(entry.definition, entry.names), single_words=False)

    def _reads_alike(self, entry: Entry) -> bool:
        """Whether another entry of the topic reads the same once each hides its own names ("Is a
        shareware licence ..." and "Is a freeware licence ..."): the prompt cannot tell them apart."""
        mine = self.masked(entry)
        return any(self.masked(o) == mine for o in self._usable if o.topic == entry.topic and o != entry)

    def _shows_term(self, entry: Entry) -> bool:
        """Whether the right option of "What does TERM mean?" shows a word of the term most entries do not
        use, in some form ("A star (hub-and-spoke) topology's computers" for Star Topology, "translates
        domain names" for Domain Name System; "mineral crystals fuse" for Crystalline Rocks, a form
        ``_one_word`` takes): the question names the term, so its word picks the option."""
        meaning = self.meaning(entry)
        shown = _term_words_in(entry.term, meaning) | {
            w
            for w in set(_words(entry.term)) - _SMALL_WORDS
            if any(_one_word(w, t) for t in re.findall(r"[^\W\d_]{5,}", meaning.casefold()))
        }
        common = self._common_of(entry)
        return bool(shown - common) or _forms_left(entry.term, meaning, common)

    def _meaning_fits(self, entry: Entry) -> bool:
        """Whether the entry's topic offers options of its meaning's shape (blanks or none, about its size),
        where it has enough entries to offer options at all: ".ogg" over "____ Vorbis" among file formats
        without blanks would take its options from another topic, and stand out as the one of its kind;
        "China." among sentences stands out as the one answer of a word."""
        mates = [
            o
            for o in self._usable
            if o.topic == entry.topic
            and o != entry
            and o.definition != entry.definition
            and not _contains(entry, o)
            and not _contains(o, entry)
        ]
        if len(mates) < MAX_CHOICES - 1:
            return True
        shape = _shape(self.meaning(entry))
        return sum(_unlike(shape, _shape(self.masked(o, single_words=False))) <= 1 for o in mates) >= 2

    def _affinity(self, entry: Entry, other: Entry) -> int:
        """How plainly ``other`` is a thing of ``entry``'s kind, as the notes tell it (0 to 3), where
        options alike in every other way are many: 2 for a name of two words or more ending on the same
        head noun (Categorical Grants beside Project Grants, Virginia Plan beside New Jersey Plan) or built
        alike (a word in the same place: two court cases "X v. Y"), 1 for an entry listed next to it (two
        places at most) under the same heading and written alike (the steps of one process, the people of
        one list). Options of another kind leave fewer real choices ("Fed 51" among grants)."""
        mine, theirs = _words(entry.term), _words(other.term)
        head = _one_head(entry.term, other.term)
        # or names built alike: a word other than a small one in the same place of names of one length
        # ("McCulloch v. Maryland" and "Marbury v. Madison", "Chemical equation" and "Chemical symbol")
        head = head or (
            len(mine) == len(theirs) > 1
            and any(a == b and a not in _FILLERS for a, b in zip(mine, theirs, strict=True))
        )
        places = self._facts.places
        # listed next to it and written alike (both acronyms or words, both capitalised or not, about as
        # many words): a heading's name over its kinds is written otherwise ("Suspended chord" over sus2
        # and sus4), and its definition may fit them ("Triad without a third ..." is sus4's too)
        shape, theirs_shape = _term_shape(entry.term), _term_shape(other.term)
        near = (
            other.topic == entry.topic
            and entry in places
            and other in places
            and abs(places[entry] - places[other]) <= 2
            and shape[0] == theirs_shape[0]
            and shape[3] == theirs_shape[3]
            and abs(shape[1] - theirs_shape[1]) <= 1
        )
        return 2 * head + near

    @staticmethod
    def _crowds(entry: Entry, chosen: Sequence[Entry], other: Entry) -> bool:
        """Whether ``other`` would be a second option of one family (names on one head noun: "Block
        Grants", "Project Grants") that the right name is not of: three grants beside Political Culture
        leave it the odd one out (graded blind, session 12: 10 of 51 poor questions)."""
        return not _one_head(entry.term, other.term) and any(_one_head(e.term, other.term) for e in chosen)

    def _pick_kind(
        self,
        entry: Entry,
        possible: list[QuestionKind],
        mode: QuizMode,
        index: int,
        used: set[tuple[Entry, QuestionKind]],
    ) -> QuestionKind:
        """A kind of ``possible`` not yet asked about ``entry`` (the caller makes sure one is left)."""
        kinds = possible
        if mode is QuizMode.MIXED and len(kinds) > 1 and kinds[0] is QuestionKind.WHICH_TERM:
            # alternate typed and button questions
            kinds = kinds[:1] if index % 2 == 0 else kinds[1:]
        fresh = [k for k in kinds if (entry, k) not in used]
        fresh = fresh or [k for k in possible if (entry, k) not in used] or kinds
        weights = [_WEIGHTS[k] for k in fresh]
        return self.rng.choices(fresh, weights=weights)[0]

    def accepted(self, entry: Entry) -> tuple[str, ...]:
        """Every answer a typed question about ``entry`` takes as the name (typos aside): its names, then
        the shorter forms a teacher would take (a vocabulary word without its article: "Brot" for
        "das Brot", as a look-up takes it; a surname, a half of "X and Y", a joined acronym, a heading's
        subject, the name with its number written out: "three-fifths Compromise" for ⅗ Compromise, a name
        the definition gives it: "search unemployment" of "... ('aka' search unemployment)"), no repeats."""
        return tuple(
            dict.fromkeys(
                (
                    *entry.names,
                    *(bare for name in entry.names if (bare := without_article(name))),
                    *self.surnames(entry),
                    *self.halves(entry),
                    *self.joined_acronyms(entry),
                    *self.subjects(entry),
                    *(spelt for name in entry.names for spelt in _written_out(name)),
                    *_named_in(entry.definition),
                )
            )
        )

    def make(self, entry: Entry, kind: QuestionKind) -> Question:
        """One question of ``kind`` about ``entry``."""
        if kind is QuestionKind.WHICH_TERM:
            return Question(
                kind,
                entry,
                prompt=self.typed_prompt(entry),
                hint=hint_mask(entry.term, self.rng),
                checker=shared_checker(self.accepted(entry), self.all_keys, self._context),
            )
        if kind is QuestionKind.MEANING:
            right = self.meaning(entry)
            # every option has blanks, or none has: the one without blanks must not give the answer away
            # a word of the term that the right option shows ("a domain" for Domain hijacking, one most
            # entries use) is shown by the wrong ones too where the notes have such options
            others = self._similar_entries(
                entry,
                MAX_CHOICES - 1,
                shape=_shape(right),
                names_only=True,
                showing=_term_words_in(entry.term, right),
            )
            wrong = [self.masked(o, single_words=False) for o in others]
            # a list of labels among sentences (or a sentence among lists) stands out by its shape alone:
            # every option is of the right one's; too few such options ask true or false instead
            listed = option_is_list(right)
            if any(option_is_list(w) != listed for w in wrong):
                more = self._similar_entries(
                    entry,
                    MAX_CHOICES - 1,
                    shape=_shape(right),
                    names_only=True,
                    showing=_term_words_in(entry.term, right),
                    listed=listed,
                )
                wrong = [
                    w
                    for w in (self.masked(o, single_words=False) for o in more)
                    if option_is_list(w) == listed
                ][: MAX_CHOICES - 1]
            return self._choice(entry, kind, _meaning_prompt(entry), right, wrong)
        if kind is QuestionKind.PICK_TERM:
            others = self._similar_entries(entry, MAX_CHOICES - 1, term_shape=True)
            prompt = f"Which term is this? {self.pick_prompt(entry, [o.term for o in others])}"
            return self._choice(entry, kind, prompt, entry.term, [o.term for o in others])
        if kind is QuestionKind.EXAMPLE:
            right = self.rng.choice(entry.examples)
            own = {x.casefold() for x in entry.examples}
            candidates = [(o, x) for o, x in self._all_examples if o != entry and x.casefold() not in own]
            same = [x for o, x in candidates if o.topic == entry.topic]
            rest = [x for o, x in candidates if o.topic != entry.topic]
            self.rng.shuffle(same)
            self.rng.shuffle(rest)
            wrong = list(dict.fromkeys(same + rest))[: MAX_CHOICES - 1]
            prompt = f"Which of these is an example of **{entry.term}**?"
            return self._choice(entry, kind, prompt, right, wrong)
        if kind is QuestionKind.TRUE_FALSE:
            # a definition that only restates the term ("Elemental ions: Ions that are elements") or
            # shows a word of it few entries use ("**average fixed cost**: Fixed costs divided by ...") is
            # true by its words: such a term is shown with another entry's definition
            # the prompt names the term: hide only names, so both kinds of statement read alike
            statement = self.masked(entry, single_words=False)
            # a definition that names its term ("The Deposition of sand ...") would be true by that name
            truth = (
                self.rng.random() < 0.5
                and not self.restates(entry)
                and not self._shows_term(entry)
                and BLANK not in statement
            )
            if not truth:
                # best another entry's definition that names no term of its own: its blanks would be
                # filled with this term ("**Composition**: ... two or more Composition may be played
                # together", where Channel's definition says "two or more channels")
                shape = (False, *_shape(statement)[1:])
                other = self._similar_entries(entry, 1, shape=shape, names_only=True)[0]
                statement = self.masked(other, single_words=False)
            # a blank beside the term in bold reads as that term hidden: the statement names it instead,
            # the false one too ("**Collider**: Collider components define ...", not "____ components")
            statement = re.sub(rf"{BLANK}(?:\s*\({BLANK}\))?", lambda _: entry.term, statement)
            prompt = f"True or false? **{entry.term}**: {statement}"
            return Question(kind, entry, prompt, ("True", "False"), 0 if truth else 1)
        raise ValueError(f"unknown question kind {kind!r}")

    def _choice(
        self, entry: Entry, kind: QuestionKind, prompt: str, right: str, wrong: Sequence[str]
    ) -> Question:
        choices = [right, *[w for w in dict.fromkeys(wrong) if w != right]]
        if len(choices) < 3:
            # a choice of two is a true-or-false question: ask that one (the options ran short)
            return self.make(entry, QuestionKind.TRUE_FALSE)
        self.rng.shuffle(choices)
        return Question(kind, entry, prompt, tuple(choices), choices.index(right))

    def _similar_entries(
        self,
        entry: Entry,
        count: int,
        *,
        shape: tuple[bool, str, int] | None = None,
        term_shape: bool = False,
        names_only: bool = False,
        showing: frozenset[str] = frozenset(),
        listed: bool | None = None,
    ) -> list[Entry]:
        """Up to ``count`` other entries: same topic first, then the nearest topics (a file of the same
        folder before the rest); each by similar definition length.

        ``shape``: prefer entries whose masked definition has the right answer's ``_shape`` (blanks or
        none, an action "To ..." or not). ``term_shape``: prefer terms of the same kind (acronym or
        words, word count). ``showing``: lower-case words the right option shows; only entries whose
        definitions show one of them too, where two or more do.
        """
        length = len(entry.definition)
        # "A = L + E / DEAR-CLIP" fits Accounting Equation ("A = L + E") too
        others = [
            e
            for e in self._usable
            if e != entry and e.definition != entry.definition and not _opens(e.definition, entry.definition)
        ]
        if listed is not None:  # only options of that shape: a list of labels, or a sentence
            others = [e for e in others if option_is_list(self.masked(e, single_words=False)) == listed]
        if names_only:
            # an option that reads as the right one once names are hidden would make two right options
            shown = self.masked(entry, single_words=False)
            others = [e for e in others if self.masked(e, single_words=False) != shown]
            # nor is another entry's definition a wrong meaning where this entry names that entry, or that
            # one names this: "A = L + E / DEAR-CLIP" means DEAR-CLIP's "Drawings + Expenses + ... =
            # Capital + ..." too; a false statement needs one other all the same
            apart = [e for e in others if not _contains(entry, e) and not _contains(e, entry)]
            others = apart if apart or count > 1 else others
            # "Not consequentialism" may be true of this term too: another's, it is no wrong option
            said = [e for e in others if not _ONLY_NOT.match(e.definition)]
            others = said if said or count > 1 else others
            if count == 1:
                # a false statement that shows a word of the term reads as about it: "**Frictional
                # unemployment**: ... (similar to frictional ...)" says False by that word alone
                common = self._common_of(entry)
                quiet = [e for e in others if not _term_words_in(entry.term, e.definition) - common]
                others = quiet or others
        same = [e for e in others if e.topic == entry.topic]
        rest = [e for e in others if e.topic != entry.topic]
        if _category(entry.topic):
            # a term under "Revolutions" is no treaty: options from another category's heading ("Important
            # Treaties") would be another kind of thing, the one right option standing out. Fewer options
            # ask a true-or-false question instead; a false statement takes one where there is no other
            kin_rest = [e for e in rest if not _category(e.topic) or e.topic.title == entry.topic.title]
            if count > 1 or same or kin_rest:
                rest = kin_rest
        picked: list[Entry] = []

        mine = _term_shape(entry.term)
        kind = _term_kind(entry.term)
        label = _label(entry.definition)

        def unlike(other: Entry) -> float:
            # another topic's term stands out more than a word count apart ("Load balancer" beside Cell
            # membrane and Unemployment rate, not Router and Switch): a sibling file's a little less
            miss: float = _topic_distance(entry.topic, other.topic)
            # a term of another kind stands out as much, whether the options show terms or what they mean:
            # a person among concepts, an adjective among nouns, an action among names
            miss += 2 * _kind_misses(kind, _term_kind(other.term))
            # a definition labelled with its kind ("Interval: 6 half steps.") wants options of that label:
            # Chromatic and Downbeat beside Tritone and Octave leave two real choices
            if label and _label(other.definition) != label:
                miss += 2
            if shape is not None:
                miss += _unlike(shape, _shape(self.masked(other, single_words=not names_only)))
            if term_shape:
                acronym, words, form, capital = _term_shape(other.term)
                miss += 2 * (acronym != mine[0]) + 3 * (form != mine[2]) + (capital != mine[3])
                # a name written in two forms ("das Blatt/die Blätter", "Figure/Ground") stands out among
                # names written once ("den ganzen Tag"), and one name among pairs
                miss += 2 * (_paired(other.term) != _paired(entry.term))
                # a name on the same head noun is of its kind however many words come before it
                # (Virginia Plan beside New Jersey Plan)
                if self._affinity(entry, other) < 2:
                    miss += abs(words - mine[1])
            return miss

        scored = [(unlike(e), e) for e in others]
        if (shape is not None or term_shape) and len(scored) >= min(2, count):
            # options as like the right one as the notes allow, even if fewer of them (a question with 3
            # choices beats a giveaway): "Diffie-Hellman Key Exchange" among words, not RSA, PGP and ECC
            misses = sorted(miss for miss, _ in scored)
            most = misses[min(2, count) - 1]
            alike = {e for miss, e in scored if miss <= most}
            same = [e for e in same if e in alike]
            rest = [e for e in rest if e in alike]
        if showing:  # among those, ones that show the word too
            telling = {e for e in same + rest if _term_words_in(" ".join(showing), e.definition)}
            if len(telling) >= min(2, count):
                same = [e for e in same if e in telling]
                rest = [e for e in rest if e in telling]
        kin: list[Entry] = []  # kinds of the entry and what it is a kind of: the last resort
        for group in (same, rest):
            group.sort(
                key=lambda e: (
                    unlike(e),
                    -self._affinity(entry, e),
                    abs(len(e.definition) - length),
                    self.rng.random(),
                )
            )
            # a little variety: choose among the closest few (looked at in order: kin are few), the
            # entry's own kind first (``_affinity``): Block Grants before Fed 51 beside Project Grants
            closest: list[Entry] = []
            crowded: list[Entry] = []  # a second name of a family the right one is not of: last
            for other in group:
                if len(closest) >= count - len(picked) + 2:
                    break
                if _related(entry, other):
                    kin.append(other)
                elif term_shape and count > 1 and self._crowds(entry, [*picked, *closest], other):
                    crowded.append(other)
                else:
                    closest.append(other)
            self.rng.shuffle(closest)
            if count > 1:  # options; a false statement's one other definition keeps its variety
                closest.sort(key=lambda e: -self._affinity(entry, e))  # stable: shuffled within a tier
            picked.extend([*closest, *crowded][: count - len(picked)])
            if len(picked) >= count:
                break
        if len(picked) < min(count, 2):
            picked.extend(kin[: count - len(picked)])
        return picked


#: A heading's name about something: "Properties of an ideal gas" (its subject: "ideal gas").
_ABOUT = re.compile(
    r"(?:properties|types|kinds|features|characteristics|parts|stages|uses|forms)\s+of\s+"
    r"(?:an?\s+|the\s+)?(\S.*)",
    re.IGNORECASE,
)
#: A word written as an acronym: two to six capitals, digits after the first allowed ("RAM", "DDR4").
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9]{1,5}")
#: Blanks next to each other, parted by spaces or hyphens: one hidden name.
_BLANK_RUN = re.compile(rf"{BLANK}(?:[\s-]+{BLANK})+")


def _tidy_blanks(text: str) -> str:
    """``text`` with a hyphenated word holding a blank hidden whole, runs of blanks made one and brackets
    masking emptied dropped: how a prompt reads once the term's words are blanked."""
    return drop_empty_brackets(_BLANK_RUN.sub(BLANK, hide_compounds(text)))


def _opens(text: str, other: str) -> bool:
    """Whether one of two different definitions opens the other, three words or more: "A = L + E" and
    "A = L + E / DEAR-CLIP" (case and spacing aside)."""
    short, long = sorted((" ".join(text.casefold().split()), " ".join(other.casefold().split())), key=len)
    if short == long or len(short.split()) < 3 or not long.startswith(short):
        return False
    return not long[len(short)].isalnum()


def _says_something(entry: Entry) -> bool:
    """Whether the entry's definition says anything once its own names are hidden (not "PowerShell",
    nor "The ____"), states rather than asks ("Is a shareware licence covered by copyright?"), gives
    more than an example ("E.g. ...") and more than "the same as the row above" ("Same (from lower
    body)") or a judgement ("Very unintuitive"), and goes to its end (not "Pair with", "desugars to",
    "valid (e.g.,")."""
    hidden = mask_names(entry.definition, entry.names, single_words=False)
    # "The ____." (The aggregate demand / aggregate supply model) is the name again
    words = re.findall(r"[^\W_]+", hidden.replace(BLANK, " "))
    if all(w.casefold() in _OPEN_ENDS for w in words) or _EXAMPLE.match(entry.definition):
        return False
    if entry.definition.rstrip().endswith("?"):  # a flashcard's question, not what the term is
        return False
    if _SAME_AS_ABOVE.match(entry.definition):  # "Same (from lower body)": the row above says it
        return False
    if _JUDGEMENT.match(entry.definition):  # "Very unintuitive": an opinion, true of anything
        return False
    return not _cut_off(entry.definition)


#: A definition that is only a judgement, an intensifier and a word or two: "Very unintuitive", "Really
#: important." (not "Very large scale integration of circuits on a chip").
_JUDGEMENT = re.compile(
    r"\s*(?:very|really|quite|too|extremely|super|so|rather)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\W*$", re.IGNORECASE
)
#: A definition that only says what the term is not: "Not consequentialism", "Non-metallic." It is true of
#: many other terms too, so it is never another term's wrong option nor a false statement about one.
_ONLY_NOT = re.compile(r"\s*(?:not|non|never|no)\b[\s-]*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\W*$", re.IGNORECASE)


#: A definition that only points at the one above it: "Same (from lower body)", "Ditto", "As above." (not
#: "Same as a hub, but ...", which says what it is like).
_SAME_AS_ABOVE = re.compile(r"\s*(?:same|ditto|as above|likewise)\s*(?:[(,;:.-]|$)", re.IGNORECASE)


#: A definition that only gives an example ("E.g. [CuCl4]2-") says what the term covers, not what it is.
_EXAMPLE = re.compile(r"\s*(?:e\.\s?g\.|eg\b|for (?:example|instance)\b|examples?\b\s*:)", re.IGNORECASE)


#: A definition that opens with what the term may do ("Can be performed locally", "May stabilize ...").
_MAYBE = re.compile(r"\s*(?:can|may|might|could)\b", re.IGNORECASE)


def _readable(text: str) -> str:
    """A definition as a question shows it: a Markdown link as its text ("[higher-order functions](#x)"),
    inline maths without its dollars and commands ("$P \\times Q$" -> "P × Q"), and without an opening
    "= " (the notes' "ALORE: = Assets, Liabilities, ...": what follows is the meaning, not a formula); a
    wiki link as its text too ("[[Prefixes]]" -> "Prefixes", "[[Morphemes|morpheme]]" -> "morpheme",
    "[[Syntax#Order]]" -> "Syntax"; an embed "![[diagram.png]]" shows nothing)."""
    text = _LINK.sub(r"\1", re.sub(r"^\s*=\s+", "", text))
    text = without_wiki_links(text)
    return _MATH.sub(lambda m: _plain_math(m.group(1)), text)


def _plain_math(tex: str) -> str:
    """TeX maths as text: the usual operators as symbols, ``\\ `` as a space, other commands as their
    names, braces dropped."""
    tex = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"(\1)/(\2)", tex)
    tex = re.sub(r"\\([a-zA-Z]+)", lambda m: _TEX.get(m.group(1), m.group(1)), tex)
    tex = tex.replace("\\ ", " ").replace("\\,", " ").replace("{", "").replace("}", "")
    return " ".join(tex.split())


#: A Markdown link: its text is what a reader sees.
_LINK = re.compile(r"\[([^\[\]]+)\]\([^()\s]*(?:\s[^()]*)?\)")
#: Inline TeX maths between single dollars (not a price: no space inside the dollars at either end).
_MATH = re.compile(r"(?<![\\$\w])\$(?!\s)([^$]+?)(?<!\s)\$(?![\w$])")
_TEX = {
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "to": "→",
    "rightarrow": "→",
    "infty": "∞",
    "sqrt": "√",
    "alpha": "α",
    "beta": "β",
    "mu": "μ",
    "sigma": "σ",
    "Delta": "Δ",
    "text": "",
    "mathrm": "",
    "left": "",
    "right": "",
}


#: A quotation in a definition.
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


#: Words a sentence cannot end on: a definition ending on one was cut off (a wrapped line was lost).
_OPEN_ENDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "but",
        "of",
        "to",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "on",
        "onto",
        "via",
        "with",
        "without",
        "than",
        "that",
        "which",
        "whose",
        "whether",
        "if",
        "is",
        "are",
        "was",
        "were",
        "be",
        "eg",
        "ie",
        "such",
        "like",
    ]
)


def _says_enough(masked: str) -> bool:
    """``_answerable``, and four words left besides blanks and small words: "Manages ____ on the network"
    (Print Server) says too little once "printers" goes, "Aggregate ____, measured in GDP per person"
    does not."""
    words = re.findall(r"[^\W_]+", masked.replace(BLANK, " "))
    return _answerable(masked) and sum(w.casefold() not in _SMALL_WORDS for w in words) >= 4


def _cut_off(text: str) -> bool:
    """Whether ``text`` stops mid-sentence: on a comma, colon, dash or open bracket, with a bracket left
    open, or without a full stop on a word no sentence ends with ("... called as", "Pair with")."""
    text = text.strip()
    if not text or text[-1] in ",:;([{-–—/&" or text.count("(") > text.count(")"):
        return True
    if text[-1] in ".!?)]}\"'”’":  # "... the values they refer to." is a whole sentence
        return text.endswith(("e.g.", "i.e."))
    words = re.findall(r"[^\W_]+", text)
    return bool(words) and words[-1].casefold() in _OPEN_ENDS


def _term_words_in(term: str, text: str) -> frozenset[str]:
    """The lower-case words of ``term`` (3+ letters, not small ones) that ``text`` shows in some form:
    "faxes" for Fax Server, "domain" for Domain hijacking."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", term)} - _SMALL_WORDS
    shown = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", text)}
    return frozenset(w for w in words if any(_kin(t, w) or t in (f"{w}s", f"{w}es") for t in shown))


def _written_otherwise(token: str, word: str, short: bool = False) -> bool:
    """Whether ``token`` (as the text writes it) is ``word`` (a lower-case word of a term) written another
    way that still points at the term: another form of it (``_one_word``: "radiate" of Radial balance),
    misspelt one letter apart on either side, six letters or more ("texture" of the notes' heading
    "Tecture"), or, where ``short`` (a capitalised word of three or four letters in the term), a
    capitalised word it opens ("Federalist" of Fed 51)."""
    low = token.casefold()
    if len(low) >= 5 and _one_word(low, word):
        return True
    if min(len(low), len(word)) >= 6 and _one_letter_apart(low, word):
        return True
    return short and token[0].isupper() and low.startswith(word) and len(low) >= len(word) + 3


def _one_letter_apart(word: str, other: str) -> bool:
    """Whether two different words are one letter apart: one changed, one added or dropped, or two next to
    each other swapped ("tecture" and "texture", "reservior" and "reservoir")."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    start = next(
        (i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), min(len(word), len(other))
    )
    a, b = word[start:], other[start:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    return a[1:] == b if len(a) > len(b) else b[1:] == a


def _short_words(term: str) -> frozenset[str]:
    """The capitalised words of three or four letters of ``term``, lower case ("fed" of Fed 51): the short
    forms a definition may write out ("Federalist Paper No. 51")."""
    return frozenset(w.casefold() for w in re.findall(r"(?<![\w.])[A-Z][a-z]{2,3}(?![\w.])", term))


#: A number as a word of a term or text: "10%", "51", "2.5" (not the digits inside "802.11a" or "DDR4").
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*%?(?![\w%])")


def _hide_numbers(text: str, term: str) -> str:
    """``text`` with the numbers of ``term`` blanked, in figures or written out: "only 10% of the energy"
    above The rule of 10%, "three-fifths of a person" above ⅗ Compromise."""
    numbers = set(_NUMBER.findall(term))
    if numbers:
        text = _NUMBER.sub(lambda m: BLANK if m.group(0) in numbers else m.group(0), text)
    for words in _numbers_written(term):
        text = re.sub(rf"(?<![\w-]){words}(?![\w-])", BLANK, text, flags=re.IGNORECASE)
    return text


#: Numbers as words, for the numbers of a term written out in its definition.
_CARDINALS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
#: Denominators as words (singular, plural): "fifth"/"fifths"; 2 and 4 have two names each.
_ORDINALS = {
    2: ("half|second", "halves|seconds"),
    3: ("third", "thirds"),
    4: ("quarter|fourth", "quarters|fourths"),
    5: ("fifth", "fifths"),
    6: ("sixth", "sixths"),
    7: ("seventh", "sevenths"),
    8: ("eighth", "eighths"),
    9: ("ninth", "ninths"),
    10: ("tenth", "tenths"),
}


def _fraction_words(top: int, bottom: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of the fraction ``top``/``bottom``: its numerators and its denominators, the usual one
    first (("three",), ("fifths",)); (("one", "a", "an"), ("half", "second")) for 1/2. None unless it is a
    proper fraction of tenths or coarser."""
    if bottom not in _ORDINALS or not 0 < top < bottom:
        return None
    tops = ("one", "a", "an") if top == 1 else (_CARDINALS[top],)
    return tops, tuple(_ORDINALS[bottom][top > 1].split("|"))


def _numbers_written(term: str) -> list[str]:
    """Patterns of the numbers of ``term`` written out in words: a whole number from two to twenty ("three"
    of Rule of 3; never "one", which any sentence may say) and a fraction, in figures or one character
    ("three[- ]fifths" of ⅗ Compromise or 3/5 Compromise, "(?:one|a)[- ]half" of ½)."""
    found: list[str] = []
    parts = [*re.findall(r"(?<![\w.])\d{1,2}/\d{1,2}(?![\w.])", term), *term]
    fractions = [f for part in parts if (f := _fraction_of(part)) is not None]
    for top, bottom in fractions:
        words = _fraction_words(top, bottom)
        if words is not None:
            tops, names = words
            found.append(rf"(?:{'|'.join(tops)})[\s-]+(?:{'|'.join(names)})")
    wholes = {int(n) for n in re.findall(r"(?<![\w.,/%])(\d{1,2})(?![\w.,/%])", term)}
    found.extend(_CARDINALS[n] for n in sorted(wholes) if 1 < n < len(_CARDINALS))  # "one" is any "one"
    return found


def _named_in(definition: str) -> list[str]:
    """Other names a definition gives its term, where the notes' import left them in the text: after "aka"
    anywhere, quoted or not ("('aka' search unemployment)", 'aka "typo squatting"'), or "also known as" /
    "also called" in its first sentence; four words at most. Shown, they would give the answer away."""
    first = re.split(r"(?<=[.!?])\s+", definition.strip(), maxsplit=1)[0]
    found = [m.group("name") for m in _AKA.finditer(definition)]
    found += [m.group("name") for m in _ALSO_KNOWN.finditer(first)]
    return [" ".join(n.split()) for n in found if len(n.split()) <= 4]


#: "aka X", the "aka" or the name quoted or not: "('aka' search unemployment)", 'aka "typo squatting"'.
_AKA = re.compile(
    r"""(?<!\w)['"‘“]?(?:aka|a\.k\.a\.?)['"’”]?\s+['"‘“]?(?P<name>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?)['"’”]?"""
    r"(?=\s*(?:[,;.)]|$))",
    re.IGNORECASE,
)
#: "also known as X" / "also called X" up to a comma, semicolon, full stop or bracket.
_ALSO_KNOWN = re.compile(
    r"""\balso\s+(?:known\s+as|called)\s+(?:an?\s+|the\s+)?['"‘“]?(?P<name>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?)"""
    r"""['"’”]?(?=\s*(?:[,;.)]|$))""",
    re.IGNORECASE,
)


def _fraction_of(text: str) -> tuple[int, int] | None:
    """A fraction written as one character ("⅗") or with a slash ("3/5") as (top, bottom), bottom up to ten,
    or None."""
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})", text):
        return int(match.group(1)), int(match.group(2))
    if len(text) == 1 and unicodedata.category(text) == "No" and "FRACTION" in unicodedata.name(text, ""):
        value = unicodedata.numeric(text)
        return next(((a, b) for b in range(2, 11) for a in range(1, b) if abs(a / b - value) < 1e-9), None)
    return None


def _written_out(name: str) -> list[str]:
    """``name`` with its fraction written out, as a typed answer may give it: "three-fifths Compromise" and
    "three fifths Compromise" for ⅗ Compromise (or 3/5 Compromise); none for a name without one."""
    found = []
    for match in re.finditer(r"(?<![\w.])\d{1,2}/\d{1,2}(?![\w.])|[^\x00-\x7f]", name):
        fraction = _fraction_of(match.group(0))
        if fraction is None:
            continue
        named = _fraction_words(*fraction)
        if named is None:
            continue
        numerator, denominator = named[0][0], named[1][0]
        for joint in ("-", " "):
            words = f"{numerator}{joint}{denominator}"
            found.append(" ".join(f"{name[: match.start()]}{words}{name[match.end() :]}".split()))
    return found


def _forms_left(term: str, text: str, common: Iterable[str] = ()) -> bool:
    """Whether ``text`` still shows a word of ``term`` written another way (``_written_otherwise``; words
    most entries use, ``common``, aside) or one of its numbers: "Elements radiate out" for Radial balance,
    "... is a texture" for the notes' "Tecture", "only 10% of the energy" for The rule of 10%."""
    if set(_NUMBER.findall(term)) & set(_NUMBER.findall(text)):
        return True
    if any(re.search(rf"(?<![\w-]){w}(?![\w-])", text, re.IGNORECASE) for w in _numbers_written(term)):
        return True
    words = {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", term)} - _SMALL_WORDS - set(common)
    short = _short_words(term)
    return any(
        _written_otherwise(token, word, word in short)
        for token in re.findall(r"[^\W\d_]{4,}", text)
        for word in words
    )


def _kin(word: str, other: str) -> bool:
    """Whether two lower-case words are one word's forms: "atom" and "atomic", "cell" and "cells",
    "kinematic" and "kinematically" (four letters more on a word of six or more)."""
    if word == other or word.rstrip("s") == other.rstrip("s"):
        return True
    short = min(len(word), len(other))
    more = max(len(word), len(other)) - short
    return short >= 4 and word[:short] == other[:short] and more <= (4 if short >= 6 else 3)


def _answerable(masked: str) -> bool:
    """``answerable``, and two words left besides the ones that point at other names ("aka", "also") and
    the names they quote: 'Aka "____" - also "bit squatting"' says only what else the term is called."""
    words = re.findall(r"[^\W_]+", masked.replace(BLANK, " "))
    if any(w.casefold() in _POINTERS for w in words):  # 'also "bit squatting"' is one more name
        words = re.findall(r"[^\W_]+", re.sub(r'"[^"]*"|“[^”]*”', " ", masked.replace(BLANK, " ")))
    content = [w for w in words if w.casefold() not in _POINTERS and w.casefold() not in _OPEN_ENDS]
    return answerable(masked) and len(content) >= 2


#: Words that only point at other names of the term ("aka X", "also called Y", "see Z").
_POINTERS = frozenset(["aka", "also", "called", "known", "see", "refer", "same"])


def _related(entry: Entry, other: Entry) -> bool:
    """Whether one of two entries is a kind of the other, so that one's definition may fit the other too
    (or be ruled out by a name alone): one's name ends with the other's ("Rule consequentialism" and
    Consequentialism, "Expansionary monetary policy" and Monetary policy), or one's definition names
    the other ("A kind of deontology: ..." and Deontology; "Denial of service performed by a botnet"
    and Denial of Service)."""
    return (
        _kind_of(entry, other)
        or _kind_of(other, entry)
        or _names_any(other.definition, entry.names)
        or _names_any(entry.definition, other.names)
    )


def _spells(term: str, text: str) -> bool:
    """Whether ``term`` is an acronym of three letters or more (hyphens, slashes and ``&`` aside: DEAR-CLIP,
    ALORE) that the initials of ``text``'s parts (a prompt, a definition) spell from its start, the parts
    parted by commas, semicolons, ``+``, ``=``, ``/`` or ``&`` ("Assets, Liabilities, Owner's Equity,
    Revenue, Expenses"), or the initials of its capitalised words ("Drawings + Expenses + Assets + ...");
    blanks spell nothing."""
    if not _LETTERS_ACRONYM.fullmatch(term):
        return False
    letters = re.sub(r"[^A-Z0-9]", "", term).casefold()
    if len(letters) < 3:
        return False
    text = _readable(text)
    parts = [re.search(r"[^\W_]", part) for part in re.split(r"[,;+=/&]", text)]
    by_part = "".join(m.group(0) for m in parts if m).casefold()
    by_word = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’]*", text) if w[0].isupper()).casefold()
    return by_part.startswith(letters) or by_word.startswith(letters)


#: An acronym as a term: capitals and digits, parts joined by a hyphen, slash or ampersand ("DEAR-CLIP").
_LETTERS_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*(?:[-/&][A-Z0-9]+)*")


def _drop_blanked(text: str) -> str:
    """``text`` without its sentences of three blanks or more ("A ____ account ____ that shows the account
    ____ after each Entry is posted."), where what is left still says enough to answer from; else
    ``text`` as it is."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text.strip())
    kept = [s for s in sentences if s.count(BLANK) < 3]
    if len(kept) == len(sentences) or not kept:
        return text
    rest = " ".join(kept)
    return rest if _says_enough(rest) else text


def _label(definition: str) -> str:
    """The label a definition opens with, lower case ("interval" of "Interval: 6 half steps."), or "":
    one to three words, the first a capital, then a colon and more."""
    match = _LABEL.match(definition)
    return " ".join(match.group(1).casefold().split()) if match else ""


#: A definition's opening label: "Interval: 6 half steps." (not "A = L + E", nor a sentence with a colon).
_LABEL = re.compile(r"\s*([A-Z][^\W\d_]*(?:\s+[^\W\d_]+){0,2}):\s+\S")


def _shield(text: str, phrases: Sequence[str]) -> tuple[str, Callable[[str], str]]:
    """``text`` with each of ``phrases`` (whole words, any case) held by a mark no masking touches, and
    the function that puts them back in a masked text."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(0))
        return chr(_MARK + len(held) - 1)

    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(w) for w in phrase.split())
        text = re.sub(rf"(?<!\w){pattern}(?!\w)", hold, text, flags=re.IGNORECASE)

    def restore(masked: str) -> str:
        return re.sub(r"[\ue000-\uf8ff]", lambda m: held[ord(m.group(0)) - _MARK], masked) if held else masked

    return text, restore


#: The first private-use character: a shielded phrase's mark (``_shield``).
_MARK = 0xE000


def _contains(entry: Entry, other: Entry) -> bool:
    """Whether ``entry``'s definition names ``other`` (as ``mask_names`` finds a name: "A = L + E /
    DEAR-CLIP" names DEAR-CLIP), or a name of ``entry`` holds a name of ``other`` as whole words ("Contra
    Asset Account" holds neither Asset nor Contra Account; "Network firewall" holds Firewall): what is
    said of ``other`` may then be said of ``entry`` too."""
    folded = entry.definition.casefold()
    # a name's first letters missing from the definition: it cannot name it (mask_names is the slow part)
    if any(w[:4] in folded for n in other.names for w in _words(n)[:1]) and _names_any(
        _readable(entry.definition), other.names
    ):
        return True
    theirs = [" ".join(_words(n)) for n in other.names]
    return any(
        re.search(rf"(?<!\S){re.escape(t)}(?!\S)", " ".join(_words(name)))
        for name in entry.names
        for t in theirs
        if t
    )


def _kind_of(entry: Entry, other: Entry) -> bool:
    """Whether a name of ``entry`` is a name of ``other`` with words before it (its head noun and more),
    or the same words in other forms ("Positions" and Positioning, "Hedonists" and Hedonism)."""
    theirs = [_words(n) for n in other.names]
    for name in entry.names:
        mine = _words(name)
        if any(0 < len(t) < len(mine) and mine[-len(t) :] == t for t in theirs):
            return True
        if any(len(t) == len(mine) and all(map(_one_word, mine, t)) for t in theirs):
            return True
    return False


def _one_head(name: str, other: str) -> bool:
    """Whether two names of two words or more end on one head noun ("Block Grants", "Project Grants")."""
    mine, theirs = _words(name), _words(other)
    return len(mine) > 1 and len(theirs) > 1 and _one_word(mine[-1], theirs[-1])


def _one_word(word: str, other: str) -> bool:
    """Whether two lower-case words of names are one word's forms: "cost" and "costs", "positions" and
    "positioning", "hedonists" and "hedonism" (not "term0" and "term1", nor "psychological" and
    "psychographic")."""
    if word == other or word.rstrip("s") == other.rstrip("s"):
        return True
    pairs = zip(word, other, strict=False)
    shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(word), len(other)))
    return word.isalpha() and other.isalpha() and shared >= max(5, min(len(word), len(other)) - 2)


def _words(name: str) -> list[str]:
    """A name's words, lower case, hyphens and slashes as spaces."""
    return re.findall(r"[^\W_]+", name.casefold())


#: A word that tells numbered or lettered kinds apart: a roman numeral, a number or one letter.
_MARKER = re.compile(r"[ivx]{1,4}|\d{1,3}|[a-z]")


def _names_any(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``names`` (as ``mask_names`` would find it)."""
    return mask_names(text, names, single_words=False) != text


#: Words never hidden as a word of a term: they say nothing about which term is meant.
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "of",
        "the",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "or",
        "is",
        "as",
        "vs",
    ]
)


#: Words two names may share in one place without being built alike ("Writ of Habeas Corpus", "Consent of
#: the Governed"); "vs" stays: it makes names of one build ("X vs Y").
_FILLERS = _SMALL_WORDS - {"vs"}


def _distinct(items: Iterable[str], count: int) -> bool:
    """Whether ``items`` holds ``count`` different ones (stops looking once it has)."""
    seen: set[str] = set()
    for item in items:
        seen.add(item)
        if len(seen) >= count:
            return True
    return False


def _has_blank(text: str) -> bool:
    return BLANK in text


def _shape(text: str) -> tuple[bool, str, int]:
    """What an option of definitions shows at a glance: blanks or none, its kind ("to": an action, "To
    learn", "To hear, to listen", as a verb's gloss among nouns' stands out; "=": a formula, "A = L + E",
    which stands out among sentences; "" the rest) and its size: a word or two (0: "China.", "____
    Vorbis"), a phrase (1: up to 6 words) or a sentence (2)."""
    words = len(re.findall(r"[^\W_]+", text.replace(BLANK, " ")))
    kind = ""
    if re.match(r"\s*to\s+[^\W\d_]", text, re.IGNORECASE):
        kind = "to"
    elif _FORMULA_SIGN.search(text) and not _TWO_WORDS.search(text):
        kind = "="
    return _has_blank(text), kind, 0 if words <= 2 else 1 if words <= 6 else 2


#: An operator of a formula.
_FORMULA_SIGN = re.compile(r"[=+×÷<>≤≥±*/]|\s[-−]\s")
#: Two words of three letters or more in a row: words, not a formula ("Minor third + minor third").
_TWO_WORDS = re.compile(r"[^\W\d_]{3,}\s+[^\W\d_]{3,}")


def _unlike(shape: tuple[bool, str, int], other: tuple[bool, str, int]) -> int:
    """How far apart two options' ``_shape`` are: 0 alike, 1 a size apart (a phrase among words or among
    sentences passes), more stands out."""
    return 2 * (shape[0] != other[0]) + 2 * (shape[1] != other[1]) + abs(shape[2] - other[2])


def _meaning_prompt(entry: Entry) -> str:
    """The question above options of definitions: "What does **TERM** mean?", or where the term is a
    person's name (``people.is_person``: a person means nothing) or the definition lists facts rather than
    saying what the term means (a person's "Verstehen; Bureaucracy; Protestant Ethic", a treaty's
    "Climate Change."), "Which of these describes **TERM**?"."""
    if _lists_facts(entry.definition) or is_person(entry.term):
        return f"Which of these describes **{entry.term}**?"
    return f"What does **{entry.term}** mean?"


def _lists_facts(definition: str) -> bool:
    """Whether a definition is short capitalised labels (brackets aside) parted by semicolons, commas or
    full stops, each of four words at most and none opening with an article or "To": "Father of
    Sociology; Positivism", "Democracy (Athens), Olympics (776 BC), Philosophy." (not "The house" nor
    "Home", glosses, nor "Arena of inequality; power struggles over resources")."""
    readable = _readable(definition)
    text = re.sub(r"\([^()]*\)", " ", readable)
    parts = [p.split() for p in re.split(r"[;,.]", text) if p.strip()]
    if len(parts) == 1 and len(parts[0]) == 1 and text == readable:
        return False  # one word is a gloss ("Home" of La Casa): what it means
    return bool(parts) and all(
        len(words) <= 4 and words[0][0].isupper() and words[0].casefold() not in ("the", "a", "an", "to")
        for words in parts
    )


def option_is_list(text: str) -> bool:
    """Whether an option of definitions is a list of labels rather than a sentence: two or more parts
    parted by commas or semicolons (an "&" or "and" opening one aside), each of four words at most,
    brackets aside, and opening with a capital, not an article nor "To": "Asymmetric Encryption (Private
    Key), MAC/MIC, & Digital Signature", "Verstehen; Bureaucracy; Protestant Ethic" (not "Fast, not
    patented", "To hear, to listen", nor "Port 143", one label)."""
    plain = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", _readable(text)).strip().rstrip(".")
    parts = [re.sub(r"^(?:&|and\b|or\b)\s*", "", p.strip()).split() for p in re.split(r"[;,]", plain)]
    parts = [words for words in parts if words]
    return len(parts) >= 2 and all(
        len(words) <= 4
        and (words[0][0].isupper() or words[0][0].isdigit())
        and words[0].casefold() not in ("the", "a", "an", "to")
        for words in parts
    )


def _category(topic: Topic) -> bool:
    """Whether a topic's title names a kind of thing in the plural ("Revolutions", "Important Treaties",
    "Types of Rocks"), so its entries are things of that kind (not "Thermal Physics", "Rock Cycle")."""
    words = re.findall(r"[^\W\d_]+", topic.title)
    last = words[-1].casefold() if words else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "ics", "ous"))


def _topic_distance(topic: Topic, other: Topic) -> float:
    """How far apart two topics are as a source of options, counted like ``_unlike`` misses: 0 the same
    topic, 1.5 another file of its folder, 2.5 farther. Not whole numbers, so a same-topic option a word or
    a size apart (1) beats a like one of a sibling topic, and a sibling's like one beats a same-topic
    option that stands out (2: blanks among none, an acronym among words)."""
    if other == topic:
        return 0.0
    return 1.5 if other.path.parent == topic.path.parent else 2.5


def _term_shape(term: str) -> tuple[bool, int, str, bool]:
    """An acronym or words, how many words, a symbol's form (a file extension ".wav", a call "Update()")
    and whether it opens with a capital: options of one question look alike ("Biodiversity" stands out
    among herbivore, scavenger and producer)."""
    parts = term.split()
    form = "." if term.startswith(".") else "()" if term.endswith("()") else ""
    acronym = len(parts) == 1 and sum(ch.isupper() for ch in term) >= 2
    return (acronym, min(len(parts), 3), form, term[:1].isupper())


#: A leading article: the term is a noun ("La Casa", "El Proyecto", "The Renaissance").
_ARTICLE = re.compile(r"(?:the|el|la|los|las|le|les|der|die|das)\s+\S", re.IGNORECASE)
#: Endings of English adjectives ("Industrialised", "Permeable", "Residential", "Dangerous").
_ADJECTIVE = re.compile(r"(?:[^e]ed|ised|ized|able|ible|ous|ful|less|ential)$")
#: An action: a verb in lower case, then an article ("invert a triad", "augment an interval").
_ACTION = re.compile(r"[a-z]+\s+(?:a|an|the)\s+\S")


def _paired(term: str) -> bool:
    """Whether a term writes two forms or names of one thing with a slash or comma: "das Blatt/die Blätter",
    "der Bauer, die Bauern", "Figure/Ground" (not "TCP/IP", one acronym, nor "A, B and C", a list)."""
    return bool(re.search(r"[^\W\d_]{2,}\s*(?:/|,)\s*[^\W\d_]{2,}", term)) and not _LETTERS_ACRONYM.fullmatch(
        term
    )


@lru_cache(maxsize=4096)
def _term_kind(term: str) -> tuple[bool, bool, bool, bool]:
    """What kind of thing a term names, as its words tell: a person's name (``people.is_person``), a
    noun after an article, a one-word adjective, an action. Options of one question are of one kind:
    "Industrialised" and "Permeable" stand out among Vineyard and Gradient for "Where grapes are grown",
    as "Karl Marx" would among Anomie and Positivism, and "Take the lowest note ..." (invert a triad)
    beside "The role of a chord ..."."""
    words = term.split()
    adjective = len(words) == 1 and bool(_ADJECTIVE.search(term.casefold()))
    return (is_person(term), bool(_ARTICLE.match(term)), adjective, bool(_ACTION.match(term)))


def _kind_misses(kind: tuple[bool, bool, bool, bool], other: tuple[bool, bool, bool, bool]) -> int:
    """How many ways an option's ``_term_kind`` differs from the right one's (0 to 4). A term without an
    article may be a noun too ("Ayuda", help): only a noun after an article wants nouns after one."""
    person, article, adjective, action = kind
    return (person != other[0]) + (article and not other[1]) + (adjective != other[2]) + (action != other[3])


def _common_words(entries: Sequence[Entry]) -> frozenset[str]:
    """Lower-case words that many entries use (in their names or definitions): not worth blanking."""
    if len(entries) < 4:
        return frozenset()
    counts: dict[str, int] = {}
    for entry in entries:
        text = " ".join([*entry.names, entry.definition]).casefold()
        for word in set(re.findall(r"[^\W\d_]{3,}", text)):
            counts[word] = counts.get(word, 0) + 1
    least = max(3, math.ceil(len(entries) * 0.1))
    return frozenset(word for word, n in counts.items() if n >= least)


_WEIGHTS = {
    QuestionKind.WHICH_TERM: 1.0,
    QuestionKind.MEANING: 3.0,
    QuestionKind.PICK_TERM: 2.0,
    QuestionKind.EXAMPLE: 2.0,
    QuestionKind.TRUE_FALSE: 1.0,
}
