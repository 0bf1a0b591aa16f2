"""SQLite is one process's database: a second ``python -m bot run`` on the same file is refused
with one line (naming the first one's pid) and touches nothing: the first one's live round goes on and is
not announced as interrupted."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
import yaml

from bot.storage import RoundStatus, Store
from tests.dbutil import sqlite_url
from tests.e2e.conftest import World
from tests.e2e.test_hardening_kill import REPO, STEP, BotProcess, fake_and_world, term_asked, write_notes
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.e2e

__all__ = ["fake_and_world"]  # the fixture, used by name below


async def test_a_second_bot_on_the_same_sqlite_file_is_refused_and_changes_nothing(
    tmp_path, fake_and_world: tuple[FakeDiscord, World]
) -> None:
    fake, w = fake_and_world
    database = tmp_path / "studybot.db"
    config = tmp_path / "config.yaml"
    settings = {
        "knowledge": {"paths": [str(write_notes(tmp_path / "notes.yaml"))]},
        "database": {"url": sqlite_url(database)},
        "discord": {"api_base_url": fake.api_base_url, "gateway_url": fake.gateway_url, "sync": [w.guild.id]},
    }
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")

    first = BotProcess(config, fake.token)
    first_env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")}
    try:
        await first.start()
        handle = await fake.slash(w.member, w.study, "quiz start", questions=2, seconds=120, mode="typed")
        assert "started a quiz" in (await handle.message(STEP))["content"]
        question = await fake.next_message(w.study, STEP)
        assert question["embeds"][0]["title"] == "Question 1/2"

        second = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--config",
            str(config),
            cwd=REPO,
            env={**first_env, "DISCORD_TOKEN": fake.token},
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(second.communicate(), STEP)
        assert second.returncode == 1
        assert out == b""
        assert first.process is not None
        expected = (
            f"error: another studybot process (pid {first.process.pid}) is using {database}; "
            "use PostgreSQL to run several"
        )
        assert err.decode().strip().splitlines()[-1] == expected
        assert "Traceback" not in err.decode()

        # the first bot's round goes on: no "interrupted" notice, the answer is taken
        await fake.send_message(w.member, w.study, term_asked(question))
        card = await fake.next_message(w.study, STEP)
        assert "got it" in card["embeds"][0]["description"]
        assert not any("interrupted" in (m.get("content") or "") for m in fake.unread_messages(w.study))
    finally:
        await first.stop()

    store = await Store.open(sqlite_url(database))
    try:
        stored = await store.rounds.get_round(1)
        assert stored is not None
        assert stored.status is not RoundStatus.INTERRUPTED, "the second process marked it interrupted"
        rank = await store.leaderboards.rank(w.guild.id, w.member.id)
        assert rank is not None
        assert rank.correct == 1
    finally:
        await store.close()


async def test_the_bot_leaves_a_live_console_round_alone(tmp_path, start_bot) -> None:  # type: ignore[no-untyped-def]
    """The console shares the bot's SQLite file: a bot starting while a console round runs does not
    take that round for an interrupted one (it would tell channel 0, which is no Discord channel)."""
    from bot.clock import SystemClock

    store = await Store.open(sqlite_url(tmp_path / "studybot.db"))
    try:
        console_round = await store.rounds.start_round(0, 0, 0, {"questions": 3}, SystemClock().now())
    finally:
        await store.close()
    h = await start_bot()
    assert h.fake.unread_messages(h.world.study) == []
    stored = await h.bot.store.rounds.get_round(console_round)
    assert stored is not None
    assert stored.status is RoundStatus.RUNNING
