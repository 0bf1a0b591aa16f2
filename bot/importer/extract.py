"""Read blocks of notes into a draft: which lines are terms, definitions, details, examples and aliases.

The rules follow how study notes are written: a heading names a topic or a subject, ``Definition:``
defines the heading's subject, a short line followed by a sentence is a term and its explanation,
``Term - explanation`` and ``Term: explanation`` lines and bullets, ``Term (Alias)``, nested or numbered
lists under an entry are its details, a list of names is its examples, and "X occurs when ..." defines X.
Guesses are marked with a check note; lines that fit nowhere go to ``unplaced``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer import emphasis, properties, srcards
from bot.importer import text as tx
from bot.importer.blocks import (
    Block,
    Break,
    Heading,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    Verbatim,
    tag_free,
)
from bot.importer.draft import Draft, DraftEntry, Item
from bot.importer.vocab import DEFINITION_HEADERS, FORM_COLUMNS, TERM_HEADERS
from bot.matching.names import identity, is_fragment

_TERM_HEADERS = frozenset(
    [
        "term",
        "terms",
        "name",
        "concept",
        "word",
        "keyword",
        "acronym",
        "abbreviation",
        "vocabulary",
        "glossary",
        "jargon",
    ]
)
_DEFINITION_HEADERS = frozenset(
    (
        "definition",
        "definitions",
        "meaning",
        "description",
        "explanation",
        "what it is",
        "what it does",
        "defined as",
        "summary",
        "def",
    )
)
_COLUMN_KINDS = {
    "alias": "aliases",
    "aliases": "aliases",
    "aka": "aliases",
    "also known as": "aliases",
    "other names": "aliases",
    "synonym": "aliases",
    "synonyms": "aliases",
    "synonym(s)": "aliases",
    "acronym": "aliases",
    "acronyms": "aliases",
    "abbreviation": "aliases",
    "abbreviations": "aliases",
    "abbr": "aliases",
    "abbr.": "aliases",
    "short form": "aliases",
    "short name": "aliases",
    "initialism": "aliases",
    "full name": "aliases",
    "stands for": "aliases",
    "expansion": "aliases",
    "example": "examples",
    "examples": "examples",
    "e.g.": "examples",
    "see also": "see_also",
    "related": "see_also",
}
# language-vocabulary tables ("| German | Article | Plural | English |"): see bot.importer.vocab
_TERM_HEADERS |= TERM_HEADERS
_DEFINITION_HEADERS |= DEFINITION_HEADERS
_COLUMN_KINDS |= FORM_COLUMNS


def normalize(text: str) -> str:
    """The form texts (definitions, details) are compared in: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def name_id(name: str) -> str:
    """The form names are compared in, as the loader does: the name model's (``names.identity``).

    "Type II hypervisors" and "type 2 hypervisor" are one name; "C", "C#" and "C++" are three.
    """
    return identity(name)


@dataclass(slots=True)
class _Section:
    """The heading the notes are under, and the entry it became (if any)."""

    name: tx.TermName
    heading: str
    line: int
    is_topic: bool = False
    entry: DraftEntry | None = None
    fresh: bool = True  # nothing under the heading was read yet
    introduced: bool = False  # the heading opened with an introduction ("There are ...", "Let's ...")
    grouped: bool = False  # a glossary table was read under it: it groups those terms
    level: int = 1


