"""Hardening, data deletion: /privacy delete-my-data (ephemeral, confirmed with a button) removes the
member's scores, history and review cards in that server; the leaderboard is right afterwards and other
servers (and other members) are untouched.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.review.quiz import review_quiz_answer
from bot.review.repository import ReviewRepository
from bot.storage import AnswerRecord, Store
from tests.e2e.conftest import Harness, StartBot, World, build_world
from tests.fakediscord import FakeDiscord
from tests.hardening.support import assert_no_send_may_ping

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


def two_servers(fake: FakeDiscord) -> World:
    """The usual world, and a second server where alice is a member too."""
    world = build_world(fake)
    other = fake.add_guild("Other Group")
    other.add_member(world.member.user)
    return world


def sync_both(world: World) -> dict[str, Any]:
    """Commands synced to both servers."""
    return {"discord": {"sync": list(world.fake.guilds)}}


async def play(
    store: Store, guild_id: int, channel_id: int, answers: list[tuple[int, str, bool, int]]
) -> None:
    """A stored round with answers (member, term, correct, points), each also rating the member's card."""
    now = datetime.now(UTC) - timedelta(hours=1)
    round_id = await store.rounds.start_round(guild_id, channel_id, answers[0][0], {}, now)
    for index, (member_id, term, correct, points) in enumerate(answers):
        record = AnswerRecord(
            round_id,
            index,
            guild_id,
            channel_id,
            member_id,
            term,
            "Virtualization",
            correct,
            points,
            900,
            now,
        )
        assert await store.rounds.record_answer(record)
        await review_quiz_answer(ReviewRepository(store.cards), record)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Label -> custom id of a message's buttons."""
    return {c["label"]: c["custom_id"] for row in message["components"] for c in row["components"]}


async def press(h: Harness, who: Any, message: dict[str, Any], label: str) -> dict[str, Any]:
    """``who`` presses a button of ``message`` in #general; the bot's answer."""
    return await (await h.fake.click(who, h.world.general, message, buttons(message)[label])).message()


async def ask(h: Harness, who: Any, channel: Any) -> dict[str, Any]:
    """/privacy delete-my-data; the ephemeral confirmation."""
    message = await (await h.fake.slash(who, channel, "privacy delete-my-data")).message()
    assert message["flags"] & EPHEMERAL
    assert set(buttons(message)) == {"Delete my data", "Cancel"}
    return message


async def test_delete_my_data_removes_scores_history_and_cards_in_that_server_only(
    start_bot: StartBot,
) -> None:
    h = await start_bot(sync_both, world=two_servers)
    w = h.world
    other = next(g for g in h.fake.guilds.values() if g.id != w.guild.id)
    other_channel = next(iter(other.channels.values()))
    alice_there = other.members[w.member.id]
    store: Store = h.bot.store
    cards = ReviewRepository(store.cards)
    alice, morgan = w.member.id, w.moderator.id
    await play(
        store,
        w.guild.id,
        w.study.id,
        [(alice, "Hypervisor", True, 30), (morgan, "Hypervisor", False, 0), (alice, "VM escape", True, 25)],
    )
    await play(store, w.guild.id, w.study.id, [(morgan, "Sandboxing", True, 10)])
    await play(store, other.id, other_channel.id, [(alice, "Hypervisor", True, 40)])
    before = await store.leaderboards.leaderboard(w.guild.id)
    assert [(r.member_id, r.points) for r in before.rows] == [(alice, 55), (morgan, 10)]
    assert await cards.terms_of(w.guild.id, alice) == {"Hypervisor", "VM escape"}

    # someone else cannot confirm, and Cancel keeps everything
    confirm = await ask(h, w.member, w.general)
    refused = await (
        await h.fake.click(w.moderator, w.general, confirm, buttons(confirm)["Delete my data"])
    ).message()
    assert refused["flags"] & EPHEMERAL
    assert refused["content"] == "This is not your confirmation."
    kept = await press(h, w.member, confirm, "Cancel")
    assert kept["content"] == "Nothing was deleted."
    assert await store.leaderboards.rank(w.guild.id, alice) is not None

    confirm = await ask(h, w.member, w.general)
    done = await (
        await h.fake.click(w.member, w.general, confirm, buttons(confirm)["Delete my data"])
    ).message()
    assert done["content"].startswith("Deleted your data on this server: 2 quiz answers")
    assert "2 review cards" in done["content"]
    assert all(c["disabled"] for row in done["components"] for c in row["components"])  # a used view

    # gone here...
    assert await store.leaderboards.rank(w.guild.id, alice) is None
    assert list(await store.rounds.answers_of(w.guild.id, alice)) == []
    assert await cards.terms_of(w.guild.id, alice) == set()
    started = await store.rounds.get_round(1)
    assert started is not None
    assert started.started_by == 0, "the round alice started no longer names her"
    after = await store.leaderboards.leaderboard(w.guild.id)
    assert [(r.rank, r.member_id, r.points) for r in after.rows] == [(1, morgan, 10)]
    assert after.total_members == 1
    for period in ("week", "month"):
        page = await store.leaderboards.leaderboard(w.guild.id, period=period)
        assert [r.member_id for r in page.rows] == [morgan]
    board = await (await h.fake.slash(w.moderator, w.general, "leaderboard show")).message()
    assert board["embeds"][0]["description"] == f"**1.** <@{morgan}>: 10 points (1/2 right)"
    # ...the other member's data here is whole...
    morgan_rank = await store.leaderboards.rank(w.guild.id, morgan)
    assert morgan_rank is not None
    assert (morgan_rank.points, morgan_rank.answered) == (10, 2)
    assert await cards.terms_of(w.guild.id, morgan) == {"Hypervisor", "Sandboxing"}
    # ...and the other server is untouched
    there = await store.leaderboards.rank(other.id, alice)
    assert there is not None
    assert there.points == 40
    assert await cards.terms_of(other.id, alice) == {"Hypervisor"}
    rank_there = await (await h.fake.slash(alice_there, other_channel, "rank")).message()
    assert rank_there["embeds"][0]["fields"][1]["value"] == "40"
    h.assert_alive()
    assert_no_send_may_ping(h.fake)


async def test_deleting_with_no_data_is_harmless(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    confirm = await ask(h, w.member, w.general)
    done = await (
        await h.fake.click(w.member, w.general, confirm, buttons(confirm)["Delete my data"])
    ).message()
    assert done["content"].startswith("Deleted your data on this server: 0 quiz answers")
    assert (await h.bot.store.leaderboards.leaderboard(w.guild.id)).rows == ()
    h.assert_alive()
