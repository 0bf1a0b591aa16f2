"""Add an import to an existing knowledge file without touching what the group already polished.

The existing file is edited as text (its comments, order and wording stay byte for byte): new entries
are appended to ``entries``, new aliases are added to existing entries, new unplaced lines are appended
to ``unplaced``. Existing entries win: a term already in the file is never redefined. PyYAML's node
marks say where each edit goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.importer import ImportResult, NotesError
from bot.importer.draft import DraftEntry
from bot.importer.extract import name_id, normalize
from bot.importer.render import dump, entry_lines, unplaced_lines
from bot.knowledge import KnowledgeError
from bot.loader import load_knowledge_text
from bot.wording import plural


@dataclass(slots=True)
class MergeResult:
    """The merged file's text and what was added."""

    text: str
    new_entries: list[str] = field(default_factory=list)
    new_aliases: list[tuple[str, str]] = field(default_factory=list)  # (entry term, alias)
    new_unplaced: int = 0

    @property
    def changed(self) -> bool:
        """Whether the merge added anything."""
        return bool(self.new_entries or self.new_aliases or self.new_unplaced)

    def summary(self, name: str) -> str:
        """One line saying what the merge added to ``name``."""
        return (
            f"merged into {name}: {plural(len(self.new_entries), 'new entry', 'new entries')}, "
            f"{plural(len(self.new_aliases), 'new alias', 'new aliases')} on existing entries, "
            f"{plural(self.new_unplaced, 'new unplaced line')}"
        )


@dataclass(slots=True)
class _Existing:
    """One entry of the existing file: its names and the nodes where new aliases go."""

    node: MappingNode
    term: str
    names: list[str]
    term_node: Node
    aliases: SequenceNode | None


def _value(node: MappingNode, key: str) -> Node | None:
    """The value node of ``key`` in a mapping node."""
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return value_node
    return None


