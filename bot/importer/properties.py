"""A term's heading over a table of its properties (``### Digoxin (Lanoxin)`` / ``| **Action** | ... |``).

Quick-reference notes (pharmacology, hardware, law) give each term a heading and then a two-column table
of labelled rows (Action, Uses, Side Effects, Prototype, ...) instead of a one-line definition. The
heading is the term; what it is and does (the first descriptive rows) makes its definition, rows of
examples its examples, and every other row a detail that keeps its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.importer import text as tx
from bot.importer.blocks import Table

#: First header cells of a property table (``| Element | Details |``, ``| Property | Value |``).
_PROPERTY_HEADERS = frozenset(
    [
        "element",
        "property",
        "properties",
        "attribute",
        "aspect",
        "feature",
        "field",
        "characteristic",
        "item",
        "category",
        "key",
        "parameter",
        "detail",
        "info",
        "information",
        "label",
    ]
)
#: Row labels that say what the term is or does, in the order a definition is made from them.
_WHAT = (
    "definition",
    "description",
    "what it is",
    "meaning",
    "overview",
    "summary",
    "action",
    "mechanism",
    "mechanism of action",
    "function",
    "purpose",
    "role",
    "what it does",
)
#: Row labels that say what the term is used for (added to the definition).
_USES = ("uses", "use", "used for", "indications", "indication", "used when", "used in", "applications")
#: Row labels whose values are examples of the term.
_EXAMPLES = ("prototype", "prototypes", "examples", "example", "e.g.", "common drugs", "drugs", "members")
#: The label lists above, for other readers of labelled fields.
WHAT = frozenset(_WHAT)
#: Labels of a point that say what the term above it is, never naming a term of their own
#: (``Function`` or ``Role`` may name one: ``- **Function**: a named block of code``).
SAYS_WHAT = frozenset({"definition", "overview", "description", "summary", "meaning", "what it is"})
USES = frozenset(_USES)
#: Labels known to name properties (a table of them is a property table whatever its header says).
_KNOWN = frozenset(
    [
        *_WHAT,
        *_USES,
        *_EXAMPLES,
        "side effects",
        "adverse effects",
        "nursing",
        "monitoring",
        "antidote",
        "contraindications",
        "interactions",
        "dose",
        "dosage",
        "notes",
        "advantages",
        "disadvantages",
        "pros",
        "cons",
        "characteristics",
        "properties",
        "type",
        "class",
        "speed",
        "range",
        "cost",
        "port",
        "ports",
    ]
)
#: ``(-pril)``: a parenthesis that gives the ending the names of the term's members share.
_SUFFIX = re.compile(r"^-[a-z]{2,}$")


@dataclass(slots=True)
class Properties:
    """A property table read: the definition made from it, examples and labelled details (with lines)."""

    definition: str = ""
    examples: list[str] = field(default_factory=list)
    details: list[tuple[int, str]] = field(default_factory=list)
    defining: list[str] = field(default_factory=list)  # the rows the definition was made from, labelled
    check: str = ""  # why the definition is to be checked ("" when a row says what the term is)


def _label(text: str) -> str:
    return " ".join(text.lower().strip().rstrip(":").split())


def is_property_table(table: Table) -> bool:
    """Whether ``table`` is two columns of labelled properties: ``| **Action** | ... |`` rows under an
    ``Element | Details`` header, or rows most of whose labels are property names."""
    rows = [(line, cells) for line, cells in table.rows if any(c.strip() for c in cells)]
    if len(table.header) != 2 or not rows or any(len(cells) != 2 for _, cells in rows):
        return False
    labels = [cells[0].strip() for _, cells in rows]
    if not all(label and len(tx.words(label)) <= 4 and label[-1:] not in ".!?" for label in labels):
        return False
    bold = all(
        (row, 0) in table.labels for row, (_, cells) in enumerate(table.rows) if cells and cells[0].strip()
    )
    known = sum(_label(label) in _KNOWN for label in labels)
    return (bold and _label(table.header[0]) in _PROPERTY_HEADERS) or known * 2 > len(labels)


def _lower_first(text: str) -> str:
    """``Hypertension, angina`` -> ``hypertension, angina`` (``DVT, PE`` and ``COPD`` keep their case)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def read(table: Table, term: str, *, first_as_definition: bool = False) -> Properties:
    """The definition, examples and details of ``term`` from its property table; with
    ``first_as_definition``, the first row of more than one word defines a term no row says what it is
    of (flagged)."""
    found = Properties()
    padded = [(line, [*cells, "", ""]) for line, cells in table.rows]
    rows = [(line, _label(cells[0]), cells[0].strip(), cells[1].strip()) for line, cells in padded]
    rows = [row for row in rows if row[3]]
    what = next((row for label in _WHAT for row in rows if row[1] == label), None)
    uses = next((row for label in _USES for row in rows if row[1] == label), None)
    parts = []
    if what is not None:
        parts.append(what[3].rstrip(" ."))
        found.defining.append(f"{what[2]}: {what[3]}")
    if uses is not None:
        found.defining.append(f"{uses[2]}: {uses[3]}")
        parts.append(
            f"used for {_lower_first(uses[3]).rstrip(' .')}" if parts else f"Used for {_lower_first(uses[3])}"
        )
    if parts:
        found.definition = tx.capitalize("; ".join(parts)) + "."
    elif rows and first_as_definition:
        # the first row that says more than a bare value (``Date: 1066``) or, failing that, the first
        what = next((row for row in rows if len(tx.words(row[3])) >= 2), rows[0])
        found.definition = tx.capitalize(what[3])
        found.defining.append(f"{what[2]}: {what[3]}")
        found.check = f'made from the "{what[2]}" row; no row says what it is'
    for line, label, written, value in rows:
        if (what is not None and line == what[0]) or (uses is not None and line == uses[0]):
            continue
        if label in _EXAMPLES:
            given = [n for n in _example_names(value) if n.casefold() != term.casefold()]
            names = [n for n in given if tx.is_term_name(n)]
            if names and len(names) == len(given):  # examples by name; sentences stay a detail whole
                found.examples.extend(names)
                continue
        found.details.append((line, f"{written}: {value}"))
    return found


