"""The fake Discord's world: users, guilds with roles, channels and members, and their JSON payloads."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

#: Discord's epoch (2015-01-01) in milliseconds.
DISCORD_EPOCH_MS = 1_420_070_400_000


class Permissions:
    """Permission bits (https://discord.com/developers/docs/topics/permissions)."""

    CREATE_INSTANT_INVITE = 1 << 0
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_EVENTS = 1 << 33
    SEND_MESSAGES_IN_THREADS = 1 << 38
    CREATE_EVENTS = 1 << 44
    ALL = (1 << 51) - 1

    #: What @everyone may do in a fresh server.
    EVERYONE_DEFAULT = (
        VIEW_CHANNEL
        | SEND_MESSAGES
        | SEND_MESSAGES_IN_THREADS
        | EMBED_LINKS
        | READ_MESSAGE_HISTORY
        | ADD_REACTIONS
        | USE_APPLICATION_COMMANDS
        | CREATE_INSTANT_INVITE
    )


#: What the README's invite link grants the bot (283467926592): View Channels, Send Messages,
#: Send Messages in Threads, Embed Links, Add Reactions, Read Message History, Manage Events.
BOT_PERMISSIONS = (
    Permissions.VIEW_CHANNEL
    | Permissions.SEND_MESSAGES
    | Permissions.SEND_MESSAGES_IN_THREADS
    | Permissions.EMBED_LINKS
    | Permissions.ADD_REACTIONS
    | Permissions.READ_MESSAGE_HISTORY
    | Permissions.MANAGE_EVENTS
)


class Snowflakes:
    """Increasing snowflake ids whose timestamp part also increases, so guilds spread over shards."""

    def __init__(self, start_ms: int = 1_700_000_000_000) -> None:
        self._counter = itertools.count(1)
        self._start = start_ms - DISCORD_EPOCH_MS

    def __call__(self) -> int:
        """The next id."""
        n = next(self._counter)
        return ((self._start + n) << 22) | (n & 0xFFF)


def timestamp() -> str:
    """Now, as Discord writes it."""
    return datetime.now(UTC).isoformat()


@dataclass(eq=False)
class User:
    """A Discord user (or the bot's own user)."""

    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    @property
    def mention(self) -> str:
        """``<@id>``, which pings the user unless allowed_mentions forbids it."""
        return f"<@{self.id}>"

    def payload(self) -> dict[str, Any]:
        """The user object."""
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(eq=False)
class Role:
    """A role in a guild; @everyone has the guild's id."""

    id: int
    guild_id: int
    name: str
    permissions: int = 0
    position: int = 0

    @property
    def mention(self) -> str:
        """``<@&id>``."""
        return f"<@&{self.id}>"

    def payload(self) -> dict[str, Any]:
        """The role object."""
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "tags": {},
        }


@dataclass(eq=False)
class Channel:
    """A guild channel: text (0), voice (2), category (4), stage (13), or a thread (11)."""

    id: int
    guild_id: int
    name: str
    type: int = 0
    position: int = 0
    parent_id: int | None = None

    def payload(self) -> dict[str, Any]:
        """The channel object."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "guild_id": str(self.guild_id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "topic": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }
        if self.type in (2, 13):
            data.update(bitrate=64000, user_limit=0, rtc_region=None)
        if self.type == 11:
            data.update(
                owner_id="0",
                member_count=1,
                message_count=0,
                thread_metadata={
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": timestamp(),
                    "locked": False,
                },
            )
        return data


@dataclass(eq=False)
class Member:
    """A user's membership of a guild."""

    user: User
    guild: Guild
    roles: list[Role] = field(default_factory=list)
    nick: str | None = None

    @property
    def id(self) -> int:
        """The user's id."""
        return self.user.id

    @property
    def mention(self) -> str:
        """``<@id>``."""
        return self.user.mention

    @property
    def permissions(self) -> int:
        """Guild-level permissions: @everyone and every role, all of them for the owner or administrators."""
        return self.guild.permissions_of(self)

    def payload(self, *, with_user: bool = True, with_permissions: bool = False) -> dict[str, Any]:
        """The guild member object (interactions add ``permissions``)."""
        data: dict[str, Any] = {
            "roles": [str(r.id) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "joined_at": timestamp(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        if with_permissions:
            data["permissions"] = str(self.permissions)
        return data


@dataclass(eq=False)
class Guild:
    """A server with roles, channels and members."""

    id: int
    name: str
    owner_id: int
    new_id: Any = field(repr=False)
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.roles[self.id] = Role(self.id, self.id, "@everyone", Permissions.EVERYONE_DEFAULT, 0)

    @property
    def everyone(self) -> Role:
        """The @everyone role."""
        return self.roles[self.id]

    def add_role(self, name: str, permissions: int = 0) -> Role:
        """A new role above the existing ones."""
        role = Role(self.new_id(), self.id, name, permissions, position=len(self.roles))
        self.roles[role.id] = role
        return role

    def add_channel(self, name: str, *, type: int = 0, parent: Channel | None = None) -> Channel:
        """A new channel (text by default)."""
        channel = Channel(
            self.new_id(),
            self.id,
            name,
            type,
            position=len(self.channels),
            parent_id=parent.id if parent else None,
        )
        self.channels[channel.id] = channel
        return channel

    def add_text_channel(self, name: str) -> Channel:
        """A new text channel."""
        return self.add_channel(name)

    def add_thread(self, parent: Channel, name: str) -> Channel:
        """A public thread in ``parent``."""
        return self.add_channel(name, type=11, parent=parent)

    def add_member(self, user: User, roles: list[Role] | None = None, nick: str | None = None) -> Member:
        """Make ``user`` a member with ``roles``."""
        member = Member(user, self, list(roles or []), nick)
        self.members[user.id] = member
        return member

    def permissions_of(self, member: Member) -> int:
        """The member's guild-wide permissions."""
        if member.user.id == self.owner_id:
            return Permissions.ALL
        perms = self.everyone.permissions
        for role in member.roles:
            perms |= role.permissions
        return Permissions.ALL if perms & Permissions.ADMINISTRATOR else perms

    def shard_id(self, shard_count: int) -> int:
        """The shard this guild belongs to."""
        return (self.id >> 22) % shard_count

    def payload(self, *, members: list[Member], scheduled_events: list[dict[str, Any]]) -> dict[str, Any]:
        """The GUILD_CREATE payload."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [r.payload() for r in self.roles.values()],
            "channels": [c.payload() for c in self.channels.values() if c.type != 11],
            "threads": [c.payload() for c in self.channels.values() if c.type == 11],
            "members": [m.payload() for m in members],
            "member_count": len(self.members),
            "large": False,
            "unavailable": False,
            "joined_at": timestamp(),
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": scheduled_events,
            "soundboard_sounds": [],
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
            "lazy": True,
        }
