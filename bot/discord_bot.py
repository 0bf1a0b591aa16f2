"""The Discord client: takes the services built once, loads the cogs and handles every command error.

This is the one module of ``bot`` that imports discord. Each cog's ``setup`` hands the cog the services
it uses (``bot.services``: settings, notes and matcher, database, quiz rounds, clock, random source).
"""

from __future__ import annotations

import asyncio
import logging
import os
import pkgutil
import random
import socket
import time
from collections.abc import Sequence
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.types.user import User as UserPayload

import cogs
from bot.clock import Clock
from bot.config import (
    DEFAULT_API_BASE_URL,
    DEFAULT_GATEWAY_URL,
    TOKEN_ENV,
    DiscordSettings,
    Settings,
    describe,
)
from bot.errors import UserError
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.notes import NotesLibrary
from bot.services import Services, build_services
from bot.storage import DatabaseUnavailable, Store, reported_as_database_down
from bot.wording import plural

log = logging.getLogger(__name__)

#: What a user sees when a command fails for a reason we did not foresee.
GENERIC_ERROR = "Something went wrong on my side; the error has been logged."


def friendly_message(error: BaseException) -> str | None:
    """The user-facing message for a :class:`UserError` or a check error, or None if it is a bug.

    A database that cannot be reached is a :class:`DatabaseUnavailable` (logged as a warning).
    """
    if reported_as_database_down(error) and not isinstance(error, DatabaseUnavailable):
        log.warning("database unavailable: %s", str(error).splitlines()[0][:200] if str(error) else error)
        error = DatabaseUnavailable(error)
    if isinstance(error, UserError):
        return error.user_message
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Easy there: you can do that again in {max(1, round(error.retry_after))} s."
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(
            p.replace("_", " ").replace("guild", "server").title() for p in error.missing_permissions
        )
        return f"You need the {needed} permission for that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That only works in a server."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand {error.value!r} there."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that here."
    return None


# --- endpoints, intents, knowledge ---------------------------------------------------------------------


def apply_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py's REST and gateway at the configured URLs (only when they differ from the current)."""
    if settings.api_base_url != discord.http.Route.BASE:
        if settings.api_base_url != DEFAULT_API_BASE_URL:
            log.warning("Using a non-default Discord API at %s", settings.api_base_url)
        discord.http.Route.BASE = settings.api_base_url
    gateway = yarl.URL(settings.gateway_url)
    current = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    if str(current).rstrip("/") != str(gateway).rstrip("/"):
        if settings.gateway_url != DEFAULT_GATEWAY_URL:
            log.warning("Using a non-default Discord gateway at %s", settings.gateway_url)
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


def build_intents(settings: Settings) -> discord.Intents:
    """Only what the bot needs: guilds, guild messages, and message content if enabled."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = settings.discord.message_content
    return intents


def extension_names() -> list[str]:
    """Every extension module in ``cogs/`` (modules starting with ``_`` are helpers)."""
    return sorted(
        f"{cogs.__name__}.{m.name}" for m in pkgutil.iter_modules(cogs.__path__) if not m.name.startswith("_")
    )


# --- the bot -------------------------------------------------------------------------------------------


class StudyCommandTree(app_commands.CommandTree["StudyBot"]):
    """The command tree whose on_error is the bot's one error handler."""

    async def on_error(
        self, interaction: discord.Interaction[StudyBot], error: app_commands.AppCommandError
    ) -> None:
        """Hand every app command error to the bot."""
        await interaction.client.report_interaction_error(interaction, error)


