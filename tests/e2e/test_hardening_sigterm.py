"""Hardening, stopping the bot process with SIGTERM or SIGINT while a round's answer is being written.

``python -m bot run`` runs against the loopback Discord; the test holds a lock on the database so the
bot's write of a won answer is in flight (sent, waiting) when the signal comes. The process must exit
within 10 s (what service managers allow), and nothing the channel was told is lost: the points of the
answer card posted before are stored, and the answer whose write was cut off was never announced.
"""

from __future__ import annotations

import asyncio
import re
import signal
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import text

from bot.shutdown import SHUTDOWN_TIMEOUT
from bot.storage import Store
from bot.storage.engine import create_engine, dispose_engine
from tests.dbutil import create_postgres_database, drop_postgres_database, sqlite_url
from tests.e2e.conftest import World
from tests.e2e.test_hardening_kill import STEP, BotProcess, term_asked, write_notes
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.e2e

#: What service managers allow between SIGTERM and SIGKILL (Docker's default).
EXIT_WITHIN = 10.0
ANSWER_INSERT = "INSERT INTO answers"


class WatchedBotProcess(BotProcess):
    """A bot process whose log lines can be waited for."""

    async def wait_for_line(self, predicate: Callable[[list[str]], bool], what: str) -> None:
        """Return once ``predicate(lines so far)`` holds (the log is read as the child writes it)."""
        deadline = time.monotonic() + STEP
        while not predicate(self.lines):
            if time.monotonic() > deadline or (
                self.process is not None and self.process.returncode is not None
            ):
                raise AssertionError(f"the bot never logged {what}:\n{self.log}")
            await asyncio.sleep(0.05)  # polling another process's log: no clock to pass in


@asynccontextmanager
async def write_lock(url: str) -> AsyncIterator[Callable[[WatchedBotProcess, int], Awaitable[None]]]:
    """Hold the database's write lock (SQLite) or a lock on the answers table (PostgreSQL); yields a
    function that returns once the bot's next INSERT into answers is waiting for that lock."""
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.split("///", 1)[1], isolation_level=None, timeout=30)
        connection.execute("BEGIN IMMEDIATE")

        async def sqlite_waiting(bot: WatchedBotProcess, before: int) -> None:
            # aiosqlite logs (DEBUG) each statement as it hands it to its thread
            await bot.wait_for_line(lambda lines: inserts(lines) > before, "the answer's INSERT")

        try:
            yield sqlite_waiting
        finally:
            connection.rollback()
            connection.close()
        return
    engine = create_engine(url)
    try:
        async with engine.connect() as conn, engine.connect() as watcher:
            transaction = await conn.begin()
            await conn.execute(text("LOCK TABLE answers IN SHARE ROW EXCLUSIVE MODE"))

            async def postgres_waiting(bot: WatchedBotProcess, _before: int) -> None:
                waiting = text(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'answers'::regclass"
                )
                deadline = time.monotonic() + STEP
                while not (await watcher.execute(waiting)).scalar_one():
                    await watcher.rollback()
                    assert time.monotonic() < deadline, f"the answer's INSERT never waited:\n{bot.log}"
                    await asyncio.sleep(0.05)  # polling the server: no clock to pass in

            try:
                yield postgres_waiting
            finally:
                await transaction.rollback()
    finally:
        await dispose_engine(engine)


def inserts(lines: list[str]) -> int:
    """How many INSERTs into answers the bot's log shows."""
    return sum(ANSWER_INSERT in line for line in lines)


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The bot's database URL on the backend the test is parametrized with."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "studybot.db")
        return
    url = create_postgres_database("studybot_sigterm")
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
async def fake_world() -> AsyncIterator[tuple[FakeDiscord, World]]:
    """A loopback Discord for the child process."""
    from tests.e2e.conftest import build_world

    fake = FakeDiscord()
    world = build_world(fake)
    await fake.start()
    yield fake, world
    await fake.close()
    assert fake.violations == [], fake.violations


def points_won(card: dict[str, Any]) -> int:
    """The points an answer card announces."""
    won = re.search(r"got it \(\+(\d+) points", card["embeds"][0]["description"])
    assert won is not None, card
    return int(won.group(1))


@pytest.mark.parametrize(
    ("database", "stop_with"),
    [("sqlite", signal.SIGTERM), ("postgresql", signal.SIGTERM), ("postgresql", signal.SIGINT)],
    indirect=["database"],
    ids=["sqlite-SIGTERM", "postgresql-SIGTERM", "postgresql-SIGINT"],
)
async def test_a_signal_during_a_write_exits_within_10_s_and_loses_nothing_announced(
    tmp_path: Path, fake_world: tuple[FakeDiscord, World], database: str, stop_with: signal.Signals
) -> None:
    fake, w = fake_world
    config = tmp_path / "config.yaml"
    settings = {
        "knowledge": {"paths": [str(write_notes(tmp_path / "notes.yaml"))]},
        "database": {"url": database},
        "discord": {"api_base_url": fake.api_base_url, "gateway_url": fake.gateway_url, "sync": [w.guild.id]},
        "log_level": "DEBUG",  # SQLAlchemy then logs every statement it sends
    }
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    bot = WatchedBotProcess(config, fake.token)
    try:
        await bot.start()
        handle = await fake.slash(w.member, w.study, "quiz start", questions=3, seconds=120, mode="typed")
        assert "started a quiz" in (await handle.message(STEP))["content"]
        first = await fake.next_message(w.study, STEP)
        await fake.send_message(w.member, w.study, term_asked(first))
        announced = points_won(await fake.next_message(w.study, STEP))
        second = await fake.next_message(w.study, STEP)
        assert second["embeds"][0]["title"] == "Question 2/3"

        async with write_lock(database) as write_waiting:
            before = inserts(bot.lines)
            await fake.send_message(w.member, w.study, term_asked(second))
            await write_waiting(bot, before)
            assert bot.process is not None
            signalled = time.monotonic()
            bot.process.send_signal(stop_with)
            code = await asyncio.wait_for(bot.process.wait(), EXIT_WITHIN + 5)
            took = time.monotonic() - signalled
        assert took < EXIT_WITHIN, f"exit took {took:.1f} s:\n{bot.log}"
        assert f"{stop_with.name} received: shutting down" in bot.log
        if database.startswith("postgresql"):
            # the cancelled INSERT is cancelled on the server too: a clean exit at once
            assert (code, took < SHUTDOWN_TIMEOUT) == (0, True), bot.log
            assert "shut down cleanly" in bot.log
            assert "Traceback" not in bot.log, bot.log[bot.log.find("Traceback") - 300 :][:4000]
        else:
            # sqlite3 cannot be interrupted while it waits for a lock (busy_timeout, 10 s): unless that
            # wait ends within the bound, the bot gives up, saying what it leaves behind, and exits anyway
            if code == 0:
                assert "shut down cleanly" in bot.log
            else:
                assert code == 1, bot.log
                assert re.search(r"shutdown gave up after 8 s; still running: \S+: \w+ \(", bot.log), bot.log
    finally:
        await bot.stop()

    # the channel heard of the first answer only, and exactly that is stored
    cards = [m for m in fake.unread_messages(w.study) if "got it" in str(m.get("embeds"))]
    assert cards == [], "the answer whose write was cut off must not be announced"
    store = await Store.open(database)
    try:
        rank = await store.leaderboards.rank(w.guild.id, w.member.id)
        assert rank is not None
        assert (rank.points, rank.correct) == (announced, 1)
        assert len(await store.rounds.answers_of(w.guild.id, w.member.id)) == 1
    finally:
        await store.close()