def _last_scalar(node: Node) -> Node:
    """The node where ``node``'s text ends (the last scalar inside it)."""
    while isinstance(node, (MappingNode, SequenceNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node


class _Editor:
    """Collects text insertions and applies them back to front."""

    def __init__(self, text: str) -> None:
        self.text = text if text.endswith("\n") else text + "\n"
        self.inserts: list[tuple[int, int, str]] = []

    def line_after(self, node: Node) -> int:
        """The offset of the line following the end of ``node``."""
        end = _last_scalar(node).end_mark.index
        if end > 0 and self.text[end - 1] == "\n":
            return end
        newline = self.text.find("\n", end)
        return len(self.text) if newline < 0 else newline + 1

    def line_prefix(self, node: Node) -> str:
        """The text on ``node``'s line before it (e.g. ``"    - "`` for a list item)."""
        start = node.start_mark.index
        line_start = self.text.rfind("\n", 0, start) + 1
        return self.text[line_start:start]

    def insert(self, offset: int, text: str) -> None:
        """Insert ``text`` at ``offset`` (several at one offset keep their order)."""
        self.inserts.append((offset, len(self.inserts), text))

    def result(self) -> str:
        """The text with every insertion made."""
        text = self.text
        for offset, _, piece in sorted(self.inserts, reverse=True):
            text = text[:offset] + piece + text[offset:]
        return text

    def append_items(self, seq: SequenceNode, items: list[str], comments: list[str] | None = None) -> None:
        """Append items to an existing list, in its own style (block items may get a trailing comment)."""
        if not items:
            return
        if seq.flow_style or not seq.value:
            close = seq.end_mark.index - 1
            while close > 0 and self.text[close] != "]":
                close -= 1
            flow = ", ".join(dump([item], flow=True)[1:-1] for item in items)
            self.insert(close, (", " if seq.value else "") + flow)
            return
        prefix = self.line_prefix(seq.value[0])
        dash = prefix.rstrip()
        indent = " " * (len(dash) - 1) if dash.endswith("-") else " " * max(seq.start_mark.column, 0)
        lines = []
        for index, item in enumerate(items):
            dumped = dump([item]).split("\n")
            comment = comments[index] if comments and len(dumped) == 1 else ""
            lines.append(indent + dumped[0] + (f"  # {comment}" if comment else ""))
            lines.extend(indent + line if line else line for line in dumped[1:])
        self.insert(self.line_after(seq), "\n".join(lines) + "\n")


def merge_into(existing_text: str, existing_path: Path, imported: ImportResult) -> MergeResult:
    """``existing_text`` with the new entries, aliases and unplaced lines of ``imported`` added."""
    try:
        load_knowledge_text(existing_text, existing_path)
    except KnowledgeError as exc:
        raise NotesError(
            f"{existing_path} is not a valid knowledge file, fix it first: {exc.problems[0]}"
        ) from None
    root = yaml.compose(existing_text, Loader=yaml.SafeLoader)
    assert isinstance(root, MappingNode)  # the loader accepted it
    lists = _entry_lists(root)
    # new entries go to the top-level 'entries', else to the last topic of 'topics'
    entries_node = lists[0] if _value(root, "entries") is not None else lists[-1]
    if entries_node.flow_style:
        raise NotesError(
            f"{existing_path} writes 'entries' inline ([...]); write it as a block list to merge"
        )
    editor = _Editor(existing_text)
    existing = [old for node in lists for old in _existing_entries(node)]
    claimed: dict[str, _Existing | DraftEntry] = {}
    for old in existing:
        for name in old.names:
            claimed.setdefault(name_id(name), old)

    result = MergeResult(text=existing_text)
    added_aliases: dict[int, list[str]] = {}
    new_entries: list[DraftEntry] = []
    for entry in imported.draft.entries:
        hit = next((claimed[name_id(n)] for n in entry.names() if name_id(n) in claimed), None)
        if isinstance(hit, _Existing):
            for name in entry.names():
                if name_id(name) not in claimed:
                    claimed[name_id(name)] = hit
                    added_aliases.setdefault(id(hit), []).append(name)
                    result.new_aliases.append((hit.term, name))
            continue
        if hit is not None:  # two imported entries share a name (cannot happen after finish)
            continue
        entry.aliases = [a for a in entry.aliases if name_id(a.text) not in claimed]
        for name in entry.names():
            claimed[name_id(name)] = entry
        new_entries.append(entry)
        result.new_entries.append(entry.term)

    for old in existing:
        names = added_aliases.get(id(old))
        if not names:
            continue
        if old.aliases is not None:
            editor.append_items(old.aliases, names)
        else:
            line = " " * _key_column(old.node) + dump({"aliases": names}, flow=True)
            editor.insert(editor.line_after(old.term_node), line + "\n")

    if new_entries:
        dash_col = len(editor.line_prefix(entries_node.value[0]).rstrip()) - 1
        blocks = []
        for entry in new_entries:
            entry.see_also = [ref for ref in entry.see_also if name_id(ref.text) in claimed]
            blocks.append("\n".join(entry_lines(entry, dash=" " * max(dash_col, 0))))
        at = editor.line_after(entries_node)
        gap = "\n" if editor.text[at : at + 1] not in ("", "\n") else ""
        editor.insert(at, "\n" + "\n\n".join(blocks) + "\n" + gap)

    unplaced_node = _value(root, "unplaced")
    known: set[str] = set()
    if isinstance(unplaced_node, SequenceNode):
        known = {normalize(str(item.value)) for item in unplaced_node.value if isinstance(item, ScalarNode)}
    fresh: list[tuple[int, str]] = []
    for line_number, text in imported.draft.unplaced:
        if normalize(text) not in known:
            known.add(normalize(text))
            fresh.append((line_number, text))
    result.new_unplaced = len(fresh)
    if fresh:
        if isinstance(unplaced_node, SequenceNode):
            editor.append_items(unplaced_node, [text for _, text in fresh], [f"line {n}" for n, _ in fresh])
        else:
            editor.insert(len(editor.text), "\nunplaced:\n" + "\n".join(unplaced_lines(fresh)) + "\n")

    result.text = editor.result() if result.changed else existing_text
    try:
        load_knowledge_text(result.text, existing_path)
    except KnowledgeError as exc:  # a bug here must never reach the file
        raise NotesError(f"merging would make {existing_path} invalid: {exc.problems[0]}") from None
    return result


_BOM = "\ufeff"


def merge_into_as_written(existing_text: str, existing_path: Path, imported: ImportResult) -> MergeResult:
    """``merge_into`` for a file's whole text as read (``newline=""``, a byte-order mark as U+FEFF): the
    merged text keeps the mark and, when every line ends in CRLF, CRLF line ends (the added lines too).

    Other line ends (a mix, or old Mac CRs) are merged as LF, as any YAML reader sees them.
    """
    bom = existing_text.startswith(_BOM)
    text = existing_text.removeprefix(_BOM)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n") == text.count("\r")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = merge_into(text, existing_path, imported)
    if not result.changed:
        result.text = existing_text
        return result
    if crlf:
        result.text = result.text.replace("\n", "\r\n")
    if bom:
        result.text = _BOM + result.text
    return result


def _entry_lists(root: MappingNode) -> list[SequenceNode]:
    """The existing file's lists of entries: the top-level ``entries`` and each topic's of ``topics``."""
    found = []
    top = _value(root, "entries")
    if isinstance(top, SequenceNode):
        found.append(top)
    topics = _value(root, "topics")
    if isinstance(topics, SequenceNode):
        for topic in topics.value:
            entries = _value(topic, "entries") if isinstance(topic, MappingNode) else None
            if isinstance(entries, SequenceNode):
                found.append(entries)
    assert found  # the loader accepted the file
    return found


def _key_column(node: MappingNode) -> int:
    """The column the keys of a block mapping start at."""
    return int(node.value[0][0].start_mark.column) if node.value else int(node.start_mark.column)


def _existing_entries(entries_node: SequenceNode) -> list[_Existing]:
    """The entries of the existing file with their names."""
    found = []
    for item in entries_node.value:
        if not isinstance(item, MappingNode):
            continue
        term_node = _value(item, "term")
        aliases = _value(item, "aliases")
        if term_node is None or not isinstance(term_node, ScalarNode):
            continue
        names = [str(term_node.value)]
        if isinstance(aliases, SequenceNode):
            names.extend(str(a.value) for a in aliases.value if isinstance(a, ScalarNode))
        found.append(
            _Existing(
                item,
                str(term_node.value),
                names,
                term_node,
                aliases if isinstance(aliases, SequenceNode) else None,
            )
        )
    return found
