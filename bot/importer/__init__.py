"""Import Markdown study notes into a knowledge file the group can polish.

``import_notes(text)`` parses the notes with markdown-it-py, reads terms, definitions, details,
examples and aliases out of them, and renders a knowledge file (YAML text with ``# check:`` comments
on every guess and an ``unplaced`` list for lines it could not place). The text is validated with the
loader before it is returned, so an import never produces an invalid file. ``merge_into`` adds an
import to an existing knowledge file without duplicating terms.
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.importer import flat, srcards
from bot.importer.blocks import Heading, parse_blocks
from bot.importer.crossref import fold_cross_references
from bot.importer.draft import Draft, DraftEntry
from bot.importer.extract import Extractor, finish
from bot.importer.fields import field_tables
from bot.importer.gate import judge
from bot.importer.render import render, render_order
from bot.importer.text import acronym_of
from bot.knowledge import KnowledgeError, Problem
from bot.loader import (
    MAX_DISTINCT_WORDS_PER_FILE,
    MAX_ENTRIES_PER_FILE,
    MAX_NAME_WORDS_PER_FILE,
    MAX_NAMES_PER_FILE,
    MAX_TEXT_WORDS_PER_FILE,
    load_knowledge_text,
    normalize_name,
)
from bot.matching.names import is_fragment

log = logging.getLogger(__name__)

#: Notes files larger than this are refused (real notes are a few kilobytes).
MAX_NOTES_BYTES = 2 * 1024 * 1024

__all__ = [
    "MAX_NOTES_BYTES",
    "ImportResult",
    "NotesError",
    "decode_notes",
    "import_file",
    "import_notes",
    "read_notes",
]


class NotesError(Exception):
    """Notes that cannot be imported; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An import: the knowledge file's text and the draft it was rendered from."""

    text: str
    draft: Draft
    notes_name: str
    #: entries the loader refused, moved to ``unplaced``: ``notes.md:LINE: Term: why`` each
    rejected: tuple[str, ...] = ()

    @property
    def entries(self) -> int:
        """How many entries the file has."""
        return len(self.draft.entries)

    @property
    def aliases(self) -> int:
        """How many aliases all entries have."""
        return self.draft.alias_count

    @property
    def unplaced(self) -> int:
        """How many lines went to ``unplaced``."""
        return len(self.draft.unplaced)

    @property
    def checks(self) -> int:
        """How many ``# check:`` notes the file carries."""
        return self.draft.check_count

    def summary(self) -> str:
        """One line: entries, aliases, unplaced lines and checks."""
        return (
            f"imported {self.notes_name}: {_count(self.entries, 'entry', 'entries')}, "
            f"{_count(self.aliases, 'alias', 'aliases')}, {_count(self.unplaced, 'unplaced line')}, "
            f"{_count(self.checks, 'line')} marked '# check:'"
        )


