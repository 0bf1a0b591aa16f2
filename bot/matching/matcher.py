"""The look-up engine: one matcher for questions, autocomplete and "did you mean".

``Matcher(kb)`` builds its indexes once (the prefix and description indexes on their first use,
or all at once with ``prepare()``, which may run in a worker thread):

* the name index (``names_index``): every term and alias under its name key (case, Unicode
  look-alikes, plurals, British spellings, Roman numerals and short forms folded away, see
  ``bot.matching.text``);
* the typo search (``typos``): a deletion neighbourhood over the names' words, so rapidfuzz only
  scores a few hundred candidates of about the right length;
* the prefix indexes (``prefix``) of terms, of aliases and of the words inside names;
* the description index (``bm25``): field-weighted BM25 over stemmed names, definitions and details.

A look-up strips the question frame (``query``), tries an exact hit, then a fuzzy name match,
then the description index; the ``policy`` decides what is confident enough to answer, otherwise
it refuses with up to three suggestions. A wrong definition is worse than none.
"""

from __future__ import annotations

import itertools
import logging
import re
from typing import TYPE_CHECKING

from bot.knowledge import Entry, KnowledgeBase
from bot.matching import policy
from bot.matching.bm25 import DescriptionIndex
from bot.matching.names import canonical, key_of, name_key, plural_of_key, tokens
from bot.matching.names_index import NameIndex, without_article
from bot.matching.prefix import PrefixIndex
from bot.matching.query import (
    CHATTER_STARTS,
    FIELDS,
    ParsedQuery,
    QueryContext,
    alternative_sides,
    comparison_sides,
    parse_query,
    subjects_of,
)
from bot.matching.results import Answer, NotFound, Result, Suggestion
from bot.matching.text import STOPWORDS, content_stems, noun_forms, singular, stem, words
from bot.matching.translation import LANGUAGES, GlossIndex, asked_meaning, is_word_of, named_languages
from bot.matching.typos import TypoSearch, zipf
from bot.matching.units import UnitIndex
from bot.matching.variants import (
    KEPT_IN_QUESTIONS,
    AcronymIndex,
    ExampleIndex,
    InitialsIndex,
    LooseIndex,
    contracted,
    genus_words,
    is_acronym,
    is_of_kind,
    without_head,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

#: The longest question read, in characters: above the loader's longest name (``MAX_NAME_CHARS``, 12,000),
#: so every name the notes may hold is read whole inside a question frame; the rest of a longer text is
#: ignored, so a pasted book costs seconds instead of minutes of CPU (a Discord message holds 4,000).
MAX_QUERY_CHARS = 16_000

#: The longest detail label, in words, read as the name of a kind ("Density-dependent limiting factors:").
_KIND_LABEL_WORDS = 5


class Matcher:
    """Indexes a knowledge base once; answers look-ups and completions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._entries: list[Entry] = list(kb.entries)
        subjects = subjects_of(kb)
        self._context = QueryContext.of_subjects(subjects)
        self._subject_words = frozenset(w for subject in subjects for w in canonical(tokens(subject)))
        self._names = NameIndex(self._entries)
        self._typos = TypoSearch(self._names)
        self._prefixes = PrefixIndex(self._names.take_prefix_lists())
        self._descriptions = DescriptionIndex(self._entries, *self._names.take_description_lists())
        self._loose_index: LooseIndex | None = None  # built on first use, like the prefixes
        self._example_index: ExampleIndex | None = None
        self._initials_index: InitialsIndex | None = None
        self._acronym_index: AcronymIndex | None = None
        self._gloss_index: GlossIndex | None = None
        self._unit_index: UnitIndex | None = None
        self._label_stems: frozenset[str] | None = None
        self._labelled_kinds: dict[str, set[int]] | None = None  # detail label key -> entries, on first use
        self._denies_nothing = bytearray(len(self._entries))  # 1: the entry's definition denies no word
        #: The rest of the indexes, when still being read (``bot.index_cache``): set once they are in place.
        self._pending: Future[None] | None = None
        log.debug(
            "indexed %d entries, %d names, %d words",
            len(self._entries),
            len(self._names.names),
            self._typos.word_count,
        )

    #: The attributes an exact answer needs (``exact``, a question naming a term or alias exactly):
    #: the index cache reads these first and the rest (``deferred``) in the background.
    CORE_STATE = ("kb", "_entries", "_context", "_names", "_denies_nothing")

    def __getstate__(self) -> dict[str, object]:
        self.wait_ready()
        return {name: value for name, value in self.__dict__.items() if name != "_pending"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._pending = None

    @classmethod
    def deferred(cls, core: dict[str, object], rest: Future[None] | None) -> Matcher:
        """A matcher of the ``CORE_STATE`` attributes only, whose other indexes ``rest`` puts in place
        (``complete_state``) and then resolves. Meanwhile ``exact`` and an exact ``lookup`` answer at
        once; every other look-up waits for ``rest`` (and raises what it raises). ``rest`` None: the
        caller calls ``complete_state`` before using the matcher."""
        matcher = cls.__new__(cls)
        matcher.__dict__.update(core)
        matcher._pending = rest
        return matcher

    def rest_state(self) -> dict[str, object]:
        """The attributes not in ``CORE_STATE`` (every index built), for the index cache."""
        return {name: value for name, value in self.__getstate__().items() if name not in self.CORE_STATE}

    def complete_state(self, rest: dict[str, object]) -> None:
        """Put ``rest`` (a ``rest_state`` of the same notes) in place; the caller resolves the future."""
        self.__dict__.update(rest)

    def wait_ready(self) -> None:
        """Block until every index is in place (at once unless read in the background)."""
        pending = self._pending
        if pending is not None:
            pending.result()
            self._pending = None

    def prepare(self) -> None:
        """Build now the indexes otherwise built on first use (prefixes, descriptions, name variants,
        glosses, units, detail labels): the index cache then holds every one, so no question asked after
        a start-up builds any (at 100,000 terms the gloss index alone is 11 s of CPU).

        Safe to run in a worker thread (``asyncio.to_thread``) while look-ups go on.
        """
        self.wait_ready()
        self._prefixes.indexes()
        self._descriptions.prepare()
        self._loose()
        self._examples()
        self._initials()
        self._acronyms()
        self._labels()
        self._glosses()
        self._units()
        self._labelled()

    def _labels(self) -> frozenset[str]:
        """The stems of every label of the notes' details (``policy.detail_labels``)."""
        labels = self._label_stems
        if labels is None:
            labels = self._label_stems = frozenset().union(*map(policy.detail_labels, self._entries))
        return labels

    def _loose(self) -> LooseIndex:
        index = self._loose_index
        if index is None:
            index = self._loose_index = LooseIndex(self._entries, self._in_notes, self._typos.slip_of_a_word)
        return index

    def _in_notes(self, word: str) -> bool:
        """Whether any entry's names, definition or details use ``word`` (as its stems)."""
        stems = content_stems(word)
        return bool(stems) and all(self._descriptions.document_count(s) > 0 for s in stems)

    def _examples(self) -> ExampleIndex:
        index = self._example_index
        if index is None:
            index = self._example_index = ExampleIndex(self._entries, self._names.exact)
        return index

    def _initials(self) -> InitialsIndex:
        index = self._initials_index
        if index is None:
            index = self._initials_index = InitialsIndex(self._entries, self._names.exact)
        return index

    def _acronyms(self) -> AcronymIndex:
        index = self._acronym_index
        if index is None:
            index = self._acronym_index = AcronymIndex(self._entries)
        return index

    def _glosses(self) -> GlossIndex:
        index = self._gloss_index
        if index is None:
            index = self._gloss_index = GlossIndex(self._entries)
        return index

    def _units(self) -> UnitIndex:
        index = self._unit_index
        if index is None:
            index = self._unit_index = UnitIndex(self._entries)
        return index

    def _labelled(self) -> dict[str, set[int]]:
        """Detail label key -> the entries with a detail so labelled (``_kind_labelled``)."""
        labelled = self._labelled_kinds
        if labelled is None:
            labelled = {}
            for index, entry in enumerate(self._entries):
                for detail in entry.details:
                    label, colon, _ = detail.partition(":")
                    if colon and 0 < len(label.split()) <= _KIND_LABEL_WORDS:
                        labelled.setdefault(key_of(label), set()).add(index)
            self._labelled_kinds = labelled
        return labelled

    def _translated(self, text: str, parsed: ParsedQuery) -> Answer | NotFound | None:
        """The entry a vocabulary question asks for: the word for a meaning its definition opens with
        ("how do you say smile in spanish"), or a word the notes list asked "in English"; NotFound when
        the question names a language the entry's word is not in and the notes never name."""
        if LANGUAGES.isdisjoint(parsed.tokens):
            return None
        meaning = asked_meaning(text)
        if meaning is None:
            return None
        found = self._glosses().hit(meaning)
        if found is not None:
            answer = Answer(text, self._entries[found], 85.0, "description")
        else:
            hit = self._names.exact_hit(key_of(meaning))
            if hit is None:
                return None
            answer = Answer(text, self._names.entry(hit), 90.0, "name")
        languages = named_languages(parsed.tokens)
        if languages and not all(self._in_language(answer.entry, language) for language in languages):
            return NotFound(text)  # "how do you say spoon in Spanish" in German notes: never der Löffel
        return answer

    def _in_language(self, entry: Entry, language: str) -> bool:
        """Whether ``entry``'s word can be the answer in ``language``: the notes name that language (a
        title, file name or text says "German"), or a word of the entry's name is a word of it."""
        if self._names_itself(language):
            return True
        bare = without_article(entry.term) or entry.term  # "der Löffel": "der" is a word of French too
        said = (w.strip(".,;:!?'\"()") for w in bare.casefold().split())  # as written: "löffel", not "loffel"
        return any(is_word_of(word, language) for word in said if word and word not in STOPWORDS)

    def _initialism(self, plain: str) -> int | None:
        """The entry whose unwritten initials a question types, whole or in parts ("mitm", "sd-wan")."""
        said = plain.split()
        if len(said) == 1 or (1 < len(said) <= 3 and all(len(w) <= 4 and w.isalpha() for w in said)):
            return self._initials().hit("".join(said))
        return None

    def _spelled_out(self, plain: str) -> int | None:
        """The entry a question names by writing out an acronym: the notes' acronym spelled out ("mean
        time between failures" -> MTBF), a name's acronym with the rest of it ("business to business
        marketing" -> B2B marketing) or another entry's acronym inside a name written out ("software
        defined wan" -> Software-Defined Wide Area Network); None if none or ambiguous.

        A spelled-out acronym needs half the question's words in the entry's own text too: initials
        alone meet by chance in large notes.
        """
        said = plain.split()
        acronyms = self._acronyms()
        hits = map(self._names.exact_hit, map(key_of, contracted(said, acronyms.inside)))
        entries = {self._names.name_entry[hit] for hit in hits if hit is not None}
        if len(entries) == 1:  # "business to business marketing" is B2B marketing
            return entries.pop()
        found = acronyms.spelled_out(said)
        if found is not None:
            entry = self._entries[found]
            own = set(content_stems(" ".join((*entry.names, entry.definition, *entry.details))))
            asked = set(content_stems(plain))
            if asked and 2 * len(asked & own) >= len(asked):
                return found
        expanded = acronyms.expand(said)
        if expanded is None:
            return None
        key = name_key(expanded)
        hit = self._names.exact_hit(key)
        return self._names.name_entry[hit] if hit is not None else self._loose().hit(key)

    def exact(self, text: str) -> Entry | None:
        """The entry ``text`` names exactly in the name model, as a whole or once its question frame
        is stripped ("what's a type 2 hypervisor?"); None if none or ambiguous.

        The quiz's ``AnswerChecker`` accepts exactly these texts as right typed answers.
        """
        hit = self._exact_name(text, parse_query(text, self._context))
        return None if hit is None else self._names.entry(hit)

    def _exact_name(self, text: str, parsed: ParsedQuery) -> int | None:
        """The name index ``text`` names exactly, whole (a name that looks like a question) or its core."""
        names = self._names
        whole = key_of(text)
        if whole and whole != parsed.key:
            hit = names.exact_hit(whole)
            if hit is not None:
                return hit
        if plural_of_key(parsed.plain, parsed.key):
            hit = names.exact_hit(parsed.plain)  # "https" is HTTPS when the notes have it, not HTTP
            if hit is not None:
                return hit
        return names.exact_hit(parsed.key, parsed.plain) if parsed.key else None

    def lookup(self, text: str) -> Result:
        """Answer a question or a term, or refuse with suggestions.

        In order: a comparison of two entries ("X vs Y"), an operator asked about ("what does %>% do"), the
        name (exact, then written another way), an example the notes list under one entry, a name's
        initials, a fuzzy name, a name written shorter or longer (a word of its definition or topic title
        in front, an inner word left out, the last word cut short, an acronym spelled out), a
        description, a question about a named entry's property ("what is X vulnerable to"); otherwise a
        refusal with suggestions.
        Only the first :data:`MAX_QUERY_CHARS` characters of ``text`` are read.

        An entry the importer was unsure of (it carries ``# check:`` notes) is not given for one of the
        kinds its own points list ("psychological egoism" is not a doubtful "Egoism" whose first point
        is "psychological"): it is offered as a suggestion instead.
        """
        text = text[:MAX_QUERY_CHARS]
        if self._pending is not None:
            early = self._exactly_named(text)
            if early is not None:
                return early
            self.wait_ready()
        result = self._lookup(text)
        if isinstance(result, Answer) and not result.also and result.entry.checks:
            parsed = parse_query(text, self._context)
            if self._exact_name(text, parsed) is None and _kind_of(text, result.entry):
                return NotFound(text, (Suggestion(result.entry, min(result.score, 80.0)),))
        return result

    def _exactly_named(self, text: str) -> Result | None:
        """``lookup``'s result when ``text`` names a term or alias exactly and is no comparison nor an
        operator asked about (the name index alone answers it); None otherwise."""
        parsed = parse_query(text, self._context)
        if not parsed.key or comparison_sides(text) is not None or _asks_operator(text, parsed):
            return None
        hit = self._exact_name(text, parsed)
        return None if hit is None else self._answer_named(text, parsed, hit)

    def _answer_named(self, text: str, parsed: ParsedQuery, hit: int) -> Result:
        """The answer for the name ``hit`` that ``text`` names."""
        entry = self._names.entry(hit)
        if _acronym_plus_s(text, parsed.plain, parsed.key, entry):
            return NotFound(text, (Suggestion(entry, 90.0),))  # "ftps" is not more than one FTP
        via = "name" if self._names.name_is_term[hit] else "alias"
        return Answer(text, entry, 100.0, via)

    def _lookup(self, text: str) -> Result:
        """``lookup`` before doubtful entries are held back."""
        parsed = parse_query(text, self._context)
        compared = self._comparison(text) if parsed.key else None
        if isinstance(compared, Answer):  # before the names: "HTTP vs HTTPS" shows both entries
            return compared
        names = self._names
        hit = self._exact_name(text, parsed)
        if hit is None and compared is None and parsed.key:
            offered = self._alternatives(text)  # "element or compound", never a name with "or" in it
            if offered is not None:
                return offered
        said = parsed.key.split()
        operator = _asks_operator(text, parsed)
        if operator or (hit is None and not said):
            # "%>%", "what does => do": an operator asked about, never the "do" left around it (DoS)
            return policy.symbol_inside(self._entries, text) or NotFound(text)
        as_typed = _as_typed(parsed.plain, parsed.key)
        if hit is None and as_typed:
            hit = names.exact_hit(as_typed)  # "cas latency" is CAS Latency: an acronym's s is no plural
        if hit is None and parsed.key:
            # "schön" is Schön, not Schon; "Moebel" is Möbel
            hit = names.spelt_hit(parsed.key, text)
            if hit is None:
                hit = names.umlaut_hit(parsed.key)
        if hit is None:
            hit = policy.generic_tail_hit(names, self._descriptions, parsed.key)
        if hit is not None:
            return self._answer_named(text, parsed, hit)
        translated = self._translated(text, parsed)
        if translated is not None:
            return translated
        loose = self._loose()
        found = loose.hit(parsed.key)
        if found is None and as_typed:
            found = loose.hit(as_typed)
        if found is not None:
            return Answer(text, self._entries[found], 95.0, "variant")
        example = self._examples().hit(parsed.key)
        if example is not None:
            return Answer(text, self._entries[example[0]], 95.0, "example", example=example[1])
        found = self._units().hit(parsed.key)
        if found is not None:  # "candela", "what is measured in moles": the quantity the notes give it to
            return Answer(text, self._entries[found], 85.0, "property")
        if parsed.plain:
            found = self._initialism(parsed.plain)  # "mitm": Man-in-the-Middle's initials
            if found is not None:
                return Answer(text, self._entries[found], 90.0, "variant")
        scored = self._typos.fuzzy_names(parsed.key)
        answer = policy.confident_fuzzy(self._typos, text, parsed.key, scored, parsed.plain)
        headless = without_head(parsed.key) if answer is None else None
        if headless is not None:  # "sedimentary rock": a typo of the notes' name, a kind word after it
            answer = policy.confident_fuzzy(self._typos, text, headless, self._typos.fuzzy_names(headless))
            if answer is not None and not self._loose().may_drop(answer.entry, parsed.key.split()[-1]):
                answer = None  # "community service" is no Community
        if answer is not None:
            return answer
        found = loose.hit_dropping_a_word(parsed.key)
        if found is None and as_typed:
            found = loose.hit_dropping_a_word(as_typed)  # "dns cache poisoning": DNS, not DN
        if found is None:
            found = self._qualified(parsed.key)
        if found is None:
            found = self._subject_first(parsed.key)
        if found is None:
            found = self._shared_head_added(parsed.key)
        if found is None:
            found = loose.hit_missing_a_word(parsed.key)
        if found is None:
            found = loose.hit_cut_short(parsed.key)
        if found is None and not as_typed:  # "phonetics" is no Phonetic language: "-s" was typed
            found = self._kind_left_out(parsed.key)
        if found is None:
            found = self._kind_renamed(parsed.key)
        if found is None:
            found = self._head_dropped(parsed.key)
        if found is None:
            found = self._head_added(parsed.key)
        if found is None and parsed.plain:
            found = self._spelled_out(parsed.plain)
        if found is not None:
            return Answer(text, self._entries[found], 85.0, "variant")
        found = policy.property_of(names, loose, self._entries, parsed)
        if found is None:
            found = policy.labelled_property(names, loose, parsed, self._labels())
        if found is not None:
            return Answer(text, self._entries[found], 80.0, "property")
        if compared is not None:  # a comparison of things the notes do not both name: never guess one
            return NotFound(text, compared)
        descriptions = self._descriptions
        ranked, coverage = descriptions.rank(descriptions.question_stems(parsed.core or parsed.tokens))
        # an entry whose definition denies what the question says is no answer ("not available")
        answerable = policy.without_contradicted(ranked, parsed.tokens, self._denied)
        answer = policy.confident_description(descriptions, self._entries, text, parsed, answerable, coverage)
        if answer is None:
            answer = policy.contained_description(self._entries, text, parsed, answerable, names)
        if answer is not None and policy.asks_about_another(names, parsed, answer.entry):
            # "where do sedimentary rocks form": about the entry it names, if it asks something of it
            inside = policy.named_inside(names, loose, self._entries, text, parsed)
            if inside is None or inside.entry is answer.entry:
                return NotFound(text, policy.suggestions(names, scored, ranked, coverage))
            answer = inside
        elif answer is not None and policy.evidence_is_weak(
            names, descriptions, parsed, answer, self._entries
        ):
            # refused with suggestions, not answered by a name inside: never a confident wrong answer
            return NotFound(text, policy.suggestions(names, scored, ranked, coverage))
        if answer is None:
            answer = policy.named_inside(names, loose, self._entries, text, parsed)
        if answer is None:
            answer = policy.symbol_inside(self._entries, text)
        if answer is not None and answer.via in ("property", "description"):
            # "is virtualbox a type 1 hypervisor": the notes list VirtualBox under Type II, never "yes"
            answer = self._example_of_kind(parsed, answer)
        if answer is not None and (
            _names_another(text, answer.entry)
            or (answer.via == "description" and self._qualified_unknown(parsed.plain, answer.entry))
        ):
            # "what port does ftps use" is about FTPS, which the notes lack, not about FTP
            return NotFound(text, (Suggestion(answer.entry, 80.0),))
        if answer is not None and answer.via in _QUALIFIABLE and self._foreign_qualifier(text, answer.entry):
            # "what is the nucleus of an atom": the word in a subject the notes never speak of
            return NotFound(text, (Suggestion(answer.entry, 60.0),))
        if (
            answer is not None
            and answer.via == "description"
            and (_mentioned_inside(text, answer.entry) or _another_kind_named(text, answer.entry))
        ):
            # "what is cost of goods sold": a thing the definition names among others, not this entry
            return NotFound(text, (Suggestion(answer.entry, 60.0),))
        if answer is not None and answer.via == "description":
            holder = self._kind_labelled(parsed.key, answer.entry)
            if holder is not None:  # a kind another entry defines, which this definition only mentions
                return NotFound(text, (Suggestion(holder, 80.0), Suggestion(answer.entry, 60.0)))
        if answer is not None:
            return answer
        return NotFound(text, policy.suggestions(names, scored, ranked, coverage))

    def _denied(self, index: int) -> frozenset[str]:
        """The stems entry ``index``'s definition denies (``policy.denied_stems``); an entry found to deny
        none is remembered, so most definitions are read once."""
        if self._denies_nothing[index]:
            return _NOTHING
        denied = frozenset(policy.denied_stems(self._entries[index].definition))
        if not denied:
            self._denies_nothing[index] = 1
        return denied

    def _kind_labelled(self, key: str, answer: Entry) -> Entry | None:
        """The one entry other than ``answer`` that gives the name ``key`` as the label of a detail
        ("Density-dependent limiting factors: ..." under Limiting factors), or None.

        Such a name is a kind that entry defines: a definition elsewhere that uses the name ("when a
        population experiences density-dependent limiting factors") does not say what it is.
        """
        holders = [self._entries[i] for i in self._labelled().get(key, ())]
        if len(holders) != 1 or holders[0] is answer:
            return None
        return holders[0]

    def _foreign_qualifier(self, text: str, entry: Entry) -> bool:
        """Whether ``text`` puts what it asks about in a setting the notes never mention: after a word
        of its own, a preposition ("of", "in", ...) and words none of which any entry, nor ``entry``'s
        topic, uses ("the nucleus of an atom", "elasticity in physics", "live migration of birds"), or
        only names of fields (``FIELDS``) that are not the notes' subject (``subjects_of``)."""
        said = words(text)
        for at, word in enumerate(said):
            if word not in _QUALIFIER_OPENERS:
                continue
            if not any(w not in STOPWORDS for w in said[:at]):
                continue
            rest = [w for w in said[at + 1 :] if w not in STOPWORDS and not w.isdigit()]
            if rest and all(w in FIELDS and not self._names_itself(w) for w in rest):
                return True  # "vector in physics" in notes on R, though "physical" shares the stem
            stems = self._descriptions.stems(content_stems(" ".join(rest))) if rest else []
            if not stems:
                return False
            topic = set(self._descriptions.stems(content_stems(entry.topic.title)))
            return all(self._descriptions.document_count(s) == 0 and s not in topic for s in stems)
        return False

    def _names_itself(self, word: str) -> bool:
        """Whether the notes name ``word`` as their own subject or setting: a word of their titles or file
        names (``subjects_of``), or a word some entry writes (``_says``): "economics" in economics notes,
        "german" in notes that say German."""
        return word in self._subject_words or self._says(word)

    def _says(self, word: str) -> bool:
        """Whether some entry's names, definition or details write ``word`` itself (or its plural), not
        only a word of the same stem ("physical" does not say "physics"). Reads at most
        :data:`_SAYS_READ` entries: a stem that many use is taken as said."""
        documents = [d for s in content_stems(word) for d in self._descriptions.documents(s)]
        if len(documents) > _SAYS_READ:
            return True
        forms = {word, f"{word}s"}
        for index in documents:
            entry = self._entries[index]
            if not forms.isdisjoint(words(" ".join((*entry.names, entry.definition, *entry.details)))):
                return True
        return False

    def _qualified_unknown(self, plain: str, entry: Entry) -> bool:
        """Whether the question writes one of ``entry``'s names of 2+ words after a word that the notes never
        use: "ssh file transfer protocol" names SFTP, another protocol, not File Transfer Protocol."""
        said = plain.split()  # as typed: "does" is no plural of a "doe"
        for name in entry.names:
            named = name_key(tokens(name))
            size = len(named.split())
            if size < 2 or size >= len(said):  # an acronym alone is asked about ("what port does ftp use")
                continue
            for start in range(len(said) - size + 1):
                if name_key(said[start : start + size]) != named:
                    continue
                if start == 0:
                    continue
                # the word in front only: a verb after the name asks about it ("... overflow write into")
                word = said[start - 1]
                if word in STOPWORDS or len(word) < 2:
                    continue
                stems = self._descriptions.stems(content_stems(word))
                if stems and all(self._descriptions.document_count(s) == 0 for s in stems):
                    return True
        return False

    def _example_of_kind(self, parsed: ParsedQuery, answer: Answer) -> Answer:
        """ "is OpenVZ a hypervisor": when the thing asked about is an example the notes list, the answer
        is the entry it is an example of (said as such), never the kind's entry, which reads as "yes"."""
        tokens = parsed.tokens
        if len(tokens) < 4 or tokens[0] not in {"is", "are"}:
            return answer
        for end in range(2, min(len(tokens), 6)):
            if tokens[end] in {"a", "an"}:
                example = self._examples().hit(name_key(tokens[1:end]))
                if example is not None:
                    entry, name = self._entries[example[0]], example[1]
                    return Answer(answer.query, entry, 90.0, "example", example=name)
                break
        return answer

    def _qualified(self, key: str) -> int | None:
        """The entry a name plus one word of its own definition names ("password spraying" -> Spraying).

        "trojan horse" is Trojans when its definition says "horse" (a word after the name must be rare in
        the notes); a "container ship" is no container.
        """
        tokens = key.split()
        if len(tokens) < 2:
            return None
        kind = self._of_its_kind(key)
        if kind is not None:  # that reading wins over a qualifier in front ("behavioral segmentation")
            return kind
        found: set[int] = set()
        for name_part, extra, before in ((tokens[1:], tokens[0], True), (tokens[:-1], tokens[-1], False)):
            if extra in STOPWORDS or extra.isdigit() or len(extra) < 3:
                continue
            hit = self._names.exact_hit(" ".join(name_part))
            index = self._names.name_entry[hit] if hit is not None else None
            if index is None and len(name_part) == 1:  # "password spray": Spraying in another word form
                index = self._loose().hit_word_form(name_part[0])
            if index is None:
                continue
            short = self._by_own_acronym(index, extra, before)
            if short is not None:  # "application load balancer" is Application LB where LB is Load Balancer
                return short
            if before and _lists_kinds(self._entries[index], name_part):
                # "curvilinear shape" where Shape's text says "A curvilinear shape ..., an abstract shape
                # ...": one of the kinds it describes, which the notes do not define as an entry
                continue
            if before and self._says_the_head(extra, name_part):
                # "behavioral segmentation" where Behavioural is an entry about segmentation: that entry
                # (the reading after this one) or none, never Segmentation qualified by the word
                continue
            entry = self._entries[index]
            said = set(content_stems(" ".join((entry.definition, *entry.details))))
            # the word as written or, in front, the noun of an adjective ("economic agent" where the
            # definition says "economy")
            forms = (extra, *noun_forms(extra)) if before else (extra,)
            stems = next((f for f in map(set, map(content_stems, forms)) if f and f <= said), set())
            # a qualifier in front that its definition says ("certificate pinning"); a word after the name
            # more often makes another thing, so it must also be rare in the notes ("trojan horse")
            rare = before or all(self._descriptions.document_count(stem) <= 3 for stem in stems)
            if stems and rare and not _labels_a_kind(entry, stems):
                found.add(index)
        return next(iter(found)) if len(found) == 1 else None

    def _by_own_acronym(self, index: int, extra: str, before: bool) -> int | None:
        """The other entry named by ``extra`` beside the acronym entry ``index`` goes by ("application"
        and LB, the acronym of Load Balancer: Application LB), or None."""
        for name in self._entries[index].names:
            if not is_acronym(name):
                continue
            acronym = key_of(name)
            hit = self._names.exact_hit(f"{extra} {acronym}" if before else f"{acronym} {extra}")
            if hit is not None and self._names.name_entry[hit] != index:
                return self._names.name_entry[hit]
        return None

    def _says_the_head(self, word: str, head: list[str]) -> bool:
        """Whether ``word`` names an entry whose own text or topic title says ``head`` (Behavioural, in
        notes on segmentation, for "behavioral segmentation"; Certificate says nothing of pinning)."""
        hit = self._names.exact_hit(word)
        if hit is None:
            return False
        entry = self._names.entry(hit)
        stems = set(content_stems(" ".join(head)))
        own = set(content_stems(" ".join((entry.definition, *entry.details, entry.topic.title))))
        return bool(stems) and stems <= own

    def _of_its_kind(self, key: str) -> int | None:
        """The entry named and then called by the kind its definition says it is: "psychographic
        segmentation" or "demographic variables" when Psychographic's definition opens "A segmentation
        variable: ..." (``genus_words``)."""
        tokens = key.split()
        extra = tokens[-1] if len(tokens) > 1 else ""
        if extra in STOPWORDS or extra.isdigit() or len(extra) < 3:
            return None
        hit = self._names.exact_hit(" ".join(tokens[:-1]))
        if hit is None:
            return None
        stems = set(content_stems(extra))
        kind = set(content_stems(" ".join(genus_words(self._names.entry(hit).definition))))
        return self._names.name_entry[hit] if stems and stems <= kind else None

    def _kind_left_out(self, key: str) -> int | None:
        """The one entry named with its last word left out when that word is the kind its definition
        says it is: "hyoid" is Hyoid bone, "A bone of the head" (``genus_words``); "cell" is no Cell wall.

        Only when no other name starts with the same words ("primary" may be Primary succession too), and
        the definition opens with "a"/"an", one of a kind: "The time a packet takes ..." says what Round
        Trip Time measures, and a "round trip" is another thing."""
        named = self._loose().leading.get(key, ())
        if len({index for _last, index in named}) != 1:
            return None
        found: set[int] = set()
        for last, index in named:
            definition = self._entries[index].definition
            if _ONE_OF_A_KIND.match(definition) is None:
                continue
            kind = set(content_stems(" ".join(genus_words(definition))))
            stems = set(content_stems(last))
            if stems and stems <= kind:
                found.add(index)
        return next(iter(found)) if len(found) == 1 else None

    def _head_dropped(self, key: str) -> int | None:
        """The one entry named with its head noun left out, when what is left ends in a rare word the notes
        only write before that head: "golgi" is Golgi apparatus; "cell" is no Cell wall (a common word,
        and the notes say "cell" alone), and a word before two heads (Golgi apparatus, Golgi tendon
        organ) names neither."""
        named = self._loose().leading.get(key, ())
        if len({index for _last, index in named}) != 1:
            return None
        index = named[0][1]
        word = key.split()[-1]
        size = len(key.split())
        written = {
            w
            for n in self._entries[index].names
            if len(said := words(n)) > size
            for w in said[size - 1 : size]
        }
        if (
            not written
            or not all(map(_rare_word, {*written, word}))
            or _written_as_acronym(self._entries[index], word)
        ):
            return None  # "ARP" is a protocol of its own, not ARP poisoning
        heads = {last for last, _ in named}
        return index if self._only_before(word, heads, index) else None

    def _head_added(self, key: str) -> int | None:
        """The one entry named with a head noun added after its rare last word: "hyoid bone" is Hyoid,
        "golgi apparatus" Golgi; never when a name starts with the whole ("golgi tendon" of Golgi tendon
        organ), nor when the notes write the two words together elsewhere (another thing)."""
        said = key.split()
        added = said[-1]
        if len(said) < 2 or added in STOPWORDS or len(added) < 3 or not added.isalpha():
            return None
        if added in KEPT_IN_QUESTIONS:
            return None  # a "hypervisor attack" is no Hypervisor
        if self._loose().leading.get(key):
            return None
        hit = self._names.exact_hit(" ".join(said[:-1]))
        if hit is None:
            return None
        index = self._names.name_entry[hit]
        named = " ".join(said[:-1])
        written = {words(n)[-1] for n in self._entries[index].names if words(n) and key_of(n) == named}
        if not written or not all(map(_rare_word, {*written, said[-2]})):
            return None  # as written and as a key: "species" is common ("specy" unknown), "gateway" too
        if zipf(added) < _RARE_ZIPF:
            return None  # a head noun is an everyday word ("bone", "apparatus"); "hyoid zarnex" is two names
        word = said[-2]
        if _written_as_acronym(self._entries[index], word) or self._names.exact_hit(added) is not None:
            return None  # "ocsp stapling" is Stapling, a thing of its own, not OCSP
        entry = self._entries[index]
        if not is_of_kind(entry, added) and (genus_words(entry.definition) or not self._in_notes(added)):
            return None  # "legato pedal": Legato is "A playing style"; the notes say no "factory"
        documents = [d for s in content_stems(word) for d in self._descriptions.documents(s) if d != index]
        if len(documents) > _SAYS_READ:
            return None
        for other in documents:
            entry = self._entries[other]
            told = words(" ".join((*entry.names, entry.definition, *entry.details)))
            if any(a == word and b == added for a, b in itertools.pairwise(told)):
                return None  # "golgi tendon" said elsewhere: another thing
        return index

    def _only_before(self, word: str, heads: set[str], index: int) -> bool:
        """Whether every entry but ``index`` that writes ``word`` writes it before one of ``heads`` (as
        part of the name), reading at most :data:`_SAYS_READ` entries."""
        documents = [d for s in content_stems(word) for d in self._descriptions.documents(s) if d != index]
        if len(documents) > _SAYS_READ:
            return False
        for other in documents:
            entry = self._entries[other]
            told = words(" ".join((*entry.names, entry.definition, *entry.details)))
            for at, said in enumerate(told):
                if said == word and (at + 1 >= len(told) or singular(told[at + 1]) not in heads):
                    return False
        return True

    def _kind_renamed(self, key: str) -> int | None:
        """The one entry named with its last word replaced by the kind its definition says it is:
        "silhouette score" is Silhouette coefficient, "A score from -1 to 1 ..." (``genus_words``).

        As ``_kind_left_out``: only when one entry's name starts with the other words, which name no entry
        themselves, and its definition opens with "a"/"an"."""
        said = key.split()
        if len(said) < 2 or self._names.exact_hit(" ".join(said[:-1])) is not None:
            return None  # "hypervisor attack": a Hypervisor's attack, not VM escape ("hypervisor escape")
        named = self._loose().leading.get(" ".join(said[:-1]), ())
        if len({index for _last, index in named}) != 1:
            return None
        last, index = next(iter(named))
        definition = self._entries[index].definition
        if last == said[-1] or _ONE_OF_A_KIND.match(definition) is None:
            return None
        kind = set(content_stems(" ".join(genus_words(definition))))
        stems = set(content_stems(said[-1]))
        return index if stems and stems <= kind else None

    def _head_left_out(self, first: str, second: str) -> tuple[Entry | None, Entry | None]:
        """The two entries a comparison names with the last word their names share left out of both
        sides ("biotic vs abiotic" for Biotic factors and Abiotic factors), or (None, None) unless one
        such pair."""
        leading = self._loose().leading
        said = dict(leading.get(key_of(first), ()))
        pairs = {
            (said[last], index)
            for last, index in leading.get(key_of(second), ())
            if last in said and said[last] != index
        }
        if len(pairs) != 1:
            return None, None
        one, other = pairs.pop()
        return self._entries[one], self._entries[other]

    def _shared_head_added(self, key: str) -> int | None:
        """The entry a name of 2+ words names with a head most of the notes' names share added after it
        ("differential association theory" is Differential Association where many names end in "theory")."""
        tokens = key.split()
        if len(tokens) < 3 or tokens[-1] not in self._loose().shared:
            return None
        hit = self._names.exact_hit(" ".join(tokens[:-1]))
        return None if hit is None else self._names.name_entry[hit]

    def _subject_first(self, key: str) -> int | None:
        """The entry named after a word of its topic's title ("memory rank" in notes on RAM & Memory), or
        as an adjective before it ("deontological ethics" is Deontology in notes on Ethics)."""
        tokens = key.split()
        if len(tokens) < 2:
            return None
        if tokens[0] not in STOPWORDS:
            rest = " ".join(tokens[1:])
            hit = self._names.exact_hit(rest)
            found = self._names.name_entry[hit] if hit is not None else self._loose().hit(rest)
            if found is not None and tokens[0] in key_of(self._entries[found].topic.title).split():
                return found
        if len(tokens) == 2:
            # "cell biology" is no Cell: only the adjective of a name says it is that subject's kind
            hits = (self._names.exact_hit(noun) for noun in noun_forms(tokens[0]))
            named = {self._names.name_entry[hit] for hit in hits if hit is not None}
            if len(named) == 1:
                found = named.pop()
                if tokens[1] in key_of(self._entries[found].topic.title).split():
                    return found
        return None

    def _comparison(self, text: str) -> Answer | tuple[Suggestion, ...] | None:
        """Both entries of "X vs Y" / "difference between X and Y", when each side names one.

        None when ``text`` is no comparison; the entries found (as suggestions) when only one side or
        neither names an entry.
        """
        sides = comparison_sides(text)
        if sides is None:
            return None
        first, second = self._sides_named(sides)
        if first is None and second is None:
            whole = self._compared_within(*sides)
            if whole is not None:
                return Answer(text, whole, 90.0, "comparison")
            first, second = self._head_left_out(*sides)
        if first is None or second is None or first == second:
            return tuple(Suggestion(e, 80.0) for e in dict.fromkeys((first, second)) if e is not None)
        return Answer(text, first, 90.0, "comparison", also=(second,))

    def _alternatives(self, text: str) -> Answer | None:
        """Both entries of "X or Y" when each side names one (a shared head counts: "fixed or variable
        costs"); None otherwise, and the question is looked up as usual."""
        sides = alternative_sides(text)
        if sides is None:
            return None
        first, second = self._sides_named(sides)
        if first is None or second is None or first == second:
            return None
        return Answer(text, first, 90.0, "comparison", also=(second,))

    def _sides_named(self, sides: tuple[str, str]) -> tuple[Entry | None, Entry | None]:
        """The entries the two sides of a comparison name (None where a side names none)."""
        first, second = (self._named(side) for side in sides)
        if first is None and second is not None:  # "buffer vs integer overflow": the head is shared
            # "what is asymmetric vs symmetric encryption": the question's frame is no part of the side
            said, other = sides[0].split(), sides[1].split()
            framed = parse_query(sides[0], self._context)
            frame = len(framed.tokens) - len(framed.core)
            if 0 < frame < len(said) and framed.tokens[frame:] == framed.core:
                said = said[frame:]  # the words as written: "what is head-to-head" keeps "head-to-head"
            if len(said) == 1:  # "single vs double square brackets": a head of several words too
                for size in range(1, len(other)):
                    first = self._named(" ".join((*said, *other[-size:])))
                    if first is not None:
                        break
        return first, second

    def _compared_within(self, first: str, second: str) -> Entry | None:
        """The one entry that is itself the comparison asked for, when the notes name neither side.

        "static vs dynamic dispatch": the shared head names Dispatch, whose own text says static and
        dynamic; "nature vs nurture": the one name that starts with both sides ("Nature-nurture issue").
        """
        said, other = key_of(first).split(), key_of(second).split()
        if not said or not other:
            return None
        if len(said) == 1 and len(other) >= 2:
            head = self._names.exact_hit(" ".join(other[1:]))
            if head is not None:
                entry = self._names.entry(head)
                own = set(content_stems(" ".join((entry.definition, *entry.details))))
                sides = set(content_stems(" ".join((said[0], other[0]))))
                if len(sides) == 2 and sides <= own and not _lists_kinds(entry, other[1:]):
                    return entry
        joined = " ".join((*said, *other))
        starting = {
            index for _word, index in self._loose().leading.get(joined, ())
        }  # "nature nurture" + one more word
        return self._entries[next(iter(starting))] if len(starting) == 1 else None

    def _named(self, side: str) -> Entry | None:
        """The entry one side of a comparison names (by name, variant or a close spelling only)."""
        parsed = parse_query(side, self._context)
        if not parsed.key:
            return None
        hit = self._exact_name(side, parsed)  # as a look-up of the side alone: "dns" is DNS, not a plural
        as_typed = _as_typed(parsed.plain, parsed.key)
        if hit is None and as_typed:
            hit = self._names.exact_hit(as_typed)
        if hit is not None:
            return self._names.entry(hit)
        found = self._loose().hit(parsed.key)
        if found is None and as_typed:
            found = self._loose().hit(as_typed)
        if found is None and parsed.plain:
            found = self._initialism(parsed.plain)  # "mitm vs mitb"
        if found is None:
            found = self._of_its_kind(parsed.key)  # "geographic vs demographic segmentation"
        if found is not None:
            return self._entries[found]
        scored = self._typos.fuzzy_names(parsed.key)
        answer = policy.confident_fuzzy(self._typos, side, parsed.key, scored, parsed.plain)
        return answer.entry if answer is not None else None

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        """Entries that might be meant by ``text``, best first (only ones with real similarity)."""
        self.wait_ready()
        parsed = parse_query(text, self._context)
        if not parsed.key:
            return []
        hit = self._names.exact_hit(parsed.key)
        scored = self._typos.fuzzy_names(parsed.key)
        descriptions = self._descriptions
        ranked, coverage = descriptions.rank(descriptions.question_stems(parsed.core or parsed.tokens))
        found = policy.suggestions(self._names, scored, ranked, coverage, limit)
        if hit is not None:
            entry = self._names.entry(hit)
            found = (Suggestion(entry, 100.0), *(s for s in found if s.entry != entry))[:limit]
        return list(found)

    def complete(self, prefix: str, limit: int = 25) -> list[Entry]:
        """Up to ``limit`` entries for autocomplete, best first (prefix before fuzzy)."""
        self.wait_ready()
        if limit <= 0:
            return []
        names = self._names
        plain = " ".join(canonical(tokens(prefix)))
        if not plain:
            return [self._entries[i] for i in names.alphabetical[:limit]]
        chosen: dict[int, None] = {}
        hit = names.exact_hit(name_key(plain.split()))
        if hit is not None:
            chosen[names.name_entry[hit]] = None
        for index in self._prefixes.indexes():
            if len(chosen) >= limit:
                break
            for name_index in index.starting_with(plain):
                chosen.setdefault(names.name_entry[name_index], None)
                if len(chosen) >= limit:
                    break
        if len(chosen) < limit:
            for name_index in self._typos.fuzzy_completions(plain):
                chosen.setdefault(names.name_entry[name_index], None)
                if len(chosen) >= limit:
                    break
        return [self._entries[i] for i in chosen]

    def is_question(self, text: str) -> bool:
        """Whether chat text is phrased as a definition question ("what's a ...", "define ...")."""
        self.wait_ready()
        parsed = parse_query(text, self._context)
        if not parsed.core or not parsed.key:
            return False
        if parsed.framed:
            first = parsed.core[0]
            if first in CHATTER_STARTS or len(parsed.core) > 16:
                return False
            return not all(t in STOPWORDS for t in parsed.core)
        if text.rstrip().endswith("?") and len(parsed.core) <= 5:
            if self._names.exact_hit(parsed.key) is not None:
                return True
            scored = self._typos.fuzzy_names(parsed.key)
            return policy.confident_fuzzy(self._typos, text, parsed.key, scored, parsed.plain) is not None
        return False


def _asks_operator(text: str, parsed: ParsedQuery) -> bool:
    """Whether ``text`` asks about an operator ("%>%", "what does => do"): symbols, and only function
    words around them."""
    said = parsed.key.split()
    return bool(said) and all(t in STOPWORDS for t in said) and bool(policy.symbols_of(text))


def _labels_a_kind(entry: Entry, stems: set[str]) -> bool:
    """Whether a detail of ``entry`` is a labelled kind of it that the qualifier ``stems`` name.

    Under Passive immunity, "Artificial Passive: introducing antibodies made by another animal" is a
    kind of its own (the label holds a word of the name): "artificial passive immunity" asks for it, and
    Passive immunity is no answer. "Antidote: protamine" under Heparin labels a property.
    """
    named = set(content_stems(" ".join(entry.names)))
    # "Antidote:" under Heparin is a property, not a kind
    return any(stems <= said and said & named for said in policy.labels_of(entry))


#: The English frequency (Zipf scale) below which a word is taken as a term of art, not everyday
#: English: "golgi" (2.5), "hyoid" (2.3), "krebs" (2.8); "cell" (4.9) or "rainbow" (4.1) are not.
_RARE_ZIPF = 3.0


def _rare_word(word: str) -> bool:
    """Whether ``word`` is a rare word in English (a term of art): the rest of a name it starts names it."""
    if not word.isalpha() or len(word) < 3 or word in STOPWORDS:
        return False
    return max(zipf(word), zipf(f"{word}s")) < _RARE_ZIPF  # a key's word lost its "s": "specie" of species


def _written_as_acronym(entry: Entry, word: str) -> bool:
    """Whether one of ``entry``'s names writes ``word`` (folded, maybe as a plural's key) as an acronym ("ARP"
    in ARP Poisoning, "JMXs" for the key "jmx")."""
    said = (w for name in entry.names for w in name.split())
    return any(word in (w.casefold(), singular(w.casefold())) and is_acronym(w) for w in said)


def _lists_kinds(entry: Entry, head: list[str]) -> bool:
    """Whether ``entry``'s definition or details name kinds of the thing ``head`` (a name's words) with an
    article and a word in front ("A curvilinear shape is ...", "An abstract shape refers to ..." under
    Shape): the entry describes several kinds, so a question naming one of them asks for that kind."""
    size = len(head)
    if not size:
        return False
    wanted = [stem(w) for w in head]
    for text in (entry.definition, *entry.details):
        said = words(text)
        for at in range(1, len(said) - size):
            if said[at - 1] not in _INDEFINITE or said[at] in STOPWORDS:
                continue
            if [stem(singular(w)) for w in said[at + 1 : at + 1 + size]] == wanted:
                return True
    return False


_INDEFINITE = frozenset(("a", "an"))


def _acronym_plus_s(text: str, plain: str, key: str, entry: Entry) -> bool:
    """Whether the question is a protocol's acronym with an "s" added in lower case ("ftps").

    "FTPS", "HTTPS" and "LDAPS" are protocols of their own; "FTPs" (a capital acronym, a small s) reads as
    a plural, and so do other acronyms ("vlans", "cpus").
    """
    if plain == key or not plain.endswith("s"):
        return False
    # a protocol's acronym plus S is its secure form (FTPS, HTTPS, LDAPS), not a plural
    acronyms = [n for n in entry.names if n.isupper() and len(n) >= 3 and " " not in n and n.endswith("P")]
    if not any(n.casefold() + "s" == plain.split()[-1] for n in acronyms):
        return False
    written = [w for w in text.split() if w.strip("?!.,").casefold() == plain.split()[-1]]
    return not any(w.strip("?!.,")[:-1].isupper() and w.strip("?!.,").endswith("s") for w in written)


def _names_another(text: str, entry: Entry) -> bool:
    """Whether the question writes one of ``entry``'s acronyms with letters added, as another name.

    "ftps" and "sftp" are protocols of their own that FTP's entry does not describe; "FTPs" (a capital
    acronym, a small s) is a plural and names FTP.
    """
    # two letters sit inside too many words ("TH" in "the")
    acronyms = {n.casefold() for n in entry.names if n.isupper() and len(n) >= 3 and n.isalnum()}
    if not acronyms:
        return False
    own = set(words(" ".join((*entry.names, entry.definition, *entry.details))))
    for raw in text.split():
        word = raw.strip("?!.,;:'\"()")
        said = word.casefold()
        if not said.isalnum() or said in acronyms or said in STOPWORDS or said in own:
            continue
        for acronym in acronyms:
            if acronym in said and len(said) - len(acronym) <= 2:
                plural = said == acronym + "s" and word[:-1].isupper() and word.endswith("s")
                if not plural:
                    return True
    return False


def _as_typed(plain: str, key: str) -> str:
    """The question's words as typed when its key only took an "s" off some of them, else "".

    "cas latency" (key "ca latency") may name CAS Latency; "C:A" (plain "c", key "c a") is no such case.
    """
    said, keyed = plain.split(), key.split()
    if plain == key or len(said) != len(keyed):
        return ""
    same = all(s == k or s == k + "s" for s, k in zip(said, keyed, strict=True))
    return plain if same else ""


def _kind_of(text: str, entry: Entry) -> bool:
    """Whether the question ``text`` ends in one of ``entry``'s names with a word in front of it that the
    entry's own text lists ("what is structural unemployment" for an "Unemployment" whose points name
    structural unemployment): a kind of the entry, not the entry ("the slogan of the French Revolution"
    is about it: a stopword comes before the name)."""
    said = _WORD.findall(text.casefold())
    for name in entry.names:
        named = _WORD.findall(name.casefold())
        if not named or len(said) <= len(named) or said[-len(named) :] != named:
            continue
        before = said[-len(named) - 1]
        if before in STOPWORDS or before in named:
            continue
        listed = " ".join((entry.definition, *entry.details, *entry.examples)).casefold()
        if before in _WORD.findall(listed):
            return True
    return False


_NOTHING: frozenset[str] = frozenset()

#: A definition that opens with an indefinite article: its entry is one of the kind that follows.
_ONE_OF_A_KIND = re.compile(r"\s*an?\s", re.IGNORECASE)

#: A word of a question or name as typed.
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


_QUALIFIABLE = frozenset(("property", "description"))
_SAYS_READ = 20  # entries read at most to tell whether the notes write a word (``Matcher._says``)
#: Words that open a setting after what is asked about ("the nucleus of an atom", "elasticity in physics").
_QUALIFIER_OPENERS = frozenset(("of", "in", "for", "on", "at", "from", "among", "during", "within"))

_WHAT_IS = (("what", "is"), ("what", "are"), ("whats",), ("what's",), ("define",))
_ARTICLES = frozenset(("a", "an", "the"))
_MENTION_MIN = 2  # content words of a name-like phrase found inside a definition


def _mentioned_inside(text: str, entry: Entry) -> bool:
    """Whether ``text`` asks what a thing is ("what is cost of goods sold") that ``entry``'s definition
    names word for word past its opening ("... closing to zero at the end: cost of goods sold, revenue").

    A definition's opening typed back ("what is a general rise in the price level") describes the entry;
    a phrase of 2+ content words without a clause ("that", "which") found later in it is a thing the
    definition mentions (an example, a tool, a part), which the notes do not define.
    """
    said = words(text)
    for frame in _WHAT_IS:
        if tuple(said[: len(frame)]) == frame:
            asked = said[len(frame) :]
            break
    else:
        return False
    if asked and asked[0] in _ARTICLES:
        asked = asked[1:]
    if sum(1 for word in asked if word not in STOPWORDS) < _MENTION_MIN or any(
        word in _CLAUSE_WORDS for word in asked
    ):
        return False
    defined = words(entry.definition)
    size = len(asked)
    return any(defined[start : start + size] == asked for start in range(2, len(defined) - size + 1))


def _another_kind_named(text: str, entry: Entry) -> bool:
    """Whether ``text`` writes 2+ content words of one of ``entry``'s names after another word than the
    name's own ("the cash basis of accounting" against "Accrual basis of accounting assumption"): the
    same kind of thing of another sort, which the notes do not define."""
    said = words(text)
    for name in entry.names:
        named = words(name)
        for j in range(1, len(named) - 1):
            for i in range(1, len(said) - 1):
                size = 0
                while i + size < len(said) and j + size < len(named) and said[i + size] == named[j + size]:
                    size += 1
                run = said[i : i + size]
                if sum(1 for word in run if word not in STOPWORDS) < _MENTION_MIN:
                    continue
                before = said[i - 1]
                if before not in STOPWORDS and not before.isdigit() and before not in named:
                    return True
    return False


_CLAUSE_WORDS = frozenset(("that", "which", "who", "whose", "where", "when", "used", "uses", "does", "do"))