class Extractor:
    """Turns the blocks of one notes file into a Draft."""

    def __init__(self, title: str, source: str, vocabulary: set[str]) -> None:
        self.draft = Draft(title=title, source=source)
        self.vocabulary = vocabulary  # lower-cased words of the notes, to confirm singulars
        self.names: dict[str, DraftEntry] = {}
        self.section: _Section | None = None
        self.current: DraftEntry | None = None
        self.pending: Line | None = None
        self.pending_fresh = False  # the pending line is the first text under a term's heading
        self.sections: list[_Section] = []
        self.expect: tuple[str, DraftEntry | None] | None = None  # a "Examples:" label waiting for its list
        self.objectives: list[str] = []
        # see-also names the author wrote (kept as details when no entry has that name)
        self.label_refs: set[tuple[int, str]] = set()
        # (entry, name, word) for each lower-case word in brackets taken as an alias ("Hashing (digest)")
        self.bracketed: list[tuple[DraftEntry, str, str]] = []
        # (entry, the term as written) for each entry whose definition is the note in its brackets
        self.bracket_defined: list[tuple[DraftEntry, str]] = []
        # the paragraphs read so far, since the last of another shape, were each a term over its definition
        self.term_paragraphs = False
        self.row_lines: set[int] = set()  # lines of table rows left unplaced
        self.label_group = ""  # the last grouping label (a bold table cell, "Unit 2: ..." line) in force
        self.label_level = 0  # the level of the heading it was written under (0: none)
        self.above: DraftEntry | None = None  # the entry the paragraph just read defined last
        # "48. **Commerce Power:**" ending a glossary list, its definition in the paragraph after it
        self.open_stub: ListItem | None = None
        self.cards: list[srcards.Card] = []  # flashcards taken out of the text, read in their place
        # (entry, the entry of the heading it was written under): related when its text names that term
        self.under_heading: list[tuple[DraftEntry, DraftEntry]] = []
        self.caseless = False  # the notes are written in lower case: a lower-case line may name a term
        self.said_line = 0  # the source line of the last "X is ..." line read as X's definition
        # (entry, line, text, made for it) when the first line under the title heading, no sentence about
        # the title, was taken as the title's definition: kept only when the notes define nothing else
        self.title_guess: tuple[DraftEntry, int, str, bool] | None = None

    # -- driving ---------------------------------------------------------------------------------------

    def run(self, blocks: list[Block], topic_heading: Heading | None) -> Draft:
        """Read every block; return the finished draft."""
        self.caseless = _written_in_lower_case(blocks)
        for block in blocks:
            self.cards_before(_first_line(block))
            if isinstance(block, Heading):
                self.above = None
                self.close_stub()
                self.heading(block, is_topic=block is topic_heading)
            else:
                self.block(block)
        self.close_stub()
        self.flush()
        self.cards_before(None)
        self.title_introduction()
        self.lone_heading()
        self.coined_names()
        self.relate_to_headings()
        self.qualifiers()
        self.draft.groups = list(dict.fromkeys([*self.groups(), *self.draft.groups]))
        self.place_in_groups()
        if self.objectives:
            self.draft.objective = self.objectives[0]
            others = sorted(set(self.objectives) - {self.objectives[0]})
            if others:
                named = "objective" if len(others) == 1 else "objectives"
                self.draft.topic_checks.append(f"the notes also name {named} {', '.join(others)}")
        return self.draft

    def coined_names(self) -> None:
        """``the 4Ps (product, price, place, promotion)`` anywhere in the notes: a counted name whose
        bracket lists that many words, each starting with its letter, is a term those words define."""
        texts: list[tuple[int, str, DraftEntry | None]] = [
            (line, text, None) for line, text in self.draft.unplaced
        ]
        for entry in list(self.draft.entries):
            texts.extend((entry.line, item.text, entry) for item in entry.details)
        for line, text, owner in texts:
            for match in _COINED.finditer(text):
                parts = [part.strip() for part in match.group("parts").split(",")]
                parts[-1] = re.sub(r"^(?:and|&)\s+", "", parts[-1])
                letter = match.group("letter").casefold()
                if int(match.group("count")) != len(parts) or not all(
                    part[:1].casefold() == letter and len(tx.words(part)) <= 3 for part in parts
                ):
                    continue
                name = match.group("name")
                if self.find(name) is not None:
                    continue
                entry = self.new_entry(name, line)
                self.set_definition(
                    entry, tx.capitalize(", ".join(parts)), f'the words in brackets after "{name}"'
                )
                if owner is not None:
                    entry.add("see_also", owner.term)

    def title_introduction(self) -> None:
        """``# Biology`` over ``Notes on chapter 3`` and terms of their own below: the line introduces the
        notes, it does not define the title (it is reported, with what was placed under it). Notes about
        the title alone (``# Osmosis`` over its explanation) keep it as the title's definition."""
        if self.title_guess is None:
            return
        entry, line, text, made = self.title_guess
        if entry not in self.draft.entries or normalize(entry.definition) != normalize(tx.capitalize(text)):
            return
        if not any(other is not entry and other.definition for other in self.draft.entries):
            return
        entry.definition = ""
        entry.checks.pop("definition", None)
        self.unplace(line, text)
        if not made:
            return
        if entry.aliases or entry.examples or entry.see_also:
            return  # the title's entry holds what the notes said of it elsewhere: left without a definition
        for item in entry.details:
            self.unplace(entry.line, item.text)
        self.draft.entries.remove(entry)
        self.names = {key: owner for key, owner in self.names.items() if owner is not entry}
        for section in self.sections:
            if section.entry is entry:
                section.entry = None

    def lone_heading(self) -> None:
        """``#### Smishing`` over ``SMS phishing`` and nothing else: the one heading names the term its
        terse line defines. A heading over terms of their own (or over prose) stays the notes' title."""
        if len(self.sections) != 1:
            return
        bracketed = self.bracket_defined[-1] if self.bracket_defined else None
        guessed: DraftEntry | None = None
        if (
            not self.draft.unplaced
            and bracketed is not None
            and self.draft.entries == [bracketed[0]]
            and not (bracketed[0].details or bracketed[0].examples or bracketed[0].see_also)
        ):
            # "Voice phishing (some automated)" read as a term defined by its bracket: the line
            # under the heading, whole, is what defines it
            guessed, line, text = bracketed[0], bracketed[0].line, bracketed[1]
        elif len(self.draft.unplaced) != 1 or any(e.definition or e.details for e in self.draft.entries):
            return
        else:
            line, text = self.draft.unplaced[0]
            if line in self.row_lines:
                return  # a table's row under the title: values in columns, no definition of the title
        section = self.sections[0]
        if (
            not section.is_topic
            or line <= section.line
            or text[-1:] in ".!?:;,"
            or not 1 <= len(tx.words(text)) <= 8
            or tx.is_structural(section.heading)
            or not tx.is_term_name(section.name.name)
            or len(tx.words(section.name.name)) > 6
        ):
            return
        self.draft.unplaced.clear()
        if guessed is not None:
            self.draft.entries.remove(guessed)
            self.names = {key: owner for key, owner in self.names.items() if owner is not guessed}
        entry = self.find(section.name.name) or self.new_entry(section.name.name, section.line)
        self.set_definition(entry, tx.capitalize(text))
        section.entry = entry

    # -- flashcards ------------------------------------------------------------------------------------

    def relate_to_headings(self) -> None:
        """See-also the heading's term from the entries written under it whose name or text names it
        ("File Server", "Virus: malware that ..." under "### Malware"); independent ``Term: definition``
        bullets under a term's heading ("Smishing: phishing over SMS" under "### Pharming") are related
        only by place."""
        for entry, heading_entry in self.under_heading:
            said = _stems(" ".join([entry.term, entry.definition, *(item.text for item in entry.details)]))
            if any(_stems(name) and _stems(name) <= said for name in heading_entry.names()):
                entry.add("see_also", heading_entry.term)

    def cards_before(self, line: int | None) -> None:
        """Read the flashcards that stand before source ``line`` (all that are left: ``None``)."""
        while self.cards and (line is None or self.cards[0].line < line):
            self.flush()
            self.card(self.cards.pop(0))

    def card(self, card: srcards.Card) -> None:
        """One flashcard: what it asks about gets the answer as its definition or as a detail.

        ``What is X?`` defines X; a card whose question names a bold term (``Can you modify
        **Shareware**?``) adds the question and its answer to that term; a card that describes and
        answers with a name (``Which method is described by ...? / Pilot``) defines that name (an entry
        named ``Pilot installation method`` takes the shorter name). Anything else is unplaced.
        """
        asked, answers = card.asked, card.answers
        if self.section is not None:
            self.section.fresh = False
        if not asked:
            return
        if not answers:
            self.unplace(card.line, f"{asked} (answered only by a picture)")
            return
        answer = _joined(answers)
        reversed_name = _named_answer(card)
        if reversed_name is not None:
            description = _joined(card.described) if card.described else asked
            entry = self.find(reversed_name) or self._longer_name(reversed_name)
            if entry is None:
                entry = self.entry_named(reversed_name, card.line)
            elif normalize(entry.term) != normalize(reversed_name):
                longer = entry.term
                entry.term = reversed_name
                self.claim(entry, reversed_name)
                # the card that asks what "Pilot Installation method" is and the one that answers
                # "Pilot" for the same description agree: the shorter name is the term, no guess
                self.alias(entry, longer)
            self.set_definition(entry, description, f'from the card "{_short(asked)}"')
            self.current = entry
            return
        compared = _compared(asked, answer)
        if compared:
            # "Severity vs priority? / Severity is user impact; priority is how soon ...": each name
            # is defined by its own clause of the answer
            made = [self.find(name) or self.entry_named(name, card.line) for name, _ in compared]
            for entry, (_, definition) in zip(made, compared, strict=True):
                self.set_definition(entry, definition, f'from the card "{_short(asked)}"')
                for other in made:
                    if other is not entry:
                        entry.add("see_also", other.term)
            self.current = made[-1]
            return
        what = _WHAT_IS.match(asked) or _WHAT_DOES.match(asked) or _MEANT_BY.match(asked)
        # "What is X?" asks for X; a card whose question is only a name ("Compost::Decayed ...") too
        named = what.group("name").strip() if what else (asked if tx.is_term_name(asked) else "")
        if what and _OF_SOMETHING.match(named) and _ASKS_THE.match(asked):
            # "What is the purpose of status accounting?", "... the best bug report of all?": asks
            # about a property of something, names no term
            named = ""
        if what and what.re is _WHAT_DOES and _QUALIFIED.search(named):
            named = ""  # "What does a note with multiple dots mean?": a case, not a name
        bold = [run for run in card.bold if tx.is_term_name(run)]
        subject = bold[0] if bold else named
        if not subject or not tx.is_term_name(subject) or len(tx.words(subject)) > 6:
            owner = self.mentioned(asked)
            if owner is not None:
                owner.add("details", f"{asked} {answer}")
            else:
                self.unplace(card.line, f"{asked} {answer}")
            return
        if named and not bold and len(answers) > 1 and all(tx.is_name(a) for a in answers):
            # "What are the installation methods? / - Pilot / - Phased": a list, not a definition
            self.unplace(card.line, f"{asked} {', '.join(answers)}")
            return
        entry = self.find(subject) or self.entry_named(subject, card.line)
        if bold:
            kind = _kind_after(asked, subject)
            if kind:  # "the **Agile** development approach": the notes' own longer name for it
                self.alias(entry, f"{subject} {kind}")
        if named and normalize(named) == normalize(subject):
            if tx.acronym_of(subject, answer) and tx.is_name(answer):
                self.alias(entry, answer)  # "What is RAD? / Rapid Application Development"
                entry.expansion = entry.expansion or answer
            else:
                self.set_definition(entry, answer)  # the card asks what it is: its answer says
        elif not entry.definition and _CHARACTERISTICS.search(asked):
            self.set_definition(entry, answer, f'from the card "{_short(asked)}"')
        else:
            entry.add("details", f"{asked} {answer}")
        for raw in card.answer:
            self.called_in_answer(raw, entry, card.line)
        self.current = entry

    def called_in_answer(self, raw: str, owner: DraftEntry, line: int) -> None:
        """``Short development stages called **sprints**`` in an answer: an entry for the bold name."""
        text = srcards.clean(raw)
        for run in srcards.bold_runs(raw):
            match = re.match(rf"^(?P<what>.{{3,}}?)\s+(?:called|known as|named)\s+{re.escape(run)}\W*$", text)
            if match is None or not tx.is_term_name(run) or self.find(run) is not None:
                continue
            term = tx.capitalize(run) if run.islower() else run
            entry = self.entry_named(term, line)
            self.set_definition(
                entry, tx.capitalize(match.group("what")), f'named in bold in "{_short(text)}"'
            )
            entry.add("see_also", owner.term)

    def _longer_name(self, name: str) -> DraftEntry | None:
        """The one entry whose name starts with ``name`` (``Pilot Installation method`` for ``Pilot``)."""
        key = normalize(name) + " "
        found = [e for e in self.draft.entries if normalize(e.term).startswith(key)]
        return found[0] if len(found) == 1 else None

    def only_bracketed(self, entry: DraftEntry, name: str) -> bool:
        """Whether ``entry`` has ``name`` only from a lower-case bracket (which then frees the name)."""
        key = name_id(name)
        if name_id(entry.term) == key or not any(
            e is entry and name_id(w) == key for e, _n, w in self.bracketed
        ):
            return False
        entry.aliases = [a for a in entry.aliases if name_id(a.text) != key]
        if self.names.get(key) is entry:
            del self.names[key]
        return True

    def qualifiers(self) -> None:
        """Words in brackets that qualify a term rather than name it become part of an alias.

        ``Catch (exception)`` and ``Raise (exception)``: a word two entries put in brackets, or that
        another entry is called, says which catch is meant; the alias is ``Catch exception``, and
        ``exception`` stays free for the entry of that name. ``Hashing (digest)`` keeps ``digest``.
        """
        shared: dict[str, int] = {}
        for _entry, _name, word in self.bracketed:
            shared[name_id(word)] = shared.get(name_id(word), 0) + 1
        for entry, name, word in self.bracketed:
            key = name_id(word)
            owner = self.names.get(key)
            other_term = any(e is not entry and name_id(e.term) == key for e in self.draft.entries)
            if shared[key] < 2 and not other_term:
                continue
            entry.aliases = [a for a in entry.aliases if name_id(a.text) != key]
            if owner is entry:
                del self.names[key]
            entry.checks.pop("aliases", None)
            if any(normalize(a.text) == normalize(f"{word} {name}") for a in entry.aliases):
                continue  # "(Monocytes) Phagocytic cells": "Monocytes Phagocytic cells" says it already
            self.alias(entry, f"{name} {word}")
            entry.check("aliases", f'"{name} {word}" made from the bracket in "{name} ({word})"')

    def block(self, block: Block) -> None:
        """Read one non-heading block."""
        above, self.above = self.above, None
        stub = self.open_stub
        if stub is not None and isinstance(block, Paragraph) and not _glossary_lines(block.lines):
            # the paragraph right after a glossary list's last "**Term:**" item defines that term
            self.open_stub = None
            text = " ".join(line.text for line in block.lines if line.text)
            self.flush()
            self.current = self.define(stub.text[:-1].strip(), tx.capitalize(text), stub.line)
            self.above = self.current
            return
        self.close_stub()
        if isinstance(block, Paragraph):
            self.above = self.emphasised(block.lines) or self.paragraph(block.lines)
            return
        if isinstance(block, ListBlock):
            self.list_block(block, above)
            return
        self.flush()
        if isinstance(block, Break):
            self.current = None  # a rule between two notes: the next text is no detail of the last entry
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Verbatim):
            self.verbatim(block)
        elif isinstance(block, Heading):
            self.heading(block, is_topic=False)

    def emphasised(self, lines: list[Line]) -> DraftEntry | None:
        """A paragraph of sentences that define the terms emphasised in them (``A *madrigal* is ...``);
        the last entry it defined, or None (nothing read) when no sentence defines an emphasised term."""
        runs = [run for line in lines for run in (line.lead, *line.marked) if run]
        if not runs or any(line.bold for line in lines):
            return None
        before, terms = emphasis.defined_terms(" ".join(line.text for line in lines if line.text), runs)
        if not terms or before:
            # prose that leads up to a term ("We get the word from the term **X**. An X is ...") is read
            # the usual way, with the lines around it
            return None
        self.flush()
        if self.section is not None:
            self.section.fresh = False
        line = lines[0].line
        made: DraftEntry | None = None
        for term in terms:
            written = tx.capitalize(term.term) if term.term.islower() else term.term
            definition = " ".join([term.definition, *term.more])
            # "*Melisma* is a group of ..." defines as surely as "Melisma - a group of ..."; the kind of a
            # term named without emphasis and "A melody is *conjunct* if ..." are readings to check
            check = (
                f'named without emphasis in the paragraph on "{term.kind_of}", as a kind of it'
                if term.kind_of
                else ""
                if term.opens
                else f'taken from the emphasised "{term.term}" in a sentence'
            )
            made = self.define(written, definition, line, check)
            for alias in term.aliases:
                self.alias(made, alias)
        return made

    def flush(self) -> None:
        """Place a pending term line and forget a label that found no list."""
        self.expect = None
        if self.pending is not None:
            line, self.pending = self.pending, None
            if self.pending_fresh:
                self.pending_fresh = False
                self.define_section(line)
                return
            if line.bold and _bold_label(line.text):
                self.group(line.text.rstrip(":").strip())  # "**World Wars:**" over a glossary list
                self.current = None
                return
            self.lone_line(line, None)

    def define_section(self, line: Line) -> DraftEntry | None:
        """The heading's term defined by the terse line under it (``#### Smishing`` / ``SMS phishing``)."""
        if self.section is not None and self.section.entry is None and tx.introduces(line.text):
            self.section.introduced = True  # "There are a lot of ...": the heading groups what follows
            self.unplace(line.line, line.text)
            return None
        if line.bold and _bold_label(line.text):
            self.group(line.text.rstrip(":").strip())  # "**Revolutions:**" under a heading: a label
            return None
        if (
            self.section is not None
            and self.section.entry is None
            and _ABOUT_THE_NOTES.match(tx.strip_leading_pictures(line.text))
        ):
            # "# AWS Notes" over "This repo contains my notes ...": the title over its introduction
            self.unplace(line.line, line.text)
            return None
        if self.section is not None and self.section.entry is None and _DANGLING.search(line.text):
            self.section.introduced = True  # "Pair with" over a reading list: it leads on, defines nothing
            self.unplace(line.line, line.text)
            return None
        entry = self.section_entry()
        if entry is None:
            self.unplace(line.line, line.text)
            return None
        trailing = _TRAILING_LABEL.match(line.text)
        if trailing is not None:
            # "Getting it back out. Examples:" over a list: the definition, then a label for the list
            labelled = tx.label(trailing.group("label"))
            if labelled is not None:
                line = Line(trailing.group("text"), line.line, line.bold, line.lead, line.marked)
                self.expect = (labelled[0], entry)
        said = tx.sentence(line.text)
        if said is not None and said.defines and self.same_as_section(said.subject):
            # "A VPN is an encrypted tunnel ..." under "Virtual Private Network": VPN is its acronym
            acronym = said.subject.split()[0]
            if tx.acronym_of(acronym, entry.term):
                self.alias(entry, acronym)
            self.set_definition(entry, said.definition)
        else:
            self.set_definition(entry, tx.capitalize(line.text))
        for word in re.findall(r"\b[A-Z][A-Za-z]{1,7}\b", line.text):
            # "... there are PANs, or personal area networks" under "Personal Area Network": its acronym
            one = re.sub(r"(?<=[A-Z])e?s$", "", word)  # "PANs", "NASes": the acronym's plural
            if one.isupper() and tx.acronym_of(one, entry.term):
                self.alias(entry, one)
        self.current = entry
        if line.marked:
            self.marked_terms(line)
            self.current = entry
        return entry

    def heading_is_term(self) -> bool:
        """Whether the current heading can name a term (short, a name, not the document's title)."""
        section = self.section
        return (
            section is not None
            and not section.is_topic
            and section.entry is None
            and not tx.is_grouping_label(section.heading)
            and not tx.is_structural(section.heading)
            and tx.is_term_name(section.name.name)
            and len(tx.words(section.name.name)) <= 6
        )

    def groups(self) -> list[str]:
        """Headings that became no entry but have entries under them: the notes' grouping headings."""
        found: list[str] = []
        for index, section in enumerate(self.sections):
            if section.is_topic or section.entry is not None or section.heading.endswith("?"):
                continue
            end = next((s.line for s in self.sections[index + 1 :] if s.level <= section.level), float("inf"))
            inside = any(section.line < e.line < end for e in self.draft.entries)
            if inside and section.heading not in found:
                found.append(section.heading)
        return found

    def place_in_groups(self) -> None:
        """Give each entry without a grouping label the innermost grouping heading it sits under."""
        grouping = [s for s in self.sections if not s.is_topic and s.entry is None]
        repeated: dict[str, int] = {}
        for section in grouping:
            repeated[section.heading.casefold()] = repeated.get(section.heading.casefold(), 0) + 1
        spans = []
        for section in grouping:
            index = self.sections.index(section)
            end = next((s.line for s in self.sections[index + 1 :] if s.level <= section.level), float("inf"))
            spans.append((section, end))
        for entry in self.draft.entries:
            if entry.group:
                continue
            # a question heading ("What is TCP?") asks about what it holds: no group of its own
            inside = [s for s, end in spans if s.line < entry.line < end and not s.heading.endswith("?")]
            # "### Definitions" under each "## Topic N": a label repeated under several parts groups
            # nothing of its own; its terms belong to the part it sits in
            own = [s for s in inside if repeated[s.heading.casefold()] < 2] or inside
            if own:
                entry.group = own[-1].heading

    # -- entries ---------------------------------------------------------------------------------------

    def find(self, name: str) -> DraftEntry | None:
        """The entry already called ``name`` (or its singular/plural), including the heading's subject."""
        wanted = name_id(name)
        entry = self.names.get(wanted)
        if entry is not None:
            return entry
        section = self.section
        if (
            section is not None
            and section.entry is None
            and wanted in {name_id(n) for n in [section.name.name, *section.name.aliases]}
        ):
            return self.section_entry()
        return None

    def claim(self, entry: DraftEntry, name: str) -> bool:
        """Register ``name`` for ``entry``; false if another entry has it."""
        key = name_id(name)
        owner = self.names.get(key)
        if owner is not None and owner is not entry:
            return False
        self.names[key] = entry
        return True

    def new_entry(self, term: str, line: int) -> DraftEntry:
        """A new entry for ``term`` (a label like ``Type I`` is completed with the heading's subject)."""
        section = self.section
        entry: DraftEntry
        if tx.is_type_label(term) and section is not None and not section.is_topic:
            subject = section.entry.term if section.entry else section.name.name
            subject = subject if any(ch.isupper() for ch in subject[1:]) else subject.lower()
            entry = DraftEntry(term=f"{term} {subject}", line=line)
            entry.check("term", f'"{term}" completed with the heading "{section.heading}"')
            self.claim(entry, entry.term)
            self.alias(entry, term)
        else:
            entry = DraftEntry(term=term, line=line)
            self.claim(entry, term)
        entry.group = self.label_group
        self.draft.entries.append(entry)
        return entry

    def alias(self, entry: DraftEntry, alias: str) -> None:
        """Add an alias unless it is the term itself or another entry's name."""
        alias = " ".join(alias.split())
        if not alias or normalize(alias) == normalize(entry.term):
            return
        if is_fragment(alias):
            entry.check("aliases", f'"{alias}" left out: a letter or function word is no name')
            return
        owner = self.names.get(name_id(alias))
        if owner is not None and owner is not entry:
            entry.check("aliases", f'"{alias}" left out: it is already a name of "{owner.term}"')
            return
        if entry.add("aliases", alias):
            self.claim(entry, alias)

    def entry_named(self, written: str, line: int, *, explained: bool = False) -> DraftEntry:
        """The entry for a term as written (``Term (Alias)`` split), found or created.

        A lower-case parenthesis is the definition when nothing else explains the term (``Type II (runs
        from OS)``); next to an explanation a short one is taken as an alias, a longer one as a detail.
        """
        name = tx.term_name(written)
        if (
            " ".join(name.name.casefold().split()) in properties.SAYS_WHAT
            and self.heading_is_term()
            and (heading_entry := self.section_entry()) is not None
        ):
            # "## Neural Networks (NN)" over "1. **Overview**: ...": the label says what the heading names
            return heading_entry
        entry = self.find(name.name)
        if entry is not None and self.only_bracketed(entry, name.name):
            entry = None  # "Exception" after "Catch (exception)": a term of its own, not Catch
        if entry is None:
            entry = next((e for a in name.aliases if (e := self.find(a)) is not None), None)
        if entry is None:
            entry = self.new_entry(name.name, line)
            heading_entry = self.section.entry if self.section is not None else None
            if heading_entry is not None and heading_entry is not entry:
                self.under_heading.append((entry, heading_entry))
        elif normalize(entry.term) != normalize(name.name):
            self.alias(entry, name.name)
        for alias in name.aliases:
            self.alias(entry, alias)
        if name.prefix and name.prefix[:1].isupper() and tx.is_name(name.prefix) and len(name.prefix) > 2:
            # "(Monocytes) Phagocytic cells": a synonym, until an entry of that name turns up
            self.bracketed.append((entry, name.name, name.prefix))
            self.alias(entry, name.prefix)
            entry.check("aliases", f'"{name.prefix}" taken from the parenthesis before "{name.name}"')
        if " / " in name.name and len(name.aliases) >= 2:
            entry.check(
                "term",
                f'"{name.name}" names {len(name.aliases)} things; split it if they are different terms',
            )
        for example in name.examples:
            entry.add("examples", example)
        _add_grammar_and_year(entry, name)
        if name.note:
            if explained and len(tx.words(name.note)) <= 4:
                if name.note.isalpha() and name.note.islower():
                    self.bracketed.append((entry, name.name, name.note))
                self.alias(entry, name.note)
                entry.check("aliases", f'"{name.note}" taken from the parenthesis in "{written}"')
            elif entry.definition or explained:
                entry.add("details", tx.capitalize(name.note))
            else:
                entry.definition = tx.capitalize(name.note)
                entry.check("definition", f'taken from the parenthesis in "{written}"')
                self.bracket_defined.append((entry, written))
        return entry

    def define(self, written: str, explanation: str, line: int, check: str = "") -> DraftEntry:
        """Define the term ``written`` with ``explanation`` (a repeated "Term occurs ..." is trimmed)."""
        explanation = _LEADING_MARKS.sub("", explanation)  # "**ARP** (Address ...): Maps" leaves ": Maps"
        expanded = _EXPANSION_FIRST.match(explanation)
        long_name = ""
        if expanded and tx.acronym_of(tx.term_name(written).name, expanded.group("long")):
            # "TTL | Time To Live: a counter that ...": the long name, then the definition
            long_name, explanation = expanded.group("long").strip(), expanded.group("rest")
        entry = self.entry_named(written, line, explained=bool(explanation.strip()))
        if long_name:
            self.alias(entry, long_name)
            entry.expansion = entry.expansion or long_name
        definition = tx.capitalize(explanation.strip())
        said = tx.sentence(explanation)
        if said is not None and said.defines and name_id(said.subject) in {name_id(n) for n in entry.names()}:
            definition = said.definition
        self.set_definition(entry, definition, check)
        self.current = entry
        return entry

    def set_definition(self, entry: DraftEntry, definition: str, check: str = "") -> None:
        """Give ``entry`` its definition, or keep a second one as a detail.

        Names the definition gives the term (``aka "typo squatting"``, ``also called X``) become aliases.
        """
        if not definition:
            return
        for alias in tx.named_in(definition):
            if alias.casefold() != entry.term.casefold() and tx.is_term_name(alias):
                self.alias(entry, alias)
        made_up = any(note.startswith("made from the ") for note in entry.checks.get("definition", []))
        if entry.definition and made_up and not check:
            # "Temperature | `K` (Kelvin)" in a units table, then the notes' own definition: theirs wins
            entry.add("details", entry.definition)
            entry.definition = ""
        if not entry.definition:
            entry.definition = definition
            entry.checks.pop("definition", None)
            if check:
                entry.check("definition", check)
        elif normalize(entry.definition) != normalize(definition):
            entry.add("details", definition, check or f'the notes define "{entry.term}" again here')

    def section_entry(self) -> DraftEntry | None:
        """The entry for the current heading's subject, made on first use."""
        section = self.section
        if section is None:
            return None
        if section.entry is None and (
            tx.is_structural(section.heading) or section.heading.endswith("?") or section.introduced
        ):
            return None  # "Introduction", "Key points", "What is memory?": what they hold is no one's
        if section.entry is None and section.grouped:
            return None  # a glossary table read under it: the heading groups its terms
        if section.entry is None and self.joins_entries(section.name.name):
            section.introduced = True  # "Segmentation and Targeting" after both were defined: a part
            return None
        if section.entry is None and self.tells_of_entry(section.name.name):
            section.introduced = True  # "The End of the Cold War" after Cold War was defined: a part
            return None
        if section.entry is None:
            name = section.name
            found = self.names.get(name_id(name.name))
            entry = found or self.new_entry(name.name, section.line)
            section.entry = entry
            for alias in name.aliases:
                self.alias(entry, alias)
            _add_grammar_and_year(entry, name)
            if name.note and not entry.definition:
                entry.add("details", tx.capitalize(name.note))
        return section.entry

    def joins_entries(self, name: str) -> bool:
        """Whether ``name`` joins two names or more that are entries already (``Segmentation and
        Targeting``, ``Supply, Demand & Price``): a heading over what they share, no term of its own."""
        parts = [p for p in _JOINED_NAMES.split(name) if p.strip()]
        return len(parts) >= 2 and all(self.names.get(name_id(p.strip())) is not None for p in parts)

    def tells_of_entry(self, name: str) -> bool:
        """Whether ``name`` is a part of the story of an entry already made (``The End of the Cold
        War``, ``Causes of Inflation``): a heading over what the notes say of it, no term of its own."""
        match = _PART_OF.match(name.strip())
        return match is not None and self.names.get(name_id(match.group("what"))) is not None

    def unplace(self, line: int, text: str) -> None:
        """Keep a line the importer could not place."""
        if text.strip():
            self.draft.unplaced.append((line, text.strip()))

    def owner(self) -> DraftEntry | None:
        """The entry that text without a term of its own belongs to: the one above, else the heading's."""
        return self.current or self.section_entry()

    # -- headings --------------------------------------------------------------------------------------

    def heading(self, heading: Heading, *, is_topic: bool) -> None:
        """Start a section (and the topic, for the document's title heading)."""
        self.flush()
        empty = self.section
        if (
            empty is not None
            and empty.fresh
            and empty.entry is None
            and not (empty.is_topic or empty.introduced or empty.grouped)
            and heading.level <= empty.level
            and tx.is_term_name(empty.heading)
        ):
            # "### Biomass Pyramids" straight before a heading of its rank: a term left to fill in
            self.unplace(empty.line, f"{empty.heading}: nothing written under it")
        text, objectives = tx.strip_objective(heading.text)
        self.objectives.extend(objectives)
        numbered = _SECTION_NUMBER.match(text)
        if numbered is not None and text[numbered.end() :].rstrip(":").strip():
            # "### 1.2 Phishing:": the number places the section in the notes; the name is what follows
            text = text[numbered.end() :].rstrip(":").strip()
        labelled = tx.label(text.rstrip(":") + ":", asides=False) if text else None
        if labelled is not None and not labelled[1] and not is_topic:
            # "#### Examples" / "### Notes": what follows belongs to the entry of the heading above
            owner = self.current or self.enclosing_entry(heading.level)
            if owner is not None:
                self.current = owner
                self.expect = (labelled[0], owner)
                return
        if heading.level <= self.label_level:
            self.label_group, self.label_level = "", 0  # a heading as high as the label's ends its group
        self.current = None
        if is_topic and text and not self.draft.title:
            self.draft.title = text
        if not text:
            self.section = None
            return
        self.section = _Section(
            self.subject(text), text, heading.line, is_topic=is_topic, level=heading.level
        )
        self.sections.append(self.section)

    def enclosing_entry(self, level: int) -> DraftEntry | None:
        """The entry of the nearest heading above ``level`` that became one (or of the current one)."""
        for section in reversed(self.sections):
            if section.entry is not None and (section.level < level or section is self.section):
                return section.entry
            if section.level < level and not section.is_topic:
                return None
        return None

    def subject(self, heading: str) -> tx.TermName:
        """The term a heading names (``Hypervisors`` -> Hypervisor, alias Hypervisors, if the notes agree)."""
        split = tx.pair(heading)
        if (
            split is not None
            and (tx.is_name(split[1]) or _capitalised_words(split[1]))
            and tx.acronym_of(split[0], split[1])
        ):
            # "RADIUS - Remote Authentication Dial-In User Service": the acronym and its long name
            return tx.TermName(split[0], aliases=[split[1]])
        why = _WHY_USE.match(heading.strip())
        if why is not None and tx.is_term_name(why.group("what")):
            # "Why Use a Load Balancer" over what it does: the heading is about the load balancer
            heading = why.group("what")
        basics = _BASICS_OF.match(heading.strip())
        if basics is not None and tx.is_term_name(basics.group("what")):
            # "Macroeconomics basics" over what macroeconomics is: the heading names the subject; its
            # whole wording stays a name of it
            name = tx.term_name(basics.group("what"))
            if not name.aliases and not name.note:
                return tx.TermName(name.name, aliases=[heading.strip()])
        name = tx.term_name(heading)
        parts = tx.words(name.name)
        if len(parts) == 1:
            one = tx.singular(parts[0])
            if one != parts[0] and one.lower() in self.vocabulary:
                return tx.TermName(
                    one, aliases=[parts[0], *name.aliases], note=name.note, examples=name.examples
                )
        return name

    # -- paragraphs ------------------------------------------------------------------------------------

    def paragraph(self, lines: list[Line], *, in_item: bool = False) -> DraftEntry | None:
        """Read a paragraph's lines; return the last entry it defined."""
        self.expect = None
        lines = [part for line in lines if line.text for part in _links_apart(line)]
        if len(lines) != 2 or in_item:
            self.term_paragraphs = False
        if self.pending is not None:
            pending, fresh_pending = self.pending, self.pending_fresh
            self.pending, self.pending_fresh = None, False
            term_then_explanation = (
                tx.is_name(pending.text)
                and bool(lines)
                and tx.is_explanation(lines[0].text)
                and tx.pair(lines[0].text, lines[0].lead) is None
            )
            if fresh_pending and not term_then_explanation:
                defined = self.define_section(pending)
                for index, line in enumerate(lines):
                    linked = tx.label(line.text)
                    split = tx.pair(line.text, line.lead) if line.lead else None
                    if linked is not None and linked[0] in ("see_also", "aliases") and linked[1]:
                        self.labelled_line(line, None, linked, defined)  # "Related: [[ATP]]" below it
                    elif (
                        index == 0
                        and defined is not None
                        and not pending.lead
                        and split is not None
                        and _bold_term(line, split[0])
                        and tx.sentence(pending.text) is not None
                    ):
                        # "*Limiting factors are factors that ...*" then "**Density-dependent limiting
                        # factors**: ...": a sentence in italics is no heading over the bold term after
                        # it, which is a term of its own
                        own = self.paragraph(lines[index:])
                        if own is not None and own is not defined:
                            own.add("see_also", defined.term)
                        return own
                    else:
                        self.lone_line(line, defined)
                return defined
            if not fresh_pending and pending.bold and _bold_label(pending.text):
                # "**Photosynthesis:**" then its explanation: the colon only leads to it
                named = pending.text.rstrip(":").strip()
                pending = Line(named, pending.line, bold=True, marked=pending.marked)
            if not fresh_pending and lines and _opens_glossary(lines):
                # "Georgraphy" then "agriculture - The growing of ...": a title over term lines, a group
                self.group(pending.text)
            else:
                lines = [pending, *lines]
        made: DraftEntry | None = None
        glossary = [_colon_pair(line) for line in lines] if len(lines) >= 2 and not in_item else []
        if glossary and all(split is not None for split in glossary):
            # "food chains: diagram showing ..." / "food web: a combination of ...": a line per term, in
            # lower case too; the heading above groups them
            if self.section is not None:
                self.section.fresh = False
            for line, split in zip(lines, glossary, strict=True):
                assert split is not None
                made = self.define(tx.capitalize(split[0]), tx.capitalize(split[1]), line.line)
            self.current = made
            return made
        i = 0
        while i < len(lines):
            line = lines[i]
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            fresh = self.section.fresh if self.section else False
            if self.section is not None:
                self.section.fresh = False
            step, entry = self.read_line(line, nxt, lines, i, made, fresh=fresh, in_item=in_item)
            if entry is not None:
                made = entry
            i += step
        return made

    def read_line(
        self,
        line: Line,
        nxt: Line | None,
        lines: list[Line],
        i: int,
        made: DraftEntry | None,
        *,
        fresh: bool,
        in_item: bool,
    ) -> tuple[int, DraftEntry | None]:
        """Read the line at ``i``; return how many lines were used and the entry it defined, if any."""
        text = line.text
        section = self.section
        if (
            fresh
            and made is None
            and self.current is None
            and section is not None
            and section.is_topic
            and section.entry is None
            and _ABOUT_THE_NOTES.match(tx.strip_leading_pictures(text))
        ):
            # "Welcome to your heart guide — made simple!" under the title: about the notes, whatever its
            # shape ("Term — explanation" here), and no term's
            self.unplace(line.line, text)
            return 1, None
        labelled = tx.label(text)
        defined_below = nxt is not None and nxt.text[:1] in ":~" and bool(line.bold or line.lead)
        if labelled is not None and not defined_below:
            # (a bold "**Alias**:" over ":   definition" is a term of a definition list, not a label)
            read = self.labelled_line(line, nxt, labelled, made)
            if fresh and section is not None and labelled[0] in ("see_also", "aliases") and labelled[1]:
                # "Related: [[ATP]]" first under "## Mitochondrion": links, no definition; the text
                # below still opens the heading's term
                section.fresh = True
            return read
        asked = _ASKED_TERM.match(text) if line.bold and not in_item else None
        if asked is not None and tx.is_term_name(asked.group("term")):
            # "*What is a Kernel*" then its answer (a blockquote, as a rule): the term and its definition
            named = Line(asked.group("term"), line.line, bold=True)
            if nxt is None:
                self.pending = named
                return 1, None
            lines[i] = named
            line, text = named, named.text
        if (
            nxt is not None
            and nxt.text[:1] in ":~"
            and tx.is_term_like(text.rstrip(":").strip(), bold=line.bold)
        ):
            # a definition list: "Term" then ": definition" (with its continuation lines; more ": ..."
            # lines are details)
            parts = [nxt.text[1:].strip()]
            end = i + 2
            while end < len(lines) and lines[end].text[:1] not in ":~" and not lines[end].bold:
                if end + 1 < len(lines) and lines[end + 1].text[:1] in ":~":
                    break  # the next term
                parts.append(lines[end].text)
                end += 1
            entry = self.define(text.rstrip(":").strip(), " ".join(parts), line.line)
            while end < len(lines) and lines[end].text[:1] in ":~":
                entry.add("details", tx.capitalize(lines[end].text[1:].strip()))
                end += 1
            return end - i, entry
        if (
            fresh
            and i == 0
            and len(lines) == 1
            and not in_item
            and self.heading_is_term()
            and tx.pair(text, line.lead) is None
            and not tx.is_type_label(text)
            and " ".join(text.rstrip(":").casefold().split()) not in properties.SAYS_WHAT
            and ((said := tx.sentence(text)) is None or self.same_as_section(said.subject))
        ):
            # the first line under a term's heading: its definition, however terse (decided at the
            # next block: a list or another heading confirms it, an explanation makes it a term)
            self.pending, self.pending_fresh = line, True
            return 1, None
        split = tx.pair(text, line.lead, loose=in_item)
        lower_pair = False
        if split is None and not in_item and (i == 0 or _pair_line(lines[i - 1])):
            split = _lower_dash_pair(text)  # at a paragraph's start or after another term line
            lower_pair = split is not None
        if split is not None:
            term, rest = split
            end = i + 1
            while (
                end < len(lines)
                and rest[-1:] not in ".!?:"
                and (lines[end].text[:1].islower() or lines[end].text[:1] == "(")
                and tx.pair(lines[end].text, lines[end].lead) is None
                and not (lower_pair and _lower_dash_pair(lines[end].text) is not None)
            ):
                rest = f"{rest} {lines[end].text}"  # "Term - a definition wrapped\nover two lines."
                end += 1
            name = tx.term_name(term)
            expands = tx.acronym_of(name.name, rest) or tx.acronym_of(rest, name.name)
            if in_item and not expands and tx.is_name(rest) and len(tx.words(rest)) >= 2:
                # "- zsh: Z SHell", "- sh: Bourne SHell": a list of names with their long names
                expands = (
                    bool(re.fullmatch(r"[\w.\-]{1,15}", name.name))
                    and name.name.casefold() != rest.casefold()
                )
            if tx.is_name(rest) and expands:
                entry = self.entry_named(term, line.line)
                self.alias(entry, rest)
                entry.expansion = entry.expansion or rest
                self.current = entry
                return end - i, entry
            contrasted = _glossed_series(rest, single=True) if line.lead or line.bold else None
            if contrasted is not None:
                # "**Status**: Ascribed (birth) vs. Achieved (earned)": the emphasised label names what is
                # compared ("Dispatch - static (...) vs dynamic (...)" written plain stays one term)
                return end - i, self.contrasted(term, contrasted, line.line)
            entry = self.define(term, rest, line.line)
            entry.marked = entry.marked or (bool(line.lead) and term == line.lead.rstrip(":").strip())
            return end - i, entry
        if _DATE_LINE.match(text):
            # "26/03/24" over the lesson's term lines: when they were written, a group, never a detail
            self.group(text)
            self.current = None
            return 1, None
        if (
            not in_item
            and i > 0
            and _pair_line(lines[i - 1])
            and (nxt is None or _pair_line(nxt))
            and tx.is_term_like(text)
            and tx.is_term_name(text)
        ):
            # "Life expectancy" alone among "Term - definition" lines: a term the author left undefined
            self.unplace(line.line, f"{text}: no definition in the notes")
            return 1, None
        if tx.is_grouping_label(text) and not line.lead:
            # "Unit 2: Biology of behaviour" on its own line: a part of the notes, one of its groups
            self.flush()
            self.group(text)
            self.current = None
            return 1, None
        if (
            (tx.is_term_like(text, bold=line.bold) or self.term_line(lines, i))
            and nxt is not None
            and (tx.is_explanation(nxt.text) or (self.term_paragraphs and self.terse_term(lines, i)))
            and tx.label(nxt.text) is None
            and (line.bold or tx.pair(nxt.text, nxt.lead) is None)
        ):
            # a term over a short definition ("Smishing" / "SMS phishing") after paragraphs of a term
            # over its explanation: the same style, however terse
            self.term_paragraphs = self.term_paragraphs or self.term_line(lines, i)
            return 2, self.define(text, nxt.text, line.line)
        if (
            nxt is not None
            and tx.is_term_like(text)
            and (tx.acronym_of(text, nxt.text) or tx.acronym_of(nxt.text, text))
        ):
            entry = self.entry_named(text, line.line)
            self.alias(entry, nxt.text)
            entry.expansion = entry.expansion or nxt.text
            self.current = entry
            return 2, entry
        run = i
        while (
            run < len(lines)
            and tx.is_name(lines[run].text)
            and not (run + 1 < len(lines) and tx.is_explanation(lines[run + 1].text))
        ):
            run += 1
        if run - i >= 2:
            target = made or self.current or self.section_entry()
            for name_line in lines[i:run]:
                if target is None:
                    self.unplace(name_line.line, name_line.text)
                else:
                    target.add("examples", name_line.text)
            return run - i, None
        name = tx.term_name(text)
        if (
            tx.is_term_like(text, bold=line.bold)
            and name.note
            and not name.aliases
            and tx.sentence(text) is None
        ):
            entry = self.entry_named(text, line.line)
            self.current = entry
            return 1, entry
        if (
            not in_item
            and i == len(lines) - 1
            and (len(lines) == 1 or line.bold)
            and (tx.is_term_like(text, bold=line.bold) or (line.bold and _bold_label(text)))
            and tx.sentence(text) is None
            # "The nucleus holds the DNA" is said, not a term over a definition; "3 Organs of ..." counts
            # the names listed below it
            and (
                tx.is_term_name(text)
                or (line.bold and _bold_label(text) and tx.is_term_name(text.rstrip(":").strip()))
                or _COUNTED_LABEL.match(text.strip().rstrip(":").strip()) is not None
            )
        ):
            self.pending = line  # "**World Wars:**" too: a term, or a label over the glossary list below
            return 1, None
        open_term = _OPEN_TERM.match(text)
        if not in_item and i == len(lines) - 1 and open_term and tx.is_term_name(open_term.group("term")):
            self.pending = line  # "impl -": a term whose definition is the list below
            return 1, None
        self.place_line(line, made, fresh=fresh)
        return 1, self.marked_terms(line)

    def contrasted(self, label: str, parts: list[tuple[str, str]], line: int) -> DraftEntry:
        """Terms set side by side, each with its gloss (``Ascribed (birth) vs. Achieved (earned)``).

        ``label`` (what they are, ``Status``) is no entry; a one-word qualifier part is completed with
        it (``Ascribed status``, the part alone an alias), a part that is a name already is kept as
        written. Each part defines its own entry and sees the others; returns the last one.
        """
        words = tx.words(tx.term_name(label).name) if label else []
        head = tx.singular(words[-1]) if words else ""
        made: list[DraftEntry] = []
        for name, gloss in parts:
            term, check = name, f'one of the terms set side by side under "{label}"'
            if (
                head
                and len(tx.words(name)) == 1
                and _QUALIFIER.search(name)
                and head.casefold() not in name.casefold()
            ):
                term = f"{tx.capitalize(name)} {head.lower() if head[1:].islower() else head}"
                check = f'"{name}" completed with the label "{label}"'
            entry = self.define(tx.capitalize(term), tx.capitalize(gloss), line, check)
            if term != name:
                self.alias(entry, name)
            made.append(entry)
        for entry in made:
            for other in made:
                if other is not entry:
                    entry.add("see_also", other.term)
        self.current = made[-1]
        return made[-1]

    def marked_terms(self, line: Line) -> DraftEntry | None:
        """Terms written bold inside prose and explained right after (the line itself is placed as before).

        ``... a language called **binary code**, which consists of ...``, ``... a **distributed WAN**—an
        internetwork that ...``, ``... the term **internetwork**. An internetwork is a type of ...``.
        """
        made: DraftEntry | None = None
        for run in line.marked:
            if run not in line.text or not tx.is_term_name(run) or len(tx.words(run)) > 4:
                continue
            if self.find(run) is not None:
                continue
            explained = tx.explained_after(run, line.text)
            term = tx.capitalize(run) if run[:1].islower() and not any(c.isupper() for c in run) else run
            if explained is None:
                said = _sentence_naming(run, line.text)
                if said is not None:
                    # "... split a big LAN into smaller logical zones known as **workgroups** ...": the
                    # sentence names the term without defining it; kept, flagged, until a definition turns up
                    parts = term.split()
                    one = tx.singular(parts[-1])
                    if one != parts[-1] and one.lower() in self.vocabulary:
                        term = " ".join([*parts[:-1], one])  # "Workgroup", as the notes also write it
                    entry = self.entry_named(term, line.line)
                    entry.add("details", said, f'the sentence names "{run}" without defining it')
                continue
            entry = self.entry_named(term, line.line)
            self.set_definition(entry, explained, f'taken from the bold "{run}" in a sentence')
            made = entry
        return made

    def term_line(self, lines: list[Line], i: int) -> bool:
        """Whether ``lines[i]`` is a lower-case term over its definition line (``hindsight bias`` /
        ``the tendency to believe ...``): a paragraph of just those two lines, the first a short name."""
        text = lines[i].text
        return (
            i == 0
            and len(lines) == 2
            and len(tx.words(text)) <= 5
            and text[-1:] not in ".!?:;,"
            and tx.is_term_name(text)
            and tx.sentence(text) is None
        )

    def terse_term(self, lines: list[Line], i: int) -> bool:
        """Whether ``lines[i]`` names a term over a definition too short to tell by itself
        (``Smishing`` / ``SMS phishing``): a term line that is no label (``Examples``, ``Note``)."""
        text = lines[i].text
        return self.term_line(lines, i) and _names_one(text) and not tx.is_structural(text)

    def named_by_heading_end(self, said: str) -> DraftEntry | None:
        """The entry a ``Definition:`` line under a broader heading names by its first words, the end of
        that heading (``General Principles of Configuration Management`` over ``Definition:
        Configuration management encompasses ...``); the heading is then no term. None otherwise."""
        section = self.section
        if section is None or section.entry is not None or self.current is not None:
            return None
        heading, opening = tx.words(section.name.name), tx.words(said)
        for size in range(len(heading) - 1, 0, -1):
            end = heading[-size:]
            if (
                len(opening) > size + 2
                and [w.casefold() for w in opening[:size]] == [w.casefold() for w in end]
                and opening[size][:1].islower()
                and tx.is_term_name(" ".join(end))
            ):
                section.introduced = True
                return self.entry_named(" ".join(end), section.line)
        return None

    def close_stub(self) -> None:
        """Report a glossary list's last ``**Term:**`` item that no paragraph defining it followed."""
        stub, self.open_stub = self.open_stub, None
        if stub is not None:
            self.unplace(stub.line, f"{stub.text[:-1].strip()}: no definition in the notes")

    def equal_pairs(self, line: Line) -> bool:
        """``Remember: Arteries = AWAY from heart; Veins = RETURN to heart``: a memory line of two terms
        or more, each defined by what it is set equal to. Whether the line was read so."""
        check = f'one of the "A = ...; B = ..." pairs in "{_short(line.text)}"'
        made = [self.define(name, gloss, line.line, check) for name, gloss in _equal_pairs(line.text)]
        for entry in made:
            for other in made:
                if other is not entry:
                    entry.add("see_also", other.term)
        return bool(made)

    def labelled_line(
        self, line: Line, nxt: Line | None, labelled: tuple[str, str], made: DraftEntry | None
    ) -> tuple[int, DraftEntry | None]:
        """Read a ``Definition:`` / ``Examples:`` / ``Aliases:`` / ``See also:`` / ``Note:`` line."""
        kind, rest = labelled
        used = 1
        if kind == "note" and self.equal_pairs(line):
            return used, made
        if kind == "definition":
            named = self.named_by_heading_end(rest) if made is None else None
            target = made or named or (self.section_entry() if self.section else self.current)
            if not rest and nxt is not None:
                rest, used = nxt.text, 2
            if target is None:
                self.unplace(line.line, line.text)
            else:
                self.set_definition(target, tx.capitalize(rest))
                self.current = target
            return used, target
        if kind == "note" and tx.strip_leading_pictures(line.text) != line.text:
            # "> 🧠 **Tip:** ..." under a heading nothing was said of yet: a callout aside names no term, so
            # it does not make the heading one (it is left for the writer to place)
            target = made or self.current or (self.section.entry if self.section is not None else None)
        else:
            target = made or self.owner()
        if target is None:
            self.unplace(line.line, line.text)
            return used, None
        if kind == "note" or (kind != "definition" and not rest):
            if rest:
                target.add("details", line.text)
            else:
                self.expect = (kind, target)
            return used, None
        for name in tx.split_names(rest):
            self.add_named(target, kind, name, line.line)
        return used, None

    def add_named(self, target: DraftEntry, kind: str, name: str, line: int) -> None:
        """Add an example, alias or see-also written by the author."""
        if kind == "aliases":
            self.alias(target, name)
        elif kind == "see_also":
            name = _WIKI_LINK.sub(lambda m: m.group("target").strip(), name).strip()
            if not name:
                return
            if target.add("see_also", name):
                self.label_refs.add((id(target), name_id(name)))
        elif kind == "examples" and not tx.is_explanation(name):
            target.add("examples", name)
        else:
            target.add("details", name)

    def lone_line(self, line: Line, made: DraftEntry | None, *, fresh: bool = False) -> None:
        """Place a line that is neither a term nor a labelled line (and take the bold terms it explains)."""
        self.place_line(line, made, fresh=fresh)
        if line.marked:
            self.marked_terms(line)

    def place_line(self, line: Line, made: DraftEntry | None, *, fresh: bool = False) -> None:
        """Place a line that is neither a term nor a labelled line."""
        text = line.text
        said = tx.sentence(text) or _reversed_definition(text)
        in_run = said is not None and line.line == self.said_line + 1
        if in_run:
            self.said_line = line.line  # "Weight is not in kg": a statement in the run, which goes on
        if said is not None:
            target = self.find(said.subject) or self.tail_of_current(said.subject)
            if target is not None:
                if said.defines and not target.definition:
                    self.set_definition(target, said.definition, f'taken from the sentence "{_short(text)}"')
                    self.current = target
                else:
                    near = target is made or target is self.current
                    check = "" if near else f'placed here because it starts with "{said.subject}"'
                    target.add("details", text, check)
                return
            if said.defines and fresh and self.same_as_section(said.subject) and self.heading_is_term():
                entry = self.section_entry()
                assert entry is not None
                self.set_definition(entry, said.definition)
                self.current = entry
                return
            about = made or self.current or (self.section.entry if self.section is not None else None)
            if said.defines and about is not None and not line.lead and tx.refers_back(said):
                # "Routers are the devices that make this possible", "The protocol enables ...", "X is a
                # huge advantage": a sentence that leans on the text above tells more about its entry
                about.add("details", text)
                return
            bare = in_run and tx.bare_kind(said)
            if (said.defines or bare) and not (fresh and self.same_as_section(said.subject)):
                # "Work is force applied to an object" among "Energy is the ability to do work" lines:
                # a definition without its article, read as its neighbours are
                term = tx.capitalize(said.subject) if said.had_article else said.subject
                definition, other = _second_definition(said.definition)
                self.define(term, definition, line.line, f'taken from the sentence "{_short(text)}"')
                if other is not None:
                    # "Primary succession is ..., and secondary succession is ...": one clause per term
                    self.define(
                        other.subject,
                        other.definition,
                        line.line,
                        f'taken from the sentence "{_short(text)}"',
                    )
                self.said_line = line.line
                return
        else:
            mentioned = self.mentioned(text)
            if mentioned is not None and mentioned is not made:
                check = "" if mentioned is self.current else "placed here because it starts with this term"
                mentioned.add("details", text, check)
                return
        if made is not None:
            made.add("details", text)
            return
        section = self.section
        if section is not None and section.introduced and section.entry is None and self.current is None:
            self.unplace(line.line, text)  # more of the introduction ("Let's talk about three of them:")
            return
        if (
            section is not None
            and fresh
            and section.is_topic
            and _ABOUT_THE_NOTES.match(tx.strip_leading_pictures(text))
        ):
            self.unplace(line.line, text)  # "This is a page to share words ...": about the notes, no term's
            return
        if section is not None and fresh and section.entry is None and _DANGLING.search(text):
            section.introduced = True  # "Pair with" over a reading list: it leads on, defines nothing
            self.unplace(line.line, text)
            return
        if section is not None and fresh and (said is None or self.same_as_section(said.subject)):
            entry = self.section_entry()
            if entry is None:  # under "Introduction", "What is TCP?": no one's definition
                self.unplace(line.line, text)
                return
            defines = said is not None and said.defines
            definition = said.definition if said is not None and said.defines else tx.capitalize(text)
            check = "taken from the first line under the title heading" if section.is_topic else ""
            guess = section.is_topic and not defines and not entry.definition
            fresh_entry = guess and not (entry.details or entry.examples or entry.see_also or entry.aliases)
            self.set_definition(entry, definition, check)
            if guess:
                self.title_guess = (entry, line.line, text, fresh_entry)
            self.current = entry
            return
        if self.current is not None:
            own = section is not None and self.current is section.entry
            check = "" if own else "placed under the entry above; move it if it belongs elsewhere"
            self.current.add("details", text, check)
            return
        self.unplace(line.line, text)

    def names_section(self, subject: str) -> bool:
        """Whether ``subject`` is the current heading's term with words left out (``expansionary
        policy`` under ``Expansionary monetary policy``)."""
        section = self.section
        if section is None or (section.entry is None and not self.heading_is_term()):
            return False
        if self.same_as_section(subject):
            return False  # "Osmosis is ..." under "Osmosis": its own statement, read as one
        said = [tx.singular(w).casefold() for w in tx.words(subject)]
        term = section.entry.term if section.entry is not None else section.name.name
        full = [tx.singular(w).casefold() for w in tx.words(term)]
        if len(said) < 2 or len(said) >= len(full):
            return False
        at = 0
        for word in full:
            if at < len(said) and word == said[at]:
                at += 1
        return at == len(said) and said[0] == full[0] and said[-1] == full[-1]

    def same_as_section(self, subject: str) -> bool:
        """Whether ``subject`` names the current heading's subject."""
        if self.section is None:
            return False
        full = self.section.name.name
        names = {name_id(n) for n in [full, *self.section.name.aliases, self.section.heading]}
        if name_id(subject) in names:
            return True
        # "WAN networks are ..." under "Wide Area Network": its acronym, with its head noun or not
        parts = subject.split()
        head = tx.singular(full.split()[-1]).casefold() if full.split() else ""
        tail_ok = len(parts) == 1 or (len(parts) == 2 and tx.singular(parts[1]).casefold() == head)
        return tail_ok and tx.acronym_of(parts[0], full)

    def tail_of_current(self, subject: str) -> DraftEntry | None:
        """The entry above when ``subject`` ends its term (``Containerization``, ``App containerization``)."""
        current = self.current
        if current is None:
            return None
        wanted = name_id(subject)
        for name in current.names():
            norm = name_id(name)
            if norm == wanted or norm.endswith(" " + wanted):
                return current
        return None

    def mentioned(self, text: str) -> DraftEntry | None:
        """The entry whose name opens ``text`` (longest first, ignoring a leading article)."""
        parts = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE).split()
        for size in range(min(5, len(parts)), 0, -1):
            candidate = " ".join(parts[:size]).rstrip(".,;:")
            entry = self.names.get(name_id(candidate)) or self.tail_of_current(candidate)
            if entry is not None:
                return entry
        return None

    # -- lists -----------------------------------------------------------------------------------------

    def list_block(self, block: ListBlock, above: DraftEntry | None = None) -> None:
        """Read a list: as entries (a glossary), examples, or the details of the entry above.

        ``above`` is the entry the paragraph right before the list defined: bullets indented under it
        are its details, never terms of their own.
        """
        if self.section is not None:
            self.section.fresh = False
        asked = [item for item in block.items if item.text or item.children]
        answers = [_asked_pairs(item) for item in asked]
        if asked and all(answers):
            # "- What are the basics of sociology?" over "1. Social Structure: Sociologists look at ...":
            # the question asks what the listed names are; its points are the terms
            for item, answer in zip(asked, answers, strict=True):
                assert answer is not None
                self.unplace(item.line, item.text)
                self.list_block(answer)
            return
        expect, self.expect = self.expect, None
        items = [item for item in block.items if item.text]
        if expect is not None and expect[1] is not None:
            kind, wanted = expect[0], expect[1]
            for item in block.items:
                if item.text:
                    self.add_named(wanted, kind, item.text, item.line)
                self.detail_blocks(item.children, wanted)
            return
        section = self.section
        if (
            not items
            and section is not None
            and section.entry is None
            and self.current is None
            and self.pending is None
            and not any(item.children for item in block.items)
        ):
            # "# Changes on exchange rate" over an empty "- ": the writer left the part to fill in
            section.introduced = True
            self.unplace(section.line, f"{section.heading}: nothing written under it")
            return
        open_term = _OPEN_TERM.match(self.pending.text) if self.pending is not None else None
        if block.indented and open_term is not None and not self.pending_fresh:
            self.pending = None
            above = self.entry_named(open_term.group("term"), block.items[0].line - 1)
        if block.indented and above is not None:
            # "Term - definition" (or "Term -" alone) with "  - Label - detail" bullets indented below
            for item in block.items:
                if item.text and not above.definition:
                    self.set_definition(above, tx.capitalize(item.text))
                elif self.named_part(item, above):
                    continue
                elif item.text:
                    above.add("details", item.text)
                self.detail_blocks(item.children, above)
            self.current = above
            return
        stubs = [item for item in items if _is_stub(item)]
        if stubs and len(stubs) == len(items):
            # "- Plasma B cells:" / "- Memory B cells:" with nothing after them: prompts to fill in
            self.flush()
            for item in items:
                self.unplace(item.line, item.text)
            return
        outline = [item for item in items if _is_outline_item(item, caseless=self.caseless)]
        lone_under_title = (
            len(outline) == len(items) == 1
            and section is not None
            and section.is_topic
            and section.entry is None
            and self.current is None
            and self.pending is None
            and _names_one(items[0].text.rstrip(":").strip())
        )
        remarks = self.outline_among_remarks(items, outline)
        if (
            (len(outline) >= 2 and len(outline) * 2 >= len(items))
            or (outline and len(outline) + len(stubs) == len(items) >= 2)
            # "## Principles" over "- Authority" / "  - Someone in charge": one term of the notes, as
            # when more follow it
            or lone_under_title
            or remarks
        ):
            # an outline: "- Term" with its explanation (and sub-terms) nested below
            self.flush()
            if self.counted_parts(items):
                return
            for item in block.items:
                if remarks and item.text and item not in outline:
                    self.unplace_remark(item)
                    continue
                self.outline_item(item)
            return
        pairs = sum(1 for item in items if _is_pair_item(item) or _is_fact_item(item))
        owned = self.current is not None or self.pending is not None
        if pairs and not owned and self.opens_with_definition(items):
            # "### DIMM" over "- Electrical contacts on both sides." then "- 64-bit width: ..." and
            # "- **SO-DIMM:** ...": the heading is the term, its first bullet the definition; a bold
            # "**Term:**" bullet is a term of its own, a plain "Label: text" one a detail
            entry = self.section_entry()
            assert entry is not None
            opening = tx.pair(items[0].lines[0].text, items[0].lines[0].lead) if items[0].lines else None
            aspects = opening is not None and tx.is_aspect_label(opening[0], selecting=False)
            self.set_definition(entry, tx.capitalize(items[0].text))
            self.current = entry
            self.detail_blocks(items[0].children, entry)
            for item in block.items:
                if item is items[0] or not item.text:
                    continue
                split = tx.pair(item.lines[0].text, item.lines[0].lead)
                if split is not None and (
                    _bold_term(item.lines[0], split[0])
                    or _explained_name(item, split)
                    # under a heading read from its aspects ("- Types: ..."), a named thing is a term
                    # ("- Contraction: Sliding filament theory (actin + myosin)" gives a value, a name)
                    or (aspects and not tx.is_aspect_label(split[0]) and _describes_at_length(split[1]))
                ):
                    self.glossary_item(item)
                    if self.current is not None and self.current is not entry:
                        self.current.add("see_also", entry.term)
                    self.current = entry
                else:
                    self.detail_item(item, entry)
            return
        if pairs and (pairs * 2 > len(items) or (pairs * 2 == len(items) and not owned)):
            self.flush()
            last = items[-1]
            bolded = bool(last.lines) and (last.lines[0].bold or bool(last.lines[0].lead))
            stub = last if _is_stub(last) and bolded and last is block.items[-1] else None
            for item in block.items:
                if item is stub:
                    self.open_stub = stub  # its definition may be the paragraph after the list
                    continue
                self.glossary_item(item)
            return
        pending_entry: DraftEntry | None = None
        if self.pending is not None and not self.pending_fresh and _about_others(self.pending.text, items):
            # "**Important conceptual points**" over "- Ideal gas has no potential energy": a label over
            # statements about other things, not a term; what it holds is reported
            line, self.pending = self.pending, None
            self.group(line.text)
            self.unplace(line.line, line.text)
            for item in block.items:
                self.unplace(item.line, item.text)
                self.blocks(item.children)
            return
        if self.pending is not None:
            line, self.pending = self.pending, None
            if self.pending_fresh:
                self.pending_fresh = False
                pending_entry = self.define_section(line)
                expect, self.expect = self.expect, None
                if pending_entry is not None and expect is not None and expect[1] is pending_entry:
                    for item in block.items:  # the list the label at the end of the line announced
                        if item.text:
                            self.add_named(pending_entry, expect[0], item.text, item.line)
                        self.detail_blocks(item.children, pending_entry)
                    self.current = pending_entry
                    return
            elif self.counted_names(line, items):
                return
            else:
                pending_entry = self.entry_named(line.text, line.line)
            self.current = pending_entry
        section = self.section
        introduced = (
            pending_entry is None
            and self.current is None
            and section is not None
            and section.introduced
            and section.entry is None
        )
        if introduced and all(tx.is_name(item.text) for item in items):
            for item in items:  # the names an introduction lists (the sections that follow, as a rule)
                self.unplace(item.line, item.text)
            return
        grouping = (
            pending_entry is None
            and self.current is None
            and section is not None
            and section.entry is None
            and _labels_over_pairs(items)
        )
        # what an introduction leads to is no definition of the heading ("Pair with" over a reading list);
        # "## Lyndon B. Johnson" over "* Great Society programs" over "* Medicare - health insurance for
        # the elderly": the heading groups the named things its labels hold, it is no term of its own
        target = pending_entry or (None if introduced or grouping else self.owner())
        if pending_entry is None and self.statements(block, items):
            return
        vocabulary = (
            target is not None
            and not target.definition
            and bool(items)
            and any(d.text.startswith("Word class: ") for d in target.details)
        )
        if vocabulary and target is not None:
            # "## El Proyecto (m) (noun): ##" over "* Plan" / "* Project": a word's meanings, not examples;
            # "* Patience" / "* Patience is key to ...": its meaning, then an example of its use
            if all(tx.is_name(item.text) and not item.children for item in items):
                self.set_definition(target, "; ".join(item.text for item in items))
                self.current = target
                return
            first = items[0].text
            if len(tx.words(first)) <= 8 and tx.sentence(first) is None and not first.endswith((".", ":")):
                self.set_definition(target, tx.capitalize(first))
                self.current = target
                for item in block.items:
                    if item is items[0]:
                        self.detail_blocks(item.children, target)
                    else:
                        self.detail_item(item, target)
                return
        if len(items) >= 2 and all(tx.is_name(item.text) for item in items) and target is not None:
            for item in block.items:
                if item.text:
                    target.add("examples", item.text)
                self.detail_blocks(item.children, target)
            return
        if target is None and len(items) >= 2 and all(tx.is_name(i.text) and not i.children for i in items):
            for item in items:  # "- Planets" / "- Galaxy Clusters" under no term: names listed, none defined
                self.unplace(item.line, f"{item.text}: named in a list under no term, no definition")
            return
        if target is None:
            for item in block.items:
                if self.kinds_item(item, None):
                    continue
                if _bare_term(item):
                    # "- agent" over "+ someone who participates in ...": a term and its explanation
                    made = self.entry_named(tx.capitalize(item.text), item.line)
                    self.explained_below(made, item)
                    self.current = made
                    continue
                self.paragraph(item.lines, in_item=True)
                self.blocks(item.children)
            return
        if self.named_after_list(items, target):
            return
        for item in block.items:
            self.detail_item(item, target)

    def named_after_list(self, items: list[ListItem], owner: DraftEntry) -> bool:
        """Points that each describe a thing, then name it in brackets (``- Slow rate of crystallization
        below the surface (phaneritic texture)``): each defines the bracket's term, and stays a point
        on ``owner``. Only when every point is so: one such point among factors or remarks (``-
        Isolation of an element (focal point)``) glosses its point. Whether the list was read so."""
        matches = [
            _NAMED_AFTER.match(item.text) if len(item.lines) == 1 and not item.children else None
            for item in items
        ]
        if len(items) < 2 or not all(m is not None and _names_after(m) for m in matches):
            return False
        for item, match in zip(items, matches, strict=True):
            assert match is not None
            owner.add("details", item.text)
            made = self.define(
                tx.capitalize(match.group("name")), tx.capitalize(match.group("what")), item.line
            )
            made.add("see_also", owner.term)
        self.current = owner
        return True

    def counted_parts(self, items: list[ListItem]) -> bool:
        """``### 3 central topics to economics`` over exactly three items: each item is one of the parts
        the heading counts, no term; what is nested under it is read on its own (the item is reported).
        Whether the list was read so."""
        section = self.section
        if section is None or section.entry is not None:
            return False
        counted = _COUNTED_PARTS.match(section.heading)
        if counted is None:
            return False
        word = counted.group("count").lower()
        if (int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)) != len(items):
            return False
        section.introduced = True
        for item in items:
            self.current = None
            entries, unplaced = len(self.draft.entries), len(self.draft.unplaced)
            self.unplace(item.line, item.text)
            for block in item.children:
                if isinstance(block, ListBlock):
                    self.parts_list(block)
                else:
                    self.block(block)
            if (
                len(self.draft.entries) == entries
                and self.draft.unplaced[unplaced:]
                and tx.is_term_name(item.text)
                and any(isinstance(block, ListBlock) for block in item.children)
            ):
                # "- Inflation & Deflation" over "+ measured with price indices", ...: a part whose points
                # name no term of their own is a term they explain (the others group what they define)
                del self.draft.unplaced[unplaced:]
                made = self.entry_named(tx.capitalize(item.text), item.line)
                self.explained_below(made, item)
        self.current = None
        return True

    def parts_list(self, block: ListBlock) -> None:
        """The items of one counted part: kinds and ``Name (gloss)`` terms; the rest is reported."""
        for item in block.items:
            if not item.text or self.kinds_item(item, None):
                continue
            glossed = _glossed_series(item.text, single=True, loose=True) if len(item.lines) == 1 else None
            named = glossed[0] if glossed is not None and len(glossed) == 1 else _glossed_term(item)
            if named is not None:
                self.define(tx.capitalize(named[0]), tx.capitalize(named[1]), item.line)
                continue
            self.unplace(item.line, item.text)
            self.blocks(item.children)

    def counted_names(self, label: Line, items: list[ListItem]) -> bool:
        """``3 Organs specific to the immune system`` over a list of exactly three bare names: each name
        is a term the notes name without defining; its entry says what it is one of, flagged."""
        counted = _COUNTED_LABEL.match(label.text.strip().rstrip(":").strip())
        if counted is None or any(item.children or not item.text for item in items):
            return False
        word = counted.group("count").lower()
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
        names = [tx.term_name(item.text) for item in items]
        if count != len(items) or not all(
            tx.is_term_name(n.name) and len(tx.words(n.name)) <= 4 for n in names
        ):
            return False
        kind = counted.group("kind")
        kind = kind if kind[:2].isupper() else kind[:1].lower() + kind[1:]
        for item in items:
            entry = self.entry_named(item.text, item.line)
            entry.add("details", f"One of the {counted.group('count')} {kind}.")
            entry.check("definition", f'named in the list "{_short(label.text)}" without a definition')
        self.current = None
        return True

    def outline_among_remarks(self, items: list[ListItem], outline: list[ListItem]) -> bool:
        """Whether a list is an outline with remarks beside its terms: an outline item with an outline
        nested below it (``- bones`` over ``- axial skeleton: ...`` over ``- skull (23 bones)``), and
        every other item a remark in words, no name, that does not lead on to the points below it
        (``- there are 206 bones in an adult``), in notes written in lower case. Read as an outline,
        the terms nested deep in it are found; the remarks are reported with their points."""
        if not outline or len(items) < 2 or not self.caseless:
            return False
        deep = any(
            isinstance(block, ListBlock) and any(child.children for child in block.items)
            for item in outline
            for block in item.children
        )
        return deep and all(
            item in outline
            or (
                len(tx.words(item.text)) >= _REMARK_WORDS
                and not tx.is_term_like(item.text)
                and not _ANNOUNCING_END.search(item.text)  # "bones also contain" leads on to names
            )
            for item in items
        )

    def unplace_remark(self, item: ListItem) -> None:
        """Report a remark beside an outline's terms and the points nested under it, one line with the
        points in brackets: they are about the notes' subject, no term's meaning."""
        points: list[str] = []

        def walk(blocks: list[Block]) -> None:
            for block in blocks:
                if isinstance(block, ListBlock):
                    for child in block.items:
                        if child.text:
                            points.append(child.text)
                        walk(child.children)
                elif isinstance(block, Paragraph):
                    points.extend(line.text for line in block.lines if line.text)

        walk(item.children)
        self.unplace(item.line, f"{item.text} [{'; '.join(points)}]" if points else item.text)

    def opens_with_definition(self, items: list[ListItem]) -> bool:
        """Whether a list under a term's heading opens with that term's definition: a first bullet that
        is a bare phrase (``Electrical contacts on both sides.``), neither a name, a ``Term:
        explanation`` pair, a label nor a sentence with a subject (those name their own terms)."""
        section = self.section
        if section is None or section.entry is not None or section.introduced or len(items) < 2:
            return False
        text = items[0].text
        split = tx.pair(items[0].lines[0].text, items[0].lines[0].lead) if items[0].lines else None
        if split is not None and tx.is_aspect_label(split[0], selecting=False) and self.heading_is_term():
            # "### Muscular System" over "- Types: Skeletal, Smooth, Cardiac" and "- Functions: ...": the
            # heading is the term, its first point (an aspect of it) the nearest to a meaning it has
            return True
        if _reversed_definition(text) is not None:
            return (
                False  # "- The tactile quality of a surface is a texture.": what texture is, not the heading
            )
        first = items[0].lines[0] if items[0].lines else None
        if first is not None and first.marked and _opens_with_marked(first):
            return (
                False  # "- A `curvilinear shape` is formed by ...": another term's meaning, not the heading's
            )
        return (
            self.heading_is_term()
            and not _is_pair_item(items[0])
            and not tx.is_name(text)
            and tx.label(text) is None
            and text[-1:] != ":"
            and tx.statement(text) is None
            and tx.sentence(text) is None
        )

    def statements(self, block: ListBlock, items: list[ListItem]) -> bool:
        """A list of statements about terms (``The nucleus controls ...``): each subject is an entry."""
        if self.current is not None and (self.section is None or self.current is not self.section.entry):
            return False
        said = [_stated(item) for item in items]
        for index, statement in enumerate(said):
            if statement is not None and self.names_section(statement.subject):
                # "expansionary policy can be ..." under "Expansionary monetary policy": another name
                heading_entry = self.section_entry()
                if heading_entry is not None and tx.is_term_name(statement.subject):
                    self.alias(heading_entry, statement.subject)
                said[index] = None
        found = [s for s in said if s is not None and tx.is_term_name(s.subject)]
        if len(found) < 2 or len(found) * 2 < len(items):
            return False
        owner = self.owner()
        made: DraftEntry | None = None
        for item in block.items:
            statement = _stated(item) if item.text else None
            if statement is not None and self.names_section(statement.subject):
                statement = None
            if statement is not None and tx.is_term_name(statement.subject) and not tx.hedged(statement):
                made = self.define(tx.capitalize(statement.subject), statement.definition, item.line)
                self.detail_blocks(item.children, made)
                continue
            target = made or owner
            if target is None or (made is not None and _is_pair_item(item) and _DASHED_TERM.match(item.text)):
                # "- Figure/Ground - The figure is ..." after "- A representational shape is ...": a term
                # and a dash, its meaning, never a detail of the statement above it (a "- Ex: ..." or
                # "- Uses: ..." label after a colon adds to the statement)
                self.paragraph(item.lines, in_item=True)
                self.blocks(item.children)
            else:
                self.detail_item(item, target)
        self.current = owner
        return True

    def outline_item(self, item: ListItem) -> None:
        """``- Term`` with nested explanation lines and ``Sub-term - ...`` items; all pairs: a group."""
        if _is_stub(item):
            self.unplace(item.line, item.text)  # "- T lymphocytes:" left empty among the outline's terms
            return
        if not _is_outline_item(item, caseless=self.caseless):
            self.glossary_item(item)
            return
        nested = [child for block in item.children if isinstance(block, ListBlock) for child in block.items]
        prose: list[Block] = [block for block in item.children if not isinstance(block, ListBlock)]
        own = [
            child
            for child in nested
            if not _is_pair_item(child) and not _is_outline_item(child, caseless=self.caseless)
        ]
        if not own and not prose:
            named = _TRAILING_NAME.match(item.text)
            if named is not None and self.named_in_brackets(item, named, nested):
                return
            self.group(item.text)
            for child in nested:
                self.outline_item(child)
            return
        if (
            own
            and not prose
            and tx.names_only(own[0].text)
            and not any(tx.is_explanation(c.text) for c in own[:1])
            and not _qualities_only(own[0].text)
        ):
            # "- Exploiting Browser Vulnerabilities" over "- Extensions, plugins, add-ons": a group of
            # things named, not a term defined; what it holds is reported, never a definition
            self.group(item.text)
            for child in nested:
                if child in own:
                    self.unplace(child.line, child.text)
                    self.blocks(child.children)
                else:
                    self.outline_item(child)
            return
        entry = self.entry_named(item.text, item.line)
        self.current = entry
        if not prose and len(own) == len(nested) >= 2 and all(_short_name(child) for child in own):
            # "muscle" over "skeletal" / "smooth" / "cardiac": its kinds named, no definition of it
            for child in own:
                entry.add("examples", child.text)
            return
        for child in nested:
            if self.outline_child(child, entry):
                self.current = entry
                continue
            if child in own:
                if child.text:
                    if _heads_details(child):
                        pass  # "problems" over what they are: the items below say it
                    elif entry.definition:
                        entry.add("details", child.text)
                        self.named_in_point(child, entry)
                    else:
                        self.set_definition(entry, tx.capitalize(child.text))
                self.detail_blocks(child.children, entry)
                continue
            self.outline_item(child)
            if self.current is not None and self.current is not entry:
                self.current.add("see_also", entry.term)
            self.current = entry
        self.detail_blocks(prose, entry)
        self.current = entry

    def named_in_brackets(self, item: ListItem, named: re.Match[str], nested: list[ListItem]) -> bool:
        """``How to examine the consequences (Act consequentialism)`` over terms: the bracket names the
        term they are kinds of, the words before it say what it is. Whether the item was read so."""
        what, name = named.group("what").strip(), named.group("name").strip()
        if tx.is_name(what) or not tx.is_term_name(name) or not 1 <= len(tx.words(name)) <= 4:
            return False
        if len(tx.words(what)) < 3:
            return False
        entry = self.entry_named(tx.capitalize(name), item.line)
        entry.add("details", tx.capitalize(what), f'named in the bracket of "{_short(item.text)}"')
        for child in nested:
            self.outline_item(child)
            if self.current is not None and self.current is not entry:
                self.current.add("see_also", entry.term)
        self.current = entry
        return True

    def explained_below(self, entry: DraftEntry, item: ListItem) -> None:
        """What is nested under ``item`` explains ``entry``: the first bullet (a plain line, no label)
        is its definition unless it has one, the rest its details."""
        kids = [kid for block in item.children if isinstance(block, ListBlock) for kid in block.items]
        first = kids[0] if kids else None
        if (
            first is not None
            and first.text
            and not entry.definition
            and not first.children
            and not first.text.endswith(":")
        ):
            self.set_definition(entry, tx.capitalize(first.text))
            kids = kids[1:]
        for kid in kids:
            self.detail_item(kid, entry)
        self.detail_blocks([block for block in item.children if not isinstance(block, ListBlock)], entry)

    def outline_child(self, child: ListItem, entry: DraftEntry) -> bool:
        """An item nested under an outline's term that names terms of its own; whether it was read.

        ``psychological`` over its explanation under ``Egoism``: a kind, *Psychological egoism*;
        ``Higher happiness vs lower happiness`` over ``lower: ...`` / ``higher: ...``: a term per side;
        ``3 kinds`` over three names: each a term; ``euphario dilemma`` over its explanation, once the
        entry is defined: a term of its own; ``Difference between X and Y``: details of the entry.
        """
        text = child.text
        nested = [block for block in child.children if isinstance(block, ListBlock)]
        if not text:
            return False
        if _COMPARES.search(text):
            self.detail_item(child, entry)
            return True
        if self.sided_kinds(child, entry) or self.counted_kinds(child, entry):
            return True
        named = _TRAILING_NAME.match(text)
        kids = [kid for block in nested for kid in block.items]
        if (
            named is not None
            and kids
            and all(_is_pair_item(kid) for kid in kids)
            and self.named_in_brackets(child, named, kids)
        ):
            assert self.current is not None
            self.current.add("see_also", entry.term)
            return True
        if not nested or len(child.lines) != 1 or text[-1:] in ".!?;,":
            return False
        bare = text.rstrip(":").strip()
        parts = tx.words(bare)
        if self.kinds_item(child, entry) or self.kinds_outline(child, entry):
            return True  # "types" over "exoskeleton: outer shell" items: each a kind, a term of its own
        if len(parts) == 1 and tx.singular(bare) != bare:
            self.detail_blocks(child.children, entry)  # "problems", "Arguments": a heading of details
            return True
        if len(parts) == 1 and bare.islower() and _QUALIFIER.search(bare):
            kind = self.entry_named(f"{tx.capitalize(bare)} {_lowered(entry.term)}", child.line)
            kind.check("term", f'"{bare}" under "{entry.term}" taken as a kind of it')
        elif (
            entry.definition
            and 2 <= len(parts) <= 3
            and tx.singular(parts[-1]) == parts[-1]  # "key features" over them heads details
            and tx.is_term_name(bare)
            and tx.sentence(bare) is None
            and tx.statement(bare) is None
        ):
            kind = self.entry_named(bare, child.line)  # "euphario dilemma" over what it asks
        else:
            return False
        kind.add("see_also", entry.term)
        self.explained_below(kind, child)
        return True

    def sided_kinds(self, item: ListItem, owner: DraftEntry | None) -> bool:
        """``Higher happiness vs lower happiness`` (``either expansionary or contractionary``) over items
        labelled by one word of a side (``lower: bodily happiness``, ``contractionary`` over its own
        explanation): a term per side, completed with the owner's name when the side is one word
        (*Contractionary monetary policy* under *Monetary policy*). Whether the item was read so."""
        sides = _sides(item.text)
        nested = [block for block in item.children if isinstance(block, ListBlock)]
        if sides is None or len(nested) != 1:
            return False
        picked: list[tuple[ListItem, str, str]] = []
        for child in nested[0].items:
            named = _named_kind(child)
            word, rest = named if named is not None else (child.text.rstrip(":").strip(), "")
            if not rest and not child.children:
                return False
            side = next((s for s in sides if word.casefold() in tx.words(s.casefold())), None)
            if len(tx.words(word)) != 1 or side is None:
                return False
            picked.append((child, side, rest))
        if len(picked) < 2:
            return False
        if owner is not None:
            owner.add("details", item.text)
        else:
            self.unplace(item.line, item.text)
        for child, side, rest in picked:
            term = side if len(tx.words(side)) >= 2 or owner is None else f"{side} {_lowered(owner.term)}"
            entry = self.define(tx.capitalize(term), rest, child.line) if rest else None
            if entry is None:
                entry = self.entry_named(tx.capitalize(term), child.line)
            if owner is not None:
                entry.add("see_also", owner.term)
            self.explained_below(entry, child)
        self.current = owner
        return True

    def counted_kinds(self, item: ListItem, owner: DraftEntry) -> bool:
        """``3 kinds`` over exactly three items under an outline's term: each item is a term (one named
        without an explanation says what it is one of, flagged). Whether the item was read so."""
        counted = _COUNTED_KINDS.match(item.text.rstrip(":").strip())
        nested = [block for block in item.children if isinstance(block, ListBlock)]
        if counted is None or len(nested) != 1 or len(item.lines) != 1:
            return False
        word = item.text.split()[0].lower()
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
        kinds = [child for child in nested[0].items if child.text]
        names = [tx.term_name(child.text).name for child in kinds]
        if count != len(kinds) or not all(tx.is_term_name(n) and len(tx.words(n)) <= 4 for n in names):
            return False
        owner.add("details", item.text)
        for child in kinds:
            if _is_outline_item(child, caseless=self.caseless) or _is_pair_item(child):
                self.outline_item(child)
                made = self.current
            else:
                made = self.entry_named(tx.capitalize(child.text), child.line)
                made.add("details", f"One of the {item.text.rstrip(':').strip()} of {owner.term}.")
                made.check("definition", f'named in "{item.text}" under "{owner.term}" without a definition')
                self.detail_blocks(child.children, made)
            if made is not None and made is not owner:
                made.add("see_also", owner.term)
        self.current = owner
        return True

    def glossary_item(self, item: ListItem) -> None:
        """A list item that defines a term; what is nested below it belongs to that term."""
        if not item.text:
            self.blocks(item.children)
            return
        if self.fact_lines(item):
            self.blocks(item.children)
            return
        if (
            len(item.lines) == 1
            and item.children
            and tx.is_term_like(item.text, bold=item.lines[0].bold)
            and (tx.pair(item.text, item.lines[0].lead) is None)
        ):
            entry = self.entry_named(item.text, item.line)
            self.current = entry
        elif (
            len(item.lines) == 1
            and not item.children
            and tx.pair(item.text, item.lines[0].lead, loose=True) is None
            and tx.is_term_like(item.text, bold=item.lines[0].bold)
            and tx.is_term_name(item.text)
            and tx.label(item.text) is None
            and tx.statement(item.text) is None
            and not tx.term_name(item.text).note  # "- Vishing (voice phishing)": the bracket explains it
        ):
            # "- Multi-tenancy" among "- Term: definition" items: a term without a definition, reported,
            # never a detail of the term above it
            self.unplace(item.line, f"{item.text}: no definition in the notes")
        else:
            made = self.paragraph(item.lines, in_item=True)
            if made is not None:
                self.current = made
                if all(isinstance(block, ListBlock) for block in item.children):
                    # "1. Externality: a cost ..." over "- Negative: pollution": what is nested under a
                    # defined term is its detail (a bold "**Term:**" or "Term - occurs when" one a term too)
                    self.detail_blocks(item.children, made)
                    return
        self.blocks(item.children)

    def fact_lines(self, item: ListItem) -> bool:
        """``- **French Revolution (1789):**`` then ``-- Date: 14 July 1789`` lines: the facts are details
        of the term (``-- Also called: X / Y`` its aliases), never terms of their own."""
        head, facts = item.lines[0], item.lines[1:]
        if not facts or not all(_FACT_LINE.match(f.text) for f in facts):
            return False
        name = tx.term_name(head.text)
        if not tx.is_term_name(name.name) or (tx.pair(head.text, head.lead) is not None):
            return False
        entry = self.entry_named(head.text, head.line)
        self.current = entry
        for fact in facts:
            text = _FACT_LINE.sub("", fact.text).strip()
            labelled = tx.label(text)
            if labelled is not None and labelled[0] == "aliases":
                named = [a for a in tx.split_names(labelled[1].rstrip(".")) if tx.is_term_name(a)]
                for alias in named:
                    self.alias(entry, alias)
                if named:
                    continue
            entry.add("details", text)
        return True

    def detail_item(self, item: ListItem, owner: DraftEntry, *, kind: bool = False) -> None:
        """A list item under an entry: a detail (a "Term - occurs when ..." item also defines Term).

        ``kind``: the item sits under a ``2 Types:`` label, so a ``Name: explanation`` item is a kind of
        the entry, a term of its own, and what is nested under it is its own.
        """
        if self.sided_kinds(item, owner) or self.kinds_item(item, owner) or self.kinds_outline(item, owner):
            return
        glossed = _glossed_term(item)
        if glossed is not None:
            # "- business cycle (short-run fluctuations in output)" among notes on its heading's term
            owner.add("details", item.text)
            made = self.define(tx.capitalize(glossed[0]), tx.capitalize(glossed[1]), item.line)
            made.add("see_also", owner.term)
            self.current = owner
            return
        contrasted = _glossed_series(item.text) if len(item.lines) == 1 else None
        if contrasted is not None:
            # "Trading down (fewer features) or trading up (more features)" under an entry: two terms
            owner.add("details", item.text)
            self.contrasted("", contrasted, item.line)
            for name, _gloss in contrasted:
                found = self.find(tx.capitalize(name))
                if found is not None:
                    found.add("see_also", owner.term)
            self.current = owner
            self.detail_blocks(item.children, owner)
            return
        labelled = tx.label(item.text) if item.text and not item.children else None
        if labelled is not None and labelled[0] == "examples" and labelled[1]:
            # "- Example: Anti-tetanus injection" under an entry: its example, as a label line is
            for name in tx.split_names(labelled[1]) if tx.names_only(labelled[1]) else [labelled[1]]:
                self.add_named(owner, "examples", name, item.line)
            return
        if self.named_part(item, owner):
            return
        if item.children and " ".join(item.text.rstrip(":").casefold().split()) in properties.SAYS_WHAT:
            self.detail_blocks(item.children, owner)  # "1. **Overview**:" over what says it: a label
            return
        if item.text:
            owner.add("details", item.text)
            self.named_in_point(item, owner)
            first = item.lines[0] if item.lines else None
            split = tx.pair(first.text, first.lead) if first is not None else None
            named_kind = (
                kind and split is not None and tx.is_term_name(split[0]) and len(tx.words(split[0])) <= 5
            )
            named_kind = named_kind or (
                split is not None
                and first is not None
                and first.text[len(split[0]) :].lstrip().startswith(":")  # "Elemental ions: ...", not "A = B"
                and _kind_of(owner.term, split[0], split[1])
            )
            # "- Principle of Least Privilege = best practice" under IAM: a long name set equal to what
            # it is, no expansion of the entry's name ("Elastic Compute Cloud = virtual servers" under EC2)
            equated = (
                split is not None
                and first is not None
                and first.text[len(split[0]) :].lstrip().startswith("=")
                and _capitalised_words(split[0])
                and len(tx.words(split[0])) >= 3
                and not _initials_of(owner.term, split[0])
            )
            if split is not None and (
                _defines(split[1]) or _bold_term(first, split[0]) or named_kind or equated
            ):
                entry = self.define(split[0], split[1], item.line)
                entry.add("see_also", owner.term)
                self.current = owner
                if named_kind:
                    self.detail_blocks(item.children, entry)
                    return
            if _KINDS_LABEL.match(item.text):
                for block in item.children:
                    if isinstance(block, ListBlock):
                        for child in block.items:
                            self.detail_item(child, owner, kind=True)
                    else:
                        self.detail_blocks([block], owner)
                return
        self.detail_blocks(item.children, owner)

    def named_in_point(self, item: ListItem, owner: DraftEntry) -> None:
        """A bold name a point of ``owner`` gives after ``called`` / ``known as`` (``- Box is called
        **Interquartile Range**``): a term the point names; its sentence is a point of it, read as its
        meaning (flagged) when the notes define it nowhere else."""
        if len(item.lines) != 1:
            return
        line = item.lines[0]
        plain = _CALLED_AT_END.search(line.text)
        if plain is not None and not line.marked:
            name, kind = plain.group("name"), plain.group("kind")
            if (
                tx.is_term_name(name)
                and self.find(name) is None
                and tx.sentence(f"{name} is {kind}") is not None
            ):
                # "- contain a tough protein called keratin": the point names a term and says what kind
                # of thing it is, the nearest to a meaning the notes give (flagged)
                entry = self.entry_named(name, item.line)
                self.set_definition(entry, tx.capitalize(kind), f'taken from "{_short(line.text)}"')
                entry.add("see_also", owner.term)
                self.current = owner
        for run in line.marked:
            if not tx.is_term_name(run) or len(tx.words(run)) > 4 or self.find(run) is not None:
                continue
            said = _sentence_naming(run, line.text)
            if said is None:
                continue
            # named, not defined: a definition written later takes its place; else the point is read as one
            entry = self.entry_named(run, item.line)
            entry.add("details", tx.capitalize(said), f'the point names "{run}" without defining it')
            entry.add("see_also", owner.term)
            self.current = owner

    def named_part(self, item: ListItem, owner: DraftEntry) -> bool:
        """``Lithification`` over ``Turning sediments back to rock`` among an entry's points: a name (no
        label, no sentence) whose only nested point explains it is a term of its own, related to
        ``owner``. Whether the item was read so."""
        nested = [block for block in item.children if isinstance(block, ListBlock)]
        if len(nested) != 1 or len(item.children) != 1 or len(nested[0].items) != 1:
            return False
        kid = nested[0].items[0]
        text = item.text.strip()
        if (
            not _is_outline_item(item, caseless=self.caseless)
            or not tx.is_term_name(text)
            or len(tx.words(text)) > 3
            or tx.label(text) is not None
            or " ".join(text.rstrip(":").casefold().split()) in properties.SAYS_WHAT
            or (len(tx.words(text)) == 1 and tx.singular(text) != text)  # "Moves": a heading of points
            or _glossed_term(kid) is not None
            or _glossed_series(kid.text) is not None
            or kid.children
            or len(tx.words(kid.text)) < 3
            or tx.pair(kid.text, kid.lines[0].lead if kid.lines else "") is not None
            or tx.label(kid.text) is not None
        ):
            return False
        owner.add("details", text)
        made = self.entry_named(text, item.line)
        if not made.definition:
            self.set_definition(made, tx.capitalize(kid.text))
        else:
            made.add("details", kid.text)
        made.add("see_also", owner.term)
        self.current = owner
        return True

    def kinds_outline(self, item: ListItem, owner: DraftEntry) -> bool:
        """``main groups`` (``types``, ``kinds``) over items most of which are terms with their explanation
        nested below: each such item is a kind of ``owner``, a term of its own; the label and any other
        item are details of ``owner``. Whether the item was read so."""
        if not item.text or len(item.lines) != 1 or not _KINDS_LABEL.match(item.text.strip()):
            return False
        nested = [block for block in item.children if isinstance(block, ListBlock)]
        if len(nested) != 1 or len(item.children) != 1:
            return False
        kids = [kid for kid in nested[0].items if kid.text]
        outline = [kid for kid in kids if _is_outline_item(kid, caseless=self.caseless)]
        if len(outline) < 2 or len(outline) * 2 < len(kids):
            return False
        owner.add("details", item.text)
        for kid in nested[0].items:
            if kid not in outline:
                self.detail_item(kid, owner)
                continue
            self.outline_item(kid)
            if self.current is not None and self.current is not owner:
                self.current.add("see_also", owner.term)
        self.current = owner
        return True

    def kinds_item(self, item: ListItem, owner: DraftEntry | None) -> bool:
        """A line that announces a list of ``Name: what it is`` items (``Commonly this is done over the 4
        variables:`` over four items such as ``Geographic: country, region, climate``; ``types of X:``):
        each item is a term of its own, what is nested under it its details; the line itself is a
        detail of ``owner`` (else unplaced). A line that counts nothing (``Pros:``) announces no terms.
        Whether the item was read so."""
        if not item.text or _is_pair_item(item) or tx.label(item.text) is not None:
            return False
        nested = [block for block in item.children if isinstance(block, ListBlock)]
        if len(nested) != 1 or len(item.children) != 1:
            return False
        kinds = [child for child in nested[0].items if child.text]
        named = [_named_kind(child) for child in kinds]
        if len(kinds) < 2 or any(n is None for n in named) or not _announces(item.text, len(kinds)):
            return False
        if owner is not None:
            owner.add("details", item.text)
        else:
            self.unplace(item.line, item.text)
        for child, split in zip(kinds, named, strict=True):
            assert split is not None
            if owner is not None:
                owner.add("details", child.text)  # the kinds stay listed with what they are kinds of
            name = tx.capitalize(split[0]) if split[0].islower() else split[0]
            entry = self.define(name, split[1], child.line)
            if owner is not None:
                entry.add("see_also", owner.term)
            counted = _COUNTED_THINGS.search(item.text.rstrip().rstrip(":"))
            if counted is not None and len(tx.words(name)) == 1 and _QUALIFIER.search(name):
                # "the 4 variables:" over "Demographic: age, ...": a one-word qualifier names a kind of
                # the thing counted ("Demographic variable"), as the notes' reader would ask for it
                self.alias(entry, f"{name} {tx.singular(counted.group('head'))}")
            self.detail_blocks(child.children, entry)
        self.current = owner
        return True

    def blocks(self, blocks: list[Block]) -> None:
        """Read nested blocks in order."""
        for block in blocks:
            self.block(block)

    def detail_blocks(self, blocks: list[Block], owner: DraftEntry) -> None:
        """Nested blocks under an entry's detail: all of it becomes details of ``owner``.

        A heading among them (``1. ### Plant cells`` in a numbered outline) starts a section: it and what
        follows are read as notes of their own.
        """
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                self.blocks(blocks[index:])
                return
            if isinstance(block, Paragraph):
                for line in block.lines:
                    owner.add("details", line.text)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    self.detail_item(item, owner)
            elif isinstance(block, Table):
                for _, cells in block.rows:
                    owner.add("details", _row_text(block.header, cells))
            elif isinstance(block, Verbatim):
                self.verbatim(block, owner)
            else:
                self.block(block)

    # -- tables and verbatim ---------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        """A glossary table (Term | Definition | ...) as entries; any other table as details."""
        if properties.is_property_table(table) and self.property_table(table):
            return
        header = [" ".join(cell.lower().rstrip(":").split()) for cell in table.header]
        term_col = next((i for i, h in enumerate(header) if h in _TERM_HEADERS), None)
        def_col = next((i for i, h in enumerate(header) if h in _DEFINITION_HEADERS), None)
        value_header = ""
        value_check = ""
        if term_col is None and def_col is None:
            if _reads_as_glossary(table):
                term_col, def_col = 0, 1
                if len(table.header) == 2 and _header_is_row(table.header):
                    # "| Anchoring | relying too much on ... |" over "|---|---|": a table written without a
                    # header, whose first row Markdown reads as one
                    table = Table(["", ""], [(table.line, table.header), *table.rows], table.line)
            elif _reads_as_values(table):
                # ``|Quantity|Symbol|`` / ``|Length|`m` (meter)|``: each name's value, labelled by its header
                term_col, def_col = 0, 1
                value_header = table.header[1].strip()
                value_check = f'made from the "{value_header}" column; say what it is'
            elif (columns := _reads_as_lookup(table)) is not None:
                # ``| Port | Use |`` / ``| 22 | SSH |``: the names column is the term, the value defines it
                term_col, def_col = columns
                value_header = table.header[def_col].strip() if def_col < len(table.header) else ""
            elif self.cheat_sheet(table):
                return
        if term_col is None and def_col is not None:
            term_col = next((i for i in range(len(header)) if i != def_col), None)
        if def_col is None and term_col is not None:
            def_col = next(
                (i for i in range(len(header)) if i != term_col and header[i] not in _COLUMN_KINDS), None
            )
        if self.section is not None:
            self.section.fresh = False
        if term_col is None or def_col is None:
            section = self.section
            titled = section is not None and section.is_topic and section.entry is None
            # "## Web" over "| Protocol | Port |": columns under the notes' title describe no term named
            # by the title; with nothing above them the rows are left for the writer to place
            owner = self.current if titled else self.owner()
            for line, cells in table.rows:
                row = _row_text(table.header, cells)
                if owner is not None:
                    owner.add("details", row)
                else:
                    self.unplace(line, row)
                    self.row_lines.add(line)
            return
        for line, cells in table.rows:
            cell = dict(enumerate(cells))
            term = cell.get(term_col, "").strip()
            if not term:
                self.unplace(line, " | ".join(c for c in cells if c))
                continue
            if not cell.get(def_col, "").strip():
                # a row without a definition is its own term, never merged into another one
                written = tx.term_name(term)
                if normalize(written.name) in self.names:
                    self.unplace(line, _row_text(table.header, cells))
                    continue
                entry = self.new_entry(written.name, line)
                for alias in written.aliases:
                    self.alias(entry, alias)
            else:
                value = cell.get(def_col, "")
                if value_check:
                    entry = self.define(term, f"{value_header}: {value}", line, value_check)
                else:
                    entry = self.define(term, f"{value_header} {value}" if value_header else value, line)
            for index, value in cell.items():
                if index in (term_col, def_col) or not value.strip():
                    continue
                name = header[index] if index < len(header) else ""
                kind = _COLUMN_KINDS.get(name)
                if kind is None:
                    title = table.header[index] if index < len(table.header) else ""
                    entry.add("details", f"{title}: {value}" if title else value)
                    continue
                for part in tx.split_names(value):
                    self.add_named(entry, kind, part, line)
        self.current = None
        if self.section is not None and table.rows:
            self.section.grouped = True

    def property_table(self, table: Table) -> bool:
        """The table of a term's properties right under its heading (``### Digoxin`` / ``| **Action** |
        ...``): the heading's entry, defined from the table; whether the table was read so."""
        section = self.section
        if section is not None and section.entry is not None and self.current is section.entry:
            # "### Digoxin" / "A cardiac glycoside." / the table: its rows are the defined entry's details
            self.add_properties(section.entry, properties.read(table, section.entry.term))
            return True
        if section is None or not section.fresh or not self.heading_is_term():
            return False
        term, aliases, details = properties.heading_name(section.name)
        entry = self.names.get(name_id(term)) or self.new_entry(term, section.line)
        section.entry = entry
        section.fresh = False
        for alias in aliases:
            self.alias(entry, alias)
        if term != section.name.name:
            entry.check("term", f'made from the heading "{section.heading}"')
        if section.name.note:
            entry.add("details", tx.capitalize(section.name.note))
        for detail in details:
            entry.add("details", detail)
        # no row says what it is: a class the heading names stands in before the first row does
        self.add_properties(entry, properties.read(table, entry.term, first_as_definition=not details))
        return True

    def add_properties(self, entry: DraftEntry, read: properties.Properties) -> None:
        """A property table's rows into ``entry``: its definition (kept as labelled details when the
        notes defined the entry already), examples and details."""
        if read.definition and not entry.definition:  # the rows that say what it is and does, as written
            self.set_definition(entry, read.definition, read.check)
        else:
            for detail in read.defining:
                entry.add("details", detail)
        for example in read.examples:
            entry.add("examples", example)
        for _line, detail in read.details:
            entry.add("details", detail)
        self.current = entry

    def cheat_sheet(self, table: Table) -> bool:
        """A table whose cells are entries themselves (``AES (Advanced ...) - ...``), read column by column.

        Bold cells (and bold header cells) label the groups below them; a column of short values
        (``Block``, ``Stream``) becomes a detail of the entry in the same row. Whether the table was one.
        """
        body = [
            (r, c, text.strip())
            for r, (_, cells) in enumerate(table.rows)
            for c, text in enumerate(cells)
            if text.strip()
        ]
        entries = [x for x in body if (x[0], x[1]) not in table.labels and _cell_entry(x[2]) is not None]
        if len(entries) < 3 or len(entries) * 5 < len(body) * 2:
            return False
        columns = max(len(cells) for _, cells in table.rows)
        per_column = {c: [x for x in entries if x[1] == c] for c in range(columns)}
        row_entry: dict[int, DraftEntry] = {}
        values: list[tuple[int, int, str]] = []
        for column in range(columns):
            if (-1, column) in table.labels and column < len(table.header) and per_column[column]:
                self.group(table.header[column])
            cells = [
                (r, c, part)
                for r, c, text in body
                if c == column
                for part in _cell_parts(text, (r, c) in table.labels)
            ]
            for r, c, text in cells:
                line = table.rows[r][0]
                if (r, c) in table.labels:
                    self.group(text)
                    continue
                if not per_column[column]:
                    values.append((r, c, text))
                    continue
                parsed = _cell_entry(text)
                if parsed is None:
                    target = row_entry.get(r)
                    if target is not None:
                        target.add("details", text)
                    else:
                        self.unplace(line, text)
                    continue
                written, definition, aliases, details = parsed
                if definition:
                    entry = self.define(written, definition, line)
                else:
                    entry = self.entry_named(written, line)
                    name = tx.term_name(written)
                    if name.aliases and tx.acronym_of(name.name, name.aliases[0]):
                        entry.expansion = entry.expansion or name.aliases[0]
                for alias in aliases:
                    self.alias(entry, alias)
                for detail in details:
                    entry.add("details", detail)
                row_entry.setdefault(r, entry)
        for r, c, text in values:
            target = row_entry.get(r)
            title = table.header[c].strip() if c < len(table.header) else ""
            if target is not None:
                target.add("details", f"{title}: {text}" if title else text)
            else:
                self.unplace(table.rows[r][0], text)
        self.current = None
        self.label_group, self.label_level = "", 0  # a table's labels group its own cells
        return True

    def group(self, label: str) -> None:
        """Record a label that groups entries (a bold table cell): one of the topic's tags."""
        label = tx.strip_term_marks(re.sub(r"\s*[\[(].*$", "", label)).strip()
        self.label_group = label
        self.label_level = self.section.level if self.section is not None else 0
        if label and label not in self.draft.groups:
            self.draft.groups.append(label)

    def verbatim(self, block: Verbatim, owner: DraftEntry | None = None) -> None:
        """Raw HTML: a detail of the entry it sits under, else unplaced. Code: always unplaced."""
        if block.footnote or not block.html:
            # a source reference points elsewhere; code ("def hash(x): ...") is an example to read in the
            # notes, never a term's words, and as a detail it would become quiz text: both are reported
            self.unplace(block.line, block.text)
            return
        text = tag_free(block.text)
        if block.text.lstrip().startswith("<!--"):
            text = block.text.strip()
        if owner is not None and text:
            owner.add("details", text, code=True)
        else:
            self.unplace(block.line, text)


