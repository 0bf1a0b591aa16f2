"""End to end: quiz rounds in a channel against the loopback Discord, on a fake clock (no real waiting)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest

from bot.clock import FakeClock
from bot.quiz import WRONG_GUESSES
from cogs.quiz import OUT_OF_GUESSES, QuizCog
from tests.e2e.conftest import Harness, StartBot, World, build_world
from tests.fakediscord import Channel, FakeDiscord, FakeDiscordError, Member, Permissions

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


def quiz_cog(h: Harness) -> tuple[QuizCog, FakeClock]:
    """The running quiz cog and the fake clock the bot was built on (``start_bot(quiz_seed=N)``)."""
    cog: Any = h.bot.get_cog("Quiz")
    # discord.py loads extensions as fresh module objects, so compare by name, not isinstance
    assert type(cog).__name__ == QuizCog.__name__
    assert cog.clock is h.clock
    return cog, h.clock


def embed(message: dict[str, Any]) -> dict[str, Any]:
    """The single embed of a message."""
    assert len(message["embeds"]) == 1, message
    return message["embeds"][0]


def fields(message: dict[str, Any]) -> dict[str, str]:
    """Field name -> value of the message's embed."""
    return {f["name"]: f["value"] for f in embed(message).get("fields", [])}


def current_term(cog: QuizCog, channel: Channel) -> str:
    """The term of the open question in ``channel``."""
    state = cog.running_in(channel.guild_id, channel.id)
    assert state is not None
    question = state.runner.quiz.current
    assert question is not None
    return question.entry.term


async def start_round(h: Harness, who: Member, channel: Channel, **options: Any) -> dict[str, Any]:
    """Run /quiz start; return the first question message."""
    handle = await h.fake.slash(who, channel, "quiz start", **options)
    ack = await handle.message()
    assert "started a quiz" in ack["content"], ack
    question = await h.fake.next_message(channel)
    h.assert_alive()
    return question


async def test_two_members_race_and_exactly_one_wins(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h)
    q1 = await start_round(h, w.member, w.study, questions=2, seconds=20, mode="typed")
    assert embed(q1)["title"] == "Question 1/2"
    assert "<t:" in fields(q1)["Time"]
    term = current_term(cog, w.study)
    await h.fake.send_message(w.member, w.study, term.lower())
    await h.fake.send_message(w.moderator, w.study, term)
    answer = await h.fake.next_message(w.study)
    h.assert_alive()
    assert embed(answer)["title"] == f"Answer 1/2: {term}"
    description = embed(answer)["description"]
    assert description.count("got it") == 1
    winner = w.member if f"<@{w.member.id}>" in description else w.moderator
    loser = w.moderator if winner is w.member else w.member
    assert f"<@{loser.id}>" not in description
    stored = await h.bot.store.rounds.answers_of(w.guild.id)
    assert [(a.member_id, a.correct) for a in stored if a.correct] == [(winner.id, True)]
    q2 = await h.fake.next_message(w.study)
    assert embed(q2)["title"] == "Question 2/2"


async def test_a_typo_wins_and_a_wrong_answer_is_ignored(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=3)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    term = current_term(cog, w.study)
    await h.fake.send_message(w.moderator, w.study, "definitely not it")
    typo = term if len(term) < 9 else term[:-2] + term[-1]  # one letter dropped from a long term
    await h.fake.send_message(w.member, w.study, f"the {typo}!")
    answer = await h.fake.next_message(w.study)
    assert f"<@{w.member.id}> got it" in embed(answer)["description"]
    assert f"<@{w.moderator.id}>" not in embed(answer)["description"]
    final = await h.fake.next_message(w.study)
    assert embed(final)["title"] == "Quiz over"
    assert f"<@{w.member.id}>" in embed(final)["description"]
    h.assert_alive()


async def test_a_plain_at_name_before_a_typed_answer_does_not_block_it(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=3)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    term = current_term(cog, w.study)
    # typed "@name" without picking the member: plain text, no mention in the message
    await h.fake.send_message(w.member, w.study, f"@moderator {term}")
    answer = await h.fake.next_message(w.study)
    assert f"<@{w.member.id}> got it" in embed(answer)["description"]
    h.assert_alive()


