"""The quiz cog: /quiz start and /quiz stop, typed answers, answer buttons, interrupted rounds."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import format_dt

from bot.clock import Clock
from bot.config import Settings
from bot.discord_bot import StudyBot
from bot.knowledge import KnowledgeBase
from bot.notes import NotesLibrary
from bot.quiz import QuizMode, QuizSettingsError, RoundSettings, SubmitStatus
from bot.quiz.questions import question_count
from bot.quiz.rounds import ChannelRound, QuizRounds
from bot.quiz.settings import MAX_QUESTIONS, MAX_SECONDS, MIN_QUESTIONS, MIN_SECONDS
from bot.quiz.writer import WriterClosedError
from bot.schedule import ShardFilter
from bot.storage import Store, StoredRound
from cogs._autocomplete import topic_choices
from cogs._buttons import disable_message, has_live_buttons, no_longer_active
from cogs.quiz._channel import NO_MENTIONS, shown_in_channel, start_channel_round
from cogs.quiz._embeds import choice_label
from cogs.quiz._views import AnswerButton

log = logging.getLogger(__name__)

#: The answer modes as /quiz start and /schedule add offer them (the values of ``QuizMode``).
Mode = Literal["typed", "buttons", "mixed"]

#: How many of a channel's last messages are searched for answer buttons a killed process left live.
STALE_SCAN = 50
#: How long unloading waits for the edits that disable interrupted rounds' buttons.
UNLOAD_EDIT_SECONDS = 3.0
#: The reaction on a member's last wrong guess of a question: their later guesses on it are ignored.
OUT_OF_GUESSES = "\N{NO ENTRY SIGN}"


class QuizCog(commands.Cog, name="Quiz"):
    """Timed quiz rounds from the notes: /quiz start and /quiz stop, typed answers and answer buttons."""

    quiz = app_commands.Group(name="quiz", description="Timed quiz rounds from the notes.", guild_only=True)

    def __init__(
        self,
        bot: StudyBot,
        *,
        settings: Settings,
        notes: NotesLibrary,
        store: Store,
        rounds: QuizRounds,
        clock: Clock,
        shards: ShardFilter | None,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.notes = notes
        self.store = store
        self.rounds = rounds
        self.clock = clock
        self.shards = shards
        self._announcer: asyncio.Task[None] | None = None
        self.last_start: dict[tuple[int, int], datetime] = {}  # (guild, member) -> their last /quiz start

    async def cog_load(self) -> None:
        """Mark rounds left running by a crash as interrupted and tell their channels once connected."""
        shards = self.shards

        def owns(guild_id: int) -> bool:
            # guild 0 is the offline console's (no Discord server has id 0): its round may be live
            return guild_id != 0 and (shards is None or shards.owns(guild_id))

        self.bot.add_dynamic_items(AnswerButton)
        interrupted = await self.store.rounds.interrupted_rounds(owns=owns)
        if interrupted:
            self._announcer = asyncio.create_task(self._announce_interrupted(interrupted))

    async def cog_unload(self) -> None:
        """Cancel running rounds (they are reported as interrupted at the next start) and wait for them."""
        self.bot.remove_dynamic_items(AnswerButton)
        if self._announcer is not None:
            self._announcer.cancel()
        shown = [p for p in map(shown_in_channel, self.rounds.running()) if p is not None]
        await self.rounds.cancel_all()
        # answers handed to the writer are still written (bounded), alongside the button edits
        flushing = asyncio.ensure_future(self.rounds.flush_writes())
        # the interrupted rounds' open questions: grey their buttons out (one quick edit each, bounded)
        ends = [asyncio.ensure_future(presenter.end_buttons()) for presenter in shown]
        if ends:
            await asyncio.wait(ends, timeout=UNLOAD_EDIT_SECONDS)
            for end in ends:
                end.cancel()
            await asyncio.gather(*ends, return_exceptions=True)
        await flushing

    async def _announce_interrupted(self, interrupted: Sequence[StoredRound]) -> None:
        await self.bot.wait_until_ready()
        for stored in interrupted:
            channel = self.bot.get_partial_messageable(stored.channel_id, guild_id=stored.guild_id)
            try:
                await channel.send(
                    "The quiz round here was interrupted (the bot restarted); points won so far are kept.",
                    allowed_mentions=NO_MENTIONS,
                )
            except discord.HTTPException as exc:
                log.warning("could not report interrupted round %s: %s", stored.id, exc)
            await self._disable_stale_buttons(channel, stored.channel_id)

    async def _disable_stale_buttons(self, channel: discord.PartialMessageable, channel_id: int) -> None:
        """Grey out answer buttons a killed process left live on its last messages in ``channel``."""
        me = self.bot.user
        pattern = re.compile(rf"quiz:{channel_id}-\d+:")
        try:
            async for message in channel.history(limit=STALE_SCAN):
                if me is not None and message.author.id == me.id and has_live_buttons(message, pattern):
                    running = self.running_in(message.guild.id if message.guild else 0, channel_id)
                    presenter = shown_in_channel(running) if running is not None else None
                    if presenter is None or presenter.message is None or presenter.message.id != message.id:
                        await disable_message(message)
        except discord.HTTPException as exc:
            log.warning("could not look for stale quiz buttons in channel %s: %s", channel_id, exc)

    # --- rounds ----------------------------------------------------------------------------------------

    def running_in(self, guild_id: int, channel_id: int) -> ChannelRound | None:
        """The round running in a channel, if any."""
        return self.rounds.running_in(guild_id, channel_id)

    def check_start_cooldown(self, guild_id: int, member_id: int) -> None:
        """CommandOnCooldown if the member started a round less than quiz.start_cooldown_seconds ago."""
        per = self.settings.quiz.start_cooldown_seconds
        last = self.last_start.get((guild_id, member_id))
        if not per or last is None:
            return
        waited = (self.clock.now() - last).total_seconds()
        if waited < per:
            raise app_commands.CommandOnCooldown(app_commands.Cooldown(1, per), per - waited)

    def settings_for(
        self, questions: int | None, seconds: int | None, topic: str | None, mode: str | None
    ) -> RoundSettings:
        """Validated settings, with the configured defaults for what was not given."""
        defaults = self.settings.quiz
        return RoundSettings.validated(
            questions if questions is not None else defaults.questions,
            seconds if seconds is not None else defaults.seconds,
            topic,
            mode or defaults.mode,
        )

    def start_round(
        self,
        channel: discord.abc.Messageable,
        guild_id: int,
        channel_id: int,
        settings: RoundSettings,
        started_by: int,
        kb: KnowledgeBase,
    ) -> ChannelRound:
        """Start a round in a channel (QuizBusyError if one runs there; QuizSettingsError for a bad topic)."""
        return start_channel_round(self.rounds, channel, guild_id, channel_id, settings, started_by, kb)

    # --- commands ----------------------------------------------------------------------------------------

    async def topic_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Topics of the notes whose title or objective starts with or contains what was typed."""
        return topic_choices((await self.notes.for_guild(interaction.guild_id)).kb, current)

    @quiz.command(name="start")
    @app_commands.describe(
        topic="Only this topic (title or objective)",
        questions=f"How many questions ({MIN_QUESTIONS}-{MAX_QUESTIONS})",
        seconds=f"Seconds per question ({MIN_SECONDS}-{MAX_SECONDS})",
        mode="typed answers, buttons, or both in turn",
    )
    async def quiz_start(
        self,
        interaction: discord.Interaction[Any],
        topic: str | None = None,
        questions: app_commands.Range[int, MIN_QUESTIONS, MAX_QUESTIONS] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
        mode: Mode | None = None,
    ) -> None:
        """Start a timed quiz round in this channel."""
        assert interaction.guild is not None
        assert interaction.channel is not None
        settings = self.settings_for(questions, seconds, topic, mode)
        if settings.mode is not QuizMode.BUTTONS and not self.settings.discord.message_content:
            raise QuizSettingsError("typed answers need the message content intent here; use mode: buttons")
        self.check_start_cooldown(interaction.guild.id, interaction.user.id)
        channel = interaction.channel
        assert isinstance(channel, discord.abc.Messageable)
        kb = (await self.notes.for_guild(interaction.guild.id)).kb
        state = self.start_round(channel, interaction.guild.id, channel.id, settings, interaction.user.id, kb)
        self.last_start[(interaction.guild.id, interaction.user.id)] = self.clock.now()
        about = f" on **{settings.topic}**" if settings.topic else ""
        ends = format_dt(state.runner.ends_by(), "R")
        await interaction.response.send_message(
            f"{interaction.user.mention} started a quiz{about}: "
            f"{question_count(settings.questions, state.runner.quiz.total)}, "
            f"{settings.seconds} s each ({settings.mode.value}), ending by {ends}.",
            allowed_mentions=NO_MENTIONS,
        )

    quiz_start.autocomplete("topic")(topic_autocomplete)

    @quiz.command(name="stop")
    async def quiz_stop(self, interaction: discord.Interaction[Any]) -> None:
        """Stop the round in this channel (who started it, or Manage Server)."""
        assert interaction.guild is not None
        assert interaction.channel is not None
        state = self.running_in(interaction.guild.id, interaction.channel.id)
        if state is None:
            await interaction.response.send_message("No quiz round is running here.", ephemeral=True)
            return
        allowed = interaction.user.id == state.started_by or (
            isinstance(interaction.user, discord.Member) and interaction.permissions.manage_guild
        )
        if not allowed:
            await interaction.response.send_message(
                "Only who started the round, or someone with Manage Server, can stop it.", ephemeral=True
            )
            return
        state.runner.stop(by=interaction.user.id)
        await interaction.response.send_message("Stopping the round.", ephemeral=True)

    # --- buttons ---------------------------------------------------------------------------------------

    async def choose(self, interaction: discord.Interaction[Any], key: str, number: int, choice: int) -> None:
        """A click on an answer button: record it, or say (privately) why not."""
        state = None
        if interaction.guild_id is not None and interaction.channel_id is not None:
            state = self.running_in(interaction.guild_id, interaction.channel_id)
        presenter = shown_in_channel(state) if state is not None else None
        if state is None or presenter is None or presenter.key != key:
            await no_longer_active(interaction, "This quiz is over.")
            return
        asked = presenter.asked_event
        if asked is None or asked.number != number or state.runner.quiz.current is None:
            await interaction.response.send_message("Too late: this question is closed.", ephemeral=True)
            return
        choices = asked.question.choices
        if choice >= len(choices):
            await interaction.response.send_message("That is not one of the choices.", ephemeral=True)
            return
        result = await state.runner.answer(interaction.user.id, choice)
        messages = {
            SubmitStatus.RECORDED: "Answer recorded: **{}**. Results when time is up.",
            SubmitStatus.ALREADY_ANSWERED: "You already answered this question.",
            SubmitStatus.LATE: "Too late: this question is closed.",
            SubmitStatus.NOT_RUNNING: "This quiz is over.",
            SubmitStatus.IGNORED: "This question takes a typed answer.",
        }
        text = messages.get(result.status, "Noted.").format(choice_label(choices, choice))
        await interaction.response.send_message(text, ephemeral=True)

    # --- typed answers -----------------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Typed answers: any message in a channel with an open typed question."""
        if message.author.bot or message.guild is None or not message.content:
            return
        state = self.running_in(message.guild.id, message.channel.id)
        if state is None:
            return
        question = state.runner.quiz.current
        if question is None or not question.typed:
            return
        # "||VM escape||", "**VM escape**", "@Sam VM escape" are "VM escape" (unless the term is written so)
        # a message that is only a mention or markup gives "": the round takes it as no guess (BLANK)
        answer = question.typed_answer(message.content)
        try:
            result = await state.runner.answer(message.author.id, answer)
        except WriterClosedError:
            # the bot is stopping (SIGTERM): the answer is neither stored nor announced
            log.info("answer in channel %s not saved: the bot is stopping", message.channel.id)
            return
        if result.status is SubmitStatus.WRONG and result.guesses_left == 0:
            await self._mark_last_guess(message)

    async def _mark_last_guess(self, message: discord.Message) -> None:
        """The one note that a member's guesses on this question are used up: a reaction on their last
        guess (never a message in the channel per guess); nothing where the bot may not react."""
        assert message.guild is not None
        me = message.guild.me
        if not isinstance(message.channel, discord.abc.GuildChannel | discord.Thread):
            return
        allowed = message.channel.permissions_for(me)
        if not (allowed.add_reactions and allowed.read_message_history):
            log.debug("no Add Reactions in channel %s: the last guess is not marked", message.channel.id)
            return
        try:
            await message.add_reaction(OUT_OF_GUESSES)
        except discord.HTTPException as exc:  # the message was deleted, a permission changed...
            log.info("could not mark the last guess in channel %s (%s)", message.channel.id, exc)


async def setup(bot: StudyBot) -> None:
    """Load the quiz cog with the services it uses."""
    services = bot.services
    await bot.add_cog(
        QuizCog(
            bot,
            settings=services.settings,
            notes=services.notes,
            store=services.store,
            rounds=services.quiz,
            clock=services.clock,
            shards=services.shards,
        )
    )