#: A section number before a heading's name: ``1.2 ``, ``3.1.4. ``, ``2. ``, ``4) `` (never ``802.11``).
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:(?:\.\d{1,2})+\.?|[.)])\s+(?=\S)")

#: ``What is the Pilot Installation method?``: a card asking what its subject is.
_WHAT_IS = re.compile(
    r"^(?:what|who)\s+(?:is|are|was|were)\s+(?:(?:a|an|the)\s+)?(?P<name>[^?]+?)\s*\?*$", re.IGNORECASE
)
#: ``What does a sharp do?`` / ``What do tied notes mean?``: a card asking what its subject does.
_WHAT_DOES = re.compile(
    r"^what\s+(?:does|do)\s+(?:(?:a|an|the)\s+)?(?P<name>[^?]+?)\s+(?:do|mean)\s*\?+$", re.IGNORECASE
)
#: ``What does someone probably mean by "concrete" things?``: a card asking what a word is taken to mean.
_MEANT_BY = re.compile(
    r"^(?:generally(?:\s+speaking)?,?\s+|usually,?\s+)?what\s+(?:does|do|is)\s+(?:(?:someone|somebody|one|people"
    r"|a\s+person|(?:an?|the)\s+\w+)\s+)?(?:\w+ly\s+)?(?:mean|meant)\s+by\s+(?:the\s+)?[\"“'‘]?"
    r"(?P<name>[^\"”’'?]+?)[\"”’']?(?:\s+(?:things?|terms?|words?))?\s*\?+$",
    re.IGNORECASE,
)
#: "purpose of status accounting", "formula for a major scale": a lower-case head noun, then "of" /
#: "for" / "about" and what it belongs to.
_OF_SOMETHING = re.compile(r"^[a-z][\w'’ -]*?\s+(?:of|for|about)\s+\S")
#: "note with multiple dots": a name qualified by a phrase after it.
_QUALIFIED = re.compile(r"\s(?:with|of|for|on|in|about|between|when|after|before)\s", re.IGNORECASE)
_ASKS_THE = re.compile(r"^(?:what|who)\s+(?:is|are|was|were)\s+the\s", re.IGNORECASE)
_COMPARED_NAMES = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)