def _count(number: int, one: str, many: str = "") -> str:
    """``3 entries`` / ``1 entry``."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def read_notes(path: str | Path, max_bytes: int = MAX_NOTES_BYTES) -> str:
    """The text of a notes file; ``NotesError`` if it is missing, a directory, too big, binary or empty."""
    path = Path(path)
    if path.is_dir():
        raise NotesError(f"{path} is a directory; give a Markdown notes file")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would wait for a writer forever, a device never end
            raise NotesError(f"{path} is not a regular file (a device, pipe or socket); give a Markdown file")
        size = info.st_size
        if size > max_bytes:
            raise NotesError(
                f"{path} is {size / 1024 / 1024:.1f} MB; notes files are limited to "
                f"{max_bytes / 1024 / 1024:g} MB (split it into one file per topic)"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise NotesError(f"{path}: no such file") from None
    except OSError as exc:
        raise NotesError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode_notes(data, str(path), max_bytes)


#: Byte-order marks and the encodings they announce (UTF-32's before UTF-16's: FF FE starts both).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_notes(data: bytes, name: str, max_bytes: int = MAX_NOTES_BYTES) -> str:
    """The text of notes read as ``data`` (``name`` says where from in messages); ``NotesError`` if it is
    larger than ``max_bytes``, binary or empty.

    UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a byte-order mark are read: Anki
    and Quizlet on Windows write their text exports as UTF-16 with a BOM.
    """
    if len(data) > max_bytes:
        raise NotesError(
            f"{name} is larger than {max_bytes / 1024 / 1024:g} MB; split it into one file per topic"
        )
    encoding = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise NotesError(
                f"{name} starts like {encoding.upper()} text but is not; save the notes as UTF-8"
            ) from None
        if "\x00" in text:
            raise NotesError(f"{name} is binary data, not Markdown text")
    else:
        if b"\x00" in data:
            raise NotesError(f"{name} is binary data, not Markdown text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NotesError(f"{name} is not UTF-8 text; save the notes as UTF-8 Markdown") from None
    if not text.strip():
        raise NotesError(f"{name} is empty; there is nothing to import")
    return text


#: ``###Animal cells``: a heading written without the space Markdown needs (also after a list marker).
_TIGHT_HEADING = re.compile(
    r"^(?P<lead>[ \t]*(?:(?:\d{1,9}[.)]|[-*+])[ \t]+)?)(?P<marks>#{2,6})(?=[^\W\d_])", re.MULTILINE
)


#: ``- [x] **sudo** - ...``: a task list's box is not part of the item's text.
_TASK_BOX = re.compile(r"^(?P<lead>[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+)\[[ xX]\][ \t]+", re.MULTILINE)


#: ``{:#anchor}`` / ``{: .class}`` attribute lists of kramdown (Jekyll sites): markup, not text.
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
#: ``## Groups {#groups}``: a heading's attributes (Pandoc, Astro, Hugo sites) at its end: markup, not text.
_HEADING_ATTRIBUTES = re.compile(
    r"^(?P<head>[ \t]{0,3}#{1,6}[ \t]+\S.*?)[ \t]+"
    r"\{[ \t]*[#.][\w:-]+(?:[ \t]+[#.]?[\w:-]+(?:=\S+)?)*[ \t]*\}[ \t]*$",
    re.MULTILINE,
)
#: ``#Science #Space``: a line of Obsidian tags (``#`` then a name without spaces, not all digits; two or
#: more, or one written in lower case or with ``/`` or ``_``): it files the note, it names no term.
_TAG = r"#(?!\d+(?![\w/-]))[\w/-]+"
_TAG_LINE = re.compile(
    rf"^[ \t]*(?:{_TAG}(?:[ \t]+{_TAG})+|#[a-z][\w/-]*|#[^\W\d][\w-]*[/_][\w/-]*)[ \t]*$",
    re.MULTILINE,
)
#: ``#Science`` alone: a tag too where the notes file their notes with tag lines, or over a callout
#: (``> [!info]``); elsewhere it may be a heading typed without its space, and stays.
_ONE_TAG_LINE = re.compile(rf"^[ \t]*{_TAG}[ \t]*$", re.MULTILINE)
_OVER_CALLOUT = re.compile(rf"^[ \t]*{_TAG}[ \t]*\n(?=(?:[ \t]*\n)*[ \t]*>[ \t]?\[!)", re.MULTILINE)


def _without_tag_lines(text: str) -> str:
    """``text`` with its tag lines made thematic breaks (``***``: a tag line often stands between two
    notes joined in one file, and the note under it must not run on into the one above)."""
    tagged = _TAG_LINE.search(text) is not None
    text = _TAG_LINE.sub("***", text)
    text = _OVER_CALLOUT.sub("\n", text)
    return _ONE_TAG_LINE.sub("", text) if tagged else text


#: ``** Geology** - the study of ...``: a line's bold name typed with a space after the opening marks
#: (Markdown then shows the marks, not bold); the space goes.
_SPACED_BOLD = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)\*\*[ \t]+(?P<name>[^*\s][^*\n]{0,80}?[^*\s])\*\*", re.M
)
#: ``**Caravel<TAB>Small:** regular vessel ...``: a tab inside a bold run (pasted from a table's two
#: columns) ends the name; what follows it opens the explanation (``**Caravel:** Small regular vessel``).
_TAB_IN_BOLD = re.compile(r"\*\*(?P<name>[^*\n\t]*[^*\s])\t+(?P<more>[^*\n]*?[^*\s:])(?P<colon>:?)\*\*")
#: ``- # Basics``: a bullet that holds only a heading, as outliners (Logseq, Roam) write every block;
#: the heading it holds (the bullet and its indent are left out).
_HEADING_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(?=#{1,6}[ \t]+\S)", re.MULTILINE)
#: ``[TOC]`` / ``[[_TOC_]]`` / ``[[toc]]`` lines ask a renderer for a table of contents: markup, not text.
_TOC_MARK = re.compile(r"^[ \t]*\[\[?_?toc_?\]\]?[ \t]*$", re.MULTILINE | re.IGNORECASE)
#: YAML front matter between ``---`` lines, or TOML front matter between ``+++`` lines (Hugo sites).
_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)|\+\+\+[ \t]*\n(?P<toml>.*?\n)\+\+\+)[ \t]*(?:\n|\Z)",
    re.DOTALL,
)
#: ``title:`` (``Title:`` in some notes apps' exports) in YAML front matter, ``title = "..."`` in TOML.
_FRONT_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*(?P<title>.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    """What a notes file's front matter says of it: its title, and (Obsidian) its aliases and tags."""

    title: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def _front_matter(text: str) -> tuple[str, _FrontMatter]:
    """``text`` with its YAML front matter (``---`` / ``title: ...`` / ``---``) blanked, and what it says.

    The lines are kept (empty) so the line numbers of the notes stay right; the front matter is never
    read as notes.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, _FrontMatter()
    found = _FRONT_TITLE.search(match.group("body") or match.group("toml"))
    title = found.group("title").strip().strip("\"'") if found else ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    if match.group("body") is not None:
        try:
            data = yaml.safe_load(match.group("body"))
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            aliases = _front_names(data.get("aliases", data.get("alias")), split=r"\s*,\s*")
            tags = _front_names(data.get("tags", data.get("tag")), split=r"[\s,]+")
            tags = tuple(dict.fromkeys(tag.lstrip("#") for tag in tags if tag.lstrip("#")))
    blanked = "\n" * match.group(0).count("\n") + text[match.end() :]
    return blanked, _FrontMatter(title, aliases, tags)


def _front_names(value: object, *, split: str) -> tuple[str, ...]:
    """The names of a front matter list (``[a, b]``, ``- a``) or string (``a, b``; tags ``#a #b``)."""
    if isinstance(value, str):
        value = re.split(split, value)
    if not isinstance(value, list):
        return ()
    names = (" ".join(str(item).split()) for item in value if isinstance(item, str | int | float))
    return tuple(dict.fromkeys(name for name in names if name and len(name) <= 80))


#: ``##3. Title##``: a closed heading without its spaces (its closing marks make it one, even before a digit).
_CLOSED_TIGHT_HEADING = re.compile(
    r"^(?P<lead>[ \t]{0,3})(?P<marks>#{1,6})(?P<body>[^#\s][^#\n]*?)[ \t]*#{1,6}[ \t]*$", re.MULTILINE
)


def _spaced_headings(text: str) -> str:
    """``text`` with the spaces added to headings written without (``###Animal cells``, ``##3. Title##``)."""
    text = _CLOSED_TIGHT_HEADING.sub(lambda m: f"{m.group('lead')}{m.group('marks')} {m.group('body')}", text)
    return _TIGHT_HEADING.sub(lambda m: f"{m.group('lead')}{m.group('marks')} ", text)


#: A fenced code block's opening or closing line.
_FENCE_LINE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})")
#: A table's separator row (``--- | ---``, ``|:--|--:|``).
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
#: Lines that start another kind of block (a heading, list item, quotation): never a table's row.
_OTHER_BLOCK = re.compile(r"^[ \t]*(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t])")


