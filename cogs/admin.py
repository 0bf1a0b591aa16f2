"""Knowledge-base administration: /kb reload for the bot owner or members with Manage Server."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import StudyBot
from bot.knowledge import KnowledgeError
from bot.services import Knowledge
from cogs._checks import manage_server_or_owner
from cogs._render import MESSAGE_LIMIT, code_block

log = logging.getLogger(__name__)


class KnowledgeAdmin(commands.Cog):
    """Reload the notes without restarting the bot."""

    kb = app_commands.Group(
        name="kb",
        description="Manage the notes the bot answers from.",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    def __init__(self, bot: StudyBot, knowledge: Knowledge) -> None:
        self.bot = bot
        self.knowledge = knowledge

    @kb.command(name="reload")
    @manage_server_or_owner()
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        """Reload the notes from disk; on errors the current notes keep serving."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        old = self.knowledge.kb
        try:
            kb = await self.knowledge.reload()
        except KnowledgeError as exc:
            count = len(exc.problems)
            log.warning("Reload refused (%d problems); still serving %s", count, old.summary())
            header = (
                f"Reload failed with {count} problem{'s' if count != 1 else ''}; "
                f"still serving the previous notes ({old.summary()})."
            )
            problems = [str(p) for p in exc.problems] or [str(exc)]
            body = code_block(problems, MESSAGE_LIMIT - len(header) - 1)
            await interaction.followup.send(f"{header}\n{body}", ephemeral=True)
            return
        await interaction.followup.send(f"Reloaded the notes: {kb.summary()}.", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the knowledge administration cog."""
    assert isinstance(bot, StudyBot), "cogs.admin needs a StudyBot"
    await bot.add_cog(KnowledgeAdmin(bot, bot.services.knowledge))
