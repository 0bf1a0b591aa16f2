"""Every extension in cogs/ loads into the real bot (with its store open), and registers its commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from discord.ext import commands

from bot.config import load_settings
from bot.discord_bot import StudyBot, create_bot, extension_names


@pytest.fixture
async def offline_bot(tmp_path: Path) -> StudyBot:
    """The bot as ``python -m bot run`` builds it, not connected, with its store open."""
    config = tmp_path / "config.yaml"
    config.write_text(f"database:\n  url: sqlite+aiosqlite:///{tmp_path / 'bot.db'}\n", encoding="utf-8")
    bot = create_bot(load_settings(config, {}))
    await bot.services.open()
    yield bot
    await bot.close()


def test_extensions_are_discovered() -> None:
    names = extension_names()
    assert {"cogs.lookup", "cogs.admin"} <= set(names)
    assert not any(n.split(".")[-1].startswith("_") for n in names), "helper modules are not extensions"


@pytest.mark.parametrize("name", extension_names())
async def test_every_extension_loads(offline_bot: StudyBot, name: str) -> None:
    await offline_bot.load_extension(name)
    assert name in offline_bot.extensions
    module_cogs = [c for c in offline_bot.cogs.values() if type(c).__module__.partition("._")[0] == name]
    assert module_cogs, f"{name} added no cog"
    for cog in module_cogs:
        assert isinstance(cog, commands.Cog)
    await offline_bot.unload_extension(name)


async def test_all_extensions_load_together_without_command_clashes(offline_bot: StudyBot) -> None:
    for name in extension_names():
        await offline_bot.load_extension(name)
    names = [c.name for c in offline_bot.tree.get_commands()]
    assert len(names) == len(set(names))
    assert {"define", "topics", "kb"} <= set(names)
    for command in offline_bot.tree.walk_commands():
        assert 1 <= len(command.description) <= 100, command.qualified_name
