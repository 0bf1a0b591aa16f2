"""Shared checks of the cogs: Manage Server, or the bot's owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

T = TypeVar("T")


async def may_manage_server(interaction: discord.Interaction[Any]) -> bool:
    """Whether the user has Manage Server where the interaction happens, or owns the bot."""
    if interaction.permissions.manage_guild:
        return True
    client = interaction.client
    return isinstance(client, commands.Bot) and await client.is_owner(interaction.user)


async def require_manage_server(interaction: discord.Interaction[Any]) -> None:
    """MissingPermissions (Manage Server) unless :func:`may_manage_server`; for options that need it."""
    if not await may_manage_server(interaction):
        raise app_commands.MissingPermissions(["manage_guild"])


async def _manage_server_or_owner(interaction: discord.Interaction[Any]) -> bool:
    await require_manage_server(interaction)
    return True


def manage_server_or_owner() -> Callable[[T], T]:
    """The ``app_commands.check`` for commands that need Manage Server (or the bot's owner).

    A refusal is ``MissingPermissions(["manage_guild"])``, which the one error handler words as
    "You need the Manage Server permission for that."
    """
    return app_commands.check(_manage_server_or_owner)
