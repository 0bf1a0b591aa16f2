"""``python -m bot import``: output, summary, and one clear line (exit 2) for every kind of bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.importer import MAX_NOTES_BYTES
from bot.loader import load_knowledge
from tests.importer.conftest import HAND_WRITTEN, SEED_NOTES

REPO = Path(__file__).resolve().parents[2]


def test_prints_yaml_to_stdout_and_a_summary_to_stderr(run_cli) -> None:
    run = run_cli("import", SEED_NOTES)
    assert run.code == 0
    assert run.out.startswith("# Imported from virtualization-notes.md")
    assert run.err.strip() == (
        "imported virtualization-notes.md: 15 entries, 4 aliases, 1 unplaced line, 6 lines marked '# check:'"
    )


def test_writes_a_file_that_check_accepts(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "kb" / "virtualization.yaml"
    run = run_cli("import", SEED_NOTES, "-o", out, "--topic", "Virtualization basics")
    assert run.code == 0, run.err
    assert run.out == ""
    assert str(out) in run.err
    assert load_knowledge([out]).topics[0].title == "Virtualization basics"
    check = run_cli("check", out)
    assert check.code == 0, check.out
    assert check.out.startswith("ok:")
    assert not list(out.parent.glob(".*.tmp"))


def one_error_line(run) -> str:
    assert run.code == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in run.err
    return lines[0]


def test_missing_file(run_cli, tmp_path: Path) -> None:
    assert "no such file" in one_error_line(run_cli("import", tmp_path / "nope.md"))


def test_directory(run_cli, tmp_path: Path) -> None:
    assert "is a directory" in one_error_line(run_cli("import", tmp_path))


def test_empty_file(run_cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n\t\n", encoding="utf-8")
    assert "is empty" in one_error_line(run_cli("import", empty))


def test_binary_data(run_cli, tmp_path: Path) -> None:
    binary = tmp_path / "photo.md"
    binary.write_bytes(bytes(range(256)) * 8)
    assert "binary data" in one_error_line(run_cli("import", binary))


def test_not_utf8(run_cli, tmp_path: Path) -> None:
    latin = tmp_path / "latin1.md"
    latin.write_bytes("Caf\xe9 - a place for coffee\n".encode("latin-1"))
    assert "not UTF-8" in one_error_line(run_cli("import", latin))


def test_a_5_mb_file_is_refused_with_the_limit(run_cli, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("Term - explanation of the term\n" * (5 * 1024 * 1024 // 31), encoding="utf-8")
    assert big.stat().st_size > MAX_NOTES_BYTES
    line = one_error_line(run_cli("import", big))
    assert "limited to 2 MB" in line


def test_notes_without_any_term(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "prose.md"
    notes.write_text("just some lowercase musings, nothing defined here.\n", encoding="utf-8")
    assert "found no terms" in one_error_line(run_cli("import", notes))


def test_merge_needs_an_output_file(run_cli) -> None:
    assert "--merge needs -o" in one_error_line(run_cli("import", SEED_NOTES, "--merge"))


def test_output_into_a_directory(run_cli, tmp_path: Path) -> None:
    assert "is a directory" in one_error_line(run_cli("import", SEED_NOTES, "-o", tmp_path))


def test_merge_into_an_invalid_file_refuses_and_keeps_it(run_cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("topic: {title: T}\nentries: nope\n", encoding="utf-8")
    line = one_error_line(run_cli("import", SEED_NOTES, "-o", broken, "--merge"))
    assert "not a valid knowledge file" in line
    assert broken.read_text(encoding="utf-8") == "topic: {title: T}\nentries: nope\n"


@pytest.mark.parametrize("target", ["missing.md", "."])
def test_the_real_command_line_prints_no_traceback(tmp_path: Path, target: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "import", str(tmp_path / target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("error: ")
    assert "Traceback" not in proc.stderr


def test_warns_when_names_clash_with_the_knowledge_base(run_cli, tmp_path: Path, monkeypatch) -> None:
    import bot.cli.importer as importer_cli

    knowledge = tmp_path / "knowledge"
    (knowledge / "security-plus").mkdir(parents=True)
    (knowledge / "security-plus" / "virtualization.yaml").write_bytes(HAND_WRITTEN.read_bytes())
    monkeypatch.setattr(importer_cli, "DEFAULT_KNOWLEDGE_PATH", knowledge)
    out = knowledge / "security-plus" / "imported.yaml"
    run = run_cli("import", SEED_NOTES, "-o", out)
    assert run.code == 0
    warning = run.err.strip().splitlines()[-1]
    assert warning.startswith("warning: ")
    assert "virtualization.yaml" in warning
    assert "--merge" in warning
    assert out.exists()
    elsewhere = run_cli("import", SEED_NOTES, "-o", tmp_path / "elsewhere.yaml")
    assert "warning" not in elsewhere.err


def test_a_dash_reads_the_notes_from_standard_input(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = tmp_path / "cards.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "import", "-", "-o", str(out), "--topic", "Cells"],
        input=SEED_NOTES.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().startswith("imported stdin: 15 entries")
    kb = load_knowledge([out])
    assert kb.topics[0].title == "Cells"
    assert len(kb.entries) == 15


def test_empty_standard_input_is_one_error_line(run_cli, monkeypatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert one_error_line(run_cli("import", "-")) == "error: stdin is empty; there is nothing to import"
