"""The decision policy: when a fuzzy name or a description is a confident answer, and what to suggest.

A wrong definition is worse than none, so each kind of answer has to clear its own bar:

* a fuzzy name: a 0-100 ratio of at least 86 (90 for names of up to 6 letters), 4 points ahead of
  any other entry, the same numbers and symbols as the query (``names.fixed_parts``), and word
  for word the same words; or a lone typo (a slip or two away from one name and from no other)
  from 75 up;
* a description: the question reads like one, at least 60% of its known words' IDF weight is in
  one entry's names and definition, the definition itself says two of them, and the entry is
  clearly ahead of the runner-up.

Anything else is refused with suggestions scored at least 60.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from bot.knowledge import Entry
from bot.matching.bm25 import Coverage, DescriptionIndex
from bot.matching.names import NUMBER_WORDS, fixed_parts, name_key
from bot.matching.names_index import NameIndex
from bot.matching.query import DESCRIPTION_MARKERS, GENERIC_TAILS, ParsedQuery, strip_trailing
from bot.matching.results import Answer, Suggestion
from bot.matching.text import (
    STOPWORDS,
    content_stems,
    content_stems_of_tokens,
    singular,
    stem,
    word_set,
    words,
)
from bot.matching.typos import SUGGEST_MIN, TypoSearch, words_align, zipf
from bot.matching.variants import LooseIndex, genus_words

_FUZZY_ACCEPT = 86.0  # minimum ratio for a fuzzy name answer
_FUZZY_MARGIN = 4.0  # lead over the best other entry a fuzzy answer needs
_TYPO_ACCEPT = 75.0  # minimum ratio for a fuzzy answer that is a lone typo of one name
_EVERYDAY_ZIPF = 3.5  # a typed word this common in English is meant as written, not as a slip
_DESC_COVERAGE = 0.6  # share of the known words' IDF weight the answer's names and definition must hold
_DESC_WORD_SHARE = 0.6  # share of the question's content words the answer's names and definition must have
_DESC_MARGIN = 1.2  # BM25 lead over the runner-up a description answer needs...
_DESC_COVER_LEAD = 0.1  # ...unless it has clearly more of the described words

_ATTACK_WORDS = frozenset({"attack", "attacks"})
_HOW_TO = frozenset(
    {("how", "do", "i"), ("how", "can", "i"), ("how", "should", "i"), ("how", "to"), ("how", "do", "you")}
)


def generic_tail_hit(names: NameIndex, descriptions: DescriptionIndex, key: str) -> int | None:
    """An exact hit once a generic last word is dropped ("VM escape attack" -> "VM escape").

    "attack" is only dropped when the entry is itself an attack (its names or definition say so, or its
    topic's title is about attacks): a "hypervisor attack" is not a hypervisor.
    """
    words_ = key.split()
    trimmed, did = strip_trailing(words_, GENERIC_TAILS)
    if not did:
        return None
    hit = names.exact_hit(" ".join(trimmed))
    if hit is None or words_[-1] not in _ATTACK_WORDS:
        return hit
    entry = names.entry(hit)
    # an attack by its own words, or an entry of notes about attacks ("Server Attacks": DDoS, MITM)
    said = (*entry.names, entry.definition, entry.topic.title)
    is_attack = "attack" in descriptions.stems(content_stems(" ".join(said)))
    return hit if is_attack else None


def confident_fuzzy(
    typos: TypoSearch, text: str, key: str, scored: list[tuple[int, float]], plain: str = ""
) -> Answer | None:
    """The fuzzy answer when it is close enough and clearly ahead, else None.

    ``scored`` is ``TypoSearch.fuzzy_names(key)``; ``plain`` is the query's words without plural
    stripping, for the lone-typo check.
    """
    if not scored:
        return None
    name_index, score = scored[0]
    name = typos.index.names[name_index]
    if score < _TYPO_ACCEPT or fixed_parts(name) != fixed_parts(key):
        return None
    compact_len = len(key.replace(" ", ""))
    if compact_len <= 4:
        return None
    if score < _FUZZY_ACCEPT or (compact_len <= 6 and score < 90):
        if not typos.lone_typo(plain or key, scored):
            return None
    elif len(scored) > 1 and scored[1][1] > score - _FUZZY_MARGIN:
        return None
    if not words_align(key, name):
        return None
    if " " not in key and " " not in name and zipf(name) == 0.0 and zipf(key) >= _EVERYDAY_ZIPF:
        return None  # "texture" typed, the notes' heading misspelt "Tecture": offered, not asserted
    return Answer(text, typos.index.entry(name_index), round(score, 1), "fuzzy")


#: Words that deny what follows them ("not available", "cannot be broken down"). "Without" and "lacks"
#: are not read as denials, to keep the rule narrow: they also join filler ("without delay") and parts
#: a thing has not ("a protocol without acknowledgements"), which a description may repeat.
NEGATIONS = word_set(
    "not no never cannot cant nor neither isnt arent wasnt werent doesnt dont didnt wont wouldnt couldnt "
    "shouldnt hasnt havent hadnt"
)
#: Words after a negation that make it deny no word of what follows ("not only fast but also cheap").
_NOT_DENYING = word_set("only just merely always all necessarily")
_DENIED_SPAN = 3  # a negation denies the first meaningful word among the next three


def denied_stems(text: str) -> set[str]:
    """The stems ``text`` only says denied: the first meaningful word within three after a negation
    ("not available for plant growth" denies "avail"), unless ``text`` also says it plainly."""
    tokens = words(text)
    if NEGATIONS.isdisjoint(tokens):
        return set()
    denied_at: set[int] = set()
    for at, token in enumerate(tokens):
        if token not in NEGATIONS:
            continue
        for after in range(at + 1, min(at + 1 + _DENIED_SPAN, len(tokens))):
            word = tokens[after]
            if word in _NOT_DENYING or word in NEGATIONS:
                break
            if content_stems_of_tokens([word]):
                denied_at.add(after)
                break
    denied: set[str] = set()
    plain: set[str] = set()
    for at, token in enumerate(tokens):
        (denied if at in denied_at else plain).update(content_stems_of_tokens([token]))
    return denied - plain


#: Words of a question that deny or leave out something themselves ("liability regardless of fault",
#: "dismissed for insufficient evidence"): such a question may ask for what a definition denies.
_DENYING = NEGATIONS | word_set(
    "without lack lacks lacking none regardless irrespective insufficient missing absent absence fail fails "
    "failed failure unable free zero instead except excluding exclude excludes rather less"
)
#: First words of a question answered yes or no ("is DDR4 backwards compatible": "no" is an answer).
_YES_NO = word_set("is are was were does do did can could will would should has have had")


def without_contradicted(
    ranked: list[tuple[int, float]], asked: list[str], denied: Callable[[int], frozenset[str]]
) -> list[tuple[int, float]]:
    """``ranked`` without the entries whose definition denies a word of a description that denies
    nothing (folded ``asked`` tokens): "which soil water is available for plants" is not the water "not
    available for plant growth". ``denied(entry index)`` gives the stems a definition denies
    (``denied_stems``). A question answered yes or no ("is DDR4 backwards compatible") may well be
    answered "not", and one that denies or leaves out something itself may ask for it."""
    if not asked or asked[0] in _YES_NO or not _DENYING.isdisjoint(asked):
        return ranked
    stems = set(content_stems_of_tokens(asked))
    return [pair for pair in ranked if stems.isdisjoint(denied(pair[0]))]


def confident_description(
    descriptions: DescriptionIndex,
    entries: list[Entry],
    text: str,
    parsed: ParsedQuery,
    ranked: list[tuple[int, float]],
    coverage: Coverage,
) -> Answer | None:
    """The description answer when the question reads like one and one entry is clearly ahead."""
    if not ranked:
        return None
    content = [t for t in parsed.core if t not in STOPWORDS]
    if tuple(parsed.tokens[:3]) in _HOW_TO or tuple(parsed.tokens[:2]) in _HOW_TO:
        return None  # "how do I write a SQL query" asks for a task, not for a term
    described = len(parsed.core) >= 4 or any(t in DESCRIPTION_MARKERS for t in parsed.tokens)
    if len(content) < 2 or not described:
        return None
    doc, score = ranked[0]
    cover = coverage[doc][0]
    if cover < _DESC_COVERAGE:
        return None
    question_stems = descriptions.question_stems(parsed.core or parsed.tokens)
    stems = set(question_stems)
    matches = descriptions.strong_matches(doc, question_stems)
    if matches < 2 or matches < _DESC_WORD_SHARE * len(stems):
        return None
    # The definition itself must say it, not only the name ("live migration of databases").
    entry = entries[doc]
    defined = set(descriptions.stems(content_stems(entry.definition)))
    said = {t for t in parsed.core if stems.intersection(descriptions.stems(content_stems(t))) & defined}
    if len(said) < 2:
        return None
    if matches == 2 and _leaves_out_a_rare_word(descriptions, entry, stems):
        return None
    if _numbers_disagree(parsed.core, entry):
        return None  # "chord built on the fourth scale degree" is no chord "on the fifth scale degree"
    if len(ranked) > 1:
        runner_doc, runner = ranked[1]
        gap = cover - coverage[runner_doc][0]
        if gap < _DESC_COVER_LEAD and score < runner * _DESC_MARGIN:
            return None
        lead = 1.0 if gap >= _DESC_COVER_LEAD else min(1.0, score / (runner * 2))
    else:
        lead = 1.0
    confidence = min(99.0, 100.0 * cover * lead)
    return Answer(text, entries[doc], round(max(confidence, 50.0), 1), "description")


#: Number words and ordinals as the number they say ("one" and "second" say other things too).
_NUMERALS = {
    **{w: d for w, d in NUMBER_WORDS.items() if w != "one"},
    "first": "1", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "twice": "2", "double": "2", "triple": "3",
}  # fmt: skip


def _numbers_of(tokens: list[str]) -> set[str]:
    return {_NUMERALS.get(t, t) for t in tokens if t in _NUMERALS or t.isdigit()}


def _numbers_disagree(core: list[str], entry: Entry) -> bool:
    """Whether a description says a number (a digit, a number word, an ordinal) that ``entry``'s text
    never says while that text says other numbers: the number is a fact the entry contradicts."""
    asked = _numbers_of(core)
    if not asked:
        return False
    own = _numbers_of(words(" ".join((*entry.names, entry.definition, *entry.details))))
    return bool(own) and not asked <= own


def _leaves_out_a_rare_word(descriptions: DescriptionIndex, entry: Entry, stems: set[str]) -> bool:
    """Whether a description that ``entry`` matches by two words only has another word that ``entry``
    never says (its names, text or topic title) and the notes use, no more often than one of those two.

    "earth at the centre of the universe" is not the model with the Sun "at the centre" of the solar
    system when the notes say "universe" elsewhere: the third word points at what the notes lack.
    """
    own = set(
        descriptions.stems(
            content_stems(
                " ".join((*entry.names, entry.definition, *entry.details, *entry.examples, entry.topic.title))
            )
        )
    )
    counts = {stem: descriptions.document_count(stem) for stem in stems}
    matched = [counts[stem] for stem in stems if stem in own]
    if not matched:
        return False
    commonest_said = max(matched)
    return any(0 < counts[stem] <= commonest_said for stem in stems if stem not in own)


#: First words of a question that asks something *about* a thing rather than describing one
#: ("why is a WAN slower...", "what port does Kerberos use", "what happens when ...").
_ASKING_WORDS = word_set("what which why how when where who")
#: Verbs the thing a question asks about follows ("what port does *Kerberos* use").
_SUBJECT_VERBS = word_set("is are was were does do did")


def asks_about_something(parsed: ParsedQuery) -> bool:
    """Whether the question asks about a thing (a property, a cause) rather than describing one.

    True when it opens with why/how/when/where, or its core still opens with a question word once
    the definition frame is stripped ("what port does ...", "what happens when ..."); "what is an
    attack that ..." and "attack that ..." describe a thing and are False.
    """
    if not parsed.tokens:
        return False
    first = parsed.tokens[0]
    return first in {"why", "how", "when", "where"} or bool(parsed.core and parsed.core[0] in _ASKING_WORDS)


def evidence_is_weak(
    names: NameIndex,
    descriptions: DescriptionIndex,
    parsed: ParsedQuery,
    answer: Answer,
    entries: list[Entry],
) -> bool:
    """Whether a description answer to a question *about* something rests on too little.

    Such a question ("what port does Kerberos use", "why is a WAN slower than a LAN") is about the
    thing it names, so the answer is weak when the question says a word of 4+ letters the notes
    never use (Kerberos, "plasmolysed" where the notes say plasmolysis: an unknown thing), or names
    another entry by one of its names (WAN, LAN) that the answer's own names do not hold: the
    answer merely mentions what was asked about. Only applied when ``asks_about_something``.
    """
    if not asks_about_something(parsed):
        return False
    core = parsed.core
    # the thing asked about stands after the verb (and its article): "does *kerberos* use", "is
    # *plasmolysed*", "when did the *french* revolution start"
    spoken = [t for t in core if t not in _ARTICLES]
    for before, token in itertools.pairwise(spoken):
        if before in _SUBJECT_VERBS and len(token) >= 4 and token not in STOPWORDS:
            stems = content_stems(token)
            if stems and all(descriptions.document_count(s) == 0 for s in descriptions.stems(stems)):
                return True
    if answer.via == "description" and _spread_over_sentences(descriptions, core, answer.entry):
        return True
    if answer.via == "description" and _agent_of_a_part(parsed.tokens, answer.entry):
        return True
    own = {w for n in answer.entry.names for w in name_key(words(n)).split()}
    answer_index = next((i for i, e in enumerate(entries) if e is answer.entry), None)
    # "which mode ...", "what port ...": the word after the question word is the kind asked for
    asked = core[2:] if core and core[0] in _ASKING_WORDS else core
    others: set[int] = set()
    for token in asked:
        if token in STOPWORDS or len(token) < 2 or token in own:
            continue
        hit = names.exact_hit(name_key([token]))
        if hit is not None and names.name_entry[hit] != answer_index:
            others.add(names.name_entry[hit])
    return len(others) >= 2


def asks_about_another(names: NameIndex, parsed: ParsedQuery, answer: Entry) -> bool:
    """Whether a question about something asks, right after its verb, about another entry than the
    description ``answer``, named by 2+ words ("where do *sedimentary rocks* form" answered by Erosion,
    whose definition says they form from it): the answer only mentions what is asked about."""
    if not asks_about_something(parsed):
        return False
    spoken = [t for t in parsed.core if t not in _ARTICLES]
    for at in range(1, len(spoken)):
        if spoken[at - 1] not in _SUBJECT_VERBS or not all(t in _ASKING_WORDS for t in spoken[: at - 1]):
            continue  # "what voltage does DDR4 need" asks for a voltage: only "where do ..." and the like
        for size in range(min(len(spoken) - at, names.max_name_words), 1, -1):
            hit = names.exact_hit(name_key(spoken[at : at + size]))
            if hit is not None:
                return names.entry(hit) is not answer
    return False


def _agent_of_a_part(tokens: list[str], entry: Entry) -> bool:
    """Whether a question asks what acts on a part of the thing the answer names: "what holds the grains
    of a clastic rock together" asks for what holds them (a cement), not for Clastic rocks; "what causes
    inflation", the name right after the verb, asks about the thing named."""
    if len(tokens) < 4 or tokens[0] not in {"what", "which"}:
        return False
    verb = tokens[1]
    if verb in STOPWORDS or not (verb.endswith("s") or verb in _PAST_VERBS) or tokens[2] not in _ARTICLES:
        return False  # "which ports are ...": no verb and its object
    said = [stem(singular(t)) for t in tokens]
    for name in entry.names:
        named = [stem(singular(w)) for w in words(name)]
        size = len(named)
        if not size:
            continue
        for start in range(2, len(said) - size + 1):
            if said[start : start + size] == named:
                # a noun before the name: "the grains of a ..."; "what collides with a kinematic body" asks
                # about the body
                return any(t not in STOPWORDS for t in tokens[2:start])
    return False


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?]\s+(?=[A-Z$(])")


def _spread_over_sentences(descriptions: DescriptionIndex, core: list[str], entry: Entry) -> bool:
    """Whether no one sentence of the entry's definition or details holds two of the question's words,
    though the definition has 2+ sentences: each only mentions one in passing ("why do prices rise" is
    no Marginal revenue, "... when Q rises by 1 unit ... For competitive firms, ... equals the price")."""
    sentences = _SENTENCE_END.split(entry.definition)
    if len(sentences) < 2:
        return False
    asked = [t for t in core if t not in STOPWORDS]
    for sentence in (*sentences, *entry.details):
        held = set(descriptions.stems(content_stems(sentence)))
        if sum(1 for t in asked if held.intersection(descriptions.stems(content_stems(t)))) >= 2:
            return False
    return True


#: Question words that open a question about a property of something named in it.
_PROPERTY_OPENERS = word_set("what why how which when where who does do is are can could should would whats")


#: Words a name asked about follows ("what is *a* ...", "why *is* ...", "does *the* ...").
_BEFORE_A_NAME = STOPWORDS | _PROPERTY_OPENERS


#: Verbs that follow a name in a question about it ("what does SSH use", "what does a SYN flood wait for").
_QUESTION_VERBS = word_set(
    "use uses wait write read send protect prevent stop cause affect require need mean stand do does work "
    "run store hold contain replace differ compare happen matter exist solve fix break make "
    "have has made built consist consists include includes look "
    "start starts begin begins end ends last occur fall collapse form forms"
)
_VERB_ENDINGS = ("ed", "ing", "able", "ible", "ive", "er")


#: Words that end a compound with a name before them ("host name", "user names") though questions use
#: them as function words ("name a kind of ..."): the stop-word list holds them.
_NAME_WORDS = word_set("name names")


def _asks_about(rest: list[str], why: bool = False) -> bool:
    """Whether the words after a name make the question one about it (not about a longer compound).

    "... vulnerable to", "... performed by", "... not used", "... use": yes; "... ship", "... attack",
    "... 6" ("DDR6"), "... based firewall", a last "-ing" or "-er" word ("certificate stapling",
    "exception handler" name things),
    or nothing at all (a plain "what is X" is the name look-up's): no.
    ``why``: the question opens with "why", where one word after the name says what it is ("why is brute
    force slow", "why is repositioning hard"): "why is X" names no compound.
    """
    if not rest:
        return False
    first, then = rest[0], rest[1] if len(rest) > 1 else ""
    if first.isdigit():
        return False
    if why and not then:
        return True
    if first == "over" and then and then not in STOPWORDS:
        return False  # "FTP over SSL", "DNS over HTTPS": a thing of its own, named after the one it wraps
    if first == "of" and then and then not in _ARTICLES:
        # "port of call", "bill of rights": the name heads a longer one ("the nucleus of a cell" is set)
        return False
    if first in _NAME_WORDS and not then:
        return False  # "what is a host name", "a domain name": a compound, not a question about a host
    if first in STOPWORDS:
        return True
    if then == "or" and len(rest) == 3:  # a choice about it: "is proyecto masculine or feminine"
        return True
    if not then and first.endswith(("ing", "er")) and first not in _QUESTION_VERBS:
        return False  # the name's own last word: "certificate pinning", "exception handler"
    verbish = first in _QUESTION_VERBS or first.endswith(_VERB_ENDINGS)
    return verbish and (not then or then in STOPWORDS)


_ARTICLES = word_set("a an the")
_KIND_OPENERS = word_set("what which")


def _names_last(tokens: list[str], start: int) -> bool:
    """Whether the words before a name at the end ask for a property of it.

    "how many bits is a subnet mask", "what layer is TCP", "which port are the SSH servers": a question
    word, one or two words saying what is asked for, then is/are (and an article); or "how" and one
    word ("how fast is the speed of light"). "what is TCP" is the
    name look-up's; "how is a subnet mask" or "what is a subnet mask" asks for no property.
    """
    lead = tokens[1:start]
    while lead and lead[-1] in _ARTICLES:
        lead.pop()
    if not lead or lead[-1] not in {"is", "are"}:
        return False
    kind = lead[:-1]
    if tokens[0] == "how" and kind[:1] in (["many"], ["much"]):
        kind = kind[1:]
    elif tokens[0] == "how":
        return len(kind) == 1 and kind[0] not in STOPWORDS  # "how fast is the speed of light"
    elif tokens[0] not in _KIND_OPENERS:
        return False
    return 1 <= len(kind) <= 2 and not any(t in STOPWORDS for t in kind)


_AUXILIARIES = word_set("does do did can")  # "what is a memory controller" is a name, not what memory does


def _done_by(tokens: list[str], start: int, rest: list[str]) -> bool:
    """Whether a question asks what a named thing does, with the kind of answer said first.

    "what does a correlation coefficient measure", "what range does a correlation coefficient go from",
    "which port does SSH use": what/which, up to two words saying what is asked for, an auxiliary (and
    an article), the name, then one verb and function words only. "what does a container ship carry"
    puts a noun after the name: a container ship is no container.
    """
    if tokens[0] not in _KIND_OPENERS or not rest or rest[0] in STOPWORDS or rest[0].isdigit():
        return False
    if not all(t in STOPWORDS for t in rest[1:]):
        return False
    lead = tokens[1:start]
    while lead and lead[-1] in _ARTICLES:
        lead.pop()
    if not lead or lead[-1] not in _AUXILIARIES:
        return False
    kind = lead[:-1]
    return len(kind) <= 2 and not any(t in STOPWORDS for t in kind)


def _part_of(tokens: list[str], start: int) -> bool:
    """Whether a question asks for a part or property of a name it ends with: "what are the 5 steps of
    SQ3R", "what is the formula of glucose" (what/which, is/are, the, one to three words, "of")."""
    if (
        start < 4
        or tokens[start - 1] != "of"
        or tokens[0] not in _KIND_OPENERS
        or tokens[1] not in {"is", "are"}
    ):
        return False
    kind = tokens[2 : start - 1]
    if kind and kind[0] in _ARTICLES:
        kind = kind[1:]
    return 1 <= len(kind) <= 3 and not any(t in STOPWORDS and not t.isdigit() for t in kind)


#: Past tenses that ask who or what acted on a named event or thing ("who led the Russian Revolution").
_PAST_VERBS = word_set(
    "led started began ended caused won lost fought founded ruled wrote invented discovered"
)


def _acted_on(tokens: list[str], start: int) -> bool:
    """Whether a question asks who or what acts on the name it ends with: "who led the russian
    revolution", "what caused the french revolution", "what causes inflation" (who/what, one verb in the
    past or with a third-person -s, an article)."""
    if tokens[0] not in {"who", "what"} or len(tokens) < 3:
        return False
    verb = tokens[1]
    if verb not in _PAST_VERBS and not (verb.endswith("s") and verb[:-1] in _QUESTION_VERBS):
        return False
    between = tokens[2:start]
    return all(t in _ARTICLES for t in between)


def _kind_asked(tokens: list[str], start: int) -> bool:
    """Whether a question asks if something is one of a named kind ("is NaCl a molecule").

    "is/are", one to three words naming the thing (an unknown one: a named one makes two entries),
    then "a"/"an" and the name last; the kind's entry answers.
    """
    if tokens[0] not in {"is", "are"} or start < 3 or tokens[start - 1] not in {"a", "an"}:
        return False
    thing = tokens[1 : start - 1]
    if thing and thing[0] in _ARTICLES:
        thing = thing[1:]
    return 1 <= len(thing) <= 3 and not any(t in STOPWORDS for t in thing)


#: Brackets right after a name written with a capital, digit or symbol: a gloss of that name
#: ("MT/s (megatransfers per second)"), where brackets after a plain word restate the sentence.
_BRACKETED = re.compile(r"(\S*)\s*\([^()]*\)")
_NAME_MARK = re.compile(r"[A-Z0-9/+#%]")


def _without_glosses(definition: str) -> str:
    """``definition`` without the brackets that gloss a name written before them."""
    return _BRACKETED.sub(
        lambda m: m.group(1) + " " if _NAME_MARK.search(m.group(1)) else m.group(0), definition
    )


_SAYING_WORDS = 5  # a text of this many words or more, no question, may be quoted whole


def contained_description(
    entries: list[Entry],
    text: str,
    parsed: ParsedQuery,
    ranked: list[tuple[int, float]],
    names: NameIndex | None = None,
) -> Answer | None:
    """The one entry among the best-ranked whose definition contains the question's words as written.

    "connectionless transport protocol" answers UDP when UDP's definition says "connectionless
    transport protocol" and no other well-ranked definition does; 3+ content words, a word and a number
    of 2+ digits ("port 3389" answers the one entry whose definition says "Port 3389"), or a saying of 5+
    words with 2+ content words, quoted whole ("the end justifies the means"). Not when the words stand
    only in brackets glossing a name there ("MT/s (megatransfers per second)"), nor when one of them is
    another entry's name (``names``).
    """
    core = [t for t in parsed.core if t]
    if not parsed.framed and len(parsed.tokens) >= _SAYING_WORDS:
        core = parsed.tokens  # a saying as written, tails and all: "the end justifies the means"
    numbered = len(core) == 2 and sum(1 for t in core if t.isdigit() and len(t) >= 2) == 1
    if numbered and any(t in STOPWORDS for t in core):
        return None
    content = sum(1 for t in core if t not in STOPWORDS)
    if not numbered and (len(core) < 3 or content < 3) and (len(core) < _SAYING_WORDS or content < 2):
        return None
    if not ranked:
        return None
    phrase = " " + " ".join(core) + " "
    holders = [doc for doc, _ in ranked[:8] if phrase in " " + " ".join(words(entries[doc].definition)) + " "]
    if len(holders) != 1:
        return None
    holder = entries[holders[0]]
    # a phrase the definition glosses in brackets names another thing ("in MT/s (megatransfers per
    # second)"), and one with another entry's name in it is about that entry ("stages of the Agile
    # development approach" under Sprints)
    outside = _without_glosses(holder.definition)
    if phrase not in " " + " ".join(words(outside)) + " ":
        return None
    if names is not None and not numbered:
        # the kind the definition says its entry is may be an entry too ("a connection-oriented protocol")
        kind = {w.casefold() for w in genus_words(holder.definition)}
        for token in core:
            hit = None if token in STOPWORDS or token in kind else names.exact_hit(name_key([token]))
            if hit is not None and names.entry(hit) is not holder:
                return None
    return Answer(text, holder, 70.0, "description")


_SYMBOL = re.compile(r"(?<!\S)[^\w\s]{2,}(?!\S)")  # "%>%", "<-", "::", "&&" standing alone
_NO_SYMBOL = frozenset("?!.,;'\"()")  # punctuation of the sentence ("?!", "...", "),"); "::" is an operator


def symbols_of(text: str) -> list[str]:
    """The operators a question writes as words of their own ("%>%", "::"), not its punctuation."""
    return [s for s in _SYMBOL.findall(text) if not set(s) <= _NO_SYMBOL]


def symbol_inside(entries: list[Entry], text: str) -> Answer | None:
    """The one entry whose name or definition writes the operator a question asks about ("what does %>%
    do" -> Pipe operator, when its definition says "%>%" and no other entry's text does)."""
    symbols = symbols_of(text)
    if not symbols:
        return None
    holders = [
        e for e in entries if all(s in " ".join((*e.names, e.definition, *e.details)) for s in symbols)
    ]
    return Answer(text, holders[0], 70.0, "description") if len(holders) == 1 else None


#: What a question may ask of a named thing in the form "PROPERTY of X" ("side effects of digoxin",
#: "slogan of the french revolution"); a closed list, since "speed of light" or "law of demand" name
#: things of their own.
_PROPERTIES = word_set(
    "effects side causes cause symptoms uses use function functions role purpose advantages disadvantages "
    "examples types properties features characteristics dangers risks benefits results consequences "
    "leaders leader aims aim goals goal formula origin origins structure parts stages steps importance "
    "significance outcome outcomes impact slogan motto antidote dose dosage contraindications date dates"
)


#: Property words that may follow a name ("chloroplast function"): each names no thing of its own
#: after a name, as "types" ("data types") or "formula" ("chemical formula") may.
_TRAILING_PROPERTIES = word_set(
    "function functions role purpose uses advantages disadvantages examples properties features "
    "characteristics symptoms effects importance significance dangers risks benefits"
)


def property_of(names: NameIndex, loose: LooseIndex, entries: list[Entry], parsed: ParsedQuery) -> int | None:
    """The entry X of a question "PROPERTY of (the) X" ("side effects of digoxin") or "X PROPERTY"
    ("chloroplast function", with a word of ``_TRAILING_PROPERTIES``), or None.

    One or two property words from ``_PROPERTIES`` (the last one in it), "of", an optional article, then
    a name of the notes and nothing else.
    """
    core = parsed.core
    if len(core) >= 2 and core[-1] in _TRAILING_PROPERTIES and not any(t in STOPWORDS for t in core[:-1]):
        key = name_key(core[:-1])
        hit = names.exact_hit(key)
        return names.name_entry[hit] if hit is not None else loose.hit(key)
    tokens = parsed.tokens
    if "of" not in tokens[1:3]:
        return None
    at = tokens.index("of")
    kind, rest = tokens[:at], tokens[at + 1 :]
    if not kind or kind[-1] not in _PROPERTIES or any(t in STOPWORDS for t in kind):
        return None
    if rest and rest[0] in _ARTICLES:
        rest = rest[1:]
    if not rest:
        return None
    key = name_key(rest)
    hit = names.exact_hit(key)
    return names.name_entry[hit] if hit is not None else loose.hit(key)


#: The longest detail label, in words, read as a property the notes give an entry ("Arguments against:").
_LABEL_WORDS = 4
_LABELLED_TOKENS = 8  # the longest question read for a labelled property, in words


def labels_of(entry: Entry) -> list[set[str]]:
    """The stems of each label that opens one of an entry's details ("Side effects: ..." -> {side,
    effect}); a "label" of more than 4 words is a sentence."""
    found = []
    for detail in entry.details:
        label, colon, _ = detail.partition(":")
        if colon and 0 < len(label.split()) <= _LABEL_WORDS:
            found.append(set(content_stems(label)))
    return found


def detail_labels(entry: Entry) -> set[str]:
    """The stems of all the labels that open an entry's details (``labels_of``)."""
    return set().union(*labels_of(entry))


def labelled_property(
    names: NameIndex, loose: LooseIndex, parsed: ParsedQuery, labels: frozenset[str]
) -> int | None:
    """The entry a question names when its other words are a label of that entry's details.

    "problems with egoism", "what are the arguments against utilitarianism": the notes list "Problems:"
    and "Arguments against:" under those entries, so the question asks for them. A label word right
    before the name names a kind instead ("classical unemployment" under "Classical: ..."). None unless
    exactly one entry named in the question has such labels. ``labels``: the stems of every label of
    the notes, so that a question with none of them costs nothing.
    """
    tokens = parsed.tokens
    if not 2 <= len(tokens) <= _LABELLED_TOKENS or labels.isdisjoint(content_stems_of_tokens(tokens)):
        return None
    found: set[int] = set()
    for size in range(min(len(tokens) - 1, names.max_name_words + 1), 0, -1):
        for start in range(len(tokens) - size + 1):
            named = _named_span(names, loose, tokens[start : start + size])
            if named is None or (start > 0 and tokens[start - 1] not in _BEFORE_A_NAME):
                continue  # a label right before the name makes a kind of it ("classical unemployment")
            others = [t for t in (*tokens[:start], *tokens[start + size :]) if t not in _BEFORE_A_NAME]
            said = set(content_stems(" ".join(others)))
            if said and said <= detail_labels(names.entries[named]):
                found.add(named)
        if found:
            break
    return next(iter(found)) if len(found) == 1 else None


def _named_span(names: NameIndex, loose: LooseIndex, span: list[str]) -> int | None:
    """The entry a run of a question's words names, exactly or loosely; never one short word alone
    (3+ letters for an exact name, 4+ for a loose one) or a function word."""
    if len(span) == 1 and (len(span[0]) < 3 or span[0] in STOPWORDS):
        return None
    key = name_key(span)
    hit = names.exact_hit(key)
    if hit is not None:
        return names.name_entry[hit]
    return loose.hit(key) if len(span) > 1 or len(span[0]) >= 4 else None


def named_inside(
    names: NameIndex, loose: LooseIndex, entries: list[Entry], text: str, parsed: ParsedQuery
) -> Answer | None:
    """The entry a question is about when it names exactly one ("what is live migration vulnerable to").

    Only for questions (a question word first); the longest names found inside win; a name of one
    short word, or two entries named, is a refusal.
    """
    tokens = parsed.tokens
    if len(tokens) < 3 or tokens[0] not in _PROPERTY_OPENERS:
        return None
    for size in range(min(len(tokens) - 1, names.max_name_words + 1), 0, -1):
        found: set[int] = set()
        seen: set[int] = set()  # every entry named at this size, wherever it stands
        subjects: dict[int, int] = {}  # entry asked about -> where its name ends
        positions: list[tuple[int, int]] = []  # (start, entry) of every name found
        for start in range(1, len(tokens) - size + 1):
            named = _named_span(names, loose, tokens[start : start + size])
            if named is None:
                continue
            seen.add(named)
            positions.append((start, named))
            # only question words and function words before it: "what does *raising an* exception mean"
            # asks about raising one, not about Exception
            lead_in = all(t in _BEFORE_A_NAME for t in tokens[1:start])
            rest = tokens[start + size :]
            last = not rest and (
                _names_last(tokens, start)
                or _kind_asked(tokens, start)
                or _part_of(tokens, start)
                or _acted_on(tokens, start)
            )
            asked = (lead_in and _asks_about(rest, why=tokens[0] == "why")) or _done_by(tokens, start, rest)
            if asked or last:
                found.add(named)  # not "DDR6" for DDR, a "stem cell" for a cell, a "container ship"
                subjects.setdefault(named, start + size)
        if (
            len(found) == 1
            and len(seen) > 1
            and min(subjects.values()) < min(s for s, e in positions if e not in found)
        ):
            # "does yeast have a nucleus", "why is a WAN slower than a LAN": the one asked about comes
            # first, in the subject's place; the other entries are named after it, in what is asked
            return Answer(text, entries[next(iter(found))], 80.0, "property")
        if len(seen) > 1:
            return None  # two entries named: which one is asked about is not clear
        if found:
            return Answer(text, entries[next(iter(found))], 80.0, "property")
    return None


def suggestions(
    names: NameIndex,
    scored: list[tuple[int, float]],
    ranked: list[tuple[int, float]],
    coverage: Coverage,
    limit: int = 3,
) -> tuple[Suggestion, ...]:
    """Up to ``limit`` suggestions from fuzzy names and the description index, best first."""
    best: dict[int, float] = {}
    for name_index, score in scored:
        if score >= SUGGEST_MIN:
            entry_index = names.name_entry[name_index]
            best[entry_index] = max(best.get(entry_index, 0.0), score)
    top = ranked[0][1] if ranked else 0.0
    for doc, score in ranked[:5]:
        strong, weak = coverage[doc]
        if (strong >= 0.3 or weak >= 0.5) and score >= 0.5 * top:
            best[doc] = max(best.get(doc, 0.0), round(40.0 + 30.0 * strong + 10.0 * weak, 1))
    ordered = sorted(best.items(), key=lambda pair: -pair[1])[:limit]
    return tuple(Suggestion(names.entries[i], round(s, 1)) for i, s in ordered)
