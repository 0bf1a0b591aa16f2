"""End to end: questions wrapped in Discord markup, sent as Discord sends them, are read as plain questions.

Each shape goes through the loopback Discord's MESSAGE_CREATE (``mentions``, ``mention_roles`` and
``mention_everyone`` filled in from the content the way Discord does) to the real bot, which must answer
with the entry, as a reply that pings nobody.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.conftest import Harness, StartBot, World
from tests.fakediscord import Channel

pytestmark = pytest.mark.e2e

Q = "what is vm escape"

#: Message content, given the world, the bot's id and a role id: each must be answered with "VM escape".
Shape = Callable[[World, int, int], str]

SHAPES: dict[str, Shape] = {
    "plain": lambda w, b, r: Q,
    "@here": lambda w, b, r: f"@here {Q}",
    "@everyone": lambda w, b, r: f"@everyone {Q}",
    "user mention": lambda w, b, r: f"<@{w.moderator.id}> {Q}",
    "nickname mention": lambda w, b, r: f"<@!{w.moderator.id}> {Q}",
    "role mention": lambda w, b, r: f"<@&{r}> {Q}",
    "several addressees": lambda w, b, r: f"<@{w.moderator.id}>, <@&{r}> @here: {Q}?",
    "trailing @everyone": lambda w, b, r: f"{Q}, @everyone?",
    "channel mention": lambda w, b, r: f"<#{w.general.id}> {Q}",
    "custom emoji": lambda w, b, r: f"{Q} <:thinking:112233445566778899>",
    "animated emoji": lambda w, b, r: f"<a:wave:112233445566778899> {Q}",
    "shortcode emoji": lambda w, b, r: f"{Q} :thinking:",
    "timestamp": lambda w, b, r: f"{Q} <t:1700000000:R>",
    "bold": lambda w, b, r: "what is **vm escape**?",
    "italics": lambda w, b, r: "what is *vm escape*?",
    "underscore italics": lambda w, b, r: "what is _vm escape_?",
    "underline": lambda w, b, r: "what is __vm escape__?",
    "bold italics": lambda w, b, r: "***what is vm escape***",
    "strike": lambda w, b, r: "what is ~~a sandwich~~ vm escape",
    "spoiler": lambda w, b, r: "what is ||vm escape||",
    "inline code": lambda w, b, r: "what is `vm escape`",
    "code block": lambda w, b, r: f"```\n{Q}\n```",
    "code block with language": lambda w, b, r: f"```txt\n{Q}?\n```",
    "quote then question": lambda w, b, r: f"> anyone up for lunch?\n{Q}",
    "quoted question": lambda w, b, r: f"> {Q}",
    "multi-line quote": lambda w, b, r: f">>> {Q}\nanyone?",
    "heading": lambda w, b, r: f"# {Q}",
    "small heading": lambda w, b, r: f"### {Q}",
    "subtext": lambda w, b, r: f"-# {Q}",
    "bullet": lambda w, b, r: f"- {Q}",
    "numbered": lambda w, b, r: f"1. {Q}",
    "masked link": lambda w, b, r: "what is [vm escape](https://example.com/vm-escape)?",
    "suppressed link": lambda w, b, r: f"{Q} <https://example.com/x>",
    "everything at once": lambda w, b, r: (
        f"<@{w.moderator.id}> @everyone\n> lunch?\n## what is **||[vm escape](https://example.com)||** "
        "<:thinking:1> <t:1700000000:R>"
    ),
}


def mod_role(h: Harness) -> int:
    """The moderators' role id (a role that exists, so Discord lists it in ``mention_roles``)."""
    return next(r.id for r in h.world.moderator.roles)


async def ask_all(h: Harness, channel: Channel, prefix: str) -> None:
    """Send every shape (after ``prefix``) and check each is answered with the VM escape entry."""
    w = h.world
    bot_id = h.fake.bot_user.id
    for name, shape in SHAPES.items():
        asked = await h.fake.send_message(w.member, channel, prefix + shape(w, bot_id, mod_role(h)))
        reply = await h.fake.next_message(channel)
        h.assert_alive()
        assert reply["embeds"], f"{name}: {reply['content']!r}"
        assert reply["embeds"][0]["title"] == "VM escape", name
        assert reply["message_reference"]["message_id"] == asked["id"], name
    assert h.fake.unread_messages(channel) == []
    assert all(send.allowed_mentions == {"parse": [], "replied_user": False} for send in h.fake.sends)


async def test_every_markup_shape_is_answered_in_a_study_channel(start_bot: StartBot) -> None:
    h = await start_bot({"lookup": {"cooldown_rate": 1000}})
    await ask_all(h, h.world.study, "")


async def test_every_markup_shape_is_answered_when_the_bot_is_mentioned(start_bot: StartBot) -> None:
    h = await start_bot({"lookup": {"cooldown_rate": 1000}})
    await ask_all(h, h.world.general, f"<@{h.fake.bot_user.id}> ")


async def test_without_message_content_the_mentioned_bot_still_reads_markup(start_bot: StartBot) -> None:
    h = await start_bot(
        {"lookup": {"cooldown_rate": 1000}, "discord": {"message_content": False}},
        message_content_allowed=False,
    )
    w = h.world
    # not mentioned: Discord blanks the content, the bot sees nothing to answer
    await h.fake.send_message(w.member, w.study, f"@everyone {Q}")
    await ask_all(h, w.general, f"{h.fake.bot_user.mention} ")
    assert h.fake.unread_messages(w.study) == []


async def test_an_out_of_scope_question_in_markup_gets_not_in_the_notes(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await h.fake.send_message(
        w.member, w.general, f"{h.fake.bot_user.mention} @everyone what is a **sandwich** <:yum:1>?"
    )
    reply = await h.fake.next_message(w.general)
    assert reply["content"] == "“what is a sandwich?” is not in the notes."
    assert h.fake.pings() == []
    h.assert_alive()


def test_the_shapes_cover_every_kind_of_markup() -> None:
    """The count quoted in the issue's closing note."""
    assert len(SHAPES) == 34
