"""The last look at every entry of a Markdown import: is its term a name, and its definition a meaning?

The extractor reads many styles of notes and, on notes unlike any it knows, takes some lines for terms
that are none: a question number (``1a - A set of processes ...``), an equation (``H + OH = H2O``),
a sample of Markdown syntax (``# Heading``), a label that only introduces its children
(``Status: Ascribed (birth) vs. Achieved (earned)``), a field label repeated under every term
(``- **Context**: ...``), or an author quoted on another term (``**Ogburn**: "Socialization is ..."``).
Such an entry answers a look-up with confidence and wrongly; a refusal with suggestions is better.

``judge`` moves those entries to ``unplaced`` (the import's "not placed" report, so nothing written is
lost) and marks ``# check:`` the definitions that are doubtful but may be right (a definition that
ends in a colon, one taken from the first point under a bare label): the quiz never asks a flagged
entry, and a look-up does not give it for a kind of it (``bot.matching.matcher``). The rules look at
the shape of the term and definition, never at a particular file's words.
"""

from __future__ import annotations

import re

from bot.importer import properties
from bot.importer import text as tx
from bot.importer.draft import Draft, DraftEntry, Item
from bot.matching.names import identity

#: ``1a``, ``2``, ``1921``: a question, part or list number (or a bare year) standing where a name should.
_NUMBERING = re.compile(r"^\(?\d{1,4}[a-z]?[.)]?$")
#: An equation or relation between two sides (``H + OH``, ``[] = concentration``, ``pH ≈ 6-8``).
_RELATION = re.compile(r"\s[=+<>≈→⇒]\s|\s(?:->|=>|<-|<=|>=)\s|[≈→⇒]")
#: ``0.001M``, ``2.5 kg``: a measured amount (a small decimal and a short unit), never a name; a
#: standard's number (``802.11``, ``802.11ac``) has more digits before its point, or no unit.
_QUANTITY = re.compile(r"^\d{0,2}[.,]\d+\s*[^\W\d_]{1,3}$")
#: A sample of Markdown written in code (``# Heading``, ``![image](path)``, ``[link](url)``).
_SYNTAX_SAMPLE = re.compile(r"^(?:#{1,6}\s|!\w)|\]\(")
#: Top-level ``vs.`` / ``versus`` between the parts of a definition.
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)
#: A definition that leads on to a list instead of saying anything (``Programs:``, ``Can be achieved @:``).
_LEADS_ON = re.compile(r"[:：]\s*$")
#: A definition that only names the list below it (``Equity: synonyms``, ``Uses`` , ``Types:``): the label
#: of the points, not what the term means.
_LIST_LABEL = re.compile(
    r"^(?:(?:some|other|its|the|main|key|common)\s+)?(?:synonyms?|other\s+names|also\s+(?:called|known\s+as)|"
    r"aka|examples?|e\.\s?g\.?|types?|kinds?|forms?|features?|characteristics|properties|components|parts|"
    r"steps|stages|uses|advantages|disadvantages|pros|cons)\s*[:.]?$",
    re.IGNORECASE,
)
#: An Obsidian callout's marker with at most a short title (``[!definition]``, ``[!Info] Progressive
#: waves``): the box's kind, not what the term means.
_CALLOUT = re.compile(r"^\[![\w-]+\][+-]?(?:\s+\S+){0,5}$")
#: A definition that stops at an arrow (``Sales Oriented (aggressive selling) ->``): one step of a chain.
_DANGLING_ARROW = re.compile(r"(?:→|⇒|->|=>)\s*$")
#: A definition that starts with a point's letter (``A) wave motion is ...``): a lettered point read as
#: the meaning of the heading above it.
_LETTERED = re.compile(r"^\(?[A-Za-z]\)\s")
#: Emphasis marks left inside a word (``hydro__chlor__ic acid``): markup, not part of the name.
_INNER_EMPHASIS = re.compile(r"(?<=[^\W_])(?:__|\*\*)(?=[^\W_])")
#: Quotation marks around a whole definition.
_QUOTES = "\"'“”‘’«»"
#: One side of such a contrast: a kind named like a term (capital first) and its own gloss in brackets
#: (emptied by ``_outside_brackets``), ``Ascribed ()``; a side in running prose has no gloss.
_KIND = re.compile(r"^[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}\s*\(\)$")


def judge(draft: Draft, notes: str) -> None:
    """Move entries whose term is no name or whose definition is no meaning to ``draft.unplaced``, and
    flag doubtful definitions ``# check:`` (in place). ``notes`` is the Markdown text the draft was read
    from (field labels are counted in it)."""
    for entry in draft.entries:
        cleaned = _INNER_EMPHASIS.sub("", entry.term).strip()
        if cleaned and cleaned != entry.term:
            entry.term = cleaned
    _turn_card_series(draft)
    labels = _repeated_labels(notes)
    lines = notes.splitlines()
    for entry in draft.entries:
        whole = (
            _elided_name(entry, lines)
            or _dated_name(entry)
            or _opposite_name(entry, draft.entries)
            or _used_name(entry)
        )
        if whole and not any(identity(whole) in map(identity, other.names()) for other in draft.entries):
            entry.term = whole
        _join_alternative_name(entry)
        _drop_relative_lead(entry, lines)
    kept: list[DraftEntry] = []
    for entry in draft.entries:
        reason = _not_a_term(entry, draft.entries, labels, lines) or _restated_title(
            entry, draft.title, lines
        )
        if reason is not None:
            draft.unplaced.append((entry.line, f"{_text(entry)} ({reason})"))
            continue
        _flag_doubtful(entry, lines)
        kept.append(entry)
    kept_ids = {id(entry) for entry in kept}
    removed = {
        identity(name) for entry in draft.entries if id(entry) not in kept_ids for name in entry.names()
    }
    kept_names = {identity(name) for entry in kept for name in entry.names()}
    for entry in kept:
        # a pointer to an entry moved out would name no term: the loader would refuse the whole entry
        entry.see_also = [
            item
            for item in entry.see_also
            if identity(item.text) not in removed or identity(item.text) in kept_names
        ]
    draft.entries = kept
    draft.unplaced.sort(key=lambda item: item[0])


