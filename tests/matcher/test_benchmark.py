"""Smoke test of the look-up benchmark at a small size (no timing asserts)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from benchmarks import lookup
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher


def test_benchmark_runs_at_200_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lookup"
    code = lookup.main(["--terms", "200", "--queries", "40", "--in-process", "--json", "--output", str(out)])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    (size,) = report["sizes"]
    assert size["terms"] == 200
    assert set(size["operations"]) == {"lookup", "autocomplete", "reverse"}
    for operation in size["operations"].values():
        assert operation["ours"]["queries"] > 0
        assert operation["naive"]["queries"] > 0
        assert 0.0 <= operation["ours"]["accuracy"] <= 1.0
    assert "200 terms" in out.with_suffix(".txt").read_text(encoding="utf-8")
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8")) == report


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
