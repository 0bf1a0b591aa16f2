"""Per-server leaderboards: /leaderboard show (paged with persistent buttons), /leaderboard reset, /rank."""

from __future__ import annotations

import logging
import re
from typing import Any, Literal, Protocol, runtime_checkable

import discord
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock
from bot.discord_bot import StudyBot
from bot.notes import NotesLibrary
from bot.storage import LeaderboardPage, Period, Store
from bot.wording import plural
from cogs._autocomplete import topic_choices
from cogs._buttons import ConfirmButton, ReportsErrors, disabled_view, no_longer_active, short_hash
from cogs._render import EMBED_COLOUR, truncate

log = logging.getLogger(__name__)

PeriodName = Literal["week", "month", "all"]
PAGE_SIZE = 10
#: How long a leaderboard reset may be confirmed.
RESET_CONFIRM_SECONDS = 60
NO_MENTIONS = discord.AllowedMentions.none()


def mention(member_id: int) -> str:
    """A member mention (never pings: every send uses AllowedMentions.none())."""
    return f"<@{member_id}>"


def leaderboard_embed(
    page: LeaderboardPage, period: Period, topic: str | None, guild_name: str
) -> discord.Embed:
    """One page of a leaderboard."""
    span = {Period.WEEK: "this week", Period.MONTH: "this month", Period.ALL: "all time"}[period]
    title = f"Leaderboard: {guild_name}"
    lines = [
        f"**{row.rank}.** {mention(row.member_id)}: {plural(row.points, 'point')} "
        f"({row.correct}/{row.answered} right)"
        for row in page.rows
    ]
    embed = discord.Embed(
        title=truncate(title, 256),
        description="\n".join(lines) if lines else "No answers yet. Start a round with `/quiz start`.",
        colour=EMBED_COLOUR,
    )
    current = page.offset // page.limit + 1
    embed.set_footer(text=f"{span}{f' · {topic}' if topic else ''} · page {current}/{page.pages}")
    return embed


def scores_of(members: int) -> str:
    """ "member's scores" or "members' scores"."""
    return "member's scores" if members == 1 else "members' scores"


@runtime_checkable
class LeaderboardButtons(Protocol):
    """What the page and reset buttons call: the loaded leaderboard cog."""

    async def turn_page(
        self, interaction: discord.Interaction[Any], period: Period, offset: int, topic_code: str
    ) -> None:
        """Show that page of the leaderboard."""
        ...

    async def confirm_reset(
        self, interaction: discord.Interaction[Any], member_id: int, until: int, action: str
    ) -> None:
        """Reset (or not) the leaderboard."""
        ...


def leaderboard_cog(interaction: discord.Interaction[Any]) -> LeaderboardButtons:
    """The loaded leaderboard cog (checked by shape: a reloaded extension's class is another class)."""
    client = interaction.client
    cog = client.get_cog("Leaderboard") if isinstance(client, commands.Bot) else None
    assert isinstance(cog, LeaderboardButtons), "the leaderboard cog is not loaded"
    return cog


def _topic_code(topic: str | None) -> str:
    return "-" if topic is None else short_hash(topic)


class PageButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"lb:(?P<way>[pn]):(?P<period>week|month|all):(?P<offset>\d+):(?P<topic>-|[0-9a-f]{12})",
):
    """Previous or next page of a leaderboard; period, offset and topic are in the custom id."""

    def __init__(self, way: str, period: Period, offset: int, topic: str, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="Previous" if way == "p" else "Next",
                style=discord.ButtonStyle.secondary,
                custom_id=f"lb:{way}:{period.value}:{offset}:{topic}",
                disabled=disabled,
            )
        )
        self.period = period
        self.offset = offset
        self.topic = topic

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        """Rebuild the button from its custom id."""
        return cls(match["way"], Period(match["period"]), int(match["offset"]), match["topic"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Show the page."""
        await leaderboard_cog(interaction).turn_page(interaction, self.period, self.offset, self.topic)


def leaderboard_view(page: LeaderboardPage, period: Period, topic: str | None) -> discord.ui.View:
    """Previous/next buttons for a leaderboard page."""
    view = discord.ui.View(timeout=None)
    code = _topic_code(topic)
    view.add_item(PageButton("p", period, max(0, page.offset - PAGE_SIZE), code, disabled=page.offset <= 0))
    view.add_item(
        PageButton(
            "n",
            period,
            page.offset + PAGE_SIZE,
            code,
            disabled=page.offset + page.limit >= page.total_members,
        )
    )
    return view


class ResetButton(
    ConfirmButton,
    template=r"reset:(?P<member>\d+):(?P<until>\d+):(?P<action>yes|no)",
):
    """Confirm or cancel a leaderboard reset: who asked and until when it may be confirmed."""

    PREFIX = "reset"
    YES_LABEL = "Reset the leaderboard"

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Reset (or not), once, by the moderator who asked, before the confirmation expires."""
        await leaderboard_cog(interaction).confirm_reset(interaction, self.member_id, self.until, self.action)


class Leaderboard(commands.Cog):
    """Per-server quiz leaderboards by week, month or all time, and topic."""

    leaderboard = app_commands.Group(
        name="leaderboard", description="This server's quiz leaderboard.", guild_only=True
    )

    def __init__(self, bot: StudyBot, *, notes: NotesLibrary, store: Store, clock: Clock) -> None:
        self.bot = bot
        self.notes = notes
        self.store = store
        self.clock = clock

    async def cog_load(self) -> None:
        """Register the page and reset buttons (they work after a restart)."""
        self.bot.add_dynamic_items(PageButton, ResetButton)

    async def cog_unload(self) -> None:
        """Forget the buttons."""
        self.bot.remove_dynamic_items(PageButton, ResetButton)

    @leaderboard.command(name="show")
    @app_commands.describe(
        period="this week (from Monday, UTC), this month or all time", topic="Only answers on this topic"
    )
    async def leaderboard_show(
        self, interaction: discord.Interaction[Any], period: PeriodName = "all", topic: str | None = None
    ) -> None:
        """Show this server's leaderboard."""
        assert interaction.guild is not None
        which = Period(period)
        page = await self.store.leaderboards.leaderboard(
            interaction.guild.id, period=which, topic=topic, limit=PAGE_SIZE
        )
        view = leaderboard_view(page, which, topic)
        embed = leaderboard_embed(page, which, topic, interaction.guild.name)
        await interaction.response.send_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)

    @leaderboard_show.autocomplete("topic")
    async def leaderboard_topics(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Topics answered on this server, and the notes' topics."""
        stored = await self.store.leaderboards.topics(interaction.guild_id or 0)
        kb = (await self.notes.for_guild(interaction.guild_id)).kb
        return topic_choices(kb, current, also=stored)

    @leaderboard.command(name="reset")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def leaderboard_reset(self, interaction: discord.Interaction[Any]) -> None:
        """Wipe this server's leaderboard (asks to confirm)."""
        assert interaction.guild is not None
        until = int(self.clock.now().timestamp() + RESET_CONFIRM_SECONDS)
        view = discord.ui.View(timeout=None)
        view.add_item(ResetButton(interaction.user.id, until, "yes"))
        view.add_item(ResetButton(interaction.user.id, until, "no"))
        await interaction.response.send_message(
            "Reset this server's leaderboard and answer history? This cannot be undone.",
            view=view,
            ephemeral=True,
        )

    @app_commands.command(name="rank")
    @app_commands.guild_only()
    @app_commands.describe(member="Whose rank (default: yours)")
    async def rank(self, interaction: discord.Interaction[Any], member: discord.Member | None = None) -> None:
        """Show a member's points, rank, accuracy and best streak on this server."""
        assert interaction.guild is not None
        who = member or interaction.user
        found = await self.store.leaderboards.rank(interaction.guild.id, who.id)
        if found is None:
            await interaction.response.send_message(
                f"{who.mention} has not answered a quiz question on this server yet.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        embed = discord.Embed(title=f"Rank of {who.display_name}"[:256], colour=EMBED_COLOUR)
        embed.add_field(name="Rank", value=f"{found.rank} of {found.of}")
        embed.add_field(name="Points", value=str(found.points))
        embed.add_field(name="Answers", value=f"{found.correct}/{found.answered} right")
        embed.add_field(name="Accuracy", value=f"{found.accuracy:.0%}")
        embed.add_field(name="Best streak", value=str(found.best_streak))
        await interaction.response.send_message(embed=embed, allowed_mentions=NO_MENTIONS)

    # --- buttons ---------------------------------------------------------------------------------------

    async def turn_page(
        self, interaction: discord.Interaction[Any], period: Period, offset: int, topic_code: str
    ) -> None:
        """A click on Previous/Next: show that page of the leaderboard."""
        guild = interaction.guild
        assert guild is not None
        topic: str | None = None
        if topic_code != "-":
            kb = (await self.notes.for_guild(guild.id)).kb
            known = {*await self.store.leaderboards.topics(guild.id), *(t.title for t in kb.topics)}
            topic = next((t for t in known if short_hash(t) == topic_code), None)
            if topic is None:
                await no_longer_active(interaction, "That topic is no longer on the leaderboard.")
                return
        page = await self.store.leaderboards.leaderboard(
            guild.id, period=period, topic=topic, limit=PAGE_SIZE, offset=offset
        )
        embed = leaderboard_embed(page, period, topic, guild.name)
        await interaction.response.edit_message(
            embed=embed, view=leaderboard_view(page, period, topic), allowed_mentions=NO_MENTIONS
        )

    async def confirm_reset(
        self, interaction: discord.Interaction[Any], member_id: int, until: int, action: str
    ) -> None:
        """A click on the reset confirmation: only its moderator, only before it expires."""
        if interaction.user.id != member_id:
            await interaction.response.send_message("This is not your confirmation.", ephemeral=True)
            return
        if self.clock.now().timestamp() > until:
            await no_longer_active(
                interaction, "This confirmation has expired: run `/leaderboard reset` again."
            )
            return
        message = interaction.message
        done = disabled_view(message) if message is not None else None
        if action != "yes":
            await interaction.response.edit_message(content="Nothing was reset.", view=done)
            return
        if interaction.guild_id is None or not interaction.permissions.manage_guild:
            await interaction.response.send_message(
                "You need the Manage Server permission for that.", ephemeral=True
            )
            return
        members = await self.store.leaderboards.reset(interaction.guild_id)
        await interaction.response.edit_message(
            content=f"The leaderboard was reset ({members} {scores_of(members)} removed).", view=done
        )


async def setup(bot: StudyBot) -> None:
    """Load the leaderboard cog with the services it uses."""
    services = bot.services
    await bot.add_cog(Leaderboard(bot, notes=services.notes, store=services.store, clock=services.clock))