def _example_names(value: str) -> list[str]:
    """``Furosemide (Lasix), Nitroglycerin (SL, patch, IV)`` -> Furosemide, Lasix, Nitroglycerin: the
    names split at commas outside brackets; a bracket's brand names (capitalised words, or its only
    word) are examples too, its notes (``SL, patch``) are not."""
    parts, depth, start = [], 0, 0
    for index, ch in enumerate(value):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch in ",;" and depth == 0:
            parts.append(value[start:index])
            start = index + 1
    parts.append(value[start:])
    names: list[str] = []
    for part in parts:
        written = tx.term_name(part.strip())
        names.append(written.name)
        inner = [a for a in written.aliases if not _SUFFIX.match(a)]
        names.extend(a for a in inner if len(inner) == 1 or (a[:1].isupper() and not a.isupper()))
    return [n for n in names if n]


def heading_name(name: tx.TermName) -> tuple[str, list[str], list[str]]:
    """The term a property table's heading names, its aliases and details it gives.

    ``ACE Inhibitors (-pril)``: the ending of the members' names is a detail, not an alias;
    ``Diuretics - Loop``: a kind of a plural class is ``Loop Diuretics`` (alias as written);
    ``Antiplatelet - Aspirin``: a member of a singular class is ``Aspirin``, the class a detail.
    """
    aliases = [a for a in name.aliases if not _SUFFIX.match(a)]
    details = [f"Names end in {a}" for a in name.aliases if _SUFFIX.match(a)]
    term = name.name
    parts = term.split(" - ")
    if len(parts) == 2 and all(tx.is_name(p) and len(tx.words(p)) <= 3 for p in parts):
        group, kind = (p.strip() for p in parts)
        last = tx.words(group)[-1]
        if tx.singular(last) != last:
            term = f"{kind} {group}"
        else:
            term = kind
            details.append(f"Class: {group}")
        aliases.insert(0, name.name)
    return term, aliases, details
