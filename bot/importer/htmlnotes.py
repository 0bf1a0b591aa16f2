"""Notes exported as HTML paragraphs (``<p>An <em>aria</em> is ...</p>``) read as the Markdown they stand for.

Notes apps and blog engines export a page as one ``<p>`` per paragraph with ``<em>``/``<strong>`` for the
author's emphasis and ``<br />`` for line breaks. Markdown keeps such a run as one raw HTML block, so
its terms were never read. Only paragraphs of inline markup are converted; a block with anything else
(lists, tables, images, scripts) is left as HTML, so nothing is guessed from markup that is not prose.
"""

from __future__ import annotations

import html
import re

#: One top-level paragraph: its attributes are ignored, its content is converted.
_PARAGRAPH = re.compile(r"<p\b[^>]*>(?P<body>.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(?P<self>/?)>")
#: Inline tags and the Markdown they become ("" drops the tag and keeps its text).
_INLINE = {
    "em": "*",
    "i": "*",
    "strong": "**",
    "b": "**",
    "code": "`",
    "a": "",
    "span": "",
    "u": "",
    "mark": "",
}
_SUPERSCRIPT = re.compile(r"<sup\b[^>]*>.*?</sup\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Characters Markdown would read as markup in the paragraph's own text.
_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]<>#|])")


def paragraphs(block: str) -> list[tuple[int, str]] | None:
    """The ``<p>`` paragraphs of a raw HTML ``block`` as Markdown, each with its line offset in the block.

    ``None`` when the block holds anything but paragraphs of inline markup (the caller keeps it as
    HTML). Emphasis becomes ``*``/``**``, ``<br>`` a line break, superscripts (footnote marks) and
    comments are left out, entities are decoded; the text's own Markdown characters are escaped.
    """
    block = _COMMENT.sub("", block)
    found: list[tuple[int, str]] = []
    end = 0
    for match in _PARAGRAPH.finditer(block):
        if block[end : match.start()].strip():
            return None  # text or other elements between the paragraphs
        converted = _inline(match.group("body"))
        if converted is None:
            return None
        found.append((block[: match.start()].count("\n"), converted))
        end = match.end()
    if not found or block[end:].strip():
        return None
    return found


def _inline(body: str) -> str | None:
    """A paragraph's content as Markdown text, or ``None`` if it holds a tag that is not inline."""
    body = _SUPERSCRIPT.sub("", body)
    out: list[str] = []
    position = 0
    for tag in _TAG.finditer(body):
        out.append(_text(body[position : tag.start()]))
        position = tag.end()
        name = tag.group("name").lower()
        if name == "br":
            out.append("  \n" if body[position : position + 1] != "\n" else "  ")
            continue
        mark = _INLINE.get(name)
        if mark is None:
            return None
        out.append(mark)
    out.append(_text(body[position:]))
    return "".join(out)


def _text(text: str) -> str:
    """Text between tags: entities decoded, Markdown characters escaped."""
    return _MARKDOWN_MARKS.sub(r"\\\1", html.unescape(text))
