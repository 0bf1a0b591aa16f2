"""The loopback Discord refuses what Discord refuses, and records it."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from tests.fakediscord import BOT_PERMISSIONS, FakeDiscord, Permissions
from tests.fakediscord.conftest import Clock
from tests.fakediscord.server import APPLICATION_COMMAND, would_ping

API = "/api/v10"


def channel_id(fake: FakeDiscord) -> int:
    guild = next(iter(fake.guilds.values()))
    return next(iter(guild.channels.values())).id


async def body(response: aiohttp.ClientResponse) -> Any:
    assert response.headers["Content-Type"] == "application/json"
    return json.loads(await response.read())


async def test_responses_have_exactly_application_json(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    async with http.get(f"{API}/users/@me") as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/json"
        assert (await body(response))["id"] == str(fake.bot_user.id)


async def test_a_wrong_token_is_unauthorized(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as session:
        url = f"{fake.api_base_url}/users/@me"
        async with session.get(url, headers={"Authorization": "Bot wrong"}) as response:
            assert response.status == 401


async def test_a_message_over_2000_characters_is_refused_and_recorded(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    async with http.post(
        f"{API}/channels/{channel_id(fake)}/messages", json={"content": "x" * 2001}
    ) as response:
        assert response.status == 400
        error = await body(response)
    assert error["code"] == 50035
    assert error["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    assert len(fake.violations) == 1
    assert "content: Must be 2000 or fewer in length." in fake.violations[0].problem
    assert fake.sends == []


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ({"embeds": [{"title": "t" * 257}]}, ["embeds", "0", "title"]),
        ({"embeds": [{"description": "d" * 4097}]}, ["embeds", "0", "description"]),
        (
            {"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]},
            ["embeds", "0", "fields", "0", "value"],
        ),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, ["embeds", "0", "fields"]),
        ({"embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}]}, ["embeds"]),
        ({"content": ""}, ["content"]),
        (
            {
                "content": "x",
                "components": [{"type": 1, "components": [{"type": 2, "style": 1, "label": "a"}]}],
            },
            ["components", "0", "components", "0", "custom_id"],
        ),
        (
            {
                "content": "x",
                "components": [
                    {"type": 1, "components": [{"type": 2, "style": 1, "label": "l" * 81, "custom_id": "a"}]}
                ],
            },
            ["components", "0", "components", "0", "label"],
        ),
    ],
)
async def test_embed_and_component_limits(
    fake: FakeDiscord, http: aiohttp.ClientSession, payload: dict[str, Any], path: list[str]
) -> None:
    async with http.post(f"{API}/channels/{channel_id(fake)}/messages", json=payload) as response:
        assert response.status == 400
        node = (await body(response))["errors"]
    for part in path:
        node = node[part]
    assert node["_errors"]
    assert len(fake.violations) == 1


async def test_a_wrong_content_type_is_refused(fake: FakeDiscord, http: aiohttp.ClientSession) -> None:
    async with http.post(
        f"{API}/channels/{channel_id(fake)}/messages",
        data=b'{"content": "hi"}',
        headers={"Content-Type": "text/plain"},
    ) as response:
        assert response.status == 400
    assert "Content-Type must be application/json" in fake.violations[0].problem


async def test_unknown_routes_answer_404_and_are_recorded(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    async with http.get(f"{API}/voice/regions") as response:
        assert response.status == 404
        assert (await body(response))["message"] == "404: Not Found"
    assert fake.violations[0].path == f"{API}/voice/regions"
    assert [c.path for c in fake.calls] == [f"{API}/voice/regions"]


async def test_sends_record_allowed_mentions_and_who_would_be_pinged(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    url = f"{API}/channels/{channel_id(fake)}/messages"
    async with http.post(url, json={"content": "@everyone look"}) as response:
        assert response.status == 200
    async with http.post(
        url, json={"content": "@everyone look", "allowed_mentions": {"parse": []}}
    ) as response:
        assert response.status == 200
    assert [s.pings for s in fake.sends] == [["everyone"], []]
    assert fake.sends[1].allowed_mentions == {"parse": []}
    assert len(fake.pings()) == 1


def test_would_ping() -> None:
    everything = {"content": "@here <@1> <@!2> <@&3>"}
    assert would_ping(everything, reply_to=None) == ["everyone", "user:1", "user:2", "role:3"]
    assert would_ping({**everything, "allowed_mentions": {"parse": []}}, reply_to=None) == []
    only_user = {**everything, "allowed_mentions": {"parse": [], "users": ["2"]}}
    assert would_ping(only_user, reply_to=None) == ["user:2"]
    assert would_ping({"content": "hi"}, reply_to={"id": "1"}) == ["replied_user"]
    quiet_reply = {"content": "hi", "allowed_mentions": {"parse": [], "replied_user": False}}
    assert would_ping(quiet_reply, reply_to={"id": "1"}) == []


async def test_interaction_callbacks_once_and_within_three_seconds(
    fake: FakeDiscord, clock: Clock, http: aiohttp.ClientSession
) -> None:
    guild = next(iter(fake.guilds.values()))
    member = fake.add_member(guild, "tester")
    channel = next(iter(guild.channels.values()))
    data = {"id": "1", "name": "x", "type": 1}
    first = fake._interaction_payload(APPLICATION_COMMAND, member, channel, data, None)
    callback = f"{API}/interactions/{first.id}/{first.token}/callback?with_response=1"
    async with aiohttp.ClientSession(base_url=http._base_url) as anonymous:
        reply = {"type": 4, "data": {"content": "hello", "allowed_mentions": {"parse": []}}}
        async with anonymous.post(callback, json=reply) as response:
            assert response.status == 200
            result = await body(response)
        assert result["resource"]["message"]["content"] == "hello"
        assert result["interaction"]["response_message_id"] == result["resource"]["message"]["id"]
        async with anonymous.post(callback, json=reply) as response:
            assert response.status == 400
            assert (await body(response))["code"] == 40060
        assert "second initial response" in fake.violations[-1].problem

        late = fake._interaction_payload(APPLICATION_COMMAND, member, channel, data, None)
        clock.now += 3.01
        async with anonymous.post(
            f"{API}/interactions/{late.id}/{late.token}/callback?with_response=1", json=reply
        ) as response:
            assert response.status == 404
            assert (await body(response))["code"] == 10062
        assert "limit 3 s" in fake.violations[-1].problem

        # Follow-ups need ?wait=1 and an acknowledged interaction; no Authorization header on webhooks.
        followup = f"{API}/webhooks/{fake.application_id}/{first.token}"
        async with anonymous.post(followup, json={"content": "more"}) as response:
            assert response.status == 400
        async with anonymous.post(followup + "?wait=1", json={"content": "more"}) as response:
            assert response.status == 200
        async with anonymous.post(
            f"{API}/webhooks/{fake.application_id}/{late.token}?wait=1", json={"content": "x"}
        ) as response:
            assert response.status == 404
    async with http.post(followup + "?wait=1", json={"content": "more"}) as response:
        assert response.status == 400, "webhook calls must not carry the bot token"


async def test_autocomplete_results_are_limited(fake: FakeDiscord, http: aiohttp.ClientSession) -> None:
    guild = next(iter(fake.guilds.values()))
    member = fake.add_member(guild, "tester")
    channel = next(iter(guild.channels.values()))
    record = fake._interaction_payload(4, member, channel, {"id": "1", "name": "x", "type": 1}, None)
    choices = [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)]
    async with aiohttp.ClientSession(base_url=http._base_url) as anonymous:
        url = f"{API}/interactions/{record.id}/{record.token}/callback"
        async with anonymous.post(url, json={"type": 8, "data": {"choices": choices}}) as response:
            assert response.status == 400
        async with anonymous.post(
            url, json={"type": 8, "data": {"choices": [{"name": "n" * 101, "value": "v"}]}}
        ) as response:
            assert response.status == 400
        async with anonymous.post(url, json={"type": 8, "data": {"choices": choices[:25]}}) as response:
            assert response.status == 200
    assert len(fake.violations) == 2
    assert record.choices == choices[:25]


async def test_injected_rate_limits_and_server_errors(fake: FakeDiscord, http: aiohttp.ClientSession) -> None:
    fake.inject("GET", r"/users/@me$", status=429, count=2, retry_after=0.25)
    fake.inject("GET", r"/users/@me$", status=503, count=1)
    statuses = []
    for _ in range(4):
        async with http.get(f"{API}/users/@me") as response:
            statuses.append(response.status)
            if response.status == 429:
                assert response.headers["Via"] == "1.1 google"
                assert (await body(response))["retry_after"] == 0.25
    assert statuses == [429, 429, 503, 200]


async def test_scheduled_events_are_validated_and_stored(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    guild = next(iter(fake.guilds.values()))
    url = f"{API}/guilds/{guild.id}/scheduled-events"
    async with http.post(url, json={"name": "Quiz", "privacy_level": 2, "entity_type": 3}) as response:
        assert response.status == 400
        errors = (await body(response))["errors"]
    assert {"scheduled_start_time", "entity_metadata", "scheduled_end_time"} <= set(errors)
    event = {
        "name": "Weekly quiz",
        "privacy_level": 2,
        "entity_type": 3,
        "scheduled_start_time": "2026-12-01T18:00:00+00:00",
        "scheduled_end_time": "2026-12-01T18:30:00+00:00",
        "entity_metadata": {"location": "#study-hall"},
    }
    async with http.post(url, json=event) as response:
        assert response.status == 200
        created = await body(response)
    async with http.patch(f"{url}/{created['id']}", json={"name": "Weekly quiz (moved)"}) as response:
        assert response.status == 200
    async with http.get(url) as response:
        assert [e["name"] for e in await body(response)] == ["Weekly quiz (moved)"]
    async with http.delete(f"{url}/{created['id']}") as response:
        assert response.status == 204
    async with http.get(url) as response:
        assert await body(response) == []
    assert len(fake.violations) == 1


async def test_gateway_bot_and_shard_assignment(fake: FakeDiscord, http: aiohttp.ClientSession) -> None:
    fake.recommended_shards = 3
    async with http.get(f"{API}/gateway/bot") as response:
        data = await body(response)
    assert data["url"] == fake.gateway_url
    assert data["shards"] == 3
    guild = next(iter(fake.guilds.values()))
    assert guild.shard_id(3) == (guild.id >> 22) % 3


async def test_commands_are_validated_and_echoed_with_ids(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    url = f"{API}/applications/{fake.application_id}/commands"
    async with http.put(url, json=[{"name": "Bad Name", "description": "x", "type": 1}]) as response:
        assert response.status == 400
    async with http.put(
        url, json=[{"name": "define", "description": "Look up a term", "type": 1}]
    ) as response:
        assert response.status == 200
        (command,) = await body(response)
    assert command["application_id"] == str(fake.application_id)
    assert command["id"].isdigit()
    assert fake.global_commands == [command]


def test_the_bot_role_has_exactly_the_invite_permissions() -> None:
    assert BOT_PERMISSIONS == 283467926592
    fake = FakeDiscord()
    guild = fake.add_guild("G")
    assert fake.bot_permissions(guild.id) == BOT_PERMISSIONS | guild.everyone.permissions


async def test_the_bot_needs_send_messages_and_read_history_to_reply(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    guild = next(iter(fake.guilds.values()))
    url = f"{API}/channels/{channel_id(fake)}/messages"
    async with http.post(url, json={"content": "first"}) as response:
        first = await body(response)
    for role in guild.roles.values():
        role.permissions &= ~Permissions.READ_MESSAGE_HISTORY
    reply = {"content": "re", "message_reference": {"message_id": first["id"]}}
    async with http.post(url, json=reply) as response:
        assert response.status == 400
        assert (await body(response))["code"] == 160002
    for role in guild.roles.values():
        role.permissions &= ~Permissions.SEND_MESSAGES
    async with http.post(url, json={"content": "hi"}) as response:
        assert response.status == 403
        assert (await body(response))["code"] == 50013
    async with http.put(f"{url}/{first['id']}/reactions/%F0%9F%91%8D/@me") as response:
        assert response.status == 403
    assert len(fake.violations) == 3
