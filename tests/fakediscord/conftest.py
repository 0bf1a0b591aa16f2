"""Fixtures for the loopback Discord's own tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.fakediscord import FakeDiscord


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    """A hand-moved clock for the fake's interaction deadlines."""
    return Clock()


@pytest.fixture
async def fake(clock: Clock) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord with one guild."""
    server = FakeDiscord(clock=clock)
    server.add_guild("Test Guild")
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def http(fake: FakeDiscord) -> AsyncIterator[aiohttp.ClientSession]:
    """A client session authorised as the bot."""
    async with aiohttp.ClientSession(
        base_url=f"http://127.0.0.1:{fake.port}", headers={"Authorization": f"Bot {fake.token}"}
    ) as session:
        yield session
