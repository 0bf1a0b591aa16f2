"""The round runner on a fake clock, storing points in a real SQLite store."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.knowledge import KnowledgeBase
from bot.quiz import (
    HintShown,
    QuestionAsked,
    QuestionClosed,
    QuestionGenerator,
    QuizRound,
    RoundSettings,
    SubmitStatus,
)
from bot.quiz.runner import RoundRunner
from bot.storage import RoundStatus, Store
from tests.dbutil import sqlite_url
from tests.presenters import Recorder

GUILD, CHANNEL, ALICE, BOB = 500, 600, 1, 2


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(tmp_path / "quiz.db"))
    yield opened
    await opened.close()


async def eventually(condition: Callable[[], bool]) -> None:
    """Let the event loop (and the database thread) work until ``condition`` holds."""
    for _ in range(2000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("condition never became true")


def _runner(kb: KnowledgeBase, store: Store, clock: FakeClock, n: int = 2, mode: str = "typed") -> tuple:  # type: ignore[type-arg]
    settings = RoundSettings.validated(questions=n, seconds=20, mode=mode)
    quiz = QuizRound(QuestionGenerator(kb, random.Random(5)).generate(settings), settings, started_by=ALICE)
    presenter = Recorder()
    runner = RoundRunner(quiz, presenter, clock, store=store, guild_id=GUILD, channel_id=CHANNEL, pause=1)
    return runner, presenter


async def test_a_round_with_a_win_a_hint_and_a_timeout(seed_kb: KnowledgeBase, store: Store) -> None:
    clock = FakeClock()
    runner, shown = _runner(seed_kb, store, clock)
    task = asyncio.create_task(runner.run())
    await eventually(lambda: clock.sleepers == 1)
    (first,) = shown.of(QuestionAsked)
    clock.advance(3)
    result = await runner.answer(BOB, first.question.entry.term)
    assert result.status is SubmitStatus.CORRECT
    assert (await store.leaderboards.rank(GUILD, BOB)).points == result.scored.points  # type: ignore[union-attr]  # stored at once
    await eventually(lambda: len(shown.of(QuestionClosed)) == 1)
    clock.advance(1)  # the pause between questions
    await eventually(lambda: len(shown.of(QuestionAsked)) == 2)
    clock.advance(10)
    await eventually(lambda: len(shown.of(HintShown)) == 1)
    assert (await runner.answer(ALICE, "no idea")).status is SubmitStatus.WRONG
    clock.advance(10)
    done = await asyncio.wait_for(task, 5)
    closed = shown.of(QuestionClosed)
    assert closed[1].timed_out
    assert [s.member_id for s in done.standings] == [BOB, ALICE]
    stored = await store.rounds.get_round(runner.round_id)  # type: ignore[arg-type]
    assert stored is not None
    assert stored.status is RoundStatus.FINISHED
    alice = await store.leaderboards.rank(GUILD, ALICE)
    assert alice is not None
    assert (alice.points, alice.answered, alice.correct) == (0, 1, 0)


async def test_stop_ends_the_round_and_keeps_points(seed_kb: KnowledgeBase, store: Store) -> None:
    clock = FakeClock()
    runner, shown = _runner(seed_kb, store, clock, n=5)
    task = asyncio.create_task(runner.run())
    await eventually(lambda: clock.sleepers == 1)
    first = shown.of(QuestionAsked)[0]
    await runner.answer(BOB, first.question.entry.term)
    await eventually(lambda: len(shown.of(QuestionClosed)) == 1)
    runner.stop(by=ALICE)
    done = await asyncio.wait_for(task, 5)
    assert done.stopped
    assert done.asked == 1
    assert (await store.rounds.get_round(runner.round_id)).status is RoundStatus.STOPPED  # type: ignore[arg-type,union-attr]
    assert (await store.leaderboards.rank(GUILD, BOB)) is not None


async def test_button_answers_are_stored_when_time_is_up(seed_kb: KnowledgeBase, store: Store) -> None:
    clock = FakeClock()
    runner, shown = _runner(seed_kb, store, clock, n=1, mode="buttons")
    task = asyncio.create_task(runner.run())
    await eventually(lambda: clock.sleepers == 1)
    q = shown.of(QuestionAsked)[0].question
    assert (await runner.answer(ALICE, q.answer_index)).status is SubmitStatus.RECORDED
    assert await store.leaderboards.rank(GUILD, ALICE) is None  # not scored yet
    clock.advance(20)
    await asyncio.wait_for(task, 5)
    rank = await store.leaderboards.rank(GUILD, ALICE)
    assert rank is not None
    assert rank.points == 10 + 10


async def test_a_cancelled_round_is_reported_interrupted_on_the_next_start(
    seed_kb: KnowledgeBase, store: Store
) -> None:
    clock = FakeClock()
    runner, shown = _runner(seed_kb, store, clock, n=3)
    task = asyncio.create_task(runner.run())
    await eventually(lambda: clock.sleepers == 1)
    await runner.answer(BOB, shown.of(QuestionAsked)[0].question.entry.term)
    await eventually(lambda: clock.sleepers == 1 and len(shown.of(QuestionClosed)) == 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    (interrupted,) = await store.rounds.interrupted_rounds()
    assert (interrupted.guild_id, interrupted.channel_id) == (GUILD, CHANNEL)
    assert (await store.leaderboards.rank(GUILD, BOB)) is not None  # points won before the crash are kept
