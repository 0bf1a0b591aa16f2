"""Question parsing: the question frame ("what's a ...", "define ...", "... pls") stripped off a term.

``parse_query(text)`` gives the canonical tokens of a question, its core (the part that names or
describes the thing asked about) and the core's name key. The phrase lists are chat English;
Discord markup is stripped by the face before text gets here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.knowledge import KnowledgeBase
from bot.matching.names import ARTICLES, canonical, name_key, tokens
from bot.matching.text import word_set


def _phrases(text: str) -> list[tuple[str, ...]]:
    """Phrases from a ``|``-separated list, longest first."""
    found = {tuple(p.split()) for p in text.split("|") if p.strip()}
    return sorted(found, key=len, reverse=True)


#: Chat openers and politeness that may precede a question.
_OPENERS = _phrases(
    "in this chapter|in the notes"
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
    "|unit of|units of|si unit of|the unit of|the si unit of|how many"
    "|translate|translation of|the translation of|what is the translation of|whats the translation of"
    "|english for|the english for|what is the english for|whats the english for|what is the english word for"
    "|whats the english word for|english word for|the english word for"
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
    "|in the notes|in this chapter|bad|important|a problem|dangerous|a risk|risky|needed|useful|necessary"
    "|mean|means|do|does|stand for|stands for|is|are|again|pls|please|plz|thanks|thank you|thx|ty|for me"
    "|in simple terms|simply|exactly|mean again|is it|actually|anyway|lol|real quick|quickly|briefly"
    "|to me|used for|is used for|for|work|works|mean exactly|means exactly|called|is called|anyone"
    "|someone|again please|again pls|haha|bro|dude|guys|mate|thx bot|thanks bot"
    "|like|is about|about|like im 5|like i m 5|like im five|like i am 5"
    "|like i am five|to me like im 5|in plain english|in simple words|for dummies|eli5|are there|is there"
    "|translation|translated|english translation|in english|into english|to english|mean in english"
    "|means in english|translation please|translation pls|translate|in english please|in english pls"
)
#: Leading words left after a frame that do not belong to the term.
_ARTICLE_WORDS = frozenset({"a", "an", "the", "is", "are", "does", "do", "exactly", "again", "my", "our"})
#: First words after "what is ..." that show chatter, not a definition question ("what's up").
CHATTER_STARTS = word_set(
    "up going happening wrong your my this that it he she they we you i for on new next good time plan score "
    "quiz leaderboard homework schedule deal point matter problem weather best worst "
    "coming going here online free ready down in joining playing winning leading there everyone everybody "
    "anyone anybody someone answer question deadline due link room today tonight tomorrow"
)
#: Words that mark a description ("... when a VM is moved ...") rather than a name.
DESCRIPTION_MARKERS = frozenset(
    {"when", "that", "which", "where", "if", "who", "whose", "used", "way", "thing"}
)

#: Generic words after a name that do not change what is asked ("VM escape attack").
GENERIC_TAILS = _phrases("attack|attacks|concept|technique|definition|meaning|term|in computing")


#: Words that put a subject around a question ("in virtualization", "for the exam").
_SUBJECT_LEADS = (("in",), ("in", "the"), ("for",), ("for", "the"), ("on",), ("on", "the"))
#: ... and one of the things a subject in the plural names ("in a rock" in notes on Rocks).
_ONE_OF_LEADS = (*_SUBJECT_LEADS, ("in", "a"), ("in", "an"))
_SINGULAR_MIN = 3  # letters of a subject's last word from which a final "s" is a plural's


@dataclass(frozen=True, slots=True)
class QueryContext:
    """The phrases a question may open or end with: chat English, and the subjects of the notes.

    The engine knows no course: "what is a VM in virtualization" or "... for the exam" are
    understood because "Virtualization" is a topic title and "exam" a tag of the notes
    (``of_subjects``); with no subjects only chat phrases are stripped (``GENERIC``).
    """

    openers: tuple[tuple[str, ...], ...]
    tails: tuple[tuple[str, ...], ...]

    @classmethod
    def of_subjects(cls, subjects: Iterable[str]) -> QueryContext:
        """Chat phrases plus "in/for/on (the) <subject>" for each subject ("security-plus", "Cloud")."""
        found: set[tuple[str, ...]] = set()
        for subject in subjects:
            words_ = tuple(canonical(tokens(subject)))
            if words_:
                found.update(lead + words_ for lead in _SUBJECT_LEADS)
                last = words_[-1]
                if len(last) > _SINGULAR_MIN and last.endswith("s") and not last.endswith("ss"):
                    # "cement in a rock" in notes on Rocks
                    found.update((*lead, *words_[:-1], last[:-1]) for lead in _ONE_OF_LEADS)
        if not found:
            return GENERIC
        return cls(_longest_first(found.union(_OPENERS)), _longest_first(found.union(_TAILS)))


def _longest_first(phrases: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(phrases, key=lambda phrase: (-len(phrase), phrase)))


GENERIC = QueryContext(_longest_first(_OPENERS), _longest_first(_TAILS))


#: Names of fields of study and of other settings a question may put a word in ("vector in physics",
#: "weights in a gym"): the notes' own subject when their titles, tags or file names say it, else a
#: setting they are not about.
FIELDS = word_set(
    "biology chemistry physics economics psychology sociology mathematics maths math statistics geology "
    "geography history law medicine nursing philosophy ethics linguistics literature music astronomy ecology "
    "anatomy physiology accounting finance business marketing computing programming networking politics "
    "engineering art arts grammar poetry theology religion anthropology archaeology genetics biochemistry "
    "neuroscience electronics photography cooking sport sports fashion javascript python java"
)
_FIELD_MIN_LETTERS = 5  # a field named inside a longer title word: "economics" in "Macroeconomics"


def subjects_of(kb: KnowledgeBase) -> list[str]:
    """The subjects of the notes: topic titles and tags, the words of the names of their files and of
    the notes they were imported from ("r_glossary_deflist.md": "r", "glossary", "deflist"), and the
    fields those words end with ("economics" for "Macroeconomics basics")."""
    found: list[str] = []
    for topic in kb.topics:
        found += (topic.title, *topic.tags)
        for name in (topic.source, topic.path.name if topic.path else None):
            if name:
                stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                found += [w for w in re.split(r"[\W_]+", stem) if w]
    said = {w for subject in found for w in canonical(tokens(subject))}
    fields = {f for f in FIELDS if len(f) >= _FIELD_MIN_LETTERS and any(w.endswith(f) for w in said)}
    return [*found, *sorted(fields - said)]


@dataclass(slots=True)
class ParsedQuery:
    """A query taken apart: canonical tokens, the core (frame stripped), its name key and plain form."""

    tokens: list[str]
    core: list[str]
    key: str
    framed: bool
    plain: str = ""


#: Phrase lists by their first and by their last word (in the lists' own order, longest first), so
#: stripping a frame looks only at the phrases that can match instead of at all of them (hundreds
#: with the notes' subjects). Keyed by the list's id; the list is kept to tell a reused id.
_PHRASE_INDEX: dict[int, tuple[Sequence[tuple[str, ...]], _ByWord, _ByWord]] = {}
_ByWord = dict[str, list[tuple[str, ...]]]


def _by_end_word(phrases: Sequence[tuple[str, ...]]) -> tuple[_ByWord, _ByWord] | None:
    """``phrases`` grouped by first and by last word; None if one is empty (it matches anything)."""
    found = _PHRASE_INDEX.get(id(phrases))
    if found is not None and found[0] is phrases:
        return found[1], found[2]
    if any(not phrase for phrase in phrases):
        return None
    first: _ByWord = {}
    last: _ByWord = {}
    for phrase in phrases:
        first.setdefault(phrase[0], []).append(phrase)
        last.setdefault(phrase[-1], []).append(phrase)
    _PHRASE_INDEX[id(phrases)] = (phrases, first, last)
    return first, last


def _strip_leading(tokens: list[str], phrases: Sequence[tuple[str, ...]]) -> tuple[list[str], bool]:
    """Remove one of ``phrases`` from the start of ``tokens`` (keeping at least one token)."""
    indexed = _by_end_word(phrases)
    if indexed is not None:
        if not tokens:
            return tokens, False
        phrases = indexed[0].get(tokens[0], ())
    for phrase in phrases:
        n = len(phrase)
        if len(tokens) > n and tuple(tokens[:n]) == phrase:
            return tokens[n:], True
    return tokens, False


def strip_trailing(tokens: list[str], phrases: Sequence[tuple[str, ...]]) -> tuple[list[str], bool]:
    """Remove one of ``phrases`` from the end of ``tokens`` (keeping at least one token)."""
    indexed = _by_end_word(phrases)
    if indexed is not None:
        if not tokens:
            return tokens, False
        phrases = indexed[1].get(tokens[-1], ())
    for phrase in phrases:
        n = len(phrase)
        if len(tokens) > n and tuple(tokens[-n:]) == phrase:
            return tokens[:-n], True
    return tokens, False


def parse_query(text: str, context: QueryContext = GENERIC) -> ParsedQuery:
    """Canonical tokens of ``text`` and the term part with the question frame stripped."""
    return parse_tokens(canonical(tokens(text)), context)


def parse_tokens(found: list[str], context: QueryContext = GENERIC) -> ParsedQuery:
    """``parse_query`` of a text whose canonical tokens (``canonical(tokens(text))``) are ``found``.

    ``found`` is not changed; the result's ``tokens`` is ``found`` itself.
    """
    core = list(found)
    framed = opened = False
    changed = True
    while changed and core:
        changed = False
        core, did = _strip_leading(core, context.openers)
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
        core, did = strip_trailing(core, context.tails)
        changed |= did
    plain = " ".join(core if ARTICLES.isdisjoint(core) else [t for t in core if t not in ARTICLES])
    return ParsedQuery(tokens=found, core=core, key=name_key(core), framed=framed, plain=plain)


_SIDE = r"(?P<a>[^?]+?)"
_OTHER = r"(?P<b>[^?]+?)"
_ASK = r"(?:(?:what|whats|what's|what is|what are|explain|tell me|show me)\s+)?(?:(?:is|are)\s+)?(?:the\s+)?"
#: "X vs Y", "difference between X and Y", "X or Y, which is which", "compare X and Y", "how does X differ
#: from Y": a question about two entries at once.
_COMPARISONS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"^{_ASK}(?:main\s+|key\s+|real\s+)?(?:difference|differences|diff)\s+between\s+{_SIDE}\s+and\s+{_OTHER}$",
        rf"^(?:compare|comparing|contrast)\s+{_SIDE}\s+(?:and|with|to|vs\.?|versus)\s+{_OTHER}$",
        rf"^how\s+(?:is|are|does|do)\s+{_SIDE}\s+differ(?:ent)?\s+(?:from|to|than)\s+{_OTHER}$",
        rf"^{_SIDE}\s+(?:vs\.?|versus|v\.|compared\s+to|compared\s+with)\s+{_OTHER}(?:\s+difference)?$",
        rf"^{_SIDE}\s+or\s+{_OTHER},?\s+which\s+is\s+which$",
        rf"^{_SIDE}\s+and\s+{_OTHER},?\s+(?:what(?:'s| is)\s+the\s+)?difference$",
    )
)


_COMPARISON_WORDS = ("vs", "versus", "differ", "diff", "compar", "contrast", " or ", " v. ")


#: "element or compound", "what is a mode or a median": two names offered as alternatives. A question
#: that opens with a verb ("is proyecto masculine or feminine", "does it use tcp or udp") asks about one
#: thing, and so does a description ("two or more elements combined"): the matcher shows both entries
#: only when each side names one.
_ALTERNATIVES = re.compile(
    r"^(?:(?:what is|what are|what's|whats|what|explain|define)\s+)?(?:(?:the|a|an)\s+)?"
    r"(?P<a>[^?]+?)\s+or\s+(?:(?:the|a|an)\s+)?(?P<b>[^?]+?)$",
    re.IGNORECASE,
)
_QUESTION_VERBS = frozenset(
    {"is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will"}
    | {"which", "how", "why", "when", "where", "who", "whom"}
)
#: Longest side, in words, of two alternatives ("average fixed cost or average variable cost").
_ALTERNATIVE_MAX_WORDS = 4


def alternative_sides(text: str) -> tuple[str, str] | None:
    """The two names of "X or Y" as written, each at most :data:`_ALTERNATIVE_MAX_WORDS` words; None
    for any other question (one opening with a question verb, one with several "or", a longer side)."""
    cleaned = " ".join(text.replace("?", " ").split()).strip(" .!")
    if cleaned.casefold().split().count("or") != 1:
        return None
    match = _ALTERNATIVES.match(cleaned)
    if match is None:
        return None
    a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
    said, other = a.casefold().split(), b.casefold().split()
    if not said or not other or said[0] in _QUESTION_VERBS or a.casefold() == b.casefold():
        return None
    if max(len(said), len(other)) > _ALTERNATIVE_MAX_WORDS:
        return None
    return a, b


def comparison_sides(text: str) -> tuple[str, str] | None:
    """The two things a comparison question asks about, as written; None for any other question."""
    lowered = text.casefold()
    if not any(word in lowered for word in _COMPARISON_WORDS):
        return None  # the usual question: no regex at all
    cleaned = " ".join(text.replace("?", " ").split()).strip(" .!")
    for pattern in _COMPARISONS:
        match = pattern.match(cleaned)
        if match:
            a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
            if a and b and a.casefold() != b.casefold():
                return a, b
    return None
