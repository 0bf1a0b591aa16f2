"""End to end: leaderboards and ranks after rounds, per server, reset with confirmation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import StartBot, World, build_world
from tests.e2e.test_quiz_rounds import EPHEMERAL, current_term, embed, fields, quiz_cog, start_round
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.e2e


def two_servers(fake: FakeDiscord) -> World:
    """The usual world plus a second server where alice is also a member."""
    world = build_world(fake)
    other = fake.add_guild("Other Group")
    other.add_member(world.member.user)
    return world


def sync_all(world: World) -> dict[str, Any]:
    """Sync the commands to every guild of the fake."""
    return {"discord": {"sync": list(world.fake.guilds)}}


async def test_leaderboard_and_rank_after_a_round(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=2, seconds=20, mode="typed")
    await h.fake.send_message(w.member, w.study, current_term(cog, w.study))
    await h.fake.next_message(w.study)
    await h.fake.next_message(w.study)
    await h.fake.send_message(w.moderator, w.study, "wrong answer")
    await h.fake.send_message(w.member, w.study, current_term(cog, w.study))
    await h.fake.next_message(w.study)
    final = await h.fake.next_message(w.study)
    assert embed(final)["title"] == "Quiz over"

    board = await (await h.fake.slash(w.moderator, w.general, "leaderboard show")).message()
    lines = embed(board)["description"].splitlines()
    assert lines[0].startswith(f"**1.** <@{w.member.id}>: ")
    assert "(2/2 right)" in lines[0]
    assert lines[1].startswith(f"**2.** <@{w.moderator.id}>: 0 points (0/1 right)")
    assert "page 1/1" in embed(board)["footer"]["text"]
    week = await (await h.fake.slash(w.member, w.general, "leaderboard show", period="week")).message()
    assert embed(week)["description"].splitlines()[0].startswith(f"**1.** <@{w.member.id}>")
    assert embed(week)["footer"]["text"].startswith("this week")
    month = await (await h.fake.slash(w.member, w.general, "leaderboard show", period="month")).message()
    assert embed(month)["footer"]["text"].startswith("this month")

    rank = await (await h.fake.slash(w.moderator, w.general, "rank", member=w.member)).message()
    f = fields(rank)
    assert f["Rank"] == "1 of 2"
    assert f["Answers"] == "2/2 right"
    assert f["Accuracy"] == "100%"
    assert f["Best streak"] == "2"
    mine = await (await h.fake.slash(w.moderator, w.general, "rank")).message()
    assert fields(mine)["Accuracy"] == "0%"
    h.assert_alive()


async def test_leaderboard_pages_with_buttons(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    from bot.storage import AnswerRecord

    store = h.bot.store
    now = store.clock.now()
    rid = await store.rounds.start_round(w.guild.id, w.study.id, 1, {}, now)
    for member in range(1, 24):
        await store.rounds.record_answer(
            AnswerRecord(
                rid, 0, w.guild.id, w.study.id, member, "VM", "Virtualization", True, member, 10, now
            )
        )
    board = await (await h.fake.slash(w.member, w.general, "leaderboard show")).message()
    assert "page 1/3" in embed(board)["footer"]["text"]
    assert embed(board)["description"].startswith("**1.** <@23>: 23 points")
    nxt = next(c for row in board["components"] for c in row["components"] if c["label"] == "Next")
    click = await h.fake.click(w.member, w.general, board, nxt["custom_id"])
    page2 = await click.message()
    assert "page 2/3" in embed(page2)["footer"]["text"]
    assert embed(page2)["description"].startswith("**11.** <@13>: 13 points")
    h.assert_alive()


async def test_one_member_in_two_servers_has_separate_scores(start_bot: StartBot) -> None:
    h = await start_bot(sync_all, world=two_servers, quiz_seed=1)
    w = h.world
    other = next(g for g in w.fake.guilds.values() if g.id != w.guild.id)
    other_channel = next(iter(other.channels.values()))
    alice_there = other.members[w.member.id]
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    await h.fake.send_message(w.member, w.study, current_term(cog, w.study))
    await h.fake.next_message(w.study)
    await h.fake.next_message(w.study)

    here = await (await h.fake.slash(w.member, w.study, "rank")).message()
    assert fields(here)["Answers"] == "1/1 right"
    there = await (await h.fake.slash(alice_there, other_channel, "rank")).message()
    assert there["flags"] & EPHEMERAL
    assert "has not answered a quiz question on this server yet" in there["content"]
    board = await (await h.fake.slash(alice_there, other_channel, "leaderboard show")).message()
    assert embed(board)["description"].startswith("No answers yet")
    h.assert_alive()


async def test_reset_needs_manage_server_and_a_confirmation(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    await h.fake.send_message(w.member, w.study, current_term(cog, w.study))
    await h.fake.next_message(w.study)
    await h.fake.next_message(w.study)

    refused = await (await h.fake.slash(w.member, w.general, "leaderboard reset")).message()
    assert refused["flags"] & EPHEMERAL
    assert "Manage Server" in refused["content"]
    ask = await (await h.fake.slash(w.moderator, w.general, "leaderboard reset")).message()
    assert ask["flags"] & EPHEMERAL
    confirm = next(
        c for row in ask["components"] for c in row["components"] if c["label"].startswith("Reset")
    )
    done = await (await h.fake.click(w.moderator, w.general, ask, confirm["custom_id"])).message()
    assert done["content"].startswith("The leaderboard was reset")
    assert await h.bot.store.leaderboards.rank(w.guild.id, w.member.id) is None
    h.assert_alive()
