"""Hardening, the gateway dropped mid-round: closed with 4000 the bot resumes (and Discord replays what it
missed); closed with 4009 (session not resumable) it identifies again. The round goes on either way, no
question is asked twice and no point is counted twice.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests.e2e.conftest import Harness, StartBot
from tests.hardening.support import (
    advance_when_waiting,
    assert_no_send_may_ping,
    open_term,
    quiz_cog,
    titles,
    until,
)

pytestmark = pytest.mark.e2e


async def assert_each_question_once_and_points_once(h: Harness, total: int) -> None:
    """Every question and answer card posted once; the stored points equal the scores, one row per answer."""
    w = h.world
    posted = Counter(titles(h.fake.channel_messages[w.study.id]))
    for number in range(1, total + 1):
        assert posted[f"Question {number}/{total}"] == 1, posted
    assert sum(n for t, n in posted.items() if t.startswith("Answer ")) == total, posted
    assert posted["Quiz over"] == 1, posted
    stored = await h.bot.store.rounds.answers_of(w.guild.id)
    keys = [(a.round_id, a.question_index, a.member_id) for a in stored]
    assert len(keys) == len(set(keys)), "an answer was stored twice"
    for member in (w.member, w.moderator):
        rank = await h.bot.store.leaderboards.rank(w.guild.id, member.id)
        mine = [a for a in stored if a.member_id == member.id]
        if rank is None:
            assert mine == []
            continue
        assert rank.points == sum(a.points for a in mine)
        assert rank.answered == len(mine)


async def test_a_gateway_drop_with_4000_mid_round_resumes_and_replays_the_answer(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h.bot)
    await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=3, seconds=20, mode="typed")
    ).message()
    await h.fake.next_message(w.study)
    term = open_term(cog, w.guild.id, w.study.id)

    await h.fake.drop_gateway(4000)
    await h.fake.send_message(w.moderator, w.study, "no idea")  # wrong, sent while the bot is away
    await h.fake.send_message(w.member, w.study, term)  # right, sent while the bot is away
    await h.fake.wait_for_connection(resumes=1)
    card = await h.fake.next_message(w.study)
    assert f"<@{w.member.id}> got it" in card["embeds"][0]["description"]
    assert len(h.fake.identify_payloads) == 1, "resumed, not identified again"

    await h.fake.next_message(w.study)  # question 2
    await h.fake.drop_gateway(4000)  # dropped again right after a question was asked
    await h.fake.wait_for_connection(resumes=2)
    for number in (2, 3):
        await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
        await h.fake.next_message(w.study)  # the answer card
        if number == 2:
            await h.fake.next_message(w.study)  # question 3
    assert titles([await h.fake.next_message(w.study)]) == ["Quiz over"]
    await assert_each_question_once_and_points_once(h, 3)
    rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert rank.correct == 3
    h.assert_alive()
    assert_no_send_may_ping(h.fake)


async def test_a_gateway_drop_with_4009_identifies_again_and_the_round_goes_on(start_bot: StartBot) -> None:
    h = await start_bot(identify_delay=0, quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h.bot)
    await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=3, seconds=20, mode="typed")
    ).message()
    await h.fake.next_message(w.study)
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    await h.fake.next_message(w.study)  # answer 1
    await h.fake.next_message(w.study)  # question 2

    await h.fake.drop_gateway(4009)
    # while the bot is away, question 2 runs out of time: REST still works, so the round goes on
    await advance_when_waiting(clock, 20, cog)
    timed_out = await h.fake.next_message(w.study)
    assert "nobody got it" in timed_out["embeds"][0]["description"]
    await h.fake.wait_for_connection(identifies=2)
    assert len(h.fake.identify_payloads) == 2
    question3 = await h.fake.next_message(w.study)
    assert question3["embeds"][0]["title"] == "Question 3/3"
    await until(lambda: h.bot.is_ready() and not h.bot.is_closed(), "the bot ready again")
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    assert "got it" in (await h.fake.next_message(w.study))["embeds"][0]["description"]
    assert titles([await h.fake.next_message(w.study)]) == ["Quiz over"]
    await assert_each_question_once_and_points_once(h, 3)
    rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert (rank.correct, rank.answered) == (2, 2)
    # the new session answers commands too
    card = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert card["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()


async def test_a_button_question_survives_a_resume(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h.bot)
    await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=1, seconds=20, mode="buttons")
    ).message()
    question: dict[str, Any] = await h.fake.next_message(w.study)
    state = cog.running_in(w.guild.id, w.study.id)
    asked = state.runner.quiz.current
    buttons = [c for row in question["components"] for c in row["components"]]
    await h.fake.drop_gateway(4000)
    await h.fake.wait_for_connection(resumes=1)
    click = await h.fake.click(w.member, w.study, question, buttons[asked.answer_index or 0]["custom_id"])
    assert (await click.message())["content"].startswith("Answer recorded")
    again = await h.fake.click(w.member, w.study, question, buttons[asked.answer_index or 0]["custom_id"])
    assert (await again.message())["content"] == "You already answered this question."
    await advance_when_waiting(clock, 20, cog)
    card = await h.fake.next_message(w.study)
    assert f"<@{w.member.id}> (+" in card["embeds"][0]["description"]
    assert titles([await h.fake.next_message(w.study)]) == ["Quiz over"]
    await assert_each_question_once_and_points_once(h, 1)
    h.assert_alive()
