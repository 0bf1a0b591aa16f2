"""Fixtures: a loopback Discord plus the real bot, started from a config file the way users start it.

``start_bot`` is a factory: ``h = await start_bot({"lookup": {"cooldown_rate": 2}})`` writes the config
(merged over defaults that point at the fake) to ``tmp_path/config.yaml``, loads it with ``load_settings``,
builds the bot with ``create_bot`` (what ``python -m bot run`` uses) and runs it as a task. ``config`` may
also be a function of the :class:`World` (to name channels or guilds by id); ``restart_of=h`` starts a
new bot on ``h``'s fake Discord and database (close or kill ``h``'s bot first). ``quiz_seed=N`` builds the
bot on a :class:`FakeClock` and ``random.Random(N)`` (passed to ``create_bot``, as every service gets
them) with no pause between questions; ``h.clock`` is that clock. At teardown the bot is closed
and the test fails if the fake recorded anything Discord would have refused, or a send that would ping.
"""

from __future__ import annotations

import asyncio
import logging
import random
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.clock import FakeClock
from bot.config import Settings, load_settings
from bot.discord_bot import StudyBot, create_bot, run_bot
from bot.loader import DEFAULT_KNOWLEDGE_PATH
from tests.fakediscord import Channel, FakeDiscord, Guild, Member, Permissions

#: How long a test waits for the bot to connect, and to close at teardown.
READY_TIMEOUT = 30.0
CLOSE_TIMEOUT = 10.0


@dataclass
class World:
    """The fake Discord's contents every test starts with."""

    fake: FakeDiscord
    guild: Guild
    general: Channel
    study: Channel
    member: Member
    moderator: Member


@dataclass
class Harness:
    """A running bot connected to its fake Discord."""

    world: World
    bot: StudyBot
    task: asyncio.Task[None]
    settings: Settings
    config_path: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def clock(self) -> FakeClock:
        """The fake clock the bot runs on (started with ``quiz_seed``)."""
        clock = self.bot.services.clock
        assert isinstance(clock, FakeClock), "start the bot with quiz_seed=N to run it on a FakeClock"
        return clock

    @property
    def fake(self) -> FakeDiscord:
        """The loopback Discord."""
        return self.world.fake

    stopped: bool = False

    async def close(self) -> None:
        """Close the bot the way a stopping process does (for restarts inside a test)."""
        self.stopped = True
        await asyncio.wait_for(self.bot.close(), CLOSE_TIMEOUT)
        await asyncio.wait_for(self.task, CLOSE_TIMEOUT)

    def assert_alive(self) -> None:
        """The bot task has not died (a bad event payload or a crash would end it)."""
        if self.task.done():
            exc = None if self.task.cancelled() else self.task.exception()
            raise AssertionError(f"the bot task ended: {exc!r}")


