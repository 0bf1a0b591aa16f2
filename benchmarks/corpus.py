"""Real-notes evaluation: import, look up and quiz the public notes files in ``tests/corpus/``.

``python -m benchmarks.corpus [--corpus DIR] [--json] [--show] [--questions N]``

Each corpus file ``NAME.md`` has expectations ``NAME.yaml`` written from the notes alone (the terms a
person would list, with aliases; questions a student would ask with the entries that answer them; out of
scope questions) and a ``split`` (``tune``, ``tune2``, ``tune3``, ...: looked at while tuning, each
totalled apart; ``heldout3``, ``heldout4`` or another split's name: held-out sets, written at different
times, for reporting only). A hand-corrected knowledge base, where one was written, is
``tests/corpus_corrected/NAME.yaml``.

Per file it prints:

* **import** (raw ``bot import`` of the notes): terms captured (an entry carries the term's name or one of
  its aliases, and is not shared with another expected term), wrong (found only in an entry that merges
  several expected terms or is named after another one), missed, and garbage (entries that name no
  expected term: sentences, citations, grouping headings made into terms);
* **look-ups** on the raw import and on the corrected knowledge base: right / refused / wrong over the
  questions and the out-of-scope questions (an out-of-scope question is right when refused and wrong
  when answered; a comparison is right when every expected entry is shown, wrong when an unexpected one
  is);

then the totals of each split apart (the tune splits first). ``--show`` lists every miss of the tune
splits;
``--questions N`` prints N generated quiz questions per file (seeded) for grading by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.importer import NotesError, import_notes
from bot.knowledge import Entry, KnowledgeBase, KnowledgeError
from bot.loader import load_knowledge, load_knowledge_text, normalize_name
from bot.matching import Answer, Matcher

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
#: Hand-corrected knowledge bases of the corpus files (``tests/corpus_corrected/correct.py`` says how).
CORRECTED = CORPUS.parent / "corpus_corrected"


@dataclass(slots=True)
class Expected:
    """A term a person would list from the notes."""

    name: str
    names: frozenset[str]  # normalised name and aliases
    topic: str = ""  # the heading or group it sits under, as the expectations name it


@dataclass(slots=True)
class Lookups:
    """Look-up results over a file's questions (in scope and out of scope together)."""

    right: int = 0
    refused: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Questions asked."""
        return self.right + self.refused + self.wrong

    def add(self, other: Lookups) -> None:
        """Add ``other``'s counts to these."""
        self.right += other.right
        self.refused += other.refused
        self.wrong += other.wrong


@dataclass(slots=True)
class Report:
    """One corpus file's numbers."""

    name: str
    split: str
    terms: int = 0
    captured: int = 0
    wrong: int = 0
    missed: int = 0
    garbage: int = 0
    raw: Lookups = field(default_factory=Lookups)
    corrected: Lookups | None = None
    missed_terms: list[str] = field(default_factory=list)
    wrong_terms: list[str] = field(default_factory=list)
    garbage_entries: list[str] = field(default_factory=list)
    error: str = ""
    topics: int = 0  # topics the import made
    grouped: int = 0  # captured terms whose expectations name a group (a heading that defines nothing)
    grouped_right: int = 0  # ... that the import put in a topic of that title


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The expectation files of the corpus (``*.yaml`` next to their notes), by name."""
    return sorted(p for p in corpus.glob("*.yaml") if (corpus / _notes_name(p)).is_file())


def _notes_name(path: Path) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return str(data.get("notes") or path.with_suffix(".md").name)


def _expected_terms(data: dict[str, Any]) -> list[Expected]:
    found = []
    for term in data.get("terms") or []:
        names = [str(term["name"]), *(str(a) for a in term.get("aliases") or [])]
        found.append(
            Expected(
                str(term["name"]),
                frozenset(normalize_name(n) for n in names),
                " ".join(str(term.get("topic") or "").split()),
            )
        )
    return found


def _entry_names(entry: Entry) -> set[str]:
    return {normalize_name(n) for n in entry.names}


def _folded(text: str) -> str:
    """A heading as compared: emoji, marks and spacing left out, case folded."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split()).casefold()


def _is_group(topic: str, groups: set[str]) -> bool:
    return _folded(topic) in groups