def _compared(asked: str, answer: str) -> list[tuple[str, str]]:
    """``(name, definition)`` of each name a ``A vs B?`` question compares, when its answer gives one
    ``A is ...`` clause per name (split at ``;``, or at a comma before one of the names); else ``[]``."""
    names = _COMPARED_NAMES.split(asked.rstrip("?").strip())
    if len(names) < 2 or not all(tx.is_term_name(n) and len(tx.words(n)) <= 4 for n in names):
        return []
    said = "|".join(sorted({re.escape(w) for n in names for w in tx.words(n)}, key=len, reverse=True))
    clauses = re.split(rf"\s*;\s*|,\s+(?=(?:{said})\b)", answer.rstrip("."), flags=re.IGNORECASE)
    found: list[tuple[str, str]] = []
    for name in names:
        key = name.casefold()
        for clause in clauses:
            told = tx.sentence(clause)
            if told is None or " ".join(told.verb.lower().split()) not in ("is", "are", "means"):
                continue
            subject = told.subject.casefold()
            if subject == key or key.startswith(subject + " ") or key.endswith(" " + subject):
                found.append((tx.capitalize(name) if name.islower() else name, told.definition))
                break
        else:
            return []
    return found


_CHARACTERISTICS = re.compile(r"\b(?:characteristics|features|properties)\b", re.IGNORECASE)
#: Reversed cards: the question describes, the answer names (``Which method is described by ...?``).
_NAMING_QUESTION = re.compile(
    r"^(?:which|what)\b.*\b(?:described|called|known as|named?|term|defined)\b", re.IGNORECASE
)
_YES_NO = frozenset({"yes", "no", "true", "false", "y", "n"})
#: Words that end the noun after a bold term in a question ("**Shareware** copyright licence covered by").
_NOT_NOUNS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "by",
        "for",
        "of",
        "in",
        "on",
        "to",
        "under",
        "as",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "with",
        "without",
        "from",
        "at",
        "than",
        "suited",
        "described",
        "used",
        "called",
        "known",
        "covered",
        "protected",
        "allowed",
    ]
)


