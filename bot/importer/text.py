"""Small text rules for reading notes: term lines, explanations, names, aliases, definition sentences.

Each function looks at one line of plain text (already extracted from Markdown).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.matching.text import singular as name_singular

#: A ``(OBJ 2.2)`` / ``(Objective 1.4)`` / ``(Domain 3)`` tag in a heading.
OBJECTIVE = re.compile(
    r"\s*[(\[]\s*(?:obj(?:ective)?s?|domain)\.?\s*:?\s*(\d+(?:\.\d+)*)\s*[)\]]", re.IGNORECASE
)

_LABEL = re.compile(
    r"^(?P<label>definitions?|def|defined as|meaning|examples?|e\.\s?g\.?|eg|for example|for instance|"
    r"aliases|alias|aka|a\.k\.a\.?|also known as|also called|see also|related|related terms|"
    r"notes?|tips?|remember|important)(?:\s*(?::|-|–|—)\s*|(?<=\.)\s+)(?P<rest>.*)$",
    re.IGNORECASE,
)
#: Callout and aside labels before a line's text (``> 🚨 Clinical Note: ...``): never terms, whatever the
#: notes are about. Not read on headings, where ``## Key Points`` or ``## Warnings`` is a part of the notes.
_ASIDE_LABEL = re.compile(
    r"^(?P<label>(?:clinical|side|quick|important|exam|study|pro|teacher'?s?|key|fun)\s+"
    r"(?:notes?|tips?|facts?|points?)|warnings?|caution|reminders?|hints?|heads[- ]up|did you know\??|"
    r"nb|n\.b\.?)\s*(?::|-|–|—)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LABEL_KIND = {
    "definition": "definition",
    "definitions": "definition",
    "def": "definition",
    "defined as": "definition",
    "meaning": "definition",
    "example": "examples",
    "examples": "examples",
    "e.g.": "examples",
    "e.g": "examples",
    "e. g.": "examples",
    "eg": "examples",
    "for example": "examples",
    "for instance": "examples",
    "aliases": "aliases",
    "alias": "aliases",
    "aka": "aliases",
    "a.k.a.": "aliases",
    "a.k.a": "aliases",
    "also known as": "aliases",
    "also called": "aliases",
    "see also": "see_also",
    "related": "see_also",
    "related terms": "see_also",
}

_LEADING_PAREN = re.compile(r"^\((?P<inner>[^()]{1,60})\)\s*")
#: ``[Characteristics of] Life``: optional words first (two letters or more: ``[x]`` ticks a task).
_LEADING_OPTIONAL = re.compile(r"^\[(?=[^\[\]]*[^\W\d_]{2})[^\[\]]{1,40}\]\s*")
_MIDDLE_PAREN = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>[^()]{1,60})\)\s*(?P<tail>[^()]{1,30})$")
#: ``Term - explanation``: a dash, ``=``, an arrow or an ellipsis between (``Oligopoly ... few firms``).
_DASH_PAIR = re.compile(r"^(?P<term>.{1,80}?)\s+(?:-{1,2}|–|—|=|->|→|\.{3}|…)\s+(?P<rest>\S.*)$")
_ARROW = re.compile(r"->|→")
#: A sentence's end inside what would be a term (a name is never two sentences): a full stop, ! or ? after a
#: lower-case word and before a capital, not after an abbreviation (``vs.``, ``e.g.``, ``Dr.``, ``U.S.``).
_SENTENCE_IN_TERM = re.compile(
    r"(?<![A-Z.])(?<!\bvs)(?<!\betc)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bNo)(?<!\bcf)(?<!e\.g)(?<!i\.e)[.!?]\s+[A-Z]"
)
_COLON_PAIR = re.compile(r"^(?P<term>[^:]{1,80}?)\s*:\s+(?P<rest>\S.*)$")
_SEPARATOR = re.compile(r"^(?::|-{1,2}>?|–|—|=|→|\.{3}|…)\s*")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)$")
_ALIAS_SPLIT = re.compile(r"\s*(?:,|;|/|\bor\b)\s*")
_ALIAS_PREFIX = re.compile(r"^(?:aka|a\.k\.a\.?|also|also known as|also called|or)\s+", re.IGNORECASE)
_EXAMPLE_PREFIX = re.compile(r"^(?:e\.\s?g\.?|eg|for example|such as|like)[,:]?\s+", re.IGNORECASE)
_DEFINING_VERBS = (
    r"is|are|was|were|refers\s+to|refer\s+to|means|stands\s+for|allows|allow|occurs|occur|happens|describes|"
    r"enables|permits|lets|represents|provides"
)
_SENTENCE = re.compile(
    rf"^(?:(?P<article>a|an|the)\s+)?(?P<subject>[^\s,;:.()][^,;:.()]*?)\s+(?P<verb>{_DEFINING_VERBS})\b\s*"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_IS_REST = re.compile(
    r"^(?:a|an|the|one|any|when|where|used|defined|how|what|similar\s+to|like|akin\s+to"
    r"|(?:ways|means|methods|units)\s+(?:of|to|for))\b",
    re.IGNORECASE,
)
#: ``foreign proteins that cause ...``, ``small organs which filter ...``, ``rock that is ...``: a kind (a
#: singular one a single word), then what sets it apart.
_KIND_THAT = re.compile(
    r"^(?!\w+ly\s)(?:(?:[^\W\d_][\w\-]*\s+){0,2}[^\W\d_][\w\-]*s|[^\W\d_][\w\-]*)\s+(?:that|which|who|whose)\s",
    re.IGNORECASE,
)
_DROPPED_VERBS = ("is", "are", "was", "were", "refers to", "refer to", "means", "stands for")
#: "is" and its forms: what follows says what the subject is (``The geocentric model was a model ...``).
BE_VERBS = ("is", "are", "was", "were")
#: Words that stand for something named elsewhere: never a term's name.
PRONOUNS = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "they",
        "there",
        "he",
        "she",
        "we",
        "you",
        "i",
        "which",
        "what",
        "who",
        "each",
        "every",
        "all",
        "some",
        "most",
        "many",
        "one",
        "here",
        "such",
    ]
)
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)
_TYPE_LABEL = re.compile(
    r"^(?:type|class|tier|level|layer|mode|generation|gen|category|grade|stage)\s+"
    r"(?:[ivx]{1,5}|\d{1,2}|[a-z]|one|two|three|four|five)$",
    re.IGNORECASE,
)
_END_PUNCT = ".,;:!?"


@dataclass(slots=True)
class TermName:
    """A term as written, split into its name, the aliases in its parenthesis, and any note there."""

    name: str
    aliases: list[str] = field(default_factory=list)
    note: str = ""
    examples: list[str] = field(default_factory=list)
    prefix: str = ""  # a parenthesis before the name: "(Monocytes) Phagocytic cells" -> "Monocytes"
    grammar: str = ""  # "f; noun, sustantivo": gender and word class written after a word, never a name
    year: str = ""  # "1789", "1914-1918": when the named thing happened, never another name for it


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the form ``<subject> <verb> <rest>``."""

    subject: str
    verb: str
    rest: str
    had_article: bool
    article: str = ""  # "a", "an" or "the" (lower case) when ``had_article``

    @property
    def defines(self) -> bool:
        """Whether the sentence reads as a definition of its subject ("X is a ...", "X occurs when ...")."""
        verb = " ".join(self.verb.lower().split())
        if verb in BE_VERBS:
            return bool(_IS_REST.match(self.rest) or _KIND_THAT.match(self.rest))
        return True

    @property
    def definition(self) -> str:
        """The definition it gives: the rest after "is"/"means", else the verb and the rest."""
        verb = " ".join(self.verb.lower().split())
        if verb in _DROPPED_VERBS:
            return capitalize(self.rest)
        return capitalize(f"{verb} {self.rest}")


