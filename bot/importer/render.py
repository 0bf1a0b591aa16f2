"""Write a draft as knowledge-file YAML text, with ``# check:`` comments next to the guesses.

PyYAML cannot write comments, so the document is laid out here line by line and every value is dumped
by ``yaml.safe_dump`` (which quotes whatever needs quoting).
"""

from __future__ import annotations

import yaml

from bot.importer.draft import Draft, DraftEntry, Item

#: Lists printed inline (``aliases: [a, b]``) while the line stays this short.
FLOW_WIDTH = 100
_NO_WRAP = 1 << 30
ENTRY_KEYS = ("aliases", "details", "examples", "see_also")


#: libyaml's emitter (7x faster) writes the same bytes as PyYAML's for single-line text within the Basic
#: Multilingual Plane; beyond it (emoji) libyaml escapes characters, so PyYAML's emitter is used there.
_FAST_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _strings(value: object) -> list[str]:
    """The strings inside ``value`` (a string, or lists and dicts of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def dumper_for(value: object) -> type[yaml.SafeDumper]:
    """The fast dumper when it writes exactly what PyYAML would, else PyYAML's own."""
    for text in _strings(value):
        if "\n" in text or "\r" in text or any(ord(ch) > 0xFFFF for ch in text):
            return yaml.SafeDumper
    return _FAST_DUMPER


def dump(value: object, *, flow: bool = False) -> str:
    """``value`` as YAML text without a trailing newline; ``flow`` writes innermost lists inline."""
    text = yaml.dump(
        value,
        Dumper=dumper_for(value),
        allow_unicode=True,
        sort_keys=False,
        width=_NO_WRAP,
        default_flow_style=None if flow else False,
    ).rstrip("\n")
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    return text


def _comment(note: str) -> str:
    """A ``# check:`` comment body on one line."""
    return "# check: " + " ".join(note.split())


def _indent(text: str, first: str, rest: str) -> list[str]:
    """``text``'s lines with ``first`` before the first line and ``rest`` before the others."""
    lines = text.split("\n")
    return [first + lines[0], *(rest + line if line else line for line in lines[1:])]


def pair_lines(key: str, value: object, indent: str, *, flow: bool = False) -> list[str]:
    """``key: value`` lines at ``indent``."""
    return _indent(dump({key: value}, flow=flow), indent, indent)


def list_lines(key: str, items: list[Item], indent: str, checks: list[str]) -> list[str]:
    """A list-valued key: inline when short and unannotated, else one ``- item`` per line."""
    lines = [indent + _comment(note) for note in checks]
    texts = [item.text for item in items]
    if not any(item.check for item in items):
        inline = dump({key: texts}, flow=True)
        if "\n" not in inline and len(indent) + len(inline) <= FLOW_WIDTH:
            return [*lines, indent + inline]
    lines.append(f"{indent}{key}:")
    for item in items:
        if item.check:
            lines.append(f"{indent}  {_comment(item.check)}")
        lines.extend(_indent(dump([item.text]), indent + "  ", indent + "  "))
    return lines


def entry_lines(entry: DraftEntry, dash: str = "  ") -> list[str]:
    """One entry as ``- term: ...`` lines, the dash at column ``len(dash)``."""
    inner = dash + "  "
    lines = [dash + _comment(note) for note in entry.checks.get("term", [])]
    lines.extend(_indent(dump({"term": entry.term}), dash + "- ", inner))
    for key in ("aliases", "definition", "details", "examples", "see_also"):
        checks = entry.checks.get(key, [])
        if key == "definition":
            lines.extend(inner + _comment(note) for note in checks)
            lines.extend(pair_lines("definition", entry.definition, inner))
            continue
        items: list[Item] = getattr(entry, key)
        if items:
            lines.extend(list_lines(key, items, inner, checks))
        else:
            lines.extend(inner + _comment(note) for note in checks)
    return lines


def unplaced_lines(unplaced: list[tuple[int, str]], indent: str = "  ") -> list[str]:
    """Unplaced lines as ``- text  # line N`` items."""
    lines = []
    for line, text in unplaced:
        dumped = dump([text])
        if "\n" in dumped:
            lines.append(f"{indent}# line {line}")
            lines.extend(_indent(dumped, indent, indent))
        else:
            lines.append(f"{indent}{dumped}  # line {line}")
    return lines


