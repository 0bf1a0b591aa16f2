"""Counts of broken-looking generated questions over the tune corpus (issue 14), for a before/after.

``python -m benchmarks.question_faults [--corpus DIR] [--seed S] [--show] [--dump]``

Every tune file of the corpus (never a held-out one) is imported raw (as ``benchmarks.questions`` does)
and every question kind each usable entry can be asked (``kinds_for`` in a mixed round) is made once
with ``random.Random(seed)``. Counted:

- ``bare``: prompts with no word left besides blanks and small words ("Which term is this? A ____.");
- ``blanked``: prompts of three blanks or more (much of the definition hidden: the Diffie-Hellman pick
  of the qfix20 grading, "A standard for ____. ... private ____ ... ____ (Elliptic Curve ____) ...");
- ``mixed``: choices of definitions (meaning) where a list of labels stands among sentences, or a
  sentence among lists ("Asymmetric Encryption (Private Key), MAC/MIC, & Digital Signature" beside three
  sentences).

``--show`` prints each counted question; ``--dump`` prints every question made (to compare runs, e.g.
under two ``PYTHONHASHSEED`` values).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

from benchmarks.questions import CORPUS, TUNE_SPLITS, corpus_notes, imported
from bot.importer import NotesError
from bot.knowledge import KnowledgeError
from bot.quiz.answers import BLANK
from bot.quiz.questions import Question, QuestionGenerator, QuestionKind, option_is_list
from bot.quiz.settings import QuizMode

#: Words that say nothing on their own (a prompt of only these and blanks is bare).
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "of",
        "the",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "or",
        "is",
        "as",
        "with",
        "its",
        "it",
        "this",
        "which",
        "term",
    ]
)


def _body(question: Question) -> str:
    """The prompt without the words every prompt of its kind has."""
    text = question.prompt
    text = re.sub(r"^Which term is this\?\s*", "", text)
    return re.sub(r"^True or false\? \*\*.*?\*\*:\s*", "", text)


def faults(question: Question) -> list[str]:
    """What looks broken in ``question`` (``bare``, ``blanked``, ``mixed``)."""
    found = []
    if question.kind in (QuestionKind.WHICH_TERM, QuestionKind.PICK_TERM):
        body = _body(question)
        words = re.findall(r"[^\W_]+", body.replace(BLANK, " "))
        if not [w for w in words if w.casefold() not in _SMALL]:
            found.append("bare")
        if body.count(BLANK) >= 3:
            found.append("blanked")
    if question.kind is QuestionKind.MEANING and len({option_is_list(c) for c in question.choices}) > 1:
        found.append("mixed")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.question_faults", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", action="store_true", help="print each counted question")
    parser.add_argument("--dump", action="store_true", help="print every question made")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    made = 0
    for name, notes in corpus_notes(args.corpus, TUNE_SPLITS):
        try:
            kb = imported(notes)
        except (NotesError, KnowledgeError):
            continue
        generator = QuestionGenerator(kb, random.Random(args.seed))
        for entry in kb.entries:
            if entry.checks:
                continue
            for kind in generator.kinds_for(entry, QuizMode.MIXED):
                question = generator.make(entry, kind)
                made += 1
                found = faults(question)
                counts.update(found)
                if args.dump or (args.show and found):
                    mark = ",".join(found) or "-"
                    print(f"{name} | {entry.term} | {question.kind} | {mark} | {question.prompt}")
                    for index, choice in enumerate(question.choices):
                        print(f"    {'*' if index == question.answer_index else ' '} {choice}")
    print(f"questions {made}: bare {counts['bare']}, blanked {counts['blanked']}, mixed {counts['mixed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