def grade_import(
    kb: KnowledgeBase, expected: list[Expected], report: Report, topics_only: Iterable[str] = ()
) -> None:
    """Captured / wrong / missed terms and garbage entries of an import; and how many terms the
    expectations place under a grouping heading (``topics_only``) are in a topic of that title."""
    report.terms = len(expected)
    report.topics = len(kb.topics)
    groups = {_folded(t) for t in topics_only}
    claims: dict[int, list[Expected]] = {}
    for index, entry in enumerate(kb.entries):
        names = _entry_names(entry)
        claims[index] = [term for term in expected if term.names & names]
    for term in expected:
        holders = [i for i, terms in claims.items() if term in terms]
        if not holders:
            report.missed += 1
            report.missed_terms.append(term.name)
            continue
        own = [i for i in holders if len(claims[i]) == 1 or normalize_name(kb.entries[i].term) in term.names]
        if own:
            report.captured += 1
            if term.topic and _is_group(term.topic, groups):
                report.grouped += 1
                want = _folded(term.topic)  # "Chemistry Definitions" is right in "... Definitions Megalist"
                report.grouped_right += any(want in _folded(kb.entries[i].topic.title) for i in own)
        else:
            report.wrong += 1
            report.wrong_terms.append(f"{term.name} (in {', '.join(kb.entries[i].term for i in holders)})")
    for index, entry in enumerate(kb.entries):
        if not claims[index]:
            report.garbage += 1
            report.garbage_entries.append(entry.term)


def _shown(result: object) -> list[Entry]:
    """The entries a look-up result shows (one answer, or several for a comparison)."""
    entries = getattr(result, "entries", None)
    if entries:
        return list(entries)
    if isinstance(result, Answer):
        return [result.entry]
    return []


def grade_lookups(kb: KnowledgeBase, data: dict[str, Any], expected: list[Expected]) -> Lookups:
    """Right / refused / wrong over the file's questions on ``kb``."""
    by_name = {term.name: term for term in expected}
    matcher = Matcher(kb)
    out = Lookups()
    for case in data.get("questions") or []:
        wanted = [by_name.get(str(name)) for name in case["expect"]]
        wanted_names = [
            t.names if t is not None else frozenset({normalize_name(str(n))})
            for t, n in zip(wanted, case["expect"], strict=True)
        ]
        shown = _shown(matcher.lookup(str(case["q"])))
        hits = [any(names & _entry_names(e) for e in shown) for names in wanted_names]
        strays = [e.term for e in shown if not any(names & _entry_names(e) for names in wanted_names)]
        if strays:
            out.wrong += 1
            out.misses.append(f"WRONG   {case['q']!r}: got {strays}, expected {case['expect']}")
        elif all(hits):
            out.right += 1
        else:
            out.refused += 1
            out.misses.append(f"refused {case['q']!r}: expected {case['expect']}")
    for question in data.get("out_of_scope") or []:
        shown = _shown(matcher.lookup(str(question)))
        if shown:
            out.wrong += 1
            out.misses.append(f"WRONG   {question!r} (out of scope): got {[e.term for e in shown]}")
        else:
            out.right += 1
    return out


