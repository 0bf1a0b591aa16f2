"""Fresh questions (``fresh_questions/NAME.tsv``, then ``round2/``, ``round3/`` and ``round4/`` there) on
hand-corrected knowledge bases, never tuned on. Questions are graded per round (``ROUNDS``).

Each row is graded as ``benchmarks.corpus`` grades a look-up: right when every expected entry is shown
(``refuse``: when nothing is), wrong when an entry not expected is shown, refused otherwise. The tune part
must give no wrong answer; the held-out third (``held_out`` = ``yes``) at most the count measured when
the questions were first run.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.corpus import CORRECTED, Lookups, _entry_names, _shown
from bot.loader import load_knowledge, normalize_name
from bot.matching import Matcher

FRESH = Path(__file__).resolve().parent / "fresh_questions"


@dataclass(frozen=True, slots=True)
class Round:
    """One round of question files and what its first run and the fixes since allow."""

    folder: Path
    rows: int | None  # questions per file (None: each file its own number), a third of them held out
    tune_right_at_least: int
    held_out_wrong_at_most: int  # never looked at, never tuned on
    tune_wrong: frozenset[str] = frozenset()  # the questions still answered wrongly, and why
    files: int = 8


ROUNDS = {
    # first run: tune 136 right / 24 refused / 0 wrong, held out 64 / 14 / 2; then "X or Y" answered
    "first": Round(FRESH, 30, tune_right_at_least=147, held_out_wrong_at_most=1),
    # first run: tune 70 right / 7 refused / 3 wrong, held out 35 / 5 / 0
    "second": Round(
        FRESH / "round2",
        15,
        tune_right_at_least=72,
        held_out_wrong_at_most=0,
    ),
    # first run (after the second round's fixes): tune 43 right / 5 refused / 0 wrong, held out 22 / 2 / 0
    "third": Round(FRESH / "round3", 9, tune_right_at_least=43, held_out_wrong_at_most=0),
    # 24 tune/tune5/tune7/tune8 files. First run: tune 175 right / 13 refused / 4 wrong, held out 75 / 8 / 1;
    # after the fixes: tune 184 / 8 / 0, held out 75 / 8 / 1 (measured once, never read)
    "fourth": Round(FRESH / "round4", None, tune_right_at_least=184, held_out_wrong_at_most=1, files=24),
}


def fresh_files(folder: Path = FRESH) -> list[Path]:
    """The question files of one round, by name."""
    return sorted(folder.glob("*.tsv"))


def grade(path: Path) -> tuple[Lookups, Lookups]:
    """The (tune, held-out) tallies of one question file on its corrected knowledge base."""
    matcher = Matcher(load_knowledge([CORRECTED / f"{path.stem}.yaml"]))
    tune, held = Lookups(), Lookups()
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


@pytest.fixture(scope="module", params=sorted(ROUNDS))
def round_(request: pytest.FixtureRequest) -> Round:
    return ROUNDS[request.param]


@pytest.fixture(scope="module")
def tallies(round_: Round) -> dict[str, tuple[Lookups, Lookups]]:
    return {path.stem: grade(path) for path in fresh_files(round_.folder)}


def test_every_round_has_its_files_a_third_held_out(round_: Round) -> None:
    files = fresh_files(round_.folder)
    assert len(files) == round_.files
    for path in files:
        rows = path.read_text(encoding="utf-8").splitlines()[1:]
        if round_.rows is not None:
            assert len(rows) == round_.rows, path.name
        assert sum(r.endswith("\tyes") for r in rows) == len(rows) // 3, path.name


def test_the_tune_part_gives_no_wrong_answer(
    round_: Round, tallies: dict[str, tuple[Lookups, Lookups]]
) -> None:
    wrong = [m for tune, _ in tallies.values() for m in tune.misses if m.startswith("WRONG")]
    assert [m for m in wrong if m.split("'")[1] not in round_.tune_wrong] == []


def test_the_tune_part_keeps_its_right_answers(
    round_: Round, tallies: dict[str, tuple[Lookups, Lookups]]
) -> None:
    assert sum(tune.right for tune, _ in tallies.values()) >= round_.tune_right_at_least


def test_the_held_out_third_gives_no_more_wrong_answers_than_measured(
    round_: Round, tallies: dict[str, tuple[Lookups, Lookups]]
) -> None:
    assert sum(held.wrong for _, held in tallies.values()) <= round_.held_out_wrong_at_most
