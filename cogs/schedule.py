"""Scheduled quiz rounds: /schedule add, list, remove, pause, resume, and the scheduler that runs them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock
from bot.config import Settings
from bot.discord_bot import StudyBot, friendly_message
from bot.errors import UserError
from bot.notes import NotesLibrary
from bot.quiz import RoundSettings, select_entries
from bot.quiz.rounds import QuizRounds
from bot.quiz.settings import MAX_QUESTIONS, MAX_SECONDS, MIN_QUESTIONS, MIN_SECONDS
from bot.schedule import (
    Occurrence,
    Schedule,
    ScheduleRepository,
    ScheduleRunner,
    ShardFilter,
    parse_spec,
)
from bot.schedule.texts import (
    event_plan,
    reminder_text,
    schedule_line,
    skipped_note,
    starting_text,
    timestamp,
)
from cogs._autocomplete import topic_choices
from cogs._checks import require_manage_server
from cogs.quiz import Mode, start_channel_round

log = logging.getLogger(__name__)


class ScheduleCommandError(UserError):
    """A /schedule request that cannot be done; ``user_message`` is shown to the user."""


def may_post(channel: discord.abc.GuildChannel, me: discord.Member) -> bool:
    """Whether the bot can see, write and embed in ``channel``."""
    perms = channel.permissions_for(me)
    return perms.view_channel and perms.send_messages and perms.embed_links


def may_manage_events(me: discord.Member) -> bool:
    """Whether the bot may create and edit its scheduled events."""
    perms = me.guild_permissions
    return perms.manage_events or perms.create_events


class Schedules(commands.Cog):
    """Quiz rounds at fixed times that survive restarts and run once across processes."""

    schedule = app_commands.Group(
        name="schedule",
        description="Quiz rounds at fixed times.",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    def __init__(
        self,
        bot: StudyBot,
        *,
        settings: Settings,
        notes: NotesLibrary,
        schedules: ScheduleRepository,
        quiz: QuizRounds,
        clock: Clock,
        shards: ShardFilter | None,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.notes = notes
        self.quiz = quiz
        self.clock = clock
        self.repository = schedules
        schedule_settings = settings.schedule
        self.scheduler = ScheduleRunner(
            self.repository,
            self.clock,
            self.run_occurrence,
            skipped=self.post_skipped,
            reminder=self.post_reminder,
            shards=shards,
            grace=timedelta(minutes=schedule_settings.grace_minutes),
            remind_before=(
                timedelta(minutes=schedule_settings.reminder_minutes)
                if schedule_settings.reminder_minutes
                else None
            ),
        )
        self._starter: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        """Start the scheduler once the bot is connected (channels must be known to post)."""
        self._starter = asyncio.create_task(self._start_when_ready(), name="schedule-start")

    async def _start_when_ready(self) -> None:
        await self.bot.wait_until_ready()
        self.scheduler.start()

    async def cog_unload(self) -> None:
        """Stop the scheduler and the rounds it runs."""
        if self._starter is not None:
            self._starter.cancel()
            # gather, not suppress(CancelledError): a cancellation of *this* task must still propagate
            await asyncio.gather(self._starter, return_exceptions=True)
        await self.scheduler.stop()

    # --- checks ---------------------------------------------------------------------------------

    async def _guild(self, interaction: discord.Interaction[Any]) -> discord.Guild:
        """The guild, after checking the user may manage it (Manage Server or the bot's owner)."""
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        await require_manage_server(interaction)
        return interaction.guild

    async def _own_schedule(self, guild: discord.Guild, schedule_id: int) -> Schedule:
        schedule = await self.repository.get(schedule_id)
        if schedule is None or schedule.guild_id != guild.id:
            raise ScheduleCommandError(f"There is no schedule #{schedule_id} in this server.")
        return schedule

    # --- commands -------------------------------------------------------------------------------

    @schedule.command(name="add")
    @app_commands.describe(
        channel="Where the quiz runs",
        when='e.g. "tue,thu 19:00 Europe/Berlin", "daily 07:00 UTC" or "2026-12-01 19:00 Europe/London"',
        topic="Only ask about this topic (title or objective, e.g. 2.2)",
        questions="Questions per round",
        seconds="Seconds per question",
        mode="How members answer",
        role="Role to remind before the quiz (the only mention the bot makes)",
    )
    async def add(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel,
        when: str,
        topic: str | None = None,
        questions: app_commands.Range[int, MIN_QUESTIONS, MAX_QUESTIONS] | None = None,
        seconds: app_commands.Range[int, MIN_SECONDS, MAX_SECONDS] | None = None,
        mode: Mode | None = None,
        role: discord.Role | None = None,
    ) -> None:
        """Schedule quiz rounds at fixed times in a channel."""
        guild = await self._guild(interaction)
        now = self.clock.now()
        spec = parse_spec(when, now)
        quiz_defaults = self.settings.quiz
        settings = RoundSettings.validated(
            questions if questions is not None else quiz_defaults.questions,
            seconds if seconds is not None else quiz_defaults.seconds,
            topic,
            mode or quiz_defaults.mode,
        )
        if settings.topic:
            # an unknown topic fails now, not at 19:00
            select_entries((await self.notes.for_guild(guild.id)).kb, settings.topic)
        if not may_post(channel, guild.me):
            raise ScheduleCommandError(
                f"I can't post in {channel.mention}: "
                "I need View Channel, Send Messages and Embed Links there."
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        schedule = await self.repository.add(
            guild_id=guild.id,
            channel_id=channel.id,
            created_by=interaction.user.id,
            spec=spec,
            now=now,
            topic=settings.topic,
            questions=settings.questions,
            seconds=settings.seconds,
            mode=settings.mode.value,
            role_id=role.id if role else None,
        )
        self.scheduler.wake()
        event_note = await self._announce(guild, schedule)
        assert schedule.next_run_at is not None
        await interaction.followup.send(
            f"Scheduled quiz **#{schedule.id}** (`{spec}`) in {channel.mention}: next run "
            f"{timestamp(schedule.next_run_at)} ({timestamp(schedule.next_run_at, 'R')}).{event_note}",
            ephemeral=True,
        )

    @schedule.command(name="list")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        """Show this server's scheduled quizzes and when they next run."""
        guild = await self._guild(interaction)
        found = await self.repository.list_for_guild(guild.id)
        if not found:
            await interaction.response.send_message(
                "No quizzes are scheduled here. Add one with `/schedule add`.", ephemeral=True
            )
            return
        lines = [schedule_line(s) for s in found]
        embed = discord.Embed(title="Scheduled quizzes", description="\n".join(lines)[:4000])
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @schedule.command(name="remove")
    @app_commands.describe(schedule="The schedule's number (see /schedule list)")
    async def remove(self, interaction: discord.Interaction[Any], schedule: int) -> None:
        """Delete a scheduled quiz and its Discord event."""
        guild = await self._guild(interaction)
        removed = await self.repository.remove(schedule, guild.id)
        if removed is None:
            raise ScheduleCommandError(f"There is no schedule #{schedule} in this server.")
        self.scheduler.wake()
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self._drop_event(guild, removed.event_id)
        await interaction.followup.send(
            f"Removed scheduled quiz #{removed.id} (`{removed.spec}`).", ephemeral=True
        )

    @schedule.command(name="pause")
    @app_commands.describe(schedule="The schedule's number (see /schedule list)")
    async def pause(self, interaction: discord.Interaction[Any], schedule: int) -> None:
        """Stop a scheduled quiz from running until it is resumed."""
        guild = await self._guild(interaction)
        found = await self._own_schedule(guild, schedule)
        paused = await self.repository.set_paused(found.id, guild.id, True, self.clock.now())
        assert paused is not None
        self.scheduler.wake()
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self._drop_event(guild, paused.event_id)
        await self.repository.set_event_id(paused.id, None)
        await interaction.followup.send(f"Paused scheduled quiz #{paused.id}.", ephemeral=True)

    @schedule.command(name="resume")
    @app_commands.describe(schedule="The schedule's number (see /schedule list)")
    async def resume(self, interaction: discord.Interaction[Any], schedule: int) -> None:
        """Resume a paused scheduled quiz from its next run."""
        guild = await self._guild(interaction)
        found = await self._own_schedule(guild, schedule)
        if not found.paused:
            raise ScheduleCommandError(f"Scheduled quiz #{found.id} is not paused.")
        resumed = await self.repository.set_paused(found.id, guild.id, False, self.clock.now())
        assert resumed is not None
        self.scheduler.wake()
        await interaction.response.defer(ephemeral=True, thinking=True)
        if resumed.next_run_at is None:
            await interaction.followup.send(
                f"Scheduled quiz #{resumed.id} has no run left (its time has passed).", ephemeral=True
            )
            return
        event_note = await self._announce(guild, resumed)
        await interaction.followup.send(
            f"Resumed scheduled quiz #{resumed.id}: next run {timestamp(resumed.next_run_at)}.{event_note}",
            ephemeral=True,
        )

    @add.autocomplete("topic")
    async def topic_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The notes' topics (title or objective) containing what was typed."""
        return topic_choices((await self.notes.for_guild(interaction.guild_id)).kb, current)

    @remove.autocomplete("schedule")
    @pause.autocomplete("schedule")
    @resume.autocomplete("schedule")
    async def schedule_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        """This server's schedules, matching what was typed."""
        if interaction.guild is None:
            return []
        choices = []
        for s in await self.repository.list_for_guild(interaction.guild.id):
            label = f"#{s.id} {s.spec} ({s.topic or 'all topics'})"
            if current.strip().lstrip("#").casefold() in label.casefold():
                choices.append(app_commands.Choice(name=label[:100], value=s.id))
        return choices[:25]

    # --- Discord scheduled events ----------------------------------------------------------------

    async def _announce(self, guild: discord.Guild, schedule: Schedule) -> str:
        """Create the Discord event for the schedule's next run; returns a note for the user."""
        if schedule.next_run_at is None:
            return ""
        if not may_manage_events(guild.me):
            return "\nNo Discord event could be created: I need the Manage Events permission."
        try:
            event = await self._create_event(guild, schedule, schedule.next_run_at)
        except discord.HTTPException as exc:
            log.warning("schedule %s: could not create its event: %s", schedule.id, exc)
            return f"\nNo Discord event could be created ({exc.text or exc.status})."
        return f"\nDiscord event created: {event.url}" if event else ""

    async def _create_event(
        self, guild: discord.Guild, schedule: Schedule, start: datetime
    ) -> discord.ScheduledEvent | None:
        """Create and remember the event for the run at ``start``."""
        channel = guild.get_channel(schedule.channel_id)
        plan = event_plan(schedule, start, channel.name if channel else str(schedule.channel_id))
        event = await guild.create_scheduled_event(
            name=plan.name,
            description=plan.description,
            start_time=plan.start,
            end_time=plan.end,
            entity_type=discord.EntityType.external,
            location=plan.location,
            privacy_level=discord.PrivacyLevel.guild_only,
            reason=f"scheduled quiz #{schedule.id}",
        )
        await self.repository.set_event_id(schedule.id, event.id)
        return event

    async def _fetch_event(self, guild: discord.Guild, event_id: int | None) -> discord.ScheduledEvent | None:
        if event_id is None:
            return None
        event = guild.get_scheduled_event(event_id)
        if event is not None:
            return event
        try:
            return await guild.fetch_scheduled_event(event_id)
        except discord.HTTPException:
            return None

    async def _drop_event(self, guild: discord.Guild, event_id: int | None) -> None:
        """Delete an event, ignoring one that is already gone."""
        event = await self._fetch_event(guild, event_id)
        if event is None:
            return
        try:
            await event.delete(reason="scheduled quiz removed or paused")
        except discord.HTTPException as exc:
            log.warning("could not delete scheduled event %s: %s", event_id, exc)

    async def _next_event(self, guild: discord.Guild, schedule: Schedule, next_at: datetime | None) -> None:
        """Announce the following run once this one is over (or forget the event if there is none)."""
        if next_at is None or not may_manage_events(guild.me):
            await self.repository.set_event_id(schedule.id, None)
            return
        current = await self.repository.get(schedule.id)
        if current is None or current.paused or current.next_run_at != next_at:
            return  # removed, paused or already moved on: whoever changed it owns the event
        try:
            await self._create_event(guild, current, next_at)
        except discord.HTTPException as exc:
            log.warning("schedule %s: could not create the next event: %s", schedule.id, exc)

    # --- scheduler callbacks ----------------------------------------------------------------------

    def _place(self, schedule: Schedule) -> tuple[discord.Guild, discord.TextChannel] | None:
        guild = self.bot.get_guild(schedule.guild_id)
        channel = guild.get_channel(schedule.channel_id) if guild else None
        if guild is None or not isinstance(channel, discord.TextChannel):
            log.warning("schedule %s: guild or channel %s is gone", schedule.id, schedule.channel_id)
            return None
        return guild, channel

    async def run_occurrence(self, occurrence: Occurrence) -> None:
        """Start the event, run the round, post results, complete the event, announce the next run."""
        schedule = occurrence.schedule
        place = self._place(schedule)
        if place is None:
            return
        guild, channel = place
        event = await self._fetch_event(guild, schedule.event_id)
        if event is not None and event.status is discord.EventStatus.scheduled:
            try:
                event = await event.start(reason=f"scheduled quiz #{schedule.id} starts")
            except discord.HTTPException as exc:
                log.warning("schedule %s: could not start event %s: %s", schedule.id, event.id, exc)
        try:
            await channel.send(starting_text(schedule))
            await self.play_round(channel, schedule)
        except Exception as exc:
            reason = friendly_message(exc)
            if reason is None:
                log.exception("schedule %s: the round failed", schedule.id)
                reason = "something went wrong on my side; the error has been logged"
            with contextlib.suppress(discord.HTTPException):
                await channel.send(f"The scheduled quiz #{schedule.id} could not run: {reason}")
        finally:
            if event is not None:
                try:
                    if event.status is discord.EventStatus.active:
                        await event.end(reason="scheduled quiz finished")
                    elif event.status is discord.EventStatus.scheduled:
                        await event.delete(reason="scheduled quiz did not start")
                except discord.HTTPException as exc:
                    log.warning("schedule %s: could not complete event %s: %s", schedule.id, event.id, exc)
            await self._next_event(guild, schedule, occurrence.next_at)

    async def play_round(self, channel: discord.TextChannel, schedule: Schedule) -> None:
        """Run the round on the quiz service and wait for it to finish (it posts the results)."""
        settings = RoundSettings.validated(
            schedule.questions, schedule.seconds, schedule.topic, schedule.mode
        )
        kb = (await self.notes.for_guild(channel.guild.id)).kb
        state = start_channel_round(
            self.quiz, channel, channel.guild.id, channel.id, settings, schedule.created_by, kb
        )
        await asyncio.shield(state.task)

    async def post_skipped(self, occurrence: Occurrence) -> None:
        """Tell the channel a run was missed while the bot was down; move the event on."""
        schedule = occurrence.schedule
        place = self._place(schedule)
        if place is None:
            return
        guild, channel = place
        await channel.send(skipped_note(schedule, occurrence.at, occurrence.missed, occurrence.next_at))
        await self._drop_event(guild, schedule.event_id)
        await self._next_event(guild, schedule, occurrence.next_at)

    async def post_reminder(self, occurrence: Occurrence) -> None:
        """Remind the channel; mention only the schedule's role."""
        schedule = occurrence.schedule
        place = self._place(schedule)
        if place is None:
            return
        guild, channel = place
        text = reminder_text(schedule, occurrence.at)
        role = guild.get_role(schedule.role_id) if schedule.role_id else None
        if role is None:
            await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
            return
        await channel.send(
            f"{role.mention} {text}",
            allowed_mentions=discord.AllowedMentions(
                everyone=False, users=False, roles=[role], replied_user=False
            ),
        )


async def setup(bot: StudyBot) -> None:
    """Load the schedule cog with the services it uses (the quiz service runs its rounds)."""
    services = bot.services
    await bot.add_cog(
        Schedules(
            bot,
            settings=services.settings,
            notes=services.notes,
            schedules=services.schedules,
            quiz=services.quiz,
            clock=services.clock,
            shards=services.shards,
        )
    )