def evaluate(path: Path, corpus: Path = CORPUS) -> tuple[Report, KnowledgeBase | None]:
    """One corpus file's report, and its raw import."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    report = Report(path.stem, str(data.get("split", "tune")))
    expected = _expected_terms(data)
    notes_path = corpus / _notes_name(path)
    kb: KnowledgeBase | None = None
    try:
        result = import_notes(notes_path.read_text(encoding="utf-8"), notes_name=notes_path.name)
        imported = load_knowledge_text(result.text, Path(path.stem + ".yaml"))
    except (NotesError, KnowledgeError) as exc:
        # notes the bot cannot import answer nothing: every question is refused (out-of-scope ones
        # rightly), so the file still weighs in its split's totals
        report.error = str(exc)
        report.terms = len(expected)
        report.missed = len(expected)
        report.raw = Lookups(
            right=len(data.get("out_of_scope") or []), refused=len(data.get("questions") or [])
        )
    else:
        kb = imported
        grade_import(kb, expected, report, [str(t) for t in data.get("topics_only") or []])
        report.raw = grade_lookups(kb, data, expected)
    corrected = CORRECTED / f"{path.stem}.yaml"
    if corrected.is_file():
        report.corrected = grade_lookups(load_knowledge([corrected]), data, expected)
    return report, kb


def _is_tune(split: str) -> bool:
    """Whether a split may be looked at while tuning (``tune``, ``tune2``, ...); any other is held out."""
    return split.startswith("tune")


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"


def _line(report: Report) -> str:
    corrected = report.corrected
    fixed = f"{corrected.right}/{corrected.refused}/{corrected.wrong}" if corrected is not None else "-"
    return (
        f"{report.name:<34} {report.split:<8} {report.captured:>3}/{report.terms:<3} {report.wrong:>5} "
        f"{report.missed:>6} {report.garbage:>7}   {report.raw.right:>3}/{report.raw.refused}/"
        f"{report.raw.wrong:<6} {fixed:>10}"
    )


def totals(reports: Iterable[Report]) -> dict[str, Any]:
    """Summed numbers of ``reports`` with the target ratios."""
    reports = list(reports)
    raw, fixed = Lookups(), Lookups()
    for report in reports:
        raw.add(report.raw)
        if report.corrected is not None:
            fixed.add(report.corrected)
    terms = sum(r.terms for r in reports)
    grouped = sum(r.grouped for r in reports)
    grouped_right = sum(r.grouped_right for r in reports)
    captured = sum(r.captured for r in reports)
    return {
        "files": len(reports),
        "terms": terms,
        "captured": captured,
        "wrong": sum(r.wrong for r in reports),
        "missed": sum(r.missed for r in reports),
        "garbage": sum(r.garbage for r in reports),
        "import_ratio": captured / terms if terms else 0.0,
        "grouped": grouped,
        "grouped_right": grouped_right,
        "raw": {"right": raw.right, "refused": raw.refused, "wrong": raw.wrong, "total": raw.total},
        "raw_ratio": raw.right / raw.total if raw.total else 0.0,
        "corrected_files": sum(1 for r in reports if r.corrected is not None),
        "corrected": {
            "right": fixed.right,
            "refused": fixed.refused,
            "wrong": fixed.wrong,
            "total": fixed.total,
        },
        "corrected_ratio": fixed.right / fixed.total if fixed.total else 0.0,
    }


def sample_questions(kb: KnowledgeBase, count: int, seed: int = 14) -> list[str]:
    """``count`` generated quiz questions (mixed kinds) as text, for grading by hand."""
    from bot.quiz.questions import QuestionGenerator
    from bot.quiz.settings import QuizMode, RoundSettings

    generator = QuestionGenerator(kb, random.Random(seed))
    settings = RoundSettings(questions=count, mode=QuizMode.MIXED)
    lines = []
    for question in generator.generate(settings):
        lines.append(f"[{question.kind}] {question.prompt}")
        for index, choice in enumerate(question.choices):
            mark = "*" if index == question.answer_index else " "
            lines.append(f"    {mark} {choice}")
        if question.typed:
            lines.append(f"    answer: {question.entry.term}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the corpus report; exit 0."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus directory")
    parser.add_argument("--json", action="store_true", help="one JSON document instead of the table")
    parser.add_argument(
        "--show", action="store_true", help="list missed and wrong terms and look-ups of the tune files"
    )
    parser.add_argument(
        "--show-heldout",
        action="store_true",
        help="with --show, the held-out files' misses too (for the final report only: never tune on them)",
    )
    parser.add_argument(
        "--questions", type=int, default=0, metavar="N", help="print N quiz questions per file"
    )
    args = parser.parse_args(argv)
    reports: list[Report] = []
    for path in corpus_files(args.corpus):
        report, kb = evaluate(path, args.corpus)
        reports.append(report)
        if args.questions and kb is not None and not args.json:
            print(f"== {report.name}: {args.questions} generated questions")
            print("\n".join(sample_questions(kb, args.questions)))
    # the tune splits first, then the held-out ones, each in name order ("tune" before "tune2")
    names = sorted({"tune", *(r.split for r in reports)}, key=lambda s: (not _is_tune(s), len(s), s))
    splits = {split: totals(r for r in reports if r.split == split) for split in names}
    if args.json:
        print(json.dumps({"files": [asdict(r) for r in reports], "totals": splits}, indent=2))
        return 0
    print(
        f"{'file':<34} {'split':<8} {'captured':>7} {'wrong':>5} {'missed':>6} {'garbage':>7}   "
        f"{'raw r/ref/w':<12} {'corrected r/ref/w':>10}"
    )
    for report in reports:
        # a held-out file's import error is named only with --show-heldout (it says what failed)
        error = report.error if _is_tune(report.split) or args.show_heldout else "(the import failed)"
        print(_line(report) + (f"  ERROR {error}" if report.error else ""))
        if args.show and (_is_tune(report.split) or args.show_heldout):
            for term in report.missed_terms:
                print(f"    missed  {term}")
            for term in report.wrong_terms:
                print(f"    wrong   {term}")
            for term in report.garbage_entries:
                print(f"    garbage {term}")
            for miss in report.raw.misses:
                print(f"    raw     {miss}")
            if report.corrected is not None:
                for miss in report.corrected.misses:
                    print(f"    fixed   {miss}")
    for split, total in splits.items():
        if not total["files"]:
            continue
        raw, fixed = total["raw"], total["corrected"]
        print(
            f"{split} ({total['files']} files): import {_ratio(total['captured'], total['terms'])}, "
            f"{total['wrong']} wrong, {total['missed']} missed, {total['garbage']} garbage; look-ups raw "
            f"{_ratio(raw['right'], raw['total'])} right, {raw['wrong']} wrong; corrected "
            f"({total['corrected_files']} files) {_ratio(fixed['right'], fixed['total'])} right, "
            f"{fixed['wrong']} wrong; terms under a grouping heading in a topic of that title: "
            f"{_ratio(total['grouped_right'], total['grouped'])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
