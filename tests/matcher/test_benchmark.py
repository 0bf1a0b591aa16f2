"""Smoke test of the look-up benchmark at a small size (no timing asserts)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks import lookup, queries
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher


def test_the_benchmark_command_lines_at_200_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes, queries_file = tmp_path / "notes", tmp_path / "queries.tsv"
    assert lookup.main(["--make-kb", str(notes), "--terms", "200"]) == 0
    assert queries.main(["--kb", str(notes), "--out", str(queries_file), "--per-kind", "30"]) == 0
    lines = queries_file.read_text(encoding="utf-8").splitlines()
    expected = json.loads((tmp_path / "queries.tsv.expected.json").read_text(encoding="utf-8"))
    assert len(lines) == len(expected) == 5 * 30
    assert {line.split("\t")[0] for line in lines} == set(queries.KINDS)
    assert all(e is None for line, e in zip(lines, expected, strict=True) if line.startswith("out_of_scope"))
    capsys.readouterr()
    expected_file = f"{queries_file}.expected.json"
    args = ["--kb", str(notes), "--queries", str(queries_file), "--json", "--expected", expected_file]
    code = lookup.main([*args, "--naive", "5"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["terms"] == 200
    assert report["load_s"] >= 0
    assert report["index_s"] >= 0
    assert report["rss_mb"] > 0
    assert set(report["by_kind"]) == set(queries.KINDS)
    assert all(k["n"] == 30 and k["p50_ms"] <= k["p99_ms"] for k in report["by_kind"].values())
    assert report["all"]["n"] == 150
    assert len(report["answers"]) == 150
    # the answers are the bot's: each one is what the matcher answers for that line
    kb = load_knowledge([notes])
    matcher = Matcher(kb)
    for line, answer in zip(lines, report["answers"], strict=True):
        result = matcher.lookup(line.split("\t", 1)[1])
        assert answer == (result.entry.term if isinstance(result, Answer) else None)
    assert report["accuracy"]["exact"] >= 0.9
    assert report["naive"]["all"]["n"] == 25


def test_synthetic_notes_load_and_their_queries_are_answered(tmp_path: Path) -> None:
    rng = random.Random(7)
    entries = lookup.generate_entries(300, rng)
    assert len({e.term.casefold() for e in entries}) == 300
    assert all(20 <= len(e.definition.split()) <= 62 for e in entries)
    assert any(a.isupper() for e in entries for a in e.aliases)  # acronyms
    lookup.write_yaml(entries, tmp_path)
    kb = load_knowledge([tmp_path])
    assert len(kb) == 300
    matcher = Matcher(kb)
    queries = lookup.make_queries(entries, 30, rng)
    exact = [q for q in queries if q.kind == "exact"]
    right = sum(isinstance(r := matcher.lookup(q.text), Answer) and r.entry.term == q.term for q in exact)
    assert right >= 0.9 * len(exact)


def test_every_line_of_the_queries_file_gets_an_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # blank lines, lines of another shape and an empty query are lines too: answers stay aligned with them
    queries_file = tmp_path / "q.tsv"
    queries_file.write_text(
        "exact\thypervisor\n\nno tab here\nexact\t\ntypo\thypervisr\nexact\tHypervisor\textra\n",
        encoding="utf-8",
    )
    assert lookup.main(["--kb", "knowledge", "--queries", str(queries_file), "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["answers"] == ["Hypervisor", None, None, None, "Hypervisor", None]
    assert report["peak_rss_mb"] >= report["rss_mb"]
    # only the well-formed lines are timed (the empty query too: the bot refuses it), under their kinds
    assert report["all"]["n"] == 3
    assert {kind: figures["n"] for kind, figures in report["by_kind"].items()} == {"exact": 2, "typo": 1}
    assert report["malformed_lines"] == [3, 6]
    assert report["blank_lines"] == [2]
    warning = captured.err.splitlines()
    assert len(warning) == 1
    assert warning[0].startswith(f"warning: {queries_file}: 2 lines not KIND<TAB>QUERY")
    assert warning[0].endswith("lines 3, 6")


def test_without_json_the_figures_are_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries_file = tmp_path / "q.tsv"
    queries_file.write_text("exact\thypervisor\ntypo\thypervisr\nexact\tfirewall\n", encoding="utf-8")
    assert lookup.main(["--kb", "knowledge", "--queries", str(queries_file)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()}
    assert rows["kind"] == ["n", "p50", "ms", "p99", "ms"]
    assert rows["exact"][0] == "2"
    assert rows["typo"][0] == "1"
    assert rows["all"][0] == "3"
    assert "2 of 3 lines answered" in out


@pytest.mark.parametrize("which", ["kb", "queries", "notes.md"])
def test_a_missing_or_unusable_input_is_one_error_line(
    which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries_file = tmp_path / "q.tsv"
    queries_file.write_text("exact\thypervisor\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n- VM: a computer in software\n", encoding="utf-8")
    kb = {"kb": str(tmp_path / "nope"), "queries": "knowledge", "notes.md": str(notes)}[which]
    queries_arg = str(tmp_path / "nope.tsv") if which == "queries" else str(queries_file)
    assert lookup.main(["--kb", kb, "--queries", queries_arg, "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err