def _stems(text: str) -> set[str]:
    """The words of ``text`` (three letters or more) lower-cased, singular and cut to six letters, so that
    word forms meet ("specialised" and "Specialisation"), to tell whether a text names a term."""
    return {tx.singular(word.lower())[:6] for word in re.findall(r"[^\W_]{3,}", text)}


def _kind_after(asked: str, subject: str) -> str:
    """The 1-2 lower-case nouns after ``subject`` in a question when an article comes before it
    (``development approach`` in "the Agile development approach?"), "" when none or when more words
    follow than a name holds."""
    at = asked.find(subject)
    if at < 0 or not re.search(r"\b(?:a|an|the)\s+$", asked[:at], re.IGNORECASE):
        return ""  # "Does **Mulching** keep ...": without an article, a verb may follow, not a noun
    nouns: list[str] = []
    for word in asked[at + len(subject) :].split():
        bare = word.rstrip("?.,;:!")
        if not bare.isalpha() or not bare.islower() or bare in _NOT_NOUNS or bare.endswith("ed"):
            break
        nouns.append(bare)
        if bare != word:
            break
    return " ".join(nouns) if 1 <= len(nouns) <= 2 else ""


def _joined(parts: list[str]) -> str:
    """Answer lines as one text: ``Fast; Iterative; Small team`` (a single line as written)."""
    if len(parts) == 1:
        return parts[0]
    return "; ".join(part.rstrip(" .;") for part in parts) + "."


