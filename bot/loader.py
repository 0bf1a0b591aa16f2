"""Load and validate the hand-written YAML knowledge base.

A knowledge path is a ``.yaml``/``.yml`` file or a directory searched recursively. A file is one
topic::

    topic:
      title: Virtualization        # required
      objective: "2.2"             # optional; an unquoted 2.2 is read as the text "2.2"
      source: Study group notes    # optional
      tags: [security-plus]        # optional
    entries:
      - term: Hypervisor
        aliases: [VMM]
        definition: Software that runs virtual machines.
        details: [...]             # optional bullets
        examples: [...]            # optional
        see_also: [Virtual machine]
    unplaced: [...]                # optional: lines the Markdown importer could not place (not loaded)

or several: a ``topics:`` list of topics, each a mapping with the keys of ``topic:`` and its own
``entries:`` (``topic:`` and ``entries:`` may then be left out; with them, they are one more topic)::

    topics:
      - title: RAM types
        entries:
          - term: SO-DIMM
            definition: Smaller memory modules for laptops.
      - title: Speeds and latency
        entries: [...]

Files are parsed into YAML nodes (with the C loader when PyYAML has libyaml) so every value keeps its
line; validation collects every problem of every file and raises one ``KnowledgeError``.

Hostile or broken input is a problem like any other, never a traceback or a hang: a file that cannot
be read (a symlink loop, no permission, a directory or device named ``x.yaml``, not UTF-8, larger than
``MAX_FILE_BYTES``) is ``file: message``; YAML aliases (``*name``) are refused with their line, since
one anchored text aliased thousands of times would make the matcher index it thousands of times; a term
or alias longer than ``MAX_NAME_CHARS`` is refused (the matcher's work per name grows with its words).
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import rapidfuzz
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.collector import collector_paused
from bot.knowledge import Entry, KnowledgeBase, KnowledgeError, Problem, Topic
from bot.matching.names import identity, is_fragment

log = logging.getLogger(__name__)

#: The repository's bundled ``knowledge/`` directory.
DEFAULT_KNOWLEDGE_PATH: Path = Path(__file__).resolve().parent.parent / "knowledge"

#: File name endings the loader reads.
KNOWLEDGE_SUFFIXES: tuple[str, ...] = (".yaml", ".yml")

TOP_KEYS: tuple[str, ...] = ("topic", "entries", "topics", "unplaced")
TOPIC_KEYS: tuple[str, ...] = ("title", "objective", "source", "tags")
#: Keys of one topic of a ``topics:`` list: the topic's own and its entries.
LISTED_TOPIC_KEYS: tuple[str, ...] = (*TOPIC_KEYS, "entries")
ENTRY_KEYS: tuple[str, ...] = ("term", "aliases", "definition", "details", "examples", "see_also")

#: Largest knowledge file read, in bytes (the bundled ones are a few KB; 2,000 terms take about 1 MB).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Longest term or alias, in characters (the database keeps names of up to 200 characters).
MAX_NAME_CHARS = 12_000
#: Budgets of one file, so that loading and indexing it stay bounded whatever it holds (the matcher's work
#: grows with its names, their words and the words of the texts). Real notes stay far below them: the
#: largest notes seen have 87 entries, 8 aliases to an entry and 440-character texts; the look-up
#: benchmark's generated files have 2,000 entries (about 1 MB) each.
MAX_ENTRIES_PER_FILE = 5_000
#: Aliases of one entry.
MAX_ALIASES_PER_ENTRY = 50
#: Terms and aliases of one file together, and their words.
MAX_NAMES_PER_FILE = 8_000
MAX_NAME_WORDS_PER_FILE = 24_000
#: One definition, detail or example, in characters; all of a file's, in words.
MAX_TEXT_CHARS = 20_000
MAX_TEXT_WORDS_PER_FILE = 150_000
#: Different words in all of a file's texts (each new word is stemmed once; repeats cost little). The
#: look-up benchmark's 2,000-entry files use 1,900; its 100,000 entries together 33,000.
MAX_DISTINCT_WORDS_PER_FILE = 25_000
#: How many YAML aliases of one file are listed, each with its line, before the rest are counted.
_ALIASES_LISTED = 5
#: PyYAML's context for a value that opens and is never closed -> what to tell the author.
_UNCLOSED = {
    "while scanning a quoted scalar": "this quoted value has no closing quote",
    "while parsing a flow sequence": "this '[' list has no closing ']' (or a comma or colon is misplaced)",
    "while parsing a flow mapping": "this '{' has no closing '}' (or a comma or colon is misplaced)",
}
#: The key a value belongs to, read from the text before the value on its line (``  - definition: ``).
_KEY_BEFORE_VALUE = re.compile(r"^[ \t]*(?:-[ \t]+)*(?P<key>[\w][\w -]*?)[ \t]*:[ \t]+$")

_BaseSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NodeLoader(_BaseSafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, composing nodes only; path resolvers (unused by the safe loader) are skipped."""

    def resolve(self, kind: type[Node], value: object, implicit: tuple[bool, bool]) -> str:
        """Defer plain scalars' tags to ``_tag`` (most are never looked at twice); others as usual."""
        if kind is ScalarNode:
            return _PLAIN_TAG if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        """No path resolvers are registered, so there is nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered, so there is nothing to track."""


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
#: Stand-in tag of a plain (unquoted) scalar until ``_tag`` resolves it the way ``safe_load`` would.
_PLAIN_TAG = "tag:studybot,2026:unresolved-plain"
_RESOLVER = yaml.resolver.Resolver()
#: First characters for which some implicit resolver (bool, int, null...) may apply; others are text.
_IMPLICIT_FIRST = frozenset(key for key in _RESOLVER.yaml_implicit_resolvers if key)
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_TAG_KINDS = {
    _STR_TAG: "text",
    "tag:yaml.org,2002:bool": "a yes/no value",
    _NULL_TAG: "an empty value",
    _INT_TAG: "a number",
    _FLOAT_TAG: "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:binary": "binary data",
}


