"""A loopback Discord: REST under /api/v10 and a gateway websocket, strict about what Discord rejects.

Start one per test (``async with FakeDiscord() as fake``), point the bot at ``fake.api_base_url`` and
``fake.gateway_url``, then drive it: ``fake.slash``, ``fake.autocomplete``, ``fake.click``,
``fake.send_message``, ``fake.add_reaction``, ``fake.drop_gateway``. Every REST call is in ``fake.calls``,
every message the bot sends in ``fake.sends`` (with its allowed_mentions), and everything Discord would
have refused in ``fake.violations`` (tests should assert it stays empty).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakediscord.cdn import FakeCdn, Upload
from tests.fakediscord.limits import (
    Problems,
    choice_problems,
    command_problems,
    form_error,
    message_problems,
    scheduled_event_problems,
)
from tests.fakediscord.models import (
    BOT_PERMISSIONS,
    Channel,
    Guild,
    Member,
    Permissions,
    Role,
    Snowflakes,
    User,
    timestamp,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
EPHEMERAL = 1 << 6
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_MESSAGE_CONTENT = 1 << 15
INTENT_GUILD_SCHEDULED_EVENTS = 1 << 16
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | (1 << 8) | INTENT_MESSAGE_CONTENT

#: Interaction types and callback types.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL = (
    4,
    5,
    6,
    7,
    8,
    9,
)
#: How long Discord waits for the first response to an interaction.
INTERACTION_DEADLINE = 3.0
#: How long an interaction token accepts follow-ups.
TOKEN_LIFETIME = 15 * 60.0
#: How long a test waits for something the bot should do (seconds). Waits are event-driven and return as
#: soon as it happens, so this only bounds a failing wait; it is generous because the suite shares two
#: cores with other work, where a bot message has been seen to take over 5 s.
WAIT_S = 30.0

OPTION_TYPES = {
    str: 3,
    int: 4,
    bool: 5,
    float: 10,
}


class FakeDiscordError(AssertionError):
    """A test asked the fake for something impossible (unknown command, timeout...)."""


@dataclass
class Call:
    """One REST request the bot made and the status it got."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    status: int = 0

    def __repr__(self) -> str:
        return f"<Call {self.method} {self.path} -> {self.status}>"


@dataclass
class Violation:
    """Something Discord would have refused (the fake answered with an error)."""

    method: str
    path: str
    status: int
    problem: str


@dataclass
class Send:
    """One message the bot sent or edited, with the allowed_mentions it carried."""

    kind: str  # "channel", "reply", "interaction", "followup", "edit", "update"
    channel_id: int | None
    payload: dict[str, Any]
    allowed_mentions: dict[str, Any] | None
    pings: list[str]

    @property
    def text(self) -> str:
        """Content plus every embed's text, for searching."""
        return message_text(self.payload)


def message_text(message: dict[str, Any]) -> str:
    """The content and all embed text of a message payload."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f.get('name')}: {f.get('value')}" for f in embed.get("fields") or []]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(p for p in parts if p)


def would_ping(payload: dict[str, Any], *, reply_to: dict[str, Any] | None) -> list[str]:
    """Who this message would notify: 'everyone', 'user:<id>', 'role:<id>', 'replied_user'."""
    content = payload.get("content") or ""
    allowed = payload.get("allowed_mentions")
    parse = set(allowed.get("parse", [])) if allowed is not None else {"everyone", "users", "roles"}
    users = {str(u) for u in (allowed or {}).get("users", [])}
    roles = {str(r) for r in (allowed or {}).get("roles", [])}
    pings: list[str] = []
    if re.search(r"@(everyone|here)", content) and "everyone" in parse:
        pings.append("everyone")
    for uid in re.findall(r"<@!?(\d+)>", content):
        if "users" in parse or uid in users:
            pings.append(f"user:{uid}")
    for rid in re.findall(r"<@&(\d+)>", content):
        if "roles" in parse or rid in roles:
            pings.append(f"role:{rid}")
    if reply_to is not None and (allowed is None or allowed.get("replied_user", True)):
        pings.append("replied_user")
    return pings


@dataclass
class InteractionRecord:
    """An interaction sent to the bot and everything it answered."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    created: float
    channel_id: int | None
    response_type: int | None = None
    response: dict[str, Any] | None = None
    original: dict[str, Any] | None = None
    timeline: list[dict[str, Any]] = field(default_factory=list)
    choices: list[dict[str, Any]] | None = None
    deleted: bool = False

    @property
    def acknowledged(self) -> bool:
        """Whether an initial response was accepted."""
        return self.response_type is not None