def words(text: str) -> list[str]:
    """The whitespace-separated words of ``text``."""
    return text.split()


def capitalize(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:] if text else text


def strip_objective(text: str) -> tuple[str, list[str]]:
    """A heading without its ``(OBJ x.y)`` tags, and the objectives found."""
    found = OBJECTIVE.findall(text)
    return " ".join(OBJECTIVE.sub(" ", text).split()), found


def label(text: str, *, asides: bool = True) -> tuple[str, str] | None:
    """``("definition" | "examples" | "aliases" | "see_also" | "note", rest)`` for a labelled line (an
    emoji before the label is no part of it); ``asides=False`` (for headings) reads the text as written and
    leaves callout labels such as ``Clinical Note`` or ``Warning`` unread."""
    unpictured = strip_leading_pictures(text) if asides else text
    match = _LABEL.match(unpictured)
    if not match:
        aside = _ASIDE_LABEL.match(unpictured) if asides else None
        return None if aside is None else ("note", aside.group("rest").strip())
    name = " ".join(match.group("label").lower().split())
    rest = match.group("rest").strip()
    if name.isalpha() and _defines_itself(name, rest):
        # "Note: A note is a named pitch": the label word is the term its line defines
        return None
    return _LABEL_KIND.get(name, "note"), rest


def _defines_itself(word: str, rest: str) -> bool:
    """Whether ``rest`` is a sentence defining ``word`` (or its plural) as its subject."""
    found = sentence(rest)
    if found is None or not found.defines:
        return False
    subject = found.subject.lower()
    return subject in (word, word + "s", word.rstrip("s"))


def is_term_like(text: str, *, bold: bool = False, caseless: bool = False) -> bool:
    """Whether a line could be a term on its own: short, no final full stop, not a lower-case start
    (unless ``caseless``: notes written all in lower case, where the case says nothing)."""
    if not text or len(text) > (100 if bold else 60) or text[-1] in _END_PUNCT:
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    leading = _LEADING_PAREN.match(text)
    if leading and text[leading.end() :][:1].isalpha():
        text = text[leading.end() :]  # "(Monocytes) Phagocytic white blood cells": the name after it
    if bold:
        return len(words(text)) <= 10
    first = text[0]
    if first.islower() and not caseless and not any(ch.isupper() for ch in words(text)[0]):
        return False
    return 1 <= len(words(text)) <= 6 and first not in "\"'(["


def is_explanation(text: str) -> bool:
    """Whether a line reads as an explanation: a sentence-like line of four words or more."""
    return bool(text) and (len(words(text)) >= 4 or text.endswith("."))


def is_name(text: str) -> bool:
    """Whether a line is a proper name such as ``Docker``, ``Parallels Virtuozzo`` or ``VMware ESXi``."""
    if not text or len(text) > 40 or text[-1] in _END_PUNCT:
        return False
    parts = words(text)
    if len(parts) > 4:
        return False
    for index, word in enumerate(parts):
        if index > 0 and word.lower() in _SMALL_WORDS:
            continue
        if not any(ch.isupper() or ch.isdigit() for ch in word):
            return False
    return True


def acronym_of(acronym: str, long_name: str) -> bool:
    """Whether ``acronym`` (e.g. ``IaaS``, ``TCP``, ``TACACS+``) abbreviates ``long_name``.

    A ``+`` ending the acronym is the word "Plus" ending the long name (``TACACS+``: ``Terminal Access
    Controller Access-Control System Plus``): it stands for that word, no letter of it."""
    plus = re.match(r"^(?P<rest>.*\S)\s*\+$", acronym.strip())
    ends = re.match(r"^(?P<rest>.*\S)\s+(?:plus|\+)$", long_name.strip(), re.IGNORECASE)
    if plus is not None and ends is not None:
        return acronym_of(plus.group("rest"), ends.group("rest"))
    letters = [ch for ch in acronym if ch.isalnum()]
    if not 2 <= len(letters) <= 8 or sum(ch.isupper() for ch in letters) < 2:
        return False
    parts = [w for w in re.split(r"[\s\-/]+", long_name) if w]
    if len(parts) < 2:
        return False
    every = "".join(w[0] for w in parts).casefold()
    significant = "".join(w[0] for w in parts if w.lower() not in _SMALL_WORDS).casefold()
    wanted = "".join(letters).casefold()
    return wanted in (every, significant)


_INTRODUCTION = re.compile(
    r"^(?:there\s+(?:are|is|were)|there['’]s|let['’]?s|let\s+us|here\s+(?:are|is)|here['’]s|"
    r"in\s+this\s+(?:section|chapter|part))\b",
    re.IGNORECASE,
)


#: A lead-in cut off before what it leads to (``Pair with``, ``Read together with:``, ``Examples include``).
_LEAD_IN = re.compile(
    r"^[^.!?]*\s(?:with|include|includes|including|such\s+as|like|following|follows|see|below)\s*:?$",
    re.IGNORECASE,
)


def introduces(text: str) -> bool:
    """Whether a line introduces what follows (``There are a lot of ...``, ``Let's talk about ...``,
    or a phrase cut off before it: ``Pair with``, ``Useful reading includes:``)."""
    text = text.strip()
    return bool(_INTRODUCTION.match(text) or _LEAD_IN.match(text))


_EXPLAINED_AFTER = re.compile(
    r"^\s*(?:,\s*(?:which|where|that['’]s|that\s+is|who)\s+|\s*[—–]\s*|\s+-\s+)(?P<rest>.+)$",
    re.IGNORECASE,
)


