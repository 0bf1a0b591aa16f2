"""/stats: a member's accuracy by topic, streaks, weak spots and a progress chart; the server's weak spots."""

from __future__ import annotations

import io
import logging
from datetime import datetime
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import format_dt

from bot.chart import ChartRenderer, chart_weeks
from bot.clock import Clock
from bot.discord_bot import StudyBot
from bot.review import ReviewRepository
from bot.storage.stats import MemberStats, ServerMissed, StatsRepository
from bot.wording import plural
from cogs._checks import require_manage_server
from cogs._render import EMBED_COLOUR, EMBED_FIELD_VALUE_LIMIT, fit_embed, fit_lines, truncate

log = logging.getLogger(__name__)

CHART_NAME = "progress.png"
TOPIC_LINES = 10


def member_embed(name: str, stats: MemberStats, due: int, next_due: datetime | None) -> discord.Embed:
    """The numbers of one member's stats."""
    embed = discord.Embed(title=truncate(f"Study stats: {name}", 256), colour=EMBED_COLOUR)
    if not stats.has_answers:
        embed.description = "No quiz answers here yet. Join a quiz round, or study the notes with /review."
    else:
        total = stats.total
        embed.description = (
            f"**{plural(total.answered, 'answer')}**, **{total.percent}%** right\n"
            f"Streak: **{stats.streak}** right in a row (best {stats.best_streak}) · "
            f"**{plural(stats.day_streak, 'day')}** in a row with answers"
        )
        topics = [
            f"{t.topic}: {t.accuracy.correct}/{t.accuracy.answered} ({t.accuracy.percent}%)"
            for t in stats.by_topic[:TOPIC_LINES]
        ]
        embed.add_field(
            name="Accuracy by topic", value=fit_lines(topics, EMBED_FIELD_VALUE_LIMIT), inline=False
        )
        if stats.most_missed:
            missed = [f"{m.term}: missed {m.missed} of {m.answered}" for m in stats.most_missed]
            embed.add_field(
                name="Missed most", value=fit_lines(missed, EMBED_FIELD_VALUE_LIMIT), inline=False
            )
    if due:
        cards = f"{plural(due, 'card')} due now: `/review` to study them"
    elif next_due is not None:
        cards = f"none due, next one {format_dt(next_due, 'R')}"
    else:
        cards = "none yet: `/review` starts with a few new ones a day"
    embed.add_field(name="Flashcards", value=cards, inline=False)
    return fit_embed(embed)


def server_embed(guild_name: str, missed: ServerMissed) -> discord.Embed:
    """The terms a server missed most this week."""
    embed = discord.Embed(
        title=truncate(f"Missed most this week: {guild_name}", 256),
        colour=EMBED_COLOUR,
    )
    since = format_dt(missed.since, "d")
    if not missed.terms:
        embed.description = f"Nothing missed since {since} ({plural(missed.answered, 'answer')} in all)."
        return embed
    lines = [
        f"{i}. **{m.term}** ({m.topic}): {m.missed} {'miss' if m.missed == 1 else 'misses'} "
        f"by {plural(m.members, 'member')}, {m.answered - m.missed}/{m.answered} right"
        for i, m in enumerate(missed.terms, 1)
    ]
    header = f"From {plural(missed.answered, 'answer')} since {since}: worth going over.\n"
    embed.description = header + fit_lines(lines, 4000 - len(header))
    return fit_embed(embed)


class Stats(commands.Cog):
    """Accuracy, weak spots and progress, from the quiz history of this server."""

    def __init__(
        self, bot: StudyBot, *, stats: StatsRepository, reviews: ReviewRepository, clock: Clock
    ) -> None:
        self.bot = bot
        self.statistics = stats
        self.clock = clock
        self.repository = reviews
        #: Charts are drawn in a worker process, off the event loop and its interpreter lock; it starts
        #: with the first chart (the reply is deferred meanwhile), so start-up does not pay for it.
        self.charts = ChartRenderer()

    async def cog_unload(self) -> None:
        """Stop the chart process."""
        self.charts.close()

    @app_commands.command(name="stats")
    @app_commands.guild_only()
    @app_commands.describe(
        member="Whose stats (default: yours).",
        server="Show the terms this server missed most this week instead (Manage Server).",
    )
    async def stats(
        self,
        interaction: discord.Interaction[Any],
        member: discord.Member | None = None,
        server: bool = False,
    ) -> None:
        """Your accuracy by topic, streaks, weak spots and a progress chart."""
        guild = interaction.guild
        assert guild is not None
        if server:
            await require_manage_server(interaction)
            await interaction.response.defer(ephemeral=True, thinking=True)
            missed = await self.statistics.server_missed(guild.id, self.clock.now())
            await interaction.followup.send(embed=server_embed(guild.name, missed), ephemeral=True)
            return
        who = member or interaction.user
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.clock.now()
        stats = await self.statistics.member(guild.id, who.id, now)
        due = await self.repository.due_count(guild.id, who.id, now)
        next_due = await self.repository.next_due_at(guild.id, who.id)
        embed = member_embed(who.display_name, stats, due, next_due)
        if not stats.weekly:
            await interaction.followup.send(embed=embed, ephemeral=True)
            return
        title = f"{who.display_name}: right answers by topic, week by week"
        png = await self.charts.progress(stats.weekly, chart_weeks(now.date()), title)
        embed.set_image(url=f"attachment://{CHART_NAME}")
        await interaction.followup.send(
            embed=embed, file=discord.File(io.BytesIO(png), filename=CHART_NAME), ephemeral=True
        )


async def setup(bot: commands.Bot) -> None:
    """Load the stats cog with the services it uses (the study statistics, the flashcards, the clock)."""
    assert isinstance(bot, StudyBot), "cogs.stats needs a StudyBot"
    services = bot.services
    await bot.add_cog(Stats(bot, stats=services.store.stats, reviews=services.reviews, clock=services.clock))
