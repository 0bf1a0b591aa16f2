"""Flash-card exports as notes: Quizlet and Anki text (``term<TAB>definition``) and CSV with a header.

A Quizlet export is one card per line, term and definition separated by a tab. An Anki "notes in plain
text" export is the same with optional ``#separator:tab`` / ``#html:true`` header lines, HTML in the
fields and more columns (tags) after the two. A CSV file needs a header row naming its columns: ``term``
and ``definition`` (or ``front``/``back``, ``word``/``meaning``, ``question``/``answer``), optionally
``aliases`` and ``examples`` (several separated by ``;`` or ``|``).

Every card becomes an entry (``Long Name (ABBR)`` gives the alias); a card without a term or a
definition, or with a term another card already has, is reported under ``unplaced`` with its line.
"""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

from bot.importer import text as tx
from bot.importer.blocks import clean_text, strip_citations
from bot.importer.draft import Draft, DraftEntry
from bot.importer.extract import normalize
from bot.matching.text import word_set

#: File name endings read as flash-card exports rather than Markdown.
CSV_SUFFIXES = frozenset({".csv"})
TSV_SUFFIXES = frozenset({".tsv", ".tab"})

_TERM_COLUMNS = ("term", "terms", "front", "word", "question", "name", "concept", "keyword")
_DEFINITION_COLUMNS = ("definition", "definitions", "back", "meaning", "answer", "description")
_ALIAS_COLUMNS = ("aliases", "alias", "synonyms", "aka", "also known as")
_EXAMPLE_COLUMNS = ("examples", "example")
_LIST_SPLIT = re.compile(r"\s*[;|]\s*")
_BR = re.compile(r"<br\s*/?>|</div>\s*<div>|</p>\s*<p>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
#: An HTML character reference: ``&nbsp;``, ``&amp;``, ``&#39;``, ``&#x2014;``.
_ENTITY = re.compile(r"&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});", re.IGNORECASE)
_ANKI_HEADER = re.compile(r"^#[a-z ]+:", re.IGNORECASE)


class FlatError(ValueError):
    """A flash-card file that cannot be read; the message is one line for the user."""


def looks_like_cards(text: str, notes_name: str) -> str | None:
    """``"csv"`` or ``"tsv"`` when ``text`` is a flash-card export, else None (Markdown notes)."""
    suffix = Path(notes_name).suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in TSV_SUFFIXES:
        return "tsv"
    if suffix in (".md", ".markdown"):
        return None
    lines = [line for line in text.splitlines() if line.strip() and not _ANKI_HEADER.match(line)]
    if lines and sum(1 for line in lines if "\t" in line) * 10 >= len(lines) * 8:
        return "tsv"
    return None


def _field(value: str, html: bool) -> str:
    """A card field as one line of plain text (HTML tags dropped and entities such as ``&nbsp;`` and
    ``&amp;`` decoded when the export carries HTML)."""
    if html:
        value = unescape(_TAG.sub("", _BR.sub(_break, value)))
    return strip_citations(clean_text(value))


#: Words that carry a sentence on across a line break ("tricks users<br>into giving data").
_CARRY_ON = word_set(
    "into in on of to for with by from and or but nor that which who whom whose where when than as at "
    "the a an its their"
)


def _break(match: re.Match[str]) -> str:
    """A line break of a card field on one line: "; " between two lines ("identical cells<br>used for
    growth": two points), a space where the break only wrapped a sentence (the next line opens with a
    word that carries it on, the line before is not ended by punctuation) or followed its full stop."""
    before, after = match.string[: match.start()].rstrip(), match.string[match.end() :].lstrip()
    if before and before[-1] in ".!?":
        return " "
    first = after.split(maxsplit=1)[0] if after else ""
    if before and before[-1] not in ",;:)" and first in _CARRY_ON:
        return " "
    return "; "


class _Cards:
    """Builds a draft from cards, one entry per distinct term."""

    def __init__(self, title: str, source: str) -> None:
        self.draft = Draft(title=title, source=source)
        self.names: dict[str, DraftEntry] = {}

    def add(self, line: int, term: str, definition: str, aliases: list[str], examples: list[str]) -> None:
        """One card; reported as unplaced when it lacks a term or definition or repeats a term."""
        if not term or not definition:
            missing = "term" if not term else "definition"
            self.draft.unplaced.append((line, f"{term or definition}: card without a {missing}"))
            return
        name = tx.term_name(term)
        if not tx.is_term_name(name.name):
            self.draft.unplaced.append((line, f"{term}: {definition}"))
            return
        owner = self.names.get(normalize(name.name))
        if owner is not None:
            self.draft.unplaced.append((line, f"{term}: {definition} (a second card for {owner.term!r})"))
            return
        entry = DraftEntry(term=name.name, line=line, definition=definition)  # the author's text, as written
        self.names[normalize(name.name)] = entry
        for alias in [*name.aliases, *aliases, *tx.named_in(definition)]:
            key = normalize(alias)
            if alias and key not in self.names:
                entry.add("aliases", alias)
                self.names[key] = entry
        if name.note:
            entry.add("details", tx.capitalize(name.note))
        for example in [*name.examples, *examples]:
            entry.add("examples", example)
        self.draft.entries.append(entry)


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, cell in enumerate(header) if cell in names), None)