async def test_three_wrong_guesses_then_a_members_guesses_are_ignored_with_one_reaction(
    start_bot: StartBot,
) -> None:
    h = await start_bot(quiz_seed=3)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    term = current_term(cog, w.study)
    guesses = [await h.fake.send_message(w.member, w.study, f"not it {n}") for n in range(WRONG_GUESSES)]
    await h.fake.wait_for(lambda: bool(h.fake.reactions), 5, "the reaction on the last guess")
    ignored = await h.fake.send_message(w.member, w.study, term)  # right, but no guesses left
    await h.fake.send_message(w.member, w.study, "still guessing")
    await h.fake.send_message(w.moderator, w.study, "wrong too")  # others keep their own guesses
    await h.fake.send_message(w.moderator, w.study, term)
    answer = await h.fake.next_message(w.study)  # nothing was posted in the channel per guess
    assert embed(answer)["title"] == f"Answer 1/1: {term}"
    assert f"<@{w.moderator.id}> got it" in embed(answer)["description"]
    assert f"<@{w.member.id}> got it" not in embed(answer)["description"]
    assert [(action, message, unquote(emoji)) for action, _channel, message, emoji in h.fake.reactions] == [
        ("add", int(guesses[-1]["id"]), OUT_OF_GUESSES)
    ]
    assert int(ignored["id"]) not in {message for _a, _c, message, _e in h.fake.reactions}
    stored = await h.bot.store.rounds.answers_of(w.guild.id)
    assert sorted((a.member_id, a.correct) for a in stored) == sorted(
        [(w.member.id, False), (w.moderator.id, True)]
    )
    h.assert_alive()


async def test_a_mention_only_message_is_no_guess(start_bot: StartBot) -> None:
    # a message that is only a mention (or only markup) spends no guess: no reaction, the member still wins
    h = await start_bot(quiz_seed=3)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    term = current_term(cog, w.study)
    for _ in range(WRONG_GUESSES + 1):
        await h.fake.send_message(w.member, w.study, f"<@{w.moderator.id}>")
    await h.fake.send_message(w.member, w.study, "** **")
    await h.fake.send_message(w.member, w.study, term)
    answer = await h.fake.next_message(w.study)
    assert f"<@{w.member.id}> got it" in embed(answer)["description"]
    assert h.fake.reactions == []
    stored = await h.bot.store.rounds.answers_of(w.guild.id)
    assert [(a.member_id, a.correct) for a in stored] == [(w.member.id, True)]
    h.assert_alive()


async def test_without_add_reactions_guesses_are_still_limited_and_the_round_goes_on(
    start_bot: StartBot,
) -> None:
    def world_without_reactions(fake: FakeDiscord) -> World:
        world = build_world(fake)
        for role in world.guild.roles.values():  # @everyone included
            role.permissions &= ~Permissions.ADD_REACTIONS
        return world

    h = await start_bot(world=world_without_reactions, quiz_seed=3)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=1, seconds=20, mode="typed")
    term = current_term(cog, w.study)
    for n in range(WRONG_GUESSES):
        await h.fake.send_message(w.member, w.study, f"not it {n}")
    await h.fake.send_message(w.member, w.study, term)
    await h.fake.send_message(w.moderator, w.study, term)
    answer = await h.fake.next_message(w.study)
    assert f"<@{w.moderator.id}> got it" in embed(answer)["description"]
    assert h.fake.reactions == []
    assert not any("/reactions/" in call.path for call in h.fake.calls)  # not even tried: no 403
    h.assert_alive()


