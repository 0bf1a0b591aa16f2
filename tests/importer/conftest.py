"""Fixtures for the Markdown importer tests: the note files and a way to run the CLI in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main

NOTES_DIR = Path(__file__).parent / "notes"
SEED_NOTES = NOTES_DIR / "virtualization-notes.md"
HAND_WRITTEN = Path(__file__).resolve().parents[2] / "knowledge" / "security-plus" / "virtualization.yaml"


@dataclass(frozen=True)
class Run:
    """One CLI run: exit code and captured output."""

    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``python -m bot ARGS...`` in this process and capture its output."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
