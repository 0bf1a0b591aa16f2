"""Terms written as a heading over labelled fields (``### Mitochondria`` / ``- **Function**: ...``).

Students often give each term a heading and under it the same few labelled points as every other term
(``Structure``, ``Function``; ``Action``, ``Uses``, ``Side effects``; ``Facts``, ``Held``). The heading
is the term and the labels are its fields, written as bullets (``- **Label**: text``, ``- **Label:**
text``, ``- Label: text``, ``- **Label**`` over nested points), as plain ``Label: text`` lines, or as
sub-headings (``#### Label`` over its text). Such a body is rewritten as the property table the importer
reads the same way (:mod:`bot.importer.properties`), so labels never become terms.

A label is a short name written under two or more headings of one level, or one of the universal
field labels that say what a term is or is for (``Definition``, ``Function``, ``Uses``, ...). A heading
whose points are not all labels (``### Types`` over ``- **Mitosis**: ...`` and ``- **Meiosis**: ...``)
is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer import properties
from bot.importer import text as tx
from bot.importer.blocks import Block, Heading, Line, ListBlock, ListItem, Paragraph, Table

#: ``Side effects: ...`` / ``Function:`` : a short name before a colon at the start of a line.
_LABELLED = re.compile(r"^(?P<label>[^\W\d_][\w'/&() -]{0,40}?)\s*:\s*(?P<value>.*)$")
#: `` - text`` after a bold label.
_DASHED = re.compile(r"^\s*[-–—]\s+(?P<value>\S.*)$")
_LABEL_WORDS = 4


@dataclass(slots=True)
class _Field:
    label: str
    value: str
    line: int


def _label_name(text: str) -> str | None:
    """``text`` as a field label (a short name), or None."""
    text = " ".join(text.strip().rstrip(":").split())
    if not text or len(tx.words(text)) > _LABEL_WORDS or text[-1:] in ".!?,;" or not text[:1].isalpha():
        return None
    return text


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def _flatten(blocks: list[Block]) -> list[str]:
    """The text of nested points and paragraphs, one part per point or paragraph."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                if item.text:
                    parts.append(item.text)
                parts.extend(_flatten(item.children))
        elif isinstance(block, Paragraph):
            text = " ".join(line.text for line in block.lines if line.text)
            if text:
                parts.append(text)
        else:
            return []
    return parts


def _join(parts: list[str]) -> str:
    return "; ".join(part.strip().rstrip(";") for part in parts if part.strip())


def _line_fields(lines: list[Line]) -> list[_Field] | None:
    """``Label: text`` lines (or a bold label line over lines of text) as fields; None when the first
    line is no label."""
    found: list[_Field] = []
    for line in lines:
        if not line.text:
            continue
        match = _LABELLED.match(line.text)
        label = _label_name(match.group("label")) if match else None
        dashed = (
            _DASHED.match(line.text[len(line.lead) :])
            if line.lead and line.text.startswith(line.lead)
            else None
        )
        if label is not None and match is not None:
            found.append(_Field(label, match.group("value").strip(), line.line))
        elif dashed is not None and (label := _label_name(line.lead)) is not None:
            # ``**Function** - site of aerobic respiration``: a bold label and a dash
            found.append(_Field(label, dashed.group("value").strip(), line.line))
        elif line.bold and (label := _label_name(line.text)) is not None:
            found.append(_Field(label, "", line.line))
        elif found:
            found[-1].value = _join([found[-1].value, line.text]) if found[-1].value else line.text
        else:
            return None
    return found


def _holds_terms(blocks: list[Block]) -> bool:
    """Whether nested points name terms of their own (``- **Input layer**: Raw features.``)."""
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                lead = item.lines[0].lead if item.lines else ""
                if lead and tx.pair(item.lines[0].text, lead) is not None:
                    return True
                if _holds_terms(item.children):
                    return True
    return False


def _item_fields(item: ListItem) -> list[_Field] | None:
    found = _line_fields(item.lines)
    if not found or _holds_terms(item.children):
        return None  # a field's text never swallows the terms under it
    nested = _flatten(item.children)
    if item.children and not nested:
        return None
    if nested:
        found[-1].value = _join([found[-1].value, *nested])
    return found


def _body_fields(body: list[Block]) -> tuple[int, list[_Field]] | None:
    """The fields ``body`` is made of, after how many leading blocks of plain text (a definition
    written first); None when anything else is in it."""
    start = 0
    while start < len(body):
        first = body[start]
        if not isinstance(first, Paragraph) or _line_fields(first.lines) is not None:
            break
        start += 1
    if start > 1:
        return None
    found: list[_Field] = []
    index = start
    while index < len(body):
        block = body[index]
        if isinstance(block, ListBlock) and found and not found[-1].value:
            # ``**Structure**`` on a line of its own over the points that say it
            found[-1].value = _join(_flatten([block]))
        elif isinstance(block, ListBlock):
            for item in block.items:
                fields = _item_fields(item)
                if fields is None:
                    return None
                found.extend(fields)
        elif isinstance(block, Paragraph):
            fields = _line_fields(block.lines)
            if fields is None:
                return None
            found.extend(fields)
        elif isinstance(block, Heading):
            label = _label_name(block.text)
            end = index + 1
            while end < len(body) and not isinstance(body[end], Heading):
                end += 1
            value = _flatten(body[index + 1 : end])
            if label is None or not value:
                return None
            found.append(_Field(label, _join(value), block.line))
            index = end
            continue
        else:
            return None
        index += 1
    if not found or any(not field.value for field in found):
        return None
    return start, found