def _not_a_term(
    entry: DraftEntry, entries: list[DraftEntry], labels: set[str], lines: list[str]
) -> str | None:
    """Why ``entry`` is no entry (``None`` when it may be one)."""
    term = entry.term.strip()
    if _NUMBERING.match(term):
        return "a number, not a name"
    if _QUANTITY.match(term):
        return "a quantity, not a name"
    if _RELATION.search(term):
        return "an equation or relation, not a name"
    if _SYNTAX_SAMPLE.search(term) or _in_code_sample(entry, lines):
        return "a sample of markup, not a name"
    if _formula_after_arrow(entry, lines):
        return "a reaction or equation, not a meaning"
    if _only_links(entry.definition):
        return "links to other notes, not a meaning"
    if _placeholder_mark(entry, lines):
        return "a highlighted placeholder, nothing written under it"
    if _CALLOUT.match(entry.definition.strip()):
        return "the marker of a callout box, not a meaning"
    if _DANGLING_ARROW.search(entry.definition):
        return "a chain of steps cut at an arrow, not a meaning"
    if _heads_a_glossary(entry, entries):
        return "a heading over the terms its list defines, not a meaning"
    other_term = _heading_over_item(entry, lines)
    if other_term:
        return f"a heading whose first point is {other_term}; the meaning is not the heading's"
    first_named = _first_point_names(entry, entries)
    if first_named:
        return f"a heading whose first point is {first_named}; the meaning is not the heading's"
    if identity(term) in labels:
        return "a label repeated under several terms, not a term"
    if _contrasts_kinds(entry.definition):
        return "a label over the kinds it contrasts, not a meaning"
    other = _quoted_about(entry, entries)
    if other is not None:
        return f'a quotation defining "{other}", not a meaning of {term}'
    if _LABEL_AND_VALUE.search(term) and _CHAIN_ARROW.search(entry.definition):
        # "Blood flow: Veins" over "Right heart → Lungs → ...": a label and the first step of its value
        return "a label and the start of its value, not a name"
    if _chain_line(entry, lines):
        return "a chain of steps (A → B → C), not a term and its meaning"
    if _members_label(term, entry.definition):
        return "a label over the members it lists, not a term"
    if _fact_line(term, entry.definition.strip()) and not _ACRONYM_WORD.search(entry.definition):
        # "First appearance of reptiles: Paleozoic Era" ("Characteristics of Life: MRS GREN", a
        # mnemonic in capitals, may be the meaning)
        return f"a fact (a value of {term}), not a meaning"
    if _among_facts(entry, lines):
        # "Current Epoch: Holoscene" next to "First appearance of reptiles: Paleozoic Era": a list of
        # facts to remember, each a label and its value
        return f"a fact (a value of {term}) in a list of facts, not a meaning"
    if _counted_fact(entry, lines):
        return "a sentence about an amount split at its verb, not a term and its meaning"
    if _SHARE.match(entry.definition.strip()) or (
        _CONDITION.match(entry.definition.strip()) and _DESCRIBES.search(term)
    ):
        # "Most of the energy comes from the sun"; "Changing conditions" over "If conditions fall below
        # ...": a statement of how much or when, not what the term is (a law's "If ..." is kept)
        return "a statement about it (a condition or a share), not a meaning"
    if _quoted_example(term, entry.definition.strip()) and _nested(entry, lines):
        return "a label over a quoted example sentence, not a term"
    if _worked_sum(term, entry.definition):
        return "a label over a worked sum, not a term"
    if _CUT_AT_PREPOSITION.search(term) and any(
        _GUESSED in note for note in entry.checks.get("definition", ())
    ):
        # "Half steps fall between" over "- B & C": a question's front cut off before the points
        return "a line cut off before the points below it, not a term"
    if _LEADS_TO_LIST.search(term):
        return "a line leading to the list below it, not a term"
    if any(_GUESSED in note for note in entry.checks.get("definition", ())) and _DESCRIBES.search(term):
        # "Classifying faults" / "Process that concentrates the minerals" over bare points: a line
        # saying what the points are about, with no meaning of its own
        return "a description of the points below it, not a term"
    grouped = _heads_marked_terms(entry, entries, lines)
    if grouped:
        return (
            f"a heading over the terms its section defines ({grouped}); its first point is no meaning of it"
        )
    if _guessed_for_pair(entry, lines):
        # "## Billing & Pricing" / "## Rivers / Lakes" over "- pay as you go": a heading naming two
        # things groups the points below it; its first point is the meaning of neither
        return "a heading naming two things over points about them, not a term"
    return None


#: How many terms written in bold with their meanings make a heading's section a group of them.
_MARKED_IN_SECTION = 2


def _heads_marked_terms(entry: DraftEntry, entries: list[DraftEntry], lines: list[str]) -> str:
    """The terms a heading entry's section defines in bold (``#### Water`` over ``- **Biospheric
    Reservoir** - water stored in ...`` and two more), joined, when the heading's only meaning is the
    first point under it (``- causes rock to melt``): the heading names the group of those terms, and
    its points are notes on the topic, no meaning. "" otherwise (one bold term under a heading, a
    ``**SO-DIMM:**`` kind below a DIMM's points, leaves the heading a term)."""
    if not 0 < entry.line <= len(lines):
        return ""
    heading = _HEADING_LEVEL.match(lines[entry.line - 1])
    if heading is None:
        return ""
    first = next((line for line in lines[entry.line :] if line.strip()), "")
    point = _ITEM.match(first)
    if point is None or identity(point.group("text")) != identity(entry.definition):
        return ""
    level = len(heading.group("marks"))
    end = len(lines)
    for number in range(entry.line + 1, len(lines) + 1):
        other = _HEADING_LEVEL.match(lines[number - 1])
        if other is not None and len(other.group("marks")) <= level:
            end = number
            break
    marked = [
        e.term for e in entries if e is not entry and e.marked and entry.line < e.line < end and e.definition
    ]
    return ", ".join(marked) if len(marked) >= _MARKED_IN_SECTION else ""