async def test_hint_at_half_time_then_timeout_reveals_the_answer(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h)
    q1 = await start_round(h, w.member, w.study, questions=1, seconds=10, mode="typed")
    term = current_term(cog, w.study)
    assert "Hint" not in fields(q1)
    clock.advance(5)
    stored = h.fake.messages[int(q1["id"])]
    await h.fake.wait_for(
        lambda: any(f["name"] == "Hint" for f in stored["embeds"][0]["fields"]), 5, "the hint"
    )
    hint = fields(stored)["Hint"].strip("`")
    assert hint.startswith(term[0])
    assert "_" in hint
    clock.advance(5)
    answer = await h.fake.next_message(w.study)
    text = embed(answer)["description"]
    assert "nobody got it" in text
    assert term in embed(answer)["title"]
    entry = h.bot.kb.by_term(term)
    assert entry is not None
    assert entry.definition[:40] in text
    h.assert_alive()


async def test_buttons_round_refuses_a_second_click_and_scores_at_the_end(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, clock = quiz_cog(h)
    q1 = await start_round(h, w.member, w.study, questions=1, seconds=10, mode="buttons")
    state = cog.running_in(w.guild.id, w.study.id)
    assert state is not None
    question = state.runner.quiz.current
    assert question is not None
    buttons = [c for row in q1["components"] for c in row["components"]]
    assert len(buttons) == len(question.choices)
    right = buttons[question.answer_index or 0]["custom_id"]
    wrong = next(b["custom_id"] for b in buttons if b["custom_id"] != right)
    first = await (await h.fake.click(w.member, w.study, q1, right)).message()
    assert first["flags"] & EPHEMERAL
    assert first["content"].startswith("Answer recorded")
    second = await (await h.fake.click(w.member, w.study, q1, wrong)).message()
    assert second["content"] == "You already answered this question."
    await (await h.fake.click(w.moderator, w.study, q1, wrong)).message()
    clock.advance(10)
    answer = await h.fake.next_message(w.study)
    description = embed(answer)["description"]
    assert f"<@{w.member.id}> (+" in description
    assert f"<@{w.moderator.id}>" not in description
    member_rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    moderator_rank = await h.bot.store.leaderboards.rank(w.guild.id, w.moderator.id)
    assert (member_rank.correct, moderator_rank.correct, moderator_rank.answered) == (1, 0, 1)
    edited = h.fake.messages[int(q1["id"])]
    assert all(c.get("disabled") for row in edited["components"] for c in row["components"])
    h.assert_alive()


async def test_stop_needs_the_starter_or_manage_server(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    bob = h.fake.add_member(w.guild, "bob")
    _cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=5, seconds=20, mode="typed")
    refused = await (await h.fake.slash(bob, w.study, "quiz stop")).message()
    assert refused["flags"] & EPHEMERAL
    assert "Only who started the round" in refused["content"]
    ok = await (await h.fake.slash(w.moderator, w.study, "quiz stop")).message()
    assert ok["content"] == "Stopping the round."
    final = await h.fake.next_message(w.study)
    assert embed(final)["title"] == "Quiz stopped"
    assert f"Stopped by <@{w.moderator.id}> after 1 of 5 questions" in embed(final)["description"]
    none = await (await h.fake.slash(w.member, w.study, "quiz stop")).message()
    assert none["content"] == "No quiz round is running here."
    h.assert_alive()


async def test_one_round_per_channel_and_two_channels_at_once(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h)
    await start_round(h, w.member, w.study, questions=2, seconds=20, mode="typed")
    busy = await (await h.fake.slash(w.moderator, w.study, "quiz start")).message()
    assert busy["flags"] & EPHEMERAL
    assert busy["content"].startswith("A round is already running here; it ends <t:")
    await start_round(h, w.moderator, w.general, questions=2, seconds=20, mode="typed")
    study_term = current_term(cog, w.study)
    general_term = current_term(cog, w.general)
    await h.fake.send_message(w.moderator, w.general, general_term)
    await h.fake.send_message(w.member, w.study, study_term)
    general_answer = await h.fake.next_message(w.general)
    study_answer = await h.fake.next_message(w.study)
    assert f"<@{w.moderator.id}> got it" in embed(general_answer)["description"]
    assert f"<@{w.member.id}> got it" in embed(study_answer)["description"]
    assert embed(await h.fake.next_message(w.general))["title"] == "Question 2/2"
    assert embed(await h.fake.next_message(w.study))["title"] == "Question 2/2"
    h.assert_alive()


async def test_out_of_range_numbers_cannot_be_sent_and_a_bad_topic_is_explained(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    quiz_cog(h)
    # app_commands.Range: Discord's client itself keeps the numbers within the registered bounds
    (quiz,) = [c for c, _ in h.fake.commands_for(w.guild) if c["name"] == "quiz"]
    start = next(o for o in quiz["options"] if o["name"] == "start")
    bounds = {o["name"]: (o.get("min_value"), o.get("max_value")) for o in start["options"] if o["type"] == 4}
    assert bounds == {"questions": (1, 50), "seconds": (5, 120)}
    with pytest.raises(FakeDiscordError, match="must be 1-50"):
        await h.fake.slash(w.member, w.study, "quiz start", questions=80)
    with pytest.raises(FakeDiscordError, match="must be 5-120"):
        await h.fake.slash(w.member, w.study, "quiz start", seconds=2)
    reply = await (await h.fake.slash(w.member, w.study, "quiz start", topic="Biology")).message()
    assert reply["content"].startswith("no topic called 'Biology'")
    choices = await h.fake.autocomplete(w.member, w.study, "quiz start", focused="topic", topic="virt")
    assert [c["name"] for c in choices] == ["Virtualization"]
    assert h.fake.unread_messages(w.study) == []
    h.assert_alive()


async def test_a_restart_mid_round_keeps_the_points_won(start_bot: StartBot) -> None:
    first = await start_bot(quiz_seed=1)
    w = first.world
    cog, _clock = quiz_cog(first)
    await start_round(first, w.member, w.study, questions=5, seconds=20, mode="typed")
    await first.fake.send_message(w.member, w.study, current_term(cog, w.study))
    won = await first.fake.next_message(w.study)
    assert f"<@{w.member.id}> got it" in embed(won)["description"]
    await first.fake.next_message(w.study)  # question 2 is open when the process "dies"
    state = cog.running_in(w.guild.id, w.study.id)
    assert state is not None
    state.task.cancel()  # the round dies with the process: nothing more is written

    second = await start_bot()  # same database, same ids
    w2 = second.world
    notice = await second.fake.next_message(w2.study)
    assert "interrupted" in notice["content"]
    assert "points won so far are kept" in notice["content"]
    rank = await (await second.fake.slash(w2.member, w2.study, "rank")).message()
    assert fields(rank)["Rank"] == "1 of 1"
    assert int(fields(rank)["Points"]) > 0
    second.assert_alive()


async def test_without_message_content_only_button_rounds_start(start_bot: StartBot) -> None:
    h = await start_bot({"discord": {"message_content": False}}, message_content_allowed=False, quiz_seed=1)
    w = h.world
    quiz_cog(h)
    refused = await (await h.fake.slash(w.member, w.study, "quiz start", mode="typed")).message()
    assert refused["flags"] & EPHEMERAL
    assert refused["content"] == "typed answers need the message content intent here; use mode: buttons"
    question = await start_round(h, w.member, w.study, questions=1, seconds=10, mode="buttons")
    assert question["components"]
    h.assert_alive()


async def test_messages_use_the_right_number(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    quiz_cog(h)
    ack = await (
        await h.fake.slash(w.member, w.study, "quiz start", questions=1, seconds=10, mode="typed")
    ).message()
    assert ": 1 question, 10 s each" in ack["content"], ack["content"]
    assert "1 questions" not in ack["content"]
    await h.fake.next_message(w.study)
    await (await h.fake.slash(w.member, w.study, "quiz stop")).message()
    final = await h.fake.next_message(w.study)
    assert "after 1 of 1 question." in embed(final)["description"]
    topics = await (await h.fake.slash(w.member, w.study, "topics")).message()
    assert "16 terms" in embed(topics)["description"]
    h.assert_alive()
