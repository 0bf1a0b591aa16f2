"""Notes exported as HTML (``<p>An <em>aria</em> is ...</p>``) read as the Markdown they stand for.

Notes apps and blog engines export a page as one ``<p>`` per paragraph with ``<em>``/``<strong>`` for the
author's emphasis and ``<br />`` for line breaks, ``<h2>`` headings and ``<ul>``/``<dl>`` lists. Markdown
keeps such a run as one raw HTML block, so its terms were never read. Paragraphs, headings and flat lists
of inline markup are converted; a block with anything else (tables, nested lists, images, scripts) is
left as HTML, so nothing is guessed from markup that is not prose.
"""

from __future__ import annotations

import html
import re

#: One top-level element: a paragraph, heading or list; its attributes are ignored.
_ELEMENT = re.compile(
    r"<(?P<tag>p|h[1-6]|ul|ol|dl)\b[^>]*>(?P<body>.*?)</(?P=tag)\s*>", re.IGNORECASE | re.DOTALL
)
_ITEM = re.compile(r"<(?P<tag>li|dt|dd)\b[^>]*>(?P<body>.*?)</(?P=tag)\s*>", re.IGNORECASE | re.DOTALL)
_NESTED_LIST = re.compile(r"<(?:ul|ol|dl|table)\b", re.IGNORECASE)
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
    """The paragraphs, headings and lists of a raw HTML ``block`` as Markdown, each with its line offset.

    ``None`` when the block holds anything else (the caller keeps it as HTML). Emphasis becomes
    ``*``/``**``, ``<br>`` a line break, ``<h2>`` a ``##`` heading, ``<li>`` a ``- `` item and a ``<dt>``
    / ``<dd>`` pair a ``- **term**: definition`` item; superscripts (footnote marks) and comments are
    left out, entities are decoded; the text's own Markdown characters are escaped.
    """
    block = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), block)
    found: list[tuple[int, str]] = []
    end = 0
    for match in _ELEMENT.finditer(block):
        if block[end : match.start()].strip():
            return None  # text or other elements between them
        converted = _element(match.group("tag").lower(), match.group("body"))
        if converted is None:
            return None
        found.append((block[: match.start()].count("\n"), converted))
        end = match.end()
    if not found or block[end:].strip():
        return None
    return found


def _element(tag: str, body: str) -> str | None:
    """One top-level element as Markdown, or ``None`` if it holds what is not converted."""
    if tag == "p":
        return _inline(body)
    if tag.startswith("h"):
        text = _inline(body)
        return None if text is None else "#" * int(tag[1]) + " " + " ".join(text.split())
    if _NESTED_LIST.search(body):
        return None
    items = list(_ITEM.finditer(body))
    if not items or _ITEM.sub("", body).strip():
        return None
    lines: list[str] = []
    for item in items:
        text = _inline(item.group("body"))
        if text is None:
            return None
        text = " ".join(text.replace("  \n", " ").split())
        kind = item.group("tag").lower()
        if kind == "dd" and lines and lines[-1].endswith("**"):
            lines[-1] += f": {text}"  # "<dt>Term</dt><dd>definition</dd>": "- **Term**: definition"
        elif kind == "dt":
            lines.append(f"- **{text}**")
        else:
            lines.append(f"- {text}")
    return "\n".join(lines)


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
