"""Hardening, permissions: every admin action is refused for a normal member and allowed with Manage Server;
per-member rate limits on look-ups and quiz starts. Discord hides admin commands from members by default,
but a server may change that, so the bot checks again: these tests send the interactions anyway.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import Harness, StartBot
from tests.fakediscord import Channel, Member, message_text
from tests.hardening.support import assert_no_send_may_ping, open_term, quiz_cog

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
REFUSED = "You need the Manage Server permission for that."
WHEN = "tue,thu 19:00 Europe/Berlin"


async def run(h: Harness, who: Member, where: Channel, command: str, /, **options: Any) -> dict[str, Any]:
    """The first message the bot shows for ``/command``."""
    return await (await h.fake.slash(who, where, command, **options)).message()


def assert_refused(message: dict[str, Any]) -> None:
    """A private refusal naming the permission."""
    assert message["flags"] & EPHEMERAL, message
    assert message["content"] == REFUSED, message["content"]


async def schedules(h: Harness) -> list[Any]:
    """This server's schedules as stored."""
    cog: Any = h.bot.get_cog("Schedules")
    found: list[Any] = await cog.repository.list_for_guild(h.world.guild.id)
    return found


async def test_schedule_commands_need_manage_server(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    assert_refused(await run(h, w.member, w.general, "schedule add", channel=w.study, when=WHEN))
    assert await schedules(h) == []
    added = await run(h, w.moderator, w.general, "schedule add", channel=w.study, when=WHEN)
    number = int(re.search(r"#(\d+)", added["content"]).group(1))  # type: ignore[union-attr]
    assert [s.id for s in await schedules(h)] == [number]

    assert_refused(await run(h, w.member, w.general, "schedule list"))
    assert_refused(await run(h, w.member, w.general, "schedule pause", schedule=number))
    assert not (await schedules(h))[0].paused
    assert "Paused" in (await run(h, w.moderator, w.general, "schedule pause", schedule=number))["content"]
    assert (await schedules(h))[0].paused
    assert_refused(await run(h, w.member, w.general, "schedule resume", schedule=number))
    assert (await schedules(h))[0].paused
    await run(h, w.moderator, w.general, "schedule resume", schedule=number)
    assert not (await schedules(h))[0].paused
    assert_refused(await run(h, w.member, w.general, "schedule remove", schedule=number))
    assert len(await schedules(h)) == 1
    assert "Removed" in (await run(h, w.moderator, w.general, "schedule remove", schedule=number))["content"]
    assert await schedules(h) == []
    h.assert_alive()
    assert_no_send_may_ping(h.fake)


async def test_leaderboard_reset_needs_manage_server_and_only_the_asker_may_confirm(
    start_bot: StartBot,
) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h.bot)
    await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=1, seconds=20, mode="typed")
    ).message()
    await h.fake.next_message(w.study)
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    await h.fake.next_message(w.study)
    await h.fake.next_message(w.study)  # the standings
    assert await h.bot.store.leaderboards.rank(w.guild.id, w.member.id) is not None

    assert_refused(await run(h, w.member, w.general, "leaderboard reset"))
    ask = await run(h, w.moderator, w.general, "leaderboard reset")
    confirm = next(
        c for row in ask["components"] for c in row["components"] if c["label"].startswith("Reset")
    )
    # another member (even a moderator's ephemeral message could be forwarded) cannot press it
    other = await (await h.fake.click(w.member, w.general, ask, confirm["custom_id"])).message()
    assert other["flags"] & EPHEMERAL
    assert other["content"] == "This is not your confirmation."
    assert await h.bot.store.leaderboards.rank(w.guild.id, w.member.id) is not None
    done = await (await h.fake.click(w.moderator, w.general, ask, confirm["custom_id"])).message()
    assert done["content"].startswith("The leaderboard was reset")
    assert await h.bot.store.leaderboards.rank(w.guild.id, w.member.id) is None
    h.assert_alive()


async def test_kb_reload_and_server_stats_need_manage_server(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    kb = h.bot.kb
    assert_refused(await run(h, w.member, w.general, "kb reload"))
    assert h.bot.kb is kb
    assert (await run(h, w.moderator, w.general, "kb reload"))["content"].startswith("Reloaded the notes")
    assert h.bot.kb is not kb
    assert_refused(await run(h, w.member, w.general, "stats", server=True))
    allowed = await run(h, w.moderator, w.general, "stats", server=True)
    assert allowed["flags"] & EPHEMERAL
    assert allowed["embeds"], allowed
    h.assert_alive()


async def test_only_the_starter_or_manage_server_may_stop_a_round(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    bob = h.fake.add_member(w.guild, "bob")
    cog, _clock = quiz_cog(h.bot)
    await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=3, seconds=20, mode="typed")
    ).message()
    await h.fake.next_message(w.study)
    refused = await run(h, bob, w.study, "quiz stop")
    assert refused["flags"] & EPHEMERAL
    assert refused["content"].startswith("Only who started the round")
    assert cog.running_in(w.guild.id, w.study.id) is not None
    assert (await run(h, w.moderator, w.study, "quiz stop"))["content"] == "Stopping the round."
    final = await h.fake.next_message(w.study)
    assert final["embeds"][0]["title"] == "Quiz stopped"
    # and the starter may stop their own round
    await (await h.fake.slash(bob, w.study, "quiz start", questions=3, seconds=20, mode="typed")).message()
    await h.fake.next_message(w.study)
    assert (await run(h, bob, w.study, "quiz stop"))["content"] == "Stopping the round."
    assert (await h.fake.next_message(w.study))["embeds"][0]["title"] == "Quiz stopped"
    h.assert_alive()


async def test_questions_in_a_study_channel_have_a_per_member_rate_limit(start_bot: StartBot) -> None:
    h = await start_bot({"lookup": {"cooldown_rate": 2, "cooldown_seconds": 60}}, quiz_seed=1)
    w = h.world
    for _ in range(3):
        await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    await h.fake.send_message(w.moderator, w.study, "what is a hypervisor?")
    replies = [await h.fake.next_message(w.study) for _ in range(3)]
    assert [r["embeds"][0]["title"] for r in replies] == ["Hypervisor"] * 3
    assert h.fake.unread_messages(w.study) == [], "the third question of the same member was ignored"
    refused = await run(h, w.member, w.general, "define", term="VM")
    assert refused["content"].startswith("Easy there")
    h.clock.advance(61)
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    assert (await h.fake.next_message(w.study))["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()


async def test_quiz_starts_have_a_per_member_rate_limit(start_bot: StartBot) -> None:
    h = await start_bot({"quiz": {"start_cooldown_seconds": 60}}, quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h.bot)
    first = await run(h, w.member, w.study, "quiz start", questions=1, seconds=20, mode="typed")
    assert "started a quiz" in first["content"]
    await h.fake.next_message(w.study)
    assert (await run(h, w.member, w.study, "quiz stop"))["content"] == "Stopping the round."
    await h.fake.next_message(w.study)
    again = await run(h, w.member, w.general, "quiz start", questions=1, seconds=20, mode="typed")
    assert again["flags"] & EPHEMERAL
    assert again["content"].startswith("Easy there"), again["content"]
    assert cog.running_in(w.guild.id, w.general.id) is None
    other = await run(h, w.moderator, w.general, "quiz start", questions=1, seconds=20, mode="typed")
    assert "started a quiz" in other["content"], "another member has their own allowance"
    clock.advance(61)
    later = await run(h, w.member, w.study, "quiz start", questions=1, seconds=20, mode="typed")
    assert "started a quiz" in later["content"]
    assert "Easy there" not in message_text(later)
    h.assert_alive()
