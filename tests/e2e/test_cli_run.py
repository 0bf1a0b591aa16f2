"""``python -m bot run`` as users start it: config errors are one line and exit 2; no token -> console."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def run_bot_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str = "", python: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """``python [PYTHON] -m bot run ARGS`` in ``cwd`` with only ``env`` (plus PATH and PYTHONPATH) set."""
    clean = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, *python, "-m", "bot", "run", *args],
        cwd=cwd,
        env=clean,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        (
            "quiz:\n  seconds: abc\n",
            {"DISCORD_TOKEN": "x.y.z"},
            "error: config.yaml: quiz.seconds: must be an integer from 5 to 120, got 'abc'",
        ),
        (
            "quizz:\n  seconds: 10\n",
            {"DISCORD_TOKEN": "x.y.z"},
            "error: config.yaml: quizz: unknown key (did you mean 'quiz'?)",
        ),
        (
            "discord:\n  sync: [general]\n",
            {"DISCORD_TOKEN": "x.y.z"},
            "error: config.yaml: discord.sync: must be \"global\" or a list of guild ids, got ['general']",
        ),
        (
            "discord:\n  api_base_url: http://127.0.0.1:99999/api\n",
            {"DISCORD_TOKEN": "x.y.z"},
            "error: config.yaml: discord.api_base_url: must be a https or http URL, "
            "got 'http://127.0.0.1:99999/api' (bad host or port)",
        ),
        (
            "quiz: [unclosed\n",
            {"DISCORD_TOKEN": "x.y.z"},
            "error: config.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "",
            {"DISCORD_TOKEN": "x.y.z", "STUDYBOT_QUIZ_MODE": "oral"},
            "error: STUDYBOT_QUIZ_MODE: must be one of typed, buttons, mixed, got 'oral'",
        ),
        (
            "",
            {"DISCORD_TOKEN": "x.y.z", "STUDYBOT_LOOKUP_COOLDOWN": "5"},
            "error: STUDYBOT_LOOKUP_COOLDOWN: unknown setting "
            "(did you mean 'STUDYBOT_LOOKUP_COOLDOWN_RATE'?)",
        ),
        (
            "",
            {},
            "error: no DISCORD_TOKEN is set: export DISCORD_TOKEN=<your bot token> "
            "(or use --console-without-token for the offline console)",
        ),
    ],
)
def test_config_errors_are_one_line_on_stderr_with_exit_code_2(
    tmp_path: Path, config: str, env: dict[str, str], expected: str
) -> None:
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    result = run_bot_cli(cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [expected]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_config_file_given_with_config_is_an_error(tmp_path: Path) -> None:
    result = run_bot_cli("--config", "nowhere.yaml", cwd=tmp_path, env={"DISCORD_TOKEN": "x.y.z"})
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["error: nowhere.yaml: file not found"]


def test_without_a_token_the_flag_starts_the_offline_console_on_the_bundled_notes(tmp_path: Path) -> None:
    result = run_bot_cli("--console-without-token", cwd=tmp_path, stdin="what is a hypervisor?\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "No DISCORD_TOKEN is set: starting the offline console on the bundled knowledge base "
        "(Ctrl-D to quit)."
    ]
    assert "Software that manages the distribution of the physical resources" in result.stdout


#: Runs ``python -m bot run --console-without-token`` in-process, then names the heavy modules it imported.
#: Modules a question never needs (half a second of imports and more): storage and what it imports,
#: the notes importer, charts, the English word frequencies (only a typo near a real word needs them).
HEAVY = ("sqlalchemy", "alembic", "bot.storage", "bot.importer", "matplotlib", "wordfreq")


@pytest.mark.parametrize(
    ("lines", "imported"),
    [
        ("what is a hypervisor?\nwhat is vm escape\n", []),
        ("what is a hypervisor?\n/help\n", ["sqlalchemy", "alembic", "bot.storage"]),
    ],
)
def test_make_run_answers_questions_without_the_database_libraries(
    tmp_path: Path, lines: str, imported: list[str]
) -> None:
    """Questions are answered without SQLAlchemy, Alembic, storage or the notes importer; the first
    command brings in what /quiz and /review need."""
    env = {"STUDYBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'console.db'}"}
    result = run_bot_cli(
        "--console-without-token", cwd=tmp_path, env=env, stdin=lines, python=("-X", "importtime")
    )
    assert result.returncode == 0, result.stderr
    assert "Software that manages the distribution of the physical resources" in result.stdout
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "bot.matching" in modules  # the importtime listing is there
    assert [name for name in HEAVY if name in modules] == imported


def test_make_run_console_is_the_full_console_with_quiz_and_review(tmp_path: Path) -> None:
    """`make run` without a token and `python -m bot console` are one console: /quiz and /review work."""
    db = tmp_path / "console.db"
    env = {"STUDYBOT_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    lines = "/help\n/quiz questions=1 mode=typed\nq\n/review\nq\n"
    result = run_bot_cli("--console-without-token", cwd=tmp_path, env=env, stdin=lines)
    assert result.returncode == 0, result.stderr
    assert "Unknown command" not in result.stdout
    assert "/quiz" in result.stdout
    assert "/review" in result.stdout
    assert db.exists(), "the quiz opened the configured database"

    console = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), **env},
        input="/help\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    def help_lines(stdout: str) -> list[str]:
        return [line for line in stdout.splitlines() if line.startswith("  /")]

    assert help_lines(console.stdout) == help_lines(result.stdout)
    assert len(help_lines(result.stdout)) >= 6


def closed_port() -> int:
    """A local port nothing listens on."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("base", "reason"),
    [
        ("http://127.0.0.1:{port}/api/v10", "refused"),
        ("http://discord.invalid/api/v10", "Name or service not known"),
    ],
    ids=["closed port", "DNS failure"],
)
def test_discord_unreachable_is_one_line_and_exit_2_without_voice_warnings(
    tmp_path: Path, base: str, reason: str
) -> None:
    url = base.format(port=closed_port())
    (tmp_path / "config.yaml").write_text(
        f"discord:\n  api_base_url: {url}\n  gateway_url: ws://127.0.0.1:{closed_port()}/gateway\n",
        encoding="utf-8",
    )
    result = run_bot_cli(cwd=tmp_path, env={"DISCORD_TOKEN": "x.y.z"})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: cannot reach Discord at {url} (")
    assert reason in errors[0]
    assert result.stderr.rstrip().endswith(errors[0])
    assert "voice" not in result.stderr.casefold(), result.stderr
    assert "alembic" not in result.stderr, "Alembic's set-up lines are DEBUG noise"


@contextlib.contextmanager
def not_discord_http_server() -> Iterator[int]:
    """A plain HTTP server (like ``python3 -m http.server``) answering every GET with an HTML 404 page."""

    class NotFound(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"<html><body><h1>404 Not Found</h1>nothing here</body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def black_hole() -> Iterator[int]:
    """A port that accepts TCP connections (the kernel's backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield int(listener.getsockname()[1])


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.rstrip().endswith(errors[0])
    return errors[0]


def test_an_http_server_that_is_not_discord_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with not_discord_http_server() as port:
        url = f"http://127.0.0.1:{port}/api/v10"
        (tmp_path / "config.yaml").write_text(
            f"discord:\n  api_base_url: {url}\n  gateway_url: ws://127.0.0.1:{closed_port()}/gateway\n",
            encoding="utf-8",
        )
        result = run_bot_cli(cwd=tmp_path, env={"DISCORD_TOKEN": "x.y.z"})
    error = one_error_line(result)
    assert error == f"error: cannot reach Discord at {url} (HTTP 404 from a server that is not Discord's API)"
    assert "<html" not in result.stderr


def test_a_black_hole_gives_up_after_the_login_timeout(tmp_path: Path) -> None:
    with black_hole() as port:
        url = f"http://127.0.0.1:{port}/api/v10"
        (tmp_path / "config.yaml").write_text(
            f"discord:\n  api_base_url: {url}\n  gateway_url: ws://127.0.0.1:{closed_port()}/gateway\n"
            "  login_timeout_seconds: 1\n",
            encoding="utf-8",
        )
        started = time.monotonic()
        result = run_bot_cli(cwd=tmp_path, env={"DISCORD_TOKEN": "x.y.z"})
        elapsed = time.monotonic() - started
    assert one_error_line(result) == f"error: cannot reach Discord at {url} (no answer in 1 s)"
    assert elapsed < 30, elapsed


async def test_an_invalid_url_at_run_time_is_startup_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import discord

    from bot.config import load_settings
    from bot.discord_bot import StartupRefused, create_bot, run_bot

    config = tmp_path / "config.yaml"
    config.write_text(
        f"discord:\n  api_base_url: http://127.0.0.1:{closed_port()}/api\n"
        f"database:\n  url: sqlite+aiosqlite:///{tmp_path / 'bot.db'}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)  # restored after the test
    bot = create_bot(load_settings(config, {"DISCORD_TOKEN": "x.y.z"}))
    # what the config check now refuses, set behind its back: aiohttp raises InvalidUrlClientError
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:99999/api")
    with pytest.raises(StartupRefused) as caught:
        await asyncio.wait_for(run_bot(bot), 10)
    assert caught.value.config_problem
    where = bot.settings.discord.api_base_url
    assert str(caught.value).startswith(f"cannot reach Discord at {where} (invalid URL")


async def test_a_gateway_that_never_speaks_gives_up_after_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The REST API answers (the loopback Discord), the gateway accepts TCP and never speaks: discord.py
    would retry it forever (60 s per attempt); ``bot run`` gives up with one line after the timeout."""
    import discord

    from bot.config import load_settings
    from bot.discord_bot import StartupRefused, create_bot, run_bot
    from tests.e2e.conftest import build_world
    from tests.fakediscord import FakeDiscord

    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)  # restored after the test
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    fake = FakeDiscord()
    build_world(fake)
    await fake.start()
    try:
        with black_hole() as port:
            gateway = f"ws://127.0.0.1:{port}/gateway"
            config = tmp_path / "config.yaml"
            config.write_text(
                f"discord:\n  api_base_url: {fake.api_base_url}\n  gateway_url: {gateway}\n"
                "  login_timeout_seconds: 1\n  sync: global\n"
                f"database:\n  url: sqlite+aiosqlite:///{tmp_path / 'bot.db'}\n",
                encoding="utf-8",
            )
            bot = create_bot(load_settings(config, {"DISCORD_TOKEN": fake.token}), guild_ready_timeout=0.05)
            started = time.monotonic()
            with pytest.raises(StartupRefused) as caught:
                await asyncio.wait_for(run_bot(bot), 30)
            elapsed = time.monotonic() - started
    finally:
        await fake.close()
    assert str(caught.value) == f"cannot reach Discord's gateway at {gateway} (no answer in 1 s)"
    assert caught.value.config_problem
    assert elapsed < 15, elapsed  # the login, the database and the cogs, then 1 s
    assert bot.is_closed()


def test_the_offline_console_names_the_notes_the_config_gives(tmp_path: Path) -> None:
    notes = tmp_path / "mine"
    notes.mkdir()
    (notes / "n.yaml").write_text(
        "topic:\n  title: Mine\nentries:\n  - term: Widget\n    definition: A small part of a machine.\n"
    )
    (tmp_path / "config.yaml").write_text("knowledge:\n  paths: [mine]\n")
    result = run_bot_cli("--console-without-token", cwd=tmp_path, stdin="what is a widget?\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "No DISCORD_TOKEN is set: starting the offline console on the notes in mine (Ctrl-D to quit)."
    ]
    assert "A small part of a machine" in result.stdout
