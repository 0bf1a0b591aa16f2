"""``python -m bot check``: problems as file:line: message with exit 1, or a summary line with exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.loader import load_knowledge

from .conftest import WriteFile

REPO_ROOT = Path(__file__).resolve().parents[2]

GOOD = """
    topic:
      title: Networking
    entries:
      - term: Firewall
        aliases: [packet filter, screening router]
        definition: Filters traffic.
      - term: Proxy
        definition: Forwards requests.
"""


def test_valid_files_print_one_summary_line(write: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("net.yaml", GOOD)
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "ok: 1 file, 1 topic, 2 terms, 2 aliases\n"
    assert err == ""


def test_default_path_is_the_bundled_knowledge(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out, _ = capsys.readouterr()
    assert out == f"ok: {load_knowledge().summary()}\n"


def test_problems_are_printed_relative_to_the_working_directory(
    write: WriteFile, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("notes/net.yaml", GOOD.replace("definition: Forwards requests.", "definiton: Forwards requests."))
    write(
        "notes/sec.yaml",
        "topic: {title: Security}\nentries:\n  - {term: IDS, definition: Detects., see_also: [Honeypot]}\n",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "notes", "missing.yaml"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "missing.yaml: no such file or directory",
        "notes/net.yaml:7: entry 'Proxy' has no 'definition'",
        "notes/net.yaml:8: unknown key 'definiton' in an entry (did you mean 'definition'?)",
        "notes/sec.yaml:3: see_also 'Honeypot' of entry 'IDS' names no known term or alias",
    ]
    assert err == "4 problems found\n"


def test_absolute_paths_outside_the_working_directory_stay_absolute(
    write: WriteFile, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("empty.yaml", "")
    monkeypatch.chdir(REPO_ROOT)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{path}:1: the file is empty; it needs 'topic:' and 'entries:'\n"
    assert err == "1 problem found\n"


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--help"])
    assert exited.value.code == 0
    out, _ = capsys.readouterr()
    assert "Exit status: 0" in " ".join(out.split())
    assert "PATH that does not exist" in " ".join(out.split())


def test_python_dash_m_bot_check_on_the_bundled_knowledge() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "knowledge/"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")
    assert "Traceback" not in result.stderr


def test_python_dash_m_bot_check_reports_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"topic: {title: x\n\xff\xfe")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(broken)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == f"{broken}:2: the file is not UTF-8 text; save it as UTF-8\n"
    assert "Traceback" not in result.stderr


def test_names_the_name_model_cannot_tell_apart_are_a_clash_with_both_places(
    write: WriteFile, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        "notes/a.yaml",
        "topic: {title: Switching}\nentries:\n"
        "  - term: Type II switch\n    definition: Switches frames.\n"
        "  - term: C#\n    definition: A language.\n",
    )
    write(
        "notes/b.yaml",
        "topic: {title: More}\nentries:\n"
        "  - term: Layer switch\n    aliases: [type two switches]\n    definition: Another one.\n"
        "  - term: C sharp\n    definition: The same language.\n",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "notes"]) == 1
    out, err = capsys.readouterr()
    same = "case, spacing, plurals, articles and number forms do not tell names apart"
    assert out.splitlines() == [
        f"notes/b.yaml:4: alias 'type two switches' is already claimed by entry 'Type II switch' "
        f"(notes/a.yaml:3) (as 'Type II switch': {same})",
        f"notes/b.yaml:6: term 'C sharp' is already claimed by entry 'C#' (notes/a.yaml:5) (as 'C#': {same})",
    ]
    assert err == "2 problems found\n"


def test_symbols_and_numbers_that_tell_names_apart_are_no_clash(
    write: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["C", "C#", "C++", "F#", ".NET", "NET", "802.11a", "802.11b", "TCP/IP", "A+", "Layer 2 switch"]
    entries = "".join(f"  - term: {name!r}\n    definition: Something.\n" for name in names)
    path = write(
        "langs.yaml",
        f"topic: {{title: Names}}\nentries:\n{entries}  - term: Layer 3 switch\n"
        "    aliases: [Layer three switch, layer III switches]\n    definition: Routes too.\n",
    )
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == f"ok: 1 file, 1 topic, {len(names) + 1} terms, 2 aliases\n"


def test_an_empty_path_is_a_usage_error_not_the_working_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check ""`` scanned the working directory recursively (``Path("")`` is ``.``)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.yaml").write_text("entries: [\n", encoding="utf-8")
    assert main(["check", ""]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "error: empty path\n"
    assert main(["check", str(tmp_path), ""]) == 2


def test_a_directory_named_like_a_knowledge_file_is_a_problem_not_walked(
    write: WriteFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """a folder ``x.yaml`` inside a knowledge directory was walked as a folder."""
    write("notes/net.yaml", GOOD)
    folder = tmp_path / "notes" / "x.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["check", str(tmp_path / "notes")]) == 1
    out, _ = capsys.readouterr()
    assert "x.yaml: this is a directory, not a knowledge file" in out
    assert "inner.yaml" not in out
