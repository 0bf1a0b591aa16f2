"""Two bot processes (shards 0 and 1 of 2) on one PostgreSQL: each runs its own guilds' quizzes, once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from tests.dbutil import postgres_database
from tests.e2e.conftest import World, build_world
from tests.fakediscord import Channel, FakeDiscord, Guild, Member, Permissions, message_text
from tests.schedule.e2e_support import (
    RunningBot,
    assert_clean,
    only_schedule,
    pull_forward,
    start_bot_on,
    utcnow,
)

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

SHARDS = 2


@dataclass
class Place:
    """A guild with a study channel, a moderator and a player."""

    guild: Guild
    study: Channel
    moderator: Member
    member: Member


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A private PostgreSQL database (the test fails, never skips, when the server is down)."""
    with postgres_database("studybot_schedule_e2e") as url:
        yield url


@pytest.fixture
async def two_shards(
    tmp_path: Path, pg_url: str
) -> AsyncIterator[tuple[FakeDiscord, dict[int, Place], list[RunningBot]]]:
    """One loopback Discord with a guild on each shard, and one bot process per shard."""
    fake = FakeDiscord()
    world: World = build_world(fake)
    places = {world.guild.shard_id(SHARDS): Place(world.guild, world.study, world.moderator, world.member)}
    for _ in range(20):  # bounded: a change in the fake's ids must fail the test, not spin
        if len(places) == SHARDS:
            break
        fake.new_id()  # guilds take an even number of ids each: step once so the next lands on another shard
        guild = fake.add_guild(f"Study Group {len(places) + 1}")
        if guild.shard_id(SHARDS) in places:
            del fake.guilds[guild.id]
            continue
        mods = guild.add_role("Moderators", Permissions.MANAGE_GUILD)
        places[guild.shard_id(SHARDS)] = Place(
            guild,
            guild.add_text_channel("study-hall"),
            fake.add_member(guild, f"morgan-{guild.id}", [mods]),
            fake.add_member(guild, f"alice-{guild.id}"),
        )
    assert len(places) == SHARDS, "could not put a guild on every shard"
    await fake.start()
    bots: list[RunningBot] = []
    try:
        for shard in range(SHARDS):
            config = {
                "discord": {"shard_count": SHARDS, "shard_ids": [shard]},
                "quiz": {"mode": "typed"},
            }
            bots.append(
                await start_bot_on(
                    fake,
                    world,
                    tmp_path,
                    pg_url,
                    config,
                    name=f"shard{shard}",
                    guilds=[p.guild.id for p in places.values()],
                )
            )
        yield fake, places, bots
    finally:
        for running in bots:
            await running.stop()
        await fake.close()
    assert_clean(fake)


async def test_each_process_runs_only_its_shards_schedules_once(
    two_shards: tuple[FakeDiscord, dict[int, Place], list[RunningBot]],
) -> None:
    fake, places, bots = two_shards
    schedule_ids = {}
    for shard, place in places.items():
        handle = await fake.slash(
            place.moderator,
            place.study,
            "schedule add",
            channel=place.study,
            when="daily 07:00 UTC",
            questions=1,
        )
        assert "Scheduled quiz" in message_text(await handle.message())
        schedule = await only_schedule(bots[shard].repository, place.guild.id)
        schedule_ids[shard] = schedule.id
        await pull_forward(bots[shard].repository, schedule.id, utcnow() + timedelta(seconds=1))

    # Both processes look at the same table at the same moments; each must take only its own guild.
    for running in bots:
        running.cog.scheduler.wake()
    for shard, place in places.items():
        starting = await fake.next_message(place.study, timeout=10)
        assert f"Scheduled quiz (#{schedule_ids[shard]})" in message_text(starting)
        assert "Question 1/1" in message_text(await fake.next_message(place.study))
        quiz = bots[shard].bot.get_cog("Quiz")
        other = bots[1 - shard].bot.get_cog("Quiz")
        state = quiz.running_in(place.guild.id, place.study.id)
        assert state is not None  # the owning process runs it...
        assert other.running_in(place.guild.id, place.study.id) is None  # ...and only that one
        await fake.send_message(place.member, place.study, state.runner.quiz.current.answer)
        await fake.next_message(place.study)
        assert "Quiz over" in message_text(await fake.next_message(place.study))

    await asyncio.gather(*(running.cog.scheduler.tick() for running in bots))
    for running in bots:
        await running.cog.scheduler.wait_idle()
    for shard, place in places.items():
        assert fake.unread_messages(place.study) == []  # no second run anywhere
        stored = await bots[shard].repository.get(schedule_ids[shard])
        assert stored is not None
        assert stored.next_run_at is not None
        assert stored.next_run_at > utcnow()
        assert stored.last_run_at is not None
    shards_seen = sorted(tuple(p["shard"]) for p in fake.identify_payloads)
    assert shards_seen == [(0, SHARDS), (1, SHARDS)]
