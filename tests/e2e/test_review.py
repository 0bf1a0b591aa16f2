"""End to end: /review shows a private card, buttons turn it over and rate it (FSRS moves it), reminders."""

from __future__ import annotations

import copy
from datetime import UTC, timedelta
from typing import Any

import fsrs
import pytest
from fsrs import Card, Scheduler

from bot.review import Rating, ReviewRepository
from tests.e2e.conftest import Harness, StartBot

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
CHANNEL_MESSAGE, UPDATE_MESSAGE = 4, 7
EXTENSIONS = ["cogs.review", "cogs.stats"]


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Button label -> custom id."""
    return {b["label"]: b["custom_id"] for row in message["components"] for b in row["components"]}


def repository(h: Harness) -> ReviewRepository:
    """Cards and reminders in the bot's own database."""
    return h.bot.services.reviews


async def test_review_shows_a_private_card_and_a_rating_moves_its_due_date(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    handle = await h.fake.slash(w.member, w.general, "review")
    assert (await handle.response())["type"] == CHANNEL_MESSAGE
    front = await handle.message()
    assert front["flags"] & EPHEMERAL
    assert front["embeds"][0]["title"] == "What is Virtualization?"  # the first term of the notes
    assert "new card" in front["embeds"][0]["footer"]["text"]
    assert list(buttons(front)) == ["Show answer"]
    card = await repository(h).card_for(w.guild.id, w.member.id, "Virtualization")
    assert card is not None
    assert card.reps == 0

    shown = await h.fake.click(w.member, w.general, front, buttons(front)["Show answer"])
    assert (await shown.response())["type"] == UPDATE_MESSAGE
    back = await shown.message()
    assert back["embeds"][0]["title"] == "Virtualization"
    assert back["embeds"][0]["description"] == "The creation of a virtual resource."
    labels = list(buttons(back))
    assert labels == ["Again · 1m", "Hard · 6m", "Good · 10m", "Easy · 8d"]

    rated_view = copy.deepcopy(back)
    good = await h.fake.click(w.member, w.general, back, buttons(back)["Good · 10m"])
    assert (await good.response())["type"] == UPDATE_MESSAGE
    after = await good.message()
    assert after["embeds"][0]["title"] == "What is Virtual machine?"  # the next card, in the same message
    rated = await repository(h).card(card.id)
    assert rated is not None
    assert rated.reps == 1
    assert rated.fsrs.last_review is not None
    expected, _ = Scheduler(enable_fuzzing=False).review_card(
        Card(card_id=1, due=card.due_at), fsrs.Rating.Good, rated.fsrs.last_review
    )
    assert rated.due_at == expected.due
    assert rated.due_at - rated.fsrs.last_review == timedelta(minutes=10)

    # clicking the old "Good" again (a double click) rates nothing a second time
    again = await h.fake.click(w.member, w.general, rated_view, buttons(rated_view)["Good · 10m"])
    assert (await again.response())["type"] == UPDATE_MESSAGE
    same = await repository(h).card(card.id)
    assert same is not None
    assert (same.reps, same.due_at) == (1, rated.due_at)

    # someone else pressing a button of this card (e.g. a forwarded custom id) is refused
    stranger = await h.fake.click(w.moderator, w.general, after, buttons(after)["Show answer"])
    refused = await stranger.message()
    assert refused["content"] == "That card is not yours."
    assert refused["flags"] & EPHEMERAL
    h.assert_alive()


async def test_review_ends_with_when_the_next_card_is_due(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    repo = repository(h)
    now = h.bot.store.clock.now()
    for entry in h.bot.kb.entries:  # every term already known: nothing new, nothing due
        await repo.rate_term(w.guild.id, w.member.id, entry.term, Rating.EASY, now)
    message = await (await h.fake.slash(w.member, w.general, "review")).message()
    assert message["flags"] & EPHEMERAL
    assert message["content"].startswith("No cards due, next one <t:")
    assert message["content"].endswith(":R>. Well done!")
    next_due = await repo.next_due_at(w.guild.id, w.member.id)
    assert next_due is not None
    assert f"<t:{int(next_due.timestamp())}:R>" in message["content"]
    assert not message["components"]


async def test_reminders_on_then_a_daily_message_in_the_channel_when_dms_fail(start_bot: StartBot) -> None:
    h = await start_bot(extensions=EXTENSIONS)
    w = h.world
    on = await (await h.fake.slash(w.member, w.study, "review", remind="on")).message()
    assert on["flags"] & EPHEMERAL
    assert on["content"].startswith("Review reminders are on")
    setting = await repository(h).reminder(w.guild.id, w.member.id)
    assert setting is not None
    assert (setting.enabled, setting.channel_id) == (True, w.study.id)

    now = h.bot.store.clock.now()
    for term in ("Hypervisor", "Container"):
        await repository(h).rate_term(w.guild.id, w.member.id, term, Rating.AGAIN, now)
    cog: Any = h.bot.get_cog("Review")  # the extension's own module copy, so not isinstance of ours
    assert type(cog).__name__ == "Review"
    tomorrow = setting.send_time(now.astimezone(UTC).date() + timedelta(days=1))
    h.fake.inject("POST", r"/users/@me/channels$", status=403)  # the member's DMs are closed
    sent = await cog.send_due_reminders(tomorrow)
    assert [(r.member_id, r.due) for r in sent] == [(w.member.id, 2)]
    message = await h.fake.next_message(w.study)
    assert message["content"].startswith(f"<@{w.member.id}> You have 2 cards due in **Study Group**.")
    assert "/review" in message["content"]
    (send,) = [s for s in h.fake.sends if s.kind == "channel"]
    assert send.allowed_mentions is not None
    assert send.allowed_mentions["parse"] == []  # no @everyone, no roles
    assert [str(u) for u in send.allowed_mentions["users"]] == [str(w.member.id)]
    assert send.pings == [f"user:{w.member.id}"]  # only the member themself
    h.fake.sends.remove(send)  # the intended ping, checked above; the fixture refuses any other

    assert await cog.send_due_reminders(tomorrow + timedelta(minutes=5)) == []  # once a day
    off = await (await h.fake.slash(w.member, w.study, "review", remind="off")).message()
    assert off["content"] == "Review reminders are off."
    assert await cog.send_due_reminders(tomorrow + timedelta(days=1)) == []
    h.assert_alive()