ConfigArg = dict[str, Any] | Callable[[World], dict[str, Any]] | None


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` merged into ``base`` section by section."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def build_world(fake: FakeDiscord) -> World:
    """One guild with #general, #study-hall, a plain member and a moderator with Manage Server."""
    guild = fake.add_guild("Study Group")
    general = next(iter(guild.channels.values()))
    study = guild.add_text_channel("study-hall")
    member = fake.add_member(guild, "alice")
    mods = guild.add_role("Moderators", Permissions.MANAGE_GUILD)
    moderator = fake.add_member(guild, "morgan", [mods])
    return World(fake, guild, general, study, member, moderator)


def copy_bundled_knowledge(directory: Path) -> Path:
    """A private copy of the bundled notes that a test may break."""
    target = directory / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_PATH, target)
    return target


async def _wait_ready(bot: StudyBot, task: asyncio.Task[None]) -> None:
    ready = asyncio.ensure_future(bot.wait_until_ready())
    done, _ = await asyncio.wait({ready, task}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task in done:
            raise AssertionError(f"the bot stopped before it was ready: {task.exception()!r}")
        raise AssertionError(f"the bot was not ready after {READY_TIMEOUT} s")


StartBot = Callable[..., Awaitable[Harness]]


@pytest.fixture
async def start_bot(tmp_path: Path) -> AsyncIterator[StartBot]:
    """Factory: start a fake Discord and the real bot from a config dict (see module docstring)."""
    started: list[Harness] = []
    fakes: list[FakeDiscord] = []

    async def start(
        config: ConfigArg = None,
        *,
        env: dict[str, str] | None = None,
        message_content_allowed: bool = True,
        world: Callable[[FakeDiscord], World] = build_world,
        restart_of: Harness | None = None,
        quiz_seed: int | None = None,
        **bot_options: Any,
    ) -> Harness:
        if restart_of is not None:  # a new bot process on the same Discord and database
            fake, the_world = restart_of.fake, restart_of.world
        else:
            fake = FakeDiscord(message_content_allowed=message_content_allowed)
            fakes.append(fake)
            the_world = world(fake)
            await fake.start()
        defaults: dict[str, Any] = {
            "knowledge": {"paths": [str(DEFAULT_KNOWLEDGE_PATH)]},
            "database": {"url": f"sqlite+aiosqlite:///{tmp_path / 'studybot.db'}"},
            "discord": {
                "api_base_url": fake.api_base_url,
                "gateway_url": fake.gateway_url,
                "sync": [the_world.guild.id],
            },
            "study_channels": [the_world.study.id],
            "log_level": "DEBUG",
        }
        if quiz_seed is not None:
            defaults["quiz"] = {"pause_seconds": 0}
            bot_options.setdefault("clock", FakeClock(datetime.now(UTC)))
            bot_options.setdefault("rng", random.Random(quiz_seed))
        override = config(the_world) if callable(config) else (config or {})
        config_path = tmp_path / f"config-{len(started)}.yaml"
        config_path.write_text(yaml.safe_dump(merge(defaults, override)), encoding="utf-8")
        settings = load_settings(config_path, {"DISCORD_TOKEN": fake.token, **(env or {})})
        bot_options.setdefault("guild_ready_timeout", 0.05)
        # Discord wants 5 s between IDENTIFYs; the fake does not.
        bot_options.setdefault("identify_delay", 0.0)
        bot = create_bot(settings, **bot_options)
        task = asyncio.create_task(run_bot(bot), name="studybot")
        harness = Harness(the_world, bot, task, settings, config_path)
        started.append(harness)
        await _wait_ready(bot, task)
        harness.assert_alive()
        return harness

    yield start

    for harness in started:
        alive = harness.stopped or not harness.task.done()
        try:
            await asyncio.wait_for(harness.bot.close(), CLOSE_TIMEOUT)
            await asyncio.wait_for(harness.task, CLOSE_TIMEOUT)
        except TimeoutError:
            harness.task.cancel()
            raise AssertionError(f"the bot did not close within {CLOSE_TIMEOUT} s") from None
        except Exception:
            logging.getLogger(__name__).exception("bot task ended with an error")
        assert alive, f"the bot task died during the test: {harness.task}"
    for fake in fakes:
        await fake.close()
    await _no_task_left_behind()
    for fake in fakes:
        assert fake.violations == [], f"Discord would have refused: {fake.violations}"
        assert fake.pings() == [], f"sends that would ping: {fake.pings()}"


async def _no_task_left_behind() -> None:
    """Cancel what the closed bot left running; fail, naming them, on tasks that ignore cancellation.

    Without this, such a task would hang the event loop's own teardown with no hint of the culprit.
    """
    current = asyncio.current_task()
    for _ in range(5):  # cancelled tasks' callbacks may start new ones: repeat until none is left
        for _ in range(3):
            await asyncio.sleep(0)
        leftovers = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
        if not leftovers:
            return
        for task in leftovers:
            task.cancel()
        _, pending = await asyncio.wait(leftovers, timeout=CLOSE_TIMEOUT)
        assert not pending, f"tasks ignored cancellation after the bot closed: {pending}"