def _named_answer(card: srcards.Card) -> str | None:
    """The name a reversed card answers with (``Pilot``), or None."""
    answers = card.answers
    if len(answers) != 1:
        return None
    name = answers[0].strip()
    if name.casefold() in _YES_NO or not tx.is_term_name(name) or len(tx.words(name)) > 4:
        return None
    if name.casefold() in " ".join(card.question).casefold():
        return None
    return name if card.reversed or _NAMING_QUESTION.match(card.asked) else None


def _first_line(block: Block) -> int | None:
    """The source line a block starts on (None when it has no line)."""
    if isinstance(block, Heading | Table | Verbatim | Break):
        return block.line
    if isinstance(block, Paragraph):
        return block.lines[0].line if block.lines else None
    return block.items[0].line if block.items else None


def _kind_of(parent: str, name: str, explanation: str) -> bool:
    """Whether a nested ``name: explanation`` names a kind of ``parent`` (``Elemental ions: ions that
    are elements`` under ``ion``): a name of two words or more ending in the parent's head noun, or
    explained by it. ``Negative: pollution`` under ``Externality`` is a detail."""
    words, head = tx.words(name), tx.words(parent)
    if len(words) < 2 or len(words) > 5 or not head or not tx.is_term_name(name):
        return False
    noun = tx.singular(head[-1]).casefold()
    return tx.singular(words[-1]).casefold() == noun or any(
        tx.singular(w).casefold() == noun for w in tx.words(explanation)[:3]
    )


def _header_is_row(header: list[str]) -> bool:
    """Whether a two-column table's header cells are a term and its explanation, not column titles: the
    second reads as prose (lower-case start, a full stop, or five words or more)."""
    name, said = header[0].strip(), header[1].strip()
    return (
        tx.is_term_name(name)
        and len(tx.words(name)) <= 6
        and len(tx.words(said)) >= 3
        and (said[:1].islower() or said.endswith(".") or len(tx.words(said)) >= 5)
    )


def _reads_as_glossary(table: Table) -> bool:
    """Whether a table with unknown headers reads as names in its first column, explanations in its second."""
    headless = not any(cell.strip() for cell in table.header)  # "| | |": a table without a header
    if len(table.header) < 2 or len(table.rows) < (1 if headless else 2):
        return False
    firsts = [cells[0] if cells else "" for _, cells in table.rows]
    seconds = [cells[1] if len(cells) > 1 else "" for _, cells in table.rows]
    names = sum(1 for text in firsts if text and len(tx.words(text)) <= 6)
    explained = sum(1 for text in seconds if len(tx.words(text)) >= 3)
    return names == len(firsts) and explained * 3 >= len(seconds) * 2


#: Headers of a column that gives each name one short value (its symbol, unit, formula ...).
_VALUE_HEADERS = frozenset(
    {"symbol", "symbols", "unit", "units", "si unit", "si units", "formula", "equation", "abbreviation"}
)


def _reads_as_values(table: Table) -> bool:
    """Whether a two-column table pairs names with a labelled short value (``|Length|`m` (meter)|``)."""
    if len(table.header) != 2 or len(table.rows) < 2:
        return False
    if " ".join(table.header[1].lower().split()) not in _VALUE_HEADERS:
        return False
    rows = [[*cells, "", ""][:2] for _, cells in table.rows]
    return all(tx.is_term_name(row[0]) and 0 < len(tx.words(row[1])) <= 6 for row in rows)


def _reads_as_lookup(table: Table) -> tuple[int, int] | None:
    """``(names column, values column)`` of a two-column table of names and numbers (a port table)."""
    if len(table.header) != 2 or len(table.rows) < 3:
        return None
    rows = [[*cells, "", ""][:2] for _, cells in table.rows]
    for names, values in ((1, 0), (0, 1)):
        if all(tx.is_name(row[names]) for row in rows) and all(
            any(ch.isdigit() for ch in row[values]) and len(tx.words(row[values])) <= 3 for row in rows
        ):
            return names, values
    return None


_CELL_PAREN = re.compile(
    r"^(?P<name>[^\s()\[\]:;,]{1,30}(?:\s[^\s()\[\]:;,]{1,30}){0,4}?)\s*\((?P<inner>[^()]{1,90})\)"
    r"\s*(?P<rest>.*)$"
)
_CELL_OR = re.compile(r"^(?P<name>[^\s,]{1,30}),\s+or\s+(?P<alias>[^,]{2,80}),\s+(?:is|are)\s+(?P<rest>.+)$")
_CELL_DOT = re.compile(r"^(?P<name>[A-Z0-9][\w\-/.]{0,20}?)\.\s+(?P<rest>[A-Z].*)$")
_LEADING_BRACKET = re.compile(r"^\[(?P<alias>[^\[\]]{1,40})\]\s*")
_LEADING_PAREN = re.compile(r"^\((?P<detail>[^()]{1,60})\)\s*")


def _cell_parts(text: str, label: bool) -> list[str]:
    """A cell's text, split at ``;`` when every part holds an entry (``PGP (...) - ...; GPG(...): ...``)."""
    parts = [part.strip() for part in text.split(";") if part.strip()]
    if label or len(parts) < 2 or not all(_cell_entry(part) is not None for part in parts):
        return [text]
    return parts


def _cell_entry(text: str) -> tuple[str, str, list[str], list[str]] | None:
    """A cheat-sheet cell as ``(term as written, definition, more aliases, details)``, if it holds one.

    ``CBC (Cipher Block Chaining) - Symmetric, uses IV``, ``AES (Advanced Encryption Standard) [Rijndael]
    (128 bits) Used by WPA2``, ``BIA (Business Impact Analysis)``, ``E0. Used by BlueTooth``.
    """
    text = text.strip()
    split = tx.pair(text)
    if split is not None and tx.is_term_name(tx.term_name(split[0]).name):
        return split[0], split[1], [], []
    match = _CELL_OR.match(text)
    if match and tx.is_term_name(match.group("name")):
        return match.group("name"), tx.capitalize(match.group("rest")), [match.group("alias")], []
    match = _CELL_PAREN.match(text)
    if match:
        rest = match.group("rest").strip()
        aliases: list[str] = []
        details: list[str] = []
        while True:
            if found := _LEADING_BRACKET.match(rest):
                aliases.append(found.group("alias").strip())
            elif found := _LEADING_PAREN.match(rest):
                details.append(found.group("detail").strip())
            else:
                break
            rest = rest[found.end() :]
        rest = re.sub(r"^(?:-{1,2}|–|—|:)\s*", "", rest.strip())
        written = f"{match.group('name')} ({match.group('inner')})"
        if tx.is_term_name(match.group("name")):
            return written, tx.capitalize(rest), aliases, details
    match = _CELL_DOT.match(text)
    if match and any(ch.isupper() or ch.isdigit() for ch in match.group("name")):
        return match.group("name"), match.group("rest"), [], []
    return None


_ASKED_TERM = re.compile(
    r"^(?:what|who)\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?(?P<term>[^?]{1,60}?)\s*\??$", re.IGNORECASE
)
_LOWER_DASH_PAIR = re.compile(r"^(?P<term>[a-z][\w/ ]{0,30}?)\s+-\s+(?P<rest>\S.*)$")


def _pair_line(line: Line) -> bool:
    return tx.pair(line.text, line.lead) is not None or _lower_dash_pair(line.text) is not None


def _colon_pair(line: Line) -> tuple[str, str] | None:
    """``(term, explanation)`` of a ``term: explanation`` line whose term is a short name (one to four
    words, any case) and whose explanation is three words or more; else None."""
    split = tx.pair(line.text, line.lead, loose=True)
    if split is None or not line.text[len(split[0]) :].lstrip().startswith(":"):
        return None
    name, rest = split
    if not 1 <= len(tx.words(name)) <= 4 or not tx.is_term_name(name) or tx.label(line.text) is not None:
        return None
    return split if len(tx.words(rest)) >= 3 else None


def _opens_glossary(lines: list[Line]) -> bool:
    """Whether a paragraph is term lines from its first (two at least, or all of one or two)."""
    head = lines[:3]
    return all(_pair_line(line) for line in head) and (len(head) >= 2 or len(lines) == 1)


def _lower_dash_pair(text: str) -> tuple[str, str] | None:
    """``trait - a collection of ...``: a lower-case term of four words at most opening a paragraph."""
    match = _LOWER_DASH_PAIR.match(text)
    named = [word for word in tx.words(match.group("term")) if word.isalnum()] if match else []
    if match is None or len(named) > 4 or len(tx.words(match.group("rest"))) < 3:
        return None
    term = match.group("term").strip()
    return (term, tx.capitalize(match.group("rest"))) if tx.is_term_name(term) else None


#: ``[[Note]]``, ``[[Note|shown]]``, ``[[Note#Part]]``: an Obsidian link; the note it links to.
_WIKI_LINK = re.compile(r"\[\[(?P<target>[^\]|#]*)(?:[#|][^\]]*)?\]\]")
#: ``Packages proteins. Related: [[Vesicle]], [[ER]]``: links labelled after a sentence, in its line.
_TRAILING_LINKS = re.compile(
    r"^(?P<head>.*?[.!?])\s+(?P<tail>(?:see\s+also|related(?:\s+terms)?)\s*:\s*"
    r"\[\[[^\]]+\]\](?:\s*,\s*\[\[[^\]]+\]\])*\s*)$",
    re.IGNORECASE,
)


def _links_apart(line: Line) -> list[Line]:
    """``line``, or its sentence and the labelled links after it as two lines (``Packages proteins.``
    and ``Related: [[Vesicle]]``): the links are no part of the sentence, nor a term it defines."""
    found = _TRAILING_LINKS.match(line.text)
    if found is None:
        return [line]
    return [
        Line(found.group("head"), line.line, line.bold, line.lead, line.marked),
        Line(found.group("tail"), line.line),
    ]


_ABOUT_THE_NOTES = re.compile(
    r"^(?:(?:this|these|here)\s+(?:is|are)\s+(?:a|an|the|my|some)?\s*(?:page|pages|notes?|list|file|document|"
    r"collection|place|summary|glossary)\b"
    # "This cheatsheet is to be used as a reference", "These notes cover ...": the notes speak of themselves
    r"|(?:this|these)\s+(?:page|pages|notes?|list|file|document|cheat\s?sheets?|summary|guide|study\s+guide"
    r"|glossary|collection|deck|sheet)\s+(?:is|are|was|were|has|have|will|can|should|may|covers?|contains?"
    r"|includes?|lists?|gives?)\b"
    # "This repo contains my notes", "Welcome to your heart guide", "Notes and key concepts from my study":
    # a repository's or a guide's introduction, also about the notes
    r"|(?:this|these)\s+(?:repo|repository|wiki|site|workbook|handout|section)\b"
    r"|(?:welcome|hello|hi)\b"
    r"|(?:my\s+)?(?:personal\s+)?(?:notes|summaries)\b[^.!?]{0,40}?\b(?:from|for|on)\s+my\b)",
    re.IGNORECASE,
)
#: A line that stops on a word that needs more after it ("Pair with", "Used for the"): it leads on.
_DANGLING = re.compile(
    r"\s(?:with|to|for|of|and|or|from|the|a|an|into|about|than|including)\s*$", re.IGNORECASE
)
_DATE_LINE = re.compile(r"^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$")
#: A fact written under a term with a double dash or a dash without a space ("-- Leader: Lenin").
_FACT_LINE = re.compile(r"^(?:-{2,}|[–—])\s*(?=\S)")
_OPEN_TERM = re.compile(r"^(?P<term>\S.{0,80}?)\s+(?:-{1,2}|–|—)$")