#: A heading line and its marks.
_HEADING_LEVEL = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s")
#: What joins two names in one heading: a spaced slash, an ampersand, "and" (``Rivers / Lakes``,
#: ``Billing & Pricing``); ``TCP/IP`` and ``Figure/Ground`` have no spaces and name one thing.
_PAIR_JOIN = re.compile(r"\s(?:/|&|and)\s", re.IGNORECASE)


def _guessed_for_pair(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry`` is a heading that names two things (``## Billing & Pricing``) and has no
    meaning but its first point, taken as a guess: the heading is a group of notes about both, and
    the point (``pay as you go``) is the meaning of neither."""
    if not any(_GUESSED in note for note in entry.checks.get("definition", ())):
        return False
    if not 0 < entry.line <= len(lines) or not _HEADING.match(lines[entry.line - 1]):
        return False
    sides = _PAIR_JOIN.split(entry.term.strip())
    return len(sides) == 2 and all(tx.is_term_name(side.strip()) for side in sides)


#: How many lines after an entry's own line a list it leads on to may start (a heading, a blank line,
#: the lead-in sentence, a blank line).
_LEAD_IN_REACH = 6


def _heads_a_glossary(entry: DraftEntry, entries: list[DraftEntry]) -> bool:
    """Whether ``entry`` has nothing but a sentence leading on to a list (``...different beliefs:``)
    and the points of that list are entries of their own (``- **The United States:** ...``): the
    heading above groups them, it is no term."""
    if not _LEADS_ON.search(entry.definition) or entry.details or entry.examples or entry.aliases:
        return False
    after = [e for e in entries if entry.line < e.line <= entry.line + _LEAD_IN_REACH + 2]
    return len(after) >= 2 and all(e.definition for e in after)


#: A line that is only a highlighted word or two (``<mark>pencil</mark>``, ``==todo==``, a coloured
#: ``<span style=...>``, maybe in bold): a marker left to fill in later, not a meaning. Three words or
#: more in a highlight may be a meaning written in colour, and are kept.
_MARK_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?[*_]{0,3}(?:<(?P<tag>mark|span|font)\b[^>]*>\s*(?P<html>[^<\s]{1,30}(?:\s+[^<\s]{1,30})?)\s*</(?P=tag)>"
    r"|==(?P<eq>[^=\s]{1,30}(?:\s+[^=\s]{1,30})?)==)[*_]{0,3}\s*$",
    re.IGNORECASE,
)


def _placeholder_mark(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry``'s definition is the text of a line holding only a highlight mark."""
    wanted = identity(entry.definition.strip(" ."))
    for line in lines[entry.line - 1 : entry.line + 3]:
        found = _MARK_LINE.match(line)
        if found and identity(found.group("html") or found.group("eq") or "") == wanted:
            return True
    return False


#: A relative pronoun left at the start of a definition (``*Killer T cells* which destroy ...``).
_RELATIVE_LEAD = re.compile(r"^(?:which|who)\s+(?=[a-z])", re.IGNORECASE)


def _drop_relative_lead(entry: DraftEntry, lines: list[str]) -> None:
    """Drop a ``which``/``who`` that starts ``entry``'s definition when its line writes it straight after
    the term (``*Killer T cells* which destroy ...``: the sentence goes on from the name); a question or
    a definition on a line of its own (``Who eats whom``) is kept."""
    if entry.definition.rstrip().endswith("?") or not 0 < entry.line <= len(lines):
        return
    bare = _RELATIVE_LEAD.sub("", entry.definition)
    if bare == entry.definition:
        return
    after_term = re.compile(re.escape(entry.term) + r"[*_`]*\s*,?\s*(?:which|who)\s", re.IGNORECASE)
    if after_term.search(lines[entry.line - 1]):
        entry.definition = bare[:1].upper() + bare[1:]


def _contrasts_kinds(definition: str) -> bool:
    """Whether ``definition`` only contrasts short kinds (``Ascribed (birth) vs. Achieved (earned)``)."""
    parts = _VERSUS.split(_outside_brackets(definition).strip(" ."))
    if len(parts) < 2:
        return False
    return all(_KIND.match(part.strip()) for part in parts)


def _outside_brackets(text: str) -> str:
    """``text`` with what is inside parentheses left out (``A (x vs. y)`` -> ``A ()``), so that a
    ``vs.`` inside them does not count."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
            if depth == 1:
                out.append("(")
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(")")
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _quoted_about(entry: DraftEntry, entries: list[DraftEntry]) -> str | None:
    """The other entry whose name a wholly quoted definition of ``entry`` starts with, if any
    (``Ogburn: "Socialization is a process ..."`` quotes Ogburn on Socialization)."""
    definition = entry.definition.strip()
    if len(definition) < 3 or definition[0] not in _QUOTES or definition.rstrip(".")[-1:] not in _QUOTES:
        return None
    inner = definition.strip(_QUOTES + ". ")
    own = {identity(name) for name in entry.names()}
    for other in entries:
        if other is entry:
            continue
        for name in other.names():
            if identity(name) in own or len(name) < 3:
                continue
            starts = inner[: len(name)].casefold() == name.casefold()
            if starts and inner[len(name) : len(name) + 1] in (" ", ","):
                return other.term
    return None


#: ``- **Context**: ...`` / ``* Bad:`` / ``Definition:``: a label at the start of a line, before a colon.
_LINE_LABEL = re.compile(
    r"^[ \t>]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__|\*|_)?(?P<label>[^\W\d_][^:*_\n]{0,40}?)"
    r"[ \t]*(?:\*\*|__|\*|_)?[ \t]*[:：](?:\*\*|__)?(?:[ \t]|$)",
    re.MULTILINE,
)
#: How many times a label must start a line under different terms to be a field label.
_LABEL_REPEATS = 2


def _repeated_labels(notes: str) -> set[str]:
    """Labels that start ``_LABEL_REPEATS`` or more lines of ``notes`` with different text after them
    (``**Context**:`` under every term of a glossary), or with nothing after them (``* Bad:`` over the
    points of each of several things): fields of an entry, never terms themselves. Only lines as deeply
    indented count together: a term defined in a glossary (``10. *Capital*: ...``) and named again in a
    sub-list of another term (``    4. Capital: ...``) is no field label."""
    seen: dict[tuple[str, int], list[str]] = {}
    for line in notes.splitlines():
        found = _LINE_LABEL.match(line)
        if found is None:
            continue
        rest = line[found.end() :].strip()
        depth = _depth(line[: len(line) - len(line.lstrip(" \t>"))])
        seen.setdefault((identity(found.group("label")), depth), []).append(rest.casefold())
    return {
        label
        for (label, _), rests in seen.items()
        if len(set(rests)) >= _LABEL_REPEATS or rests.count("") >= _LABEL_REPEATS
    }


def _flag_doubtful(entry: DraftEntry, lines: list[str]) -> None:
    """Mark ``# check:`` a definition that is there but may say nothing of the term."""
    definition = entry.definition.strip()
    if entry.checks.get("definition"):
        return
    if identity(definition.strip(" .")) == identity(entry.term):
        entry.check("definition", f"only writes {entry.term} again; write what it means")
    elif _LEADS_ON.search(definition) or _LIST_LABEL.match(definition):
        entry.check("definition", f"only introduces a list; write what {entry.term} means")
    elif _LETTERED.match(definition):
        entry.check("definition", f"taken from a lettered point under {entry.term}, which may be a heading")
    elif _bare_item(entry, lines):
        entry.check("definition", f"taken from the first point under {entry.term}, which may be a label")


#: Small words that join a description (``First appearance of reptiles``), never all of a name's words.
_LINKING_WORDS = frozenset({"of", "in", "for", "to", "by", "on", "at", "the", "a", "an"})
#: A value: capitalized words, numbers and dates (``Paleozoic Era``, ``1066``, ``20%``), four at most.
_VALUE = re.compile(r"^(?:(?:[A-Z][\w'-]*|\d[\d.,%:/-]*\w*)\s*){1,4}$")


#: The check of a definition the extractor took from the first point under a term it found none for.
_GUESSED = "the first detail was used"
#: A line that describes rather than names: it opens with a verb's -ing form and an object
#: (``Classifying faults``, ``Comparing the models``) or holds a relative clause (``Process that
#: concentrates the minerals``).
_DESCRIBES = re.compile(
    r"^[A-Za-z]{4,}ing\s+(?:the\s+|a\s+|an\s+)?[a-z]|\s(?:that|which|who|whose)\s+\w",
)
#: A sentence that opens with a share or a count (``Most of the energy ...``, ``There are 206 bones ...``):
#: it says how much or how many, never what a thing is.
_SHARE = re.compile(r"^(?:(?:most|some|many|much)\s+of|there\s+(?:is|are|were|was)\s+\S*\d)\b", re.IGNORECASE)
#: A sentence that opens with a condition (``If conditions fall ...``): a law's statement, or a fact.
_CONDITION = re.compile(r"^(?:if|unless|when)\s", re.IGNORECASE)
#: ``Key characteristics include``, ``The cell contains``: a line that ends by announcing a list.
_LEADS_TO_LIST = re.compile(
    r"\s(?:includes?|contains?|consists?\s+of|comprises?|(?:is|are)\s+made\s+of|such\s+as)\s*:?$",
    re.IGNORECASE,
)
#: A line that stops at a preposition (``Half steps fall between``): its object is the points below.
_CUT_AT_PREPOSITION = re.compile(
    r"\s(?:between|of|to|for|from|into|onto|than|at|by|with|among|like)$", re.IGNORECASE
)
#: A word in capitals (``MRS``, ``GREN``): an acronym or mnemonic, which may be what a term means.
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,}\b")


#: ``Path: Nose/Mouth``: a label, a colon and a value inside what was taken for a name.
_LABEL_AND_VALUE = re.compile(r"^[^:()\[\]]{2,40}:\s+\S")
#: An arrow between two steps of a chain.
_CHAIN_ARROW = re.compile(r"\s(?:→|⇒|->|=>|-->)\s")
#: How many arrows make a line a chain of steps.
_CHAIN_ARROWS = 3


def _chain_line(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry`` was read from a line that is a chain of steps with no label before it
    (``Kidneys filter blood → Ureters → Bladder → Urethra``): three arrows or more, no colon before the
    first, and the term is the first step."""
    if not 0 < entry.line <= len(lines):
        return False
    line = lines[entry.line - 1]
    steps = _CHAIN_ARROW.split(line)
    return (
        len(steps) > _CHAIN_ARROWS
        and ":" not in steps[0]
        and identity(entry.term) in identity(steps[0])
        and _CHAIN_ARROW.search(entry.definition) is not None
    )


#: Word endings of a singular noun that look plural (``analysis``, ``virus``, ``glass``).
_NOT_PLURAL = ("ss", "us", "is", "ous")
#: How many words such a label has at most (``Neuron parts``, ``Key glands``).
_LABEL_WORDS = 2
#: How many words a listed member may have (its gloss in brackets left out).
_MEMBER_WORDS = 3


def _members_label(term: str, definition: str) -> bool:
    """Whether ``term: definition`` is a plural label over a list of its members (``Types: Skeletal
    (voluntary), Smooth (involuntary), Cardiac``, ``Key glands: Pituitary, Thyroid, Adrenal``): the
    label names an aspect (types, parts, functions) or picks some out (key, main), and says what the
    listed names are; it is no term of its own. The members are two or more short names separated by
    commas, with nothing but a gloss in brackets after each."""
    parts = term.casefold().split()
    if not parts or len(parts) > _LABEL_WORDS:
        return False
    members = [part.strip(" .") for part in _outside_brackets(definition).split(",")]
    if len(members) < 2:
        return False
    glossed = all(part.endswith("()") for part in members)  # "Amylase (carbs), Pepsin (protein), ..."
    if not tx.is_aspect_label(term) and not glossed:
        # "Oceans: Atlantic, Pacific, ...", "4Ps: product, price, ...": a kind named by its members
        return False
    if not glossed and (not parts[-1].endswith("s") or parts[-1].endswith(_NOT_PLURAL)):
        return False  # a plural label over bare members ("Types: ..."); "Absorption: A (x), B (y)" glossed
    return all(
        0 < len(part.replace("()", " ").split()) <= _MEMBER_WORDS
        and part.split()[0].casefold() not in ("and", "or")  # "..., availability, and serviceability."
        and not any(w in _LINKING_WORDS or w.lower() in ("is", "are") for w in part.split())
        for part in members
    )


def _fact_line(term: str, definition: str) -> bool:
    """Whether ``term: definition`` states a fact (``First appearance of reptiles: Paleozoic Era``): a
    described thing of three or more words with a linking word, and a bare proper noun, date or number."""
    words = term.split()
    if len(words) < 3 or not any(w in _LINKING_WORDS for w in words[1:-1]):
        return False
    return _VALUE.match(definition.strip(" .")) is not None


#: A list item ``label: value`` (the label without brackets or emphasis marks left around it).
_LABELLED_ITEM = re.compile(
    r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+[*_]*(?P<label>[^:*_()\[\]]{2,60}?)[*_]*:[*_]*\s+(?P<value>\S.*)$"
)


def _among_facts(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry`` is a ``label: value`` list item whose value is a bare name, date or number
    (``Current Epoch: Holoscene``) next to an item of the same list that states a fact the same way
    (``First appearance of reptiles: Paleozoic Era``): such a list is one of facts to remember, and
    each label asks for its value, it is not a term that the value defines. A glossary's ``Hund:
    Dog`` has no fact around it and stays."""
    if not 0 < entry.line <= len(lines) or not _VALUE.match(entry.definition.strip(" .")):
        return False
    own = _LABELLED_ITEM.match(lines[entry.line - 1])
    if own is None:
        return False
    indent = len(lines[entry.line - 1]) - len(lines[entry.line - 1].lstrip())
    for number in (entry.line - 1, entry.line + 1):  # the items right before and after it
        if not 0 < number <= len(lines):
            continue
        line = lines[number - 1]
        other = _LABELLED_ITEM.match(line)
        if (
            other is not None
            and len(line) - len(line.lstrip()) == indent
            and _fact_line(other.group("label").strip(), other.group("value").strip())
        ):
            return True
    return False


#: A number or share inside a sentence (``20%``, ``97 %``, ``1,200``).
_AMOUNT = re.compile(r"\d")


def _counted_fact(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry`` is a sentence about an amount split at its verb (``Great lakes contains 20% of
    the fresh water``): its line runs on from the term into the definition's first word with no mark
    between them, and the definition holds a number."""
    if not _AMOUNT.search(entry.definition) or not 0 < entry.line <= len(lines):
        return False
    first = entry.definition.split(maxsplit=1)[0] if entry.definition.split() else ""
    line = re.sub(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", "", lines[entry.line - 1])
    run_on = re.compile(re.escape(entry.term) + r"\s+" + re.escape(first) + r"\b", re.IGNORECASE)
    return run_on.match(line) is not None


#: A list item: its indent, its marker and the text after it.
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(?P<text>.*)$")


def _bare_item(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry``'s line is a list item holding its term alone (``- Unemployment``) over points
    that are kinds rather than a meaning: its first point has points of its own (``+ psychological``
    over what psychological egoism is), or a point names a kind of the term (``classical unemployment:``).
    Its definition, taken from the first point, is then a guess."""
    if not 0 < entry.line <= len(lines):
        return False
    item = _ITEM.match(lines[entry.line - 1])
    if item is None:
        return False
    said = item.group("text").strip().strip("*_` ").rstrip(":").strip("*_` ")
    if identity(said) != identity(entry.term):
        return False
    depth = _depth(item.group("indent"))
    points: list[tuple[int, str]] = []
    for line in lines[entry.line :]:
        if not line.strip():
            continue
        point = _ITEM.match(line)
        if point is None or _depth(point.group("indent")) <= depth:
            break
        points.append((_depth(point.group("indent")), point.group("text")))
    if len(points) >= 2 and points[1][0] > points[0][0]:
        return True
    kind = re.compile(rf"[^\W_][\w'-]*\s+{re.escape(entry.term)}\b", re.IGNORECASE)
    return any(kind.search(text) for _, text in points)


def _elided_name(entry: DraftEntry, lines: list[str]) -> str:
    """The whole name of a one-word kind written short under the item that names it (``+ lower:`` under
    ``- Higher happiness vs lower happiness`` is ``lower happiness``), or ""."""
    term = entry.term.strip()
    if len(term.split()) != 1 or not 0 < entry.line <= len(lines):
        return ""
    item = _ITEM.match(lines[entry.line - 1])
    if item is None or not item.group("indent"):
        return ""
    depth = _depth(item.group("indent"))
    for line in reversed(lines[: entry.line - 1]):
        parent = _ITEM.match(line)
        if parent is None or _depth(parent.group("indent")) >= depth:
            if parent is None and line.strip():
                return ""
            continue
        found = re.search(
            rf"(?<![\w-]){re.escape(term)}\s+(?P<rest>[^\W\d_][\w'-]*)", parent.group("text"), re.I
        )
        if found is None or found.group("rest").casefold() in _JOINERS:
            return ""
        return f"{term} {found.group('rest')}"
    return ""


#: Words that join two names rather than continue one (``lower vs higher``): never the rest of a name.
_JOINERS = frozenset({"vs", "versus", "and", "or", "to", "is", "are"})


def _depth(indent: str) -> int:
    """How deep an indent is, a tab counted as four spaces."""
    return len(indent.replace("\t", "    "))


def _text(entry: DraftEntry) -> str:
    """The entry on one line: term, definition, details and examples."""
    text = f"{entry.term}: {entry.definition}" if entry.definition else entry.term
    rest = [item.text for key in ("details", "examples") for item in getattr(entry, key)]
    return text + (f" [{'; '.join(rest)}]" if rest else "")


#: A link to another note or page (``[[Note|shown]]``, ``[text](url)``) or an empty pair of brackets.
_LINK = re.compile(r"\[\[[^\]]*\]\]|\[[^\]]*\]\([^)]*\)|\[\s*\]")
#: A word of two letters or more.
_WORD = re.compile(r"[^\W\d_]{2,}")


def _only_links(definition: str) -> bool:
    """Whether ``definition`` holds links and nothing else that reads as words (``[[2-1 Basics]] (v)``):
    a table of contents under a heading, not what the heading means."""
    if not _LINK.search(definition):
        return False
    return _WORD.search(_LINK.sub(" ", definition)) is None


#: Code spans in a line of notes.
_CODE_SPAN = re.compile(r"`+([^`]+)`+")
#: What a sample of Markdown inside a code span is (``**x**``, ``*x*``), starts with (``# x``, ``- x``,
#: ``![x](y)``) or holds (``[x](y)``, ``[[x]]``). Code with stars or underscores (``**kwargs``,
#: ``__init__``) is no sample.
_MARKUP_IN_CODE = re.compile(r"^(?:\*{1,2}[^*\s][^*]*\*{1,2}$|#{1,6}\s|[-+>]\s|!\[)|\]\(|\[\[")


def _in_code_sample(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry``'s term comes from a code span on its line that shows Markdown syntax
    (``- `[link](url)` - External links`` makes a term ``link``)."""
    if not 0 < entry.line <= len(lines):
        return False
    wanted = identity(entry.term)
    for span in _CODE_SPAN.finditer(lines[entry.line - 1]):
        sample = span.group(1).strip()
        if _MARKUP_IN_CODE.search(sample) and wanted and wanted in identity(sample):
            return True
    return False


#: A heading line.
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
#: A list item holding one emphasised name and nothing else (``- **Heritability**``).
_EMPHASISED_ITEM = re.compile(
    r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(\*\*|__|\*|_)(?P<name>[^*_\n]+?)\1[ \t:]*$"
)


def _heading_over_item(entry: DraftEntry, lines: list[str]) -> str:
    """The name a heading entry's first point gives alone in emphasis (``### Heredity`` over
    ``- **Heritability**`` over its definition), or "": the definition read for the heading is that
    name's. A name given alone under several headings is a field label (``- **Definition**``) and
    does not count."""
    if not 0 < entry.line <= len(lines) or not _HEADING.match(lines[entry.line - 1]):
        return ""
    following = next((line for line in lines[entry.line :] if line.strip()), "")
    item = _EMPHASISED_ITEM.match(following)
    if item is None:
        return _sentence_over_marked(entry, following)
    name = item.group("name").strip()
    if identity(name) == identity(entry.term) or " ".join(name.casefold().split()) in properties.SAYS_WHAT:
        return ""  # "- **Overview**:" over its points: a label saying what the heading names
    same = sum(
        1
        for line in lines
        if (other := _EMPHASISED_ITEM.match(line)) and identity(other.group("name")) == identity(name)
    )
    return name if same == 1 else ""


#: A list item that opens with a marked name, after an article at most, and goes on as a sentence
#: (``- A `curvilinear shape` is formed by ...``, ``- The **cornea** bends light``).
_MARKED_OPENING = re.compile(
    r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:(?:a|an|the)\s+)?(?P<mark>`{1,3}|\*\*|__|\*|_)"
    r"(?P<name>[^`*_\n]{2,60}?)(?P=mark)(?![`*_\w])(?P<rest>.*\S.*)$",
    re.IGNORECASE,
)


def _sentence_over_marked(entry: DraftEntry, point: str) -> str:
    """The name a heading entry's first point opens with in a mark (bold, italics or code) when the
    point goes on to say what that name is (``### Shape`` over ``- A `curvilinear shape` is formed by
    curves``) and the heading's meaning was read from that point: it is the marked name's meaning,
    not the heading's. "" otherwise (the point opens with the heading's own name)."""
    found = _MARKED_OPENING.match(point)
    if found is None:
        return ""
    name = found.group("name").strip()
    if identity(name) == identity(entry.term) or not tx.is_term_name(name):
        return ""
    text = re.sub(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", "", point).replace(found.group("mark"), "")
    return name if identity(text) == identity(entry.definition) else ""


def _first_point_names(entry: DraftEntry, entries: list[DraftEntry]) -> str:
    """The term of another entry that the point read as ``entry``'s meaning starts with, or "": a
    heading with no meaning of its own over a list of terms (``# Momentum`` over ``- Linear momentum
    (động lượng)``, ``- Impulse (xung lượng)``) groups them."""
    if not any(_GUESSED in note for note in entry.checks.get("definition", ())):
        return ""
    point = identity(entry.definition)
    for other in entries:
        if other is entry or other.line <= entry.line:
            continue
        name = identity(other.term)
        if len(name) >= 3 and (point == name or point.startswith(name + " ")):
            return other.term
    return ""


#: A year glued to a name with a dash (``Kapp Putsch -1920``, ``Turnip Winter - 1917``).
_DATED = re.compile(r"^(?P<name>.*[^\W\d_].*?)\s+[-–]\s?\d{4}$")


def _dated_name(entry: DraftEntry) -> str:
    """The name without a year glued to its end by a dash, or ""."""
    found = _DATED.match(entry.term.strip())
    return found.group("name").strip() if found else ""


#: A definition that goes on with another name for the term (``**mechanical** or **segmental
#: solidarity**: social cohesion ...`` read as ``mechanical`` :: ``or segmental solidarity: ...``).
_ALTERNATIVE = re.compile(r"^or\s+(?P<name>[^\W\d_][\w' -]{0,40}?)\s*[:：]\s+(?P<rest>\S.*)$", re.I | re.S)


def _join_alternative_name(entry: DraftEntry) -> None:
    """Give ``entry`` its whole name as written (``mechanical or segmental solidarity``) when its
    definition starts with the rest of it, and the definition after that name (in place)."""
    found = _ALTERNATIVE.match(entry.definition.strip())
    if found is None or len(entry.term.split()) > 3:
        return
    entry.term = f"{entry.term.strip()} or {found.group('name').strip()}"
    rest = found.group("rest").strip()
    entry.definition = rest[:1].upper() + rest[1:]


#: An arrow written between a name and what it turns into (``HCl → H⁺ Cl⁻``).
_ARROW = r"(?:→|⇒|->|=>)"
#: A word of three lower-case letters or more: what prose has and a formula has not.
_PROSE_WORD = re.compile(r"[^\W\dA-Z_]{3,}")


def _formula_after_arrow(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry``'s line writes its term, an arrow, then only symbols (``HCL → H$^+$ Cl$^-$``):
    a reaction or equation, which says what the term becomes, not what it is."""
    if not 0 < entry.line <= len(lines) or _PROSE_WORD.search(_strip_math(entry.definition)):
        return False
    pattern = rf"^[\W_]*{re.escape(entry.term.strip())}[\W_]*?\s*{_ARROW}\s"
    return re.match(pattern, lines[entry.line - 1], re.IGNORECASE) is not None


def _strip_math(text: str) -> str:
    """``text`` without the TeX commands of inline math (``\\lambda``, ``\\dfrac``)."""
    return re.sub(r"\\[A-Za-z]+", " ", text)


#: Definitions this short that restate the notes' title are the title line's last word ("Notes").
_TITLE_LINE_WORDS = 2


def _restated_title(entry: DraftEntry, title: str, lines: list[str]) -> str | None:
    """Why ``entry`` is the notes' title heading written again with a word after it (``# Micro
    Economics`` then ``Microeconomics – Notes``), or ``None``. The entry's own line must not be that
    heading, and the title must come from a heading (not the file's name)."""
    if not 0 < entry.line <= len(lines) or _HEADING.match(lines[entry.line - 1]):
        return None
    squashed = _squash(entry.term)
    if squashed != _squash(title) or len(entry.definition.split()) > _TITLE_LINE_WORDS:
        return None
    for number, line in enumerate(lines, start=1):
        if number != entry.line and _HEADING.match(line) and _squash(line) == squashed and squashed:
            return "the notes' title written again, not a term"
    return None


def _squash(text: str) -> str:
    """``text`` in lower case without spaces, punctuation or heading marks (``Micro Economics`` ->
    ``microeconomics``)."""
    return re.sub(r"[\W_]+", "", text).casefold()


#: Prefixes that make a word its opposite (``informal`` / ``formal``, ``non-verbal`` / ``verbal``).
_NEGATING = ("non-", "non", "in", "un", "dis", "im", "ir", "il")
#: Shorter words are too often the end of an unrelated one (``put`` / ``input``, ``come`` / ``income``).
_OPPOSITE_LETTERS = 5


def _opposite_name(entry: DraftEntry, entries: list[DraftEntry]) -> str:
    """The whole name of a one-word kind written right next to its opposite in full (``Formal:`` after
    ``Informal social control:`` is ``Formal social control``), or ""."""
    term = entry.term.strip()
    if len(term.split()) != 1 or len(term) < _OPPOSITE_LETTERS:
        return ""
    index = next(i for i, other in enumerate(entries) if other is entry)
    for other in entries[max(index - 1, 0) : index + 2]:
        words = other.term.split()
        if other is entry or len(words) < 2 or abs(other.line - entry.line) > 1:
            continue
        first = words[0].casefold()
        if any(first == prefix + term.casefold() for prefix in _NEGATING):
            return " ".join([term, *words[1:]])
    return ""


#: A card's front that asks for the value of a property (``Interval - 3 half steps``, ``Quality
#: inversion: minor``): a label, a colon or a spaced dash, and a short value.
_SERIES_FRONT = re.compile(
    r"^(?P<label>[^\W\d_][\w' ]{1,40}?)\s*(?:[:：]|\s[-–—])\s+(?P<value>[^\s:].{0,30})$"
)
#: A back that is a name: up to four words with no sentence punctuation, an optional synonym in
#: brackets (``Unison (Prime)``).
_BACK_NAME = re.compile(r"^(?P<name>[^\W\d_][\w'-]*(?:\s+[\w'-]+){0,3})(?:\s*\((?P<alias>[^()]{1,30})\))?$")
#: How many cards in a row must ask the same label for their fronts to be a series of reversed cards.
_SERIES_RUN = 3
#: The check of a definition the extractor made by listing the points under a term.
_LISTED = "its members were listed"


def _turn_card_series(draft: Draft) -> None:
    """Turn a run of ``_SERIES_RUN`` or more entries whose terms ask one label for different values
    (``Interval - 3 half steps`` / ``Minor Third``, ``Interval - 4 half steps`` / ``Major Third``) into
    what the cards teach (in place):

    - when most backs are themselves values of the label (``Quality inversion: minor`` / ``Major``),
      the run is a table of one term: one entry named by the label whose definition lists the pairs;
    - when every back is a name, each back is the term and its front its definition (``Minor Third``:
      ``Interval: 3 half steps``); a name already defined elsewhere gets the front as a detail instead.

    Any other run is left alone."""
    entries = draft.entries
    index = 0
    while index < len(entries):
        run = _series_run(entries, index)
        if len(run) < _SERIES_RUN:
            index += 1
            continue
        fronts = [_SERIES_FRONT.match(entry.term.strip()) for entry in run]
        label = fronts[0].group("label").strip()  # type: ignore[union-attr]
        values = [front.group("value").strip() for front in fronts]  # type: ignore[union-attr]
        backs = [_back_names(entry) for entry in run]
        value_ids = {identity(value) for value in values}
        mapped = sum(1 for names in backs if names and identity(names[0]) in value_ids)
        replacement: list[DraftEntry]
        if mapped * 2 > len(run):
            table = DraftEntry(label, run[0].line, group=run[0].group)
            pairs = zip(values, run, strict=True)
            table.definition = "; ".join(
                f"{value} -> {entry.definition.strip().rstrip('.')}" for value, entry in pairs
            )
            table.definition += "."
            replacement = [table]
        elif all(backs):
            replacement = []
            others = entries[:index] + entries[index + len(run) :]
            for value, entry, names in zip(values, run, backs, strict=True):
                fact = f"{label}: {value}."
                known = _entry_named(names[0], others + replacement)
                if known is not None:
                    known.add("details", fact)
                    for name in names[1:]:
                        if _entry_named(name, others + replacement) is None:
                            known.add("aliases", name)
                    continue
                turned = DraftEntry(names[0], entry.line, definition=fact, group=entry.group)
                for name in names[1:]:
                    turned.aliases.append(Item(name))
                replacement.append(turned)
        else:
            index += len(run)
            continue
        entries[index : index + len(run)] = replacement
        index += len(replacement)


def _series_run(entries: list[DraftEntry], start: int) -> list[DraftEntry]:
    """The entries from ``start`` on whose terms ask the same label for different values."""
    first = _SERIES_FRONT.match(entries[start].term.strip())
    if first is None:
        return []
    label = identity(first.group("label"))
    run: list[DraftEntry] = []
    seen: set[str] = set()
    for entry in entries[start:]:
        front = _SERIES_FRONT.match(entry.term.strip())
        if front is None or identity(front.group("label")) != label:
            break
        value = identity(front.group("value"))
        if value in seen or entry.aliases or entry.examples or not entry.definition.strip():
            break
        seen.add(value)
        run.append(entry)
    return run


def _back_names(entry: DraftEntry) -> list[str]:
    """The names a card's back gives (``Tritone; Augmented Fourth``, ``Unison (Prime)``), [] when the
    back is no bare name (a sentence, a formula, a back with details)."""
    definition = entry.definition.strip()
    notes = entry.checks.get("definition", ())
    if any(_LISTED in note for note in notes) and not entry.details:
        parts = [part.strip() for part in definition.rstrip(".").split(";")]
    elif any(_GUESSED in note for note in notes):
        # a back of several points: the first was taken for the definition, the rest are details
        parts = [definition, *(item.text.strip() for item in entry.details)]
    elif entry.details:
        return []
    else:
        parts = [definition]
    names: list[str] = []
    for part in parts:
        found = _BACK_NAME.match(part)
        if found is None or _RELATION.search(part):
            return []
        names.append(found.group("name"))
        if found.group("alias"):
            names.append(found.group("alias").strip())
    return names


def _entry_named(name: str, entries: list[DraftEntry]) -> DraftEntry | None:
    """The entry among ``entries`` with ``name`` among its names, or None."""
    wanted = identity(name)
    return next((entry for entry in entries if wanted in map(identity, entry.names())), None)


#: A quoted example sentence at the start of a definition (``"The chef cooked the meal."``): three or
#: more words ending in a full stop, question or exclamation mark inside the quotes.
_QUOTED_SENTENCE = re.compile(r'^["“‘\'](?P<said>[^"”’]+?[.!?])["”’\']')
#: ``Combined``, ``Corrected``: a participle that labels what follows rather than naming a thing.
_PARTICIPLE = re.compile(r"^[A-Za-z]{3,}ed$")


def _quoted_example(term: str, definition: str) -> bool:
    """Whether ``term: definition`` labels a quoted example sentence (``Correct: "The chef cooked the
    meal."``): a one-word term over a definition that opens with a quoted sentence."""
    said = _QUOTED_SENTENCE.match(definition)
    return said is not None and len(term.split()) == 1 and len(said.group("said").split()) >= 3


def _nested(entry: DraftEntry, lines: list[str]) -> bool:
    """Whether ``entry``'s line is a point indented under another point (``    - _Correct:_ ...``)."""
    if not 0 < entry.line <= len(lines):
        return False
    line = lines[entry.line - 1]
    return _depth(line[: len(line) - len(line.lstrip(" \t"))]) > 0 and line.lstrip(" \t")[:1] in "-*+"


def _worked_sum(term: str, definition: str) -> bool:
    """Whether ``term: definition`` labels a worked sum (``Combined: "Kind" + "ness" = "Kindness"``): a
    lone participle over a definition that is an equation."""
    return bool(_PARTICIPLE.match(term.strip()) and "=" in definition and _RELATION.search(definition))


#: ``Using unlabeled data means ...``: a light verb's -ing form before the name a sentence explains.
_LIGHT_GERUND = re.compile(
    r"^(?:using|having|making|getting|taking|doing|adding|applying)\s+(?P<name>\S+(?:\s+\S+){1,3})$",
    re.IGNORECASE,
)
#: The check of a definition the extractor took from a sentence about the term.
_FROM_SENTENCE = "taken from the sentence"


def _used_name(entry: DraftEntry) -> str:
    """The name a sentence-taken term holds after a light verb (``Using unlabeled data`` ->
    ``unlabeled data``), or ""."""
    if not any(_FROM_SENTENCE in note for note in entry.checks.get("definition", ())):
        return ""
    found = _LIGHT_GERUND.match(entry.term.strip())
    return found.group("name") if found else ""