def explained_after(run: str, text: str) -> str | None:
    """The explanation that follows a term marked inside a sentence, or None.

    ``..., which consists of ...`` / ``—an internetwork that ...`` / ``. An internetwork is a ...``: the
    clause up to the end of its sentence, if it has 3 words or more.
    """
    after = text[text.index(run) + len(run) :]
    match = _EXPLAINED_AFTER.match(after)
    if match is not None:
        rest = match.group("rest")
    else:
        again = re.match(
            rf"^\W*\.\s+(?:an?|the)\s+{re.escape(run)}\s+(?:is|are)\s+(?P<rest>.+)$", after, re.IGNORECASE
        )
        if again is None:
            return None
        rest = again.group("rest")
    rest = re.split(r"(?<=[.!?])\s+", rest.strip(), maxsplit=1)[0].rstrip(" .")
    if len(words(rest)) < 3:
        return None
    return capitalize(rest) + "."


def names_only(text: str) -> bool:
    """Whether ``text`` is only a list of 2+ names (``Extensions, plugins, add-ons``), no explanation."""
    parts = [p.strip() for p in re.split(r",|\bor\b|\band\b", text) if p.strip()]
    return len(parts) >= 2 and all(len(words(p)) <= 3 and p[-1] not in _END_PUNCT for p in parts)


def split_names(text: str) -> list[str]:
    """Comma-, slash- or "or"-separated names, trimmed, without empties."""
    names = []
    for part in _ALIAS_SPLIT.split(_ALIAS_PREFIX.sub("", text.strip())):
        part = part.strip().strip("\"'").strip()
        if part:
            names.append(part)
    return names


#: Marks after a term that flag it (``Symbiosis *``, ``Mitosis †``), not part of its name.
_TERM_MARKS = re.compile(r"(?:\s*\\?[*†‡§#]+)+$")
#: ``Replicate(s)``, ``Protocol(s)``: an optional plural ending glued to the word.
_PLURAL_PAREN = re.compile(r"^(?P<name>.*[^\W\d_])\((?P<end>s|es|e)\)$", re.IGNORECASE)
#: ``Nucle(us/i)``, ``Analys(is/es)``: a stem glued to its endings, singular first.
_ENDINGS_PAREN = re.compile(r"^(?P<stem>.*[a-z]{2})\((?P<ends>[a-z]{1,4}(?:/[a-z]{1,4})+)\)$")
#: ``[Characteristics of] Life``: optional words in square brackets.
_OPTIONAL_WORDS = re.compile(r"\[(?P<words>[^\[\]]+)\]")
_OPEN_CLOSE = {"(": ")", "[": "]", "{": "}"}


def strip_term_marks(text: str) -> str:
    """A term without the marks authors flag terms with (``Symbiosis *`` -> ``Symbiosis``) and without
    pictures around it (``🔥 Kernel`` -> ``Kernel``)."""
    return strip_pictures(_TERM_MARKS.sub("", text.strip()).strip())


def _picture(ch: str) -> bool:
    """Whether ``ch`` is an emoji or a joiner or variation selector that goes with one."""
    return (
        unicodedata.category(ch) == "So" or ch in "\u200d\ufe0f\ufe0e" or "\U0001f3fb" <= ch <= "\U0001f3ff"
    )


