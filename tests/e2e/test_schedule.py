"""Scheduled quizzes end to end: /schedule commands, Discord events, the round at its time, restarts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.schedule.repository import ScheduleRepository
from bot.schedule.spec import next_run, parse_spec
from bot.storage import Store
from tests.dbutil import sqlite_url
from tests.e2e.conftest import Harness, StartBot, World, build_world
from tests.fakediscord import FakeDiscord, Permissions, message_text
from tests.schedule.e2e_support import (
    RunningBot,
    assert_clean,
    only_schedule,
    pull_forward,
    start_bot_on,
    utcnow,
)

pytestmark = pytest.mark.e2e

WHEN = "tue,thu 19:00 Europe/Berlin"
EVENT_ACTIVE, EVENT_COMPLETED = 2, 3


def schedules_cog(harness: Harness | RunningBot) -> Any:
    cog = harness.bot.get_cog("Schedules")
    assert cog is not None
    return cog


async def add(fake: FakeDiscord, world: World, **options: Any) -> str:
    """Run /schedule add as the moderator; returns the text the bot answered."""
    options.setdefault("channel", world.study)
    options.setdefault("when", WHEN)
    handle = await fake.slash(world.moderator, world.general, "schedule add", **options)
    return message_text(await handle.message())


def event_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def answer_current_question(fake: FakeDiscord, bot: Any, world: World, channel_id: int) -> None:
    """A member types the right answer to the open typed question (so the test needs no waiting)."""
    quiz = bot.get_cog("Quiz")
    state = quiz.running_in(world.guild.id, channel_id)
    assert state is not None, "no round is running"
    question = state.runner.quiz.current
    assert question is not None
    channel = fake.channel(channel_id)
    assert channel is not None
    await fake.send_message(world.member, channel, question.answer)


async def test_add_creates_a_discord_event_and_list_shows_the_next_run(start_bot: StartBot) -> None:
    harness = await start_bot()
    fake, world = harness.fake, harness.world
    before = utcnow()
    text = await add(fake, world, topic="Virtualization", questions=3, seconds=20)
    expected = next_run(parse_spec(WHEN), before)
    assert expected is not None
    assert "Scheduled quiz **#" in text
    assert f"<t:{int(expected.timestamp())}:F>" in text
    assert "Discord event created" in text

    [event] = fake.scheduled_events.values()
    assert event["entity_type"] == 3  # external
    assert event["entity_metadata"]["location"] == "#study-hall"
    assert event_time(event["scheduled_start_time"]) == expected
    assert event_time(event["scheduled_end_time"]) > expected
    assert event["name"] == "Quiz: Virtualization"
    schedule = await only_schedule(schedules_cog(harness).repository, world.guild.id)
    assert schedule.event_id == int(event["id"])
    assert (schedule.questions, schedule.seconds, schedule.channel_id) == (3, 20, world.study.id)

    topics = await fake.autocomplete(world.moderator, world.general, "schedule add", "topic", topic="virt")
    assert [c["value"] for c in topics] == ["Virtualization"]
    listing = message_text(
        await (await fake.slash(world.moderator, world.general, "schedule list")).message()
    )
    assert f"<t:{int(expected.timestamp())}:F>" in listing
    assert f"<t:{int(expected.timestamp())}:R>" in listing
    assert WHEN in listing
    harness.assert_alive()


@pytest.mark.parametrize(
    ("when", "error"),
    [
        ("tue 19:00 Europe/Berlinn", "unknown time zone 'Europe/Berlinn' (did you mean Europe/Berlin?)"),
        ("2020-01-01 19:00 Europe/London", "2020-01-01 19:00 GMT is in the past"),
        ("blursday 19:00 UTC", "unknown day 'blursday'"),
    ],
)
async def test_add_refuses_bad_times_privately(start_bot: StartBot, when: str, error: str) -> None:
    harness = await start_bot()
    handle = await harness.fake.slash(
        harness.world.moderator, harness.world.general, "schedule add", channel=harness.world.study, when=when
    )
    response = await handle.response()
    assert error in message_text(response["data"])
    assert response["data"]["flags"] & 64  # ephemeral
    assert await schedules_cog(harness).repository.list_for_guild(harness.world.guild.id) == []
    assert harness.fake.scheduled_events == {}


async def test_add_refuses_a_channel_the_bot_cannot_post_in(start_bot: StartBot) -> None:
    def world_without_send(fake: FakeDiscord) -> World:
        world = build_world(fake)
        for role in world.guild.roles.values():  # @everyone included
            role.permissions &= ~Permissions.SEND_MESSAGES
        return world

    harness = await start_bot(world=world_without_send)
    handle = await harness.fake.slash(
        harness.world.moderator, harness.world.general, "schedule add", channel=harness.world.study, when=WHEN
    )
    response = await handle.response()
    assert "I can't post in" in message_text(response["data"])
    assert response["data"]["flags"] & 64
    assert await schedules_cog(harness).repository.list_for_guild(harness.world.guild.id) == []


async def test_members_without_manage_server_cannot_add(start_bot: StartBot) -> None:
    harness = await start_bot()
    handle = await harness.fake.slash(
        harness.world.member, harness.world.general, "schedule add", channel=harness.world.study, when=WHEN
    )
    assert "Manage Server" in message_text((await handle.response())["data"])
    assert await schedules_cog(harness).repository.list_for_guild(harness.world.guild.id) == []


async def test_the_round_runs_at_its_time_and_the_event_follows(start_bot: StartBot) -> None:
    harness = await start_bot({"quiz": {"mode": "typed"}})
    fake, world, cog = harness.fake, harness.world, schedules_cog(harness)
    await add(fake, world, questions=1, seconds=30, topic="Virtualization")
    schedule = await only_schedule(cog.repository, world.guild.id)
    first_event = schedule.event_id
    await pull_forward(cog.repository, schedule.id, utcnow() + timedelta(seconds=1))
    cog.scheduler.wake()

    starting = await fake.next_message(world.study, timeout=10)
    assert f"Scheduled quiz (#{schedule.id})" in message_text(starting)
    assert fake.scheduled_events[first_event]["status"] == EVENT_ACTIVE
    question = await fake.next_message(world.study)
    assert "Question 1/1" in message_text(question)
    await answer_current_question(fake, harness.bot, world, world.study.id)
    answer = await fake.next_message(world.study)
    assert "got it" in message_text(answer)
    results = await fake.next_message(world.study)
    assert "Quiz over" in message_text(results)
    assert world.member.mention in message_text(results)

    await cog.scheduler.wait_idle()  # the runner ends the event and announces the next run
    assert fake.scheduled_events[first_event]["status"] == EVENT_COMPLETED
    assert len(fake.scheduled_events) == 2
    stored = await cog.repository.get(schedule.id)
    assert stored.event_id not in (None, first_event)
    following = fake.scheduled_events[stored.event_id]
    assert event_time(following["scheduled_start_time"]) == stored.next_run_at
    assert stored.next_run_at > utcnow()
    board = await harness.bot.store.leaderboards.leaderboard(world.guild.id)
    assert [(row.member_id, row.points > 0) for row in board.rows] == [(world.member.id, True)]
    harness.assert_alive()


async def test_a_scheduled_round_runs_after_the_quiz_cog_is_reloaded(start_bot: StartBot) -> None:
    # the schedule cog is handed the quiz service; it used to look the quiz cog up by class, which
    # failed silently ("quizzes are turned off") once cogs.quiz was reloaded
    harness = await start_bot({"quiz": {"mode": "typed"}})
    fake, world, cog = harness.fake, harness.world, schedules_cog(harness)
    await harness.bot.reload_extension("cogs.quiz")
    await add(fake, world, questions=1, seconds=30)
    schedule = await only_schedule(cog.repository, world.guild.id)
    await pull_forward(cog.repository, schedule.id, utcnow() + timedelta(seconds=1))
    cog.scheduler.wake()

    assert f"Scheduled quiz (#{schedule.id})" in message_text(
        await fake.next_message(world.study, timeout=10)
    )
    assert "Question 1/1" in message_text(await fake.next_message(world.study))
    # one quiz service: /quiz start sees the scheduled round in the channel
    busy = await (await fake.slash(world.member, world.study, "quiz start")).message()
    assert "already running here" in message_text(busy)
    await answer_current_question(fake, harness.bot, world, world.study.id)
    assert "got it" in message_text(await fake.next_message(world.study))
    assert "Quiz over" in message_text(await fake.next_message(world.study))
    await cog.scheduler.wait_idle()
    harness.assert_alive()


async def test_without_manage_events_the_schedule_still_runs(start_bot: StartBot) -> None:
    def world_without_events(fake: FakeDiscord) -> World:
        world = build_world(fake)
        for role in world.guild.roles.values():
            role.permissions &= ~(Permissions.MANAGE_EVENTS | Permissions.CREATE_EVENTS)
        return world

    harness = await start_bot({"quiz": {"mode": "typed"}}, world=world_without_events)
    fake, world, cog = harness.fake, harness.world, schedules_cog(harness)
    text = await add(fake, world, questions=1, seconds=30)
    assert "No Discord event could be created" in text
    assert "Manage Events" in text
    schedule = await only_schedule(cog.repository, world.guild.id)
    assert schedule.event_id is None
    await pull_forward(cog.repository, schedule.id, utcnow() + timedelta(seconds=1))
    cog.scheduler.wake()
    assert "Scheduled quiz" in message_text(await fake.next_message(world.study, timeout=10))
    assert "Question 1/1" in message_text(await fake.next_message(world.study))
    await answer_current_question(fake, harness.bot, world, world.study.id)
    await fake.next_message(world.study)
    assert "Quiz over" in message_text(await fake.next_message(world.study))
    assert fake.scheduled_events == {}
    assert fake.calls_to("POST", r"/scheduled-events") == []


async def test_remove_pause_and_resume_keep_the_event_in_step(start_bot: StartBot) -> None:
    harness = await start_bot()
    fake, world, cog = harness.fake, harness.world, schedules_cog(harness)
    await add(fake, world)
    schedule = await only_schedule(cog.repository, world.guild.id)
    assert set(fake.scheduled_events) == {schedule.event_id}

    paused = await fake.slash(world.moderator, world.general, "schedule pause", schedule=schedule.id)
    assert f"Paused scheduled quiz #{schedule.id}" in message_text(await paused.message())
    assert fake.scheduled_events == {}
    listing = await fake.slash(world.moderator, world.general, "schedule list")
    assert "paused" in message_text(await listing.message())

    resumed = await fake.slash(world.moderator, world.general, "schedule resume", schedule=schedule.id)
    assert f"Resumed scheduled quiz #{schedule.id}" in message_text(await resumed.message())
    again = await only_schedule(cog.repository, world.guild.id)
    assert set(fake.scheduled_events) == {again.event_id}

    choices = await fake.autocomplete(
        world.moderator, world.general, "schedule remove", "schedule", schedule=""
    )
    assert [c["value"] for c in choices] == [schedule.id]
    removed = await fake.slash(world.moderator, world.general, "schedule remove", schedule=schedule.id)
    assert f"Removed scheduled quiz #{schedule.id}" in message_text(await removed.message())
    assert fake.scheduled_events == {}
    assert await cog.repository.list_for_guild(world.guild.id) == []
    missing = await fake.slash(world.moderator, world.general, "schedule remove", schedule=schedule.id)
    assert f"no schedule #{schedule.id}" in message_text((await missing.response())["data"])


async def test_reminder_mentions_only_the_chosen_role(start_bot: StartBot) -> None:
    roles = {}

    def world_with_role(fake: FakeDiscord) -> World:
        world = build_world(fake)
        roles["quizzers"] = world.guild.add_role("Quizzers")
        return world

    harness = await start_bot({"schedule": {"reminder_minutes": 15}}, world=world_with_role)
    fake, world, cog = harness.fake, harness.world, schedules_cog(harness)
    quizzers = roles["quizzers"]
    await add(fake, world, role=quizzers)
    schedule = await only_schedule(cog.repository, world.guild.id)
    await pull_forward(cog.repository, schedule.id, utcnow() + timedelta(minutes=10))
    cog.scheduler.wake()
    reminder = await fake.next_message(world.study, timeout=10)
    assert reminder["content"].startswith(f"<@&{quizzers.id}> ")
    assert "starts <t:" in reminder["content"]
    [(send, pings)] = fake.pings()
    assert pings == [f"role:{quizzers.id}"]
    assert send.allowed_mentions is not None
    assert send.allowed_mentions.get("parse") == []
    assert [int(r) for r in send.allowed_mentions.get("roles", [])] == [quizzers.id]
    await cog.scheduler.tick()  # another look does not remind twice
    await cog.scheduler.wait_idle()
    assert fake.unread_messages(world.study) == []
    fake.sends.remove(send)  # the one allowed ping; the fixture checks there is no other


# --- restarts: the same loopback Discord and database, a new bot process -----------------------------


@pytest.fixture
async def shared_fake() -> AsyncIterator[tuple[FakeDiscord, World]]:
    """A loopback Discord that outlives the bots of one test."""
    fake = FakeDiscord()
    world = build_world(fake)
    await fake.start()
    yield fake, world
    await fake.close()
    assert_clean(fake)


async def restart_with_due_time(
    tmp_path: Path, shared_fake: tuple[FakeDiscord, World], due_in: timedelta
) -> tuple[RunningBot, int]:
    """Add a schedule, stop the bot, set the due time to now + ``due_in``, start a new bot process."""
    fake, world = shared_fake
    url = sqlite_url(tmp_path / "studybot.db")
    config = {"quiz": {"mode": "typed"}}
    first = await start_bot_on(fake, world, tmp_path, url, config, name="first")
    await add(fake, world, questions=1, seconds=30)
    schedule = await only_schedule(first.repository, world.guild.id)
    await first.stop()
    store = await Store.open(url)
    try:
        await pull_forward(ScheduleRepository(store.schedules), schedule.id, utcnow() + due_in)
    finally:
        await store.close()
    second = await start_bot_on(fake, world, tmp_path, url, config, name="second")
    return second, schedule.id


async def play_through(fake: FakeDiscord, running: RunningBot, world: World, schedule_id: int) -> None:
    """The scheduled round starts, a member wins the one question, results are posted."""
    assert f"Scheduled quiz (#{schedule_id})" in message_text(
        await fake.next_message(world.study, timeout=10)
    )
    assert "Question 1/1" in message_text(await fake.next_message(world.study))
    await answer_current_question(fake, running.bot, world, world.study.id)
    await fake.next_message(world.study)
    assert "Quiz over" in message_text(await fake.next_message(world.study))


@pytest.mark.parametrize(
    "due_in", [timedelta(seconds=2), timedelta(minutes=-3)], ids=["before", "within-grace"]
)
async def test_restart_runs_the_quiz_once(
    tmp_path: Path, shared_fake: tuple[FakeDiscord, World], due_in: timedelta
) -> None:
    fake, world = shared_fake
    running, schedule_id = await restart_with_due_time(tmp_path, shared_fake, due_in)
    try:
        await play_through(fake, running, world, schedule_id)
        stored = await running.repository.get(schedule_id)
        assert stored is not None
        assert stored.next_run_at is not None
        assert stored.next_run_at > utcnow()
        await running.cog.scheduler.tick()
        await running.cog.scheduler.wait_idle()
        assert fake.unread_messages(world.study) == []  # not twice
    finally:
        await running.stop()


async def test_restart_long_after_the_due_time_skips_with_a_note(
    tmp_path: Path, shared_fake: tuple[FakeDiscord, World]
) -> None:
    fake, world = shared_fake
    running, schedule_id = await restart_with_due_time(tmp_path, shared_fake, timedelta(minutes=-30))
    try:
        note = message_text(await fake.next_message(world.study, timeout=10))
        assert "I was offline and missed the scheduled quiz" in note
        assert "Next one: <t:" in note
        stored = await running.repository.get(schedule_id)
        assert stored is not None
        assert stored.next_run_at is not None
        assert stored.next_run_at > utcnow()
        assert running.bot.get_cog("Quiz").running_in(world.guild.id, world.study.id) is None
        await fake.wait_for(
            lambda: any(
                datetime.fromisoformat(e["scheduled_start_time"]) == stored.next_run_at
                for e in fake.scheduled_events.values()
            ),
            5,
            "the next run's event",
        )
        assert len(fake.scheduled_events) == 1  # the stale event was deleted
    finally:
        await running.stop()
