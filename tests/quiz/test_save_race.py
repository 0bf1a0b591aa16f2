"""The save race: 1,000 rounds stopped, or closing, while their answers are being written.

Every round shares one ``AnswerWriter`` (as in the bot) and a real database (SQLite and PostgreSQL).
Each answer must be stored exactly once: the rows found afterwards equal the answers won (and the
wrong tries of closed questions), the points on the leaderboard equal the points announced, no round
keeps an unsaved answer and none fails.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Callable, Iterator
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
    RoundFinished,
    RoundSettings,
    SubmitResult,
    SubmitStatus,
)
from bot.quiz.runner import RoundRunner
from bot.quiz.writer import AnswerWriter
from bot.storage import RoundStatus, Store
from tests.dbutil import postgres_database, sqlite_url

ROUNDS = 1000
GUILD = 77


class Shown:
    """Counts of what a round showed (kept apart from the presenter's method names)."""

    def __init__(self) -> None:
        self.asked: list[QuestionAsked] = []
        self.closed = 0


class Presenter:
    def __init__(self, shown: Shown) -> None:
        self.shown = shown

    async def asked(self, event: QuestionAsked) -> None:
        self.shown.asked.append(event)

    async def hinted(self, event: HintShown) -> None:
        pass

    async def closed(self, event: QuestionClosed) -> None:
        self.shown.closed += 1

    async def finished(self, event: RoundFinished) -> None:
        pass


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_database("studybot_race") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    url = (
        sqlite_url(tmp_path / "race.db")
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    opened = await Store.open(url)
    yield opened
    await opened.close()


async def until(condition: Callable[[], bool]) -> None:
    for _ in range(20000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("condition never became true")


async def test_1000_rounds_stopped_with_writes_in_flight_store_every_answer_once(
    seed_kb: KnowledgeBase, store: Store
) -> None:
    clock = FakeClock()
    writer = AnswerWriter(store)
    settings = RoundSettings.validated(questions=3, seconds=20, mode="typed")
    runners: list[RoundRunner] = []
    shown: list[Shown] = []
    for i in range(ROUNDS):
        questions = QuestionGenerator(seed_kb, random.Random(i)).generate(settings)
        shown.append(Shown())
        runners.append(
            RoundRunner(
                QuizRound(questions, settings),
                Presenter(shown[-1]),
                clock,
                store=store,
                writer=writer,
                guild_id=GUILD,
                channel_id=i,
                pause=0,
            )
        )
    tasks = [asyncio.create_task(r.run()) for r in runners]
    await until(lambda: all(len(s.asked) == 1 for s in shown))
    answers: list[asyncio.Task[SubmitResult]] = []

    def play(i: int, member: int) -> None:
        """Two wrong tries by other members, then the right answer, whose write is left in flight."""
        runner = runners[i]
        term = shown[i].asked[-1].question.entry.term
        answers.append(asyncio.create_task(runner.answer(member + 1, "not it at all")))
        answers.append(asyncio.create_task(runner.answer(member + 2, "no idea")))
        answers.append(asyncio.create_task(runner.answer(member, term)))

    # question 1 everywhere: even rounds are stopped while the winning answer is being written; odd
    # rounds close the question (storing the wrong tries) and ask question 2 meanwhile
    for i in range(ROUNDS):
        play(i, 100)
    await asyncio.sleep(0)  # the answers are checked and handed to the writer
    for i in range(0, ROUNDS, 2):
        runners[i].stop()
    # odd rounds: question 2, then a stop while its answer is written and the clock passes its deadline
    await until(lambda: all(len(shown[i].asked) == 2 for i in range(1, ROUNDS, 2)))
    for i in range(1, ROUNDS, 2):
        play(i, 200)
    await asyncio.sleep(0)
    clock.advance(25)
    for i in range(1, ROUNDS, 2):
        runners[i].stop()
    results = await asyncio.wait_for(asyncio.gather(*answers), 120)
    finished = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 120)
    await writer.close(within=30)

    failures = [f for f in finished if isinstance(f, BaseException)]
    assert failures == []
    won = [r for r in results if r.status is SubmitStatus.CORRECT]
    assert len(won) == ROUNDS + ROUNDS // 2  # every right answer was in time
    assert all(r.unsaved == [] for r in runners)
    rows = await store.rounds.answers_of(GUILD)
    stored_right = [row for row in rows if row.correct]
    keys = [(row.round_id, row.question_index, row.member_id) for row in rows]
    assert len(keys) == len(set(keys))
    # a won question's wrong tries are stored with its winning answer, even when the round is stopped
    # before the question closes (a question stopped before anyone won it drops them)
    wrong_rows = [row for row in rows if not row.correct]
    print(
        f"\n{store.dialect}: won {len(won)}, stored {len(stored_right)}, wrong tries stored {len(wrong_rows)}"
    )
    assert len(stored_right) == len(won)
    assert len(wrong_rows) == 2 * len(won)
    assert sum(row.points for row in rows) == sum(r.scored.points for r in won if r.scored)
    board = await store.leaderboards.leaderboard(GUILD, limit=50)
    assert sum(row.points for row in board.rows) == sum(r.scored.points for r in won if r.scored)
    for runner in runners:
        assert runner.round_id is not None
        stored = await store.rounds.get_round(runner.round_id)
        assert stored is not None
        assert stored.status is RoundStatus.STOPPED
