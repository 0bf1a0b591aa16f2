"""/privacy delete-my-data: a member deletes what the bot stored about them in one server.

Discord's developer policy expects a way to have one's data deleted. In the server where it is run, this
removes the member's quiz scores, daily totals and answer history, their review flashcards and reminder
setting; rounds they started are kept for the others' scores but no longer name them. Other servers are
untouched. The member confirms with a button; every message is ephemeral.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import StudyBot
from bot.review.repository import ReviewRepository
from bot.storage import Store

log = logging.getLogger(__name__)

#: How long the confirmation buttons work.
CONFIRM_TIMEOUT = 120.0
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class DeletedData:
    """How much was deleted for one member in one server."""

    answers: int
    cards: int


async def delete_member(store: Store, guild_id: int, member_id: int) -> DeletedData:
    """Delete one member's scores, history and flashcards in one server."""
    answers = await store.delete_member_data(guild_id, member_id)
    cards = await ReviewRepository(store.engine).delete_member_cards(guild_id, member_id)
    log.info("deleted the data of member %s in guild %s on request", member_id, guild_id)
    return DeletedData(answers, cards)


class ConfirmDeleteView(discord.ui.View):
    """Delete or keep; only the member who asked can press the buttons."""

    def __init__(self, store: Store, guild_id: int, member_id: int) -> None:
        super().__init__(timeout=CONFIRM_TIMEOUT)
        self.store = store
        self.guild_id = guild_id
        self.member_id = member_id

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Only the member whose data it is."""
        if interaction.user.id != self.member_id:
            await interaction.response.send_message("This is not your confirmation.", ephemeral=True)
            return False
        return True

    @discord.ui.button(label="Delete my data", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction[Any], _button: discord.ui.Button[Any]) -> None:
        """Delete, then say what was deleted."""
        self.stop()
        deleted = await delete_member(self.store, self.guild_id, self.member_id)
        await interaction.response.edit_message(
            content=(
                f"Deleted your data on this server: {deleted.answers} quiz answers with your scores, "
                f"and {deleted.cards} review cards. Other servers are not affected."
            ),
            view=None,
            allowed_mentions=NO_MENTIONS,
        )

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction[Any], _button: discord.ui.Button[Any]) -> None:
        """Keep everything."""
        self.stop()
        await interaction.response.edit_message(
            content="Nothing was deleted.", view=None, allowed_mentions=NO_MENTIONS
        )


class Privacy(commands.Cog):
    """Members' control over the data the bot keeps about them."""

    privacy = app_commands.Group(name="privacy", description="Your data on this server.", guild_only=True)

    def __init__(self, bot: StudyBot, store: Store) -> None:
        self.bot = bot
        self.store = store

    @privacy.command(name="delete-my-data")
    async def delete_my_data(self, interaction: discord.Interaction[Any]) -> None:
        """Delete your quiz scores, answer history and review cards on this server."""
        assert interaction.guild is not None
        view = ConfirmDeleteView(self.store, interaction.guild.id, interaction.user.id)
        await interaction.response.send_message(
            "Delete everything I keep about you on this server: your quiz scores and answer history "
            "(you leave the leaderboard) and your review cards? This cannot be undone.",
            view=view,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: commands.Bot) -> None:
    """Add the privacy cog (it needs the database store)."""
    assert isinstance(bot, StudyBot), "cogs.privacy needs a StudyBot"
    if bot.store is None:
        log.warning("no database store: /privacy is off")
        return
    await bot.add_cog(Privacy(bot, bot.store))