def normalize_name(name: str) -> str:
    """The form two names are compared in: the name model's key (``bot.matching.names.identity``).

    "Type II hypervisors" and "type 2 hypervisor" give the same; "C", "C#" and "C++" do not.
    """
    return identity(name)


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else as given."""
    try:  # realpath, unlike Path.resolve, does not raise on a symlink loop
        return str(Path(os.path.realpath(path)).relative_to(os.path.realpath(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


def one_line(text: str) -> str:
    """``text`` with line breaks, tabs and other invisible controls escaped (``\\n``), so a message
    quoting a file's text stays one line whatever the file holds; printable Unicode is kept."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def format_problem(problem: Problem) -> str:
    """``file:line: message`` with the file relative to the working directory when possible (one line)."""
    where = one_line(display_path(problem.path))
    if problem.line is not None:
        where = f"{where}:{problem.line}"
    return f"{where}: {one_line(problem.message)}"


def _tag(node: Node) -> str:
    """The node's tag, resolving a plain scalar's implicit tag (bool, int, null...) on first use."""
    tag = str(node.tag)
    if tag == _PLAIN_TAG:
        value = node.value
        if value and value[0] not in _IMPLICIT_FIRST:
            tag = _STR_TAG
        else:
            tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
        node.tag = tag
    return tag


def _line(node: Node) -> int:
    """The 1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def _node_kind(node: Node) -> str:
    """How a student would call what ``node`` holds."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = _tag(node)
    return _TAG_KINDS.get(tag, f"a value tagged {tag}")


@dataclass(slots=True)
class _ParsedEntry:
    """An entry as written, with the lines its names and cross-references came from.

    ``entry`` is None when the term or definition is unusable; its names still count for cross-checks.
    """

    term: str | None
    line: int
    entry: Entry | None = None
    names: list[tuple[str, int, str]] = field(default_factory=list)  # (name, line, key)
    see_also: list[tuple[str, int]] = field(default_factory=list)


@dataclass(slots=True)
class _ParsedFile:
    """One file's topics and entries (all topics' entries, in file order).

    ``topic`` is the ``topic:`` mapping's (None when absent or its title is unusable), ``listed`` those of
    the ``topics:`` list that have a usable title.
    """

    path: Path
    topic: Topic | None = None
    entries: list[_ParsedEntry] = field(default_factory=list)
    listed: list[Topic] = field(default_factory=list)
    topic_line: int | None = None  # the line of the ``topic:`` key


