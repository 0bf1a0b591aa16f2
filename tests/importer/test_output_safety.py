"""Writing files: ``bot import -o`` never destroys the notes, a device or an existing file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot.loader import load_knowledge
from tests.importer.conftest import SEED_NOTES


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    copy = tmp_path / "notes.md"
    copy.write_bytes(SEED_NOTES.read_bytes())
    return copy


def refused(run) -> str:
    assert run.code == 2, run.err
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_the_notes_file_itself_is_refused_and_kept(run_cli, notes: Path) -> None:
    before = notes.read_bytes()
    for flags in ((), ("--force",), ("--merge",)):
        line = refused(run_cli("import", notes, "-o", notes, *flags))
        assert "suffix" in line or ".yaml" in line or "notes file" in line
        assert notes.read_bytes() == before


def test_the_notes_file_through_a_yaml_named_link_is_refused(run_cli, notes: Path, tmp_path: Path) -> None:
    link = tmp_path / "notes.yaml"
    link.symlink_to(notes)
    before = notes.read_bytes()
    line = refused(run_cli("import", notes, "-o", link, "--force"))
    assert "notes file" in line
    assert notes.read_bytes() == before
    assert link.is_symlink()


def test_a_device_is_refused_and_stays_a_device(run_cli, notes: Path, tmp_path: Path) -> None:
    # /dev/null has no .yaml suffix; a .yaml-named link to it reaches the regular-file check
    for target in (Path("/dev/null"), tmp_path / "null.yaml"):
        if target != Path("/dev/null"):
            target.symlink_to("/dev/null")
        refused(run_cli("import", notes, "-o", target, "--force"))
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_refused(run_cli, notes: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in refused(run_cli("import", notes, "-o", fifo, "--force"))
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("name", ["notes.txt", "notes", "notes.md", "notes.yaml.bak"])
def test_a_suffix_other_than_yaml_is_refused(run_cli, notes: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    if name != "notes.md":
        target.write_text("keep me\n", encoding="utf-8")
    before = target.read_bytes()
    assert ".yaml or .yml" in refused(run_cli("import", notes, "-o", target, "--force"))
    assert target.read_bytes() == before


def test_an_existing_file_is_replaced_only_with_force(run_cli, notes: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing.yaml"
    existing.write_text("# mine\n", encoding="utf-8")
    existing.chmod(0o640)
    line = refused(run_cli("import", notes, "-o", existing))
    assert "--merge" in line
    assert "--force" in line
    assert existing.read_text(encoding="utf-8") == "# mine\n"

    run = run_cli("import", notes, "-o", existing, "--force")
    assert run.code == 0, run.err
    assert load_knowledge([existing]).entries
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640, "a replaced file keeps its permissions"
    assert not list(tmp_path.glob(".*.tmp"))


def test_merge_and_force_exclude_each_other(run_cli, notes: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        run_cli("import", notes, "-o", tmp_path / "x.yaml", "--merge", "--force")


def test_a_link_to_a_knowledge_file_is_written_through(run_cli, notes: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("# old\n", encoding="utf-8")
    link = tmp_path / "link.yml"
    link.symlink_to(real)
    assert run_cli("import", notes, "-o", link, "--force").code == 0
    assert link.is_symlink()
    assert load_knowledge([real]).entries


def test_the_write_is_atomic(run_cli, notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure between writing and renaming leaves the old file whole and no temporary file behind."""
    existing = tmp_path / "existing.yaml"
    existing.write_text("# mine\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        assert Path(src).parent == existing.parent, "the temporary file is in the same directory"
        assert Path(src).read_text(encoding="utf-8").startswith("# Imported from")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    line = refused(run_cli("import", notes, "-o", existing, "--force"))
    assert "No space left on device" in line
    assert existing.read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.yaml", "notes.md"]


def test_a_fifo_or_a_device_as_notes_is_refused_without_waiting(run_cli, tmp_path: Path) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    assert "not a regular file" in refused(run_cli("import", fifo))
    assert "not a regular file" in refused(run_cli("import", "/dev/zero"))
