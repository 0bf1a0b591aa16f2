"""Glossary cross-references: an entry whose whole definition points at another ("See X", "(Refer to X)").

Glossaries list other names of a term that way ("Bayesian statistics (Refer to Bayes' theorem)"). Such a
line defines nothing: asked as a quiz question it reads "(Refer to ____' theorem)", and offered as an
option it is no meaning at all. It becomes an alias of the entry it points at; when no entry by that
name exists it stays, marked ``# check:`` (the quiz never asks flagged entries).
"""

from __future__ import annotations

import re

from bot.importer.draft import Draft, DraftEntry
from bot.matching.names import identity

#: A definition that is only a pointer: "See X", "see also X", "(Refer to X)", "cf. X", "Same as X".
_POINTER = re.compile(
    r"^\s*\(?\s*(?:see(?:\s+also)?|refer\s+to|cf\.?|same\s+as|synonym\s+(?:of|for))\s*:?\s+"
    r"(?P<target>[^()\n]{1,120}?)\s*\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)


def pointed_at(definition: str) -> str | None:
    """The name a pointer-only definition names ("(Refer to Bayes' theorem)" -> "Bayes' theorem")."""
    found = _POINTER.match(definition)
    if found is None:
        return None
    return found.group("target").strip(" \"'\u201c\u201d*_`") or None


def fold_cross_references(draft: Draft) -> None:
    """Turn every pointer-only entry into an alias of the entry it names (in place)."""
    by_name: dict[str, DraftEntry] = {}
    for entry in draft.entries:
        for name in entry.names():
            by_name.setdefault(identity(name), entry)
    kept: list[DraftEntry] = []
    for entry in draft.entries:
        target_name = pointed_at(entry.definition)
        if target_name is None:
            kept.append(entry)
            continue
        target = by_name.get(identity(target_name))
        if target is None or target is entry or pointed_at(target.definition) is not None:
            entry.check("definition", f'only points at "{target_name}"; write what {entry.term} means')
            kept.append(entry)
            continue
        for name in entry.names():
            if identity(name) not in {identity(n) for n in target.names()}:
                target.add("aliases", name)
    draft.entries = kept
