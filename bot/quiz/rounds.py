"""The quiz rounds running now, one per (guild, channel): the quiz service the faces share.

``/quiz start`` and scheduled rounds both start rounds here, so a channel never has two, and stopping
the service (a cog unload, the bot closing) cancels every round it runs. No Discord here: the face
passes a :class:`~bot.quiz.runner.RoundPresenter` that shows the round's events.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.clock import Clock
from bot.errors import UserError
from bot.knowledge import KnowledgeBase
from bot.quiz.questions import QuestionGenerator
from bot.quiz.round import QuizRound, RoundFinished
from bot.quiz.runner import RoundPresenter, RoundRunner
from bot.quiz.settings import RoundSettings
from bot.quiz.writer import AnswerWriter
from bot.storage import Store
from bot.wording import plural

log = logging.getLogger(__name__)

#: How long stopping waits for the quiz answers being written (then it goes on; see AnswerWriter.close).
WRITER_FLUSH_SECONDS = 3.0


@runtime_checkable
class RunnerAware(Protocol):
    """A presenter that needs its round's runner (e.g. for buttons that submit answers)."""

    runner: RoundRunner | None


class RoundAlreadyRunning(UserError):
    """A round is already running in the channel; ``running`` is that round."""

    def __init__(self, running: ChannelRound) -> None:
        super().__init__("A round is already running here.")
        self.running = running


@dataclass
class ChannelRound:
    """A round running in one channel: its runner, its task, who started it (0: a schedule), its presenter."""

    runner: RoundRunner
    task: asyncio.Task[RoundFinished]
    started_by: int
    presenter: RoundPresenter


class QuizRounds:
    """Starts, finds and stops the rounds of every channel.

    ``knowledge`` is read at each start (a reload of the notes applies to the next round), ``pause`` is
    the seconds between a question's answer and the next question.
    """

    def __init__(
        self,
        knowledge: Callable[[], KnowledgeBase],
        store: Store | None,
        clock: Clock,
        rng: random.Random,
        *,
        pause: float = 3.0,
    ) -> None:
        self._knowledge = knowledge
        self.store = store
        #: One writer for every round of this process: answers are committed in batches (group commit).
        self.writer = AnswerWriter.attached(store) if store is not None else None
        self.clock = clock
        self.rng = rng
        self.pause = pause
        self._rounds: dict[tuple[int, int], ChannelRound] = {}

    def running_in(self, guild_id: int, channel_id: int) -> ChannelRound | None:
        """The round running in a channel, if any."""
        state = self._rounds.get((guild_id, channel_id))
        return state if state is not None and not state.task.done() else None

    def running(self) -> list[ChannelRound]:
        """Every round still running."""
        return [state for state in self._rounds.values() if not state.task.done()]

    def start(
        self,
        guild_id: int,
        channel_id: int,
        presenter: RoundPresenter,
        settings: RoundSettings,
        started_by: int,
        *,
        key: str,
        kb: KnowledgeBase | None = None,
    ) -> ChannelRound:
        """Start a round in a channel as an asyncio task named after it.

        Raises RoundAlreadyRunning if one runs there, QuizSettingsError for a topic the notes lack.
        The questions come from ``kb`` (the server's notes; default: the shared notes). A
        :class:`RunnerAware` presenter gets the runner as ``presenter.runner``.
        """
        busy = self.running_in(guild_id, channel_id)
        if busy is not None:
            raise RoundAlreadyRunning(busy)
        seed = self.rng.random()
        notes = kb if kb is not None else self._knowledge()
        questions = QuestionGenerator(notes, random.Random(seed)).generate(settings)
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
        if isinstance(presenter, RunnerAware):
            presenter.runner = runner
        task = asyncio.create_task(runner.run(), name=f"quiz-{guild_id}-{channel_id}-{key}")
        state = ChannelRound(runner, task, started_by, presenter)
        place = (guild_id, channel_id)
        self._rounds[place] = state
        task.add_done_callback(lambda _t: self._forget(place, state))
        return state

    async def play(
        self,
        guild_id: int,
        channel_id: int,
        presenter: RoundPresenter,
        settings: RoundSettings,
        started_by: int,
        *,
        key: str,
    ) -> RoundFinished:
        """Run a round and wait for its end (scheduled rounds); cancelling the caller leaves it running."""
        state = self.start(guild_id, channel_id, presenter, settings, started_by, key=key)
        return await asyncio.shield(state.task)

    async def cancel_all(self) -> None:
        """Cancel every running round (stored as interrupted at the next start) and wait for them."""
        tasks = [state.task for state in self._rounds.values()]
        for task in tasks:
            task.cancel()
        # a round cancelled inside a database call closes its connection: let it, before the store closes
        await asyncio.gather(*tasks, return_exceptions=True)

    async def flush_writes(self, within: float = WRITER_FLUSH_SECONDS) -> int:
        """Write the answers handed to the writer within ``within`` seconds; returns how many were not.

        Bounded, so a stuck database cannot hold a shutdown. A fresh writer takes over, so rounds started
        afterwards (the quiz cog reloaded) store their answers as before.
        """
        writer = self.writer
        if writer is None:
            return 0
        self.writer = AnswerWriter.attached(writer.store)
        left = await writer.close(within=within)
        if left:
            log.warning("%s could not be written before shutdown", plural(left, "quiz answer"))
        return left

    def _forget(self, place: tuple[int, int], state: ChannelRound) -> None:
        if self._rounds.get(place) is state:
            del self._rounds[place]
