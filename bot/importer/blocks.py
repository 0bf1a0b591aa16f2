"""Markdown notes to a flat list of blocks (headings, paragraph lines, lists, tables) with source lines.

markdown-it-py does the parsing; this module only walks its syntax tree, turns inline markup into plain
text lines and repairs the odd indentation notes often have (tab-indented numbered items that Markdown
reads as paragraph text or code).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from bot.importer import htmlnotes

#: How deep re-parsing of oddly indented text may go before the text is kept as it is.
MAX_REPARSE_DEPTH = 6

_LIST_MARKER = re.compile(r"^\s*(?:\d{1,9}[.)]|[-*+])\s+\S")
_BR = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
#: ``## 1. Title`` inside a heading's text: its markers written twice (mind-map exports), no part of it.
_REPEATED_MARKERS = re.compile(r"^(?:#{1,6}[ \t]+)+")
_SUP_OPEN = re.compile(r"^<sup\b[^>]*>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup\s*>$", re.IGNORECASE)
#: A footnote's text: ``[^2]: Smith, Notes on networks, p. 4``.
FOOTNOTE_DEFINITION = re.compile(r"^\s*\[\^[^\]\s]+\]:")
#: Citation and footnote marks inside text: ``[^2]``, ``[1]``, ``[1: 74-75]``, ``[12, 13]``, ``[citation
#: needed]``, superscript digits. They are references to sources, never part of a term or a definition.
_CITATION = re.compile(
    r"\s*(?:\[\^[^\]\s]+\]"
    r"|\[\s*\d{1,3}(?:\s*[,;:\-–]\s*(?:p{1,2}\.?\s*)?[\d\-–,\s]*)?\]"
    r"|\[(?:citation needed|source|ref|sic)\]"
    r"|(?<=[^\W\d_])[¹²³⁰⁴-⁹]+"
    # "(Campbell, 2018)", "(Smith et al. 2020, p. 4)", "(Source: BBC Bitesize)": where it came from
    r"|\((?:[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)*,?\s+(?:1[89]|20)\d{2}[a-z]?"
    r"(?:,\s*p{1,2}\.?\s*[\d\-–]+)?|(?:sources?|adapted\s+from|credits?|via)\s*:[^()]*)\))",
    re.IGNORECASE,
)

# Characters a YAML stream may carry (PyYAML's printable set); anything else becomes a space.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


#: A fence's language naming plain text: its content may be notes rather than code.
_PLAIN_FENCE = frozenset({"", "txt", "text", "plain", "plaintext", "md", "markdown", "notes"})
#: ``Term - what it is`` on one line: a name of up to six words, a dash, colon or arrow, then two
#: words or more. Code rarely reads so (no brackets, semicolons, underscores or ``=`` in the name).
_TERM_LINE = re.compile(
    r"^[ \t]*[^\W\d_][\w'’/&.+ -]{0,48}?[ \t]*(?:[ \t][-–—][ \t]|:[ \t]|[ \t]-{1,2}>[ \t]|[ \t]→[ \t])"
    r"[ \t]*\S+[ \t]+\S"
)
#: Line ends that only code has.
_CODE_END = re.compile(r"[;{}()\[\]\\]\s*$")


def fenced_term_lines(info: str, code: str) -> int | None:
    """Where the ``Term - definition`` lines of a fenced block's ``code`` (language ``info``) start
    (0-based line), if the block is a list of them: no language or a plain-text one, at least three
    such lines and two thirds of its non-blank lines, and no line ending the way code does; else None."""
    if info.strip().lower() not in _PLAIN_FENCE:
        return None
    lines = code.split("\n")
    written = [text for text in lines if text.strip()]
    if any(_CODE_END.search(text) for text in written):
        return None
    termed = [i for i, text in enumerate(lines) if _TERM_LINE.match(text) and "_" not in text.split()[0]]
    if len(termed) < 3 or 3 * len(termed) < 2 * len(written):
        return None
    return termed[0]


#: ``> [!definition] Title``: the first line of a callout (Obsidian, GitHub), its kind and title.
_CALLOUT = re.compile(r"^\s*>\s?\[!([A-Za-z-]+)\][+-]?[ \t]*(.*)$")
_QUOTE_MARK = re.compile(r"^\s*>[ \t]?")
#: Callout kinds that hold a definition: their title, when they have one, is the term it defines.
_DEFINING_CALLOUTS = frozenset({"definition", "def", "defn", "term", "vocab", "vocabulary", "glossary"})
#: Callout kinds whose body is an aside (an example, a question, a warning), never what a caption names.
_ASIDE_CALLOUTS = frozenset(
    {
        "example",
        "examples",
        "question",
        "faq",
        "help",
        "exercise",
        "problem",
        "quote",
        "cite",
        "todo",
        "proof",
    }
    | {"warning", "caution", "attention", "danger", "error", "bug", "failure", "fail", "missing", "success"}
)
#: "Definition:", "Definition 5.1 —", "Def." before the name in a callout's title.
_DEFINITION_WORD = re.compile(r"^(?:definition|defn?)\b\.?\s*[\d.]*\s*[:—–-]?\s*", re.IGNORECASE)
#: ", $\dim V$" or " ($\dim V$)" after the name: its symbol, no part of the name.
_SYMBOL_TAIL = re.compile(r"\s*(?:,\s*|\(\s*)?\$[^$]*\$\s*\)?\s*$")


def definition_callout(lines: list[str]) -> str | None:
    """A definition callout's ``lines`` (``> [!definition] Dimension`` over its quoted body) as Markdown
    whose first line names the term in bold; None for any other blockquote, and for a callout whose title
    names none (``[!definition]`` alone, ``Definition``): its body's own sentence says what it defines."""
    found = _CALLOUT.match(lines[0]) if lines else None
    if found is None or found.group(1).lower() not in _DEFINING_CALLOUTS:
        return None
    title = _SYMBOL_TAIL.sub("", _DEFINITION_WORD.sub("", found.group(2).strip())).strip(" *_:")
    if not title or len(title.split()) > 8:
        return None
    body = [_QUOTE_MARK.sub("", text, count=1) for text in lines[1:]]
    return "\n".join([f"**{title}**  ", *body])


