"""Prose that defines emphasised terms inside its sentences: ``A melody is *conjunct* if it ...``.

Glossaries written as prose (and the HTML that notes apps export) mark the term in italics or bold
where the sentence defines it: at its start (``*Plainchant*, often referred to as *Gregorian chant*, is
...``), after an article (``A *madrigal* is a ...``, ``The *theme* is ...``) or as what a thing is
called when a condition holds (``A melody is *disjunct* if it ...``), or as the field a sentence
describes (``In *supervised learning*, every sample has a label``). A paragraph may define two terms,
and a kind of a term it defines is named without emphasis (``Imitative polyphony is characterized by
...`` inside the paragraph on polyphony). Sentences that define nothing stay with the term before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.importer import text as tx

#: Sentence ends: after . ! ? (and a closing quote or bracket) before a capital letter or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")
#: What may stand between the term and its verb: other names for it.
_APPOSITIVE = re.compile(
    r"^,\s*(?:(?:often|also|sometimes|commonly)\s+)?(?:referred\s+to\s+as|called|known\s+as|or|aka)\s+"
    r"(?P<names>[^,]{1,60}?),\s*",
    re.IGNORECASE,
)
#: The verb that makes a sentence opening with the term define it.
_DEFINING = re.compile(
    r"^(?:(?P<copula>is|are|was|were)\s+|(?=(?:refers?\s+to|consists?\s+of|means|describes?|denotes?|"
    r"has|have|is\s+characteri[sz]ed\s+by|are\s+characteri[sz]ed\s+by)\s))(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
#: "A melody is *conjunct* if/when ...": what a thing is called when the condition holds.
#: The thing may be a link (``[[topological space]]``) and carry its symbol (``$(X, T)$``); a comma may
#: stand before the condition (``is ***Hausdorff***, if ...``).
_CALLED_WHEN = re.compile(
    r"^(?:a|an|the)\s+(?:\[\[)?(?P<kind>[^\W\d_][\w\-]*(?:\s+[^\W\d_][\w\-]*){0,2})(?:\]\])?"
    r"(?:\s+\$[^$]+\$)?\s+(?:is|are)\s+(?P<term>[^,]+?),?\s+(?:if|when|whenever)\s+\S",
    re.IGNORECASE,
)
#: "Imitative polyphony is ...": a kind of a term the paragraph defines, named without emphasis.
_KIND_OF = re.compile(
    r"^(?P<name>(?:[^\W\d_][\w\-]*\s+){1,2}?(?P<head>[^\W\d_][\w\-]*))\s+(?:is|are)\s+\S", re.IGNORECASE
)


#: Words emphasised for stress, never as the term a sentence defines (``*This* is why ...``): pronouns
#: and adverbs only, since a noun such as ``*note*`` or ``*example*`` is a term in some subjects.
_NOT_TERMS = tx.PRONOUNS | frozenset(["not", "never", "always", "only", "very", "really", "must"])


@dataclass(slots=True)
class Defined:
    """A term a paragraph defines: its name, other names, definition and the sentences after it."""

    term: str
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    more: list[str] = field(default_factory=list)  # sentences after the defining one, until the next term
    kind_of: str = ""  # the term it is a kind of (named without emphasis inside that term's paragraph)
    opens: bool = False  # the sentence opens with the term and says what it is (``*Melisma* is ...``)


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (``I.e.,`` and ``e.g.,`` do not end one)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _opening(sentence: str, runs: list[str]) -> Defined | None:
    """The term a sentence opens with and defines (``*Melisma* is a group ...``), or None."""
    body = _ARTICLE.sub("", sentence, count=1)
    for run in runs:
        if not body.casefold().startswith(run.casefold()) or body[len(run) : len(run) + 1].isalnum():
            continue
        after = body[len(run) :]
        aliases: list[str] = []
        appositive = _APPOSITIVE.match(after)
        if appositive is not None:
            named = [n for n in tx.split_names(appositive.group("names")) if n in runs or tx.is_term_name(n)]
            if not named:
                continue
            aliases, after = named, after[appositive.end() :]
        else:
            after = after.strip()
            if after[:1] in ",;:(":
                continue
        # "*Homophony* texture has ...": one noun after the term says what kind of thing it is
        kind = re.match(r"^[a-z]+\s+(?=(?:has|have)\s)", after.strip())
        verb = _DEFINING.match(after.strip()[kind.end() :] if kind else after.strip())
        if verb is None or len(tx.words(verb.group("rest"))) < 3:
            continue
        definition = verb.group("rest") if verb.group("copula") else after.strip()
        if kind is not None:  # "Texture has one ..." alone would read as a definition of texture
            definition = f"{run} {after.strip()}"
        return Defined(run, aliases, tx.capitalize(definition), opens=True)
    return None


def _called_when(sentence: str, runs: list[str]) -> Defined | None:
    """``A melody is *conjunct* if it tends to ...``: the emphasised term, the sentence its definition."""
    match = _CALLED_WHEN.match(sentence)
    if match is None or match.group("term") not in runs:
        return None
    return Defined(match.group("term"), [], sentence)


#: "In *supervised learning*, every sample has a label ...": the field the sentence describes.
_SET_IN = re.compile(r"^In\s+(?P<term>[^,]{2,60}),\s+(?P<rest>\S.*)$")


def _set_in(sentence: str, runs: list[str]) -> Defined | None:
    """``In **supervised learning**, every sample ...``: a sentence saying what holds in the emphasised
    field (a name of two words or more, or a lower-case one: ``In **Python**, ...`` is a setting)."""
    match = _SET_IN.match(sentence)
    if match is None or match.group("term") not in runs or len(tx.words(match.group("rest"))) < 5:
        return None
    term = match.group("term")
    if len(tx.words(term)) < 2 and not term[:1].islower():
        return None
    return Defined(term, [], sentence)


def _kind(sentence: str, terms: list[Defined]) -> Defined | None:
    """``Imitative polyphony is characterized by ...`` where the paragraph defines polyphony: a kind of it."""
    match = _KIND_OF.match(sentence)
    if match is None:
        return None
    head = tx.singular(match.group("head")).casefold()
    parent = next((t for t in terms if tx.singular(t.term).casefold() == head), None)
    name = match.group("name")
    if parent is None or not tx.is_term_name(name) or name.split()[0].casefold() in ("the", "this", "that"):
        return None
    return Defined(tx.capitalize(name), [], sentence, kind_of=parent.term)


#: "The *fibrous ring* electrically isolates the atria ...": a verb in the third person (after an
#: optional adverb) straight after the term that opens the sentence: the sentence says what it does.
_DOES = re.compile(r"^(?:[a-z]+ly\s+)?[a-z]{3,}[^s\W]s\s+(?P<rest>\S.*)$")


def _does(sentence: str, runs: list[str]) -> Defined | None:
    """``The **fibrous ring** electrically isolates the atria from the ventricles.``: a sentence whose
    subject is the emphasised term says what the term does (an article must open it, so that a run
    opening a sentence for stress, ``**Always** checks ...``, is no subject)."""
    article = _ARTICLE.match(sentence)
    if article is None:
        return None
    body = sentence[article.end() :]
    for run in runs:
        if not body.casefold().startswith(run.casefold()) or not body[len(run) : len(run) + 1].isspace():
            continue
        does = _DOES.match(body[len(run) :].strip())
        if does is not None and len(tx.words(does.group("rest"))) >= 3:
            return Defined(run, [], tx.capitalize(body))
    return None


#: "... the heart valves — this is called *infective endocarditis*.": the term named after what the
#: sentence has said, which is its definition.
_THIS_IS_CALLED = re.compile(
    r"^(?P<said>\S.{10,}?)\s*(?:[—–-]+|,|;)\s*(?:this|which|that)\s+is\s+(?:called|known\s+as|termed)\s+"
    r"(?P<term>[^,.;]+?)\s*[.!]?$",
    re.IGNORECASE,
)


def _this_is_called(sentence: str, runs: list[str]) -> Defined | None:
    """``Infections of the endocardium ... — this is called **infective endocarditis**.``: the emphasised
    name and, as its definition, what the sentence said before naming it (a run-in ``Note:`` left out)."""
    match = _THIS_IS_CALLED.match(sentence)
    if match is None or match.group("term") not in runs:
        return None
    said = tx.without_run_in_label(match.group("said"))  # "Clinical Note: Infections of ...": no label
    if len(tx.words(said)) < 4:
        return None
    return Defined(match.group("term"), [], tx.capitalize(said))


#: "... located in the *mediastinum*, the space between the lungs, ...": an appositive after the term
#: (an article, then the rest of the sentence) says what it is.
_APPOSED = re.compile(r"^,\s+(?P<what>(?:the|a|an)\s+[a-z]+\s+\S.*?)\s*[.!]?$")


def _apposed(sentence: str, runs: list[str]) -> Defined | None:
    """``The heart is located in the **mediastinum**, the space between the lungs, ...``: the only
    emphasised term of a sentence, followed by a comma and an appositive that runs to the sentence's
    end; the appositive is its definition."""
    present = [run for run in runs if run in sentence]
    if len(present) != 1:
        return None
    run = present[0]
    at = sentence.find(run)
    if at == 0 or sentence.count(run) != 1:
        return None
    match = _APPOSED.match(sentence[at + len(run) :])
    if match is None or len(tx.words(match.group("what"))) < 4:
        return None
    return Defined(run, [], tx.capitalize(match.group("what")))


def defined_terms(text: str, runs: list[str]) -> tuple[list[str], list[Defined]]:
    """The sentences of a paragraph before its first term, and the terms it defines.

    ``runs`` are the paragraph's emphasised words. Empty terms when no sentence defines an emphasised
    run (the paragraph is read the usual way then).
    """
    runs = [
        r
        for r in dict.fromkeys(r.strip() for r in runs)
        if r and tx.is_term_name(r) and len(tx.words(r)) <= 4 and r.casefold() not in _NOT_TERMS
    ]
    before: list[str] = []
    terms: list[Defined] = []
    if not runs:
        return before, terms
    for said in sentences(tx.strip_leading_pictures(text)):
        found = (
            _opening(said, runs)
            or _called_when(said, runs)
            or _set_in(said, runs)
            or _does(said, runs)
            or _this_is_called(said, runs)
            or _apposed(said, runs)
        )
        if found is None and terms:
            found = _kind(said, terms)
        if found is not None:
            terms.append(found)
        elif terms:
            terms[-1].more.append(said)
        else:
            before.append(said)
    return before, terms
