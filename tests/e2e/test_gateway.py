"""End to end: intents, gateway drops (resume and re-identify), shards, rate limits and server errors."""

from __future__ import annotations

import asyncio
import gc
import logging
import warnings

import discord
import pytest

from bot.config import load_settings
from bot.discord_bot import ShardedStudyBot, StartupRefused, create_bot, run_bot
from tests.e2e.conftest import StartBot, World, build_world
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.e2e

INTENT_MESSAGE_CONTENT = 1 << 15


async def test_without_message_content_mentions_still_work_and_plain_questions_are_lost(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.discord_bot")
    h = await start_bot({"discord": {"message_content": False}}, message_content_allowed=False)
    w = h.world
    assert not h.fake.identify_payloads[0]["intents"] & INTENT_MESSAGE_CONTENT
    assert any("plain questions in study channels are not seen" in r.getMessage() for r in caplog.records)

    # Discord blanks the content of this one, so the bot cannot answer it...
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    # ...but a mention carries its content.
    await h.fake.send_message(w.member, w.study, f"{h.fake.bot_user.mention} what is a VM?")
    reply = await h.fake.next_message(w.study)
    assert reply["embeds"][0]["title"] == "Virtual machine"
    assert h.fake.unread_messages(w.study) == []
    # Slash commands do not need the intent at all.
    card = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert card["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()


async def test_with_message_content_on_the_intent_is_requested(start_bot: StartBot) -> None:
    h = await start_bot()
    intents = h.fake.identify_payloads[0]["intents"]
    assert intents & INTENT_MESSAGE_CONTENT
    assert not intents & (1 << 1), "no members intent"
    assert not intents & (1 << 8), "no presence intent"


async def test_message_content_requested_but_not_enabled_in_the_portal_stops_the_bot(tmp_path) -> None:
    async with FakeDiscord(message_content_allowed=False) as fake:
        build_world(fake)
        config = tmp_path / "config.yaml"
        config.write_text(
            f"discord:\n  api_base_url: {fake.api_base_url}\n  gateway_url: {fake.gateway_url}\n",
            encoding="utf-8",
        )
        bot = create_bot(load_settings(config, {"DISCORD_TOKEN": fake.token}), guild_ready_timeout=0.05)
        with pytest.raises(StartupRefused) as caught:
            await asyncio.wait_for(run_bot(bot), 10)
        assert isinstance(caught.value.__context__, discord.PrivilegedIntentsRequired)
        assert caught.value.config_problem
        assert "Message Content intent" in str(caught.value)


async def test_a_dropped_gateway_resumes_and_replays_missed_events(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    session = next(iter(h.fake.sessions.values()))
    await h.fake.drop_gateway(4000)
    # Sent while the bot is disconnected: Discord replays it after RESUME.
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    await h.fake.wait_for_connection(resumes=1)
    reply = await h.fake.next_message(w.study)
    assert reply["embeds"][0]["title"] == "Hypervisor"
    assert len(h.fake.identify_payloads) == 1
    assert session.resumes == 1
    h.assert_alive()


async def test_a_non_resumable_close_makes_the_bot_identify_again(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await h.fake.drop_gateway(4009)
    await h.fake.wait_for_connection(identifies=2)
    handle = await h.fake.slash(w.member, w.general, "define", term="hypervisor")
    assert (await handle.message())["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()


def two_shard_world(fake: FakeDiscord) -> World:
    """The usual world plus guilds until both of two shards own at least one."""
    world = build_world(fake)
    for _ in range(10):
        if len({g.shard_id(2) for g in fake.guilds.values()}) == 2:
            break
        fake.new_id()  # shifts the next guild id by one, so it lands on the other shard
        fake.add_guild(f"Guild {len(fake.guilds)}")
    return world


async def test_shards_identify_separately_and_each_answers_its_guilds(start_bot: StartBot) -> None:
    h = await start_bot(lambda w: {"discord": {"shard_count": 2, "sync": "global"}}, world=two_shard_world)
    assert isinstance(h.bot, ShardedStudyBot)
    await h.fake.wait_until_ready(shards=2)
    assert sorted(tuple(p["shard"]) for p in h.fake.identify_payloads) == [(0, 2), (1, 2)]
    for guild in h.fake.guilds.values():
        member = h.fake.add_member(guild, f"student-{guild.id}")
        channel = next(iter(guild.channels.values()))
        handle = await h.fake.slash(member, channel, "define", term="VM")
        message = await handle.message()
        assert message["embeds"][0]["title"] == "Virtual machine"
        assert "guild_id" not in handle.record.payload["data"], "global commands carry no data.guild_id"
    assert len(h.bot.guilds) == len(h.fake.guilds)
    h.assert_alive()


async def test_a_rate_limited_send_is_retried(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    h.fake.inject("POST", r"/channels/\d+/messages$", status=429, count=1, retry_after=0.01)
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    reply = await h.fake.next_message(w.study)
    assert reply["embeds"][0]["title"] == "Hypervisor"
    statuses = [c.status for c in h.fake.calls_to("POST", r"/channels/\d+/messages$")]
    assert statuses == [429, 200]
    h.assert_alive()


async def test_a_server_error_on_send_is_retried(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    h.fake.inject("POST", r"/channels/\d+/messages$", status=502, count=1)
    await h.fake.send_message(w.member, w.study, "what is a hypervisor?")
    reply = await h.fake.next_message(w.study, timeout=10)
    assert reply["embeds"][0]["title"] == "Hypervisor"
    assert [c.status for c in h.fake.calls_to("POST", r"/channels/\d+/messages$")] == [502, 200]
    h.assert_alive()


@pytest.mark.parametrize("shards", [None, 2])
async def test_an_event_after_close_is_dropped_without_a_never_awaited_coroutine(
    start_bot: StartBot, shards: int | None
) -> None:
    """discord.py's close() leaves ``loop`` MISSING; a shard winding down then dispatched 'disconnect',
    whose handler coroutine was made and never awaited (the occasional warning of the shards test)."""
    config = {"discord": {"shard_count": shards, "sync": "global"}} if shards else {}
    h = await start_bot(lambda w: config, world=two_shard_world if shards else build_world)
    await h.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        h.bot.dispatch("disconnect")
        h.bot.dispatch("shard_disconnect", 0)
        h.bot.dispatch("ready")
        gc.collect()
    assert [str(w.message) for w in caught if "never awaited" in str(w.message)] == []