class InteractionHandle:
    """What a test holds after sending an interaction: await the bot's answers."""

    def __init__(self, fake: FakeDiscord, record: InteractionRecord) -> None:
        self.fake = fake
        self.record = record
        self._cursor = 0

    async def response(self, timeout: float = WAIT_S) -> dict[str, Any]:  # noqa: ASYNC109 - a test API
        """The initial callback body ``{"type": ..., "data": ...}``."""
        await self.fake.wait_for(lambda: self.record.response is not None, timeout, "an interaction response")
        assert self.record.response is not None
        return self.record.response

    async def message(self, timeout: float = WAIT_S) -> dict[str, Any]:  # noqa: ASYNC109 - a test API
        """The next message shown for this interaction (response, edit of a deferral, or follow-up)."""
        await self.fake.wait_for(
            lambda: len(self.record.timeline) > self._cursor, timeout, "a message for the interaction"
        )
        message = self.record.timeline[self._cursor]
        self._cursor += 1
        return message

    async def choices(self, timeout: float = WAIT_S) -> list[dict[str, Any]]:  # noqa: ASYNC109 - a test API
        """The autocomplete choices."""
        await self.fake.wait_for(lambda: self.record.choices is not None, timeout, "autocomplete choices")
        assert self.record.choices is not None
        return self.record.choices

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every message shown for this interaction so far."""
        return list(self.record.timeline)


@dataclass
class Fault:
    """An injected failure for the next ``count`` calls matching ``method`` and ``pattern``."""

    method: str
    pattern: re.Pattern[str]
    status: int
    count: int
    retry_after: float = 0.01
    via: bool = True


@dataclass
class GatewaySession:
    """One identified gateway session (one per shard)."""

    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    resumable: bool = True
    identifies: int = 1
    resumes: int = 0


class FakeDiscord:
    """A Discord-compatible REST and gateway server on 127.0.0.1."""

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        message_content_allowed: bool = True,
        clock: Callable[[], float] = time.monotonic,
        recommended_shards: int = 1,
        bot_name: str = "StudyBot",
    ) -> None:
        self.token = token
        self.message_content_allowed = message_content_allowed
        self.clock = clock
        self.recommended_shards = recommended_shards
        self.new_id = Snowflakes()
        self.application_id = self.new_id()
        self.bot_user = User(self.application_id, bot_name, bot=True)
        self.owner = User(self.new_id(), "app-owner")
        self.guilds: dict[int, Guild] = {}
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user, self.owner.id: self.owner}
        self.calls: list[Call] = []
        self.violations: list[Violation] = []
        self.sends: list[Send] = []
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.channel_messages: dict[int, list[dict[str, Any]]] = {}
        self._channel_cursor: dict[int, int] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self.scheduled_events: dict[int, dict[str, Any]] = {}
        self.reactions: list[tuple[str, int, int, str]] = []  # (action, channel, message, emoji)
        self.sessions: dict[str, GatewaySession] = {}
        self.identify_payloads: list[dict[str, Any]] = []
        self.faults: list[Fault] = []
        #: (method, path regex, gate): a matching call is handled, then its response waits for the gate
        self.gates: list[tuple[str, re.Pattern[str], asyncio.Event]] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._closed_by_fake: set[web.WebSocketResponse] = set()
        self.port = 0
        #: Attachments (uploaded by members, or sent by the bot) at signed, expiring loopback URLs.
        self.cdn = FakeCdn(lambda: f"http://127.0.0.1:{self.port}", clock)
        #: What the interaction payload tells the client the upload limit is (bytes).
        self.attachment_size_limit = 10 * 1024 * 1024

    # --- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        """Listen on a random port of 127.0.0.1."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        """Close every socket and stop listening."""
        for ws in list(self._sockets):
            await ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def api_base_url(self) -> str:
        """The value for ``discord.api_base_url``."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """The value for ``discord.gateway_url``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- building the world ----------------------------------------------------------------------

    def add_user(self, username: str, *, bot: bool = False) -> User:
        """A new user (not yet in any guild)."""
        user = User(self.new_id(), username, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str = "Study Group", *, owner: User | None = None) -> Guild:
        """A guild the bot is in, with an owner, the bot's member and a #general channel."""
        owner = owner or self.add_user(f"{name.lower().replace(' ', '-')}-owner")
        guild = Guild(self.new_id(), name, owner.id, self.new_id)
        guild.add_member(owner)
        bot_role = guild.add_role(self.bot_user.username, BOT_PERMISSIONS)
        guild.add_member(self.bot_user, [bot_role])
        guild.add_text_channel("general")
        self.guilds[guild.id] = guild
        return guild

    def add_member(self, guild: Guild, username: str, roles: Iterable[Role] = ()) -> Member:
        """A new user who is a member of ``guild``."""
        return guild.add_member(self.add_user(username), list(roles))

    def channel(self, channel_id: int) -> Channel | None:
        """The channel with this id in any guild."""
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild.channels[channel_id]
        return None

    async def add_guild_live(self, guild: Guild) -> None:
        """Announce a guild created after the bot connected (GUILD_CREATE)."""
        await self.dispatch("GUILD_CREATE", self._guild_create(guild), guild_id=guild.id)

    # --- waiting -----------------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(
        self,
        predicate: Callable[[], bool],
        timeout: float = WAIT_S,  # noqa: ASYNC109 - a test API
        what: str = "a condition",
    ) -> None:
        """Wait (event-driven) until ``predicate()`` holds; FakeDiscordError after ``timeout`` seconds."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
            except TimeoutError:
                raise FakeDiscordError(f"timed out after {timeout} s waiting for {what}") from None

    async def next_message(self, channel: Channel | int, timeout: float = WAIT_S) -> dict[str, Any]:  # noqa: ASYNC109 - a test API
        """The next message the bot posted in ``channel`` (POST /channels/{id}/messages) not yet returned."""
        channel_id = channel if isinstance(channel, int) else channel.id
        position = self._channel_cursor.get(channel_id, 0)
        await self.wait_for(
            lambda: len(self.channel_messages.get(channel_id, [])) > position,
            timeout,
            f"a bot message in channel {channel_id}",
        )
        self._channel_cursor[channel_id] = position + 1
        return self.channel_messages[channel_id][position]

    def unread_messages(self, channel: Channel | int) -> list[dict[str, Any]]:
        """Bot messages in ``channel`` that next_message has not returned yet."""
        channel_id = channel if isinstance(channel, int) else channel.id
        return self.channel_messages.get(channel_id, [])[self._channel_cursor.get(channel_id, 0) :]

    async def wait_until_ready(self, shards: int = 1, timeout: float = WAIT_S) -> None:  # noqa: ASYNC109 - a test API
        """Wait until ``shards`` sessions identified and got their guilds."""
        await self.wait_for(
            lambda: sum(1 for s in self.sessions.values() if s.ws is not None) >= shards,
            timeout,
            f"{shards} identified gateway session(s)",
        )

    # --- gateway -------------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.add(ws)
        session: GatewaySession | None = None
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op, data = frame.get("op"), frame.get("d")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11, "d": None}))
                elif op == 2:
                    session = await self._identify(ws, data)
                elif op == 6:
                    session = await self._resume(ws, data)
                elif op == 8:
                    await self._request_members(session, data)
        finally:
            self._sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
                if ws.close_code in (1000, 1001) and ws not in self._closed_by_fake:
                    session.resumable = False  # the bot closed cleanly: that ends the session, as on Discord
            self._closed_by_fake.discard(ws)
            await self._notify()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        self.identify_payloads.append(data)
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        intents = int(data.get("intents", 0))
        if intents & INTENT_MESSAGE_CONTENT and not self.message_content_allowed:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        shard = tuple(data.get("shard") or (0, 1))
        if len(shard) != 2 or not 0 <= shard[0] < shard[1]:
            await ws.close(code=4010, message=b"Invalid shard.")
            return None
        for old in list(self.sessions.values()):
            if old.shard == shard:
                old.resumable = False
                if old.ws is not None and old.ws is not ws:
                    self._closed_by_fake.add(old.ws)
                    await old.ws.close(code=4009)
        session = GatewaySession(secrets.token_hex(16), (shard[0], shard[1]), intents, ws=ws)
        self.sessions[session.id] = session
        guilds = [g for g in self.guilds.values() if g.shard_id(shard[1]) == shard[0]]
        ready = {
            "v": 10,
            "user": self.bot_user.payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "resume_gateway_url": self.gateway_url,
            "shard": list(shard),
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._send_event(session, "READY", ready)
        for guild in guilds:
            await self._send_event(session, "GUILD_CREATE", self._guild_create(guild))
        await self._notify()
        return session

    def _guild_create(self, guild: Guild) -> dict[str, Any]:
        me = guild.members[self.bot_user.id]
        events = [e for e in self.scheduled_events.values() if int(e["guild_id"]) == guild.id]
        return guild.payload(members=[me], scheduled_events=events)

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> GatewaySession | None:
        session = self.sessions.get(str(data.get("session_id")))
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        if session is None or not session.resumable:
            await ws.send_str(json.dumps({"op": 9, "d": False, "s": None, "t": None}))
            return None
        session.ws = ws
        session.resumes += 1
        since = int(data.get("seq") or 0)
        for frame in [f for f in session.sent if f["s"] > since]:
            await ws.send_str(json.dumps(frame))
        await self._send_event(session, "RESUMED", {})
        await self._notify()
        return session

    async def _request_members(self, session: GatewaySession | None, data: dict[str, Any]) -> None:
        if session is None:
            return
        guild = self.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        members = list(guild.members.values())
        if data.get("user_ids"):
            wanted = {int(u) for u in data["user_ids"]}
            members = [m for m in members if m.id in wanted]
        chunk = {
            "guild_id": str(guild.id),
            "members": [m.payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self._send_event(session, "GUILD_MEMBERS_CHUNK", chunk)

    async def _send_event(self, session: GatewaySession, name: str, data: dict[str, Any]) -> None:
        session.seq += 1
        frame = {"op": 0, "t": name, "s": session.seq, "d": data}
        session.sent.append(frame)
        if session.ws is not None and not session.ws.closed:
            await session.ws.send_str(json.dumps(frame))

    def session_for(self, guild_id: int | None) -> GatewaySession:
        """The newest session of the shard that owns ``guild_id`` (shard 0 for DMs)."""
        candidates = [s for s in self.sessions.values() if s.resumable]
        if not candidates:
            raise FakeDiscordError("the bot has no gateway session (did it connect?)")
        for session in reversed(candidates):
            shard_id, count = session.shard
            wanted = self.guilds[guild_id].shard_id(count) if guild_id in self.guilds else 0
            if shard_id == wanted:
                return session
        raise FakeDiscordError(f"no gateway session owns guild {guild_id}")

    async def dispatch(
        self, name: str, data: dict[str, Any], *, guild_id: int | None = None, intent: int | None = None
    ) -> None:
        """Send a dispatch event to the shard owning ``guild_id`` (buffered while it is disconnected)."""
        session = self.session_for(guild_id)
        if intent is not None and not session.intents & intent:
            return
        await self._send_event(session, name, data)

    async def drop_gateway(
        self, code: int = 4000, *, shard_id: int = 0, resumable: bool | None = None
    ) -> None:
        """Close the shard's socket with ``code`` (4000 resumable; 4009 makes the session non-resumable)."""
        session = next(
            (s for s in reversed(list(self.sessions.values())) if s.shard[0] == shard_id and s.resumable),
            None,
        )
        if session is None or session.ws is None:
            raise FakeDiscordError(f"shard {shard_id} is not connected")
        session.resumable = code not in (4009,) if resumable is None else resumable
        self._closed_by_fake.add(session.ws)
        await session.ws.close(code=code, message=b"closed by the test")

    async def wait_for_connection(self, *, identifies: int | None = None, resumes: int | None = None) -> None:
        """Wait until shard sessions reached ``identifies`` IDENTIFYs in total or ``resumes`` RESUMEs."""

        def reached() -> bool:
            live = [s for s in self.sessions.values() if s.ws is not None]
            if identifies is not None and len(self.identify_payloads) < identifies:
                return False
            if resumes is not None and sum(s.resumes for s in self.sessions.values()) < resumes:
                return False
            return bool(live)

        await self.wait_for(reached, WAIT_S, "the bot to reconnect")

    # --- driving the bot ------------------------------------------------------------------------

    async def send_message(
        self,
        author: Member,
        channel: Channel,
        content: str,
        *,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A member posts ``content`` in ``channel`` (MESSAGE_CREATE); mentions are parsed from the text."""
        guild = self.guilds[channel.guild_id]
        mentioned = [int(u) for u in re.findall(r"<@!?(\d+)>", content)]
        mentions = []
        for uid in mentioned:
            user = self.users.get(uid)
            if user is None:
                continue
            item = user.payload()
            if uid in guild.members:
                item["member"] = guild.members[uid].payload(with_user=False)
            mentions.append(item)
        message = {
            "id": str(self.new_id()),
            "channel_id": str(channel.id),
            "guild_id": str(guild.id),
            "author": author.user.payload(),
            "member": author.payload(with_user=False),
            "content": content,
            "timestamp": timestamp(),
            "edited_timestamp": None,
            "tts": False,
            # Discord sets it for @everyone and @here, only when the author may ping them
            "mention_everyone": bool(re.search(r"@(everyone|here)\b", content))
            and bool(author.permissions & Permissions.MENTION_EVERYONE),
            "mentions": mentions,
            "mention_roles": [r for r in re.findall(r"<@&(\d+)>", content) if int(r) in guild.roles],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 19 if reply_to else 0,
            "flags": 0,
            "components": [],
        }
        if reply_to is not None:
            message["message_reference"] = {
                "message_id": reply_to["id"],
                "channel_id": reply_to["channel_id"],
                "guild_id": str(guild.id),
            }
            message["referenced_message"] = reply_to
        self.messages[int(message["id"])] = message
        session = self.session_for(guild.id)
        seen = dict(message)
        bot_mentioned = self.bot_user.id in mentioned
        if not session.intents & INTENT_MESSAGE_CONTENT and not bot_mentioned and not author.user.bot:
            seen.update(content="", embeds=[], attachments=[], components=[])
        await self._send_event(session, "MESSAGE_CREATE", seen)
        return message

    def _interaction_payload(
        self,
        kind: int,
        member: Member,
        channel: Channel,
        data: dict[str, Any],
        message: dict[str, Any] | None,
    ) -> InteractionRecord:
        guild = member.guild
        bot_member = guild.members[self.bot_user.id]
        record = InteractionRecord(
            id=self.new_id(),
            token=f"itoken-{secrets.token_urlsafe(24)}",
            type=kind,
            payload={},
            created=self.clock(),
            channel_id=channel.id,
        )
        payload: dict[str, Any] = {
            "id": str(record.id),
            "application_id": str(self.application_id),
            "type": kind,
            "token": record.token,
            "version": 1,
            "attachment_size_limit": self.attachment_size_limit,
            "data": data,
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id),
            "channel": channel.payload(),
            "member": member.payload(with_permissions=True),
            "app_permissions": str(bot_member.permissions),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
        }
        if message is not None:
            payload["message"] = message
        record.payload = payload
        self.interactions[record.id] = record
        self._by_token[record.token] = record
        return record

    def commands_for(self, guild: Guild) -> list[tuple[dict[str, Any], bool]]:
        """(command, synced to this guild?) for every command the bot registered that the guild sees."""
        return [(c, True) for c in self.guild_commands.get(guild.id, [])] + [
            (c, False) for c in self.global_commands
        ]

    def _command_data(
        self, guild: Guild, path: str, options: dict[str, Any], *, focused: str | None = None
    ) -> dict[str, Any]:
        words = path.strip().lstrip("/").split()
        found = next(
            ((c, g) for c, g in self.commands_for(guild) if c["name"] == words[0] and c.get("type", 1) == 1),
            None,
        )
        if found is None:
            raise FakeDiscordError(f"/{words[0]} is not registered for guild {guild.id}")
        command, guild_synced = found
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
        if guild_synced:
            data["guild_id"] = str(guild.id)
        node, target = command, data
        for word in words[1:]:
            sub = next(
                (o for o in node.get("options") or [] if o["name"] == word and o["type"] in (1, 2)), None
            )
            if sub is None:
                raise FakeDiscordError(f"/{path}: no sub-command {word!r}")
            child: dict[str, Any] = {"type": sub["type"], "name": word, "options": []}
            target.setdefault("options", []).append(child)
            node, target = sub, child
        if any(o["type"] in (1, 2) for o in node.get("options") or []):
            raise FakeDiscordError(f"/{path} needs a sub-command")
        given: list[dict[str, Any]] = []
        resolved: dict[str, dict[str, Any]] = {}
        for name, value in options.items():
            spec = next((o for o in node.get("options") or [] if o["name"] == name), None)
            if spec is None:
                raise FakeDiscordError(f"/{path} has no option {name!r}")
            given.append(self._option_value(guild, spec, value, resolved, focused=name == focused))
        if focused is None:
            for spec in node.get("options") or []:
                if spec.get("required") and spec["name"] not in options:
                    raise FakeDiscordError(f"/{path}: option {spec['name']!r} is required")
        target.setdefault("options", []).extend(given)
        if resolved:
            data["resolved"] = resolved
        return data

    def _option_value(
        self,
        guild: Guild,
        spec: dict[str, Any],
        value: Any,
        resolved: dict[str, dict[str, Any]],
        *,
        focused: bool,
    ) -> dict[str, Any]:
        kind = spec["type"]
        item: dict[str, Any] = {"name": spec["name"], "type": kind}
        if focused:
            item["focused"] = True
            item["value"] = str(value)
            return item
        if kind == 3:
            text = str(value)
            low, high = spec.get("min_length", 0), spec.get("max_length", 6000)
            if not low <= len(text) <= high:
                raise FakeDiscordError(f"option {spec['name']!r} must be {low}-{high} characters")
            item["value"] = text
        elif kind in (4, 10):
            low, high = spec.get("min_value"), spec.get("max_value")
            if (low is not None and value < low) or (high is not None and value > high):
                # Discord's client does not let a member send it
                raise FakeDiscordError(f"option {spec['name']!r} must be {low}-{high}, got {value}")
            item["value"] = value
        elif kind == 5:
            item["value"] = bool(value)
        elif kind == 6:
            member = value if isinstance(value, Member) else guild.members[int(value)]
            resolved.setdefault("users", {})[str(member.id)] = member.user.payload()
            resolved.setdefault("members", {})[str(member.id)] = member.payload(
                with_user=False, with_permissions=True
            )
            item["value"] = str(member.id)
        elif kind == 7:
            channel = value if isinstance(value, Channel) else guild.channels[int(value)]
            resolved.setdefault("channels", {})[str(channel.id)] = {
                **channel.payload(),
                "permissions": str(Permissions.ALL),
            }
            item["value"] = str(channel.id)
        elif kind == 8:
            role = value if isinstance(value, Role) else guild.roles[int(value)]
            resolved.setdefault("roles", {})[str(role.id)] = role.payload()
            item["value"] = str(role.id)
        elif kind == 11:
            if not isinstance(value, Upload):
                raise FakeDiscordError(f"option {spec['name']!r} takes an Upload (a file), got {value!r}")
            if len(value.data) > self.attachment_size_limit:
                raise FakeDiscordError("Discord's client refuses files over attachment_size_limit")
            attachment = self.cdn.put(
                self.new_id(), 0, value.filename, value.data, value.content_type, ephemeral=True
            )
            resolved.setdefault("attachments", {})[attachment["id"]] = attachment
            item["value"] = attachment["id"]
        else:
            item["value"] = value
        return item

    async def slash(
        self, member: Member, channel: Channel, command: str, /, **options: Any
    ) -> InteractionHandle:
        """``member`` runs ``/command`` (sub-commands separated by spaces) in ``channel``."""
        data = self._command_data(member.guild, command, options)
        record = self._interaction_payload(APPLICATION_COMMAND, member, channel, data, None)
        await self.dispatch("INTERACTION_CREATE", record.payload, guild_id=member.guild.id)
        return InteractionHandle(self, record)

    async def autocomplete(
        self, member: Member, channel: Channel, command: str, /, focused: str | None = None, **options: Any
    ) -> list[dict[str, Any]]:
        """``member`` types in option ``focused`` (default: the only option given) of ``/command``."""
        if focused is None:
            if len(options) != 1:
                raise FakeDiscordError("say which option is focused")
            focused = next(iter(options))
        data = self._command_data(member.guild, command, options, focused=focused)
        record = self._interaction_payload(AUTOCOMPLETE, member, channel, data, None)
        await self.dispatch("INTERACTION_CREATE", record.payload, guild_id=member.guild.id)
        return await InteractionHandle(self, record).choices()

    async def click(
        self, member: Member, channel: Channel, message: dict[str, Any], custom_id: str
    ) -> InteractionHandle:
        """``member`` clicks the button ``custom_id`` on ``message`` (a message the bot sent)."""
        buttons = [c for row in message.get("components") or [] for c in row.get("components") or []]
        if not any(b.get("custom_id") == custom_id for b in buttons):
            raise FakeDiscordError(f"message {message.get('id')} has no component {custom_id!r}")
        data = {"custom_id": custom_id, "component_type": 2}
        record = self._interaction_payload(MESSAGE_COMPONENT, member, channel, data, message)
        await self.dispatch("INTERACTION_CREATE", record.payload, guild_id=member.guild.id)
        return InteractionHandle(self, record)

    async def add_reaction(self, member: Member, message: dict[str, Any], emoji: str) -> None:
        """``member`` reacts to ``message`` with a unicode ``emoji`` (MESSAGE_REACTION_ADD)."""
        event = {
            "user_id": str(member.id),
            "channel_id": message["channel_id"],
            "message_id": message["id"],
            "guild_id": str(member.guild.id),
            "member": member.payload(),
            "emoji": {"id": None, "name": emoji},
            "burst": False,
            "type": 0,
            "message_author_id": (message.get("author") or {}).get("id"),
        }
        await self.dispatch(
            "MESSAGE_REACTION_ADD", event, guild_id=member.guild.id, intent=INTENT_GUILD_MESSAGE_REACTIONS
        )

    def hold(self, method: str, path_pattern: str) -> asyncio.Event:
        """Hold back the responses to matching calls (handled and visible at once) until the event is set.

        Models a slow response: the message exists in the channel, and members can click its buttons,
        before the bot's request returns.
        """
        gate = asyncio.Event()
        self.gates.append((method.upper(), re.compile(path_pattern), gate))
        return gate

    def inject(
        self,
        method: str,
        path_pattern: str,
        *,
        status: int = 429,
        count: int = 1,
        retry_after: float = 0.01,
        via: bool = True,
    ) -> Fault:
        """Answer the next ``count`` calls of ``method`` on paths matching the regex with ``status``."""
        fault = Fault(method.upper(), re.compile(path_pattern), status, count, retry_after, via)
        self.faults.append(fault)
        return fault

    # --- REST --------------------------------------------------------------------------------------

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> web.Response:
        return web.Response(
            status=status, body=json.dumps(data).encode(), content_type="application/json", headers=headers
        )

    def _refuse(self, call: Call, status: int, body: dict[str, Any], problem: str) -> web.Response:
        self.violations.append(Violation(call.method, call.path, status, problem))
        log.warning("fake discord refused %s %s: %s", call.method, call.path, problem)
        return self._json(status, body)

    def _invalid(self, call: Call, problems: Problems) -> web.Response:
        text = "; ".join(f"{path}: {message}" for path, (_, message) in problems.items())
        return self._refuse(call, 400, form_error(problems), text)

    async def _read_body(self, request: web.Request) -> tuple[Any, str | None]:
        """The JSON body (or payload_json of a multipart body) and an error if the Content-Type is wrong."""
        if request.method in ("GET", "DELETE") or not request.can_read_body:
            return None, None
        ctype = request.headers.get("Content-Type", "")
        if ctype == "application/json":
            try:
                return json.loads(await request.read()), None
            except json.JSONDecodeError:
                return None, "body is not valid JSON"
        if ctype.startswith("multipart/form-data"):
            reader = await request.multipart()
            payload: Any = None
            files = 0
            uploaded: list[dict[str, Any]] = []
            async for part in reader:
                name = getattr(part, "name", None)
                if name == "payload_json":
                    payload = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    files += 1
                    data = await part.read()  # type: ignore[union-attr]
                    filename = getattr(part, "filename", None) or f"file{files}"
                    ctype = part.headers.get("Content-Type", "application/octet-stream")
                    uploaded.append(
                        self.cdn.put(self.new_id(), 0, filename, bytes(data), ctype, ephemeral=False)
                    )
            if isinstance(payload, dict):
                payload["_files"] = files
                payload["_uploaded"] = uploaded
            return payload, None
        return None, f"Content-Type must be application/json, got {ctype!r}"

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if self.cdn.serves(path):
            return await self.cdn.handle(request)
        body, body_error = await self._read_body(request)
        call = Call(request.method, path, dict(request.query), body, dict(request.headers))
        self.calls.append(call)
        try:
            response = await self._route(request, call, body, body_error)
        except Exception as exc:  # a bug in the fake: show it as a 500 and a violation
            log.exception("fake discord crashed on %s %s", call.method, call.path)
            response = self._refuse(call, 500, {"message": "500: fake crashed", "code": 0}, repr(exc))
        call.status = response.status
        await self._notify()
        for method, pattern, gate in list(self.gates):
            if method == call.method and pattern.search(call.path):
                await gate.wait()
        return response

    def _fault_for(self, call: Call) -> Fault | None:
        for fault in self.faults:
            if fault.count > 0 and fault.method == call.method and fault.pattern.search(call.path):
                fault.count -= 1
                return fault
        return None

    async def _route(
        self, request: web.Request, call: Call, body: Any, body_error: str | None
    ) -> web.Response:
        if not call.path.startswith(API_PREFIX + "/"):
            return self._refuse(call, 404, {"message": "404: Not Found", "code": 0}, "not under /api/v10")
        fault = self._fault_for(call)
        if fault is not None:
            if fault.status == 429:
                headers = {"Via": "1.1 google"} if fault.via else {}
                body429 = {
                    "message": "You are being rate limited.",
                    "retry_after": fault.retry_after,
                    "global": False,
                }
                return self._json(429, body429, headers)
            return self._json(fault.status, {"message": f"{fault.status}: injected", "code": 0})
        if body_error is not None:
            return self._refuse(call, 400, {"message": body_error, "code": 50109}, body_error)
        rest = call.path[len(API_PREFIX) :]
        webhook = rest.startswith(("/interactions/", "/webhooks/"))
        auth = call.headers.get("Authorization")
        if webhook:
            if auth is not None:
                return self._refuse(
                    call,
                    400,
                    {"message": "unexpected Authorization", "code": 0},
                    "token sent to a webhook route",
                )
        elif auth != f"Bot {self.token}":
            return self._json(401, {"message": "401: Unauthorized", "code": 0})
        for method, pattern, handler in self._routes():
            if method != call.method:
                continue
            match = pattern.fullmatch(rest)
            if match:
                return await handler(call, body, **match.groupdict())
        return self._refuse(call, 404, {"message": "404: Not Found", "code": 0}, "no such route in the fake")

    def _routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., Awaitable[web.Response]]]]:
        snow = r"(?P<{}>\d+)"
        app = snow.format("app")
        guild = snow.format("guild")
        channel = snow.format("channel")
        message = snow.format("message")
        event = snow.format("event")
        token = r"(?P<token>[^/]+)"
        table = [
            ("GET", r"/users/@me", self._get_me),
            ("GET", r"/oauth2/applications/@me", self._get_application),
            ("GET", r"/applications/@me", self._get_application),
            ("GET", r"/gateway", self._get_gateway),
            ("GET", r"/gateway/bot", self._get_gateway_bot),
            ("PUT", rf"/applications/{app}/commands", self._put_commands),
            ("GET", rf"/applications/{app}/commands", self._get_commands),
            ("PUT", rf"/applications/{app}/guilds/{guild}/commands", self._put_commands),
            ("GET", rf"/applications/{app}/guilds/{guild}/commands", self._get_commands),
            ("POST", rf"/channels/{channel}/messages", self._post_message),
            ("GET", rf"/channels/{channel}/messages", self._list_messages),
            ("GET", rf"/channels/{channel}/messages/{message}", self._get_message),
            ("PATCH", rf"/channels/{channel}/messages/{message}", self._patch_message),
            ("DELETE", rf"/channels/{channel}/messages/{message}", self._delete_message),
            ("GET", rf"/channels/{channel}", self._get_channel),
            (
                "PUT",
                rf"/channels/{channel}/messages/{message}/reactions/(?P<emoji>[^/]+)/@me",
                self._put_reaction,
            ),
            (
                "DELETE",
                rf"/channels/{channel}/messages/{message}/reactions/(?P<emoji>[^/]+)/@me",
                self._delete_reaction,
            ),
            ("POST", rf"/interactions/(?P<interaction>\d+)/{token}/callback", self._callback),
            ("GET", rf"/webhooks/{app}/{token}/messages/(?P<target>@original|\d+)", self._webhook_get),
            ("PATCH", rf"/webhooks/{app}/{token}/messages/(?P<target>@original|\d+)", self._webhook_edit),
            ("DELETE", rf"/webhooks/{app}/{token}/messages/(?P<target>@original|\d+)", self._webhook_delete),
            ("POST", rf"/webhooks/{app}/{token}", self._followup),
            ("GET", rf"/guilds/{guild}/scheduled-events", self._list_events),
            ("POST", rf"/guilds/{guild}/scheduled-events", self._create_event),
            ("GET", rf"/guilds/{guild}/scheduled-events/{event}", self._get_event),
            ("PATCH", rf"/guilds/{guild}/scheduled-events/{event}", self._edit_event),
            ("DELETE", rf"/guilds/{guild}/scheduled-events/{event}", self._delete_event),
            ("GET", rf"/guilds/{guild}/members/(?P<user>\d+)", self._get_member),
            ("GET", rf"/guilds/{guild}", self._get_guild),
        ]
        return [(m, re.compile(p), h) for m, p, h in table]

    # identity -----------------------------------------------------------------------------------

    async def _get_me(self, call: Call, body: Any) -> web.Response:
        return self._json(
            200, {**self.bot_user.payload(), "verified": True, "mfa_enabled": False, "flags": 0}
        )

    async def _get_application(self, call: Call, body: Any) -> web.Response:
        return self._json(
            200,
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.owner.payload(),
                "verify_key": "0" * 64,
                "team": None,
                "flags": 0,
                "bot": self.bot_user.payload(),
            },
        )

    async def _get_gateway(self, call: Call, body: Any) -> web.Response:
        return self._json(200, {"url": self.gateway_url})

    async def _get_gateway_bot(self, call: Call, body: Any) -> web.Response:
        return self._json(
            200,
            {
                "url": self.gateway_url,
                "shards": self.recommended_shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            },
        )

    # commands -----------------------------------------------------------------------------------

    async def _put_commands(self, call: Call, body: Any, app: str, guild: str | None = None) -> web.Response:
        if int(app) != self.application_id:
            return self._refuse(
                call, 403, {"message": "Missing Access", "code": 50001}, "wrong application id"
            )
        if guild is not None and int(guild) not in self.guilds:
            return self._refuse(
                call, 403, {"message": "Missing Access", "code": 50001}, f"bot not in guild {guild}"
            )
        problems = command_problems(body)
        if problems:
            return self._invalid(call, problems)
        stored = []
        for command in body:
            item = {
                **command,
                "id": str(self.new_id()),
                "application_id": str(self.application_id),
                "version": str(self.new_id()),
                "default_member_permissions": command.get("default_member_permissions"),
                "type": command.get("type", 1),
            }
            if guild is not None:
                item["guild_id"] = guild
            stored.append(item)
        if guild is None:
            self.global_commands = stored
        else:
            self.guild_commands[int(guild)] = stored
        return self._json(200, stored)

    async def _get_commands(self, call: Call, body: Any, app: str, guild: str | None = None) -> web.Response:
        return self._json(
            200, self.global_commands if guild is None else self.guild_commands.get(int(guild), [])
        )

    # messages -----------------------------------------------------------------------------------

    def _message_object(
        self,
        channel_id: int | None,
        data: dict[str, Any],
        *,
        kind: int = 0,
        interaction: InteractionRecord | None = None,
    ) -> dict[str, Any]:
        channel = self.channel(channel_id) if channel_id else None
        message: dict[str, Any] = {
            "id": str(self.new_id()),
            "channel_id": str(channel_id) if channel_id else None,
            "author": self.bot_user.payload(),
            "content": data.get("content") or "",
            "timestamp": timestamp(),
            "edited_timestamp": None,
            "tts": bool(data.get("tts")),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": list(data.get("_uploaded") or []),
            "embeds": data.get("embeds") or [],
            "components": data.get("components") or [],
            "pinned": False,
            "type": kind,
            "flags": int(data.get("flags") or 0),
        }
        if channel is not None:
            message["guild_id"] = str(channel.guild_id)
        reference = data.get("message_reference")
        if reference:
            message["message_reference"] = {
                k: str(v) if k.endswith("_id") and v is not None else v for k, v in reference.items()
            }
            message["type"] = 19
        if interaction is not None:
            user = interaction.payload["member"]["user"]
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": user,
                "authorizing_integration_owners": {},
            }
            message["application_id"] = str(self.application_id)
            message["webhook_id"] = str(self.application_id)
        return message

    def _record_send(self, kind: str, channel_id: int | None, data: dict[str, Any]) -> None:
        reply_to = None
        reference = data.get("message_reference")
        if reference:
            reply_to = self.messages.get(int(reference.get("message_id", 0)))
        self.sends.append(
            Send(kind, channel_id, data, data.get("allowed_mentions"), would_ping(data, reply_to=reply_to))
        )

    async def _post_message(self, call: Call, body: Any, channel: str) -> web.Response:
        target = self.channel(int(channel))
        if target is None:
            return self._refuse(call, 404, {"message": "Unknown Channel", "code": 10003}, "unknown channel")
        refused = self._missing_send_permission(call, target, body)
        if refused is not None:
            return refused
        problems = message_problems(body)
        reference = (body or {}).get("message_reference") if isinstance(body, dict) else None
        unknown = reference and int(reference.get("message_id", 0)) not in self.messages
        if unknown and reference.get("fail_if_not_exists", True):
            problems["message_reference"] = ("REPLIES_UNKNOWN_MESSAGE", "Unknown message")
        if problems:
            return self._invalid(call, problems)
        self._record_send("reply" if reference else "channel", target.id, body)
        message = self._message_object(target.id, body)
        self.messages[int(message["id"])] = message
        self.channel_messages.setdefault(target.id, []).append(message)
        return self._json(200, message)

    def bot_permissions(self, guild_id: int) -> int:
        """The bot's guild-wide permissions (channel overwrites are not modelled)."""
        guild = self.guilds[guild_id]
        return guild.permissions_of(guild.members[self.bot_user.id])

    def _missing_send_permission(self, call: Call, target: Channel, body: Any) -> web.Response | None:
        """403 unless the bot may post here; embeds without Embed Links are dropped, as Discord does."""
        perms = self.bot_permissions(target.guild_id)
        send = Permissions.SEND_MESSAGES_IN_THREADS if target.type == 11 else Permissions.SEND_MESSAGES
        if not perms & Permissions.VIEW_CHANNEL or not perms & send:
            return self._refuse(
                call, 403, {"message": "Missing Permissions", "code": 50013}, "bot may not send messages here"
            )
        if (
            isinstance(body, dict)
            and body.get("message_reference")
            and not perms & Permissions.READ_MESSAGE_HISTORY
        ):
            return self._refuse(
                call,
                400,
                {"message": "Cannot reply without permission to read message history", "code": 160002},
                "reply without Read Message History",
            )
        if isinstance(body, dict) and body.get("embeds") and not perms & Permissions.EMBED_LINKS:
            self.violations.append(
                Violation(call.method, call.path, 200, "embeds dropped: bot lacks Embed Links")
            )
            body["embeds"] = []
        return None

    async def _list_messages(self, call: Call, body: Any, channel: str) -> web.Response:
        """GET /channels/{id}/messages: newest first, ``limit`` 1-100 (default 50), ``before``/``after``."""
        target = self.channel(int(channel))
        if target is None:
            return self._refuse(call, 404, {"message": "Unknown Channel", "code": 10003}, "unknown channel")
        perms = self.bot_permissions(target.guild_id)
        if not perms & Permissions.VIEW_CHANNEL or not perms & Permissions.READ_MESSAGE_HISTORY:
            return self._refuse(
                call, 403, {"message": "Missing Access", "code": 50001}, "bot may not read history here"
            )
        try:
            limit = int(call.query.get("limit", "50"))
            before = int(call.query.get("before", str(1 << 63)))
            after = int(call.query.get("after", "0"))
        except ValueError:
            return self._invalid(call, {"limit": ("NUMBER_TYPE_COERCE", "Value is not int.")})
        if not 1 <= limit <= 100:
            return self._invalid(call, {"limit": ("NUMBER_TYPE_MAX", "Must be between 1 and 100.")})
        found = sorted(
            (
                m
                for i, m in self.messages.items()
                if m.get("channel_id") == channel and after < i < before and not int(m.get("flags") or 0) & 64
            ),
            key=lambda m: int(m["id"]),
            reverse=True,
        )
        return self._json(200, found[:limit])

    async def _get_message(self, call: Call, body: Any, channel: str, message: str) -> web.Response:
        found = self.messages.get(int(message))
        if found is None or found.get("channel_id") != channel:
            return self._json(404, {"message": "Unknown Message", "code": 10008})
        return self._json(200, found)

    async def _patch_message(self, call: Call, body: Any, channel: str, message: str) -> web.Response:
        found = self.messages.get(int(message))
        if found is None or found.get("channel_id") != channel:
            return self._refuse(
                call, 404, {"message": "Unknown Message", "code": 10008}, "edit of an unknown message"
            )
        if found["author"]["id"] != str(self.bot_user.id):
            return self._refuse(
                call,
                403,
                {"message": "Cannot edit a message authored by another user", "code": 50005},
                "edit of someone else's message",
            )
        problems = message_problems(body, edit=True)
        if problems:
            return self._invalid(call, problems)
        self._record_send("edit", int(channel), body)
        found.update({k: v for k, v in body.items() if k in ("content", "embeds", "components", "flags")})
        found["edited_timestamp"] = timestamp()
        return self._json(200, found)

    async def _delete_message(self, call: Call, body: Any, channel: str, message: str) -> web.Response:
        if self.messages.pop(int(message), None) is None:
            return self._json(404, {"message": "Unknown Message", "code": 10008})
        return web.Response(status=204)

    async def _get_channel(self, call: Call, body: Any, channel: str) -> web.Response:
        found = self.channel(int(channel))
        if found is None:
            return self._json(404, {"message": "Unknown Channel", "code": 10003})
        return self._json(200, found.payload())

    async def _put_reaction(
        self, call: Call, body: Any, channel: str, message: str, emoji: str
    ) -> web.Response:
        if int(message) not in self.messages:
            return self._refuse(
                call, 404, {"message": "Unknown Message", "code": 10008}, "reaction on unknown message"
            )
        target = self.channel(int(channel))
        needed = Permissions.ADD_REACTIONS | Permissions.READ_MESSAGE_HISTORY
        if target is not None and self.bot_permissions(target.guild_id) & needed != needed:
            return self._refuse(
                call, 403, {"message": "Missing Permissions", "code": 50013}, "bot lacks Add Reactions"
            )
        self.reactions.append(("add", int(channel), int(message), emoji))
        return web.Response(status=204)

    async def _delete_reaction(
        self, call: Call, body: Any, channel: str, message: str, emoji: str
    ) -> web.Response:
        self.reactions.append(("remove", int(channel), int(message), emoji))
        return web.Response(status=204)

    # interactions ---------------------------------------------------------------------------------

    async def _callback(self, call: Call, body: Any, interaction: str, token: str) -> web.Response:
        record = self.interactions.get(int(interaction))
        if record is None or record.token != token:
            return self._refuse(
                call, 404, {"message": "Unknown interaction", "code": 10062}, "unknown interaction"
            )
        if record.acknowledged:
            return self._refuse(
                call,
                400,
                {"message": "Interaction has already been acknowledged.", "code": 40060},
                f"second initial response to interaction {record.id}",
            )
        age = self.clock() - record.created
        if age > INTERACTION_DEADLINE:
            return self._refuse(
                call,
                404,
                {"message": "Unknown interaction", "code": 10062},
                f"response after {age:.2f} s (limit 3 s)",
            )
        if not isinstance(body, dict) or "type" not in body:
            return self._invalid(call, {"type": ("BASE_TYPE_REQUIRED", "This field is required")})
        kind = body["type"]
        data = body.get("data") or {}
        if body.get("_uploaded"):  # multipart: the files belong to the message in ``data``
            data = {**data, "_uploaded": body["_uploaded"]}
        allowed = {
            APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL},
            MESSAGE_COMPONENT: {
                CHANNEL_MESSAGE,
                DEFERRED_CHANNEL_MESSAGE,
                DEFERRED_UPDATE,
                UPDATE_MESSAGE,
                MODAL,
            },
            AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
            MODAL_SUBMIT: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
        }[record.type]
        if kind not in allowed:
            return self._invalid(
                call,
                {"type": ("INTERACTION_RESPONSE_TYPE_INVALID", f"Response type {kind} is not valid here")},
            )
        if kind == AUTOCOMPLETE_RESULT:
            problems = choice_problems(data)
            if problems:
                return self._invalid(call, problems)
            record.response_type, record.response, record.choices = kind, body, list(data["choices"])
            return self._json(200, {"interaction": {"id": str(record.id), "type": record.type}})
        resource: dict[str, Any] = {"type": kind}
        result: dict[str, Any] = {
            "interaction": {
                "id": str(record.id),
                "type": record.type,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
            }
        }
        if kind == CHANNEL_MESSAGE:
            problems = message_problems(data)
            if problems:
                return self._invalid(call, problems)
            self._record_send("interaction", record.channel_id, data)
            message = self._message_object(record.channel_id, data, kind=20, interaction=record)
            record.original = message
            record.timeline.append(message)
            self.messages[int(message["id"])] = message
            resource["message"] = message
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            message = self._message_object(
                record.channel_id, {"flags": int(data.get("flags") or 0) | 128}, kind=20, interaction=record
            )
            record.original = message
            self.messages[int(message["id"])] = message
            resource["message"] = message
        elif kind == UPDATE_MESSAGE:
            problems = message_problems(data, edit=True)
            if problems:
                return self._invalid(call, problems)
            self._record_send("update", record.channel_id, data)
            target = record.payload["message"]
            stored = self.messages.get(int(target["id"]), target)
            stored.update({k: v for k, v in data.items() if k in ("content", "embeds", "components")})
            if "attachments" in data:  # the attachments listed are kept, the others removed
                keep = {str(a.get("id")) for a in data["attachments"] or []}
                kept = [a for a in stored.get("attachments") or [] if a["id"] in keep]
                stored["attachments"] = kept + list(data.get("_uploaded") or [])
            record.timeline.append(stored)
            resource["message"] = stored
        if "message" in resource:
            result["interaction"]["response_message_id"] = resource["message"]["id"]
            result["resource"] = resource
        elif kind != MODAL:
            result["resource"] = resource
        record.response_type, record.response = kind, body
        return self._json(200, result)

    def _record_for_token(self, call: Call, app: str, token: str) -> InteractionRecord | web.Response:
        record = self._by_token.get(token)
        if int(app) != self.application_id or record is None:
            return self._refuse(
                call, 404, {"message": "Unknown Webhook", "code": 10015}, "unknown webhook token"
            )
        if self.clock() - record.created > TOKEN_LIFETIME:
            return self._refuse(
                call, 401, {"message": "Invalid Webhook Token", "code": 50027}, "token expired (15 min)"
            )
        if not record.acknowledged:
            return self._refuse(
                call,
                404,
                {"message": "Unknown Webhook", "code": 10015},
                "webhook used before the interaction was acknowledged",
            )
        return record

    def _target_message(self, record: InteractionRecord, target: str) -> dict[str, Any] | None:
        if target == "@original":
            return record.original
        return self.messages.get(int(target))

    async def _webhook_get(self, call: Call, body: Any, app: str, token: str, target: str) -> web.Response:
        record = self._record_for_token(call, app, token)
        if isinstance(record, web.Response):
            return record
        message = self._target_message(record, target)
        if message is None:
            return self._json(404, {"message": "Unknown Message", "code": 10008})
        return self._json(200, message)

    async def _webhook_edit(self, call: Call, body: Any, app: str, token: str, target: str) -> web.Response:
        record = self._record_for_token(call, app, token)
        if isinstance(record, web.Response):
            return record
        message = self._target_message(record, target)
        if message is None or (record.deleted and target == "@original"):
            return self._refuse(
                call, 404, {"message": "Unknown Message", "code": 10008}, "edit of an unknown message"
            )
        problems = message_problems(body, edit=True)
        if problems:
            return self._invalid(call, problems)
        self._record_send("edit", record.channel_id, body)
        message.update({k: v for k, v in body.items() if k in ("content", "embeds", "components")})
        message["flags"] = int(message.get("flags") or 0) & ~128
        message["edited_timestamp"] = timestamp()
        record.timeline.append(dict(message))
        return self._json(200, message)

    async def _webhook_delete(self, call: Call, body: Any, app: str, token: str, target: str) -> web.Response:
        record = self._record_for_token(call, app, token)
        if isinstance(record, web.Response):
            return record
        if target == "@original":
            record.deleted = True
        return web.Response(status=204)

    async def _followup(self, call: Call, body: Any, app: str, token: str) -> web.Response:
        record = self._record_for_token(call, app, token)
        if isinstance(record, web.Response):
            return record
        if call.query.get("wait") not in ("1", "true", "True"):
            return self._refuse(
                call, 400, {"message": "follow-ups must wait", "code": 0}, "follow-up without wait=1"
            )
        problems = message_problems(body)
        if problems:
            return self._invalid(call, problems)
        self._record_send("followup", record.channel_id, body)
        original = record.original
        if original is not None and int(original.get("flags") or 0) & 128:
            # The first follow-up after a deferral replaces the "thinking..." message.
            original.update({k: v for k, v in body.items() if k in ("content", "embeds", "components")})
            original["attachments"] = list(body.get("_uploaded") or [])
            original["flags"] = (int(original.get("flags") or 0) & ~128) | (
                int(body.get("flags") or 0) & EPHEMERAL
            )
            message = original
        else:
            message = self._message_object(record.channel_id, body, kind=0, interaction=record)
            self.messages[int(message["id"])] = message
        record.timeline.append(dict(message))
        return self._json(200, message)

    # guilds and scheduled events -------------------------------------------------------------------

    async def _get_guild(self, call: Call, body: Any, guild: str) -> web.Response:
        found = self.guilds.get(int(guild))
        if found is None:
            return self._json(404, {"message": "Unknown Guild", "code": 10004})
        payload = self._guild_create(found)
        for key in ("channels", "members", "threads", "voice_states", "presences"):
            payload.pop(key, None)
        return self._json(200, payload)

    async def _get_member(self, call: Call, body: Any, guild: str, user: str) -> web.Response:
        found = self.guilds.get(int(guild))
        if found is None or int(user) not in found.members:
            return self._json(404, {"message": "Unknown Member", "code": 10007})
        return self._json(200, found.members[int(user)].payload())

    def _may_manage_events(self, guild: Guild) -> bool:
        return bool(
            guild.members[self.bot_user.id].permissions
            & (Permissions.MANAGE_EVENTS | Permissions.CREATE_EVENTS)
        )

    async def _list_events(self, call: Call, body: Any, guild: str) -> web.Response:
        return self._json(200, [e for e in self.scheduled_events.values() if e["guild_id"] == guild])

    async def _create_event(self, call: Call, body: Any, guild: str) -> web.Response:
        found = self.guilds.get(int(guild))
        if found is None:
            return self._refuse(call, 404, {"message": "Unknown Guild", "code": 10004}, "unknown guild")
        if not self._may_manage_events(found):
            return self._refuse(
                call, 403, {"message": "Missing Permissions", "code": 50013}, "bot lacks Manage/Create Events"
            )
        problems = scheduled_event_problems(body, create=True)
        if problems:
            return self._invalid(call, problems)
        event = {
            "id": str(self.new_id()),
            "guild_id": guild,
            "channel_id": body.get("channel_id"),
            "creator_id": str(self.bot_user.id),
            "creator": self.bot_user.payload(),
            "name": body["name"],
            "description": body.get("description"),
            "scheduled_start_time": body["scheduled_start_time"],
            "scheduled_end_time": body.get("scheduled_end_time"),
            "privacy_level": body["privacy_level"],
            "status": 1,
            "entity_type": body["entity_type"],
            "entity_id": None,
            "entity_metadata": body.get("entity_metadata"),
            "user_count": 0,
            "image": None,
            "recurrence_rule": body.get("recurrence_rule"),
        }
        self.scheduled_events[int(event["id"])] = event
        await self._dispatch_event_change("GUILD_SCHEDULED_EVENT_CREATE", event)
        return self._json(200, event)

    async def _dispatch_event_change(self, name: str, event: dict[str, Any]) -> None:
        with contextlib.suppress(FakeDiscordError):
            await self.dispatch(
                name, event, guild_id=int(event["guild_id"]), intent=INTENT_GUILD_SCHEDULED_EVENTS
            )

    async def _get_event(self, call: Call, body: Any, guild: str, event: str) -> web.Response:
        found = self.scheduled_events.get(int(event))
        if found is None or found["guild_id"] != guild:
            return self._json(404, {"message": "Unknown Guild Scheduled Event", "code": 10070})
        return self._json(200, found)

    async def _edit_event(self, call: Call, body: Any, guild: str, event: str) -> web.Response:
        found = self.scheduled_events.get(int(event))
        if found is None or found["guild_id"] != guild:
            return self._refuse(
                call,
                404,
                {"message": "Unknown Guild Scheduled Event", "code": 10070},
                "edit of unknown event",
            )
        problems = scheduled_event_problems(body, create=False)
        if problems:
            return self._invalid(call, problems)
        found.update(body)
        await self._dispatch_event_change("GUILD_SCHEDULED_EVENT_UPDATE", found)
        return self._json(200, found)

    async def _delete_event(self, call: Call, body: Any, guild: str, event: str) -> web.Response:
        found = self.scheduled_events.pop(int(event), None)
        if found is None or found["guild_id"] != guild:
            return self._refuse(
                call,
                404,
                {"message": "Unknown Guild Scheduled Event", "code": 10070},
                "delete of unknown event",
            )
        await self._dispatch_event_change("GUILD_SCHEDULED_EVENT_DELETE", found)
        return web.Response(status=204)

    # --- assertions helpers -------------------------------------------------------------------------

    def calls_to(self, method: str, path_pattern: str) -> list[Call]:
        """Recorded calls of ``method`` whose path (after /api/v10) matches the regex."""
        pattern = re.compile(path_pattern)
        return [c for c in self.calls if c.method == method and pattern.search(c.path[len(API_PREFIX) :])]

    def pings(self) -> list[tuple[Send, list[str]]]:
        """Every send that would have notified someone."""
        return [(s, s.pings) for s in self.sends if s.pings]
