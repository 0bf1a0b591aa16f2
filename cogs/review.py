"""Private flashcard reviews (/review) scheduled with FSRS, and opt-in daily "cards due" reminders.

The buttons are ``DynamicItem``s whose custom ids carry the card id and its review count, so they keep
working after a restart and a second click on the same card rates nothing (the count no longer matches).
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import format_dt

from bot.clock import Clock
from bot.discord_bot import StudyBot
from bot.notes import NotesLibrary
from bot.review import (
    CardPrompt,
    DueReminder,
    NothingDue,
    Rating,
    ReviewDesk,
    ReviewRepository,
    ReviewStep,
    short_interval,
)
from cogs._buttons import ReportsErrors
from cogs._render import (
    EMBED_COLOUR,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    EMBED_TITLE_LIMIT,
    bullets,
    button_label,
    fit_embed,
    truncate,
)

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
RATING_STYLES = {
    Rating.AGAIN: discord.ButtonStyle.danger,
    Rating.HARD: discord.ButtonStyle.secondary,
    Rating.GOOD: discord.ButtonStyle.success,
    Rating.EASY: discord.ButtonStyle.primary,
}
#: How often the reminder loop looks for members to remind.
REMINDER_CHECK = timedelta(minutes=1)


# --- rendering -----------------------------------------------------------------------------------------


def question_embed(prompt: CardPrompt) -> discord.Embed:
    """The front of the card: "What is X?"."""
    embed = discord.Embed(
        title=truncate(prompt.question, EMBED_TITLE_LIMIT),
        description="Say the answer to yourself, then show it.",
        colour=EMBED_COLOUR,
    )
    left = f"{prompt.due_left} due" if not prompt.card.is_new else "new card"
    embed.set_footer(text=truncate(f"{left} · {prompt.entry.topic.label}", 2048))
    return embed


def answer_embed(prompt: CardPrompt) -> discord.Embed:
    """The back of the card: the definition, details and examples, and how to rate it."""
    entry = prompt.entry
    embed = discord.Embed(
        title=truncate(entry.term, EMBED_TITLE_LIMIT),
        description=truncate(entry.definition, EMBED_DESCRIPTION_LIMIT),
        colour=EMBED_COLOUR,
    )
    if entry.details:
        embed.add_field(name="Details", value=bullets(entry.details, EMBED_FIELD_VALUE_LIMIT), inline=False)
    if entry.examples:
        embed.add_field(name="Examples", value=bullets(entry.examples, EMBED_FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text="How well did you know it? The button says when you will see it again.")
    return fit_embed(embed)


def done_text(step: NothingDue) -> str:
    """The end of a review: when the next card is due."""
    if step.next_due is None:
        return "No cards due. The notes have no terms to review yet."
    extra = " (new cards for today are used up)" if step.reviewed_today_limit else ""
    return f"No cards due, next one {format_dt(step.next_due, 'R')}{extra}. Well done!"


class ShowAnswerButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"review:show:(?P<card>\d+):(?P<reps>\d+)",
):
    """Turns the card over."""

    def __init__(self, card_id: int, reps: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Show answer",
                style=discord.ButtonStyle.primary,
                custom_id=f"review:show:{card_id}:{reps}",
            )
        )
        self.card_id = card_id
        self.reps = reps

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ShowAnswerButton:
        """Rebuild the button from its custom id."""
        return cls(int(match["card"]), int(match["reps"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Show the back of the card."""
        await review_cog(interaction).show_answer(interaction, self.card_id, self.reps)


class RateButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"review:rate:(?P<card>\d+):(?P<reps>\d+):(?P<rating>[1-4])",
):
    """Again, Hard, Good or Easy."""

    def __init__(self, card_id: int, reps: int, rating: Rating, interval: str = "") -> None:
        label = f"{rating.label} · {interval}" if interval else rating.label
        super().__init__(
            discord.ui.Button(
                label=button_label(label),
                style=RATING_STYLES[rating],
                custom_id=f"review:rate:{card_id}:{reps}:{rating.value}",
            )
        )
        self.card_id = card_id
        self.reps = reps
        self.rating = rating

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RateButton:
        """Rebuild the button from its custom id."""
        return cls(int(match["card"]), int(match["reps"]), Rating(int(match["rating"])))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Rate the card and show the next one."""
        await review_cog(interaction).rate(interaction, self.card_id, self.reps, self.rating)


def review_cog(interaction: discord.Interaction[Any]) -> Review:
    """The loaded review cog."""
    cog = interaction.client.get_cog("Review")
    assert isinstance(cog, Review), "the review cog is not loaded"
    return cog


def question_view(prompt: CardPrompt) -> discord.ui.View:
    """The "Show answer" button."""
    view = discord.ui.View(timeout=None)
    view.add_item(ShowAnswerButton(prompt.card.id, prompt.card.reps))
    return view


def rating_view(prompt: CardPrompt, now: datetime) -> discord.ui.View:
    """Again / Hard / Good / Easy, each with when the card would come back."""
    view = discord.ui.View(timeout=None)
    for rating, delta in prompt.previews(now).items():
        view.add_item(RateButton(prompt.card.id, prompt.card.reps, rating, short_interval(delta)))
    return view


# --- the cog -------------------------------------------------------------------------------------------


class Review(commands.Cog):
    """Spaced-repetition flashcards of the notes, one deck per member and server."""

    def __init__(
        self, bot: StudyBot, *, notes: NotesLibrary, reviews: ReviewRepository, clock: Clock
    ) -> None:
        self.bot = bot
        self.notes = notes
        self.clock = clock
        self.repository = reviews
        self.desk = ReviewDesk(self.repository)
        self._reminders: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        """Register the buttons and start the reminder loop."""
        self.bot.add_dynamic_items(ShowAnswerButton, RateButton)
        self._reminders = asyncio.create_task(self._remind_forever(), name="review-reminders")

    async def cog_unload(self) -> None:
        """Stop the reminder loop and forget the buttons."""
        self.bot.remove_dynamic_items(ShowAnswerButton, RateButton)
        if self._reminders is not None:
            self._reminders.cancel()
            # gather, not suppress(CancelledError): a cancellation of *this* task must still propagate
            await asyncio.gather(self._reminders, return_exceptions=True)

    # /review --------------------------------------------------------------------------------------

    @app_commands.command(name="review")
    @app_commands.guild_only()
    @app_commands.describe(remind="Turn a daily 'cards due' message on or off instead of reviewing.")
    async def review(
        self, interaction: discord.Interaction[Any], remind: Literal["on", "off"] | None = None
    ) -> None:
        """Review your flashcards of the notes (private); due cards first, then a few new ones a day."""
        assert interaction.guild_id is not None
        if remind is not None:
            await self.set_reminders(interaction, remind == "on")
            return
        kb = (await self.notes.for_guild(interaction.guild_id)).kb
        step = await self.desk.next_card(interaction.guild_id, interaction.user.id, kb, self.clock.now())
        if isinstance(step, NothingDue):
            await interaction.response.send_message(done_text(step), ephemeral=True)
            return
        await interaction.response.send_message(
            embed=question_embed(step), view=question_view(step), ephemeral=True
        )

    async def show_answer(self, interaction: discord.Interaction[Any], card_id: int, reps: int) -> None:
        """Turn a card over (or move on if it was rated meanwhile)."""
        card = await self.repository.card(card_id)
        if card is None or card.member_id != interaction.user.id or card.guild_id != interaction.guild_id:
            await interaction.response.send_message("That card is not yours.", ephemeral=True)
            return
        kb = (await self.notes.for_guild(interaction.guild_id)).kb
        entries = {e.term.casefold(): e for e in kb.entries}
        entry = entries.get(card.term.casefold())
        if card.reps != reps or entry is None:
            await self._show_step(interaction, await self._next(interaction))
            return
        prompt = CardPrompt(card, entry, 1)
        await interaction.response.edit_message(
            embed=answer_embed(prompt), view=rating_view(prompt, self.clock.now())
        )

    async def rate(
        self, interaction: discord.Interaction[Any], card_id: int, reps: int, rating: Rating
    ) -> None:
        """Store the rating, then show the next card in the same message."""
        card = await self.repository.card(card_id)
        if card is None or card.member_id != interaction.user.id or card.guild_id != interaction.guild_id:
            await interaction.response.send_message("That card is not yours.", ephemeral=True)
            return
        rated = await self.desk.rate(card_id, reps, rating, self.clock.now())
        if rated is not None:
            log.debug("card %s rated %s, due %s", card_id, rating.label, rated.due_at.isoformat())
        await self._show_step(interaction, await self._next(interaction))

    async def _next(self, interaction: discord.Interaction[Any]) -> ReviewStep:
        assert interaction.guild_id is not None
        kb = (await self.notes.for_guild(interaction.guild_id)).kb
        return await self.desk.next_card(interaction.guild_id, interaction.user.id, kb, self.clock.now())

    async def _show_step(self, interaction: discord.Interaction[Any], step: ReviewStep) -> None:
        """Replace the review message with the next card, or with "no cards due"."""
        if isinstance(step, NothingDue):
            await interaction.response.edit_message(content=done_text(step), embed=None, view=None)
            return
        await interaction.response.edit_message(
            content=None, embed=question_embed(step), view=question_view(step)
        )

    # reminders ------------------------------------------------------------------------------------

    async def set_reminders(self, interaction: discord.Interaction[Any], enabled: bool) -> None:
        """Turn the member's daily reminder on or off."""
        assert interaction.guild_id is not None
        now = self.clock.now()
        setting = await self.repository.set_reminders(
            interaction.guild_id, interaction.user.id, enabled, interaction.channel_id, now
        )
        if not enabled:
            await interaction.response.send_message("Review reminders are off.", ephemeral=True)
            return
        tomorrow = setting.send_time(now.astimezone(UTC).date() + timedelta(days=1))
        await interaction.response.send_message(
            "Review reminders are on: when cards are due I will message you daily at about "
            f"{format_dt(tomorrow, 't')} (here in this channel if your DMs are closed). "
            "`/review remind:off` stops them.",
            ephemeral=True,
        )

    async def send_due_reminders(self, now: datetime | None = None) -> list[DueReminder]:
        """Claim today's due reminders for this process's guilds and send them; returns what was claimed."""
        when = now or self.clock.now()
        claimed = await self.repository.claim_due_reminders(when, guild_ids=[g.id for g in self.bot.guilds])
        for reminder in claimed:
            try:
                await self.deliver(reminder)
            except discord.HTTPException as exc:
                log.warning("could not remind %s in guild %s: %s", reminder.member_id, reminder.guild_id, exc)
        return claimed

    def reminder_text(self, reminder: DueReminder) -> str:
        """ "N cards due" with where to review them."""
        guild = self.bot.get_guild(reminder.guild_id)
        where = f" in **{discord.utils.escape_markdown(guild.name)}**" if guild else ""
        command = next((c for c in self.bot.synced_commands if c.name == "review"), None)
        run = command.mention if command is not None else "`/review`"
        cards = "card" if reminder.due == 1 else "cards"
        return f"You have {reminder.due} {cards} due{where}. Run {run} there to review them."

    async def deliver(self, reminder: DueReminder) -> None:
        """A DM; if the member's DMs are closed, a message in the channel where they turned reminders on."""
        text = self.reminder_text(reminder)
        try:
            dm = await self.bot.create_dm(discord.Object(reminder.member_id))
            await dm.send(text, allowed_mentions=NO_MENTIONS)
            return
        except discord.HTTPException as exc:
            log.info("no DM to %s (%s); reminding in the channel", reminder.member_id, exc)
        if reminder.channel_id is None:
            return
        channel = self.bot.get_partial_messageable(reminder.channel_id, guild_id=reminder.guild_id)
        only_them = discord.AllowedMentions(
            everyone=False, roles=False, users=[discord.Object(reminder.member_id)], replied_user=False
        )
        await channel.send(f"<@{reminder.member_id}> {text}", allowed_mentions=only_them)

    async def _remind_forever(self) -> None:
        """Once a minute: send the reminders that are due."""
        await self.bot.wait_until_ready()
        while True:
            try:
                await self.send_due_reminders()
            except Exception:
                log.exception("review reminders failed; trying again in a minute")
            now = self.clock.now()
            await self.clock.sleep_until(now.replace(second=0, microsecond=0) + REMINDER_CHECK)


async def setup(bot: commands.Bot) -> None:
    """Load the review cog with the services it uses (the servers' notes, the flashcards, the clock)."""
    assert isinstance(bot, StudyBot), "cogs.review needs a StudyBot"
    services = bot.services
    await bot.add_cog(Review(bot, notes=services.notes, reviews=services.reviews, clock=services.clock))