def strip_pictures(text: str) -> str:
    """``text`` without emoji and pictograms at its start and end (``🔥 Kernel`` -> ``Kernel``)."""
    start, end = 0, len(text)
    while start < end and (_picture(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_picture(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def strip_leading_pictures(text: str) -> str:
    """``text`` without emoji and pictograms at its start (``🧠 Tip: ...`` -> ``Tip: ...``)."""
    start = 0
    while start < len(text) and (_picture(text[start]) or text[start].isspace()):
        start += 1
    return text[start:]


#: A short run-in label opening a line or a sentence: ``Remember: ``, ``Clinical Note: ``.
_RUN_IN_LABEL = re.compile(r"^[^\W\d_][\w ]{0,25}:\s+(?=\S)")


def without_run_in_label(text: str) -> str:
    """``text`` without a short run-in label opening it (``Clinical Note: Infections of ...`` ->
    ``Infections of ...``): a letter, then up to 25 letters, digits or spaces, a colon and a space."""
    match = _RUN_IN_LABEL.match(text)
    return text[match.end() :] if match is not None else text


def balanced(text: str) -> bool:
    """Whether every bracket in ``text`` is closed, in order."""
    stack: list[str] = []
    for ch in text:
        if ch in _OPEN_CLOSE:
            stack.append(_OPEN_CLOSE[ch])
        elif ch in ")]}" and (not stack or stack.pop() != ch):
            return False
    return not stack


#: First words that start a piece of a sentence, never a name of several words.
_NOT_A_NAME_START = frozenset(
    [
        "in",
        "for",
        "but",
        "when",
        "just",
        "another",
        "if",
        "as",
        "so",
        "because",
        "although",
        "while",
        "with",
        "without",
        "on",
        "at",
        "by",
        "from",
        "to",
        "of",
        "and",
        "or",
        "then",
        "also",
        "however",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "it",
        "they",
        "we",
        "you",
        "i",
        "he",
        "she",
        "our",
        "your",
        "my",
        "their",
        "its",
        "what",
        "how",
        "why",
        "where",
        "who",
        "which",
    ]
)


#: ``-itis``, ``-emia``: a word ending (a suffix) is a name, though it starts with a hyphen.
_SUFFIX = re.compile(r"^-[^\W\d_]{2,20}$")

_DANGLING_END = re.compile(
    r"\s(?:with|to|for|of|and|or|from|the|a|an|into|about|than|including)$", re.IGNORECASE
)


#: ``Watched the AWS summit``, ``Learned a new trick``: a verb in the past tense then what was done (an
#: article or a possessive after it): something the writer did, not a name (``Shared Responsibility
#: Model``, ``Enriched uranium`` have no article after their first word).
_DID_SOMETHING = re.compile(
    r"^[A-Za-z]+ed\s+(?:the|a|an|my|our|their|his|her|some|this|these|that)\s+\S", re.IGNORECASE
)
#: ``Other Concepts Coming Soon``, ``Networking (TBD)``: a part the notes will have, nothing yet.
_NOT_YET = re.compile(
    r"\b(?:coming\s+soon|to\s+be\s+(?:continued|added|written|done)|tbd|tba|work\s+in\s+progress)\W*$",
    re.IGNORECASE,
)


def is_term_name(text: str, *, marked: bool = False) -> bool:
    """Whether ``text`` can be an entry's name: a short name, never a sentence, a mark or a bracket end.

    ``Birthday attack``, ``Type II hypervisor``, ``802.1X``, ``Transport Layer Security (TLS)`` are names;
    ``This is why we hash passwords.``, ``Symbiosis *``, ``DHCP process [1``, ``s`` are not. ``marked``:
    the author set ``text`` in bold before its explanation (``**4 minute men** - ...``), so a leading
    number is part of the name rather than a count of things.
    """
    text = text.strip()
    if not text or len(text) > 80 or not any(ch.isalnum() for ch in text):
        return False
    if text[-1] in ".!?,;:*[({" or not balanced(text):
        return False
    if text[0] in ")]},;:*-–—" and not _SUFFIX.match(text):
        return False
    if len(words(text)) > 8 or any(w in ("is", "are", "was", "were") for w in words(text)):
        return False
    if len(words(text)) > 1 and _DANGLING_END.search(text):
        return False  # "Pair with", "Used for the": a line that leads on to what follows, not a name
    if not marked and len(words(text)) > 2 and words(text)[0].isdigit():
        return False  # "60 CompTIA A+ hardware facts": a count of things, not a name
    if _NUMBERED_PLACE.match(text) or is_structural(text) or text.casefold().rstrip(".") in _NO_NAMES:
        return False  # "Step 1", "Key points": a place in the notes, not a name
    if len(words(text)) > 1 and words(text)[0].casefold() in _NOT_A_NAME_START:
        return False  # "In animals", "But it also has some drawbacks", "When people": pieces of sentences
    said = sentence(text)
    if said is not None and len(words(said.rest)) >= 2:
        return False
    if _DID_SOMETHING.match(text) or _NOT_YET.search(text):
        return False  # "Watched the AWS summit in NYC", "Other Concepts Coming Soon": a diary line, a to-do
    stated = _STATEMENT.match(text)
    if stated is not None and stated.group("article") and stated.group("subject")[:1].islower():
        return False  # "The nucleus holds the DNA", "A ribosome makes proteins": a statement, not a name
    return not (len(text) == 1 and text.islower())


_QUALIFIER = re.compile(
    r"^(?:with|without|for|in|on|of|from|to|by|via|using|incl\.?|including)\s", re.IGNORECASE
)
#: ``Term, in X`` / ``Term, in the context of X``: a term with the field it is meant in.
_COMMA_QUALIFIER = re.compile(
    r"^(?P<name>[^,()]{1,60}),\s+(?P<where>(?:in|for|as\s+in|in\s+the\s+context\s+of)\s+[^,()]{1,40})$",
    re.IGNORECASE,
)
#: `` / `` between two names written as one (spaces around the slash: ``TCP/IP`` is one name).
_SLASH = re.compile(r"\s+/\s+")
_GLUED_SLASH = re.compile(r"\s*/\s*")
_SIDE_WITH_SYNONYM = re.compile(r"^(?P<name>[^()/]{1,40}?)\s*\((?P<inner>[^()/]{1,40})\)$")
#: one of the names a comma lists: a word or two (``cranium``, ``exo-``, ``-itis``), no phrase.
_LISTED_NAME = re.compile(r"^-?[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?$")
_WRAPPED_NAME = re.compile(r"^\((?P<name>[^(),]{2,60}),\s*(?P<alias>[^(),\s]{1,12})\)$")


_WORD_CLASS = frozenset(
    {
        # gender and number marks of a vocabulary word
        *("f", "m", "n", "nt", "mf", "m/f", "f/m", "pl", "sg", "fem", "masc", "neut"),
        *("feminine", "masculine", "neuter", "plural", "singular", "femenino", "masculino"),
        # word classes, in English and as Spanish, French or German learners write them
        *("noun", "verb", "adjective", "adverb", "pronoun", "preposition", "conjunction", "interjection"),
        *("adj", "adv", "prep", "conj", "pron", "vb", "phrase", "expression", "idiom"),
        *("sustantivo", "nombre", "verbo", "adjetivo", "adjetiva", "adverbio", "pronombre"),
        *("preposición", "preposicion", "conjunción", "conjuncion", "frase", "expresión", "expresion"),
        *("nom", "verbe", "adjectif", "adverbe", "substantiv", "adjektiv"),
        *("regular", "irregular", "transitive", "intransitive", "reflexive", "reflexivo"),
    }
)
_TRAILING_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)\s*$")
_YEAR = re.compile(
    r"^(?:c\.\s*|ca\.\s*)?(?:1\d{3}|20\d{2}|\d{1,4}\s*(?:bc|bce|ad|ce))"
    r"(?:\s*(?:-|–|—|to)\s*(?:\d{2,4}|present|now)(?:\s*(?:bc|bce|ad|ce))?)?s?$",
    re.IGNORECASE,
)
#: Articles a vocabulary word is written with ("La Paciencia (f)"): the word without one is a name too.
_VOCAB_ARTICLE = re.compile(
    r"^(?:el|la|los|las|le|les|l'|il|lo|gli|der|die|das|o|a|os|as)\s+(?=\w)", re.IGNORECASE
)


def is_year(text: str) -> bool:
    """Whether ``text`` is only a year or a span of years (``1789``, ``1914-1918``, ``776 BC``)."""
    return bool(_YEAR.match(text.strip().rstrip(".")))


#: Marks that are also units and symbols ("Mass (m)", "Force (F)", "Newton (N)"): a word's gender only
#: next to its word class or after an article.
_SHORT_MARKS = frozenset({"f", "m", "n", "nt", "mf", "m/f", "f/m", "pl", "sg"})


def _word_class(inner: str) -> bool:
    parts = [p for p in re.split(r"[\s,;.]+", inner.casefold()) if p]
    return bool(parts) and all(part in _WORD_CLASS for part in parts)


def _short_marks(inner: str) -> bool:
    return all(p in _SHORT_MARKS for p in re.split(r"[\s,;.]+", inner.casefold()) if p)


def _grammar_and_year(text: str) -> tuple[str, str, str]:
    """``text`` without trailing ``(f) (noun, sustantivo)`` / ``(1789)`` groups, then what they said."""
    grammar: list[str] = []
    year = ""
    while (match := _TRAILING_PAREN.search(text)) and match.start() > 0:
        inner = match.group("inner").strip()
        if _word_class(inner):
            grammar.insert(0, inner)
        elif is_year(inner) and not year:
            year = inner
        else:
            break
        text = text[: match.start()].rstrip().rstrip(":").rstrip()
    if grammar and all(_short_marks(g) for g in grammar) and not _VOCAB_ARTICLE.match(text):
        return text + "".join(f" ({g})" for g in grammar), "", year  # a symbol: "Mass (m)"
    return text, "; ".join(grammar), year


def term_name(text: str) -> TermName:
    """Split ``Term (Alias)`` / ``Long Name (ACRONYM)`` / ``Term (a note)`` into its parts.

    Flag marks are dropped (``Symbiosis *``), ``Replicate(s)`` is ``Replicate`` with the alias
    ``Replicates`` (``Nucle(us/i)`` is ``Nucleus`` with the alias ``Nuclei``), and
    ``[Characteristics of] Life`` is ``Characteristics of Life`` with the alias ``Life``.
    A vocabulary word's gender and word class (``La Paciencia (f) (noun, sustantivo)``) go to
    ``grammar`` (and with a gender, the word without its article is an alias); a year after a name
    (``French Revolution (1789)``) goes to ``year``.
    """
    text = strip_term_marks(text.strip().rstrip(":").strip())
    text, grammar, year = _grammar_and_year(text)
    if grammar or year:
        named = term_name(text)
        named.grammar, named.year = grammar, year
        article = _VOCAB_ARTICLE.match(named.name)
        gendered = any(
            p in ("f", "m", "n", "nt", "mf", "fem", "masc", "neut") for p in re.split(r"[\s,;./]+", grammar)
        )
        if article and gendered and len(words(named.name)) >= 2:
            named.aliases.append(named.name[article.end() :])
        return named
    leading = _LEADING_PAREN.match(text)
    rest = text[leading.end() :] if leading else ""
    if leading and rest[:1].isalpha() and is_term_name(rest):
        # "(Monocytes) Phagocytic white blood cells", "(Induced) Specific defence": a synonym or a
        # qualifier written first; the name is what follows
        whole = term_name(rest)
        inner = leading.group("inner").strip()
        aliases = [*whole.aliases, f"{inner} {whole.name}"]
        return TermName(whole.name, aliases, whole.note, whole.examples, prefix=inner)
    qualified = _COMMA_QUALIFIER.match(text)
    if qualified and is_term_name(qualified.group("name")):
        # "Latency, in routing": the term is Latency, as the notes' subject uses it
        name, where = qualified.group("name").strip(), qualified.group("where").strip()
        return TermName(name, aliases=[f"{name} {where}"])
    wrapped = _WRAPPED_NAME.match(text)
    if wrapped:  # "(average total cost, ATC)": the whole name in brackets, its acronym after a comma
        text = f"{wrapped.group('name').strip()} ({wrapped.group('alias').strip()})"
    endings = _ENDINGS_PAREN.match(text)
    if endings:  # "Fung(us/i)": Fungus, also Fungi; never the word fragments as names
        stem = endings.group("stem").strip()
        forms = [stem + end for end in endings.group("ends").split("/")]
        return TermName(forms[0], aliases=forms[1:])
    plural = _PLURAL_PAREN.match(text)
    if plural:
        name = plural.group("name").strip()
        return TermName(name, aliases=[name + plural.group("end").lower()])
    if _OPTIONAL_WORDS.search(text) and balanced(text):
        full = " ".join(_OPTIONAL_WORDS.sub(lambda m: m.group("words"), text).split())
        short = " ".join(_OPTIONAL_WORDS.sub(" ", text).split())
        if full and short and any(ch.isalnum() for ch in short):
            whole = term_name(full)
            return TermName(whole.name, [*whole.aliases, short], whole.note, whole.examples)
    paired = [_SIDE_WITH_SYNONYM.match(side.strip()) for side in text.split("/")]
    if 2 <= len(paired) <= 3 and all(paired):
        # "Figure(positive space)/Ground(negative space)": paired names, each with a synonym in brackets
        names = [side.group("name").strip() for side in paired if side]
        inners = [side.group("inner").strip() for side in paired if side]
        return TermName("/".join(names), aliases=[*names, *inners])
    match = _PAREN.match(text)
    if not match:
        middle = _MIDDLE_PAREN.match(text)
        if middle and len(words(middle.group("tail"))) <= 2:
            # "ECC (Error-Correcting Code) RAM" is ECC RAM, also called Error-Correcting Code RAM
            head, inner, tail = middle.group("head"), middle.group("inner"), middle.group("tail")
            return TermName(f"{head} {tail}", aliases=[f"{inner} {tail}"])
        sides = [side.strip() for side in _SLASH.split(text)]
        glued = [side.strip() for side in _GLUED_SLASH.split(text)]
        if len(sides) < len(glued) and all(len(words(side)) >= 2 and "(" not in side for side in glued):
            # "das Blatt/die Blätter", "der Berg/ die Berge": two names of two words or more, the slash
            # between them written without its spaces (one-word sides, "Input/Output", are one name)
            sides = glued
        if 2 <= len(sides) <= 3 and all(is_term_name(side) and len(words(side)) <= 4 for side in sides):
            # "Gateway / Default route", ".aiff / .aif": one row for two names; either one finds it
            return TermName(text, aliases=sides)
        listed = [side.strip() for side in text.split(",")]
        if 2 <= len(listed) <= 4 and all(_LISTED_NAME.match(side) and is_term_name(side) for side in listed):
            # "ecto-, exo-", "thoracic, thorax, pectoral": a row's names for one thing, the first its term
            return TermName(listed[0], aliases=listed[1:])
        return TermName(text)
    name, inner = match.group("name").strip(), match.group("inner").strip()
    if _QUALIFIER.match(inner):
        return TermName(name, note=inner)  # "Paths (with N, B, O)": what the term comes with, no names
    if _EXAMPLE_PREFIX.match(inner):
        return TermName(name, examples=split_names(_EXAMPLE_PREFIX.sub("", inner)))
    cleaned = _ALIAS_PREFIX.sub("", inner)
    aliases = split_names(cleaned)
    looks_like_names = (
        bool(aliases)
        and all(len(words(alias)) <= 5 for alias in aliases)
        # "(or mixer)", "(aka digest)": the author says it is another name, whatever its case
        and (len(aliases) > 1 or not aliases[0][0].islower() or cleaned != inner)
    )
    if looks_like_names or acronym_of(name, cleaned) or acronym_of(cleaned, name):
        return TermName(name, aliases=aliases if looks_like_names else [cleaned])
    return TermName(name, note=inner)


_GROUPING_LABEL = re.compile(
    r"^(?:unit|chapter|part|module|lesson|week|section|topic|lecture|day)\s+(?:\d+(?:\.\d+)*|[ivxlc]+)\b"
    r"\s*(?:[:.\-–—]\s*.*)?$",
    re.IGNORECASE,
)


_STRUCTURAL = re.compile(
    r"^(?:[\d.)\s]+|[^\w\s]+\s*)?"  # "2. ", "1.3 ", an emoji or a mark before the words
    r"(?:introduction|intro|overview|summary|summaries|conclusions?|key\s+(?:points|takeaways|ideas|facts)"
    r"|takeaways|further\s+reading|references?|sources?|bibliography|citations|works\s+cited"
    r"|(?:useful\s+|external\s+)?(?:resources|links)|(?:table\s+of\s+)?contents|toc|appendix(?:\s+\w)?"
    r"|(?:review|practice|exam|study|self[-\s]check)\s+questions|questions|exercises|quiz"
    r"|acknowledge?ments|credits|licen[cs]e|changelog|to\s*do|tips|tips\s+and\s+tricks|notes|my\s+notes"
    r"|prerequisites|learning\s+objectives|recap|revision\s+checklist"
    r"|definitions|key\s+(?:terms|words|definitions|vocabulary)|keywords|glossary|vocabulary|terminology"
    r"|examples|(?:summary|overview|comparison|reference|quick[-\s]reference)\s+(?:table|chart|grid)s?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


#: ``Rules for Alcohols``, ``Tips on revision``, ``Steps of mitosis``: a heading over instructions or
#: points about a subject, a part of the notes; the subject may be a term, the heading is not.
_ABOUT_A_SUBJECT = re.compile(
    r"^(?:[\d.)\s]+)?(?:(?:naming|general|basic|key|important)\s+)?(?:rules?|tips|guidelines|instructions"
    r"|steps|hints|tricks|notes|practice\s+problems|worked\s+examples)\s+(?:for|on|of|about|to)\s+\S",
    re.IGNORECASE,
)


def is_structural(text: str) -> bool:
    """Whether a heading names a part of the document rather than a subject (``Introduction``,
    ``Key points``, ``References``, ``Table of contents``, ``Summary table``, ``Rules for Alcohols``):
    never a term, and its text is no definition."""
    flat = " ".join(text.split())
    return bool(_STRUCTURAL.match(flat) or _ABOUT_A_SUBJECT.match(flat))


#: ``Step 1``, ``Example 2``, ``Figure 3``: a numbered place in the notes, not a name.
_NUMBERED_PLACE = re.compile(
    r"^(?:step|example|figure|fig\.?|table|exercise|question|problem|q|slide|page|note)\s*\d+[a-z]?$",
    re.IGNORECASE,
)


#: Words a table's or a list's odd line starts with that name nothing: totals, a question and its answer.
_NO_NAMES = frozenset(
    (
        "total",
        "totals",
        "subtotal",
        "sum",
        "average",
        "mean total",
        "misc",
        "miscellaneous",
        "other",
        "others",
        "etc",
        "n/a",
        "none",
        "tbd",
        "q",
        "a",
        "question",
        "answer",
        "ans",
        "see also",
        "e.g",
        "i.e",
    )
)


def is_grouping_label(text: str) -> bool:
    """Whether a heading or line names a part of the notes (``Unit I: Scientific Foundations``,
    ``Chapter 3 - Memory``, ``Week 4``): a group of terms, never a term."""
    return bool(_GROUPING_LABEL.match(text.strip()))


_POINTS_BACK = re.compile(r"^(?:this|that)\s+(?:word|term|one|name|phrase)\b", re.IGNORECASE)


_MATHS_SPAN = re.compile(r"\$[^$\n]+\$")


def pair(text: str, lead: str = "", *, loose: bool = False) -> tuple[str, str] | None:
    """``(term, explanation)`` of a ``Term - explanation`` / ``Term: explanation`` line, if it is one.

    ``**Term** is ...`` / ``**Term** explanation`` (a bold lead and three words or more) is one too.
    ``loose`` (an item of a glossary list) also takes lower-case terms: ``- element: a substance ...``.
    """
    if lead and text.startswith(lead) and len(lead) < len(text):
        after = text[len(lead) :].strip()
        term = lead.rstrip(":").strip()
        rest = ""
        if _emphasis_in_subject(lead, after):
            return None  # "**Small** Standard Deviation means low ...": a stressed word of the subject
        if lead.endswith(":") or after[:1].isupper():
            rest = after
        elif after[:1] in ":-–—=":
            rest = _SEPARATOR.sub("", after)
        elif after[:2] == ". " and len(words(after)) >= 2:
            rest = capitalize(after[2:].strip())  # "**total cost**. the market value of ..."
        elif (paren := _LEADING_PAREN.match(after)) and len(words(after[paren.end() :])) >= 3:
            # "**SO-DIMM** (Small Outline DIMM) modules are used in laptops": the parenthesis names it
            term = f"{term} ({paren.group('inner')})"
            rest = capitalize(
                re.sub(r"^(?:is|are)\s+", "", after[paren.end() :].strip(), flags=re.IGNORECASE)
            )
        elif after[:1].isalpha() and len(words(after)) >= 3 and is_term_name(term):
            rest = capitalize(re.sub(r"^(?:is|are)\s+", "", after, flags=re.IGNORECASE))
        if term and rest:
            return term, rest
    if is_grouping_label(text):
        return None  # "Unit 1: Research methods" names a part of the notes, not a term
    legend = _SYMBOL_LEGEND.match(text.strip())
    if legend is not None and is_term_name(legend.group("name")):
        # "s - displacement (distance from origin)": a formula's symbol and the quantity it stands for
        name, gloss = legend.group("name").strip(), (legend.group("gloss") or "").strip()
        symbol = legend.group("symbol")
        return f"{name} ({symbol})", capitalize(gloss) if gloss else f"{capitalize(name)} ({symbol})"
    # a separator inside maths (``1-elastic: $|E| = 1$ ... rare``) separates nothing
    masked = _MATHS_SPAN.sub(lambda m: "$" + "x" * (len(m.group(0)) - 2) + "$", text) if "$" in text else text
    for pattern in (_DASH_PAIR, _COLON_PAIR):
        match = pattern.match(masked)
        if not match:
            continue
        term = text[match.start("term") : match.end("term")].strip()
        rest = text[match.start("rest") : match.end("rest")].strip()
        if _SENTENCE_IN_TERM.search(term):
            return None  # "Random data added before hashing. Tip: use a salt": a sentence, then a label
        if pattern is _DASH_PAIR and "$" in term and re.search(r":\s", match.group("term")):
            continue  # "1-elastic: $|E| = 1$ ... rare": the name ends at the colon, its maths explains it
        if "://" in text[: match.end("term") + 3] or label(text):
            return None
        if _POINTS_BACK.match(rest):
            return None  # "Intuition - this word comes to mind": a note on the word above, not a definition
        if is_term_like(term) and len(words(term)) <= 6:
            return term, rest
        optional = _LEADING_OPTIONAL.match(term)
        if optional and is_term_name(term[optional.end() :]) and len(words(term)) <= 6:
            return term, rest  # "[Characteristics of] Life - ...": optional words before the name
        if (
            loose
            and len(words(term)) <= 4
            and is_term_name(term)
            and (
                pattern is _COLON_PAIR
                # "- market clearing price ... demand = supply": a lower-case name in a list item
                or (term[:1].isalpha() and ":" not in term and len(words(rest)) >= 2)
                # "- español -> Spanish": an arrow glosses a word, even with a one-word meaning
                or (term[:1].isalpha() and _ARROW.search(text[match.end("term") : match.start("rest")]))
            )
        ):
            return term, rest
    return None


#: Plural nouns that name an aspect of a thing, not a kind of thing (``Types``, ``Neuron parts``).
_ASPECT_WORDS = frozenset(
    (
        "types",
        "kinds",
        "forms",
        "functions",
        "roles",
        "parts",
        "components",
        "features",
        "properties",
        "characteristics",
        "uses",
        "examples",
        "causes",
        "effects",
        "symptoms",
        "stages",
        "steps",
    )
)
#: ``Key glands``, ``Main groups``: words that pick some members of a kind out, not a name's first word.
_SELECTING_WORDS = frozenset(("key", "main", "major", "common", "other", "important"))


def is_aspect_label(text: str, *, selecting: bool = True) -> bool:
    """Whether a label names an aspect of the thing it is written under (``Types``, ``Neuron parts``,
    ``Functions``) or, with ``selecting``, picks some of its members out (``Key glands``; "key" may also
    be part of a name, ``Key notches``): one or two words, the last a plural aspect noun or the first a
    selecting word."""
    parts = text.casefold().rstrip(":").split()
    if not 0 < len(parts) <= 2:
        return False
    return parts[-1] in _ASPECT_WORDS or (selecting and len(parts) == 2 and parts[0] in _SELECTING_WORDS)


#: Words that say how much or whether, never what: a determiner, a negation, a degree.
_NO_NAME_WORDS = frozenset(
    [
        "no",
        "not",
        "none",
        "all",
        "some",
        "any",
        "every",
        "each",
        "both",
        "many",
        "much",
        "few",
        "more",
        "most",
        "less",
        "least",
        "very",
        "too",
        "only",
        "never",
        "always",
    ]
)
#: A separator between a name and its explanation somewhere in a line.
_SEPARATOR_INSIDE = re.compile(r":\s|\s[-–—]\s")


#: ``v - final velocity (magnitude + direction)``, ``t - time taken``: a one-letter symbol (maybe with a
#: digit or a letter under it, ``v0``, ``E_k``), a dash, and the lower-case name of what it stands for.
_SYMBOL_LEGEND = re.compile(
    r"^(?P<symbol>[^\W\d_](?:_?[0-9a-z])?)\s+[-–—=]\s+(?P<name>[a-z][a-z' -]{2,40}?)"
    r"(?:\s*\((?P<gloss>[^()]{2,80})\))?$"
)


def _emphasis_in_subject(lead: str, after: str) -> bool:
    """Whether a bold word opening a line only stresses a word of the sentence's subject (``**Small**
    Standard Deviation means low variability``, ``**Low** or **No** effect on the median``): one plain
    word (no digit, not an acronym) with no separator after it, and the line read as a sentence has a
    subject that starts with it and runs on past it."""
    word = lead.strip()
    if len(words(word)) != 1 or not word.isalpha() or word.isupper() or not after[:1].isalpha():
        return False
    if after[:1].islower() and (word.casefold() in _NO_NAME_WORDS or word.casefold().endswith("ly")):
        return True  # "**No** affect on the Mode", "**Heavily** affects the Range": a stressed word
    said = sentence(f"{word} {after}")
    if said is not None:
        return said.subject.startswith(word) and len(words(said.subject)) > 1
    # "**Low** or **No** effect on ...": a stressed choice inside a line with no separator; "**mechanical**
    # or **segmental** **solidarity**: ..." names a term before its colon
    return words(after)[0].casefold() in ("or", "and", "nor") and _SEPARATOR_INSIDE.search(after) is None


#: Words that open a relative clause inside a would-be subject (``argument where the premises``).
_RELATIVE_WORDS = frozenset(["where", "which", "who", "whose", "whom", "wherein", "whereby"])
#: Words a question opens with: "Why is the pattern important?" asks, it names no subject.
QUESTION_WORDS = frozenset(["why", "how", "what", "when", "where", "which", "who", "whose", "whom"])
#: Adverbs that end a sentence's opening, never a name: "Designers often use ...", "Cells usually have ...".
_OPENING_ADVERBS = frozenset(
    [
        "often",
        "usually",
        "always",
        "sometimes",
        "never",
        "also",
        "typically",
        "generally",
        "normally",
        "rarely",
        "frequently",
        "commonly",
        "mostly",
        "still",
        "only",
        "even",
        "really",
        "mainly",
        "seldom",
    ]
)

#: ``interesting aspect of``, ``advantage of``: after "a"/"an", a subject that remarks on another, no name.
_ASPECT_OF = re.compile(
    r"^(?:[^\W\d_]+\s+)?(?:aspect|feature|advantage|disadvantage|benefit|drawback|problem|reason|example|"
    r"thing|point|fact|characteristic)s?\s+of\b",
    re.IGNORECASE,
)


def _opening_no_name(parts: list[str]) -> bool:
    """Whether a sentence's subject words (``["Designers", "often"]``, ``["Why"]``) are an opening that names
    nothing: a question word first, or a frequency adverb last."""
    return bool(parts) and (parts[0].lower() in QUESTION_WORDS or parts[-1].lower() in _OPENING_ADVERBS)


def sentence(text: str) -> Sentence | None:
    """The subject, verb and rest of ``text`` when it starts "<short subject> <verb> ..."."""
    match = _SENTENCE.match(text)
    if not match:
        return None
    subject = match.group("subject").strip()
    parts = words(subject)
    if not 1 <= len(parts) <= 5 or any(p.lower() in PRONOUNS for p in parts):
        return None  # "Commonly this is done ...": a pronoun anywhere in it names nothing
    if len(parts) > 1 and (parts[-1].lower() in _SMALL_WORDS or parts[0].lower() in _NOT_A_NAME_START):
        return None  # "For close proximity connections there are PANs": an adverbial opening, no subject
    if any(p.lower() in _RELATIVE_WORDS for p in parts[1:]):
        return None  # "An argument where the premises are ...": the verb is the relative clause's
    if _opening_no_name(parts):
        return None  # "Why is the pattern important?", "Designers often are ...": no subject named
    if match.group("article") and match.group("article").lower() != "the" and _ASPECT_OF.match(subject):
        return None  # "An interesting aspect of pattern is that ...": a remark on a subject, not a name
    article = (match.group("article") or "").lower()
    quoted = _QUOTED_TERM.match(subject)
    if quoted is not None:
        subject = quoted.group("name")  # "The term 'orbit' refers to ...": the quoted word is the subject
    return Sentence(subject, match.group("verb"), match.group("rest").strip(), bool(article), article)


#: ``term 'orbit'``, ``word "sonnet"``: a sentence's subject that names the word it is about in quotes.
_QUOTED_TERM = re.compile(
    r"^(?:term|word|phrase|expression|concept)\s+['\"‘“](?P<name>[^'\"‘’“”]+)['\"’”]$", re.IGNORECASE
)


_STATING_VERBS = (
    rf"{_DEFINING_VERBS}|has|have|can|may|must|will|consists?|contains?|controls?|absorbs?|increases?|"
    r"makes?|produces?|needs?|requires?|uses?|carries?|helps?|forms?|stores?|protects?|holds?|"
    r"converts?|transports?|detects?|breaks?|releases?"
)
_STATEMENT = re.compile(
    rf"^(?:(?P<article>a|an|the)\s+)?(?P<subject>[^\W\d_][\w\-/']*(?:\s+[^\W\d_][\w\-/']*){{0,4}}?)"
    rf"\s+(?P<verb>{_STATING_VERBS})\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def statement(text: str) -> Sentence | None:
    """A statement about a subject: ``The nucleus controls the activities of the cell``.

    Broader than ``sentence``: any of a few dozen verbs; the subject is 1-5 words (``Mesophyll cells of a
    leaf`` is cut to ``Mesophyll cells``), never a pronoun or a quantity word, and never joined by "and".
    """
    match = _STATEMENT.match(text.strip())
    if not match or len(words(match.group("rest"))) < 3:
        return None
    subject = re.sub(r"\s+of\s+(?:a|an|the)\s+.*$", "", match.group("subject"), flags=re.IGNORECASE)
    parts = words(subject)
    if any(p.lower() in PRONOUNS or p.lower() in ("and", "or", "not", "with") for p in parts):
        return None
    if parts[-1].lower() in _SMALL_WORDS or _opening_no_name(parts):
        return None  # "Designers often use the term ...": an opening, no subject named
    article = (match.group("article") or "").lower()
    if article in ("a", "an") and _ASPECT_OF.match(match.group("subject")):
        return None  # "An interesting aspect of pattern is that ...": a remark on a subject, not a name
    return Sentence(subject, match.group("verb"), match.group("rest").strip(), bool(article), article)


_LEANS_BACK = re.compile(r"\b(?:this|these|those|such)\b", re.IGNORECASE)
_JUDGED = re.compile(
    r"^(?:a|an|the|one)\s+(?:\w+\s+)?(?:example|advantage|disadvantage|benefit|drawback|problem|reason|"
    r"way|feature|part|kind)s?\b",
    re.IGNORECASE,
)


def refers_back(said: Sentence) -> bool:
    """Whether a sentence leans on the text before it instead of defining its subject.

    ``Routers are the devices that make this possible`` (this), ``The protocol enables ...`` (a lower-case
    common noun after "the": the one named above; after "a"/"an" it is a new term), ``The Internet is a
    prime example of ...`` and ``Prioritizing data is a huge advantage`` (a judgement, not what it is).
    """
    first_clause = re.split(r"[.;:!?]", said.rest, maxsplit=1)[0]
    if _LEANS_BACK.search(first_clause) or _JUDGED.match(said.rest):
        return True
    parts = words(said.subject)
    return said.article == "the" and len(parts) == 1 and parts[0].islower()  # "An antibody is a ..." defines


#: Verbs that state what may or might be, never what a thing is.
_MAYBE_VERBS = frozenset({"may", "might", "could", "would", "should"})


#: First words after "is" that say how the subject is, not what it is (``slow``, ``faster``, ``not``).
_HOW_IT_IS = re.compile(
    r"^(?:not|no|very|too|so|more|less|most|least|also|often|usually|always|never|only|just|quite|rather"
    r"|important|essential|necessary|common|rare|similar|different|better|worse|faster|slower|larger|smaller"
    r"|bigger|higher|lower|cheaper|easier|harder|useful|good|bad|slow|fast|true|false"
    r"|\w+(?:ly|est|able|ible|ous|ful|ive|ish|less))\b",
    re.IGNORECASE,
)


def bare_kind(said: Sentence) -> bool:
    """Whether an "X is ..." sentence names a kind without its article (``Work is force applied to an
    object``, ``Kinetic energy is movement energy``): a name of at most four words capitalised as a
    term, "is"/"are", then a noun rather than how the subject is (``is faster``, ``is not in kg``,
    ``is essential``). Read as a definition only among lines that define their subjects."""
    verb = " ".join(said.verb.lower().split())
    return (
        verb in ("is", "are")
        and said.subject[:1].isupper()
        and len(words(said.subject)) <= 4
        and is_term_name(said.subject)
        and len(words(said.rest)) >= 2
        and _HOW_IT_IS.match(said.rest) is None
        and not refers_back(said)
        and not hedged(said)
    )


def hedged(said: Sentence) -> bool:
    """Whether a statement says what may be or what is not ("Cells may be ...", "The genes are not ...").

    Such a statement is about its subject but defines nothing: its subject is no term of the notes.
    """
    return said.verb.lower() in _MAYBE_VERBS or said.rest.lower().startswith("not ")


_ALSO_NAMED = re.compile(
    # "('aka' search unemployment)": the word itself may be quoted
    r"\b(?:aka|a\.k\.a\.?|also known as|also called|otherwise known as|known as)[\"”'’]?\s+"
    r"(?:[\"“'](?P<quoted>[^\"”']{2,40})[\"”']|(?P<plain>[A-Za-z0-9][\w\-/ ]{1,30}?)(?=\s*(?:[,;.)]|$)))",
    re.IGNORECASE,
)


#: A sentence opening that points back at the term being defined (``It is also known as ...``).
_BACK_AT_TERM = re.compile(r"^(?:it|this|they|these|the\s+(?:term|name|word))\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")


def named_in(definition: str) -> list[str]:
    """Other names a definition gives its term: ``aka "typo squatting"``, ``also known as TLS``.

    A later sentence of the definition that says what something else is known as (``The second part
    ... is known as the consequent``) names that other thing, not the term: only the first sentence,
    or one that points back at the term (``It is also called ...``), gives it a name.
    """
    starts = [0, *(m.end() for m in _SENTENCE_START.finditer(definition))]
    found = []
    for match in _ALSO_NAMED.finditer(definition):
        name = (match.group("quoted") or match.group("plain") or "").strip()
        begins = max(start for start in starts if start <= match.start())
        said_of_term = begins == 0 or _BACK_AT_TERM.match(definition[begins:])
        if not match.group(0).lower().startswith(("aka", "a.k.a")) and not said_of_term:
            continue
        if name and len(words(name)) <= 4:
            found.append(name)
    return found


def is_type_label(term: str) -> bool:
    """Whether a term is only a label like ``Type I`` or ``Class 2`` that needs its subject."""
    return bool(_TYPE_LABEL.match(term.strip()))


def singular(word: str) -> str:
    """The singular of an English plural as the name model sees it, case kept (``Hypervisors`` ->
    ``Hypervisor``, ``Policies`` -> ``Policy``); unchanged for short words and possessives.

    Acronyms are never plurals of each other (``HTTPS`` is not more than one ``HTTP``).
    """
    lower = word.lower()
    if word.isupper() or len(word) <= 3 or lower.endswith("'s"):
        return word
    one = name_singular(lower)
    if one == lower:
        return word
    keep = next(
        (i for i, (a, b) in enumerate(zip(lower, one, strict=False)) if a != b), min(len(lower), len(one))
    )
    rest = one[keep:]
    return word[:keep] + (rest.upper() if word[keep - 1 : keep].isupper() else rest)
