"""Timed quiz rounds and per-server leaderboards: /quiz start|stop, /leaderboard show|reset, /rank.

The rounds themselves are ``bot.quiz`` state machines driven by ``RoundRunner``; this cog only turns
interactions and chat messages into ``runner.answer`` calls and round events into embeds. One round
per (guild, channel), each an asyncio task whose done-callback reports errors to the channel and the log.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock
from bot.discord_bot import StudyBot, register_friendly_error
from bot.knowledge import KnowledgeBase
from bot.markup import plain_text
from bot.quiz import (
    WRONG_GUESSES,
    HintShown,
    QuestionAsked,
    QuestionClosed,
    QuestionGenerator,
    QuizMode,
    QuizRound,
    QuizSettingsError,
    RoundFinished,
    RoundSettings,
    SubmitStatus,
)
from bot.quiz.runner import RoundRunner, database_unavailable
from bot.quiz.settings import MAX_QUESTIONS, MAX_SECONDS, MIN_QUESTIONS, MIN_SECONDS
from bot.quiz.writer import AnswerWriter
from bot.schedule import ShardFilter
from bot.storage import LeaderboardPage, Period, Store, StoredRound
from bot.wording import plural
from cogs._buttons import disable_message, disabled_view, has_live_buttons, no_longer_active, short_hash
from cogs._render import EMBED_COLOUR, truncate

log = logging.getLogger(__name__)

register_friendly_error(QuizSettingsError, lambda error: error.message)

Mode = Literal["typed", "buttons", "mixed"]
PeriodName = Literal["week", "month", "all"]
LETTERS = "ABCD"
PAGE_SIZE = 10
#: How long a leaderboard reset may be confirmed.
RESET_CONFIRM_SECONDS = 60
#: How many of a channel's last messages are searched for answer buttons a killed process left live.
STALE_SCAN = 50
#: How long unloading waits for the edits that disable interrupted rounds' buttons.
UNLOAD_EDIT_SECONDS = 3.0
#: How long shutdown waits for the quiz answers being written (then it goes on; see AnswerWriter.close);
#: it runs alongside the button edits, so unloading waits at most the longer of the two.
WRITER_FLUSH_SECONDS = 3.0
NO_MENTIONS = discord.AllowedMentions.none()
#: The reaction on a member's last wrong guess of a question: their later guesses on it are ignored.
OUT_OF_GUESSES = "\N{NO ENTRY SIGN}"


class QuizBusyError(Exception):
    """A round is already running in the channel; ``user_message`` says until when."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def ts(when: datetime, style: str = "R") -> str:
    """A Discord timestamp, e.g. ``<t:1700000000:R>`` ("in 20 seconds")."""
    return f"<t:{int(when.timestamp())}:{style}>"


def mention(member_id: int) -> str:
    """A member mention (never pings: every send uses AllowedMentions.none())."""
    return f"<@{member_id}>"


# --- rendering ---------------------------------------------------------------------------------------


def question_embed(event: QuestionAsked, hint: str | None = None) -> discord.Embed:
    """The question card: "3/10", the prompt, the choices or how to answer, the countdown."""
    q = event.question
    embed = discord.Embed(
        title=f"Question {event.number}/{event.total}",
        description=truncate(q.prompt, 3000),
        colour=EMBED_COLOUR,
    )
    if q.typed:
        embed.add_field(
            name="Answer",
            value=f"Type the term in this channel ({WRONG_GUESSES} wrong guesses each).",
            inline=False,
        )
    else:
        lines = [
            f"**{LETTERS[i]}.** {truncate(choice, 900 // len(q.choices))}"
            for i, choice in enumerate(q.choices)
        ]
        if q.choices == ("True", "False"):
            lines = ["Press **True** or **False**."]
        embed.add_field(name="Choices", value="\n".join(lines), inline=False)
    if hint:
        embed.add_field(name="Hint", value=f"`{hint}`", inline=False)
    embed.add_field(name="Time", value=f"ends {ts(event.deadline)}", inline=False)
    embed.set_footer(text=f"Topic: {q.entry.topic.label}")
    return embed


