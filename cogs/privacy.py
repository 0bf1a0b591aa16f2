"""/privacy delete-my-data: a member deletes what the bot stored about them in one server.

Discord's developer policy expects a way to have one's data deleted. In the server where it is run, this
removes the member's quiz scores, daily totals and answer history, their review flashcards and reminder
setting; rounds they started are kept for the others' scores but no longer name them. Other servers are
untouched. The member confirms with a button; every message is ephemeral.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import StudyBot
from bot.storage import Store
from bot.wording import plural
from cogs._buttons import ConfirmButton, disabled_view, no_longer_active

log = logging.getLogger(__name__)

#: How long the confirmation buttons work, in seconds.
CONFIRM_TIMEOUT = 120
NO_MENTIONS = discord.AllowedMentions.none()


class DeleteButton(
    ConfirmButton,
    template=r"privacy:(?P<member>\d+):(?P<until>\d+):(?P<action>yes|no)",
):
    """Delete or keep: whose data and until when it may be confirmed are in the custom id."""

    PREFIX = "privacy"
    YES_LABEL = "Delete my data"

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Delete (or not), only for the member whose data it is, before the confirmation expires."""
        cog = interaction.client.get_cog("Privacy")
        assert isinstance(cog, Privacy), "the privacy cog is not loaded"
        await cog.confirm(interaction, self.member_id, self.until, self.action)


class Privacy(commands.Cog):
    """Members' control over the data the bot keeps about them."""

    privacy = app_commands.Group(name="privacy", description="Your data on this server.", guild_only=True)

    def __init__(self, bot: StudyBot, store: Store) -> None:
        self.bot = bot
        self.store = store

    async def cog_load(self) -> None:
        """Register the confirmation buttons (they work after a restart, until they expire)."""
        self.bot.add_dynamic_items(DeleteButton)

    async def cog_unload(self) -> None:
        """Forget the buttons."""
        self.bot.remove_dynamic_items(DeleteButton)

    async def confirm(
        self, interaction: discord.Interaction[Any], member_id: int, until: int, action: str
    ) -> None:
        """Delete, or keep everything; the message's buttons are disabled either way."""
        if interaction.user.id != member_id:
            await interaction.response.send_message("This is not your confirmation.", ephemeral=True)
            return
        if self.store.clock.now().timestamp() > until:
            await no_longer_active(
                interaction, "This confirmation has expired: run `/privacy delete-my-data` again."
            )
            return
        done = disabled_view(interaction.message) if interaction.message is not None else None
        if action != "yes" or interaction.guild_id is None:
            await interaction.response.edit_message(
                content="Nothing was deleted.", view=done, allowed_mentions=NO_MENTIONS
            )
            return
        deleted = await self.store.delete_member_data(interaction.guild_id, member_id)
        await interaction.response.edit_message(
            content=(
                f"Deleted your data on this server: {plural(deleted.answers, 'quiz answer')} with your "
                f"scores, and {plural(deleted.cards, 'review card')}. Other servers are not affected."
            ),
            view=done,
            allowed_mentions=NO_MENTIONS,
        )

    @privacy.command(name="delete-my-data")
    async def delete_my_data(self, interaction: discord.Interaction[Any]) -> None:
        """Delete your quiz scores, answer history and review cards on this server."""
        assert interaction.guild is not None
        until = int(self.store.clock.now().timestamp() + CONFIRM_TIMEOUT)
        view = discord.ui.View(timeout=None)
        view.add_item(DeleteButton(interaction.user.id, until, "yes"))
        view.add_item(DeleteButton(interaction.user.id, until, "no"))
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
    await bot.add_cog(Privacy(bot, bot.services.store))
