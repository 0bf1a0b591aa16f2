"""``python -m benchmarks.questions``: which corpus files it asks about, and its one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.questions import main

NOTES = "# Malware\n\n- Worm - self-replicating malware that spreads without a host file\n" + "".join(
    f"- Thing{i} - the {i}th kind of malware of these notes, written out\n" for i in range(6)
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, split in (("first", "tune"), ("second", "tune2"), ("kept", "heldout1")):
        (tmp_path / f"{name}.md").write_text(NOTES, encoding="utf-8")
        (tmp_path / f"{name}.yaml").write_text(f"split: {split}\nexpect: []\n", encoding="utf-8")
    return tmp_path


def test_the_default_is_every_tune_split_and_no_held_out_file(corpus: Path, capsys) -> None:
    assert main(["--corpus", str(corpus), "--per-file", "2"]) == 0
    shown = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if line.startswith("==")]
    assert shown == ["== first", "== second"]


def test_all_and_one_split_are_still_asked_for_by_name(corpus: Path, capsys) -> None:
    assert main(["--corpus", str(corpus), "--per-file", "1", "--split", "heldout1"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith("==")]
    assert [head.split(":")[0] for head in heads] == ["== kept"]
    assert main(["--corpus", str(corpus), "--per-file", "1", "--split", "all"]) == 0
    assert sum(line.startswith("==") for line in capsys.readouterr().out.splitlines()) == 3


def test_an_unknown_split_is_one_error_line_and_status_2(corpus: Path, capsys) -> None:
    assert main(["--corpus", str(corpus), "--split", "tune9"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ")
    assert "'tune9'" in captured.err
    assert captured.err.count("\n") == 1


def test_a_corpus_file_that_is_not_yaml_is_one_error_line(corpus: Path, capsys) -> None:
    (corpus / "broken.yaml").write_text("split: tune\nexpect: [unclosed\n", encoding="utf-8")
    assert main(["--corpus", str(corpus)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {corpus / 'broken.yaml'}: ")
    assert captured.err.count("\n") == 1


def test_the_help_names_no_issue(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "issue" not in capsys.readouterr().out


def test_a_typed_question_lists_every_form_its_answer_takes(tmp_path: Path, capsys) -> None:
    # the grader reads "also:" to judge a typed answer: a half of "X and Y" that the checker takes shows
    notes = (
        "# Linguistics\n\n"
        "- Phonetics and Phonology - how people physically make the sounds of speech and use them\n"
        + "".join(
            f"- Pillar{i} - the {i}th pillar of these notes about language, written out\n" for i in range(6)
        )
    )
    (tmp_path / "ling.md").write_text(notes, encoding="utf-8")
    (tmp_path / "ling.yaml").write_text("split: tune\nexpect: []\n", encoding="utf-8")
    for seed in range(12):
        main(["--corpus", str(tmp_path), "--per-file", "14", "--seed", str(seed)])
        out = capsys.readouterr().out
        if "answer: Phonetics and Phonology" in out:
            break
    assert "answer: Phonetics and Phonology  (also: Phonetics, Phonology)" in out
