"""Reading notes: every unreadable file is a ``file: message`` problem, aliases are refused.

Also what a careless operator leaves in a knowledge folder: a FIFO or a link to /dev/zero named
``x.yaml`` (neither waited on nor read to the end), a file over the size limit, a term that is a pasted
book; and the real ``bot check`` command on a symlink loop (no traceback).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, Problem
from bot.loader import MAX_FILE_BYTES, MAX_NAME_CHARS, format_problem, load_knowledge, load_knowledge_text
from bot.matching import Matcher
from tests.knowledge.conftest import WriteFile, only_problem, problems_of

REPO = Path(__file__).resolve().parents[2]

VALID = "topic: {title: Net}\nentries:\n  - term: Firewall\n    definition: Filters traffic.\n"


def check_command(*paths: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m bot check PATHS`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )


def test_a_self_referencing_symlink_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "good.yaml").write_text(VALID, encoding="utf-8")
    (folder / "x.yaml").symlink_to("x.yaml")
    problem = only_problem([folder])
    assert problem.path == folder / "x.yaml"
    assert "Too many levels of symbolic links" in problem.message
    # named directly, too
    assert "symbolic links" in only_problem([folder / "x.yaml"]).message

    run = check_command(folder, cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert run.stdout.splitlines() == ["kb/x.yaml: cannot read the file: Too many levels of symbolic links"]


def test_a_broken_symlink_named_directly(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "nowhere.yaml")
    assert only_problem([link]).message == "a broken symbolic link (its target does not exist)"


def test_a_directory_named_yaml_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    assert only_problem([folder]) == Problem(folder, None, None, "no .yaml or .yml files in this directory")


def _load_as_nobody(paths: list[Path]) -> list[str]:
    """The problems ``load_knowledge`` reports when run without root's right to read anything."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: give up root, load, send the problems back, exit at once
        code = 0
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                load_knowledge(paths)
                found: list[str] = []
            except Exception as exc:
                problems = getattr(exc, "problems", None)
                found = [format_problem(p) for p in problems] if problems else [f"raised {exc!r}"]
            os.write(write, json.dumps(found).encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return list(json.loads(data))


def test_files_and_folders_without_permission_are_problems() -> None:
    with tempfile.TemporaryDirectory() as name:  # readable by others, unlike pytest's tmp_path
        base = Path(name)
        base.chmod(0o755)
        (base / "good.yaml").write_text(VALID, encoding="utf-8")
        locked = base / "locked.yaml"
        locked.write_text(VALID.replace("Firewall", "Router"), encoding="utf-8")
        locked.chmod(0o000)
        closed = base / "closed"
        closed.mkdir()
        (closed / "inside.yaml").write_text(VALID, encoding="utf-8")
        closed.chmod(0o000)
        found = _load_as_nobody([base])
    assert len(found) == 2, found
    assert any(line.endswith("locked.yaml: cannot read the file: Permission denied") for line in found), found
    assert any(line.endswith("closed: cannot read this directory: Permission denied") for line in found), (
        found
    )


def test_a_fifo_named_yaml_is_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (tmp_path / "good.yaml").write_text(VALID, encoding="utf-8")
    problem = only_problem([tmp_path])
    assert problem.path == fifo
    assert problem.message == "not a regular file (a device, pipe or socket), so it was not read"


def test_a_link_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    assert only_problem([tmp_path]).message.startswith("not a regular file")


def test_a_file_over_the_size_limit_is_refused_unparsed(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as out:  # sparse: no disk space used
        out.truncate(MAX_FILE_BYTES + 1)
    problem = only_problem([huge])
    assert "a knowledge file may have at most 16 MB" in problem.message


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes("topic: {title: x}\nentries:\n  - term: Caf\xe9\n".encode("latin-1"))
    assert only_problem([latin]).line == 3


# -- YAML anchors and aliases ----------------------------------------------------------------------


def alias_bomb(words: int, aliases: int) -> str:
    """One definition of ``words`` words anchored once and aliased ``aliases`` times (the issue's probe)."""
    text = " ".join(f"w{i}" for i in range(words))
    lines = ["topic: {title: Bomb}", "entries:", "  - term: Seed", f"    definition: &d {text}"]
    for i in range(aliases):
        lines += [f"  - term: Term {i}", "    definition: *d"]
    return "\n".join(lines) + "\n"


def test_the_alias_bomb_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(150_000, 2000), encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    problems = problems_of([path])
    # the anchored definition itself is over the loader's text budget (MAX_TEXT_CHARS) too
    assert (problems[0].line, problems[0].key) == (4, "definition")
    assert "characters long; one may have at most" in problems[0].message
    problems = problems[1:]
    assert [p.line for p in problems] == [6, 8, 10, 12, 14, 16]
    assert problems[0].message.startswith(
        "YAML aliases are not supported: write the text out instead of '*d'"
    )
    assert problems[-1].message == "... and 1995 more YAML aliases"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("topic: {title: &t Net}\nentries:\n  - term: *t\n    definition: x\n", 3),
        ("topic: {title: Net}\nentries:\n  - &e {term: A, definition: x}\n  - *e\n", 4),
        (
            "topic: {title: Net}\nentries:\n  - term: A\n    definition: x\n    aliases: &l [B, C]\n"
            "  - term: D\n    definition: y\n    see_also: *l\n",
            8,
        ),
        ("topic: {title: Net}\nentries:\n  - term: A\n    definition: &x x\n    details: [*x, *x]\n", 5),
    ],
    ids=["scalar", "entry", "list", "list items"],
)
def test_every_kind_of_alias_is_refused(text: str, line: int) -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_text(text, "a.yaml")
    problems = caught.value.problems
    assert problems[0].line == line
    assert "YAML aliases are not supported" in problems[0].message


def test_an_anchor_never_aliased_is_harmless() -> None:
    kb = load_knowledge_text("topic: {title: &t Net}\nentries: [{term: A, definition: x}]\n", "a.yaml")
    assert kb.topics[0].title == "Net"


def test_a_term_that_is_a_pasted_book_is_refused(tmp_path: Path) -> None:
    book = " ".join(f"word{i}" for i in range(400_000))
    path = tmp_path / "book.yaml"
    path.write_text(f"topic: {{title: T}}\nentries:\n  - term: {book}\n    definition: x\n", encoding="utf-8")
    problem = only_problem([path])
    assert (problem.line, problem.key) == (3, "term")
    assert f"at most {MAX_NAME_CHARS}" in problem.message
    alias = "x" * (MAX_NAME_CHARS + 1)
    path.write_text(
        f"topic: {{title: T}}\nentries:\n  - term: A\n    aliases: [B, {alias}]\n    definition: x\n",
        encoding="utf-8",
    )
    assert only_problem([path]).key == "aliases"


def test_long_names_under_the_limit_index_a_bounded_number_of_words(write: WriteFile) -> None:
    """Work bound, not time: a 2,000-word name adds no more completion keys than a 17-word one."""
    long_name = " ".join(f"w{i}" for i in range(2000))
    kb = load_knowledge(
        [write("long.yaml", f"topic: {{title: T}}\nentries:\n  - term: {long_name}\n    definition: x\n")]
    )
    matcher = Matcher(kb)
    matcher.prepare()
    _, _, inner = matcher._prefixes.indexes()
    assert len(inner._keys) <= 16
    assert matcher.lookup(long_name).entry is kb.entries[0]  # type: ignore[union-attr]
