"""Fresh questions (``fresh_questions/NAME.tsv``) on hand-corrected knowledge bases nobody tuned on them.

Each row is graded as ``benchmarks.corpus`` grades a look-up: right when every expected entry is shown
(``refuse``: when nothing is), wrong when an entry not expected is shown, refused otherwise. The tune part
must give no wrong answer; the held-out third (``held_out`` = ``yes``) at most the count measured when
the questions were first run.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.corpus import CORRECTED, _entry_names, _shown
from bot.loader import load_knowledge, normalize_name
from bot.matching import Matcher

FRESH = Path(__file__).resolve().parent / "fresh_questions"
#: Wrong answers on the held-out third (never looked at, never tuned on): 2 when first measured, 1 since
#: two names offered as alternatives show both entries.
HELD_OUT_WRONG_AT_MOST = 1
#: Right answers on the tune part (of 160): 136 when first measured, 147 with "X or Y" answered.
TUNE_RIGHT_AT_LEAST = 147


@dataclass(slots=True)
class Tally:
    """Right / refused / wrong over some rows, with the misses spelled out."""

    right: int = 0
    refused: int = 0
    wrong: int = 0
    misses: list[str] = field(default_factory=list)


def fresh_files() -> list[Path]:
    """The question files, by name."""
    return sorted(FRESH.glob("*.tsv"))


def grade(path: Path) -> tuple[Tally, Tally]:
    """The (tune, held-out) tallies of one question file on its corrected knowledge base."""
    matcher = Matcher(load_knowledge([CORRECTED / f"{path.stem}.yaml"]))
    tune, held = Tally(), Tally()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            tally = held if row["held_out"] == "yes" else tune
            expect = row["expect"]
            wanted = [] if expect == "refuse" else [normalize_name(n) for n in expect.split("|")]
            shown = _shown(matcher.lookup(row["question"]))
            strays = [e.term for e in shown if not any(w in _entry_names(e) for w in wanted)]
            if strays:
                tally.wrong += 1
                tally.misses.append(f"WRONG   {path.stem}: {row['question']!r} got {strays}, want {expect}")
            elif all(any(w in _entry_names(e) for e in shown) for w in wanted):
                tally.right += 1
            else:
                tally.refused += 1
                tally.misses.append(f"refused {path.stem}: {row['question']!r} expected {expect}")
    return tune, held


def test_there_are_eight_files_of_thirty_questions() -> None:
    files = fresh_files()
    assert len(files) == 8
    for path in files:
        rows = path.read_text(encoding="utf-8").splitlines()[1:]
        assert len(rows) == 30, path.name
        assert sum(r.endswith("\tyes") for r in rows) == 10, path.name


@pytest.fixture(scope="module")
def tallies() -> dict[str, tuple[Tally, Tally]]:
    return {path.stem: grade(path) for path in fresh_files()}


def test_the_tune_part_gives_no_wrong_answer(tallies: dict[str, tuple[Tally, Tally]]) -> None:
    wrong = [m for tune, _ in tallies.values() for m in tune.misses if m.startswith("WRONG")]
    assert wrong == []


def test_the_tune_part_keeps_its_right_answers(tallies: dict[str, tuple[Tally, Tally]]) -> None:
    assert sum(tune.right for tune, _ in tallies.values()) >= TUNE_RIGHT_AT_LEAST


def test_the_held_out_third_gives_no_more_wrong_answers_than_measured(
    tallies: dict[str, tuple[Tally, Tally]],
) -> None:
    assert sum(held.wrong for _, held in tallies.values()) <= HELD_OUT_WRONG_AT_MOST
