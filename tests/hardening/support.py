"""Shared by the hardening tests: a token-shaped secret, hostile strings, a cuttable TCP proxy, checks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, settings

from bot.clock import FakeClock
from tests.fakediscord import FakeDiscord

log = logging.getLogger(__name__)

#: A value shaped like a real bot token (base64 id . timestamp . HMAC); it must never be printed.
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB"

#: Property tests: enough cases to find crashes, few enough to stay fast; the same cases every run.
PROPERTIES = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
RIGHT_TO_LEFT = "\u202e\u200f\u2067"
FENCE = "```"
SQL = "'; DROP TABLE scores; --"

#: Text a hostile member or a careless note-taker might write.
HOSTILE_TEXTS = (
    "@everyone",
    "@here",
    "<@&123456789012345678>",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    f"zero{ZERO_WIDTH}width",
    f"right{RIGHT_TO_LEFT}to left",
    f"{FENCE}py\nprint('break out'){FENCE}",
    "**bold** __under__ ~~strike~~ ||spoiler|| > quote",
    SQL,
    "Robert'); DELETE FROM answers WHERE ('1'='1",
    "x" * 10_000,
)


def allows_nothing(allowed: dict[str, Any] | None) -> bool:
    """Whether an allowed_mentions object lets nothing ping (no parse, no users, no roles, no reply ping)."""
    if allowed is None:
        return False
    return (
        not allowed.get("parse")
        and not allowed.get("users")
        and not allowed.get("roles")
        and not allowed.get("replied_user", False)
    )


def assert_no_send_may_ping(fake: FakeDiscord) -> None:
    """Every message the bot sent with text carried allowed_mentions that allow nothing.

    Edits that change only embeds or buttons carry no content, so they cannot ping (embeds never do, and
    discord.py then leaves allowed_mentions out); every send that has content must allow nothing.
    """
    assert fake.sends, "the test expected the bot to send something"
    for send in fake.sends:
        assert send.pings == [], send
        if send.payload.get("content") or send.kind != "edit":
            assert allows_nothing(send.allowed_mentions), (send.kind, send.allowed_mentions, send.text[:200])


async def start_quiz(fake: FakeDiscord, who: Any, channel: Any, **options: Any) -> dict[str, Any]:
    """``who`` runs /quiz start in ``channel``; returns the bot's reply."""
    return await (await fake.slash(who, channel, "quiz start", **options)).message()


def fake_time(seed: int = 1) -> dict[str, Any]:
    """``create_bot`` keywords for a bot on a fake clock with a fixed seed (what ``quiz_seed`` does)."""
    return {"clock": FakeClock(datetime.now(UTC)), "rng": random.Random(seed)}


def quiz_cog(bot: Any) -> tuple[Any, FakeClock]:
    """The running quiz cog and the fake clock the bot was built on (``quiz_seed`` / ``fake_time``)."""
    cog: Any = bot.get_cog("Quiz")
    assert cog is not None
    assert type(cog).__name__ == "QuizCog"
    clock = bot.services.clock
    assert isinstance(clock, FakeClock), "build the bot with a FakeClock (start_bot(quiz_seed=N))"
    assert cog.clock is clock
    return cog, clock


def open_term(cog: Any, guild_id: int, channel_id: int) -> str:
    """The term of the open question in a channel."""
    state = cog.running_in(guild_id, channel_id)
    assert state is not None, "no round is running there"
    question = state.runner.quiz.current
    assert question is not None, "no question is open"
    term: str = question.entry.term
    return term


async def until(predicate: Callable[[], bool], what: str, seconds: float = 5.0) -> None:
    """Poll (every millisecond) bot state the fake does not see, e.g. a round waiting on its clock."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        await asyncio.sleep(0.001)


async def advance_when_waiting(clock: FakeClock, seconds: float, cog: Any) -> None:
    """Move the fake clock once a round of ``cog`` waits on it (so the round cannot miss the jump).

    Other tasks sleep on the bot's clock too (review reminders, the scheduler), so the round's own
    wait is what counts.
    """
    await until(
        lambda: any(state.runner.waiting for state in cog.rounds.running()), "a round waiting on the clock"
    )
    clock.advance(seconds)


def titles(messages: list[dict[str, Any]]) -> list[str]:
    """The first embed title of each message (or its content)."""
    return [(m["embeds"][0].get("title") if m.get("embeds") else m.get("content")) or "" for m in messages]


@dataclass
class _Pipe:
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


class TcpProxy:
    """A TCP proxy on 127.0.0.1 to ``host:port`` that a test can cut (drop and refuse) and restore."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.listen_port = 0
        self.cut_off = False
        self.refused = 0
        self._pipes: list[_Pipe] = []
        self._server: asyncio.Server | None = None

    async def start(self) -> TcpProxy:
        """Listen on a free port."""
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.listen_port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        """Stop listening and drop every connection."""
        await self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def cut(self) -> None:
        """Drop every open connection and refuse new ones until ``restore``."""
        self.cut_off = True
        for pipe in self._pipes:
            for writer in (pipe.client, pipe.upstream):
                writer.close()
            for task in pipe.tasks:
                task.cancel()
        for pipe in self._pipes:
            for task in pipe.tasks:
                with contextlib.suppress(asyncio.CancelledError, OSError):
                    await task
        self._pipes.clear()
        log.info("proxy %s cut", self.listen_port)

    def restore(self) -> None:
        """Accept and forward connections again."""
        self.cut_off = False
        log.info("proxy %s restored", self.listen_port)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut_off:
            self.refused += 1
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.port)
        except OSError:
            writer.close()
            return
        pipe = _Pipe(writer, up_writer)
        pipe.tasks = [
            asyncio.create_task(self._copy(reader, up_writer)),
            asyncio.create_task(self._copy(up_reader, writer)),
        ]
        self._pipes.append(pipe)

    @staticmethod
    async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
