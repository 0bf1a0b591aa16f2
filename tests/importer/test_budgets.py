"""Notes a knowledge file cannot hold: refused early, saying which budget, and entries the loader
refuses named by the notes' own file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.importer
from bot.importer import NotesError, import_notes


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls the importer makes to its ``name`` (the real function still runs)."""
    calls = [0]
    real = getattr(bot.importer, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(bot.importer, name, counted)
    return calls


def test_more_entries_than_a_file_may_have_are_refused_before_rendering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    renders = _counting(monkeypatch, "render")
    notes = "# Many\n\n" + "".join(f"- Term{i} - The {i}th thing of the list.\n" for i in range(5_001))
    with pytest.raises(NotesError) as raised:
        import_notes(notes, notes_name="many.md")
    assert str(raised.value).startswith(
        "many.md gives 5,001 entries; a knowledge file may have at most 5,000"
    )
    assert renders[0] == 0  # each render and load of 5,000 entries took seconds, and was tried 5 times


def test_more_words_than_a_file_may_hold_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    parses = _counting(monkeypatch, "parse_blocks")
    notes = "# Many words\n\n" + "".join(f"- Term{i} - " + "ab cd ef gh " * 20 + "\n" for i in range(2_200))
    with pytest.raises(NotesError) as raised:
        import_notes(notes, notes_name="words.md")
    assert str(raised.value).startswith("words.md has 182,603 words")
    assert "150,000 words of definitions, details and examples" in str(raised.value)
    assert parses[0] == 0


def test_more_text_words_than_a_file_may_hold_names_that_budget() -> None:
    notes = "# Words\n\n" + "".join(f"- Term{i} - " + "ab cd ef gh " * 40 + "\n" for i in range(950))
    with pytest.raises(NotesError) as raised:
        import_notes(notes, notes_name="words.md")
    message = str(raised.value)
    assert message.startswith("words.md gives 152,000 words in definitions, details and examples")
    assert "at most 150,000" in message


LONG = "word " * 5_000  # a definition of 24,999 characters: over the loader's 20,000


def test_an_entry_the_loader_refuses_is_named_by_the_notes_file_and_line() -> None:
    result = import_notes(
        f"# Big\n\n- **Alpha** - {LONG}\n- **Beta** - a short one.\n", notes_name="onebig.md"
    )
    assert [entry.term for entry in result.draft.entries] == ["Beta"]
    assert len(result.rejected) == 1
    assert result.rejected[0].startswith(
        "onebig.md:3: Alpha: definition: this definition is 24,999 characters"
    )


def test_notes_whose_every_entry_the_loader_refuses_are_one_error_line(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "onlybig.md"
    notes.write_text(f"# Big\n\n- **Alpha** - {LONG}\n", encoding="utf-8")
    run = run_cli("import", notes)
    assert run.code == 2
    assert run.err.count("\n") == 1, run.err
    assert run.err.startswith("error: ")
    assert "onlybig.md:3: Alpha: definition: this definition is 24,999 characters" in run.err
    assert ".yaml" not in run.err


def test_a_refused_entry_is_one_warning_line_naming_the_notes(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "onebig.md"
    notes.write_text(f"# Big\n\n- **Alpha** - {LONG}\n- **Beta** - a short one.\n", encoding="utf-8")
    run = run_cli("import", notes)
    assert run.code == 0
    assert run.err.splitlines()[0].startswith("warning: onebig.md:3: Alpha: definition: ")
    assert ".yaml" not in run.err
