"""Hardening, Discord's REST API misbehaving during a quiz round: 429s with retry_after (and the Via
header Discord's proxies add) on sends, edits, interaction responses and follow-ups are retried; a 5xx
on a send is logged and the round goes on. The fake's faults answer before any other check.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.e2e.conftest import Harness, StartBot
from tests.fakediscord import Channel
from tests.hardening.support import (
    advance_when_waiting,
    assert_no_send_may_ping,
    open_term,
    quiz_cog,
    titles,
    until,
)

pytestmark = pytest.mark.e2e

MESSAGES = r"/channels/{}/messages$"


def statuses(h: Harness, method: str, pattern: str) -> list[int]:
    """Statuses of the recorded calls."""
    return [c.status for c in h.fake.calls_to(method, pattern)]


async def answer_open_question(h: Harness, cog: Any, channel: Channel) -> dict[str, Any]:
    """The member types the right answer; returns the bot's answer card."""
    await h.fake.send_message(h.world.member, channel, open_term(cog, h.world.guild.id, channel.id))
    return await h.fake.next_message(channel)


async def test_rate_limits_on_every_kind_of_send_are_retried(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="discord")
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h.bot)
    study = MESSAGES.format(w.study.id)
    h.fake.inject("POST", r"/interactions/\d+/[^/]+/callback$", status=429, count=1, retry_after=0.01)
    h.fake.inject("POST", study, status=429, count=2, retry_after=0.01)  # the first question, twice
    handle = await h.fake.slash(w.member, w.study, "quiz start", questions=3, seconds=20, mode="typed")
    assert "started a quiz" in (await handle.message())["content"]
    q1 = await h.fake.next_message(w.study)
    assert q1["embeds"][0]["title"] == "Question 1/3"
    assert statuses(h, "POST", study)[:3] == [429, 429, 200]

    # the hint is an edit of the question
    h.fake.inject("PATCH", rf"/channels/{w.study.id}/messages/\d+$", status=429, count=1, retry_after=0.01)
    await advance_when_waiting(clock, 10, cog)
    stored = h.fake.messages[int(q1["id"])]
    await h.fake.wait_for(lambda: "Hint" in str(stored["embeds"][0]["fields"]), 5, "the hint after a 429")
    assert statuses(h, "PATCH", rf"/channels/{w.study.id}/messages/\d+$") == [429, 200]

    h.fake.inject("POST", study, status=429, count=1, retry_after=0.01)  # the answer card
    assert "got it" in (await answer_open_question(h, cog, w.study))["embeds"][0]["description"]
    assert (await h.fake.next_message(w.study))["embeds"][0]["title"] == "Question 2/3"

    # a follow-up (after a deferral) while the round runs
    h.fake.inject("POST", r"/webhooks/\d+/[^/]+$", status=429, count=1, retry_after=0.01)
    reload = await (await h.fake.slash(w.moderator, w.general, "kb reload")).message()
    assert reload["content"].startswith("Reloaded the notes")
    assert statuses(h, "POST", r"/webhooks/\d+/[^/]+$") == [429, 200]

    for number in (2, 3):
        assert "got it" in (await answer_open_question(h, cog, w.study))["embeds"][0]["description"]
        if number == 2:
            await h.fake.next_message(w.study)
    assert (await h.fake.next_message(w.study))["embeds"][0]["title"] == "Quiz over"
    rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert (rank.correct, rank.answered) == (3, 3)
    assert sum(1 for r in caplog.records if "rate limited" in r.getMessage()) >= 5
    h.assert_alive()
    assert_no_send_may_ping(h.fake)


@pytest.mark.parametrize("step", ["question", "answer card", "hint"])
async def test_a_server_error_on_a_send_is_logged_and_the_round_goes_on(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture, step: str
) -> None:
    caplog.set_level(logging.WARNING)
    # a pause on the fake clock: time to inject the fault before question 2
    h = await start_bot({"quiz": {"pause_seconds": 5}}, quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h.bot)
    study = MESSAGES.format(w.study.id)
    edits = rf"/channels/{w.study.id}/messages/\d+$"
    handle = await h.fake.slash(w.member, w.study, "quiz start", questions=2, seconds=20, mode="typed")
    await handle.message()
    await h.fake.next_message(w.study)  # question 1
    if step == "hint":
        h.fake.inject("PATCH", edits, status=503, count=1)
        await advance_when_waiting(clock, 10, cog)
        await h.fake.wait_for(lambda: 503 in statuses(h, "PATCH", edits), 5, "the failed hint")
    elif step == "answer card":
        h.fake.inject("POST", study, status=503, count=1)
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    if step != "answer card":
        card = await h.fake.next_message(w.study)
        assert "got it" in card["embeds"][0]["description"]
    else:
        await h.fake.wait_for(lambda: 503 in statuses(h, "POST", study), 5, "the failed answer card")
    if step == "question":
        h.fake.inject("POST", study, status=503, count=1)
    await advance_when_waiting(clock, 5, cog)  # the pause: question 2 is asked
    if step != "question":
        assert (await h.fake.next_message(w.study))["embeds"][0]["title"] == "Question 2/2"
    state = cog.running_in(w.guild.id, w.study.id)
    assert state is not None, "the round is still running"
    await until(lambda: state.runner.quiz.current is not None, "question 2 open")
    if step == "question":
        await h.fake.wait_for(lambda: 503 in statuses(h, "POST", study), 5, "the failed question")
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    rest = [await h.fake.next_message(w.study) for _ in range(2)]
    assert titles(rest) == ["Answer 2/2: " + rest[0]["embeds"][0]["title"].split(": ", 1)[1], "Quiz over"]
    assert not any(
        "stopped because of an error" in (m.get("content") or "") for m in [x.payload for x in h.fake.sends]
    )
    rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert rank.correct == 2, "both answers counted although one message was lost"
    assert any(r.levelno == logging.WARNING and "503" in r.getMessage() for r in caplog.records)
    h.assert_alive()
