"""The real-notes evaluation (``python -m benchmarks.corpus``) on the tune split, and the bundled notes.

The floors are what the importer and the matcher reach on these files; they may rise, never drop. The
targets are noted next to each; the held-out files are measured by the command, never here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks import corpus, wild
from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge
from bot.matching import Matcher
from tests.matcher.conftest import grade, load_cases

#: Reached on the 10 tune files with the one name model (``bot.matching.names``) (targets: import >= 95%
#: and 0 garbage; look-ups >= 85% raw, >= 93% and 0 wrong corrected); the look-up floors as the matcher
#: reaches them (raw 410/442, corrected 422/442).
IMPORT_FLOOR = 0.96
GARBAGE_CEILING = 0
WRONG_TERMS_CEILING = 0
RAW_FLOOR = 0.92
RAW_WRONG_CEILING = 0
CORRECTED_FLOOR = 0.95
CORRECTED_WRONG_CEILING = 0


@pytest.fixture(scope="module")
def reports() -> list[corpus.Report]:
    """The tune splits' reports only: a failing assert prints what it compared, and a held-out file's
    import must not be shown to whoever is changing the importer (``benchmarks.corpus`` gives totals)."""
    found = [
        report
        for report in (corpus.evaluate(path)[0] for path in corpus.corpus_files())
        if report.split.startswith("tune")
    ]
    assert sum(1 for r in found if r.split == "tune") >= 10
    return found


def test_every_tune_file_imports(reports: list[corpus.Report]) -> None:
    assert [r.name for r in reports if r.error and r.split.startswith("tune")] == []


def test_the_tune_split_keeps_its_numbers(reports: list[corpus.Report]) -> None:
    tune = corpus.totals(r for r in reports if r.split == "tune")
    assert tune["import_ratio"] >= IMPORT_FLOOR, tune
    assert tune["garbage"] <= GARBAGE_CEILING, tune
    assert tune["wrong"] <= WRONG_TERMS_CEILING, tune
    assert tune["raw_ratio"] >= RAW_FLOOR, tune["raw"]
    assert tune["raw"]["wrong"] <= RAW_WRONG_CEILING, tune["raw"]
    assert tune["corrected_files"] == tune["files"]
    assert tune["corrected_ratio"] >= CORRECTED_FLOOR, tune["corrected"]
    assert tune["corrected"]["wrong"] <= CORRECTED_WRONG_CEILING, tune["corrected"]


def test_flash_card_exports_import_completely(reports: list[corpus.Report]) -> None:
    exports = [r for r in reports if r.name in ("quizlet_server_attacks", "networking_terms")]
    assert len(exports) == 2
    for report in exports:
        assert (report.captured, report.garbage, report.wrong) == (report.terms, 0, 0), report.name


def test_the_command_prints_every_file_and_every_split(capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus.main(["--show"]) == 0
    out = capsys.readouterr().out
    for path in corpus.corpus_files():
        assert path.stem in out
    assert "tune (" in out
    assert "tune2 (" in out
    assert "tune3 (" in out
    assert "heldout3 (" in out
    assert out.index("tune3 (") < out.index("heldout3 (")
    split = ""
    for line in out.splitlines():
        if line.startswith("    "):
            assert split.startswith("tune"), f"--show listed a miss of a held-out file: {line}"
        elif line.split()[1:2] and not line.startswith("=="):
            split = line.split()[1]


@pytest.mark.parametrize("cases", ["questions.yaml", "heldout.yaml"])
def test_the_bundled_notes_keep_every_answer(cases: str) -> None:
    matcher = Matcher(load_knowledge([DEFAULT_KNOWLEDGE_PATH]))
    right, wrong = grade(matcher, load_cases(cases))
    assert wrong == []
    assert right == len(load_cases(cases))


def test_the_corrected_knowledge_bases_are_what_correct_py_makes() -> None:
    """The corrected files of the tune splits are the import plus the hand edits listed in correct.py,
    nothing else. A held-out file's corrected KB stays as it was written: regenerating it after an
    importer change would show whoever changed the importer how the held-out notes now import."""
    from tests.corpus_corrected.correct import HERE, corrected

    compared = 0
    for path in sorted(HERE.glob("*.yaml")):
        expectations = yaml.safe_load((corpus.CORPUS / path.name).read_text(encoding="utf-8"))
        if not str(expectations.get("split", "tune")).startswith("tune"):
            continue
        assert path.read_text(encoding="utf-8") == corrected(path.stem), path.name
        compared += 1
    assert compared >= 10


def test_notes_that_do_not_import_count_every_question_refused(tmp_path: Path) -> None:
    """A file the importer rejects still weighs in its split: nothing answered, out-of-scope rightly."""
    (tmp_path / "unreadable_notes.md").write_text("<p></p>\n", encoding="utf-8")
    (tmp_path / "unreadable_notes.yaml").write_text(
        "notes: unreadable_notes.md\nsplit: heldout9\nterms: [{name: Fugue}]\n"
        "questions: [{q: fugue, expect: [Fugue]}, {q: fugues, expect: [Fugue]}]\n"
        "out_of_scope: [what is a sonata]\n",
        encoding="utf-8",
    )
    report, kb = corpus.evaluate(tmp_path / "unreadable_notes.yaml", tmp_path)
    assert kb is None
    assert report.error
    assert (report.captured, report.missed) == (0, 1)
    assert (report.raw.right, report.raw.refused, report.raw.wrong) == (1, 2, 0)
    assert corpus.totals([report])["raw"]["total"] == 3


def test_notes_kept_outside_the_repo_are_scored_by_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "words.md").write_text(
        "| German | English |\n| --- | --- |\n| Tisch | table |\n| Stuhl | chair |\n"
    )
    (tmp_path / "words.yaml").write_text(
        "notes: words.md\nsplit: tuneX\nterms:\n  - {name: Tisch}\n  - {name: Stuhl}\n  - {name: Bett}\n"
        "questions:\n  - {q: what does tisch mean, expect: [Tisch]}\nout_of_scope: [what is a dog]\n"
    )
    (tmp_path / "other.yaml").write_text("notes: words.md\nsplit: heldoutX\nterms: [{name: Tisch}]\n")
    wild.main([str(tmp_path), "tuneX"])
    out = capsys.readouterr().out
    assert "total terms 3 captured 2 wrong 0 missed 1 garbage 0 right 2 refused 0 answered wrong 0" in out
    assert "other" not in out  # another split's file is not scored
