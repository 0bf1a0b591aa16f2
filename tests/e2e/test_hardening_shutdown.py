"""Hardening, shutting down mid-round: closing the bot while rounds run (one of them inside a database
call) finishes promptly and leaves no task behind. Before the fix the store was closed first, and a round
cancelled inside a database call could hang the event loop's shutdown.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

from bot.config import load_settings
from bot.discord_bot import create_bot, run_bot
from tests.dbutil import sqlite_url
from tests.e2e.conftest import build_world
from tests.fakediscord import FakeDiscord
from tests.hardening.support import fake_time, quiz_cog, start_quiz

pytestmark = pytest.mark.e2e


async def test_closing_with_rounds_running_leaves_nothing_behind(tmp_path: Path) -> None:
    async with FakeDiscord() as fake:
        w = build_world(fake)
        config = tmp_path / "config.yaml"
        settings = {
            "database": {"url": sqlite_url(tmp_path / "studybot.db")},
            "discord": {
                "api_base_url": fake.api_base_url,
                "gateway_url": fake.gateway_url,
                "sync": [w.guild.id],
            },
        }
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        bot = create_bot(
            load_settings(config, {"DISCORD_TOKEN": fake.token}), guild_ready_timeout=0.05, **fake_time()
        )
        task = asyncio.create_task(run_bot(bot))
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        cog, _clock = quiz_cog(bot)
        await start_quiz(fake, w.member, w.study, questions=3, seconds=20, mode="typed")
        await fake.next_message(w.study)  # this round waits on its clock
        await start_quiz(fake, w.moderator, w.general, questions=3, seconds=20, mode="typed")
        rounds = [state.task for state in cog.rounds.running()]
        assert len(rounds) == 2
        before = asyncio.all_tasks()
        await asyncio.wait_for(bot.close(), 10)  # the second round may still be storing its start
        await asyncio.wait_for(task, 10)
        assert all(r.done() for r in rounds)
        await asyncio.sleep(0)
        left = [t for t in asyncio.all_tasks() | before if not t.done() and t is not asyncio.current_task()]
        names = [repr(t.get_coro()) for t in left]
        assert not [n for n in names if "RoundRunner" in n or "aiosqlite" in n], names
        assert fake.violations == []