#: ``3 Organs specific to ...``, ``There are two types of lymphocytes``: a count of what a list names.
_COUNTED_LABEL = re.compile(
    r"^(?:there\s+are\s+|the\s+)?(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<kind>[^\W\d_][^.!?]*)$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
#: ``- 2 Types:`` / ``- Kinds:`` over the kinds of the entry above, each ``Name: explanation``.
_KINDS_LABEL = re.compile(
    r"^(?:(?:\d{1,2}|two|three|four|five|six)\s+)?(?:main\s+)?(?:types?|kinds?|forms?|classes|categories|"
    r"varieties|subtypes|groups)\s*:?$",
    re.IGNORECASE,
)
#: ``types``, ``main groups``, ``composition``, ``functions``: a bullet that says what the bullets under
#: it are (of the term above), never a term itself.
_ASPECT_LABEL = re.compile(
    r"^(?:(?:main|key|other|major|basic)\s+)?(?:types|kinds|forms|classes|categories|groups|varieties|subtypes"
    r"|components|composition|constituents|parts|functions|roles|properties|characteristics|features"
    r"|examples|advantages|disadvantages|pros|cons|uses|applications|causes|effects|symptoms"
    r"|stages|steps|phases)\s*:?$",
    re.IGNORECASE,
)
#: ``bones of a skeleton also contain``: a line that ends announcing the items below it.
_ANNOUNCING_END = re.compile(
    r"\b(?:contains?|includes?|consists?\s+of|comprises?|is\s+made\s+of|are\s+made\s+of|such\s+as)\s*:?$",
    re.IGNORECASE,
)
_COUNTED_KINDS = re.compile(
    r"^(?:\d{1,2}|two|three|four|five|six|several|many|main|some)\s+(?:main\s+)?"
    r"(?:types?|kinds?|forms?|classes|parts|ways|examples|stages|steps|groups|categories)\b",
    re.IGNORECASE,
)


def _short_name(item: ListItem) -> bool:
    """Whether a list item only names something: one line of one word, nothing nested under it."""
    text = item.text
    return (
        len(item.lines) == 1
        and not item.children
        and len(tx.words(text)) == 1
        and text[-1:] not in ".:;!?"
        and tx.pair(text, item.lines[0].lead) is None
        and "(" not in text
    )


def _written_in_lower_case(blocks: list[Block]) -> bool:
    """Whether the notes' headings and list items are written in lower case: at least ten of them start
    with a letter and nine in ten of those with a lower-case one (a learner's outline), so a lower-case
    start says nothing about whether a line names a term."""
    starts: list[bool] = []

    def walk(found: list[Block]) -> None:
        for block in found:
            if isinstance(block, Heading):
                texts = [block.text]
            elif isinstance(block, ListBlock):
                texts = [item.text for item in block.items]
                for item in block.items:
                    walk(item.children)
            else:
                continue
            starts.extend(text[0].islower() for text in texts if text[:1].isalpha())

    walk(blocks)
    return len(starts) >= 10 and sum(starts) * 10 >= len(starts) * 9


def _is_outline_item(item: ListItem, *, caseless: bool = False) -> bool:
    """Whether a list item is a term line with its explanation nested below it (``caseless``: the notes
    are written in lower case, so a lower-case line may be a term)."""
    if len(item.lines) != 1 or not any(isinstance(block, ListBlock) for block in item.children):
        return False
    first = item.lines[0]
    text = first.text
    if text.endswith(":") and not text.endswith("::"):  # "- Monocytes:" over its nested properties
        text = text[:-1].strip()
        if (
            tx.label(first.text) is not None
            or tx.is_type_label(text)
            or tx.is_grouping_label(text)
            or _COUNTED_KINDS.match(text)
        ):
            return False  # "- Examples:", "- 2 Types:": a label over what it counts, no term
    if _ASPECT_LABEL.match(text) or _COUNTED_KINDS.match(text) or _ANNOUNCING_END.search(text):
        # "- types", "- main groups", "- composition" (colon or none), "- bones also contain": a label
        # over its items, no term
        return False
    return (
        tx.is_term_like(text, bold=first.bold, caseless=caseless) and tx.pair(first.text, first.lead) is None
    )


#: How many words a remark beside an outline's terms has at least (``there are 206 bones in an adult``).
_REMARK_WORDS = 6
#: ``... a tough, resistant protein called keratin``: a kind (after "a"/"an", five words at most) and the
#: one- or two-word lower-case name the line ends with.
_CALLED_AT_END = re.compile(
    r"\b(?P<kind>(?:a|an)\s+[a-z][\w,\- ]{2,60}?)\s+called\s+"
    r"(?!(?:a|an|the)\s)(?P<name>[a-z][a-z\-]{2,30}(?:\s[a-z][a-z\-]{2,30})?)\.?$"
)
#: ``Getting it back out. Examples:``: a definition ending in a label for the list below it.
_TRAILING_LABEL = re.compile(r"^(?P<text>.+[.!?;])\s+(?P<label>[A-Za-z][\w. ]{0,20}:)$")
#: ``known as``, ``called``, ``referred to as``, ``termed``: what comes before names the bold term after it.
_NAMING_BEFORE = re.compile(
    r"\b(?:known\s+as|called|referred\s+to\s+as|termed)(?:\s+(?:a|an|the))?\s*$", re.IGNORECASE
)


def _sentence_naming(run: str, text: str) -> str | None:
    """The sentence of ``text`` in which ``run`` follows ``known as`` / ``called`` (the sentence names
    it, explained by what comes before), or None."""
    for said in re.split(r"(?<=[.!?])\s+", text):
        at = said.find(run)
        if at <= 0 or not _NAMING_BEFORE.search(said[:at]) or len(tx.words(said)) < 6:
            continue
        if re.match(r"\W*\s*(?:is|are|was|were|has|have|had)\b", said[at + len(run) :], re.IGNORECASE):
            return (
                None  # "those dinosaurs known as **mainframes** were the only ...": said of them, in passing
            )
        return said
    return None


def _members(entry: DraftEntry, entries: list[DraftEntry]) -> bool:
    """Whether an entry with no definition names a kind of a thing the notes define (``Perfect
    intervals`` where other entries name an ``interval``) over two to eight short names of its members,
    and nothing else (no details). ``Key figures`` over three names names no kind of anything defined."""
    names = [e.text for e in entry.examples]
    written = tx.words(entry.term)
    if not (2 <= len(names) <= 8 and not entry.details and len(written) >= 2 and written[-1][-1:] == "s"):
        return False
    head = tx.singular(written[-1]).casefold()
    elsewhere = any(
        head in (w.casefold() for w in tx.words(other.term)) for other in entries if other is not entry
    )
    defined = {name_id(name) for other in entries if other is not entry for name in other.names()}
    if sum(name_id(n) in defined for n in names) * 2 >= len(names):
        # "## Formal Elements" over "- Line" / "- Shape" / "- Color" / "- Texture", each a heading of its
        # own below: a table of contents, which defines the heading no more than any other
        return False
    return elsewhere and all(len(tx.words(n)) <= 3 and tx.is_term_name(n) for n in names)


def _labels_over_pairs(items: list[ListItem]) -> bool:
    """Whether ``items`` are labels (a short name, nothing explained) whose nested items end in
    ``Name - explanation`` pairs only, three or more (two read as a term's sides), under labels again
    or not (``Health programs`` over ``Medicare - health insurance for the elderly``)."""
    leaves: list[ListItem] = []

    def labelled(item: ListItem) -> bool:
        nested = [sub for block in item.children if isinstance(block, ListBlock) for sub in block.items]
        if not nested or len(nested) != sum(len(b.items) for b in item.children if isinstance(b, ListBlock)):
            return False
        if len(item.children) != sum(1 for b in item.children if isinstance(b, ListBlock)):
            return False  # text of its own under the label: it is explained, no mere label
        label = item.text.rstrip(":").strip()
        if _is_pair_item(item) or len(tx.words(label)) > 8 or label.endswith(".") or tx.sentence(label):
            return False
        for sub in nested:
            if any(isinstance(b, ListBlock) for b in sub.children):
                if not labelled(sub):
                    return False
            else:
                leaves.append(sub)
        return True

    return (
        bool(items)
        and all(labelled(item) for item in items)
        and (len(leaves) >= 3 and all(_is_pair_item(leaf) for leaf in leaves))
    )


def _is_stub(item: ListItem) -> bool:
    """Whether a list item is a name with a colon and nothing after or below it (``- T cells:``)."""
    text = item.text
    return (
        not item.children
        and len(item.lines) == 1
        and text.endswith(":")
        and tx.label(text) is None
        and tx.is_term_name(text[:-1].strip())
        and not _COUNTED_KINDS.match(text[:-1].strip())
    )


def _bold_label(text: str) -> bool:
    """``World Wars:``: a short name ending in a colon (a label, or a term whose explanation follows)."""
    name = text.rstrip(":").strip()
    return text.endswith(":") and not text.endswith("::") and tx.is_term_like(name, bold=True)


def _about_others(label: str, items: list[ListItem]) -> bool:
    """Whether most ``items`` are sentences about subjects other than ``label`` (two at least)."""
    own = normalize(tx.term_name(label).name)
    others = 0
    for item in items:
        said = tx.statement(item.text) or tx.sentence(item.text)
        if said is not None and normalize(said.subject) != own and len(tx.words(said.rest)) >= 1:
            others += 1
    return others >= 2 and others * 2 >= len(items)


def _is_fact_item(item: ListItem) -> bool:
    """``- **Term (year):**`` followed by ``-- Key: fact`` lines."""
    return len(item.lines) > 1 and all(_FACT_LINE.match(line.text) for line in item.lines[1:])


#: How many words outside brackets an explanation has at least to describe rather than name a value.
_DESCRIPTION_WORDS = 4


def _describes_at_length(text: str) -> bool:
    """Whether ``text`` says what something is at some length (four words or more outside brackets)."""
    return len(re.sub(r"\([^()]*\)", " ", text).split()) >= _DESCRIPTION_WORDS


def _asked_pairs(item: ListItem) -> ListBlock | None:
    """The list of two or more ``Name: explanation`` points (most of them) a question item holds, or None
    when the item is no such question."""
    if not item.text.rstrip().endswith("?") or len(item.children) != 1:
        return None
    listed = item.children[0]
    while isinstance(listed, ListBlock) and len(listed.items) == 1 and not listed.items[0].lines:
        kids = listed.items[0].children  # "- 1. Name: ...": a bullet that only holds the numbered list
        if len(kids) != 1:
            return None
        listed = kids[0]
    if not isinstance(listed, ListBlock) or len(listed.items) < 2:
        return None
    pairs = sum(1 for point in listed.items if _is_pair_item(point))
    return listed if pairs * 2 > len(listed.items) else None


def _is_pair_item(item: ListItem) -> bool:
    """Whether a list item reads as a term and its explanation."""
    if not item.lines:
        return False
    first = item.lines[0]
    if tx.pair(first.text, first.lead, loose=True) is not None:
        return True
    return (
        len(item.lines) >= 2
        and tx.is_term_like(first.text, bold=first.bold)
        and tx.is_explanation(item.lines[1].text)
    )


#: ``Figure/Ground - The figure is ...``: a name, then a spaced dash and what it is.
_DASHED_TERM = re.compile(r"^[^:]{1,60}?\s(?:-{1,2}|–|—)\s\S")
#: ``in the X basin``, ``on the coast``, ``located near ...``: after "is"/"are", where the subject is (a
#: place or position), a fact about it and no definition.
_WHERE_IT_IS = re.compile(
    r"^(?:(?:located|situated|found|based)\s+)?(?:in|on|at|near|inside|within|beside|between|above|below|under"
    r"|behind|along|across|off)\s",
    re.IGNORECASE,
)
#: ``based on ...``, ``often bundled together``, ``carried out in ...``: a passive description after
#: "is"/"are", no definition.
_PASSIVE = re.compile(
    r"^(?:\w+\s+)?\w+ed\s+(?:(?:out|up|down|off|away|back)\s+)?(?:on|by|with|together|from|into|in|to|for)\b",
    re.IGNORECASE,
)


#: ``The tactile quality of a surface ... is a texture.``: a description of five words or more that
#: opens with an article, then "is a"/"is an" and the one or two lower-case words it describes.
_REVERSED = re.compile(
    r"^(?P<what>(?:the|a|an)\s+[^.;:!?]{10,}?)\s+(?:is|are)\s+(?:called\s+)?(?:a|an)\s+"
    r"(?P<name>[a-z][\w-]{2,}(?:\s[a-z][\w-]{2,})?)\s*\.?$",
    re.IGNORECASE,
)
#: Words that lean on the text before them: a description holding one describes nothing by itself.
_LEANING = frozenset({"it", "this", "these", "those", "they", "he", "she", "we", "you"})
#: How many words the description of a reversed definition has at least.
_REVERSED_WORDS = 5


def _reversed_definition(text: str) -> tx.Sentence | None:
    """``The smallest unit of life is a cell.`` read as a statement about its last words (``cell`` is
    "The smallest unit of life"), or None: a description of five words or more, with no pronoun, then
    "is a" and a name of one or two lower-case words that is no pronoun or quantity word."""
    found = _REVERSED.match(text.strip())
    if found is None:
        return None
    what, name = found.group("what"), found.group("name")
    if len(tx.words(what)) < _REVERSED_WORDS or any(w.lower() in _LEANING for w in tx.words(what)):
        return None  # "The reason for this is a ...": leans on the text before it
    if not tx.is_term_name(name) or any(w.lower() in tx.PRONOUNS for w in tx.words(name)):
        return None
    return tx.Sentence(name, "is", what, had_article=True, article="a")


def _stated(item: ListItem) -> tx.Sentence | None:
    """The statement a list item makes about a term: ``The nucleus controls ...``, ``X is a ...``.

    ``Positions are based on ...`` and ``The point of positioning is to be ...`` say something about
    their subject without saying what it is, and so does ``X is that ...`` (a remark, ``An interesting
    aspect of pattern is that the viewer ...``): no statement of a term, unless the subject is the item's
    emphasised opening (``*Repositioning* is changing ...``); ``A vacuole is filled with ...`` names a
    term with its article, and stays one. ``The tactile quality of a surface is a texture`` says what
    its last words name, the other way round: a statement about ``texture``.
    """
    turned = _reversed_definition(item.text)
    if turned is not None:
        return turned
    said = tx.statement(item.text)
    if said is None or said.verb.lower() not in tx.BE_VERBS or said.defines:
        return said
    lead = item.lines[0].lead if item.lines else ""
    if lead and normalize(lead) == normalize(said.subject):
        return said
    if said.rest.lower().startswith(("to ", "that ")) or (
        said.article not in ("a", "an") and _PASSIVE.match(said.rest)
    ):
        return None
    if _WHERE_IT_IS.match(said.rest):
        return None  # "Waterloo is in the X basin": where the subject is, never what it is
    return said


#: ``4Ps (product, price, place, promotion)``: a counted name and the words it counts.
_COINED = re.compile(r"\b(?P<name>(?P<count>[2-9])\s?(?P<letter>[A-Z])'?s)\s*\((?P<parts>[^()]{3,120})\)")
#: ``3 central topics to economics``: a heading that counts the parts of the notes below it.
_COUNTED_PARTS = re.compile(
    r"^(?P<count>\d{1,2}|two|three|four|five|six)\s+(?:\w+\s+)?(?:topics|parts|areas|themes|units)\b",
    re.IGNORECASE,
)
#: ``How to examine the consequences (Act consequentialism)``: words, then a name in brackets.
_TRAILING_NAME = re.compile(r"^(?P<what>[^()]+?)\s*\((?P<name>[^()]+)\)$")
#: ``Difference between X and Y``: a comparison of terms, never a term.
_COMPARES = re.compile(r"\bbetween\s+\S.*\s(?:and|&)\s+\S", re.IGNORECASE)
#: What joins the sides of ``Higher happiness vs lower happiness``, ``either A or B``.
_SIDE_JOIN = re.compile(r"\s+(?:vs\.?|versus|or)\s+", re.IGNORECASE)


def _sides(text: str) -> list[str] | None:
    """The sides of ``Higher happiness vs lower happiness`` / ``either expansionary or contractionary``
    (each one to four words), or None."""
    text = re.sub(r"^either\s+", "", text.strip().rstrip(":").strip(), flags=re.IGNORECASE)
    sides = [side.strip() for side in _SIDE_JOIN.split(text)]
    if len(sides) < 2 or not all(1 <= len(tx.words(side)) <= 4 and tx.is_term_name(side) for side in sides):
        return None
    return sides


def _lowered(term: str) -> str:
    """``Egoism`` -> ``egoism`` to follow a qualifier; a name with capitals inside (``IS-LM``) as it is."""
    return term if any(ch.isupper() for ch in term[1:]) else term.lower()


#: Words of degree and negation that open a quality said of something, never a name.
_DEGREE_WORDS = frozenset(
    {"more", "less", "most", "least", "very", "too", "not", "no", "much", "many", "few"}
)
#: ``measured @unemployment rate (share of workers without jobs)``: shorthand whose ``@`` (for "by",
#: "at") puts a name and its gloss at the end of the line.
_AT_GLOSSED = re.compile(r"^[^@()]*\s@(?P<name>[a-z][\w\- ]{2,40}?)\s*\((?P<gloss>[^()]{2,160})\)$")


#: ``through quantitative easing (purchase of government bonds ...)``: the means by which something is
#: done, named and glossed (a shorthand mark such as ``%`` may stand before it).
_MEANS_GLOSSED = re.compile(
    r"^[^\w\s(]{0,2}\s*(?:through|via|using)\s+(?P<name>[a-z][\w\- ]{2,40}?)\s*\((?P<gloss>[^()]{2,160})\)$"
)


def _glossed_term(item: ListItem) -> tuple[str, str] | None:
    """``(name, gloss)`` of an item that is only a short lower-case name and its gloss in brackets
    (``business cycle (short-run fluctuations in the national income)``), or that ends with one after
    a shorthand ``@`` (``measured @unemployment rate (share of workers without jobs)``) or after
    ``through``/``via``/``using`` (``%through quantitative easing (purchase of bonds ...)``); or None."""
    if len(item.lines) != 1 or item.children:
        return None
    for pattern in (_MEANS_GLOSSED, _GLOSSED, _AT_GLOSSED):
        match = pattern.match(item.text.strip())
        named = _glossed_name(match) if match is not None else None
        if named is not None:
            return named
    return None


def _translated(name: str, gloss: str) -> bool:
    """Whether ``gloss`` gives ``name`` in another language: the name is written in plain Latin letters,
    the gloss has letters outside them (``động lượng``, ``красный костный мозг``, ``力矩``)."""
    return name.isascii() and any(ch.isalpha() and not ch.isascii() for ch in gloss)


def _glossed_name(match: re.Match[str]) -> tuple[str, str] | None:
    """The ``(name, gloss)`` of a match of ``_GLOSSED``/``_AT_GLOSSED`` when it is a short lower-case name
    and a gloss of three words or more (``eg ...`` gives examples, no gloss); or None."""
    name, gloss = match.group("name").strip(), match.group("gloss").strip()
    parts = tx.words(name)
    if (
        name[:1].isupper()
        and _translated(name, gloss)
        and len(parts) <= 4
        and tx.is_term_name(name)
        and tx.sentence(name) is None
    ):
        # "Linear momentum (động lượng)": a name written as a glossary writes it, glossed in the reader's
        # language (a lower-case outline's "radius (лучевая)" is a part named among others, as before)
        return name, gloss
    if (
        not name.islower()
        or not 1 <= len(parts) <= 3
        or (len(parts) == 1 and match.re is _GLOSSED)  # "- faster (no handshake before sending)": a quality
        or parts[0] in _DEGREE_WORDS  # "more secure (...)": said of the term above, no name
        or not tx.is_term_name(name)
        or tx.sentence(name) is not None
        or len(tx.words(gloss)) < 3
        or re.match(r"(?:e\.?g|i\.?e|eg|ie)\b", gloss, re.IGNORECASE)
        or _lists_members(gloss)
    ):
        return None
    return name, gloss


#: How many words a long name an acronym stands for may have.
_EXPANSION_WORDS = 10


def _capitalised_words(text: str) -> bool:
    """Whether ``text`` is a long name written as one (``Remote Authentication Dial-In User Service``):
    up to ten words, each but the small ones capitalised, no sentence punctuation."""
    parts = tx.words(text)
    return (
        2 <= len(parts) <= _EXPANSION_WORDS
        and text.strip()[-1:] not in ".,;:!?"
        and all(
            word[:1].isupper() or word.casefold() in ("of", "and", "for", "the", "to", "in", "on")
            for word in parts
        )
    )


#: ``, and secondary succession is ...``: a second clause, joined by a comma and "and" (or "while",
#: "whereas"), that names another subject.
_SECOND_CLAUSE = re.compile(
    r",\s+(?:and|while|whereas)\s+(?P<clause>[^,;]{3,}?\s(?:is|are)\s.+)$", re.IGNORECASE
)


def _second_definition(definition: str) -> tuple[str, tx.Sentence | None]:
    """A definition read from ``X is A, and Y is B`` split at its second clause when that clause
    defines another name (``Y is succession that occurs after ...``): the first definition, and the
    second clause as a sentence; else the definition whole and None."""
    found = _SECOND_CLAUSE.search(definition)
    said = tx.sentence(found.group("clause")) if found is not None else None
    if found is None or said is None or not said.defines or not tx.is_term_name(said.subject):
        return definition, None
    if len(tx.words(said.subject)) > 4 or tx.refers_back(said) or tx.hedged(said):
        return definition, None
    return definition[: found.start()].rstrip(" ,") + ".", said


def _opens_with_marked(line: Line) -> bool:
    """Whether ``line`` opens with its first marked run after an article at most (``A **convex lens**
    is ...``): a sentence about that marked name."""
    run = line.marked[0]
    return re.match(rf"^(?:(?:a|an|the)\s+)?{re.escape(run)}\b", line.text, re.IGNORECASE) is not None


def _lists_members(gloss: str) -> bool:
    """Whether a gloss in brackets only names the members of its name, joined by "and" (``fluid tissues
    (blood and lymph)``, ``(sodium, potassium and calcium)``): what the named thing is stays unsaid, so
    the line is no term and its gloss. A gloss of other names with no "and" (``fatty/yellow fraction,
    желтый костный мозг``) gives the name's synonyms and translations, and stays one."""
    return tx.names_only(gloss) and re.search(r"\band\b", gloss, re.IGNORECASE) is not None


def _names_one(text: str) -> bool:
    """Whether an outline item's line names one thing, not a label over its points (``Advantages``,
    ``Uses``, ``Examples``)."""
    parts = tx.words(text)
    return (
        text.casefold() not in _DETAIL_LABELS
        and not (len(parts) == 1 and tx.singular(text) != text)
        and tx.label(text + ":") is None
    )


def _bare_term(item: ListItem) -> bool:
    """``- agent`` over ``+ someone who participates in the economy``: a short bare name (any case)
    whose nested list opens with its explanation."""
    nested = [block for block in item.children if isinstance(block, ListBlock)]
    if len(item.lines) != 1 or len(nested) != 1 or len(item.children) != 1 or not nested[0].items:
        return False
    text = item.text
    parts = tx.words(text)
    return (
        1 <= len(parts) <= 3
        and not (len(parts) == 1 and tx.singular(text) != text)  # "Advantages" over them: a label
        and tx.label(text + ":") is None
        and text[-1:] not in ".!?:;,"
        and tx.is_term_name(text)
        and tx.sentence(text) is None
        and tx.is_explanation(nested[0].items[0].text)
        and not nested[0].items[0].children  # "Drawing both curves" over "Usually ... 3 shifts:" and them
        and not nested[0].items[0].text.endswith(":")
    )


def _heads_details(item: ListItem) -> bool:
    """Whether an item is a one- or two-word heading of the items nested under it (``problems``)."""
    return bool(item.children) and len(tx.words(item.text.rstrip(":"))) <= 2


#: ``types of unemployment:``, ``kinds of X``: a line that names what follows as kinds.
_KINDS_OF = re.compile(r"\b(?:types?|kinds?|sorts?|forms?|categories)\s+of\b", re.IGNORECASE)


def _announces(text: str, count: int) -> bool:
    """Whether ``text`` announces ``count`` things below it: it says that number (``the 4 variables:``,
    ``a five step process``) or that they are kinds (``types of unemployment:``)."""
    if _KINDS_OF.search(text) or _KINDS_LABEL.match(text):
        return True
    said = [int(w) if w.isdigit() else _NUMBER_WORDS.get(w, 0) for w in re.findall(r"\w+", text.lower())]
    return count in said


def _named_kind(item: ListItem) -> tuple[str, str] | None:
    """``(name, explanation)`` of a ``Name: what it is`` list item (a short name, then a colon), or None."""
    if len(item.lines) != 1:
        return None
    first = item.lines[0]
    split = tx.pair(first.text, first.lead, loose=True)
    if split is None or not first.text[len(split[0]) :].lstrip().startswith(":"):
        return None
    name = split[0]
    if not tx.is_term_name(name) or len(tx.words(name)) > 4 or tx.label(first.text) is not None:
        return None
    return name, split[1]


def _bold_term(line: Line | None, term: str) -> bool:
    """Whether a detail line opens with a term in bold (``**DDR3:** twice the rate of DDR2``): a term
    of its own, as opposed to a label (``**Note:**``, ``**Pros:**``) or a plain ``Label: text``."""
    if line is None or not line.lead or tx.label(f"{term}:") is not None:
        return False
    return (
        tx.is_term_name(term)
        and len(tx.words(term)) <= 4
        and not tx.is_structural(term)
        and not tx.is_grouping_label(term)
        and term.casefold() not in _DETAIL_LABELS
    )


def _explained_name(item: ListItem, split: tuple[str, str]) -> bool:
    """Whether a plain ``Name: explanation`` bullet among a term's details is a term of its own: a one-word
    capitalised name (no property like ``64-bit width``), a lower-case explanation of five words or more
    with no figure in it (``Accidental: use a note that is not in the key``)."""
    name, said = split
    written = item.lines[0].text if item.lines else ""
    if (
        2 <= len(tx.words(name)) <= 3
        and written[len(name) :].lstrip(" *_").startswith(":")  # "Name: ...", not "Higher bandwidth = ..."
        and name[:1].isupper()
        and name[1:].islower()
        and _describes_at_length(f"{said} .")
        and tx.sentence(f"X {said}") is None
        and not any(ch.isdigit() for ch in name + said)
        and tx.label(f"{name}:") is None
        and not tx.is_aspect_label(name)
        and name.casefold() not in _DETAIL_LABELS
    ):
        return (
            True  # "Negative feedback: Response reverses stimulus (thermostat)": a kind, named and explained
        )
    return (
        len(tx.words(name)) == 1
        and name[:1].isupper()
        and name[1:].islower()
        and said[:1].islower()
        and len(tx.words(said)) >= 5
        and not any(ch.isdigit() for ch in name + said)
        and tx.label(f"{name}:") is None
        and not tx.is_structural(name)
        and name.casefold() not in _DETAIL_LABELS
    )


#: Bold labels of a term's properties, never terms of their own.
_DETAIL_LABELS = frozenset(
    (
        "pros",
        "cons",
        "advantages",
        "disadvantages",
        "benefits",
        "drawbacks",
        "use",
        "uses",
        "use case",
        "use cases",
        "purpose",
        "function",
        "how it works",
        "why",
        "how",
        "when",
        "where",
        "warning",
        "caution",
        "key point",
        "summary",
        "speed",
        "size",
        "cost",
        "port",
        "ports",
        "layer",
        "protocol",
        "type",
        "types",
    )
)


def _defines(explanation: str) -> bool:
    """Whether an explanation reads as a definition ("occurs when ...", "a ...", "the process ...")."""
    return bool(
        re.match(
            r"^(?:occurs?|happens|is|are|refers?\s+to|means|allows|describes|a|an|the|when|where)\b",
            explanation.strip(),
            re.IGNORECASE,
        )
    )


def _row_text(header: list[str], cells: list[str]) -> str:
    """A table row as one line: ``Header: value; ...``."""
    parts = []
    for index, value in enumerate(cells):
        if not value:
            continue
        title = header[index] if index < len(header) else ""
        parts.append(f"{title}: {value}" if title else value)
    return "; ".join(parts)


def _short(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _entry_text(entry: DraftEntry) -> str:
    """Everything an entry that cannot be kept holds, on one line, so nothing is lost."""
    text = entry.term
    if entry.aliases:
        text += f" ({', '.join(a.text for a in entry.aliases)})"
    text += f": {entry.definition}" if entry.definition else ": no definition in the notes"
    rest = [i.text for key in ("details", "examples") for i in getattr(entry, key)]
    rest += [f"see also: {i.text}" for i in entry.see_also]
    return text + (f" [{'; '.join(rest)}]" if rest else "")


_VERSUS = re.compile(r"^(?P<a>.+?)\s+(?:vs\.?|versus)\s+(?P<b>.+)$", re.IGNORECASE)


#: What joins names in a heading: ``,``, ``&``, ``and``.
#: ``The End of the Cold War``, ``Causes of Inflation``: a part of a thing's story, then the thing.
_PART_OF = re.compile(
    r"^(?:the\s+)?(?:end|start|beginning|history|origins?|causes?|effects?|consequences?|rise|fall|"
    r"spread|aftermath)\s+of\s+(?:the\s+)?(?P<what>\S.*)$",
    re.IGNORECASE,
)
#: ``Macroeconomics basics``, ``Photosynthesis fundamentals``: a heading naming a subject and the word
#: for an introduction to it.
_BASICS_OF = re.compile(r"^(?P<what>\S.*?)\s+(?:basics|fundamentals|essentials|overview)$", re.IGNORECASE)
#: ``Why Use a Load Balancer``: a heading asking what a thing is good for names that thing (its points
#: say what it does, which is what a student would be asked about it).
_WHY_USE = re.compile(
    r"^why\s+(?:(?:do\s+(?:we|you)\s+)?use|choose)\s+(?:an?\s+|the\s+)?(?P<what>[^?]+)$", re.IGNORECASE
)
_JOINED_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|&|\band\b)\s*", re.IGNORECASE)
#: One ``Name (gloss)`` part of terms set side by side.
_GLOSSED = re.compile(r"^(?P<name>[^()]{1,40}?)\s*\((?P<gloss>[^()]{2,80})\)$")
#: What joins terms set side by side: ``vs.``, ``versus``, ``or``.
_CONTRAST_JOIN = re.compile(r"\s+(?:vs\.?|versus|or)\s+", re.IGNORECASE)
#: The endings of a one-word qualifier (``Ascribed``, ``Independent``, ``Primary``, ``Ethical``): a word
#: that says which kind of the thing its label names, never a name by itself.
_QUALIFIER = re.compile(r"(?:[^e]ed|ent|ant|ary|al|ic|ive|ous|ible|able)$", re.IGNORECASE)


#: ``Slow rate of crystallization below Earth's surface (phaneritic texture)``: a description, then the
#: lower-case name of what it describes in brackets (two or three words).
_NAMED_AFTER = re.compile(
    r"^(?P<what>[A-Z][^()]{15,}?[^\W_])\s*\((?P<name>[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){1,2})\)\.?$"
)
#: Words a bracket opens with when it adds a circumstance (``(from lungs)``, ``(with recessions)``),
#: never a name.
_CIRCUMSTANCE_START = frozenset(
    [
        "a",
        "an",
        "the",
        "from",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "without",
        "via",
        "of",
        "and",
        "or",
        "but",
        "not",
        "e.g.",
        "i.e.",
        "eg",
        "ie",
        "usually",
        "often",
        "mostly",
        "mainly",
        "only",
        "also",
        "especially",
        "such",
        "like",
        "see",
    ]
)


def _names_after(match: re.Match[str]) -> bool:
    """Whether a ``_NAMED_AFTER`` bracket is a name for what the text before it describes: the text says
    something (four words or more, none of them the bracket's), the bracket opens with no preposition
    or adverb and ends with a noun-like word."""
    name, what = match.group("name"), match.group("what")
    parts = tx.words(name)
    if parts[0] in _CIRCUMSTANCE_START or parts[-1].endswith("ly") or len(tx.words(what)) < 4:
        return False
    said = {w.casefold() for w in tx.words(what)}
    return not any(p.casefold() in said for p in parts) and tx.is_term_name(name)


#: ``Arteries = AWAY from heart``: one name (a word or three, letters first) and what it stands for.
_EQUAL_PAIR = re.compile(r"^(?P<name>[^\W\d_][\w\-]{2,}(?:\s+[^\W\d_][\w\-]*){0,2})\s*=\s*(?P<gloss>\S.*)$")


def _equal_pairs(text: str) -> list[tuple[str, str]]:
    """``Remember: Arteries = AWAY from heart; Veins = RETURN to heart``: each ``(name, gloss)`` of two
    pairs or more joined by semicolons on one line (a run-in label and pictures before them left out);
    [] when any part is no such pair or a gloss is one word (``F = ma; a = F/m`` is algebra)."""
    body = tx.without_run_in_label(tx.strip_leading_pictures(text).strip().rstrip("."))
    parts = [part.strip() for part in body.split(";") if part.strip()]
    found: list[tuple[str, str]] = []
    for part in parts:
        match = _EQUAL_PAIR.match(part)
        if match is None or "=" in match.group("gloss") or len(tx.words(match.group("gloss"))) < 2:
            return []
        found.append((match.group("name"), match.group("gloss").strip()))
    return found if len(found) >= 2 else []


def _initials_of(short: str, long_name: str) -> bool:
    """Whether the letters of ``short`` begin the initials of ``long_name`` (``EC2`` and ``Elastic Compute
    Cloud``, ``S3`` and ``Simple Storage Service``): the long name may be the short one's expansion,
    digits and all, which ``acronym_of`` does not take."""
    letters = re.sub(r"[^A-Za-z]", "", short).upper()
    initials = "".join(w[0] for w in tx.words(long_name) if w[:1].isupper()).upper()
    return bool(letters) and (initials.startswith(letters) or letters.startswith(initials))


#: ``the 4 variables``, ``three types``: a count, then the plural noun it counts, ending a line.
_COUNTED_THINGS = re.compile(
    r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<head>[a-z]{3,}s)$", re.IGNORECASE
)


