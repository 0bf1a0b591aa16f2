"""A tab-separated card file's header row names its columns: it is no card.

Spreadsheets saved as TSV and Anki's "Notes in Plain Text" with field names start with a row such as
``Term<TAB>Definition`` or ``Front<TAB>Back``, as CSV files do (where that row is required). Read as a
card it would become an entry "Term" defined as "Definition", which the quiz asks and "what is a term"
answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.loader import load_knowledge


@pytest.mark.parametrize(
    "header",
    [
        "Term\tDefinition",
        "term\tdefinition",
        "Front\tBack",
        "Word\tMeaning",
        "WORD\tMEANING",
    ],
)
def test_a_tsv_header_row_is_not_an_entry(run_cli, tmp_path: Path, header: str) -> None:
    notes = tmp_path / "cards.tsv"
    notes.write_text(
        f"{header}\nRouter\tForwards packets between networks.\n"
        "Switch\tForwards frames within one network.\n",
        encoding="utf-8",
    )
    out = tmp_path / "cards.yaml"
    run = run_cli("import", notes, "-o", out)
    assert run.code == 0, run.err
    assert [e.term for e in load_knowledge([out]).entries] == ["Router", "Switch"]


def test_the_same_header_in_a_csv_file_is_read_as_the_columns(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "cards.csv"
    notes.write_text("Term,Definition\nRouter,Forwards packets between networks.\n", encoding="utf-8")
    out = tmp_path / "cards.yaml"
    assert run_cli("import", notes, "-o", out).code == 0
    assert [e.term for e in load_knowledge([out]).entries] == ["Router"]


def test_a_card_named_like_a_column_after_the_first_line_stays(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "cards.tsv"
    notes.write_text("Router\tForwards packets.\nWord\tA unit of language.\n", encoding="utf-8")
    out = tmp_path / "cards.yaml"
    assert run_cli("import", notes, "-o", out).code == 0
    assert [e.term for e in load_knowledge([out]).entries] == ["Router", "Word"]
