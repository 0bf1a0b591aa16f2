"""Generated quiz questions on the real-notes corpus, printed for grading by hand.

``python -m benchmarks.questions [--corpus DIR] [--per-file N] [--seed S] [--split NAME|tunes|all]``
``[--corrected]``

The files of one split, of every tune split (``tunes``, the default: held-out files are only for
``--split heldoutN`` or ``all``), or of all. An unknown split or a corpus file that is not YAML is one
``error:`` line and exit status 2.

Each notes file of the corpus is imported as ``python -m bot import`` would (the raw import: entries the
importer flagged with ``# check:`` are never asked or offered), or with ``--corrected`` its hand-corrected
knowledge base (``tests/corpus_corrected/NAME.yaml``, where one was written: questions graded on it do not
move when the importer changes), and ``N`` questions of a mixed round
(typed and button questions alternating) are generated with a seeded random source, so a run can be
repeated and graded. Every question is printed with its kind, prompt, options (``*`` marks the right one)
or typed answer, and the entry it is about. Grade each as good (answerable from the prompt by someone
who learnt the notes, one right option, nothing given away), poor (answerable but weak: a vague or
ambiguous prompt, options of different shapes) or broken (unanswerable, a wrong or garbage answer, or
the answer in the prompt).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from bot.importer import NotesError, import_notes
from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import load_knowledge, load_knowledge_text
from bot.quiz.questions import Question, QuestionGenerator
from bot.quiz.settings import QuizMode, QuizSettingsError, RoundSettings

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
#: Hand-corrected knowledge bases of the corpus files (``tests/corpus_corrected/correct.py`` says how).
CORRECTED = CORPUS.parent / "corpus_corrected"


#: ``--split`` for every tune split (tune, tune2, ...).
TUNE_SPLITS = "tunes"


class CorpusError(Exception):
    """A corpus that cannot be read as asked; the message is one line."""


def corpus_notes(corpus: Path, split: str) -> list[tuple[str, Path]]:
    """``(name, notes path)`` of every corpus file in ``split`` (``tunes`` for every tune split, ``all``
    for every split), by name; ``CorpusError`` for a file that is not YAML or a split no file has."""
    found = []
    splits = set()
    for path in sorted(corpus.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise CorpusError(f"{path}: {' '.join(str(exc).split())}") from None
        if not isinstance(data, dict):
            raise CorpusError(f"{path}: a corpus file is a mapping (notes, split, expect ...)")
        notes = corpus / str(data.get("notes") or path.with_suffix(".md").name)
        name = str(data.get("split", "tune"))
        splits.add(name)
        wanted = split == "all" or name == split or (split == TUNE_SPLITS and name.startswith("tune"))
        if notes.is_file() and wanted:
            found.append((path.stem, notes))
    if split not in ("all", TUNE_SPLITS) and split not in splits:
        known = ", ".join(sorted(splits)) or "none"
        raise CorpusError(f"no file of {corpus} is in split {split!r} (its splits: {known})")
    return found


def imported(notes: Path) -> KnowledgeBase:
    """The raw import of a notes file, loaded (``NotesError`` / ``KnowledgeError`` if it cannot be)."""
    result = import_notes(notes.read_text(encoding="utf-8"), notes_name=notes.name)
    return load_knowledge_text(result.text, Path(notes.stem + ".yaml"))


def questions(kb: KnowledgeBase, count: int, seed: int) -> list[Question]:
    """``count`` questions of a mixed round on ``kb`` with ``random.Random(seed)``."""
    generator = QuestionGenerator(kb, random.Random(seed))
    return generator.generate(RoundSettings(questions=count, mode=QuizMode.MIXED))


def show(question: Question, number: int, also: Sequence[str] | None = None) -> list[str]:
    """A question as numbered lines for grading. ``also``: what a typed answer takes besides the term
    (``QuestionGenerator.accepted``; default: the entry's aliases)."""
    lines = [f"{number:>2}. [{question.kind}] {question.prompt}"]
    for index, choice in enumerate(question.choices):
        mark = "*" if index == question.answer_index else " "
        lines.append(f"      {mark} {choice}")
    if question.typed:
        others = question.entry.aliases if also is None else [a for a in also if a != question.entry.term]
        lines.append(f"      answer: {question.entry.term}  (also: {', '.join(others) or '-'})")
    lines.append(f"      about: {question.entry.term} [{question.entry.topic.title}]")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the questions of every corpus file of the split; exit 0 (2 for an unknown split or a
    corpus file that is not YAML)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.questions", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus directory")
    parser.add_argument("--per-file", type=int, default=20, metavar="N", help="questions per notes file")
    parser.add_argument("--seed", type=int, default=1, help="the random source's seed")
    parser.add_argument(
        "--split",
        default=TUNE_SPLITS,
        help="a split's name (tune, tune2, heldout3, ...), tunes (every tune split, the default) or all",
    )
    parser.add_argument(
        "--corrected",
        action="store_true",
        help="ask from each file's hand-corrected knowledge base where there is one (not the raw import)",
    )
    args = parser.parse_args(argv)
    try:
        files = corpus_notes(args.corpus, args.split)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, notes in files:
        fixed = CORRECTED / f"{name}.yaml"
        try:
            kb = load_knowledge([fixed]) if args.corrected and fixed.is_file() else imported(notes)
            asked = questions(kb, args.per_file, args.seed)
        except (NotesError, KnowledgeError, QuizSettingsError) as exc:
            print(f"== {name}: no questions ({str(exc).splitlines()[0]})")
            continue
        usable = sum(1 for e in kb.entries if not e.checks)
        print(f"== {name}: {len(asked)} questions ({usable} of {len(kb.entries)} entries unflagged)")
        generator = QuestionGenerator(kb, random.Random(args.seed))
        for number, question in enumerate(asked, start=1):
            print("\n".join(show(question, number, generator.accepted(question.entry))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
