"""Shared autocomplete: the notes' topics."""

from __future__ import annotations

from collections.abc import Iterable

from discord import app_commands

from bot.knowledge import KnowledgeBase
from cogs._render import CHOICE_LIMIT, CHOICES_LIMIT


def topic_choices(
    kb: KnowledgeBase, current: str, *, also: Iterable[str] = ()
) -> list[app_commands.Choice[str]]:
    """Topics whose title or objective contains what was typed, those starting with it first.

    ``also`` adds more titles (e.g. topics a server answered on that the notes no longer have). At most
    25 choices; a value is the title itself (cut to 100 characters), so the command finds the topic.
    """
    wanted = current.strip().casefold()
    objectives = {t.title: (t.objective or "") for t in kb.topics}
    titles = {*objectives, *also}

    def matches(title: str) -> bool:
        return wanted in title.casefold() or wanted in objectives.get(title, "").casefold()

    ranked = sorted(
        (t for t in titles if matches(t)),
        key=lambda t: (not t.casefold().startswith(wanted), t.casefold(), t),
    )
    return [
        app_commands.Choice(name=t[:CHOICE_LIMIT], value=t[:CHOICE_LIMIT]) for t in ranked[:CHOICES_LIMIT]
    ]
