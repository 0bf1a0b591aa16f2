"""End to end: /stats answers privately with the numbers and a PNG chart; /stats server is for moderators."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from bot.storage import AnswerRecord
from tests.e2e.conftest import Harness, StartBot

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
DEFERRED = 5
EXTENSIONS = ["cogs.review", "cogs.stats"]


def fields_of(embed: dict[str, Any]) -> dict[str, str]:
    """Embed field name -> value."""
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


async def answer_history(h: Harness, member_id: int, history: list[tuple[str, str, bool, int]]) -> None:
    """Stored quiz answers ``(term, topic, correct, days ago)`` through the bot's own store."""
    store = h.bot.store
    now = store.clock.now()
    round_id = await store.rounds.start_round(
        h.world.guild.id, h.world.study.id, member_id, {}, now - timedelta(days=60)
    )
    for index, (term, topic, correct, days_ago) in enumerate(history):
        await store.rounds.record_answer(
            AnswerRecord(
                round_id,
                index,
                h.world.guild.id,
                h.world.study.id,
                member_id,
                term,
                topic,
                correct,
                10 if correct else 0,
                1500,
                now - timedelta(days=days_ago, minutes=len(history) - index),
            )
        )


async def charts_ready(h: Harness) -> None:
    """Start the chart worker process and wait for it (seconds on a busy machine; the bot starts it on
    the first /stats, whose reply is deferred meanwhile)."""
    cog = h.bot.get_cog("Stats")
    assert cog is not None
    assert await asyncio.wait_for(cog.charts.ready(), 120), "the chart process did not start"


async def test_stats_shows_numbers_and_a_progress_chart(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    await answer_history(
        h,
        w.member.id,
        [
            ("Hypervisor", "Virtualization", False, 15),
            ("Hypervisor", "Virtualization", True, 8),
            ("Container", "Virtualization", True, 8),
            ("Hypervisor", "Virtualization", False, 1),
            ("SaaS", "Cloud", True, 0),
            ("SaaS", "Cloud", True, 0),
        ],
    )
    await charts_ready(h)
    handle = await h.fake.slash(w.member, w.general, "stats")
    assert (await handle.response())["type"] == DEFERRED
    message = await handle.message()
    assert message["flags"] & EPHEMERAL
    (embed,) = message["embeds"]
    assert embed["title"] == "Study stats: alice"
    assert "**6 answers**, **67%** right" in embed["description"]
    fields = fields_of(embed)
    assert fields["Accuracy by topic"] == "Virtualization: 2/4 (50%)\nCloud: 2/2 (100%)"
    assert fields["Missed most"] == "Hypervisor: missed 2 of 3"
    assert embed["image"]["url"] == "attachment://progress.png"
    (send,) = [s for s in h.fake.sends if s.kind == "followup"]
    assert send.payload["_files"] == 1
    assert [a["filename"] for a in send.payload["attachments"]] == ["progress.png"]
    h.assert_alive()


async def test_stats_of_another_member_and_of_someone_without_answers(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    await answer_history(h, w.moderator.id, [("Hypervisor", "Virtualization", True, 0)])
    await charts_ready(h)
    theirs = await (await h.fake.slash(w.member, w.general, "stats", member=w.moderator)).message()
    assert theirs["embeds"][0]["title"] == "Study stats: morgan"
    assert "**1 answer**, **100%** right" in theirs["embeds"][0]["description"]
    mine = await (await h.fake.slash(w.member, w.general, "stats")).message()
    (embed,) = mine["embeds"]
    assert embed["description"].startswith("No quiz answers here yet.")
    assert "image" not in embed
    assert fields_of(embed)["Flashcards"].startswith("none yet")
    assert [s.payload.get("_files") for s in h.fake.sends if s.kind == "followup"] == [1, None]


async def test_stats_server_lists_the_week_s_missed_terms_for_moderators_only(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    await answer_history(
        h,
        w.member.id,
        [
            ("Hypervisor", "Virtualization", False, 1),
            ("SaaS", "Cloud", False, 2),
            ("Container", "Virtualization", False, 9),
        ],
    )
    await answer_history(h, w.moderator.id, [("Hypervisor", "Virtualization", False, 0)])

    refused = await (await h.fake.slash(w.member, w.general, "stats", server=True)).message()
    assert refused["flags"] & EPHEMERAL
    assert refused["content"] == "You need the Manage Server permission for that."

    message = await (await h.fake.slash(w.moderator, w.general, "stats", server=True)).message()
    assert message["flags"] & EPHEMERAL
    (embed,) = message["embeds"]
    assert embed["title"] == "Missed most this week: Study Group"
    lines = embed["description"].splitlines()
    assert lines[0].startswith("From 3 answers since <t:")
    assert lines[1] == "1. **Hypervisor** (Virtualization): 2 misses by 2 members, 0/2 right"
    assert lines[2] == "2. **SaaS** (Cloud): 1 miss by 1 member, 0/1 right"
    assert "Container" not in embed["description"]  # nine days ago: not this week
    h.assert_alive()
