"""Hardening, secrets: the token never shows in logs, error messages or stderr; config.yaml is git-ignored."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from pathlib import Path

import discord
import pytest

from bot.config import ConfigError, describe, load_settings
from bot.discord_bot import StartupRefused, create_bot, run_bot
from tests.e2e.conftest import StartBot, World, build_world
from tests.fakediscord import FakeDiscord
from tests.hardening.support import TOKEN

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
#: Any of these in output would leak (a part of the token is enough to narrow a brute force).
SECRET_PARTS = (TOKEN, TOKEN.split(".")[2], TOKEN.split(".")[0])


def assert_secret_free(text: str, where: str) -> None:
    """No part of the token is in ``text``."""
    for part in SECRET_PARTS:
        start = max(0, text.find(part) - 80)
        assert part not in text, f"the token leaked into {where}: ...{text[start:][:200]}"


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record as formatted text, tracebacks and raw arguments included."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(formatter.format(record))
        parts.append(repr(record.args))
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(repr(record.exc_info[1]))
    return "\n".join(parts)


def capture_everything(caplog: pytest.LogCaptureFixture) -> None:
    """DEBUG for our loggers and discord.py's (gateway, http, client)."""
    caplog.set_level(logging.DEBUG)
    for name in ("discord", "discord.http", "discord.gateway", "discord.client", "bot", "cogs"):
        caplog.set_level(logging.DEBUG, logger=name)


def token_world(fake: FakeDiscord) -> World:
    """The usual world, with Discord expecting the token-shaped secret."""
    fake.token = TOKEN
    return build_world(fake)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for ``python -m bot`` without any STUDYBOT_ settings of the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_") and k != "DISCORD_TOKEN"}
    env.update(extra)
    return env


BAD_CONFIGS = {
    "typo in a section": f"discrod:\n  token: {TOKEN}\n",
    "typo in a key": f"discord:\n  token: {TOKEN}\n  tokn: {TOKEN}\n",
    "Bot prefix": f"discord:\n  token: Bot {TOKEN}\n",
    "space inside": f"discord:\n  token: '{TOKEN[:20]} {TOKEN[20:]}'\n",
    "not a string": f"discord:\n  token: [{TOKEN}]\n",
    "a mapping": f"discord:\n  token: {{value: {TOKEN}}}\n",
    "broken YAML on the token line": f"discord:\n  token: {TOKEN}: oops\n",
    "unclosed quote": f'discord:\n  token: "{TOKEN}\n',
    "token with a bad neighbour": f"discord:\n  token: {TOKEN}\n  shard_ids: [3]\n",
    "bad value next to it": f"discord:\n  token: {TOKEN}\n  api_base_url: {TOKEN}\n",
}