#: ```` ```ad-definition ````: an admonition fence (Obsidian's Admonition plugin) and its kind.
_ADMONITION = re.compile(r"^ad-([A-Za-z-]+)$")
#: ``Title: **Newton's First Law**``: an admonition's title line (any case).
_ADMONITION_TITLE = re.compile(r"^\s*title\s*:\s*(.*)$", re.IGNORECASE)


def admonition_callout(info: str, code: str) -> list[str] | None:
    """An admonition fence (language ``ad-<kind>``, an optional ``title:`` first line) as the lines of
    the callout it stands for (``> [!kind] title`` over its quoted body, one line per line of the fence
    with the marker line first and the title line left blank); None for any other fence."""
    found = _ADMONITION.match(info.strip())
    if found is None:
        return None
    lines = code.split("\n")
    title = ""
    first = next((i for i, text in enumerate(lines) if text.strip()), None)
    if first is not None and (titled := _ADMONITION_TITLE.match(lines[first])) is not None:
        title, lines[first] = titled.group(1).strip(), ""
    return [f"> [!{found.group(1).lower()}] {title}".rstrip(), *(f"> {text}" for text in lines)]


def callout_body(lines: list[str]) -> str | None:
    """An untitled callout's ``lines`` (``> [!proof]-``, or a title that is only the word ``Definition``,
    over its quoted body) as the Markdown of its body, the marker line left blank (its kind is markup, no
    text of the notes; the body's own sentence says what it defines); None for any other blockquote."""
    found = _CALLOUT.match(lines[0]) if lines else None
    if found is None:
        return None
    titled = _DEFINITION_WORD.sub("", found.group(2).strip()).strip(" *_:")
    if titled and found.group(1).lower() in _ASIDE_CALLOUTS:
        return None
    return "\n".join(["", *(_QUOTE_MARK.sub("", text, count=1) for text in lines[1:])])


