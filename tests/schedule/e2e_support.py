"""Helpers for the schedule e2e tests: bots that share one loopback Discord and one database.

``tests/e2e/conftest.py``'s ``start_bot`` gives every bot its own fake Discord; restarts and
several processes need the same fake (same guild and channel ids) and the same database, so
these helpers start and stop bots against a given fake.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from bot.config import load_settings
from bot.discord_bot import StudyBot, create_bot, run_bot
from bot.loader import DEFAULT_KNOWLEDGE_PATH
from bot.schedule.repository import Schedule, ScheduleRepository
from bot.storage.schema import schedules
from tests.e2e.conftest import World, merge
from tests.fakediscord import FakeDiscord

READY_TIMEOUT = 30.0


@dataclass
class RunningBot:
    """One bot process (a task in this event loop) connected to the shared fake."""

    bot: StudyBot
    task: asyncio.Task[None]

    @property
    def cog(self) -> Any:
        """The schedule cog."""
        cog = self.bot.get_cog("Schedules")
        assert cog is not None, "the schedule cog is not loaded"
        return cog

    @property
    def repository(self) -> ScheduleRepository:
        """The cog's repository."""
        repository: ScheduleRepository = self.cog.repository
        return repository

    def assert_alive(self) -> None:
        """The bot task has not died."""
        if self.task.done():
            exc = None if self.task.cancelled() else self.task.exception()
            raise AssertionError(f"the bot task ended: {exc!r}")

    async def stop(self) -> None:
        """Close the bot as a shutdown would."""
        self.assert_alive()
        await self.bot.close()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self.task, 5.0)


async def start_bot_on(
    fake: FakeDiscord,
    world: World,
    directory: Path,
    database_url: str,
    config: dict[str, Any] | None = None,
    *,
    name: str = "bot",
    guilds: list[int] | None = None,
) -> RunningBot:
    """Start the real bot (config file -> ``create_bot`` -> ``run_bot``) against ``fake``."""
    defaults: dict[str, Any] = {
        "knowledge": {"paths": [str(DEFAULT_KNOWLEDGE_PATH)]},
        "database": {"url": database_url},
        "discord": {
            "api_base_url": fake.api_base_url,
            "gateway_url": fake.gateway_url,
            "sync": guilds or [world.guild.id],
        },
        "study_channels": [world.study.id],
        "log_level": "DEBUG",
    }
    path = directory / f"config-{name}.yaml"
    path.write_text(yaml.safe_dump(merge(defaults, config or {})), encoding="utf-8")
    settings = load_settings(path, {"DISCORD_TOKEN": fake.token})
    bot = create_bot(settings, guild_ready_timeout=0.05)
    task = asyncio.create_task(run_bot(bot), name=f"studybot-{name}")
    ready = asyncio.ensure_future(bot.wait_until_ready())
    done, _ = await asyncio.wait({ready, task}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        raise AssertionError(f"bot {name} was not ready: {task.exception() if task.done() else 'timeout'}")
    running = RunningBot(bot, task)
    running.assert_alive()
    return running


async def pull_forward(repository: ScheduleRepository, schedule_id: int, when: datetime) -> None:
    """Move a schedule's next run (test set-up: as if it had been created for ``when``)."""
    async with repository.rows.engine.begin() as conn:
        await conn.execute(sa.update(schedules).where(schedules.c.id == schedule_id).values(next_run_at=when))


async def only_schedule(repository: ScheduleRepository, guild_id: int) -> Schedule:
    """The guild's single schedule."""
    found = await repository.list_for_guild(guild_id)
    assert len(found) == 1, found
    return found[0]


def utcnow() -> datetime:
    """The wall clock (the e2e bots run on it)."""
    return datetime.now(UTC)


def assert_clean(fake: FakeDiscord, *, allowed_pings: set[str] | None = None) -> None:
    """Nothing Discord would refuse and no ping except ``allowed_pings`` (e.g. ``{"role:123"}``)."""
    assert fake.violations == [], f"Discord would have refused: {fake.violations}"
    unexpected = [(s.text, p) for s, p in fake.pings() if not set(p) <= (allowed_pings or set())]
    assert unexpected == [], f"sends that would ping: {unexpected}"
