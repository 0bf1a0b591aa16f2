"""End to end: /help lists, privately, every command Discord has registered for the bot, moderators' apart."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import StartBot

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


def leaves(command: dict[str, Any]) -> list[tuple[str, str]]:
    """(qualified name, description) of every invocable command under a registered command."""
    subs = [o for o in command.get("options") or [] if o["type"] in (1, 2)]
    if not subs:
        return [(command["name"], command["description"])]
    found: list[tuple[str, str]] = []
    for sub in subs:
        for name, description in leaves(sub):
            found.append((f"{command['name']} {name}", description))
    return found


async def test_help_lists_every_registered_command_privately_mods_apart(
    start_bot: StartBot,
) -> None:
    h = await start_bot()
    w = h.world
    message = await (await h.fake.slash(w.member, w.general, "help")).message()
    h.assert_alive()
    assert message["flags"] & EPHEMERAL
    text = message["embeds"][0]["description"]
    everyone, _, moderators = text.partition("**Moderators** (Manage Server)")
    registered = [(c, g) for c, g in h.fake.commands_for(w.guild) if c.get("type", 1) == 1]
    assert len(registered) >= 10
    for command, _synced in registered:
        for_mods = command.get("default_member_permissions") not in (None, "0")
        for name, description in leaves(command):
            line = f"</{name}:{command['id']}> - {description}"
            assert line in (moderators if for_mods else text), line
            assert text.count(f"</{name}:") == 1, name
    # Discord keeps default permissions per top-level command: this sub-command's are the bot's own
    assert "</leaderboard reset:" in moderators
    assert "</leaderboard show:" in everyone
    assert "</define:" in everyone
    assert "</help:" in everyone
    assert len(message["embeds"][0]["description"]) <= 4096
