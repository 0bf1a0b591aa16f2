"""A quiz round shown in a Discord channel: its presenter, and starting one (by /quiz start or a schedule)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol, runtime_checkable

import discord
from discord.utils import format_dt

from bot.errors import UserError
from bot.knowledge import KnowledgeBase
from bot.quiz import HintShown, QuestionAsked, QuestionClosed, RoundFinished, RoundSettings
from bot.quiz.rounds import ChannelRound, QuizRounds
from bot.quiz.runner import RoundRunner, database_unavailable
from bot.wording import plural
from cogs._buttons import disable_message
from cogs.quiz._embeds import closed_embed, question_embed, standings_embed
from cogs.quiz._views import answer_view

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


class QuizBusyError(UserError):
    """A round is already running in the channel; ``user_message`` says until when."""


@runtime_checkable
class ShownInChannel(Protocol):
    """What the cog reads of a round's channel presenter (checked by shape: a reloaded module's class
    is another class)."""

    key: str
    message: discord.Message | None
    asked_event: QuestionAsked | None

    async def end_buttons(self) -> None:
        """Grey out the open question's buttons."""
        ...


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


def start_channel_round(
    rounds: QuizRounds,
    channel: discord.abc.Messageable,
    guild_id: int,
    channel_id: int,
    settings: RoundSettings,
    started_by: int,
    kb: KnowledgeBase,
) -> ChannelRound:
    """Start a round shown in ``channel`` (by /quiz start or a schedule); a failure is told to the channel.

    QuizBusyError if a round runs there already; QuizSettingsError for a topic the notes lack.
    """
    busy = rounds.running_in(guild_id, channel_id)
    if busy is not None:
        raise QuizBusyError(
            f"A round is already running here; it ends {format_dt(busy.runner.ends_by(), 'R')}."
        )
    key = f"{channel_id}-{int(rounds.clock.now().timestamp() * 1000)}"
    presenter = ChannelPresenter(channel, key)
    state = rounds.start(guild_id, channel_id, presenter, settings, started_by, key=key, kb=kb)
    state.task.add_done_callback(lambda task: _round_done(channel_id, channel, presenter, task))
    return state


def shown_in_channel(state: ChannelRound) -> ShownInChannel | None:
    """The Discord side of a running round (None for a round shown elsewhere)."""
    presenter = state.presenter
    return presenter if isinstance(presenter, ShownInChannel) else None


def _round_done(
    channel_id: int,
    channel: discord.abc.Messageable,
    presenter: ChannelPresenter,
    task: asyncio.Task[RoundFinished],
) -> None:
    if task.cancelled():
        return
    error = task.exception()
    if error is None:
        return
    if database_unavailable(error):
        log.warning("quiz round in channel %s stopped: database unavailable (%s)", channel_id, error)
        text = "The quiz stopped: the database is unavailable right now. Please try again in a minute."
    else:
        log.error("quiz round in channel %s failed", channel_id, exc_info=error)
        text = "The quiz stopped because of an error; points won so far are kept."
    asyncio.create_task(_report_failure(channel, text, presenter))  # noqa: RUF006 - fire and forget, logged


async def _report_failure(channel: discord.abc.Messageable, text: str, presenter: ChannelPresenter) -> None:
    await presenter.end_buttons()  # the failed round's open question takes no more answers
    try:
        await channel.send(text, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not report the failed round: %s", exc)