def _table_header(line: str) -> bool:
    """Whether ``line`` reads as a table's header: every cell a few short words, at least one filled."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return any(cells) and all(len(c) <= 30 and len(c.split()) <= 3 for c in cells)


def _headerless_tables(text: str) -> str:
    """Give a pipe table written without its ``--- | ---`` row (``w | def`` then ``term | meaning``
    lines) that row, so it is read as a table and not as one paragraph.

    A run of two or more lines with the same number of pipes (one at least), none a separator row,
    whose first line looks like a header (short cells), gets the row after its first line; the blank
    line before the run is dropped so every later line keeps its number (a table may follow a
    paragraph). A run without a blank line before it, or without a header, is left as written.
    """
    lines = text.split("\n")
    fenced = False
    i = 0
    while i < len(lines):
        if _FENCE_LINE.match(lines[i]):
            fenced = not fenced
        if fenced or "|" not in lines[i] or _OTHER_BLOCK.match(lines[i]) or _TABLE_RULE.match(lines[i]):
            i += 1
            continue
        pipes = lines[i].count("|")
        end = i + 1
        while end < len(lines) and lines[end].count("|") == pipes and not _OTHER_BLOCK.match(lines[end]):
            end += 1
        run = lines[i:end]
        if (
            end - i >= 2
            and not any(_TABLE_RULE.match(line) for line in run)
            and i > 0
            and not lines[i - 1].strip()
            and _table_header(lines[i])
        ):
            cells = lines[i].strip().strip("|").count("|") + 1
            lines[i - 1 : i + 1] = [lines[i], " | ".join(["---"] * cells)]
        i = end
    return "\n".join(lines)


def _vocabulary(text: str) -> set[str]:
    """Every lower-cased word of the notes."""
    return {word.strip(".,;:!?()[]*_`'\"").lower() for word in text.split()}


def _title_from_name(notes_name: str) -> str:
    """A topic title from a file name: ``cloud-notes.md`` -> ``Cloud notes``."""
    stem = Path(notes_name).stem.replace("_", " ").replace("-", " ")
    stem = " ".join(stem.split())
    return (stem[:1].upper() + stem[1:]) if stem else "Imported notes"


def _acronym_headings(draft: Draft) -> None:
    """A heading that abbreviates the one entry under it is that entry's alias: ``## RADIUS`` over
    ``Remote Authentication Dial-In User Service: a protocol ...`` gives the entry its acronym, which
    otherwise survived only as the name of a topic (a new user's find: "what is radius" was refused)."""
    under: dict[str, list[DraftEntry]] = {}
    for entry in draft.entries:
        under.setdefault(" ".join(entry.group.split()), []).append(entry)
    for heading, entries in under.items():
        if heading and len(entries) == 1 and acronym_of(heading, entries[0].term):
            entries[0].add("aliases", heading)


def import_notes(text: str, *, notes_name: str = "notes.md", title: str | None = None) -> ImportResult:
    """Import notes ``text``; ``NotesError`` if no term could be found in it.

    Markdown, or a flash-card export chosen by ``notes_name``'s ending and the text (``.csv`` with a
    header row; ``.tsv`` or tab-separated ``term<TAB>definition`` lines from Quizlet or Anki).
    """
    if not text.strip():
        raise NotesError(f"{notes_name} is empty; there is nothing to import")
    source = " ".join(Path(notes_name).name.split()) or "notes"
    _check_notes_words(text, source)
    cards = flat.looks_like_cards(text, notes_name)
    if cards is not None:
        fallback = " ".join(title.split()) if title and title.strip() else _title_from_name(notes_name)
        try:
            read = flat.read_csv if cards == "csv" else flat.read_tsv
            draft = read(text, fallback, source)
        except flat.FlatError as exc:
            raise NotesError(str(exc)) from None
        finish(draft, set())
        fold_cross_references(draft)
        if not draft.entries:
            raise NotesError(
                f"found no cards in {notes_name} "
                f"({_count(len(draft.unplaced), 'line')} could not be placed); write one card per line "
                "as 'term<TAB>definition', or a CSV file with a term,definition header"
            )
        _check_budgets(draft, source)
        return _validated(draft, source)
    text, front = _front_matter(text)
    text = _TASK_BOX.sub(lambda m: m.group("lead"), text)
    text = _TOC_MARK.sub("", text)
    text = _HEADING_BULLET.sub("", text)
    text = srcards.anki_blocks(text)
    text = _HEADING_ATTRIBUTES.sub(lambda m: m.group("head"), text)
    text = _without_tag_lines(text)
    text = _headerless_tables(text)
    text = _TAB_IN_BOLD.sub(lambda m: f"**{m.group('name')}{m.group('colon')}** {m.group('more')}", text)
    text = _SPACED_BOLD.sub(lambda m: f"{m.group('lead')}**{m.group('name')}**", text)
    vocabulary = _vocabulary(text)
    text, flashcards = srcards.split_cards(text)
    blocks = parse_blocks(_spaced_headings(_KRAMDOWN_ATTRIBUTES.sub("", text)))
    headings = [b for b in blocks if isinstance(b, Heading) and b.text.strip()]
    topic_heading = None
    if headings:
        top = min(h.level for h in headings)
        tops = [h for h in headings if h.level == top]
        first = headings[0]
        at = blocks.index(first)
        after = blocks[at + 1] if at + 1 < len(blocks) else None
        source_lines = text.splitlines()
        bare = (
            isinstance(after, Heading)
            and after.level == first.level
            and not flashcards  # cards read out of the text leave headings that held them looking bare
            and all(not line.strip(" =-") for line in source_lines[first.line : after.line - 1])
        )
        if first.level == top and (len(tops) == 1 or bare):
            # the only top heading, or a first one with another heading right under it ("# Economics
            # revision" over "Supply and demand\n=====" and more such parts): the notes' title
            topic_heading = first
    blocks = field_tables(blocks, topic_heading)
    extractor = Extractor(title="", source=source, vocabulary=vocabulary)
    extractor.cards = flashcards
    draft = extractor.run(blocks, topic_heading)
    _acronym_headings(draft)
    if title and title.strip():
        draft.title = " ".join(title.split())
    if not draft.title:
        draft.title = front.title or _title_from_name(notes_name)
    finish(draft, extractor.label_refs)
    _front_matter_names(draft, front)
    fold_cross_references(draft)
    judge(draft, text)
    if not draft.entries:
        raise NotesError(
            f"found no terms in {notes_name} ({_count(len(draft.unplaced), 'line')} could not be placed); "
            "write one term per line followed by its explanation, or 'Term - explanation'"
        )
    _check_budgets(draft, source)
    return _validated(draft, source)


_SPLIT = "split the notes into one file per topic (nothing was imported)"


def _front_matter_names(draft: Draft, front: _FrontMatter) -> None:
    """Obsidian's ``aliases:`` and ``tags:`` in the front matter of a note about one term: that entry's
    aliases and the topic's tags. Over notes of several terms they name no one term: reported."""
    if len(draft.entries) == 1:
        entry = draft.entries[0]
        for alias in front.aliases:
            if is_fragment(alias):
                note = f'"{alias}" (front matter) left out: a letter or function word is no name'
                entry.check("aliases", note)
            elif normalize_name(alias) not in {normalize_name(name) for name in entry.names()}:
                entry.add("aliases", alias)
        draft.tags = list(front.tags)
        return
    if front.aliases:
        names = ", ".join(front.aliases)
        draft.topic_checks.append(f"the front matter's aliases ({names}) name the notes, no term: left out")
    if front.tags:
        draft.topic_checks.append(f"the front matter's tags ({', '.join(front.tags)}): left out")


def _check_notes_words(text: str, source: str) -> None:
    """``NotesError`` when the notes have more words than any knowledge file may hold, before they are
    read: every word of a term goes to the terms' budget, every other to the texts'."""
    words = len(text.split())
    most = MAX_TEXT_WORDS_PER_FILE + MAX_NAME_WORDS_PER_FILE
    if words > most:
        raise NotesError(
            f"{source} has {words:,} words; a knowledge file may hold at most {MAX_TEXT_WORDS_PER_FILE:,} "
            f"words of definitions, details and examples and {MAX_NAME_WORDS_PER_FILE:,} in terms and "
            f"aliases: {_SPLIT}"
        )


def _check_budgets(draft: Draft, source: str) -> None:
    """``NotesError`` naming the first budget of one knowledge file (``bot.loader``) the draft exceeds,
    checked before the file is rendered and loaded (for 20,000 entries that took most of a minute)."""
    names = [name for entry in draft.entries for name in entry.names()]
    texts = [
        text
        for entry in draft.entries
        for text in (entry.definition, *(i.text for i in entry.details), *(i.text for i in entry.examples))
    ]
    text_words = [word for text in texts for word in text.split()]
    used = (
        (len(draft.entries), MAX_ENTRIES_PER_FILE, "entries"),
        (len(names), MAX_NAMES_PER_FILE, "terms and aliases"),
        (sum(len(name.split()) for name in names), MAX_NAME_WORDS_PER_FILE, "words in terms and aliases"),
        (len(text_words), MAX_TEXT_WORDS_PER_FILE, "words in definitions, details and examples"),
        (
            len(set(text_words)),
            MAX_DISTINCT_WORDS_PER_FILE,
            "different words in definitions, details and examples",
        ),
    )
    for count, budget, what in used:
        if count > budget:
            raise NotesError(
                f"{source} gives {count:,} {what}; a knowledge file may have at most {budget:,}: {_SPLIT}"
            )


def _validated(draft: Draft, source: str) -> ImportResult:
    """The import, its rendered file checked with the loader; entries the loader rejects are moved to
    unplaced (each named by the notes' file and line in ``rejected``)."""
    path = Path(Path(source).stem + ".yaml")
    rejected: list[str] = []
    for _ in range(5):
        text = render(draft, source)
        try:
            load_knowledge_text(text, path)
        except KnowledgeError as exc:
            log.info("imported file rejected by the loader: %s", exc)
            rejected += _drop_rejected(draft, text, exc.problems, source)
            continue
        return ImportResult(text, draft, source, tuple(rejected))
    raise NotesError(f"could not make a valid knowledge file from {source}")


def _drop_rejected(draft: Draft, text: str, problems: tuple[Problem, ...], source: str) -> list[str]:
    """Move entries that the loader's problems point at into unplaced: ``source:LINE: Term: why`` for
    each; ``NotesError`` (one line) when a problem is not one entry's or no entry is left."""
    starts = [i + 1 for i, line in enumerate(text.split("\n")) if line.lstrip().startswith("- term:")]
    order = render_order(draft)
    bad: dict[int, Problem] = {}
    for problem in problems:
        index = sum(1 for start in starts if problem.line is not None and start <= problem.line) - 1
        if problem.line is None or index < 0 or index >= len(order) or "one file may have" in problem.message:
            where = f"{source}:{order[index].line}" if 0 <= index < len(order) else source
            raise NotesError(f"could not make a valid knowledge file: {where}: {_problem_text(problem)}")
        bad.setdefault(index, problem)
    reasons = []
    for index in sorted(bad, reverse=True):
        entry = order[index]
        draft.entries.remove(entry)
        draft.unplaced.append((entry.line, f"{entry.term}: {entry.definition}"))
        reasons.append(f"{source}:{entry.line}: {entry.term}: {_problem_text(bad[index])}")
    draft.unplaced.sort(key=lambda item: item[0])
    if not draft.entries:
        raise NotesError(f"found no terms the knowledge base accepts in {source}: {reasons[-1]}")
    return reasons[::-1]


def _problem_text(problem: Problem) -> str:
    """A loader's problem without the file and line of the rendered file (the notes' are given instead)."""
    return f"{problem.key}: {problem.message}" if problem.key else problem.message


def import_file(path: str | Path, *, title: str | None = None) -> ImportResult:
    """Read and import one notes file."""
    return import_notes(read_notes(path), notes_name=Path(path).name, title=title)
