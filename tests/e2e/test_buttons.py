"""End to end: no button ever goes dead. Old buttons are clicked after the bot restarted (same Discord,
same database), after a round was killed, stopped or timed out, and after a confirmation expired; every
click gets an answer and ended views are edited so their buttons are disabled.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.storage import AnswerRecord
from tests.e2e.conftest import Harness, StartBot
from tests.e2e.test_quiz_rounds import quiz_cog, start_round
from tests.fakediscord import WAIT_S

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
UPDATE_MESSAGE = 7


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons of a message, in order."""
    return [c for row in message.get("components") or [] for c in row.get("components") or []]


def button(message: dict[str, Any], label: str) -> dict[str, Any]:
    """The button with ``label``."""
    return next(b for b in buttons(message) if b["label"] == label)


def stored(h: Harness, message: dict[str, Any]) -> dict[str, Any]:
    """The message as the fake Discord holds it now (after the bot's edits)."""
    return h.fake.messages[int(message["id"])]


def all_disabled(message: dict[str, Any]) -> bool:
    """Whether the message still shows buttons, every one of them disabled."""
    found = buttons(message)
    return bool(found) and all(b.get("disabled") for b in found)


async def test_did_you_mean_buttons_work_after_a_restart(start_bot: StartBot) -> None:
    first = await start_bot()
    w = first.world
    refusal = await (
        await first.fake.slash(w.member, w.general, "define", term="type 3 hypervisor")
    ).message()
    await (await first.fake.slash(w.member, w.general, "leaderboard show")).message()
    await first.close()

    second = await start_bot(restart_of=first)
    click = await second.fake.click(
        w.member, w.general, refusal, button(refusal, "Type II hypervisor")["custom_id"]
    )
    posted = await click.message()
    assert posted["embeds"][0]["title"] == "Type II hypervisor"
    second.assert_alive()


async def test_a_chat_did_you_mean_button_works_much_later_and_after_a_restart(start_bot: StartBot) -> None:
    first = await start_bot()
    w = first.world
    await first.fake.send_message(
        w.member, w.general, f"{first.fake.bot_user.mention} what is a type 3 hypervisor?"
    )
    refusal = await first.fake.next_message(w.general)
    await first.close()
    second = await start_bot(restart_of=first)
    for label in ("Type I hypervisor", "Type II hypervisor"):
        click = await second.fake.click(w.moderator, w.general, refusal, button(refusal, label)["custom_id"])
        assert (await click.message())["embeds"][0]["title"] == label
    second.assert_alive()