def _glossary_lines(lines: list[Line]) -> bool:
    """Whether a paragraph's first line is a ``Term: definition`` line of its own (it defines its own
    term, so it is no definition of a term left open above it)."""
    first = next((line for line in lines if line.text), None)
    return first is not None and (bool(first.lead) or _colon_pair(first) is not None)


def _qualities_only(text: str) -> bool:
    """Whether ``text`` joins one-word qualities only (``Non-metallic and nonrenewable``): it says what a
    thing is like, so the item over it is a term it describes, not a group of things it names."""
    parts = [p.strip() for p in re.split(r",|\bor\b|\band\b", text) if p.strip()]
    return len(parts) >= 2 and all(len(tx.words(p)) == 1 and _QUALIFIER.search(p) for p in parts)


def _glossed_series(text: str, *, single: bool = False, loose: bool = False) -> list[tuple[str, str]] | None:
    """``Ascribed (birth) vs. Achieved (earned)``: each ``(name, gloss)``, or None.

    Two parts or more joined by ``vs.``/``versus``/``or``, each a short name with its gloss in brackets;
    ``single``: one ``Title-Case Name (lower-case gloss)`` part alone counts too (under a bold label);
    ``loose``: one ``Name (gloss`` whose bracket the writer never closed counts too (any case).
    """
    text = text.strip()
    if loose and text.count("(") == 1 and ")" not in text:
        text += ")"
    if loose:
        match = _GLOSSED.match(text)
        if match is None or len(tx.words(match.group("gloss"))) < 2:
            return None
        name = match.group("name").strip()
        if not tx.is_term_name(name) or not 1 <= len(tx.words(name)) <= 4:
            return None
        return [(name, match.group("gloss").strip())]
    pieces = _CONTRAST_JOIN.split(text.rstrip(".;"))
    if len(pieces) < 2 and not single:
        return None
    parts: list[tuple[str, str]] = []
    for piece in pieces:
        match = _GLOSSED.match(piece.strip())
        if match is None:
            return None
        name, gloss = match.group("name").strip(), match.group("gloss").strip()
        if not tx.is_term_name(name) or len(tx.words(name)) > 4 or tx.sentence(name) is not None:
            return None
        parts.append((name, gloss))
    if len(parts) == 1:
        name, gloss = parts[0]
        title_case = len(tx.words(name)) >= 2 and all(w[:1].isupper() for w in tx.words(name))
        if not (title_case and gloss[:1].islower() and len(tx.words(gloss)) >= 2):
            return None
    return parts


def _states_of(text: str, name: str) -> bool:
    """Whether ``text`` is a statement whose subject is ``name`` (``anatomy is about structure``)."""
    said = tx.statement(text) or tx.sentence(text)
    return said is not None and tx.singular(name_id(said.subject)) == tx.singular(name_id(name))


def _spread_comparisons(draft: Draft) -> None:
    """``## HTTP vs HTTPS`` is no term: its text becomes a detail of HTTP and of HTTPS (else unplaced)."""
    names = {normalize(n): e for e in draft.entries for n in e.names()}
    for entry in list(draft.entries):
        match = _VERSUS.match(entry.term)
        if match is None:
            continue
        sides = [names.get(normalize(match.group(side))) for side in ("a", "b")]
        texts = [t for t in [entry.definition, *(d.text for d in entry.details)] if t]
        for index, key in enumerate(("a", "b")):
            # "anatomy vs physiology" over "anatomy is about structure" and "physiology is about ...":
            # each side the notes state something of, and no entry has, is defined by that statement
            name = match.group(key).strip()
            if sides[index] is not None or not tx.is_term_name(name):
                continue
            opposite = match.group("b" if key == "a" else "a").strip().casefold()
            # (about this side alone: "OSI is a model, while TCP/IP is ..." compares, defines neither)
            stated = next((t for t in texts if _states_of(t, name) and opposite not in t.casefold()), None)
            said_of = (tx.statement(stated) or tx.sentence(stated)) if stated is not None else None
            if stated is None or said_of is None:
                continue
            texts.remove(stated)
            made = DraftEntry(term=name, line=entry.line, definition=said_of.definition)
            made.check("definition", f'taken from the comparison "{_short(entry.term)}"')
            made.group = entry.group
            draft.entries.append(made)
            sides[index] = made
            names[normalize(name)] = made
        said = " ".join(texts)
        draft.entries.remove(entry)
        placed = not said and any(side is not None for side in sides)
        for side, other in ((sides[0], match.group("b")), (sides[1], match.group("a"))):
            if side is not None and side is not entry and said:
                side.add("details", f"Compared with {other}: {said}", code=True)  # never its definition
                side.add("see_also", other)
                placed = True
        if not placed:
            draft.unplaced.append((entry.line, _entry_text(entry)))


#: ``Time To Live: a counter ...`` / ``Time To Live - a counter ...``: a long name before the definition.
_EXPANSION_FIRST = re.compile(r"^\s*(?P<long>[^:;,.()]{3,60}?)\s*(?::|;|\s[-–—])\s+(?P<rest>\S.*)$")
_LEADING_MARKS = re.compile(r"^\s*[:;]+\s+")


#: Details the importer writes from a name's brackets: facts about the name, never a definition.
_LABEL_ONLY = re.compile(r"^(?:Word class|Years?): ")


def _add_grammar_and_year(entry: DraftEntry, name: tx.TermName) -> None:
    if name.grammar:
        entry.add("details", f"Word class: {name.grammar}")
    if name.year:
        entry.add("details", f"{'Years' if any(c in name.year for c in '-–—') else 'Year'}: {name.year}")


#: ``How to augment an interval``: a card's front asking for a method, named by the action (two to five
#: words, a verb first) that the definition below it explains.
_HOW_TO = re.compile(
    r"^how\s+(?:to|do\s+(?:you|i|we))\s+(?P<act>[a-z][a-z'-]+(?:\s+[\w'-]+){1,4})\??$", re.IGNORECASE
)


def finish(draft: Draft, label_refs: set[tuple[int, str]]) -> Draft:
    """Settle the draft so it is a valid knowledge file: definitions, unique names, known see-also."""
    _spread_comparisons(draft)
    kept: list[DraftEntry] = []
    for entry in sorted(draft.entries, key=lambda e: e.line):
        how = _HOW_TO.match(entry.term.strip())
        if how and entry.definition and tx.is_term_name(how.group("act"), marked=entry.marked):
            entry.term = how.group("act")  # "How to augment an interval": a card asking for a method
        if not tx.is_term_name(entry.term, marked=entry.marked):
            draft.unplaced.append((entry.line, _entry_text(entry)))
            continue
        if not entry.definition:
            prose = next((d for d in entry.details if not d.code and not _LABEL_ONLY.match(d.text)), None)
            if prose is not None:
                entry.details.remove(prose)
                entry.definition = prose.text
                entry.check("definition", "no definition found in the notes; the first detail was used")
            elif entry.expansion:
                entry.definition = entry.expansion
                entry.check("definition", "no definition found in the notes; the long name was used")
            elif _members(entry, draft.entries):
                # "## Perfect intervals" over "- Prime" / "- Fourth" / "- Fifth" / "- Octave": a kind of
                # thing told by what it is made of; said as its members, for the writer to check
                entry.definition = _joined([e.text for e in entry.examples])
                entry.examples = []
                entry.check("definition", "no definition found in the notes; its members were listed")
            else:
                draft.unplaced.append((entry.line, _entry_text(entry)))
                continue
        entry.details = [d for d in entry.details if normalize(d.text) != normalize(entry.definition)]
        kept.append(entry)
    claimed: dict[str, DraftEntry] = {}
    entries: list[DraftEntry] = []
    for entry in kept:
        if name_id(entry.term) in claimed:  # cannot normally happen: terms are merged while reading
            draft.unplaced.append((entry.line, f"{entry.term}: {entry.definition}"))
            continue
        claimed[name_id(entry.term)] = entry
        entries.append(entry)
    for entry in entries:
        aliases: list[Item] = []
        spelt = {
            normalize(entry.term)
        }  # an entry may keep variants of its names ("Hypervisors"), not repeats
        for alias in entry.aliases:
            owner = claimed.get(name_id(alias.text))
            if owner is not None and owner is not entry:
                entry.check("aliases", f'"{alias.text}" left out: it is already a name of "{owner.term}"')
                continue
            if normalize(alias.text) in spelt:
                continue
            spelt.add(normalize(alias.text))
            claimed[name_id(alias.text)] = entry
            aliases.append(alias)
        entry.aliases = aliases
    for entry in entries:
        refs: list[Item] = []
        for ref in entry.see_also:
            target = claimed.get(name_id(ref.text))
            if target is not None and target is not entry:
                if all(name_id(r.text) != name_id(target.term) for r in refs):
                    refs.append(Item(target.term, ref.check))
            elif (id(entry), name_id(ref.text)) in label_refs:
                entry.add(
                    "details", f"See also: {ref.text}", "no entry by this name; add one or drop this line"
                )
        entry.see_also = refs
    draft.entries = entries
    draft.unplaced.sort(key=lambda item: item[0])
    return draft
