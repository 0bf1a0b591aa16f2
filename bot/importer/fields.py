"""Terms written as a heading over labelled fields (``### Mitochondria`` / ``- **Function**: ...``).

Students often give each term a heading and under it the same few labelled points as every other term
(``Structure``, ``Function``; ``Action``, ``Uses``, ``Side effects``; ``Facts``, ``Held``). The heading
is the term and the labels are its fields, written as bullets (``- **Label**: text``, ``- **Label:**
text``, ``- Label: text``, ``- **Label**`` over nested points), as plain ``Label: text`` lines, or as
sub-headings (``#### Label`` over its text). Such a body is rewritten as the property table the importer
reads the same way (:mod:`bot.importer.properties`), so labels never become terms.

A label is a short name written under two or more sibling headings, or one of the universal field
labels (``Definition``, ``Function``, ``Uses``, ...). A heading whose points are not all labels
(``### Types`` over ``- **Mitosis**: ...`` and ``- **Meiosis**: ...``) is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer import properties
from bot.importer import text as tx
from bot.importer.blocks import Block, Heading, Line, ListBlock, ListItem, Paragraph, Table

#: ``Side effects: ...`` / ``Function:`` : a short name before a colon at the start of a line.
_LABELLED = re.compile(r"^(?P<label>[^\W\d_][\w'/&() -]{0,40}?)\s*:\s*(?P<value>.*)$")
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
        if label is not None and match is not None:
            found.append(_Field(label, match.group("value").strip(), line.line))
        elif line.bold and (label := _label_name(line.text)) is not None:
            found.append(_Field(label, "", line.line))
        elif found:
            found[-1].value = _join([found[-1].value, line.text]) if found[-1].value else line.text
        else:
            return None
    return found


def _item_fields(item: ListItem) -> list[_Field] | None:
    found = _line_fields(item.lines)
    if not found:
        return None
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
    return key in properties.WHAT or key in properties.USES or key in properties.EXAMPLES


def _heading_at_most(block: Block, level: int) -> bool:
    return isinstance(block, Heading) and block.level <= level


def _sections(blocks: list[Block], start: int, end: int, level: int) -> list[tuple[int, int]]:
    """The (heading index, end) spans of the headings of ``level`` between ``start`` and ``end``."""
    spans = []
    index = start
    while index < end:
        block = blocks[index]
        if isinstance(block, Heading) and block.level == level:
            stop = index + 1
            while stop < end and not _heading_at_most(blocks[stop], level):
                stop += 1
            spans.append((index, stop))
            index = stop
        else:
            index += 1
    return spans


def _sibling_groups(blocks: list[Block]) -> list[list[tuple[int, int]]]:
    """Headings grouped with their siblings (same level, same parent), each as (index, end of body)."""
    groups: list[list[tuple[int, int]]] = []

    def walk(start: int, end: int) -> None:
        levels = [b.level for b in blocks[start:end] if isinstance(b, Heading)]
        if not levels:
            return
        level = min(levels)
        first = next(i for i in range(start, end) if isinstance(blocks[i], Heading))
        spans = _sections(blocks, first, end, level)
        groups.append(spans)
        for index, stop in spans:
            walk(index + 1, stop)

    walk(0, len(blocks))
    return groups


def field_tables(blocks: list[Block], topic: Heading | None = None) -> list[Block]:
    """``blocks`` with each term heading's labelled fields rewritten as one ``| Element | Details |``
    table (bold labels) right under the heading, in place of the points or sub-headings they were."""
    replace: dict[int, tuple[int, Table]] = {}  # body start -> (body end, table)
    for group in _sibling_groups(blocks):
        bodies: list[tuple[int, int, tuple[int, list[_Field]]]] = []
        for index, stop in group:
            heading = blocks[index]
            assert isinstance(heading, Heading)
            if heading is topic or index + 1 >= stop:
                continue
            read = _body_fields(blocks[index + 1 : stop])
            if read is not None:
                bodies.append((index, stop, read))
        seen: dict[str, int] = {}
        for _index, _stop, (_start, found) in bodies:
            for key in {_key(field.label) for field in found}:
                seen[key] = seen.get(key, 0) + 1
        for index, stop, (start, found) in bodies:
            heading = blocks[index]
            assert isinstance(heading, Heading)
            name = tx.term_name(heading.text).name
            if (
                not tx.is_term_name(name)
                or tx.is_grouping_label(heading.text)
                or tx.is_structural(heading.text)
                or not all(seen[_key(f.label)] >= 2 or _universal(f.label) for f in found)
                or any(_key(f.label) == _key(name) for f in found)
            ):
                continue
            rows = [(field.line, [field.label, field.value]) for field in found]
            table = Table(["Element", "Details"], rows, found[0].line, {(row, 0) for row in range(len(rows))})
            replace[index + 1 + start] = (stop, table)
    if not replace:
        return blocks
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        if index in replace:
            stop, table = replace[index]
            out.append(table)
            index = stop
            continue
        out.append(blocks[index])
        index += 1
    return out