async def test_a_button_no_item_answers_gets_a_private_no_longer_active(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    refusal = await (await h.fake.slash(w.member, w.general, "define", term="type 3 hypervisor")).message()
    # the same message as an older version of the bot sent it: custom ids nothing is registered for
    for i, b in enumerate(buttons(refusal)):
        b["custom_id"] = f"studybot:suggest:{i}"
    click = await h.fake.click(w.member, w.general, refusal, "studybot:suggest:0")
    await click.response()
    assert click.record.response_type == UPDATE_MESSAGE  # the ephemeral message itself says so
    assert stored(h, refusal)["content"] == "This is no longer active."
    assert all_disabled(stored(h, refusal))
    # on a public message: a private answer, and the buttons are disabled for everyone
    public = await (await h.fake.slash(w.member, w.general, "leaderboard show")).message()
    for b in buttons(public):
        b["custom_id"] = "old:" + b["custom_id"]
    click = await h.fake.click(w.member, w.general, public, buttons(public)[0]["custom_id"])
    answer = await click.message()
    assert answer["flags"] & EPHEMERAL
    assert answer["content"] == "This is no longer active."
    await h.fake.wait_for(lambda: all_disabled(stored(h, public)), WAIT_S, "the old buttons to be disabled")
    h.assert_alive()


async def test_answer_buttons_of_a_killed_round_are_disabled_at_restart_and_answer(
    start_bot: StartBot,
) -> None:
    first = await start_bot(quiz_seed=1)
    w = first.world
    cog, _clock = quiz_cog(first)
    question = await start_round(first, w.member, w.study, questions=3, seconds=60, mode="buttons")
    assert len(buttons(question)) >= 2
    state = cog.running_in(w.guild.id, w.study.id)
    assert state is not None
    state.task.cancel()  # the process dies: nothing more is written or edited
    await first.close()
    assert not any(b.get("disabled") for b in buttons(stored(first, question)))

    second = await start_bot(restart_of=first)
    notice = await second.fake.next_message(w.study)
    assert "interrupted" in notice["content"]
    await second.fake.wait_for(
        lambda: all_disabled(stored(second, question)), WAIT_S, "the old buttons disabled"
    )
    click = await second.fake.click(w.member, w.study, question, buttons(question)[0]["custom_id"])
    answer = await click.message()
    assert answer["flags"] & EPHEMERAL
    assert answer["content"] == "This quiz is over."
    second.assert_alive()


async def test_a_stopping_bot_disables_the_open_question(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    quiz_cog(h)
    question = await start_round(h, w.member, w.study, questions=2, seconds=60, mode="buttons")
    await h.close()
    assert all_disabled(stored(h, question))


async def test_stopped_and_closed_questions_disable_their_buttons(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    _cog, clock = quiz_cog(h)
    first = await start_round(h, w.member, w.study, questions=2, seconds=10, mode="buttons")
    # an immediate click (the fake hands the message over as soon as Discord has it) is acknowledged
    click = await h.fake.click(w.member, w.study, first, buttons(first)[0]["custom_id"])
    assert (await click.message())["content"].startswith("Answer recorded")
    clock.advance(11)
    closed = await h.fake.next_message(w.study)
    assert closed["embeds"][0]["title"].startswith("Answer 1/2")
    assert all_disabled(stored(h, first))
    late = await h.fake.click(w.moderator, w.study, first, buttons(first)[1]["custom_id"])
    assert (await late.message())["content"] == "Too late: this question is closed."
    second = await h.fake.next_message(w.study)
    await (await h.fake.slash(w.member, w.study, "quiz stop")).message()
    final = await h.fake.next_message(w.study)
    assert final["embeds"][0]["title"] == "Quiz stopped"
    assert all_disabled(stored(h, second))
    over = await h.fake.click(w.member, w.study, second, buttons(second)[0]["custom_id"])
    assert (await over.message())["content"] == "This quiz is over."
    h.assert_alive()


async def fill_leaderboard(h: Harness, members: int) -> None:
    """``members`` members with one right answer each (member i has i points)."""
    w = h.world
    store = h.bot.store
    now = store.clock.now()
    rid = await store.rounds.start_round(w.guild.id, w.study.id, 1, {}, now)
    for member in range(1, members + 1):
        await store.rounds.record_answer(
            AnswerRecord(
                rid, 0, w.guild.id, w.study.id, member, "VM", "Virtualization", True, member, 10, now
            )
        )


async def test_leaderboard_pages_turn_after_a_restart(start_bot: StartBot) -> None:
    first = await start_bot()
    w = first.world
    await fill_leaderboard(first, 23)
    board = await (
        await first.fake.slash(w.member, w.general, "leaderboard show", topic="Virtualization")
    ).message()
    assert button(board, "Previous")["disabled"] is True
    await first.close()
    second = await start_bot(restart_of=first)
    page2 = await (
        await second.fake.click(w.member, w.general, board, button(board, "Next")["custom_id"])
    ).message()
    assert "page 2/3" in page2["embeds"][0]["footer"]["text"]
    assert "Virtualization" in page2["embeds"][0]["footer"]["text"]
    assert page2["embeds"][0]["description"].startswith("**11.** <@13>: 13 points")
    back = await (
        await second.fake.click(w.member, w.general, page2, button(page2, "Previous")["custom_id"])
    ).message()
    assert "page 1/3" in back["embeds"][0]["footer"]["text"]
    second.assert_alive()


async def test_reset_confirmation_works_after_a_restart_and_is_disabled_once_used(
    start_bot: StartBot,
) -> None:
    first = await start_bot()
    w = first.world
    await fill_leaderboard(first, 2)
    ask = await (await first.fake.slash(w.moderator, w.general, "leaderboard reset")).message()
    await first.close()
    second = await start_bot(restart_of=first)
    other = await second.fake.click(
        w.member, w.general, ask, button(ask, "Reset the leaderboard")["custom_id"]
    )
    assert (await other.message())["content"] == "This is not your confirmation."
    done = await second.fake.click(
        w.moderator, w.general, ask, button(ask, "Reset the leaderboard")["custom_id"]
    )
    await done.response()
    assert stored(second, ask)["content"] == "The leaderboard was reset (2 members' scores removed)."
    assert all_disabled(stored(second, ask))
    assert await second.bot.store.leaderboards.rank(w.guild.id, 1) is None
    second.assert_alive()


async def test_an_expired_reset_confirmation_says_so_and_resets_nothing(start_bot: StartBot) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    _cog, clock = quiz_cog(h)
    await fill_leaderboard(h, 1)
    ask = await (await h.fake.slash(w.moderator, w.general, "leaderboard reset")).message()
    clock.advance(timedelta(seconds=61).total_seconds())
    click = await h.fake.click(w.moderator, w.general, ask, button(ask, "Reset the leaderboard")["custom_id"])
    await click.response()
    assert stored(h, ask)["content"] == "This confirmation has expired: run `/leaderboard reset` again."
    assert all_disabled(stored(h, ask))
    assert await h.bot.store.leaderboards.rank(w.guild.id, 1) is not None
    h.assert_alive()


async def test_a_click_before_the_bot_has_the_question_message_back_is_acknowledged(
    start_bot: StartBot,
) -> None:
    h = await start_bot(quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h)
    # Discord has posted the question, but its answer to the bot's POST is slow to come back
    gate = h.fake.hold("POST", r"/channels/\d+/messages$")
    handle = await h.fake.slash(w.member, w.study, "quiz start", questions=1, seconds=30, mode="buttons")
    assert "started a quiz" in (await handle.message())["content"]
    question = await h.fake.next_message(w.study)
    state = cog.running_in(w.guild.id, w.study.id)
    assert state is not None
    assert state.presenter.message is None  # the bot has not got its message back yet
    click = await h.fake.click(w.member, w.study, question, buttons(question)[0]["custom_id"])
    answer = await click.message()
    assert answer["flags"] & EPHEMERAL
    assert answer["content"].startswith("Answer recorded")
    gate.set()
    h.assert_alive()


@pytest.mark.parametrize(
    "term", ["VM escape", "Long " + "word " * 200, "Two\nlines", "#hashtag", "Ünïcödé: a/b (c)", "x" * 80]
)
def test_a_did_you_mean_custom_id_fits_discord_and_finds_its_entry_again(term: str) -> None:
    from bot.knowledge import Entry, Topic
    from cogs.lookup import SuggestionButton, entry_for_key

    topic = Topic("T", Path("t.yaml"))
    entries = [Entry(term, "d", topic=topic), Entry("Other", "d", topic=topic)]
    button = SuggestionButton.of(entries[0])
    custom_id = button.item.custom_id
    assert custom_id is not None
    assert 1 <= len(custom_id) <= 100
    match = SuggestionButton.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None
    assert entry_for_key(entries, match["key"]) is entries[0]


async def test_delete_my_data_confirmation_survives_a_restart_then_expires(start_bot: StartBot) -> None:
    from datetime import UTC, datetime

    from bot.clock import FakeClock

    first = await start_bot()
    w = first.world
    ask = await (await first.fake.slash(w.member, w.general, "privacy delete-my-data")).message()
    await first.close()
    second = await start_bot(restart_of=first)
    cancel = await second.fake.click(w.member, w.general, ask, button(ask, "Cancel")["custom_id"])
    await cancel.response()
    assert stored(second, ask)["content"] == "Nothing was deleted."
    assert all_disabled(stored(second, ask))

    again = await (await second.fake.slash(w.member, w.general, "privacy delete-my-data")).message()
    second.bot.store.clock = FakeClock(datetime.now(UTC) + timedelta(seconds=121))
    late = await second.fake.click(w.member, w.general, again, button(again, "Delete my data")["custom_id"])
    await late.response()
    assert stored(second, again)["content"] == (
        "This confirmation has expired: run `/privacy delete-my-data` again."
    )
    assert all_disabled(stored(second, again))
    second.assert_alive()
