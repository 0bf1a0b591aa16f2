"""Clicks on buttons nothing answers any more (an older version's custom ids, a cog that is off).

Every button the bot shows today is a registered ``DynamicItem``; a click whose custom id matches none
of them would otherwise fail silently ("This interaction failed"). It gets a private "This is no longer
active." and the message's buttons are disabled.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

from bot.discord_bot import StudyBot
from cogs._buttons import no_longer_active

log = logging.getLogger(__name__)


class StaleComponents(commands.Cog):
    """Answers clicks on components no registered item handles."""

    def __init__(self, bot: StudyBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """A click on an unknown custom id: a private "no longer active", and its buttons disabled."""
        if interaction.type is not discord.InteractionType.component:
            return
        data = interaction.data
        custom_id = str(data.get("custom_id", "")) if data is not None else ""
        if self.bot.handles_custom_id(custom_id):
            return
        log.info("click on an unknown component %r: answered 'no longer active'", custom_id[:100])
        try:
            await no_longer_active(interaction)
        except discord.HTTPException as exc:
            log.warning("could not answer a click on an old component: %s", exc)


async def setup(bot: commands.Bot) -> None:
    """Add the cog that answers stale clicks."""
    assert isinstance(bot, StudyBot), "cogs.stale needs a StudyBot"
    await bot.add_cog(StaleComponents(bot))
