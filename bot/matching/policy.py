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

from bot.knowledge import Entry
from bot.matching.bm25 import Coverage, DescriptionIndex
from bot.matching.names import fixed_parts
from bot.matching.names_index import NameIndex
from bot.matching.query import DESCRIPTION_MARKERS, GENERIC_TAILS, ParsedQuery, strip_trailing
from bot.matching.results import Answer, Suggestion
from bot.matching.text import STOPWORDS, content_stems
from bot.matching.typos import SUGGEST_MIN, TypoSearch, words_align

_FUZZY_ACCEPT = 86.0  # minimum ratio for a fuzzy name answer
_FUZZY_MARGIN = 4.0  # lead over the best other entry a fuzzy answer needs
_TYPO_ACCEPT = 75.0  # minimum ratio for a fuzzy answer that is a lone typo of one name
_DESC_COVERAGE = 0.6  # share of the known words' IDF weight the answer's names and definition must hold
_DESC_WORD_SHARE = 0.6  # share of the question's content words the answer's names and definition must have
_DESC_MARGIN = 1.2  # BM25 lead over the runner-up a description answer needs...
_DESC_COVER_LEAD = 0.1  # ...unless it has clearly more of the described words

_ATTACK_WORDS = frozenset({"attack", "attacks"})


def generic_tail_hit(names: NameIndex, descriptions: DescriptionIndex, key: str) -> int | None:
    """An exact hit once a generic last word is dropped ("VM escape attack" -> "VM escape").

    "attack" is only dropped when the entry is itself an attack: a "hypervisor attack" is not
    a hypervisor.
    """
    words_ = key.split()
    trimmed, did = strip_trailing(words_, GENERIC_TAILS)
    if not did:
        return None
    hit = names.exact_hit(" ".join(trimmed))
    if hit is None or words_[-1] not in _ATTACK_WORDS:
        return hit
    entry = names.entry(hit)
    is_attack = "attack" in descriptions.stems(content_stems(" ".join((*entry.names, entry.definition))))
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
    return Answer(text, typos.index.entry(name_index), round(score, 1), "fuzzy")


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
