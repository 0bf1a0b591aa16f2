"""A loopback Discord (REST + gateway) for end-to-end tests of the real bot; see ``server.FakeDiscord``."""

from tests.fakediscord.cdn import Upload
from tests.fakediscord.models import BOT_PERMISSIONS, Channel, Guild, Member, Permissions, Role, User
from tests.fakediscord.server import (
    WAIT_S,
    Call,
    FakeDiscord,
    FakeDiscordError,
    InteractionHandle,
    Send,
    Violation,
    message_text,
)

__all__ = [
    "BOT_PERMISSIONS",
    "WAIT_S",
    "Call",
    "Channel",
    "FakeDiscord",
    "FakeDiscordError",
    "Guild",
    "InteractionHandle",
    "Member",
    "Permissions",
    "Role",
    "Send",
    "Upload",
    "User",
    "Violation",
    "message_text",
]
