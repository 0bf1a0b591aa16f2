"""The scheduler driven by a fake clock: due runs, pauses, grace, reminders, restarts and the loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FakeClock
from bot.schedule.repository import Schedule, ScheduleRepository, ShardFilter
from bot.schedule.runner import Occurrence, ScheduleRunner
from bot.schedule.spec import parse_spec
from bot.storage import Store
from bot.storage.schedules import ScheduleRows

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)  # tue 19:00 Europe/Berlin
THURSDAY = TUESDAY + timedelta(days=2)
GUILD = 1234 << 22


class Recorder:
    """Collects what the scheduler asked the bot to do."""

    def __init__(self) -> None:
        self.ran: list[Occurrence] = []
        self.skipped: list[Occurrence] = []
        self.reminded: list[Occurrence] = []

    async def run(self, occurrence: Occurrence) -> None:
        self.ran.append(occurrence)

    async def skip(self, occurrence: Occurrence) -> None:
        self.skipped.append(occurrence)

    async def remind(self, occurrence: Occurrence) -> None:
        self.reminded.append(occurrence)


def make_scheduler(
    repository: ScheduleRepository, clock: FakeClock, recorder: Recorder, **options: object
) -> ScheduleRunner:
    return ScheduleRunner(
        repository,
        clock,
        recorder.run,
        skipped=recorder.skip,
        reminder=recorder.remind,
        **options,  # type: ignore[arg-type]
    )


async def add(
    repository: ScheduleRepository, text: str = "tue,thu 19:00 Europe/Berlin", **kw: object
) -> Schedule:
    options: dict[str, object] = {"guild_id": GUILD, "channel_id": 42, "created_by": 7, "now": NOW}
    options.update(kw)
    return await repository.add(spec=parse_spec(text), **options)  # type: ignore[arg-type]


async def test_runs_when_due_and_only_once(repository: ScheduleRepository) -> None:
    clock, recorder = FakeClock(NOW), Recorder()
    scheduler = make_scheduler(repository, clock, recorder)
    schedule = await add(repository)
    assert (await scheduler.tick()).ran == []
    clock.set(TUESDAY - timedelta(seconds=1))
    assert (await scheduler.tick()).ran == []
    clock.set(TUESDAY)
    result = await scheduler.tick()
    await scheduler.wait_idle()
    assert [(o.schedule.id, o.at, o.next_at, o.missed) for o in result.ran] == [
        (schedule.id, TUESDAY, THURSDAY, 0)
    ]
    assert recorder.ran == result.ran
    clock.advance(30)
    assert (await scheduler.tick()).ran == []
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert (stored.next_run_at, stored.last_run_at) == (THURSDAY, TUESDAY)
    clock.set(THURSDAY + timedelta(seconds=5))
    assert [o.at for o in (await scheduler.tick()).ran] == [THURSDAY]


async def test_paused_schedule_does_not_run(repository: ScheduleRepository) -> None:
    clock, recorder = FakeClock(NOW), Recorder()
    scheduler = make_scheduler(repository, clock, recorder)
    schedule = await add(repository)
    await repository.set_paused(schedule.id, GUILD, True, NOW)
    clock.set(TUESDAY)
    assert (await scheduler.tick()).ran == []
    await repository.set_paused(schedule.id, GUILD, False, clock.now())
    clock.set(THURSDAY)
    assert [o.at for o in (await scheduler.tick()).ran] == [THURSDAY]


async def test_one_off_runs_once_then_never(repository: ScheduleRepository) -> None:
    clock, recorder = FakeClock(NOW), Recorder()
    scheduler = make_scheduler(repository, clock, recorder)
    schedule = await add(repository, "2026-12-01 19:00 Europe/London")
    clock.set(datetime(2026, 12, 1, 19, 0, 3, tzinfo=UTC))
    assert [o.next_at for o in (await scheduler.tick()).ran] == [None]
    clock.advance(days=400)
    assert (await scheduler.tick()).ran == []
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert stored.next_run_at is None


async def test_missed_within_grace_runs_once_on_start(repository: ScheduleRepository) -> None:
    await add(repository)
    clock, recorder = FakeClock(TUESDAY + timedelta(minutes=9, seconds=59)), Recorder()
    scheduler = make_scheduler(repository, clock, recorder, grace=timedelta(minutes=10))
    result = await scheduler.tick()
    assert [(o.at, o.missed) for o in result.ran] == [(TUESDAY, 0)]
    assert result.skipped == []
    assert (await scheduler.tick()).ran == []


async def test_missed_beyond_grace_is_skipped_and_moves_to_the_future(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    clock, recorder = FakeClock(TUESDAY + timedelta(minutes=10, seconds=1)), Recorder()
    scheduler = make_scheduler(repository, clock, recorder, grace=timedelta(minutes=10))
    result = await scheduler.tick()
    await scheduler.wait_idle()
    assert result.ran == []
    assert [(o.at, o.next_at) for o in recorder.skipped] == [(TUESDAY, THURSDAY)]
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert (stored.next_run_at, stored.last_run_at) == (THURSDAY, None)
    assert (await scheduler.tick()).skipped == []  # the note is posted once


async def test_long_downtime_runs_the_latest_occurrence_if_within_grace(
    repository: ScheduleRepository,
) -> None:
    await add(repository)
    next_week_thursday = THURSDAY + timedelta(days=7)
    clock, recorder = FakeClock(next_week_thursday + timedelta(minutes=2)), Recorder()
    result = await make_scheduler(repository, clock, recorder).tick()
    assert [(o.at, o.missed) for o in result.ran] == [(next_week_thursday, 3)]  # tue, thu, tue dropped


async def test_long_downtime_beyond_grace_skips_with_one_note(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    clock, recorder = FakeClock(THURSDAY + timedelta(days=7, hours=1)), Recorder()
    scheduler = make_scheduler(repository, clock, recorder)
    result = await scheduler.tick()
    assert [(o.at, o.missed, o.next_at) for o in result.skipped] == [
        (THURSDAY + timedelta(days=7), 3, TUESDAY + timedelta(days=14))
    ]
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert stored.next_run_at == TUESDAY + timedelta(days=14)


async def test_reminder_is_sent_once_before_the_run(
    repository: ScheduleRepository, engine: AsyncEngine
) -> None:
    schedule = await add(repository)
    clock, recorder = FakeClock(NOW), Recorder()
    scheduler = make_scheduler(repository, clock, recorder, remind_before=timedelta(minutes=15))
    other = make_scheduler(
        ScheduleRepository(ScheduleRows(engine)), clock, recorder, remind_before=timedelta(minutes=15)
    )
    clock.set(TUESDAY - timedelta(minutes=15, seconds=1))
    assert (await scheduler.tick()).reminded == []
    clock.set(TUESDAY - timedelta(minutes=15))
    assert [o.at for o in (await scheduler.tick()).reminded] == [TUESDAY]
    for _ in range(3):
        clock.advance(60)
        assert (await scheduler.tick()).reminded == []
        assert (await other.tick()).reminded == []
    clock.set(TUESDAY)
    result = await scheduler.tick()
    assert (len(result.ran), result.reminded) == (1, [])
    await scheduler.wait_idle()
    assert [o.schedule.id for o in recorder.reminded] == [schedule.id]
    clock.set(THURSDAY - timedelta(minutes=5))
    assert [o.at for o in (await other.tick()).reminded] == [THURSDAY]  # the next occurrence gets its own


async def test_failing_runner_is_logged_and_does_not_block(repository: ScheduleRepository, caplog) -> None:
    await add(repository)
    await add(repository, "daily 19:00 Europe/Berlin")
    clock = FakeClock(TUESDAY)
    ran: list[int] = []

    async def runner(occurrence: Occurrence) -> None:
        ran.append(occurrence.schedule.id)
        if len(ran) == 1:
            raise RuntimeError("channel deleted")

    scheduler = ScheduleRunner(repository, clock, runner)
    result = await scheduler.tick()
    await scheduler.wait_idle()
    assert len(result.ran) == 2
    assert len(ran) == 2
    assert "channel deleted" in caplog.text


async def test_only_owned_shards_are_scheduled(repository: ScheduleRepository, engine: AsyncEngine) -> None:
    mine = await add(repository, guild_id=10 << 22)
    theirs = await add(repository, guild_id=11 << 22)
    clock = FakeClock(TUESDAY)
    zero, one = Recorder(), Recorder()
    shard0 = make_scheduler(repository, clock, zero, shards=ShardFilter.of(2, [0]))
    shard1 = make_scheduler(
        ScheduleRepository(ScheduleRows(engine)), clock, one, shards=ShardFilter.of(2, [1])
    )
    assert [o.schedule.id for o in (await shard0.tick()).ran] == [mine.id]
    assert [o.schedule.id for o in (await shard1.tick()).ran] == [theirs.id]


async def test_restart_before_due_time_runs_at_due_time(
    database_url: str, repository: ScheduleRepository
) -> None:
    schedule = await add(repository)
    clock, recorder = FakeClock(TUESDAY - timedelta(minutes=1)), Recorder()
    first = make_scheduler(repository, clock, recorder)
    assert (await first.tick()).ran == []
    await first.stop()
    clock.set(TUESDAY)  # the bot was down across nothing: it comes back before the run
    store = await Store.open(database_url)  # a new process: new engine, same database
    try:
        restarted = make_scheduler(ScheduleRepository(store.schedules), clock, recorder)
        clock.set(TUESDAY + timedelta(seconds=1))
        assert [(o.schedule.id, o.at) for o in (await restarted.tick()).ran] == [(schedule.id, TUESDAY)]
        await restarted.wait_idle()
    finally:
        await store.close()
    assert len(recorder.ran) == 1


async def test_restart_after_due_time_runs_once(database_url: str, repository: ScheduleRepository) -> None:
    await add(repository)
    clock, recorder = FakeClock(TUESDAY), Recorder()
    crashed = make_scheduler(repository, clock, recorder)
    assert len((await crashed.tick()).ran) == 1  # claimed, then the process died mid-round
    clock.advance(minutes=3)
    for _ in range(2):  # two restarts after the due time
        store = await Store.open(database_url)
        try:
            assert (
                await make_scheduler(ScheduleRepository(store.schedules), clock, recorder).tick()
            ).ran == []
        finally:
            await store.close()
    assert [o.at for o in recorder.ran] == [TUESDAY]


async def test_loop_sleeps_until_the_next_run_and_wakes_on_changes(repository: ScheduleRepository) -> None:
    clock = FakeClock(NOW)
    started = asyncio.Queue[Occurrence]()

    async def runner(occurrence: Occurrence) -> None:
        await started.put(occurrence)

    scheduler = ScheduleRunner(repository, clock, runner, max_idle=timedelta(hours=1))
    scheduler.start()
    try:
        await wait_for_sleeper(clock, NOW + timedelta(hours=1))  # nothing scheduled: idles max_idle
        soon = await add(repository, "daily 09:05 UTC")
        scheduler.wake()
        await wait_for_sleeper(clock, datetime(2026, 11, 28, 9, 5, tzinfo=UTC))
        clock.set(datetime(2026, 11, 28, 9, 5, tzinfo=UTC))
        occurrence = await asyncio.wait_for(started.get(), 10)
        assert (occurrence.schedule.id, occurrence.at) == (soon.id, datetime(2026, 11, 28, 9, 5, tzinfo=UTC))
        await wait_for_sleeper(clock, datetime(2026, 11, 28, 10, 5, tzinfo=UTC))  # max_idle after the run
    finally:
        await scheduler.stop()
    assert started.empty()


async def wait_for_sleeper(clock: FakeClock, until: datetime) -> None:
    """Yield to the loop until the scheduler sleeps on the clock until ``until`` (hang guard: 10 s)."""
    async with asyncio.timeout(10):
        while clock.next_wakeup() != until:  # noqa: ASYNC110 - FakeClock has no event for new sleepers
            await asyncio.sleep(0.001)