def clean_text(text: str) -> str:
    """``text`` on one line: unprintable characters dropped, whitespace (``&nbsp;`` too) collapsed."""
    return " ".join(_NOT_PRINTABLE.sub(" ", text).split())


def strip_citations(text: str) -> str:
    """``text`` without citation and footnote marks (``DHCP process [1: 74-75]`` -> ``DHCP process``)."""
    if "[" not in text and "(" not in text and not any("⁰" <= ch <= "⁹" or ch in "¹²³" for ch in text):
        return text
    return clean_text(_CITATION.sub("", text))


@dataclass(slots=True)
class Line:
    """One line of text as the author wrote it, without markup."""

    text: str
    line: int
    bold: bool = False  # the whole line is bold or italic
    lead: str = ""  # a bold/italic run the line starts with, e.g. "Term" in "**Term**: ..."
    marked: tuple[
        str, ...
    ] = ()  # bold/italic runs inside the line after the lead ("... called **binary code**, ...")


@dataclass(slots=True)
class Heading:
    """A heading: ``#`` level and text."""

    level: int
    text: str
    line: int


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines of text."""

    lines: list[Line]


@dataclass(slots=True)
class ListItem:
    """A list item: its own lines and what is nested below it."""

    lines: list[Line]
    children: list[Block]
    line: int

    @property
    def text(self) -> str:
        """The item's lines joined into one."""
        return " ".join(line.text for line in self.lines if line.text)


@dataclass(slots=True)
class ListBlock:
    """A bullet or numbered list."""

    items: list[ListItem]
    ordered: bool
    indented: bool = False  # its first marker is indented: bullets nested under the text above


@dataclass(slots=True)
class Table:
    """A table: header cells and rows of cells, each row with its line."""

    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    line: int = 0
    #: (row, column) of cells written as a bold label (``**Symmetric** [Performance]``); row -1 is the header
    labels: set[tuple[int, int]] = field(default_factory=set)


