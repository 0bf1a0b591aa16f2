"""The schedules repository on SQLite and PostgreSQL: CRUD, due, shard filters and compare-and-set claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.schedule.repository import ScheduleRepository, ShardFilter
from bot.schedule.spec import parse_spec
from bot.storage.schema import schedules

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)  # tue 19:00 Europe/Berlin
GUILD = 1234 << 22  # shard 0 of 2
OTHER_GUILD = 1235 << 22  # shard 1 of 2


async def add(
    repository: ScheduleRepository, guild_id: int = GUILD, text: str = "tue,thu 19:00 Europe/Berlin"
):
    return await repository.add(
        guild_id=guild_id,
        channel_id=42,
        created_by=7,
        spec=parse_spec(text),
        now=NOW,
        topic="2.2",
        role_id=99,
    )


async def test_add_get_list_remove(repository: ScheduleRepository) -> None:
    first = await add(repository)
    second = await add(repository, text="daily 07:00 UTC")
    await add(repository, guild_id=OTHER_GUILD)
    assert first.next_run_at == TUESDAY
    assert first.next_run_at.tzinfo is UTC
    stored = await repository.get(first.id)
    assert stored == first
    assert stored is not None
    assert (stored.topic, stored.questions, stored.seconds, stored.mode, stored.role_id) == (
        "2.2",
        10,
        30,
        "typed",  # the quiz defaults (it was a stale "first")
        99,
    )
    assert [s.id for s in await repository.list_for_guild(GUILD)] == [first.id, second.id]
    assert await repository.remove(first.id, OTHER_GUILD) is None  # another guild's id does nothing
    removed = await repository.remove(first.id, GUILD)
    assert removed is not None
    assert removed.id == first.id
    assert [s.id for s in await repository.list_for_guild(GUILD)] == [second.id]
    assert await repository.get(first.id) is None


async def test_snowflakes_beyond_32_bits_survive(repository: ScheduleRepository) -> None:
    big = 1_180_000_000_000_000_000
    schedule = await repository.add(
        guild_id=big,
        channel_id=big + 1,
        created_by=big + 2,
        spec=parse_spec("daily 07:00 UTC"),
        now=NOW,
        role_id=big + 3,
    )
    await repository.set_event_id(schedule.id, big + 4)
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert (stored.guild_id, stored.channel_id, stored.created_by, stored.role_id, stored.event_id) == (
        big,
        big + 1,
        big + 2,
        big + 3,
        big + 4,
    )


async def test_pause_and_resume(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    paused = await repository.set_paused(schedule.id, GUILD, True, NOW)
    assert paused is not None
    assert paused.paused
    assert await repository.due(TUESDAY + timedelta(days=1)) == []
    assert not await repository.claim(schedule.id, TUESDAY, TUESDAY + timedelta(days=2))
    later = TUESDAY + timedelta(hours=1)
    resumed = await repository.set_paused(schedule.id, GUILD, False, later)
    assert resumed is not None
    assert not resumed.paused
    assert resumed.next_run_at == TUESDAY + timedelta(days=2)  # resumes with the next run after now
    assert await repository.set_paused(schedule.id, OTHER_GUILD, True, NOW) is None


async def test_due_is_ordered_and_filtered_by_shard(repository: ScheduleRepository) -> None:
    mine = await add(repository, text="daily 07:00 UTC")
    theirs = await add(repository, guild_id=OTHER_GUILD, text="daily 07:00 UTC")
    tuesday = await add(repository)
    horizon = TUESDAY
    assert [s.id for s in await repository.due(horizon)][:2] == [mine.id, theirs.id]
    assert {s.id for s in await repository.due(horizon)} == {mine.id, theirs.id, tuesday.id}
    assert {s.id for s in await repository.due(horizon, ShardFilter.of(2, [0]))} == {mine.id, tuesday.id}
    assert {s.id for s in await repository.due(horizon, ShardFilter.of(2, [1]))} == {theirs.id}
    assert {s.id for s in await repository.due(horizon, ShardFilter.of(2))} == {
        mine.id,
        theirs.id,
        tuesday.id,
    }
    assert await repository.due(NOW) == []
    assert await repository.earliest_next_run(ShardFilter.of(2, [1])) == datetime(
        2026, 11, 29, 7, 0, tzinfo=UTC
    )


def test_shard_filter_matches_discord_formula() -> None:
    shards = ShardFilter.of(3, [2])
    for guild_id in (0, 1 << 22, 2 << 22, 5 << 22, 81_384_788_765_712_384):
        assert shards.owns(guild_id) == ((guild_id >> 22) % 3 == 2)
    with pytest.raises(ValueError, match="shard_ids"):
        ShardFilter.of(2, [2])
    with pytest.raises(ValueError, match="shard_count"):
        ShardFilter.of(0)


async def test_claim_is_compare_and_set(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    thursday = TUESDAY + timedelta(days=2)
    assert await repository.claim(schedule.id, TUESDAY, thursday, ran_at=TUESDAY)
    assert not await repository.claim(schedule.id, TUESDAY, thursday, ran_at=TUESDAY)  # already moved on
    assert not await repository.claim(schedule.id + 1000, TUESDAY, thursday)
    stored = await repository.get(schedule.id)
    assert stored is not None
    assert (stored.next_run_at, stored.last_run_at) == (thursday, TUESDAY)
    assert await repository.claim(schedule.id, thursday, None)  # a finished schedule has no next run
    assert await repository.due(thursday + timedelta(days=30)) == []


async def test_claim_matches_the_same_instant_given_in_another_zone(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    in_berlin = TUESDAY.astimezone(parse_spec("daily 07:00 Europe/Berlin").zone_info)
    assert await repository.claim(schedule.id, in_berlin, TUESDAY + timedelta(days=2))


async def test_reminder_claim_once_per_occurrence(repository: ScheduleRepository) -> None:
    schedule = await add(repository)
    assert await repository.claim_reminder(schedule.id, TUESDAY)
    assert not await repository.claim_reminder(schedule.id, TUESDAY)
    assert not await repository.claim_reminder(schedule.id, TUESDAY + timedelta(days=2))  # not the next run
    thursday = TUESDAY + timedelta(days=2)
    assert await repository.claim(schedule.id, TUESDAY, thursday)
    assert await repository.claim_reminder(schedule.id, thursday)


async def test_migration_creates_the_table_the_repository_uses(store) -> None:  # type: ignore[no-untyped-def]
    def columns(conn):  # type: ignore[no-untyped-def]
        return {c["name"]: c["nullable"] for c in sa.inspect(conn).get_columns("schedules")}

    async with store.engine.connect() as conn:
        reflected = await conn.run_sync(columns)
    assert reflected == {c.name: c.nullable for c in schedules.c}


async def test_a_row_with_an_unreadable_spec_does_not_block_the_others(
    repository: ScheduleRepository,
) -> None:
    broken = await add(repository, text="daily 07:00 UTC")
    fine = await add(repository, text="daily 07:00 UTC")
    async with repository.rows.engine.begin() as conn:
        await conn.execute(
            sa.update(schedules).where(schedules.c.id == broken.id).values(spec="daily 07:00 Mars/Olympus")
        )
    assert [s.id for s in await repository.due(TUESDAY)] == [fine.id]
    assert [s.id for s in await repository.list_for_guild(GUILD)] == [fine.id]
