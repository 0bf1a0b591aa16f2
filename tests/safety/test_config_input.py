"""Config: any file or variable is one ``error:`` line naming the key (exit 2), in bounded
time and memory, and token-shaped text is hidden wherever it was pasted."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.console import run_console
from bot.cli.console.quiz import ConsoleQuiz
from bot.cli.console.review import ConsoleReview
from bot.config import MAX_CONFIG_BYTES, ConfigError, load_settings
from tests.hardening.support import TOKEN
from tests.quiz.conftest import make_kb

REPO = Path(__file__).resolve().parents[2]


def error_of(path: Path | None, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_settings(path, env or {})
    message = str(info.value)
    assert "\n" not in message
    assert len(message) < 400, message
    return message


def config(tmp_path: Path, data: str | bytes) -> Path:
    path = tmp_path / "config.yaml"
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def run_cli(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_") and k != "DISCORD_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**clean, "PYTHONPATH": str(REPO), **(env or {})},
        timeout=120,
        check=False,
    )


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


# -- not UTF-8 ---------------------------------------------------------------------------------------


def test_a_latin1_config_is_one_line_naming_the_key(tmp_path: Path) -> None:
    path = config(tmp_path, "quiz:\n  mode: typed\n  seconds: 'caf\xe9'\n".encode("latin-1"))
    assert error_of(path) == (f"{path}:3: quiz.seconds: not UTF-8 text (byte 0xe9); save the file as UTF-8")
    line = one_error_line(run_cli(tmp_path, "run", "--config", "config.yaml"))
    assert line == "error: config.yaml:3: quiz.seconds: not UTF-8 text (byte 0xe9); save the file as UTF-8"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the key after a comment was named by the line before it
        ("quiz:\n  mode: typed\n  # note\n  topic: 'caf\xe9'\n", "4: quiz.topic: not UTF-8 text"),
        (
            "quiz:\n  mode: typed\n\n  # a comment\n  topic: caf\xe9\n  seconds: 20\n",
            "5: quiz.topic: not UTF-8",
        ),
        # a comment is no key's: named as a comment, not as the key before or after it
        ("quiz:\n  mode: typed\n  # caf\xe9\n  seconds: 20\n", "3: not UTF-8 text in a comment"),
        ("quiz:\n  mode: typed  # caf\xe9\n  seconds: 20\n", "2: not UTF-8 text in a comment"),
        ("# caf\xe9\nquiz:\n  mode: typed\n", "1: not UTF-8 text in a comment"),
        ("quiz:\n  topic: 'caf\xe9\n    au lait'\n  seconds: 20\n", "2: quiz.topic: not UTF-8 text"),
    ],
)
def test_a_latin1_byte_names_the_key_that_holds_it(tmp_path: Path, text: str, named: str) -> None:
    path = config(tmp_path, text.encode("latin-1"))
    assert error_of(path).startswith(f"{path}:{named}")


@pytest.mark.parametrize("command", ["/quiz questions=1", "/review"])
def test_the_console_says_so_for_a_latin1_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    config(tmp_path, "database:\n  url: 'sqlite:///caf\xe9.db'\n".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    kb = make_kb({"Solo": [("Hypervisor", "Software that runs virtual machines.")]})
    out = io.StringIO()
    with ConsoleReview() as review, ConsoleQuiz() as quiz:
        run_console(
            kb,
            stdin=io.StringIO(f"{command}\nwhat is a hypervisor\n"),
            stdout=out,
            extra_commands=[*review.commands(), *quiz.commands()],
        )
    text = out.getvalue()
    # a settings problem is the settings', not the database's
    assert "The settings have a problem: config.yaml:2: database.url: not UTF-8 text" in text
    assert "Cannot open the database" not in text
    assert "Hypervisor: Software that runs virtual machines." in text, "the console goes on"


@pytest.mark.parametrize("command", ["/quiz questions=1", "/review"])
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("quiz:\n  secnds: 20\n", "config.yaml: quiz.secnds: unknown key (did you mean 'seconds'?)"),
        ("quiz:\n  seconds: 'caf\xe9'\n", "config.yaml:2: quiz.seconds: not UTF-8 text"),
    ],
)
def test_the_console_never_blames_the_database_for_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, text: str, said: str
) -> None:
    config(tmp_path, text.encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    kb = make_kb({"Solo": [("Hypervisor", "Software that runs virtual machines.")]})
    out = io.StringIO()
    with ConsoleReview() as review, ConsoleQuiz() as quiz:
        run_console(
            kb,
            stdin=io.StringIO(f"{command}\nwhat is a hypervisor\n"),
            stdout=out,
            extra_commands=[*review.commands(), *quiz.commands()],
        )
    shown = out.getvalue()
    assert f"The settings have a problem: {said}" in shown
    assert "database" not in shown.casefold()
    assert "Hypervisor: Software that runs virtual machines." in shown, "the console goes on"


# -- anchors, aliases, nesting -------------------------------------------------------------------------


BOMB = (
    "quiz:\n  seconds: [&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a],"
    " &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c],"
    " &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e],"
    " &g [*f,*f,*f,*f,*f,*f,*f,*f,*f], &h [*g,*g,*g,*g,*g,*g,*g,*g,*g],"
    " &i [*h,*h,*h,*h,*h,*h,*h,*h,*h], &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]]\n"
)


def test_a_500_byte_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    assert len(BOMB) < 600  # 9**10 (3.5 billion) strings once expanded
    path = config(tmp_path, BOMB)
    assert error_of(path) == (
        f"{path}:2: quiz.seconds: YAML anchors (&a) are not supported in the config; write the value out"
    )
    assert "quiz.seconds" in one_error_line(run_cli(tmp_path, "run", "--config", "config.yaml"))


def test_an_alias_alone_is_named_too(tmp_path: Path) -> None:
    path = config(tmp_path, "lookup: {cooldown_rate: 3}\nquiz:\n  mode: typed\n  seconds: *nowhere\n")
    assert error_of(path) == (
        f"{path}:4: quiz.seconds: YAML aliases (*nowhere) are not supported in the config; "
        "write the value out"
    )


def test_deep_nesting_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = config(tmp_path, "quiz:\n  mode: " + "[" * 20 + "]" * 20 + "\n")
    assert error_of(path) == f"{path}:2: quiz.mode: nested too deeply (at most 8 levels)"
    path = config(tmp_path, "quiz:\n  mode: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert "nest" in error_of(path)  # libyaml's own limit (1,000 levels) comes first here


# -- values and files of any size ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quiz:\n  seconds: " + "9" * 5000 + "\n", "quiz.seconds: is 5,000 characters long"),
        ("quiz:\n  seconds: " + "9" * 4000 + "\n", "quiz.seconds: must be an integer from 5 to 120"),
        ("quiz:\n  seconds: '" + "9" * 40 + "'\n", "quiz.seconds: must be an integer from 5 to 120"),
        (
            "quiz:\n  seconds: 2024-02-30\n",
            "quiz.seconds: must be an integer from 5 to 120, got '2024-02-30'",
        ),
        ("quiz:\n  seconds: .nan\n", "quiz.seconds: must be an integer from 5 to 120, got nan"),
        ("lookup:\n  cooldown_seconds: 1e999\n", "lookup.cooldown_seconds: must be a number from 0 to 86400"),
        ("knowledge:\n  paths: ['" + "k" * 900_000 + "']\n", "knowledge.paths: is 900,000 characters long"),
        ("database:\n  url: " + "u" * 900_000 + "\n", "database.url: is 900,000 characters long"),
        ("quiz:\n  ? " + "k" * 900_000 + "\n  : 1\n", "quiz.'kkkkkkkk"),
        ("study_channels: [" + "1, " * 200_000 + "x]\n", "study_channels: must be a Discord id"),
    ],
    ids=[
        "5000 digits",
        "4000 digits",
        "40 digits",
        "no such day",
        "nan",
        "1e999",
        "huge path",
        "huge url",
        "huge key",
        "long list",
    ],
)
def test_values_of_any_size_are_one_line_naming_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = config(tmp_path, text)
    assert expected in error_of(path)


def test_huge_environment_values_name_the_variable() -> None:
    assert error_of(None, {"STUDYBOT_QUIZ_SECONDS": "9" * 5000}).startswith(
        "STUDYBOT_QUIZ_SECONDS: is 5,000 characters long"
    )
    assert error_of(None, {"STUDYBOT_QUIZ_SECONDS": "9" * 100}).startswith(
        "STUDYBOT_QUIZ_SECONDS: must be an integer from 5 to 120"
    )
    assert "unknown setting" in error_of(None, {"STUDYBOT_" + "X" * 100_000: "1"})


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    with path.open("wb") as out:
        out.truncate(MAX_CONFIG_BYTES + 1)  # sparse
    assert error_of(path) == f"{path}: the file is too large (a config file has at most 1,048,576 bytes)"


def test_a_directory_a_fifo_and_a_device_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    assert error_of(folder) == f"{folder}: cannot read: Is a directory"
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert error_of(fifo) == f"{fifo}: cannot read: not a regular file"
    assert error_of(Path("/dev/zero")) == "/dev/zero: cannot read: not a regular file"


@pytest.mark.parametrize("kind", ["dangling symlink", "symlink loop", "directory"])
def test_a_default_config_yaml_that_cannot_be_read_is_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """``config.yaml`` in the working directory that is there but unreadable (a symlink to a config
    that was moved away, say) is an error, not silently replaced by the defaults (SQLite, the bundled
    notes) while the token comes from the environment."""
    monkeypatch.chdir(tmp_path)
    path = Path("config.yaml")
    if kind == "dangling symlink":
        path.symlink_to(tmp_path / "moved-away.yaml")
        expected = "config.yaml: file not found"
    elif kind == "symlink loop":
        path.symlink_to("config.yaml")
        expected = "config.yaml: cannot read: Too many levels of symbolic links"
    else:
        path.mkdir()
        expected = "config.yaml: cannot read: Is a directory"
    assert error_of(None, {"DISCORD_TOKEN": TOKEN}) == expected


# -- tokens ---------------------------------------------------------------------------------------------


def test_a_token_pasted_as_a_key_is_hidden(tmp_path: Path) -> None:
    for text in (f"{TOKEN}: 1\n", f"discord:\n  {TOKEN}: 1\n", f"quiz: {{'{TOKEN}': 1}}\n"):
        message = error_of(config(tmp_path, text))
        assert "unknown key" in message
        assert "token-shaped text hidden" in message
        assert TOKEN not in message
        for part in TOKEN.split("."):
            assert part not in message
    proc = run_cli(tmp_path, "run", "--config", "config.yaml")
    assert TOKEN.split(".")[-1] not in proc.stderr + proc.stdout
    one_error_line(proc)


def test_a_token_pasted_as_a_knowledge_path_is_hidden(tmp_path: Path) -> None:
    """knowledge.paths is any path, so a token there is a valid setting: the knowledge error that
    names the missing path must not echo it (with a token: before logging is set up; without: the
    console of ``make run``)."""
    config(
        tmp_path, f"knowledge:\n  paths: [{TOKEN}]\ndiscord:\n  api_base_url: http://127.0.0.1:9/api/v10\n"
    )
    for args, env in (
        (("run", "--config", "config.yaml", "--console-without-token"), {}),
        (("run", "--config", "config.yaml"), {"DISCORD_TOKEN": "another-test-token"}),
    ):
        proc = run_cli(tmp_path, *args, env=env)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "token-shaped text hidden" in proc.stderr
        for part in TOKEN.split("."):
            assert part not in proc.stderr + proc.stdout


def test_a_token_is_hidden_in_values_anchors_and_variable_names(tmp_path: Path) -> None:
    cases = [
        (config(tmp_path, f"quiz:\n  mode: {TOKEN}\n"), {}),
        (config(tmp_path, f"quiz:\n  mode: &{TOKEN} typed\n"), {}),
        (config(tmp_path, f"quiz:\n  mode: [{TOKEN}, {TOKEN}x]\n"), {}),
        (None, {f"STUDYBOT_{TOKEN}": "1"}),
        (None, {"STUDYBOT_QUIZ_MODE": f"x {TOKEN} y"}),
    ]
    for path, env in cases:
        message = error_of(path, env)
        for part in TOKEN.split("."):
            assert part not in message, message


def test_the_configured_token_is_hidden_even_when_not_token_shaped(tmp_path: Path) -> None:
    secret = "s3cr3t-test-token-value"
    path = config(tmp_path, f"discord:\n  token: {secret}\n  api_base_url: {secret}\n")
    message = error_of(path)
    assert "discord.api_base_url" in message
    assert secret not in message


def test_a_key_given_twice_is_refused_naming_both_lines(tmp_path: Path) -> None:
    # YAML's loaders keep the last of two equal keys: the owner edits the first and nothing changes
    path = config(tmp_path, "quiz:\n  seconds: 20\n  mode: typed\n  seconds: 45\n")
    assert error_of(path) == f"{path}:4: quiz.seconds: given twice (first on line 2); keep one"
    path = config(tmp_path, "knowledge:\n  paths: [knowledge]\nquiz: {}\nknowledge:\n  paths: [other]\n")
    assert error_of(path) == f"{path}:4: knowledge: given twice (first on line 1); keep one"
