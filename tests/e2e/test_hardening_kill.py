"""Hardening, the bot process killed with SIGKILL mid-round: it runs as ``python -m bot run --config``
against the loopback Discord in this test process, on SQLite and on PostgreSQL. After a restart the
leaderboard holds every point won before the kill, none twice, and the channel is told that the round
was interrupted. Answers go through the group-commit writer: a point is announced only once committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.storage import RoundStatus, Store
from tests.dbutil import postgres_database, sqlite_url
from tests.e2e.conftest import World, build_world
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
#: A process start (imports, migrations, Discord's guild wait) takes seconds, not milliseconds.
STEP = 60.0

#: Marker in the definition -> term: the question shows the definition with the term masked out.
TERMS = {"KX1": "Alpha protocol", "KX2": "Beta gateway", "KX3": "Gamma bridge"}


def write_notes(path: Path) -> Path:
    """Three entries whose questions can be told apart by a marker."""
    entries = [
        {"term": term, "definition": f"Marker {marker}: a component of the kill test."}
        for marker, term in TERMS.items()
    ]
    notes = {"topic": {"title": "Kill test", "objective": "9.1"}, "entries": entries}
    path.write_text(yaml.safe_dump(notes), encoding="utf-8")
    return path


def term_asked(question: dict[str, Any]) -> str:
    """The term a question message asks for."""
    marker = re.search(r"KX\d", question["embeds"][0]["description"])
    assert marker is not None, question
    return TERMS[marker.group(0)]


class BotProcess:
    """``python -m bot run`` as a child process; stderr is collected line by line."""

    def __init__(self, config: Path, token: str) -> None:
        self.config = config
        self.token = token
        self.lines: list[str] = []
        self.process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> BotProcess:
        """Start the child and return once it logged that it is ready."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")}
        env.update(DISCORD_TOKEN=self.token, PYTHONUNBUFFERED="1")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--config",
            str(self.config),
            cwd=REPO,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        self._reader = asyncio.create_task(self._read())
        ready = asyncio.ensure_future(self._ready.wait())
        done, _ = await asyncio.wait({ready, self._reader}, timeout=STEP, return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            raise AssertionError("the bot process did not get ready:\n" + self.log)
        return self

    async def _read(self) -> None:
        assert self.process is not None
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            line = raw.decode(errors="replace").rstrip()
            self.lines.append(line)
            if " Ready as " in line:
                self._ready.set()

    @property
    def log(self) -> str:
        """Everything the child wrote to stderr."""
        return "\n".join(self.lines)

    async def kill(self) -> int:
        """SIGKILL: no shutdown code runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        code = await asyncio.wait_for(self.process.wait(), STEP)
        if self._reader is not None:
            await asyncio.wait_for(self._reader, STEP)
        return code

    async def stop(self) -> None:
        """SIGTERM, then SIGKILL if it lingers."""
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


@pytest.fixture
async def fake_and_world() -> AsyncIterator[tuple[FakeDiscord, World]]:
    """A loopback Discord listening on 127.0.0.1 for the child processes."""
    fake = FakeDiscord()
    world = build_world(fake)
    await fake.start()
    yield fake, world
    await fake.close()
    assert fake.violations == [], fake.violations
    assert fake.pings() == []


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The bot's database, once per backend (a fresh PostgreSQL database, dropped afterwards)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "studybot.db")
        return
    with postgres_database("studybot_kill") as url:
        yield url


async def test_sigkill_mid_round_keeps_every_point_once_and_the_channel_is_told(
    tmp_path: Path, fake_and_world: tuple[FakeDiscord, World], database_url: str
) -> None:
    fake, w = fake_and_world
    config = tmp_path / "config.yaml"
    settings = {
        "knowledge": {"paths": [str(write_notes(tmp_path / "notes.yaml"))]},
        "database": {"url": database_url},
        "discord": {"api_base_url": fake.api_base_url, "gateway_url": fake.gateway_url, "sync": [w.guild.id]},
        "log_level": "INFO",
    }
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")

    first = BotProcess(config, fake.token)
    try:
        await first.start()
        handle = await fake.slash(w.member, w.study, "quiz start", questions=3, seconds=120, mode="typed")
        assert "started a quiz" in (await handle.message(STEP))["content"]
        question = await fake.next_message(w.study, STEP)
        assert question["embeds"][0]["title"] == "Question 1/3"
        await fake.send_message(w.moderator, w.study, "wrong guess")
        await fake.send_message(w.member, w.study, term_asked(question))
        card = await fake.next_message(w.study, STEP)
        won = re.search(r"got it \(\+(\d+) points", card["embeds"][0]["description"])
        assert won is not None, card
        points = int(won.group(1))
        # killed in the pause before question 2: the points of question 1 are already stored
        assert await first.kill() == -signal.SIGKILL
    finally:
        await first.stop()

    store = await Store.open(database_url)
    try:
        rank = await store.leaderboards.rank(w.guild.id, w.member.id)
        assert rank is not None
        assert (rank.points, rank.correct, rank.answered) == (points, 1, 1)
        assert len(await store.rounds.answers_of(w.guild.id, w.member.id)) == 1
        wrong = await store.leaderboards.rank(w.guild.id, w.moderator.id)
        assert wrong is not None
        assert (wrong.points, wrong.answered) == (0, 1)
    finally:
        await store.close()

    second = BotProcess(config, fake.token)
    try:
        await second.start()
        notice = await fake.next_message(w.study, STEP)
        while notice.get("embeds"):  # question 3 may have been posted just before the kill
            notice = await fake.next_message(w.study, STEP)
        assert "interrupted" in notice["content"]
        assert "points won so far are kept" in notice["content"]
        board = await (await fake.slash(w.member, w.study, "leaderboard show")).message(STEP)
        first_line = board["embeds"][0]["description"].splitlines()[0]
        assert first_line == f"**1.** <@{w.member.id}>: {points} points (1/1 right)"
        # a new round starts normally in the same channel
        handle = await fake.slash(w.moderator, w.study, "quiz start", questions=1, seconds=120, mode="typed")
        assert "started a quiz" in (await handle.message(STEP))["content"]
    finally:
        await second.stop()
    assert fake.unread_messages(w.general) == []

    store = await Store.open(database_url)
    try:
        rank = await store.leaderboards.rank(w.guild.id, w.member.id)
        assert rank is not None
        assert rank.points == points, "no point counted twice after the restart"
        assert len(await store.rounds.answers_of(w.guild.id, w.member.id)) == 1
        killed = await store.rounds.get_round(1)
        assert killed is not None
        assert killed.status is RoundStatus.INTERRUPTED
    finally:
        await store.close()


async def test_sigkill_mid_button_question_leaves_no_live_button(
    tmp_path: Path, fake_and_world: tuple[FakeDiscord, World]
) -> None:
    """The killed process could not disable its question's buttons: the next one does, and old clicks
    are answered ("This quiz is over.") instead of failing."""
    fake, w = fake_and_world
    config = tmp_path / "config.yaml"
    settings = {
        "knowledge": {"paths": [str(write_notes(tmp_path / "notes.yaml"))]},
        "database": {"url": sqlite_url(tmp_path / "studybot.db")},
        "discord": {"api_base_url": fake.api_base_url, "gateway_url": fake.gateway_url, "sync": [w.guild.id]},
        "log_level": "INFO",
    }
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")

    def live_buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
        stored = fake.messages[int(message["id"])]
        return [c for row in stored["components"] for c in row["components"] if not c.get("disabled")]

    first = BotProcess(config, fake.token)
    try:
        await first.start()
        handle = await fake.slash(w.member, w.study, "quiz start", questions=3, seconds=120, mode="buttons")
        assert "started a quiz" in (await handle.message(STEP))["content"]
        question = await fake.next_message(w.study, STEP)
        assert len(live_buttons(question)) >= 2
        assert await first.kill() == -signal.SIGKILL
        # a normal start-up says nothing about voice libraries the bot does not use
        assert "voice" not in first.log.casefold(), first.log
    finally:
        await first.stop()
    assert live_buttons(question), "nothing could edit the message while the bot was dead"

    second = BotProcess(config, fake.token)
    try:
        await second.start()
        notice = await fake.next_message(w.study, STEP)
        assert "interrupted" in notice["content"]
        # a member clicks the old question (the edit disabling it may not have reached them yet)
        custom_id = question["components"][0]["components"][0]["custom_id"]
        click = await fake.click(w.moderator, w.study, question, custom_id)
        answer = await click.message(STEP)
        assert answer["content"] == "This quiz is over."
        assert answer["flags"] & 64
        await fake.wait_for(lambda: not live_buttons(question), STEP, "the old question's buttons disabled")
    finally:
        await second.stop()