def topic_groups(draft: Draft) -> list[tuple[str, list[DraftEntry]]] | None:
    """The entries by the grouping heading they sit under, when the notes have two groups or more.

    The first item is ``("", entries under no group)`` (possibly empty), then each group in the order
    of the notes; a group named like the notes' title counts as no group. None when there are fewer
    than two groups: the file is then one topic, its groups its tags.
    """
    titled = draft.title.casefold()
    named: dict[str, tuple[str, list[DraftEntry]]] = {}
    loose: list[DraftEntry] = []
    for entry in draft.entries:
        group = " ".join(entry.group.split())
        if not group or group.casefold() == titled:
            loose.append(entry)
            continue
        named.setdefault(group.casefold(), (group, []))[1].append(entry)
    if len(named) < 2:
        return None
    return [("", loose), *named.values()]


def render_order(draft: Draft) -> list[DraftEntry]:
    """The entries in the order ``render`` writes them."""
    groups = topic_groups(draft)
    if groups is None:
        return list(draft.entries)
    return [entry for _, entries in groups for entry in entries]


def _entries_lines(entries: list[DraftEntry], dash: str = "  ") -> list[str]:
    """``entries`` one after another, a blank line between two."""
    lines: list[str] = []
    for index, entry in enumerate(entries):
        if index:
            lines.append("")
        lines.extend(entry_lines(entry, dash=dash))
    return lines


def _topic_lines(draft: Draft, entries: list[DraftEntry], *, tags: list[str]) -> list[str]:
    """The file's own ``topic:`` (the notes' title, objective, source, ``tags``) and its ``entries:``."""
    lines = ["topic:"]
    lines.extend("  " + _comment(note) for note in draft.topic_checks)
    lines.extend(pair_lines("title", draft.title, "  "))
    if draft.objective:
        lines.extend(pair_lines("objective", draft.objective, "  "))
    lines.extend(pair_lines("source", draft.source, "  "))
    if tags:
        lines.append("  # the headings that group the entries")
        lines.extend(pair_lines("tags", tags, "  ", flow=True))
    elif draft.tags:
        lines.append("  # the tags of the notes' front matter")
        lines.extend(pair_lines("tags", draft.tags, "  ", flow=True))
    lines.extend(["", "entries:"])
    lines.extend(_entries_lines(entries))
    return lines


def render(draft: Draft, notes_name: str) -> str:
    """The whole knowledge file for ``draft``: one topic, or one per grouping heading (``topics:``)."""
    lines = [
        f"# Imported from {' '.join(notes_name.split())} by `python -m bot import`.",
        "# Polish it by hand: resolve each check note and the 'unplaced' list, add aliases,",
        "# then run `python -m bot check` and `/kb reload`.",
    ]
    groups = topic_groups(draft)
    if groups is None:
        lines.extend(_topic_lines(draft, draft.entries, tags=draft.groups))
    else:
        loose = groups[0][1]
        if loose:
            lines.extend(_topic_lines(draft, loose, tags=[]))
            lines.append("")
        else:
            lines.extend(_comment(note) for note in draft.topic_checks)
        lines.append("# one topic per grouping heading of the notes (tagged with the notes' title)")
        lines.append("topics:")
        for number, (title, entries) in enumerate(groups[1:]):
            if number:
                lines.append("")
            lines.extend(_indent(dump({"title": title}), "  - ", "    "))
            if draft.objective:
                lines.extend(pair_lines("objective", draft.objective, "    "))
            lines.extend(pair_lines("source", draft.source, "    "))
            lines.extend(pair_lines("tags", [draft.title], "    ", flow=True))
            lines.append("    entries:")
            lines.extend(_entries_lines(entries, dash="      "))
    if draft.unplaced:
        lines.extend(
            [
                "",
                "# Lines the importer could not place: move each into an entry, then delete it here.",
                "unplaced:",
            ]
        )
        lines.extend(unplaced_lines(draft.unplaced))
    return "\n".join(lines) + "\n"