#: A table cell that only holds its place: ``-``, ``—``, ``n/a``, ``?``, ``TBD``, ``...``.
_PLACEHOLDER = re.compile(r"^\s*(?:[-–—]{1,3}|n/?a|\?+|tb[ad]|to\s*do|\.{2,}|…)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Verbatim:
    """Text kept as written: fenced code or raw HTML."""

    text: str
    line: int
    html: bool = False
    footnote: bool = False  # a footnote's text (``[^1]: source``): a reference, never an entry's text


@dataclass(slots=True)
class Break:
    """A thematic break (``***``, ``---`` on its own): what follows does not run on into what came before."""

    line: int


Block = Heading | Paragraph | ListBlock | Table | Verbatim | Break


def markdown_parser() -> MarkdownIt:
    """The CommonMark parser with tables."""
    return MarkdownIt("commonmark").enable("table")


def parse_blocks(text: str) -> list[Block]:
    """The blocks of Markdown ``text``, in order, with 1-based source lines."""
    return _Walker(markdown_parser()).parse(text, offset=0, depth=0)


class _Walker:
    """Walks markdown-it's syntax tree into blocks."""

    def __init__(self, md: MarkdownIt) -> None:
        self.md = md
        self.source: list[str] = []  # the lines of the text being parsed

    def parse(self, text: str, offset: int, depth: int) -> list[Block]:
        """Parse ``text`` whose first line is source line ``offset + 1``."""
        root = SyntaxTreeNode(self.md.parse(text))
        outer, self.source = self.source, text.split("\n")
        try:
            return self.nodes(root.children, offset, depth)
        finally:
            self.source = outer

    def nodes(self, nodes: list[SyntaxTreeNode], offset: int, depth: int) -> list[Block]:
        """Blocks of a run of sibling nodes."""
        blocks: list[Block] = []
        for node in nodes:
            blocks.extend(self.node(node, offset, depth))
        return _points_under_names(blocks)

    def node(self, node: SyntaxTreeNode, offset: int, depth: int) -> list[Block]:
        """Blocks of one node."""
        line = offset + (node.map[0] + 1 if node.map else 1)
        kind = node.type
        if kind == "heading":
            lines = self.inline(node.children[0], line) if node.children else []
            # "## ## 1. Title": a mind-map export writes the heading's markers again inside its text
            text = _REPEATED_MARKERS.sub("", " ".join(x.text for x in lines if x.text))
            return [Heading(int(node.tag[1:]), text, line)]
        if kind == "paragraph":
            return self.paragraph(node, offset, depth)
        if kind in ("bullet_list", "ordered_list"):
            first = self.source[node.map[0]] if node.map and node.map[0] < len(self.source) else ""
            nested = node.parent is not None and node.parent.type == "list_item"
            indented = first[:1] in (" ", "\t") and not nested
            items = [self.item(child, offset, depth) for child in node.children]
            return [ListBlock(items, ordered=kind == "ordered_list", indented=indented)]
        if kind == "table":
            return [self.table(node, offset)]
        if kind == "code_block":
            return self.reparse(textwrap.dedent(node.content.expandtabs(4)), line - 1, depth, line)
        if kind == "fence":
            code = node.content.rstrip("\n")
            start = fenced_term_lines(node.info, code) if depth < MAX_REPARSE_DEPTH else None
            if start is not None:
                # a revision list typed inside a plain fence ("Crowdfunding - Raising capital ..."):
                # notes kept monospaced, read as the lines they are; a caption over its first term
                # ("term definition") is no part of them
                return self.parse("\n".join(code.split("\n")[start:]), line + start, depth + 1)
            callout = admonition_callout(node.info, code) if depth < MAX_REPARSE_DEPTH else None
            if callout is not None:
                # "```ad-definition" over "Title: **Inertia**" and its text: a callout written as a fence
                body = definition_callout(callout)
                if body is None:
                    body = callout_body(callout)
                if body is not None:
                    return self.parse(body, line - 1, depth + 1)
            return [Verbatim(code, line)] if code.strip() else []
        if kind == "html_block":
            converted = htmlnotes.paragraphs(node.content)
            if converted is not None and depth < MAX_REPARSE_DEPTH:
                # "<p>An <em>aria</em> is ...</p>" exported by a notes app: prose, read as Markdown
                return [b for at, text in converted for b in self.parse(text, line - 1 + at, depth + 1)]
            html = node.content.strip()
            return [Verbatim(html, line, html=True)] if html else []
        if kind == "hr":
            return [Break(line)]
        if kind == "blockquote" and node.map and depth < MAX_REPARSE_DEPTH:
            quoted = self.source[node.map[0] : node.map[1]]
            body = definition_callout(quoted)
            if body is None:
                body = callout_body(quoted)
            if body is not None:
                return self.parse(body, line - 1, depth + 1)
        return self.nodes(node.children, offset, depth)  # blockquote and anything else: its content

    def reparse(self, text: str, offset: int, depth: int, line: int) -> list[Block]:
        """Parse text again as Markdown (it was misread because of its indentation)."""
        if depth >= MAX_REPARSE_DEPTH or not text.strip():
            return [Verbatim(text.strip("\n"), line)] if text.strip() else []
        return self.parse(text, offset, depth + 1)

    def paragraph(self, node: SyntaxTreeNode, offset: int, depth: int) -> list[Block]:
        """A paragraph, split where lines that look like list items were swallowed into it."""
        start = offset + (node.map[0] if node.map else 0)
        inline = node.children[0] if node.children else None
        if inline is None:
            return []
        if FOOTNOTE_DEFINITION.match(inline.content):
            return [Verbatim(clean_text(inline.content), start + 1, footnote=True)]
        linked = [c for c in inline.children if c.type != "text" or c.content.strip()]
        if len(linked) == 1 and linked[0].type == "link":
            # a line that is only a link ("[Classroom link](https://...)") points elsewhere: reported
            # with its address, never a term or a definition
            target = str(linked[0].attrs.get("href", ""))
            label = clean_text(" ".join(c.content for c in linked[0].children if c.content))
            return [
                Verbatim(
                    f"{label} ({target})" if label and target else label or target, start + 1, footnote=True
                )
            ]
        raw = inline.content.split("\n")
        cut = next((i for i, text in enumerate(raw) if i > 0 and _LIST_MARKER.match(text)), None)
        if cut is not None and depth < MAX_REPARSE_DEPTH:
            head = "\n".join(text.strip() for text in raw[:cut])
            tail = "\n".join(text.strip() for text in raw[cut:])
            return self.parse(head, start, depth + 1) + self.parse(tail, start + cut, depth + 1)
        lines = unwrap(self.inline(inline, start + 1))
        return [Paragraph(lines)] if any(x.text for x in lines) else []

    def item(self, node: SyntaxTreeNode, offset: int, depth: int) -> ListItem:
        """A list item: the lines of its first paragraph and the blocks after them."""
        line = offset + (node.map[0] + 1 if node.map else 1)
        blocks = self.nodes(node.children, offset, depth)
        lines: list[Line] = []
        if (
            blocks
            and isinstance(blocks[0], Paragraph)
            and node.children
            and node.children[0].type == "paragraph"
        ):
            first = blocks.pop(0)
            assert isinstance(first, Paragraph)
            lines = first.lines
        return ListItem(lines, blocks, line)

    def table(self, node: SyntaxTreeNode, offset: int) -> Table:
        """A table's header and body rows as plain text cells."""
        table = Table(header=[], line=offset + (node.map[0] + 1 if node.map else 1))
        for section in node.children:
            for row in section.children:
                row_line = offset + (row.map[0] + 1 if row.map else 1)
                index = -1 if section.type == "thead" else len(table.rows)
                cells = []
                for column, cell in enumerate(row.children):
                    text, label = self.cell(cell, row_line)
                    if section.type != "thead" and _PLACEHOLDER.match(text):
                        text, label = "", False  # "| HTTP | - |": nothing written yet, as an empty cell
                    cells.append(text)
                    if label:
                        table.labels.add((index, column))
                if section.type == "thead":
                    table.header = cells
                else:
                    table.rows.append((row_line, cells))
        return table

    def cell(self, node: SyntaxTreeNode, line: int) -> tuple[str, bool]:
        """A table cell's text on one line (``<br>`` breaks become ``; ``), and whether it is a bold label."""
        if not node.children:
            return "", False
        lines = [x for x in self.inline(node.children[0], line) if x.text]
        label = len(lines) == 1 and (
            lines[0].bold
            or (bool(lines[0].lead) and lines[0].text[len(lines[0].lead) :].strip()[:1] in "[(-")
        )
        return "; ".join(x.text for x in lines), label

    def inline(self, node: SyntaxTreeNode, first_line: int) -> list[Line]:
        """An inline node's text split at line breaks, with which runs were bold or italic."""
        runs: list[list[tuple[str, bool]]] = [[]]
        superscript = [0]  # inside <sup>...</sup>: footnote marks, left out
        closing = [False]  # a citation in parentheses was left out: so is the ")" after it

        def walk(parent: SyntaxTreeNode, emphasis: bool) -> None:
            for index, child in enumerate(parent.children):
                kind = child.type
                if _cited_link(parent.children, index, runs[-1]):
                    # "... over their shoulder ([source](https://...))": where it came from, not its words
                    text, emphasised = runs[-1][-1]
                    runs[-1][-1] = (text.rstrip()[:-1].rstrip(), emphasised)
                    closing[0] = True  # and the ")" that ends it
                    continue
                if kind == "code_inline" and _code_names(parent.children, index, runs[-1]):
                    runs[-1].append((child.content, True))  # "`total cost`. costs ...": a named term
                    continue
                if kind == "html_inline" and _SUP_OPEN.match(child.content.strip()):
                    superscript[0] += 1
                elif kind == "html_inline" and _SUP_CLOSE.match(child.content.strip()):
                    superscript[0] = max(0, superscript[0] - 1)
                elif (
                    superscript[0]
                    or kind == "image"
                    # (inside brackets, "[[1](#sources): 74-75]", the whole citation goes later)
                    or (_numbered_link(child) and not (runs[-1] and runs[-1][-1][0].endswith("[")))
                ):
                    continue  # footnote marks, "[1]" citation links and pictures are not text of the notes
                elif kind in ("softbreak", "hardbreak"):
                    runs.append([])
                elif kind in ("strong", "em"):
                    walk(child, True)
                elif kind in ("text", "code_inline", "text_special"):
                    content = child.content
                    if closing[0]:
                        closing[0] = False
                        content = content.lstrip()[1:]
                    runs[-1].append((content, emphasis))
                elif kind == "html_inline":
                    if _BR.match(child.content.strip()):
                        runs.append([])
                elif child.children:
                    walk(child, emphasis)  # links, images (alt text) and anything else with text
                elif child.content:
                    runs[-1].append((child.content, emphasis))

        walk(node, False)
        return [_line_of(parts, first_line + index) for index, parts in enumerate(runs)]


#: A line that names a term and explains it (``sedimentary - rocks ...``, ``igneous: ...``): its own line.
_PAIR_LINE = re.compile(r"^[^\s:]\S*(?:\s+\S+){0,4}?(?:\s+[-–—]{1,2}\s|:\s)")
#: A line that ends a sentence, a clause or a label: the next line starts something of its own.
_ENDS_THOUGHT = re.compile(r"[.!?:;)\]]$")


#: How many words a numbered item may have to name what the bullets after it tell.
_NAME_ITEM_WORDS = 6


def _points_under_names(blocks: list[Block]) -> list[Block]:
    """``1. **Mean**`` then ``- Arithmetic average ...`` written without indenting: Markdown reads the
    bullets as a list of their own, the author wrote them as the points of the name above. When a
    numbered item ends on a bold name alone (nothing nested under it, no more than six words) and a
    bullet list follows straight after, the bullets become that item's points."""
    out: list[Block] = []
    took = False  # the last block of ``out`` is a numbered list that took the bullets after it
    for block in blocks:
        above = out[-1] if out else None
        if (
            isinstance(block, ListBlock)
            and not block.ordered
            and not block.indented
            and isinstance(above, ListBlock)
            and above.ordered
            and _names_only(above.items[-1])
        ):
            above.items[-1].children.append(block)
            took = True
            continue
        if took and isinstance(block, ListBlock) and block.ordered and not block.indented:
            assert isinstance(above, ListBlock)
            above.items.extend(block.items)  # "2. **Median**" goes on the list the bullets broke
            continue
        took = False
        out.append(block)
    return out


def _names_only(item: ListItem) -> bool:
    """Whether a list item is a bold name and nothing under it (``**Standard Deviation** (**S**)``)."""
    if item.children or len(item.lines) != 1:
        return False
    line = item.lines[0]
    return (
        bool(line.lead or line.bold)
        and not line.text.rstrip().endswith((".", "!", "?", ":"))
        and (len(line.text.split()) <= _NAME_ITEM_WORDS)
    )


def unwrap(lines: list[Line]) -> list[Line]:
    """``lines`` with soft-wrapped prose joined: a line of six or more words that ends mid-sentence and
    a next line that carries on in lower case are one line, as the author's editor wrapped one thought.

    Shorter lines (a term's name over its definition, "industrial organization (I/O) psychology" /
    "the application of ...", or "uses port 443") and lines ending in punctuation stay apart, since notes
    often put a term on a line of its own and one fact per line without bullets.
    """
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and line.text[:1].islower()
            and not last.bold
            and not line.bold
            and len(last.text.split()) >= 6
            and not _ENDS_THOUGHT.search(last.text)
            and not _PAIR_LINE.match(line.text)
        ):
            more = (line.lead, *line.marked) if line.lead else line.marked
            joined[-1] = Line(f"{last.text} {line.text}", last.line, False, last.lead, (*last.marked, *more))
        else:
            joined.append(line)
    return joined