def read_csv(text: str, title: str, source: str) -> Draft:
    """Cards from CSV text with a header row; ``FlatError`` without term and definition columns."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise FlatError(f"{source} has no rows")
    header = [" ".join(cell.lower().split()) for cell in rows[0]]
    term_col = _column(header, _TERM_COLUMNS)
    def_col = _column(header, _DEFINITION_COLUMNS)
    if term_col is None or def_col is None:
        raise FlatError(
            f"{source}: the first row must name the columns, with 'term' and 'definition' (got "
            f"{', '.join(repr(c) for c in rows[0][:6]) or 'nothing'}); optional: aliases, examples"
        )
    alias_col = _column(header, _ALIAS_COLUMNS)
    example_col = _column(header, _EXAMPLE_COLUMNS)
    cards = _Cards(title, source)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = dict(enumerate(row))
        html = any(("<" in value and ">" in value) or _ENTITY.search(value) for value in row)
        cards.add(
            number,
            _field(cell.get(term_col, ""), html),
            _field(cell.get(def_col, ""), html),
            _names(cell.get(alias_col, "") if alias_col is not None else "", html),
            _names(cell.get(example_col, "") if example_col is not None else "", html),
        )
    return cards.draft


def _names(value: str, html: bool) -> list[str]:
    return [part for part in (_field(p, html) for p in _LIST_SPLIT.split(value)) if part]


def read_tsv(text: str, title: str, source: str) -> Draft:
    """Cards from ``term<TAB>definition`` lines (Quizlet; Anki with ``#...:`` header lines).

    A first card line naming the columns (``Term<TAB>Definition``, ``Front<TAB>Back``, ``Word<TAB>Meaning``,
    any case: the names a CSV header takes) is a header, not a card.
    """
    cards = _Cards(title, source)
    html = False
    first = True
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        if _ANKI_HEADER.match(raw):
            if raw.lower().replace(" ", "").startswith("#html:true"):
                html = True
            continue
        fields = next(csv.reader([raw], delimiter="\t")) if '"' in raw else raw.split("\t")
        fields = [*fields, "", ""]
        if first and _is_header(fields):
            first = False
            continue
        first = False
        cards.add(number, _field(fields[0], html), _field(fields[1], html), [], [])
    return cards.draft


def _is_header(fields: list[str]) -> bool:
    """Whether a TSV row's first two cells name a term column and a definition column."""
    term, definition = (" ".join(cell.lower().split()) for cell in fields[:2])
    return term in _TERM_COLUMNS and definition in _DEFINITION_COLUMNS