class StudyBot(commands.Bot):
    """The study bot: the process's services, handed to every cog."""

    def __init__(
        self,
        services: Services,
        *,
        extensions: Sequence[str] | None = None,
        identify_delay: float = 5.0,
        **options: Any,
    ) -> None:
        settings = services.settings
        options.setdefault("guild_ready_timeout", 2.0)
        # The bot never joins voice (no voice-state intent): discord.py's start-up warnings about the
        # voice libraries (PyNaCl, davey) are noise here, so they are switched off where they are raised.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        if settings.discord.shard_count is not None:
            options.setdefault("shard_count", settings.discord.shard_count)
        if settings.discord.shard_ids is not None:
            options.setdefault("shard_ids", list(settings.discord.shard_ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=build_intents(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=StudyCommandTree,
            chunk_guilds_at_startup=False,
            **options,
        )
        self.services = services
        self.identify_delay = identify_delay
        self.extension_list: list[str] = list(extension_names() if extensions is None else extensions)
        self.synced_commands: list[app_commands.AppCommand] = []
        self._dynamic_items: set[type[discord.ui.DynamicItem[Any]]] = set()

    @property
    def settings(self) -> Settings:
        """The settings the bot was built with."""
        return self.services.settings

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base being served."""
        return self.services.knowledge.kb

    @property
    def matcher(self) -> Matcher:
        """The matcher over :attr:`kb`."""
        return self.services.knowledge.matcher

    @property
    def store(self) -> Store:
        """The open database (from ``setup_hook`` until ``close``)."""
        return self.services.store

    @property
    def notes(self) -> NotesLibrary:
        """Each server's notes (the shared ones plus its own)."""
        return self.services.notes

    async def reload_knowledge(self) -> KnowledgeBase:
        """Reload the notes from disk; on KnowledgeError the old knowledge base keeps serving."""
        return await self.services.knowledge.reload()

    # lifecycle --------------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """Open the database, load every cog, sync the slash commands."""
        # exclusive: a second bot on the same SQLite file is refused (DatabaseInUse)
        await self.services.open(exclusive=True)
        for name in self.extension_list:
            await self.load_extension(name)
        log.info("Loaded %d extensions: %s", len(self.extension_list), ", ".join(self.extension_list))
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Sync commands globally, or to the configured test guilds (instant)."""
        sync = self.settings.discord.sync
        try:
            if sync == "global":
                self.synced_commands = await self.tree.sync()
                log.info(
                    "Synced %d commands globally (may take up to an hour to show)", len(self.synced_commands)
                )
                return
            for guild_id in sync:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                self.synced_commands = await self.tree.sync(guild=guild)
                log.info("Synced %d commands to guild %d", len(self.synced_commands), guild_id)
        except discord.HTTPException as exc:
            log.error("Could not sync commands (%s); is the bot in every guild listed in discord.sync?", exc)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Wait ``identify_delay`` (Discord's 5 s) before every IDENTIFY but the first."""
        if not initial:
            await asyncio.sleep(self.identify_delay)

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        """Dispatch an event, unless the bot has closed.

        discord.py's ``close()`` ends by setting ``loop`` to MISSING, and a shard still winding down
        then dispatches ``disconnect``: its handler's coroutine was made and never scheduled
        (AttributeError in the shard's task, "coroutine 'Client._run_event' was never awaited").
        """
        if self.loop is discord.utils.MISSING:
            log.debug("event %r after close: not dispatched", event_name)
            return
        super().dispatch(event_name, *args, **kwargs)

    async def close(self) -> None:
        """Unload the cogs and disconnect, then stop the quiz rounds and close the database."""
        started = time.monotonic()
        try:
            await super().close()
            log.debug("cogs unloaded and Discord closed in %.2f s", time.monotonic() - started)
        finally:
            await self.services.close()
            log.debug("services closed; the bot closed in %.2f s", time.monotonic() - started)

    async def on_ready(self) -> None:
        """Log once connected: who we are, where, and what we serve."""
        user = self.user
        log.info(
            "Ready as %s (id %s) in %s, serving %s",
            user,
            user.id if user else "?",
            plural(len(self.guilds), "guild"),
            self.kb.summary(),
        )

    # components ---------------------------------------------------------------------------------

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Register persistent buttons (cogs do, in cog_load) and remember their custom-id templates."""
        super().add_dynamic_items(*items)
        self._dynamic_items.update(items)

    def remove_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Forget persistent buttons."""
        super().remove_dynamic_items(*items)
        self._dynamic_items.difference_update(items)

    def handles_custom_id(self, custom_id: str) -> bool:
        """Whether a registered persistent button answers clicks on ``custom_id``."""
        return any(item.__discord_ui_compiled_template__.fullmatch(custom_id) for item in self._dynamic_items)

    # errors -----------------------------------------------------------------------------------

    async def report_interaction_error(
        self, interaction: discord.Interaction[Any], error: BaseException
    ) -> None:
        """The one error handler: a short ephemeral message for the user, the traceback for the log."""
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        message = friendly_message(original)
        command = interaction.command.qualified_name if interaction.command else "?"
        if message is None:
            log.error("Command %r failed", command, exc_info=original)
            message = GENERIC_ERROR
        else:
            log.info("Command %r refused: %s", command, message)
        try:
            if interaction.type is discord.InteractionType.autocomplete:
                if not interaction.response.is_done():
                    await interaction.response.autocomplete([])
            elif interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("Could not tell the user about the error: %s", exc)

    async def on_command_error(
        self, context: commands.Context[Any], exception: commands.CommandError, /
    ) -> None:
        """Errors of text commands: ignore unknown commands, log the rest."""
        if isinstance(exception, commands.CommandNotFound):
            return
        original = getattr(exception, "original", exception)
        message = friendly_message(original)
        if message is None:
            log.error("Text command failed", exc_info=original)
            message = GENERIC_ERROR
        try:
            await context.reply(message, mention_author=False)
        except discord.HTTPException as exc:
            log.warning("Could not tell the user about the error: %s", exc)


class ShardedStudyBot(StudyBot, commands.AutoShardedBot):
    """The study bot running several shards in one process."""


def create_bot(
    settings: Settings,
    *,
    kb: KnowledgeBase | None = None,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    **options: Any,
) -> StudyBot:
    """The bot exactly as ``python -m bot run`` builds it, on :func:`bot.services.build_services`.

    Loads the notes unless ``kb`` is given (KnowledgeError lists every problem); ``clock`` (default the
    wall clock) and ``rng`` (default unseeded) reach every cog. ``options`` go to discord.py's Bot.
    """
    apply_endpoints(settings.discord)
    services = build_services(settings, kb=kb, clock=clock, rng=rng)
    kb = services.knowledge.kb
    if not settings.discord.message_content:
        log.warning(
            "discord.message_content is off: plain questions in study channels are not seen; "
            "slash commands and mentions still work"
        )
    log.info("Settings: %s", describe(settings))
    log.info("Knowledge base: %s", kb.summary())
    cls = ShardedStudyBot if settings.discord.sharded else StudyBot
    return cls(services, **options)


class StartupRefused(Exception):
    """Discord refused to run the bot; the message is one line for the user, without the token."""

    def __init__(self, message: str, *, config_problem: bool) -> None:
        super().__init__(message)
        self.config_problem = config_problem


def connect_reason(exc: aiohttp.ClientConnectorError) -> str:
    """Why a connection failed, in a few words: ``Connection refused``, ``Name or service not known``."""
    os_error = exc.os_error
    if not isinstance(os_error, socket.gaierror) and isinstance(os_error.errno, int) and os_error.errno > 0:
        reason = os.strerror(os_error.errno)  # "Connection refused", not "Connect call failed (...)"
    else:
        reason = os_error.strerror or str(os_error) or type(os_error).__name__
    return " ".join(str(reason).split())[:200]


def bound_login(bot: StudyBot, where: str) -> None:
    """Make the login call (GET /users/@me) give up after ``discord.login_timeout_seconds``.

    A port that accepts connections and never answers would otherwise hang ``bot run`` forever; a server
    that answers but is not Discord's API (an HTML 404 page) raised a traceback. Both become
    StartupRefused. Only the HTTP call is bounded, not the rest of the login (database, cogs, sync).
    """
    http = bot.http
    original = http.static_login
    seconds = bot.settings.discord.login_timeout_seconds

    async def static_login(token: str) -> UserPayload:
        try:
            async with asyncio.timeout(seconds):
                return await original(token)
        except TimeoutError:
            raise StartupRefused(
                f"cannot reach Discord at {where} (no answer in {seconds:g} s)", config_problem=True
            ) from None
        except discord.HTTPException as exc:
            if exc.status == 404:
                reason = "HTTP 404 from a server that is not Discord's API"
            else:
                reason = f"HTTP {exc.status} from the API"
            raise StartupRefused(f"cannot reach Discord at {where} ({reason})", config_problem=True) from None

    http.static_login = static_login  # type: ignore[method-assign]


async def connect_within(bot: StudyBot, seconds: float) -> None:
    """``bot.connect()`` until the bot is closed, giving up if the gateway has not sent READY within
    ``seconds`` of the first attempt (StartupRefused, a config problem).

    discord.py retries a gateway that accepts connections and never speaks forever (60 s per attempt,
    then again with back-off), so ``bot run`` hung without a word; later drops are discord.py's to
    resume as usual.
    """
    ready = asyncio.ensure_future(bot.wait_for("connect"))  # dispatched on the first READY
    running = asyncio.ensure_future(bot.connect())
    try:
        done, _ = await asyncio.wait({ready, running}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        if not done:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
            raise StartupRefused(
                f"cannot reach Discord's gateway at {bot.settings.discord.gateway_url} "
                f"(no answer in {seconds:g} s)",
                config_problem=True,
            )
        await running
    finally:
        for task in (ready, running):
            task.cancel()
        await asyncio.gather(ready, running, return_exceptions=True)


async def run_bot(bot: StudyBot) -> None:
    """Log in and run until closed.

    Raises StartupRefused (one line for the user) when Discord cannot be reached at the configured API
    (connection refused, DNS failure, time-out: ``config_problem`` is True) or refuses the token or the
    intents.
    """
    token = bot.settings.discord.token
    if not token:
        raise RuntimeError("no Discord token configured")
    from bot.storage import DatabaseInUse

    where = bot.settings.discord.api_base_url
    bound_login(bot, where)
    try:
        async with bot:
            await bot.login(token)
            await connect_within(bot, bot.settings.discord.login_timeout_seconds)
    except DatabaseInUse as exc:
        raise StartupRefused(str(exc), config_problem=False) from None
    except aiohttp.ClientConnectorError as exc:  # connection refused, DNS failure, TLS failure
        raise StartupRefused(
            f"cannot reach Discord at {bot.settings.discord.api_base_url} ({connect_reason(exc)})",
            config_problem=True,
        ) from None
    except aiohttp.InvalidURL as exc:  # e.g. a port out of range that slipped past the config check
        raise StartupRefused(
            f"cannot reach Discord at {where} (invalid URL: {' '.join(str(exc).split())[:200]})",
            config_problem=True,
        ) from None
    except TimeoutError:
        raise StartupRefused(f"cannot reach Discord at {where} (timed out)", config_problem=True) from None
    except discord.LoginFailure:
        raise StartupRefused(
            f"Discord refused the token in {TOKEN_ENV}; check or reset it", config_problem=False
        ) from None
    except discord.PrivilegedIntentsRequired:
        raise StartupRefused(
            "the Message Content intent is off in the developer portal: switch it on "
            "or set discord.message_content: false",
            config_problem=True,
        ) from None