def closed_embed(event: QuestionClosed) -> discord.Embed:
    """The answer, who got it and the definition."""
    q = event.question
    entry = q.entry
    if q.typed:
        if event.winners:
            w = event.winners[0]
            who = f"{mention(w.member_id)} got it (+{plural(w.points, 'point')}, {w.ms / 1000:.1f} s)."
        else:
            who = "Time's up: nobody got it."
    else:
        right = ", ".join(f"{mention(w.member_id)} (+{w.points})" for w in event.winners)
        who = f"Right: {right}." if right else "Time's up: nobody got it right."
    answer = (
        q.answer if q.typed else f"{LETTERS[q.answer_index or 0] if len(q.choices) > 2 else ''} {q.answer}"
    )
    embed = discord.Embed(
        title=f"Answer {event.number}/{event.total}: {truncate(entry.term, 200)}",
        description=truncate(f"{who}\n\n**{entry.term}**: {entry.definition}", 4000),
        colour=discord.Colour.green() if event.winners else discord.Colour.orange(),
    )
    if not q.typed and q.kind.value != "meaning":
        embed.add_field(name="Right answer", value=truncate(answer.strip(), 1000), inline=False)
    return embed


def standings_embed(event: RoundFinished) -> discord.Embed:
    """The final standings of a round."""
    title = "Quiz stopped" if event.stopped else "Quiz over"
    lines = [
        f"**{i}.** {mention(s.member_id)}: {plural(s.points, 'point')} ({s.correct}/{s.answered} right)"
        for i, s in enumerate(event.standings[:15], start=1)
    ]
    text = "\n".join(lines) if lines else "Nobody scored this time."
    stopped = (
        f"Stopped by {mention(event.stopped_by)} after {event.asked} of "
        f"{plural(event.total, 'question')}.\n\n"
        if (event.stopped and event.stopped_by)
        else ""
    )
    embed = discord.Embed(title=title, description=truncate(stopped + text, 4000), colour=EMBED_COLOUR)
    embed.set_footer(text="Points are kept on this server's /leaderboard.")
    return embed


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


# --- views ---------------------------------------------------------------------------------------------


def scores_of(members: int) -> str:
    """ "member's scores" or "members' scores"."""
    return "member's scores" if members == 1 else "members' scores"


def quiz_cog(interaction: discord.Interaction[Any]) -> QuizCog:
    """The loaded quiz cog."""
    cog = interaction.client.get_cog("Quiz")
    assert isinstance(cog, QuizCog), "the quiz cog is not loaded"
    return cog


class AnswerButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"quiz:(?P<key>\d+-\d+):(?P<number>\d+):(?P<choice>\d)",
):
    """One choice of a button question: round key, question number and choice are in the custom id."""

    def __init__(self, key: str, number: int, choice: int, label: str = "?") -> None:
        super().__init__(
            discord.ui.Button(
                label=label, style=discord.ButtonStyle.primary, custom_id=f"quiz:{key}:{number}:{choice}"
            )
        )
        self.key = key
        self.number = number
        self.choice = choice

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        """Rebuild the button from its custom id."""
        return cls(match["key"], int(match["number"]), int(match["choice"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Submit this choice for the clicking member."""
        await quiz_cog(interaction).choose(interaction, self.key, self.number, self.choice)


def choice_label(choices: Sequence[str], index: int) -> str:
    """A button's label: the letter, or True/False."""
    return choices[index] if tuple(choices) == ("True", "False") else LETTERS[index]


def answer_view(event: QuestionAsked, key: str) -> discord.ui.View:
    """The buttons of one button question."""
    view = discord.ui.View(timeout=None)
    choices = event.question.choices
    for i in range(len(choices)):
        view.add_item(AnswerButton(key, event.number, i, choice_label(choices, i)))
    return view


def _topic_code(topic: str | None) -> str:
    return "-" if topic is None else short_hash(topic)


class PageButton(
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
        await quiz_cog(interaction).turn_page(interaction, self.period, self.offset, self.topic)


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
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"reset:(?P<member>\d+):(?P<until>\d+):(?P<action>yes|no)",
):
    """Confirm or cancel a leaderboard reset: who asked and until when it may be confirmed."""

    def __init__(self, member_id: int, until: int, action: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Reset the leaderboard" if action == "yes" else "Cancel",
                style=discord.ButtonStyle.danger if action == "yes" else discord.ButtonStyle.secondary,
                custom_id=f"reset:{member_id}:{until}:{action}",
            )
        )
        self.member_id = member_id
        self.until = until
        self.action = action

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ResetButton:
        """Rebuild the button from its custom id."""
        return cls(int(match["member"]), int(match["until"]), match["action"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Reset (or not), once, by the moderator who asked, before the confirmation expires."""
        await quiz_cog(interaction).confirm_reset(interaction, self.member_id, self.until, self.action)


# --- the round in a channel -----------------------------------------------------------------------------


class ChannelPresenter:
    """Shows one round's events in its channel."""

    def __init__(self, channel: discord.abc.Messageable, key: str) -> None:
        self.channel = channel
        self.key = key
        self.runner: RoundRunner | None = None
        self.message: discord.Message | None = None
        self.asked_event: QuestionAsked | None = None
        self.buttons_live = False

    async def asked(self, event: QuestionAsked) -> None:
        """Post the question (with buttons for button questions)."""
        assert self.runner is not None
        self.asked_event = event
        embed = question_embed(event)
        self.message = None
        if event.question.typed:
            self.message = await self._post(f"question {event.number}", embed=embed)
        else:
            self.message = await self._post(
                f"question {event.number}", embed=embed, view=answer_view(event, self.key)
            )
            self.buttons_live = self.message is not None

    async def _post(self, what: str, **fields: Any) -> discord.Message | None:
        """Send to the channel; a Discord error is logged and the round goes on without this message."""
        try:
            return await self.channel.send(allowed_mentions=NO_MENTIONS, **fields)
        except discord.HTTPException as exc:
            log.warning("could not post the %s of quiz %s (%s); the round goes on", what, self.key, exc)
            return None

    async def end_buttons(self) -> None:
        """Disable the open question's buttons (question closed, round over, stopped or interrupted)."""
        if self.buttons_live and self.message is not None:
            self.buttons_live = False
            await disable_message(self.message)

    async def hinted(self, event: HintShown) -> None:
        """Edit the hint into the question."""
        if self.message is not None and self.asked_event is not None:
            try:
                await self.message.edit(embed=question_embed(self.asked_event, hint=event.hint))
            except discord.HTTPException as exc:
                log.warning("could not show the hint of quiz %s (%s); the round goes on", self.key, exc)

    async def closed(self, event: QuestionClosed) -> None:
        """Disable the buttons and post the answer."""
        await self.end_buttons()
        embed = closed_embed(event)
        if self.runner is not None and self.runner.unsaved and self.runner.database_failed:
            waiting = len(self.runner.unsaved)
            embed.add_field(
                name="Not saved yet",
                value=f"The database is unavailable: {plural(waiting, 'answer')} "
                f"{'is' if waiting == 1 else 'are'} kept and saved once it is back.",
                inline=False,
            )
        await self._post(f"answer {event.number}", embed=embed)

    async def finished(self, event: RoundFinished) -> None:
        """Post the standings (and say so if answers could not be saved)."""
        await self.end_buttons()
        embed = standings_embed(event)
        if self.runner is not None and self.runner.unsaved:
            embed.add_field(
                name="Not saved",
                value="The database is still unavailable: "
                f"{plural(len(self.runner.unsaved), 'answer')} of this round could not be saved "
                "(not on the leaderboard).",
                inline=False,
            )
        await self._post("standings", embed=embed)


@dataclass
class ChannelRound:
    """A round running in one channel."""

    runner: RoundRunner
    task: asyncio.Task[RoundFinished]
    started_by: int
    presenter: ChannelPresenter


# --- the cog -------------------------------------------------------------------------------------------


class QuizCog(commands.Cog, name="Quiz"):
    """Timed quiz rounds from the notes, with per-server leaderboards."""

    quiz = app_commands.Group(name="quiz", description="Timed quiz rounds from the notes.", guild_only=True)
    leaderboard = app_commands.Group(
        name="leaderboard", description="This server's quiz leaderboard.", guild_only=True
    )

    def __init__(self, bot: StudyBot, store: Store, clock: Clock | None = None) -> None:
        self.bot = bot
        self.store = store
        self.clock: Clock = clock or store.clock
        #: One writer for every round of this process: answers are committed in batches (group commit).
        self.writer = AnswerWriter(store)
        self.pause = 3.0
        self.rounds: dict[tuple[int, int], ChannelRound] = {}
        self.rng = random.Random()
        self._announcer: asyncio.Task[None] | None = None
        self.last_start: dict[tuple[int, int], datetime] = {}  # (guild, member) -> their last /quiz start

    async def cog_load(self) -> None:
        """Mark rounds left running by a crash as interrupted and tell their channels once connected."""
        discord_settings = self.bot.settings.discord
        shard_owns = None
        if discord_settings.shard_count is not None:
            shard_owns = ShardFilter.of(discord_settings.shard_count, discord_settings.shard_ids).owns

        def owns(guild_id: int) -> bool:
            # guild 0 is the offline console's (no Discord server has id 0): its round may be live
            return guild_id != 0 and (shard_owns is None or shard_owns(guild_id))

        self.bot.add_dynamic_items(AnswerButton, PageButton, ResetButton)
        interrupted = await self.store.interrupted_rounds(owns=owns)
        if interrupted:
            self._announcer = asyncio.create_task(self._announce_interrupted(interrupted))

    async def cog_unload(self) -> None:
        """Cancel running rounds (they are reported as interrupted at the next start) and wait for them."""
        self.bot.remove_dynamic_items(AnswerButton, PageButton, ResetButton)
        states = list(self.rounds.values())
        tasks = [state.task for state in states]
        for task in tasks:
            task.cancel()
        if self._announcer is not None:
            self._announcer.cancel()
        # a round cancelled inside a database call closes its connection: let it, before the store closes
        await asyncio.gather(*tasks, return_exceptions=True)
        # answers handed to the writer are still written (bounded: a stuck database cannot hold shutdown)
        flushing = asyncio.ensure_future(self.writer.close(within=WRITER_FLUSH_SECONDS))
        # the interrupted rounds' open questions: grey their buttons out (one quick edit each, bounded)
        ends = [asyncio.ensure_future(state.presenter.end_buttons()) for state in states]
        if ends:
            await asyncio.wait(ends, timeout=UNLOAD_EDIT_SECONDS)
            for end in ends:
                end.cancel()
            await asyncio.gather(*ends, return_exceptions=True)
        left = await flushing
        if left:
            log.warning("%d quiz answer(s) could not be written before shutdown", left)

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
                    if (
                        running is None
                        or running.presenter.message is None
                        or (running.presenter.message.id != message.id)
                    ):
                        await disable_message(message)
        except discord.HTTPException as exc:
            log.warning("could not look for stale quiz buttons in channel %s: %s", channel_id, exc)

    # --- rounds ----------------------------------------------------------------------------------------

    def running_in(self, guild_id: int, channel_id: int) -> ChannelRound | None:
        """The round running in a channel, if any."""
        state = self.rounds.get((guild_id, channel_id))
        return state if state is not None and not state.task.done() else None

    def check_start_cooldown(self, guild_id: int, member_id: int) -> None:
        """CommandOnCooldown if the member started a round less than quiz.start_cooldown_seconds ago."""
        per = self.bot.settings.quiz.start_cooldown_seconds
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
        defaults = self.bot.settings.quiz
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
        """Start a round on the server's notes ``kb`` (QuizBusyError if one runs there; QuizSettingsError
        for a bad topic)."""
        busy = self.running_in(guild_id, channel_id)
        if busy is not None:
            raise QuizBusyError(f"A round is already running here; it ends {ts(busy.runner.ends_by())}.")
        questions = QuestionGenerator(kb, random.Random(self.rng.random())).generate(settings)
        key = f"{channel_id}-{int(self.clock.now().timestamp() * 1000)}"
        presenter = ChannelPresenter(channel, key)
        runner = RoundRunner(
            QuizRound(questions, settings, started_by=started_by),
            presenter,
            self.clock,
            store=self.store,
            writer=self.writer,
            guild_id=guild_id,
            channel_id=channel_id,
            pause=self.pause,
        )
        presenter.runner = runner
        task = asyncio.create_task(runner.run(), name=f"quiz-{guild_id}-{channel_id}")
        state = ChannelRound(runner, task, started_by, presenter)
        self.rounds[(guild_id, channel_id)] = state
        task.add_done_callback(lambda t: self._round_done((guild_id, channel_id), state, channel, t))
        return state

    async def play(
        self, channel: discord.TextChannel, settings: RoundSettings, started_by: int = 0
    ) -> RoundFinished:
        """Run a round in ``channel`` on its server's notes and wait for its end (for scheduled rounds)."""
        kb = (await self.bot.notes_for(channel.guild.id)).kb
        state = self.start_round(channel, channel.guild.id, channel.id, settings, started_by, kb)
        return await asyncio.shield(state.task)

    def _round_done(
        self,
        key: tuple[int, int],
        state: ChannelRound,
        channel: discord.abc.Messageable,
        task: asyncio.Task[RoundFinished],
    ) -> None:
        if self.rounds.get(key) is state:
            del self.rounds[key]
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if database_unavailable(error):
            log.warning("quiz round in channel %s stopped: database unavailable (%s)", key[1], error)
            text = "The quiz stopped: the database is unavailable right now. Please try again in a minute."
        else:
            log.error("quiz round in channel %s failed", key[1], exc_info=error)
            text = "The quiz stopped because of an error; points won so far are kept."
        asyncio.create_task(self._report_failure(channel, text, state))  # noqa: RUF006 - fire and forget, logged

    async def _report_failure(self, channel: discord.abc.Messageable, text: str, state: ChannelRound) -> None:
        await state.presenter.end_buttons()  # the failed round's open question takes no more answers
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not report the failed round: %s", exc)

    # --- commands ----------------------------------------------------------------------------------------

    async def topic_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Topics of the notes whose title or objective starts with or contains what was typed."""
        wanted = current.strip().casefold()
        titles = [t.title for t in (await self.bot.notes_for(interaction.guild_id)).kb.topics]
        ranked = sorted(
            (t for t in titles if wanted in t.casefold()),
            key=lambda t: (not t.casefold().startswith(wanted), t),
        )
        return [app_commands.Choice(name=t[:100], value=t[:100]) for t in ranked[:25]]

    @quiz.command(name="start")
    @app_commands.describe(
        topic="Only this topic (title or objective)",
        questions="How many questions (1-50)",
        seconds="Seconds per question (5-120)",
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
        if settings.mode is not QuizMode.BUTTONS and not self.bot.settings.discord.message_content:
            raise QuizSettingsError("typed answers need the message content intent here; use mode: buttons")
        self.check_start_cooldown(interaction.guild.id, interaction.user.id)
        channel = interaction.channel
        assert isinstance(channel, discord.abc.Messageable)
        kb = (await self.bot.notes_for(interaction.guild.id)).kb
        state = self.start_round(channel, interaction.guild.id, channel.id, settings, interaction.user.id, kb)
        self.last_start[(interaction.guild.id, interaction.user.id)] = self.clock.now()
        about = f" on **{settings.topic}**" if settings.topic else ""
        await interaction.response.send_message(
            f"{interaction.user.mention} started a quiz{about}: {plural(settings.questions, 'question')}, "
            f"{settings.seconds} s each ({settings.mode.value}), ending by {ts(state.runner.ends_by())}.",
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
        page = await self.store.leaderboard(interaction.guild.id, period=which, topic=topic, limit=PAGE_SIZE)
        view = leaderboard_view(page, which, topic)
        embed = leaderboard_embed(page, which, topic, interaction.guild.name)
        await interaction.response.send_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)

    @leaderboard_show.autocomplete("topic")
    async def leaderboard_topics(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Topics answered on this server, and the notes' topics."""
        stored = await self.store.topics(interaction.guild_id or 0)
        kb = (await self.bot.notes_for(interaction.guild_id)).kb
        titles = sorted({*stored, *(t.title for t in kb.topics)})
        wanted = current.strip().casefold()
        return [app_commands.Choice(name=t[:100], value=t[:100]) for t in titles if wanted in t.casefold()][
            :25
        ]

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
        found = await self.store.rank(interaction.guild.id, who.id)
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

    async def choose(self, interaction: discord.Interaction[Any], key: str, number: int, choice: int) -> None:
        """A click on an answer button: record it, or say (privately) why not."""
        state = None
        if interaction.guild_id is not None and interaction.channel_id is not None:
            state = self.running_in(interaction.guild_id, interaction.channel_id)
        if state is None or state.presenter.key != key:
            await no_longer_active(interaction, "This quiz is over.")
            return
        asked = state.presenter.asked_event
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

    async def turn_page(
        self, interaction: discord.Interaction[Any], period: Period, offset: int, topic_code: str
    ) -> None:
        """A click on Previous/Next: show that page of the leaderboard."""
        guild = interaction.guild
        assert guild is not None
        topic: str | None = None
        if topic_code != "-":
            kb = (await self.bot.notes_for(guild.id)).kb
            known = {*await self.store.topics(guild.id), *(t.title for t in kb.topics)}
            topic = next((t for t in known if short_hash(t) == topic_code), None)
            if topic is None:
                await no_longer_active(interaction, "That topic is no longer on the leaderboard.")
                return
        page = await self.store.leaderboard(
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
        members = await self.store.reset(interaction.guild_id)
        await interaction.response.edit_message(
            content=f"The leaderboard was reset ({members} {scores_of(members)} removed).", view=done
        )

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
        # "||VM escape||" and "**VM escape**" are "VM escape" (unless the term itself is written so)
        raw = message.content
        answer = raw if question.is_correct(raw) else (plain_text(raw) or raw)
        result = await state.runner.answer(message.author.id, answer)
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


register_friendly_error(QuizBusyError, lambda error: error.user_message)


async def setup(bot: StudyBot) -> None:
    """Load the quiz cog (it needs the database store)."""
    store = bot.store
    if store is None:
        log.warning("no database store: quizzes are off")
        return
    await bot.add_cog(QuizCog(bot, store))
