"""/help: a short private list of what a member can do, and what moderators can, generated from the
registered app commands (so it never drifts from them)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import StudyBot
from cogs._render import EMBED_COLOUR, EMBED_DESCRIPTION_LIMIT, fit_lines

log = logging.getLogger(__name__)

Command = app_commands.Command[Any, ..., Any]


def for_moderators(command: Command) -> bool:
    """Whether Discord shows the command only to members with some permission (Manage Server...)."""
    node: Command | app_commands.Group | None = command
    while node is not None:
        perms = node.default_permissions
        if perms is not None and perms.value:
            return True
        node = node.parent
    return False


def help_lines(
    commands_: Iterable[Command], mention: dict[str, str] | None = None
) -> tuple[list[str], list[str]]:
    """(everyone's lines, moderators' lines): ``</name:id> - description``, sorted by name."""
    everyone: list[str] = []
    moderators: list[str] = []
    names = mention or {}
    for command in sorted(commands_, key=lambda c: c.qualified_name):
        shown = names.get(command.qualified_name, f"`/{command.qualified_name}`")
        line = f"{shown} - {command.description}"
        (moderators if for_moderators(command) else everyone).append(line)
    return everyone, moderators


class Help(commands.Cog):
    """The /help command."""

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    def _mentions(self) -> dict[str, str]:
        """Clickable ``</quiz start:id>`` mentions for the synced commands."""
        found: dict[str, str] = {}
        for synced in self.bot.synced_commands:
            found[synced.name] = f"</{synced.name}:{synced.id}>"
            for option in synced.options:
                if isinstance(option, app_commands.AppCommandGroup):
                    found[option.qualified_name] = f"</{option.qualified_name}:{synced.id}>"
                    for sub in option.options:
                        if isinstance(sub, app_commands.AppCommandGroup):
                            found[sub.qualified_name] = f"</{sub.qualified_name}:{synced.id}>"
        return found

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """What you can do with this bot (only you see it)."""
        registered = [c for c in self.bot.tree.walk_commands() if isinstance(c, app_commands.Command)]
        everyone, moderators = help_lines(registered, self._mentions())
        lines = [
            "Ask me a definition question in a study channel, or mention me with one "
            '("what\'s a type 2 hypervisor?").',
            "",
            "**Everyone**",
            *everyone,
        ]
        if moderators:
            lines += ["", "**Moderators** (Manage Server)", *moderators]
        embed = discord.Embed(
            title="What I can do", description=fit_lines(lines, EMBED_DESCRIPTION_LIMIT), colour=EMBED_COLOUR
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the help cog."""
    assert isinstance(bot, StudyBot), "cogs.help needs a StudyBot"
    await bot.add_cog(Help(bot))