class _FileChecker:
    """Turns one file's YAML node tree into a topic and entries, recording problems."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self._seen: set[int] = set()  # ids of the nodes read so far; a node read twice came by an alias
        self.aliased = False
        # what the file has used of its budgets so far (MAX_..._PER_FILE)
        self.names = self.name_words = self.text_words = 0
        self.words: set[str] = set()  # the different words of the texts so far
        self.entry_count = 0  # entries of all the file's topics so far
        self.spent = False  # a budget ran out (reported): the rest of the file is not read

    def repeated(self, node: Node) -> bool:
        """Whether ``node`` was read before: YAML aliases share the anchored node, so it is one.

        The first time marks the file as using aliases; the caller skips the node, so an alias is
        never expanded (``parse`` reports each alias with its line).
        """
        key = id(node)
        if key in self._seen:
            self.aliased = True
            return True
        self._seen.add(key)
        return False

    def problem(self, line: int | None, key: str | None, message: str) -> None:
        """Record one problem in this file (its message one line, whatever text of the file it quotes)."""
        self.problems.append(Problem(self.path, line, key, one_line(message)))

    # -- parsing -------------------------------------------------------------------------------------

    def parse(self, text: str) -> _ParsedFile:
        """Parse ``text`` (the file's content) and validate it."""
        parsed = _ParsedFile(self.path)
        root = self.compose(text)
        if root is None:
            return parsed
        if not isinstance(root, MappingNode):
            self.problem(
                _line(root),
                None,
                f"a knowledge file must be a mapping with 'topic:' and 'entries:', not {_node_kind(root)}",
            )
            return parsed
        keys = self.mapping(root, TOP_KEYS, where="at the top of the file")
        listed = "topics" in keys
        if "topic" in keys:
            parsed.topic = self.topic(keys["topic"])
            parsed.topic_line = _line(keys["topic"][0])
        elif not listed or "entries" in keys:
            self.problem(_line(root), "topic", "'topic' is missing (a mapping with at least a 'title')")
        if "entries" in keys:
            # Without a usable topic, still check the entries (against a stand-in) to report everything.
            topic = parsed.topic or Topic(title="?", path=self.path)
            parsed.entries = self.entries(keys["entries"][1], topic)
        elif not listed:
            self.problem(_line(root), "entries", "'entries' is missing (a list of terms)")
        elif "topic" in keys:
            self.problem(
                _line(keys["topic"][0]),
                "entries",
                "'entries' is missing: the terms of 'topic' (or leave 'topic' out and give each topic "
                "of 'topics' its entries)",
            )
        if listed:
            self.topic_list(keys["topics"][1], parsed)
        if "unplaced" in keys:  # lines `python -m bot import` could not place: checked as text, not loaded
            self.text_list(keys["unplaced"][1], "unplaced")
        if _CHECK_MARK in text:
            _attach_checks(text, parsed.entries)
        if self.aliased:
            self.report_aliases(text)
        return parsed

    def report_aliases(self, text: str) -> None:
        """One problem per YAML alias (the first few, then how many more), found by re-reading the events."""
        aliases = [
            (int(event.start_mark.line) + 1 if event.start_mark else 0, str(event.anchor))
            for event in yaml.parse(text, Loader=_BaseSafeLoader)
            if isinstance(event, yaml.AliasEvent)
        ]
        for line, anchor in aliases[:_ALIASES_LISTED]:
            self.problem(
                line,
                None,
                f"YAML aliases are not supported: write the text out instead of '*{anchor}' "
                f"(and drop the anchor '&{anchor}')",
            )
        if len(aliases) > _ALIASES_LISTED:
            more = len(aliases) - _ALIASES_LISTED
            self.problem(aliases[_ALIASES_LISTED][0], None, f"... and {more} more YAML aliases")

    def compose(self, text: str) -> Node | None:
        """The file's single YAML document as a node tree, or None (with a problem) if unusable."""
        try:
            loader = _NodeLoader(text)
            try:
                root: Node | None = loader.get_single_node()
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as exc:
            self.syntax_error(text, exc)
            return None
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
            reason = f"{exc.reason} (character {exc.character!r})"
            self.problem(line, None, f"YAML cannot read this file: {reason}")
            return None
        except yaml.YAMLError as exc:
            self.problem(None, None, f"YAML error: {exc}")
            return None
        except RecursionError:
            self.problem(None, None, "YAML error: the file is nested too deeply")
            return None
        if root is None:
            self.problem(1, None, "the file is empty; it needs 'topic:' and 'entries:'")
        return root

    def syntax_error(self, text: str, exc: yaml.MarkedYAMLError) -> None:
        """One problem for a YAML syntax error: an unclosed quote, ``[`` or ``{`` at the line where it opens,
        with the key it is the value of; anything else at the line where the parser gave up."""
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part) or str(exc)
        opened = _UNCLOSED.get(str(exc.context or ""))
        start, stop = exc.context_mark, exc.problem_mark
        if opened is None or start is None:
            mark = stop or start
            self.problem(int(mark.line) + 1 if mark is not None else None, None, f"YAML syntax error: {what}")
            return
        gave_up = (
            f" (the parser gave up at line {int(stop.line) + 1}: {exc.problem})" if stop is not None else ""
        )
        lines = text.splitlines()
        prefix = lines[start.line][: start.column] if start.line < len(lines) else ""
        key = _KEY_BEFORE_VALUE.search(prefix)
        self.problem(
            int(start.line) + 1, key.group("key") if key else None, f"YAML syntax error: {opened}{gave_up}"
        )

    def mapping(
        self, node: MappingNode, allowed: tuple[str, ...], where: str
    ) -> dict[str, tuple[Node, Node]]:
        """Allowed keys of ``node`` with their key and value nodes; reports unknown and repeated keys."""
        found: dict[str, tuple[Node, Node]] = {}
        if self.repeated(node):
            return found
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode and key_node.value in allowed and key_node.value not in found:
                found[key_node.value] = (key_node, value_node)
                continue
            line = _line(key_node)
            if isinstance(key_node, ScalarNode) and _tag(key_node) == _MERGE_TAG:
                self.problem(line, None, f"merge keys ('<<') are not supported ({where}); write the keys out")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(line, None, f"a key must be plain text, not {_node_kind(key_node)} ({where})")
                continue
            key = str(key_node.value)
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
                self.problem(line, key, f"unknown key '{key}' {where}{hint}")
                continue
            if key in found:
                first = _line(found[key][0])
                self.problem(line, key, f"'{key}' is given twice (first on line {first})")
                continue
            found[key] = (key_node, value_node)
        return found

    def text(self, node: Node, key: str, *, numbers_as_text: bool = False, label: str = "") -> str | None:
        """The text of a scalar node, or None after reporting why it is not usable text."""
        if self.repeated(node):
            return None
        if type(node) is ScalarNode:
            tag = _tag(node)
            if tag == _STR_TAG or (numbers_as_text and tag in (_INT_TAG, _FLOAT_TAG)):
                value = str(node.value).strip()
                if value:
                    return value
                self.problem(_line(node), key, f"{label or repr(key)} is empty")
                return None
        self.not_text(node, key, label)
        return None

    def not_text(self, node: Node, key: str, label: str) -> None:
        """Report why ``node`` is not usable text."""
        name = label or f"'{key}'"
        if isinstance(node, ScalarNode):
            tag = _tag(node)
            if tag in (_STR_TAG, _NULL_TAG) and not str(node.value).strip():
                self.problem(_line(node), key, f"{name} is empty")
                return
            if tag not in _TAG_KINDS:
                self.problem(_line(node), key, f"{name} must be plain text; remove the YAML tag {tag!r}")
                return
            self.problem(
                _line(node),
                key,
                f"{name} must be text, but YAML reads {node.value!r} as {_node_kind(node)}; "
                f'put it in quotes: "{node.value}"',
            )
            return
        hint = ""
        if isinstance(node, MappingNode):
            hint = "; if the text contains ': ' put it in quotes"
        self.problem(_line(node), key, f"{name} must be text, not {_node_kind(node)}{hint}")
        return

    def text_list(self, node: Node, key: str) -> list[tuple[str, Node]]:
        """The texts of a list node with their nodes; reports a non-list and unusable items."""
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and _tag(node) == _STR_TAG and str(node.value).strip():
                hint = f"; write {key}: [{node.value}]"
            else:
                hint = ""
            self.problem(_line(node), key, f"'{key}' must be a list, not {_node_kind(node)}{hint}")
            return []
        items: list[tuple[str, Node]] = []
        if self.repeated(node):
            return items
        seen = self._seen
        for index, item in enumerate(node.value, start=1):
            if id(item) in seen:
                self.aliased = True
                continue
            seen.add(id(item))
            # Inlined fast path of _tag(): most items are plain text whose first character rules out
            # any implicit type; anything else goes through the full check.
            if type(item) is ScalarNode:
                value = item.value
                plain_text = item.tag == _PLAIN_TAG and value and value[0] not in _IMPLICIT_FIRST
                if plain_text or _tag(item) == _STR_TAG:
                    value = value.strip()
                    if value:
                        items.append((value, item))
                        continue
            self.not_text(item, key, label=f"item {index} of '{key}'")
        return items

    def long_name(self, node: Node, key: str, name: str) -> None:
        """Report a term or alias longer than ``MAX_NAME_CHARS``."""
        what = "the term" if key == "term" else "an alias"
        self.problem(
            _line(node),
            key,
            f"{what} '{name[:40]}...' is {len(name):,} characters long; a term or alias may have at most "
            f"{MAX_NAME_CHARS} (put longer text in the definition or details)",
        )

    def topic(self, found: tuple[Node, Node]) -> Topic | None:
        """The topic from the ``topic:`` mapping, or None if its title is unusable."""
        key_node, node = found
        line = _line(key_node)
        if not isinstance(node, MappingNode):
            self.problem(line, "topic", f"'topic' must be a mapping with a 'title', not {_node_kind(node)}")
            return None
        keys = self.mapping(node, TOPIC_KEYS, where="in 'topic'")
        return self.topic_fields(node, keys, "the topic")

    def topic_fields(self, node: Node, keys: dict[str, tuple[Node, Node]], label: str) -> Topic | None:
        """A topic from its mapping's keys, or None if its title is unusable."""
        title = objective = source = None
        tags: list[tuple[str, Node]] = []
        if "title" not in keys:
            self.problem(_line(node), "title", f"{label} has no 'title'")
        else:
            title = self.text(keys["title"][1], "title")
        if "objective" in keys:
            objective = self.text(keys["objective"][1], "objective", numbers_as_text=True)
        if "source" in keys:
            source = self.text(keys["source"][1], "source")
        if "tags" in keys:
            tags = self.text_list(keys["tags"][1], "tags")
        if title is None:
            return None
        return Topic(
            title=" ".join(title.split()),
            path=self.path,
            objective=objective,
            source=source,
            tags=tuple(tag for tag, _ in tags),
        )

    def topic_list(self, node: Node, parsed: _ParsedFile) -> None:
        """The topics of the ``topics:`` list, each with its entries, added to ``parsed``."""
        if not isinstance(node, SequenceNode):
            self.problem(_line(node), "topics", f"'topics' must be a list of topics, not {_node_kind(node)}")
            return
        if not node.value:
            self.problem(_line(node), "topics", "'topics' is empty; add at least one topic")
            return
        if self.repeated(node):
            return
        titles: dict[str, int] = {}
        if parsed.topic is not None and parsed.topic_line is not None:
            titles[parsed.topic.title.casefold()] = parsed.topic_line
        for index, item in enumerate(node.value, start=1):
            if not isinstance(item, MappingNode):
                self.problem(
                    _line(item),
                    "topics",
                    f"topic {index} of 'topics' must be a mapping with a 'title' and 'entries', "
                    f"not {_node_kind(item)}",
                )
                continue
            if id(item) in self._seen:  # an alias of an earlier topic (reported with its line)
                self.aliased = True
                continue
            keys = self.mapping(item, LISTED_TOPIC_KEYS, where="in a topic of 'topics'")
            topic = self.topic_fields(item, keys, f"topic {index} of 'topics'")
            if topic is not None:
                first = titles.get(topic.title.casefold())
                if first is not None:
                    self.problem(
                        _line(keys["title"][1]),
                        "title",
                        f"the topic '{topic.title}' is given twice (first on line {first}); "
                        "put its entries in one topic",
                    )
                else:
                    titles[topic.title.casefold()] = _line(keys["title"][1])
                parsed.listed.append(topic)
            if "entries" not in keys:
                label = f"the topic '{topic.title}'" if topic is not None else f"topic {index} of 'topics'"
                self.problem(_line(item), "entries", f"{label} has no 'entries' (a list of terms)")
                continue
            stand_in = topic or Topic(title="?", path=self.path)
            parsed.entries.extend(self.entries(keys["entries"][1], stand_in))

    def entries(self, node: Node, topic: Topic) -> list[_ParsedEntry]:
        """The entries of the ``entries:`` list."""
        if not isinstance(node, SequenceNode):
            self.problem(_line(node), "entries", f"'entries' must be a list of terms, not {_node_kind(node)}")
            return []
        if not node.value:
            self.problem(_line(node), "entries", "'entries' is empty; add at least one term")
            return []
        parsed: list[_ParsedEntry] = []
        for item in node.value:
            if self.spent:
                break  # the rest of the file is not read: it could only cost time
            self.entry_count += 1
            if self.entry_count > MAX_ENTRIES_PER_FILE:
                self.problem(
                    _line(item),
                    "entries",
                    f"the file has more than {MAX_ENTRIES_PER_FILE:,} entries, the most one file may have "
                    "(so loading stays fast): split it into several files",
                )
                self.spent = True
                break
            entry = self.entry(item, topic)
            if entry is not None:
                parsed.append(entry)
            self.spent = self.over_budget(item)
        return parsed

    def over_budget(self, node: Node) -> bool:
        """Whether the entries read so far, up to ``node``, used up one of the file's budgets (reported)."""
        used = (
            (self.names, MAX_NAMES_PER_FILE, "terms and aliases", "aliases"),
            (self.name_words, MAX_NAME_WORDS_PER_FILE, "words in terms and aliases", "aliases"),
            (
                self.text_words,
                MAX_TEXT_WORDS_PER_FILE,
                "words in definitions, details and examples",
                "definition",
            ),
            (len(self.words), MAX_DISTINCT_WORDS_PER_FILE, "different words in its texts", "definition"),
        )
        for count, budget, what, key in used:
            if count > budget:
                self.problem(
                    _line(node),
                    key,
                    f"with this entry the file has more than {budget:,} {what}, the most one file may have "
                    "(so loading and look-ups stay fast): split it into several files; the rest of the file "
                    "was not checked",
                )
                return True
        return False

    def long_text(self, node: Node, key: str, text: str) -> bool:
        """Whether ``text`` is longer than ``MAX_TEXT_CHARS`` (reported); else its words count to the
        file's budget."""
        if len(text) > MAX_TEXT_CHARS:
            self.problem(
                _line(node),
                key,
                f"this {key.rstrip('s')} is {len(text):,} characters long; one may have at most "
                f"{MAX_TEXT_CHARS:,}: keep the notes short, or split the text into details",
            )
            return True
        words = text.split()
        self.text_words += len(words)
        self.words.update(words)
        return False

    def entry(self, node: Node, topic: Topic) -> _ParsedEntry | None:
        """One entry as written, or None if it is not even a mapping (or an alias of an earlier one)."""
        if id(node) in self._seen:
            self.aliased = True
            return None
        line = _line(node)
        if not isinstance(node, MappingNode):
            kind = _node_kind(node)
            message = f"an entry must be a mapping with 'term' and 'definition', not {kind}"
            self.problem(line, "entries", message)
            return None
        keys = self.mapping(node, ENTRY_KEYS, where="in an entry")
        term = definition = None
        if "term" not in keys:
            self.problem(line, "term", "this entry has no 'term'")
        else:
            term = self.text(keys["term"][1], "term")
            if term is not None:
                term = " ".join(term.split())
                if len(term) > MAX_NAME_CHARS:
                    self.long_name(keys["term"][1], "term", term)
                    term = None
        label = f"entry '{term}'" if term else "this entry"
        if "definition" not in keys:
            self.problem(line, "definition", f"{label} has no 'definition'")
        else:
            definition = self.text(keys["definition"][1], "definition")
            if definition is not None and self.long_text(keys["definition"][1], "definition", definition):
                definition = None
        lists: dict[str, list[tuple[str, Node]]] = {}
        for key in ("aliases", "details", "examples", "see_also"):
            lists[key] = self.text_list(keys[key][1], key) if key in keys else []
        for key in ("details", "examples"):
            lists[key] = [(text, node) for text, node in lists[key] if not self.long_text(node, key, text)]
        if len(lists["aliases"]) > MAX_ALIASES_PER_ENTRY:
            self.problem(
                _line(keys["aliases"][1]),
                "aliases",
                f"{label} has {len(lists['aliases']):,} aliases; an entry may have at most "
                f"{MAX_ALIASES_PER_ENTRY} (a name the notes would never be asked by is no alias)",
            )
            lists["aliases"] = []
        # Lines, not nodes, are kept so the node tree can be freed as soon as the file is checked.
        aliases = [
            (" ".join(alias.split()), alias_node.start_mark.line + 1)
            for alias, alias_node in lists["aliases"]
        ]
        if any(len(alias) > MAX_NAME_CHARS for alias, _ in aliases):
            for (alias, _), (_, alias_node) in zip(aliases, lists["aliases"], strict=True):
                if len(alias) > MAX_NAME_CHARS:
                    self.long_name(alias_node, "aliases", alias)
            aliases = [(alias, line) for alias, line in aliases if len(alias) <= MAX_NAME_CHARS]
        for alias, alias_line in aliases:
            if is_fragment(alias):
                # the matcher would answer this entry for "what is a" or "what is on"
                self.problem(
                    alias_line,
                    "aliases",
                    f"alias '{alias}' of {label} is a single letter or function word in lower case, not a "
                    "name: remove it (a symbol or acronym is written in capitals: C, IT)",
                )
        aliases = [(alias, line) for alias, line in aliases if not is_fragment(alias)]
        see_also = [
            (" ".join(ref.split()), ref_node.start_mark.line + 1) for ref, ref_node in lists["see_also"]
        ]
        names = [(term, _line(keys["term"][1]), "term")] if term is not None else []
        names += [(alias, alias_line, "aliases") for alias, alias_line in aliases]
        self.names += len(names)
        self.name_words += sum(name.count(" ") + 1 for name, _, _ in names)
        parsed = _ParsedEntry(term, line, None, names, see_also)
        if term is None or definition is None:
            return parsed
        parsed.entry = Entry(
            term=term,
            definition=definition,
            topic=topic,
            aliases=tuple([alias for alias, _ in aliases]),
            details=tuple([text for text, _ in lists["details"]]),
            examples=tuple([text for text, _ in lists["examples"]]),
            see_also=tuple([ref for ref, _ in see_also]),
            line=line,
        )
        return parsed


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """The file's text decoded as UTF-8, or None after recording why it cannot be read.

    Only regular files of at most ``MAX_FILE_BYTES`` are read: a FIFO or a device named ``x.yaml`` is
    refused without waiting on it or reading it to the end.
    """

    def cannot(message: str, line: int | None = None) -> None:
        problems.append(Problem(path, line, None, message))

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        cannot("this is a directory, not a knowledge file")
        return None
    except OSError as exc:
        cannot(f"cannot read the file: {exc.strerror or exc}")
        return None
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):  # before fdopen, which refuses a directory as "Is a directory"
            os.close(fd)
            cannot("this is a directory, not a knowledge file")
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                cannot("not a regular file (a device, pipe or socket), so it was not read")
                return None
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        cannot(f"cannot read the file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE_BYTES:
        cannot(
            f"the file is {max(info.st_size, len(data)) / 1024 / 1024:.1f} MB; a knowledge file may have "
            f"at most {MAX_FILE_BYTES // 1024 // 1024} MB: split it into several files"
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        cannot("the file is not UTF-8 text; save it as UTF-8", line)
        return None


def _knowledge_files(paths: Iterable[str | Path], problems: list[Problem]) -> list[Path]:
    """The YAML files named by ``paths``, directories expanded recursively in sorted order.

    A path that cannot even be looked at (a symlink loop, a name too long, no permission) is a problem.
    """
    files: list[Path] = []
    seen: set[str] = set()

    def add(file: Path) -> None:
        key = os.path.realpath(file)  # never raises, even on a symlink loop (reading it will say why)
        if key not in seen:
            seen.add(key)
            files.append(file)

    for raw in paths:
        path = Path(raw)
        try:
            info: os.stat_result | None = path.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:
            problems.append(Problem(path, None, None, f"cannot read this path: {exc.strerror or exc}"))
            continue
        if info is not None and stat.S_ISDIR(info.st_mode):
            found = sorted(_walk_yaml(path, problems), key=lambda p: p.relative_to(path).parts)
            if not found:
                problems.append(Problem(path, None, None, "no .yaml or .yml files in this directory"))
            for file in found:
                add(file)
        elif info is not None:
            if path.suffix.lower() not in KNOWLEDGE_SUFFIXES:
                problems.append(Problem(path, None, None, "not a knowledge file (expected .yaml or .yml)"))
            else:
                add(path)
        elif path.is_symlink():
            problems.append(Problem(path, None, None, "a broken symbolic link (its target does not exist)"))
        else:
            problems.append(Problem(path, None, None, "no such file or directory"))
    return files


def knowledge_files(paths: Iterable[str | Path]) -> list[Path] | None:
    """The knowledge files ``load_knowledge(paths)`` reads, in its order; None if a path is missing or
    is not a knowledge file (``load_knowledge`` reports it)."""
    problems: list[Problem] = []
    files = _knowledge_files(paths, problems)
    return None if problems else files


_CHECK_MARK = "# check:"


def _attach_checks(text: str, entries: list[_ParsedEntry]) -> None:
    """Give each entry the ``# check:`` comments written inside it or right above its ``- term:`` line."""
    lines = text.split("\n")
    starts = [item.line for item in entries]
    notes: dict[int, list[str]] = {}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped.startswith(_CHECK_MARK):
            continue
        # a comment block right above an entry belongs to it; anything else to the entry it is inside
        after = number
        while after < len(lines) and lines[after].strip().startswith("#"):
            after += 1
        owner = bisect.bisect_right(starts, after + 1) - 1
        if owner >= 0:
            notes.setdefault(owner, []).append(stripped[len(_CHECK_MARK) :].strip())
    for index, found in notes.items():
        entry = entries[index].entry
        if entry is not None:
            entries[index].entry = dataclasses.replace(entry, checks=tuple(found))


def _walk_yaml(directory: Path, problems: list[Problem]) -> Iterator[Path]:
    """YAML files below ``directory``, skipping hidden files and folders; unreadable folders are problems."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else directory
        problems.append(Problem(where, None, None, f"cannot read this directory: {error.strerror or error}"))

    for root, dirs, names in os.walk(directory, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # a folder named like a knowledge file is not walked but reported ("this is a directory")
        for name in [d for d in dirs if os.path.splitext(d)[1].lower() in KNOWLEDGE_SUFFIXES]:
            yield Path(root, name)
        dirs[:] = [d for d in dirs if os.path.splitext(d)[1].lower() not in KNOWLEDGE_SUFFIXES]
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in KNOWLEDGE_SUFFIXES:
                yield Path(root, name)


def _label(item: _ParsedEntry) -> str:
    """How a message names an entry: by its term, or by its line when it has none."""
    return f"entry '{item.term}'" if item.term else f"the entry on line {item.line}"


_SAME_NAME = "case, spacing, plurals, articles and number forms do not tell names apart"


def _cross_check(parsed_files: list[_ParsedFile], problems: list[Problem]) -> None:
    """Report names claimed twice and see_also references to no known term, across all files.

    Two entries may not have names that the name model cannot tell apart ("Type II switch" and
    "type 2 switches"): a look-up or a typed quiz answer could not know which was meant. One
    entry may list such variants of its own names (that is what aliases are for), but not the
    same spelling twice.
    """
    claimed: dict[str, tuple[_ParsedEntry, Path, int, str]] = {}
    for parsed in parsed_files:
        for item in parsed.entries:
            spelt: dict[str, int] = {}  # this entry's names as written (case-folded) -> line
            for name, line, key in item.names:
                what = "alias" if key == "aliases" else "term"
                folded = name.casefold()
                if folded in spelt:
                    message = f"{what} '{name}' repeats a name of {_label(item)} (line {spelt[folded]})"
                    problems.append(Problem(parsed.path, line, key, message))
                    continue
                spelt[folded] = line
                norm = normalize_name(name)
                owner = claimed.get(norm)
                if owner is None:
                    claimed[norm] = (item, parsed.path, line, name)
                    continue
                other, other_path, other_line, other_name = owner
                if other is item:
                    continue
                same = "" if other_name.casefold() == folded else f" (as '{other_name}': {_SAME_NAME})"
                message = (
                    f"{what} '{name}' is already claimed by {_label(other)} "
                    f"({display_path(other_path)}:{other_line}){same}"
                )
                problems.append(Problem(parsed.path, line, key, message))
    for parsed in parsed_files:
        for item in parsed.entries:
            for ref, line in item.see_also:
                norm = normalize_name(ref)
                if norm not in claimed:
                    close = rapidfuzz.process.extractOne(
                        norm, claimed.keys(), scorer=rapidfuzz.fuzz.ratio, score_cutoff=75
                    )
                    hint = ""
                    if close is not None and claimed[close[0]][0] is not item:
                        hint = f" (did you mean '{claimed[close[0]][3]}'?)"
                    message = f"see_also '{ref}' of {_label(item)} names no known term or alias"
                    problems.append(Problem(parsed.path, line, "see_also", message + hint))


def _build(parsed_files: list[_ParsedFile], files: list[Path], problems: list[Problem]) -> KnowledgeBase:
    """Cross-check the parsed files and return the knowledge base, or raise every problem found.

    Problems are ordered by file (paths that are not files first, then ``files`` in order), then line.
    """
    _cross_check(parsed_files, problems)
    if problems:
        order = {path: index for index, path in enumerate(files)}
        problems.sort(key=lambda p: (order.get(p.path, -1), p.line or 0))
        raise KnowledgeError(problems)
    kb = KnowledgeBase()
    for parsed in parsed_files:
        kb.files.append(parsed.path)
        if parsed.topic is not None:
            kb.topics.append(parsed.topic)
        kb.topics.extend(parsed.listed)
        kb.entries.extend(item.entry for item in parsed.entries if item.entry is not None)
    return kb


def load_knowledge(paths: Iterable[str | Path] | str | Path = (DEFAULT_KNOWLEDGE_PATH,)) -> KnowledgeBase:
    """Load every knowledge file under ``paths`` (one path, or several); raise ``KnowledgeError`` listing all
    problems."""
    if isinstance(paths, str | Path):  # one path, not its characters
        paths = (paths,)
    problems: list[Problem] = []
    parsed_files: list[_ParsedFile] = []
    with collector_paused():
        files = _knowledge_files(paths, problems)
        for path in files:
            text = _read_text(path, problems)
            if text is not None:
                parsed_files.append(_FileChecker(path, problems).parse(text))
        kb = _build(parsed_files, files, problems)
    log.info("loaded knowledge: %s", kb.summary())
    return kb


def load_knowledge_text(text: str, path: Path | str = Path("<text>")) -> KnowledgeBase:
    """Validate and load one file's YAML ``text`` as if it were read from ``path`` (nothing is read)."""
    problems: list[Problem] = []
    with collector_paused():
        parsed = _FileChecker(Path(path), problems).parse(text)
        return _build([parsed], [parsed.path], problems)
