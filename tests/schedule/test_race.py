"""Two bot processes (two engines over one database) contend for the same occurrences: each runs once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import FakeClock
from bot.schedule.repository import Schedule, ScheduleRepository, ShardFilter
from bot.schedule.runner import Occurrence, ScheduleRunner
from bot.schedule.spec import next_run, parse_spec
from bot.storage import Store
from bot.storage.schedules import ScheduleRows

START = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
ROUNDS = 100


class BarrierRepository(ScheduleRepository):
    """A real repository whose ``due`` waits for the other process, so both always contend for the claim."""

    def __init__(self, rows: ScheduleRows, barrier: asyncio.Barrier) -> None:
        super().__init__(rows)
        self.barrier = barrier

    async def due(self, horizon: datetime, shards: ShardFilter | None = None) -> list[Schedule]:
        rows = await super().due(horizon, shards)
        await self.barrier.wait()
        return rows


@pytest.fixture
async def two_processes(
    store: Store, database_url: str
) -> AsyncIterator[tuple[ScheduleRepository, ScheduleRepository]]:
    """Two repositories with their own stores (engines, connection pools) over the same database."""
    first = await Store.open(database_url)
    second = await Store.open(database_url)
    try:
        yield ScheduleRepository(first.schedules), ScheduleRepository(second.schedules)
    finally:
        await first.close()
        await second.close()


async def test_concurrent_claims_have_exactly_one_winner(
    repository: ScheduleRepository, two_processes: tuple[ScheduleRepository, ScheduleRepository]
) -> None:
    spec = parse_spec("daily 19:00 UTC")
    schedule = await repository.add(guild_id=1 << 22, channel_id=1, created_by=1, spec=spec, now=START)
    one, two = two_processes
    occurrence = schedule.next_run_at
    wins = 0
    for _ in range(ROUNDS):
        assert occurrence is not None
        following = next_run(spec, occurrence)
        results = await asyncio.gather(
            one.claim(schedule.id, occurrence, following),
            two.claim(schedule.id, occurrence, following),
        )
        assert sorted(results) == [False, True]
        wins += results.count(True)
        occurrence = following
    assert wins == ROUNDS
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert stored.next_run_at == occurrence


async def test_two_schedulers_run_each_occurrence_exactly_once(
    repository: ScheduleRepository, two_processes: tuple[ScheduleRepository, ScheduleRepository]
) -> None:
    specs = [
        parse_spec(text)
        for text in ("daily 19:00 UTC", "daily 19:00 Europe/Berlin", "daily 19:00 Asia/Tokyo")
    ]
    ids = []
    for index, spec in enumerate(specs):
        added = await repository.add(
            guild_id=(index + 1) << 22, channel_id=index, created_by=1, spec=spec, now=START
        )
        ids.append(added.id)
    barrier = asyncio.Barrier(2)
    clock = FakeClock(START)
    runs: Counter[tuple[int, datetime]] = Counter()

    async def runner(occurrence: Occurrence) -> None:
        runs[occurrence.schedule.id, occurrence.at] += 1

    schedulers = [
        ScheduleRunner(BarrierRepository(repo.rows, barrier), clock, runner) for repo in two_processes
    ]
    expected: set[tuple[int, datetime]] = set()
    moment = START
    for _ in range(ROUNDS):
        moment = min(t for t in (next_run(s, moment) for s in specs) if t is not None)
        clock.set(moment)
        expected.update(
            (ids[i], moment) for i, s in enumerate(specs) if next_run(s, moment - timedelta(0, 1)) == moment
        )
        results = await asyncio.gather(*(s.tick() for s in schedulers))
        ran_here = [len(r.ran) for r in results]
        assert sum(ran_here) >= 1
    for scheduler in schedulers:
        await scheduler.wait_idle()
    assert set(runs) == expected
    assert len(expected) == ROUNDS
    assert set(runs.values()) == {1}