def _cited_link(siblings: list[SyntaxTreeNode], index: int, before: list[tuple[str, bool]]) -> bool:
    """Whether ``siblings[index]`` is a link standing alone in parentheses (``([source](https://...))``):
    a citation."""
    node = siblings[index]
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    return (
        node.type == "link"
        and bool(before)
        and before[-1][0].rstrip().endswith("(")
        and after is not None
        and after.type == "text"
        and after.content.lstrip().startswith(")")
    )


def _numbered_link(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is a link whose whole text is a number (``[1]`` with ``[1]: https://...`` below):
    a citation mark."""
    if node.type != "link":
        return False
    text = "".join(child.content for child in node.children if child.type == "text")
    return bool(re.fullmatch(r"\s*\d{1,3}\s*", text)) and len(node.children) == 1


#: Words that name what follows them (``is termed``, ``known as``, ``called a``).
_NAMING_WORDS = re.compile(
    r"\b(?:termed|called|known\s+as|referred\s+to\s+as)(?:\s+(?:a|an|the))?\s+$", re.IGNORECASE
)
#: A line's text before a code span that is only an article (``A ``, ``An ``, ``The ``).
_ARTICLE_ONLY = re.compile(r"^\s*(?:a|an|the)\s+$", re.IGNORECASE)
#: What follows a code-span subject: a verb, or a comma and more names (``, organic, or ...``).
_SUBJECT_GOES_ON = re.compile(r"^\s*(?:,\s*\w|(?:is|are|refers?|means?|describes?)\b)", re.IGNORECASE)


def _words_of_a_name(code: str) -> bool:
    """Whether a code span holds words that may be a name (letters, spaces and hyphens, four words at
    most), not a sample of code."""
    return re.fullmatch(r"[A-Za-z][A-Za-z\- ]{1,40}", code.strip()) is not None and len(code.split()) <= 4


_AFTER_CODE_NAME = re.compile(r"^\s*[.:]\s+\S|^\s+(?:-{1,2}|–|—)\s+\S|^\s+[a-z]+\s+\w+\s+\w")


def _code_names(siblings: list[SyntaxTreeNode], index: int, before: list[tuple[str, bool]]) -> bool:
    """Whether the code span ``siblings[index]`` opens its line as a term's name (`` `Term`. text ``),
    or opens the line's sentence as its subject after an article (``A `curvilinear shape` is ...``), or
    follows words that name it (``the style is termed `linear```): notes that mark terms in code mark
    them so, where code in a sentence is otherwise a sample."""
    said = "".join(text for text, _ in before)
    if _NAMING_WORDS.search(said) and _words_of_a_name(siblings[index].content):
        return True  # "... the style is termed `linear`.": the sentence names the term it marks
    if _ARTICLE_ONLY.match(said) and _words_of_a_name(siblings[index].content):
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        return (
            after is not None and after.type == "text" and _SUBJECT_GOES_ON.match(after.content) is not None
        )
    if any(clean_text(text) for text, _ in before):
        return False
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    return after is not None and after.type == "text" and bool(_AFTER_CODE_NAME.match(after.content))


def _line_of(parts: list[tuple[str, bool]], line: int) -> Line:
    """A Line from its text runs."""
    text = strip_citations(clean_text("".join(text for text, _ in parts)))
    visible = [emphasis for t, emphasis in parts if clean_text(t)]
    bold = bool(visible) and all(visible)
    lead: list[str] = []
    if visible and visible[0] and not bold:
        for chunk, emphasis in parts:
            if not emphasis and clean_text(chunk):
                break
            lead.append(chunk)
    marked: list[str] = []
    if not bold:
        run: list[str] = []
        for chunk, emphasis in [*parts[len(lead) :], ("", False)]:
            if emphasis:
                run.append(chunk)
            elif run:
                marked.append(strip_citations(clean_text("".join(run))))
                run = []
    return Line(
        text=text,
        line=line,
        bold=bold,
        lead=strip_citations(clean_text("".join(lead))),
        marked=tuple(m for m in marked if m),
    )


def tag_free(html: str) -> str:
    """Raw HTML with its tags removed and its entities (``&nbsp;``, ``&amp;``) decoded, on one line."""
    return clean_text(unescape(_TAG.sub(" ", html)))