@pytest.mark.parametrize("text", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_config_errors_never_show_the_token(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, {})
    assert_secret_free(str(caught.value), "a ConfigError")
    assert_secret_free(repr(caught.value), "a ConfigError's repr")


@pytest.mark.parametrize(
    "env",
    [
        {"DISCORD_TOKEN": f"Bot {TOKEN}"},
        {"DISCORD_TOKEN": f"{TOKEN} {TOKEN}"},
        {"STUDYBOT_DISCORD_TOKEN": f"Bot {TOKEN}"},
        {"DISCORD_TOKEN": TOKEN, "STUDYBOT_QUIZ_SECONDS": TOKEN},
        {"DISCORD_TOKEN": TOKEN, "STUDYBOT_DISCORD_TOKN": TOKEN},
    ],
)
def test_environment_errors_never_show_the_token(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(None, env)
    assert_secret_free(str(caught.value), "a ConfigError")


def test_settings_repr_and_summary_hide_the_token() -> None:
    settings = load_settings(None, {"DISCORD_TOKEN": TOKEN})
    assert settings.discord.token == TOKEN
    for text in (repr(settings), str(settings), repr(settings.discord), describe(settings)):
        assert_secret_free(text, "the settings' text")
    assert "token=set" in describe(settings)


def test_a_token_pasted_into_the_database_url_is_hidden_in_the_settings_line() -> None:
    """``Settings: ... database=sqlite:///<token>`` (the line ``bot run`` logs) showed it."""
    settings = load_settings(None, {"STUDYBOT_DATABASE_URL": f"sqlite:///{TOKEN}"})
    assert_secret_free(describe(settings), "the Settings: line")
    assert "database=sqlite:///<token-shaped text hidden>" in describe(settings)


def test_a_token_pasted_as_a_variable_name_is_hidden_and_the_quote_closed() -> None:
    """``STUDYBOT_<token with _ for .>=1`` printed 13 characters of it and an unclosed quote."""
    name = "STUDYBOT_" + TOKEN.replace(".", "_")
    with pytest.raises(ConfigError) as caught:
        load_settings(None, {name: "1"})
    message = str(caught.value)
    assert_secret_free(message, "the unknown-setting error")
    for part in TOKEN.split("."):
        assert part[:8] not in message, message
    assert message.count("'") % 2 == 0, message
    assert "unknown setting" in message
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=REPO,
        env={**child_env(), name: "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: STUDYBOT_<token-shaped text hidden>: unknown setting"), done.stderr
    assert_secret_free(done.stdout + done.stderr, "the run command's output")


def test_the_run_command_prints_config_errors_without_the_token(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(BAD_CONFIGS["Bot prefix"] + "quiz:\n  seconds: 1\n", encoding="utf-8")
    for env in (child_env(), child_env(DISCORD_TOKEN=f"Bot {TOKEN}")):
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run", "--config", str(path)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("error: ")
        assert_secret_free(done.stdout + done.stderr, "the run command's output")


async def test_a_whole_session_with_errors_never_logs_the_token(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    capture_everything(caplog)
    h = await start_bot(world=token_world)
    w = h.world
    assert h.fake.identify_payloads[0]["token"] == TOKEN, "the bot really used the secret"

    # a command that crashes (traceback logged), one refused for permissions, one over the cooldown
    def explode(text: str) -> None:
        raise RuntimeError(f"lookup failed for {text!r}")

    monkeypatch.setattr(h.bot.matcher, "lookup", explode)
    crashed = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert crashed["content"] == "Something went wrong on my side; the error has been logged."
    monkeypatch.undo()
    refused = await (await h.fake.slash(w.member, w.general, "kb reload")).message()
    assert "Manage Server" in refused["content"]
    # Discord errors on REST calls: a 403 on a reply is logged by discord.py's handler
    h.fake.inject("POST", r"/channels/\d+/messages$", status=403, count=1)
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    await h.fake.wait_for(lambda: any(c.status == 403 for c in h.fake.calls), 5, "the 403")
    # a gateway drop: the RESUME frame carries the token
    await h.fake.drop_gateway(4000)
    await h.fake.wait_for_connection(resumes=1)
    answer = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert answer["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()

    assert any(r.name.startswith("discord.") and r.levelno == logging.DEBUG for r in caplog.records)
    assert any(r.exc_info for r in caplog.records), "the crash was logged with its traceback"
    assert_secret_free(all_log_text(caplog), "the logs")


async def test_a_refused_login_is_one_clear_error_without_the_token(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    capture_everything(caplog)
    async with FakeDiscord(token="the-token-discord-knows") as fake:
        build_world(fake)
        config = tmp_path / "config.yaml"
        config.write_text(
            f"discord:\n  api_base_url: {fake.api_base_url}\n  gateway_url: {fake.gateway_url}\n"
            "log_level: DEBUG\n",
            encoding="utf-8",
        )
        bot = create_bot(load_settings(config, {"DISCORD_TOKEN": TOKEN}), guild_ready_timeout=0.05)
        with pytest.raises(StartupRefused) as caught:
            await asyncio.wait_for(run_bot(bot), 10)
        assert [c.status for c in fake.calls_to("GET", r"^/users/@me$")] == [401]
        refusal = caught.value.__context__
        assert isinstance(refusal, discord.LoginFailure)
        assert not caught.value.config_problem
        assert_secret_free(str(caught.value) + repr(caught.value), "the start-up error")
        assert_secret_free(str(refusal) + repr(refusal), "the LoginFailure")
        assert_secret_free(all_log_text(caplog), "the logs")

        # the same through `python -m bot run`: exit code 1, one line on stderr, no token anywhere
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--config",
            str(config),
            cwd=REPO,
            env=child_env(DISCORD_TOKEN=TOKEN),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 60)
        stderr = err.decode()
        assert process.returncode == 1, stderr
        assert "error: Discord refused the token in DISCORD_TOKEN" in stderr
        assert_secret_free(out.decode() + stderr, "the run command's output")
        assert len(fake.calls_to("GET", r"^/users/@me$")) == 2


def test_config_yaml_is_git_ignored_and_the_example_is_not() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", "config.yaml"], cwd=REPO, check=False
    )
    assert ignored.returncode == 0, "config.yaml (which may hold the token) must be git-ignored"
    example = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", "config.example.yaml"], cwd=REPO, check=False
    )
    assert example.returncode == 1, "config.example.yaml must not be ignored"
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", "config.yaml"], cwd=REPO, capture_output=True, check=False
    )
    assert tracked.returncode != 0, "config.yaml is tracked by git"