def _universal(label: str) -> bool:
    key = _key(label)
    # ``Examples`` alone is no sign: a heading of examples under a defined term is read as such already
    return key in properties.WHAT or key in properties.USES


def _heading_at_most(block: Block, level: int) -> bool:
    return isinstance(block, Heading) and block.level <= level


def _spans(blocks: list[Block]) -> list[tuple[int, int]]:
    """Each heading's (index, end of its body): up to the next heading as high or higher."""
    spans = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            stop = index + 1
            while stop < len(blocks) and not _heading_at_most(blocks[stop], block.level):
                stop += 1
            spans.append((index, stop))
    return spans


def _bold_item(item: ListItem) -> bool:
    """``- **Heritability**`` on a line of its own over nested labelled points only."""
    return (
        len(item.lines) == 1
        and item.lines[0].bold
        and len(item.children) == 1
        and isinstance(item.children[0], ListBlock)
        and _body_fields(item.children) is not None
    )


def _expand(blocks: list[Block], keep: set[int]) -> tuple[list[Block], dict[int, int]]:
    """``blocks`` with each list of bold items over labelled points (except the lists at indexes in
    ``keep``) written as one heading per item, a level under the heading above, over its points; and
    for each such heading's new index, the index of the list it came from."""
    out: list[Block] = []
    made: dict[int, int] = {}
    level = 0
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            level = block.level
        if (
            index not in keep
            and isinstance(block, ListBlock)
            and level < 6
            and block.items
            and all(_bold_item(item) for item in block.items)
        ):
            for item in block.items:
                made[len(out)] = index
                out.append(Heading(level + 1, item.lines[0].text, item.line))
                out.extend(item.children)
            continue
        out.append(block)
    return out, made


def field_tables(blocks: list[Block], topic: Heading | None = None) -> list[Block]:
    """``blocks`` with each term heading's labelled fields rewritten as one ``| Element | Details |``
    table (bold labels) right under the heading, in place of the points or sub-headings they were.
    A list of bold names each over nested labelled points (``- **Heritability**`` over ``- **Definition**:
    ...``) is read the same way, each name as a heading, when every name in it is a term so read."""
    keep: set[int] = set()
    while True:
        expanded, made = _expand(blocks, keep)
        replace = _tables(expanded, topic)
        failed = {source for at, source in made.items() if at + 1 not in replace}
        if not failed:
            break
        keep |= failed
    if not replace:
        return expanded
    out: list[Block] = []
    index = 0
    while index < len(expanded):
        if index in replace:
            stop, table = replace[index]
            out.append(table)
            index = stop
            continue
        out.append(expanded[index])
        index += 1
    return out


def _tables(blocks: list[Block], topic: Heading | None) -> dict[int, tuple[int, Table]]:
    """For each term heading whose body is labelled fields: its body's start -> (body end, table)."""
    replace: dict[int, tuple[int, Table]] = {}  # body start -> (body end, table)
    bodies: list[tuple[Heading, int, int, int, list[_Field]]] = []
    for index, stop in _spans(blocks):
        heading = blocks[index]
        assert isinstance(heading, Heading)
        if heading is not topic and (read := _body_fields(blocks[index + 1 : stop])) is not None:
            bodies.append((heading, index, stop, *read))
    # a label is written under two or more headings of one level (cousins too: ``## Cardiac drugs`` /
    # ``### Digoxin`` and ``## Renal drugs`` / ``### Furosemide``)
    seen: dict[tuple[int, str], int] = {}
    for heading, *_, found in bodies:
        for key in {_key(field.label) for field in found}:
            seen[heading.level, key] = seen.get((heading.level, key), 0) + 1
    for heading, index, stop, start, found in bodies:
        name = tx.term_name(heading.text).name
        if (
            not tx.is_term_name(name)
            or tx.is_grouping_label(heading.text)
            or tx.is_structural(heading.text)
            or not all(seen[heading.level, _key(f.label)] >= 2 or _universal(f.label) for f in found)
            or any(_key(f.label) == _key(name) for f in found)
        ):
            continue
        rows = [(field.line, [field.label, field.value]) for field in found]
        table = Table(["Element", "Details"], rows, found[0].line, {(row, 0) for row in range(len(rows))})
        replace.setdefault(index + 1 + start, (stop, table))
    return replace
