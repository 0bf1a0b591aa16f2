"""Flashcards inside notes: the Obsidian plugin's ``Question`` / ``?`` / ``Answer`` and ``Q::A``,
``Q: question`` / ``A: answer`` pairs, and a bold question with its answer after it on one line
(``- **What is a stave?** The lines representing pitches``).

The Obsidian Spaced Repetition plugin reads a card from a question, a line holding only ``?`` (``??``
for a card that is also asked the other way round) and the answer up to the next blank line, or from
one line ``Question::Answer`` (``:::`` reversed). Read as Markdown, such a card is a paragraph of a
question, a lone ``?`` and an answer run together. The cards are taken out of the text before it is
parsed (their lines left empty, so line numbers stay right) and read on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Fewer cards than this in a file: a stray ``?`` or ``::`` line is text, not the plugin's format.
MIN_CARDS = 2

_FENCE = re.compile(r"^\s*(?:```|~~~)")
_SEPARATOR = re.compile(r"^\s*(?P<mark>\?\??)\s*$")
_BOUNDARY = re.compile(r"^\s*(?:#{1,6}\s|(?:_{3,}|-{3,}|\*{3,})\s*$)")  # a heading or a rule ends a card
_INLINE = re.compile(
    r"^(?P<question>[^:`]*?[^:\s`])(?P<space>\s*)(?P<mark>:::?)(?P<after>\s*)(?P<answer>[^:\s`].*)$"
)
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
#: ``Q:`` / ``**Q:**`` / ``Question.`` before a question and ``A:`` / ``**A**:`` before its answer, on
#: one line (``- **Q:** What is X? — **A:** ...``) or on two (the answer's line next, or nested under it).
_LEAD = r"^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?"
_Q_MARK = r"(?:[*_]{2})?(?:Q|Question)(?:[*_]{2})?\s*[:.](?:[*_]{2})?\s+"
_A_MARK = r"(?:[*_]{2})?(?:A|Answer|Ans)(?:[*_]{2})?\s*[:.](?:[*_]{2})?\s+"
_QA_LINE = re.compile(
    _LEAD + _Q_MARK + r"(?P<question>\S.*?\?)[*_]*\s+(?:[—–|→-]\s+)?" + _A_MARK + r"(?P<answer>\S.*)$"
)
_Q_LINE = re.compile(_LEAD + _Q_MARK + r"(?P<question>\S.*)$")
#: ``- **In music theory, what is a clef?** The symbol that ...``: the question bold, its answer after it.
_BOLD_QA_LINE = re.compile(
    _LEAD + r"(?:\*\*|__)(?P<question>[^*_]*?\w[^*_]*?\?)\s*(?:\*\*|__)\s*(?P<answer>[^\s*_].*)$"
)
#: ``In music theory, what is ...``: a context clause before the question word says where, asks nothing.
_CONTEXT = re.compile(
    r"^(?:in|for|within)\s+[^,?]{2,40},\s+(?=(?:what|who|which|how|why|when|where)\b)", re.IGNORECASE
)
_A_LINE = re.compile(_LEAD + _A_MARK + r"(?P<answer>\S.*)$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]*\]\]")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"\*\*(?P<text>[^*]+?)\*\*|__(?P<under>[^_]+?)__")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")


@dataclass(frozen=True, slots=True)
class Card:
    """One flashcard: its question and answer lines as written, where it starts, and its direction."""

    line: int  # 1-based line of the question's first line
    question: tuple[str, ...]
    answer: tuple[str, ...]
    reversed: bool = False  # ``??`` / ``:::``: the answer is also asked for the question

    @property
    def bold(self) -> list[str]:
        """The runs written bold in the question (the plugin's users mark the term so)."""
        return [clean(m.group("text") or m.group("under")) for m in _BOLD.finditer(" ".join(self.question))]

    @property
    def asked(self) -> str:
        """The question's first line, without markup or a context clause before its question word
        (``In music theory, what is a clef?`` asks ``what is a clef?``)."""
        return _CONTEXT.sub("", clean(self.question[0])) if self.question else ""

    @property
    def described(self) -> list[str]:
        """The question's lines after its first (the description a reversed card gives), without markup."""
        return [text for line in self.question[1:] if (text := clean(line))]

    @property
    def answers(self) -> list[str]:
        """The answer's lines (list items one each) without markup; images are no text."""
        return [text for line in self.answer if (text := clean(line))]


def clean(line: str) -> str:
    """A card line as plain text: list marker, images, link targets and emphasis marks left out."""
    text = _LIST_MARK.sub("", line)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def bold_runs(line: str) -> list[str]:
    """The runs written bold in a raw line."""
    return [clean(m.group("text") or m.group("under")) for m in _BOLD.finditer(line)]


def split_cards(text: str) -> tuple[str, list[Card]]:
    """``text`` with its flashcards' lines emptied, and the cards in order (none: ``text`` unchanged)."""
    lines = text.split("\n")
    cards: list[Card] = []
    used: list[tuple[int, int]] = []  # (first, last) line indexes of each card
    fenced = False
    taken = -1  # the last line index a card used
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or index <= taken:
            continue
        separator = _SEPARATOR.match(line)
        if separator is not None:
            start = index
            while start - 1 > taken and lines[start - 1].strip() and not _BOUNDARY.match(lines[start - 1]):
                start -= 1
            end = index
            while end + 1 < len(lines) and lines[end + 1].strip() and not _BOUNDARY.match(lines[end + 1]):
                end += 1
            if start == index or _SEPARATOR.match(lines[start]):
                continue  # no question above the "?"
            question = tuple(lines[start:index])
            answer = tuple(lines[index + 1 : end + 1])
            cards.append(Card(start + 1, question, answer, reversed=separator.group("mark") == "??"))
            used.append((start, end))
            taken = end
            continue
        asked = _QA_LINE.match(line) or _Q_LINE.match(line)
        if asked is not None:
            last = index
            if "answer" not in asked.groupdict():
                # the answer's line: the next one, or the one after a blank line
                last = next((j for j in (index + 1, index + 2) if j < len(lines) and lines[j].strip()), -1)
                if last == index + 2 and lines[index + 1].strip():
                    last = -1
            answered = asked if last == index else _A_LINE.match(lines[last]) if last > index else None
            if answered is not None:
                cards.append(Card(index + 1, (asked.group("question"),), (answered.group("answer"),)))
                used.append((index, last))
                taken = last
                continue
        bolded = _BOLD_QA_LINE.match(line)
        if bolded is not None:
            cards.append(Card(index + 1, (bolded.group("question"),), (bolded.group("answer"),)))
            used.append((index, index))
            taken = index
            continue
        inline = _INLINE.match(line.strip())
        if inline is not None and not _LIST_MARK.match(line) and "://" not in line:
            # "std::vector" is code, not a card: "::" takes spaces round it, a question or an answer of
            # words; ":::" is always the plugin's
            spaced = bool(inline.group("space") or inline.group("after"))
            worded = " " in inline.group("answer").strip()
            if inline.group("mark") == ":::" or spaced or worded or inline.group("question").endswith("?"):
                card = Card(index + 1, (inline.group("question"),), (inline.group("answer"),))
                cards.append(
                    Card(card.line, card.question, card.answer, reversed=inline.group("mark") == ":::")
                )
                used.append((index, index))
                taken = index
    if len(cards) < MIN_CARDS:
        return text, []
    for first, last in used:
        for index in range(first, last + 1):
            lines[index] = ""
    return "\n".join(lines), cards


#: ``%%ANKI`` ... ``END%%``: a card the Obsidian_to_Anki plugin sends to Anki, hidden from the note's view.
_ANKI_START = re.compile(r"^\s*%%\s*ANKI\s*$", re.IGNORECASE)
_ANKI_END = re.compile(r"^\s*END\s*%%\s*$", re.IGNORECASE)
#: The lines of such a block that are no part of the card: its note type first (``Basic``, ``Cloze``,
#: ``Basic (and reversed card)``: a few words, no question mark), then its source and its Anki id.
_ANKI_TYPE = re.compile(r"^\s*[\w ()-]{1,40}\s*$")
_ANKI_NOTE = re.compile(
    r"^\s*(?:Reference|Source|Tags?|Citation)\s*:.*$|^\s*<!--\s*ID:.*-->\s*$", re.IGNORECASE
)
_ANKI_BACK = re.compile(r"^\s*Back\s*:\s*(?P<answer>.*\S)\s*$", re.IGNORECASE)
#: ``{Ontology}`` / ``{{c1::Ontology}}`` / ``{{c1::Ontology::hint}}``: a cloze deletion's hidden text.
_CLOZE = re.compile(r"\{\{c\d+::(?P<long>[^{}]*?)(?:::[^{}]*)?\}\}|\{(?P<short>[^{}]+)\}")


def anki_blocks(text: str) -> str:
    """``text`` with each ``%%ANKI`` block written as the card it holds (the same number of lines):
    a Basic card's question and ``Back:`` answer as one ``question::answer`` line, a Cloze card's
    sentence with its deletions shown (``{Ontology} is the {study of being}.`` reads as a definition);
    the block's markers, note type, reference and id lines are left empty. Text without such blocks
    is returned as it is."""
    if "%%" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        if not _ANKI_START.match(lines[i]):
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if _ANKI_END.match(lines[j])), None)
        if end is None:
            break
        body = list(range(i + 1, end))
        out[i] = out[end] = ""
        if body and _ANKI_TYPE.match(lines[body[0]]) and not _CLOZE.search(lines[body[0]]):
            out[body[0]] = ""
            body = body[1:]
        kept = [j for j in body if not _ANKI_NOTE.match(lines[j])]
        for j in body:
            if j not in kept:
                out[j] = ""
        back = next((j for j in kept if _ANKI_BACK.match(lines[j])), None)
        if back is not None:
            question = " ".join(lines[j].strip() for j in kept if j < back and lines[j].strip())
            answer = _ANKI_BACK.match(lines[back])
            assert answer is not None
            for j in kept:
                out[j] = ""
            if question and kept:
                out[kept[0]] = f"{question}::{answer.group('answer')}"
        else:
            for j in kept:
                out[j] = _CLOZE.sub(lambda m: m.group("long") or m.group("short") or "", lines[j])
        i = end + 1
    return "\n".join(out)
