"""Buttons that never go dead: helpers shared by the cogs' ``DynamicItem`` buttons.

Every button the bot shows is a ``discord.ui.DynamicItem`` whose custom id carries its state, registered
by its cog, so a click works after a restart or any time later. When a button's life has ended (the quiz
question closed, the round over or interrupted, a confirmation used or expired) the click gets a short
private answer and the message is edited so its buttons are disabled (:func:`no_longer_active`).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Self

import discord

log = logging.getLogger(__name__)

#: What a click on a button whose life has ended gets, privately.
NO_LONGER_ACTIVE = "This is no longer active."
NO_MENTIONS = discord.AllowedMentions.none()


def short_hash(text: str) -> str:
    """12 hex digits naming ``text`` in a custom id (custom ids hold at most 100 characters)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def message_buttons(message: discord.Message) -> list[discord.Button]:
    """The buttons on a message (any row)."""
    found: list[discord.Button] = []
    for row in message.components:
        children = getattr(row, "children", None)
        for component in children if children is not None else [row]:
            if isinstance(component, discord.Button):
                found.append(component)
    return found


def has_live_buttons(message: discord.Message, custom_id: re.Pattern[str] | None = None) -> bool:
    """Whether ``message`` has an enabled button (whose custom id matches ``custom_id``, if given)."""
    return any(
        not b.disabled and b.custom_id is not None and (custom_id is None or custom_id.match(b.custom_id))
        for b in message_buttons(message)
    )


def disabled_view(message: discord.Message) -> discord.ui.View:
    """The message's buttons, all disabled (a finished view: discord.py does not keep it listening)."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.children:
        if isinstance(item, discord.ui.Button):
            item.disabled = True
    view.stop()
    return view


def disabled_buttons(items: Iterable[discord.ui.Item[Any]]) -> discord.ui.View:
    """A finished view of ``items`` with every button disabled (for editing a message we just sent)."""
    view = discord.ui.View(timeout=None)
    for item in items:
        button = item.item if isinstance(item, discord.ui.DynamicItem) else item
        if isinstance(button, discord.ui.Button):
            button.disabled = True
        view.add_item(item)
    view.stop()
    return view


async def disable_message(message: discord.Message) -> bool:
    """Edit a (non-ephemeral) bot message so its buttons are disabled; False if Discord refused."""
    try:
        await message.edit(view=disabled_view(message), allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as exc:
        log.warning("could not disable the buttons of message %s: %s", message.id, exc)
        return False
    return True


async def no_longer_active(interaction: discord.Interaction[Any], text: str = NO_LONGER_ACTIVE) -> None:
    """Tell the clicking member, privately, that the button's life ended, and disable the message's buttons.

    An ephemeral message (only its owner sees it) is edited in place to say so; on a public message the
    member gets an ephemeral reply and the message is edited for everyone.
    """
    message = interaction.message
    if message is not None and message.flags.ephemeral:
        await interaction.response.edit_message(content=text, view=disabled_view(message), embed=None)
        return
    await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    if message is not None and has_live_buttons(message):
        await disable_message(message)


async def report_error(interaction: discord.Interaction[Any], error: Exception) -> None:
    """Hand ``error`` to the bot's one error handler (``StudyBot.report_interaction_error``): a short
    private message for the member, the traceback in the log."""
    report: Callable[[discord.Interaction[Any], BaseException], Awaitable[None]] | None = getattr(
        interaction.client, "report_interaction_error", None
    )
    if report is None:  # not the StudyBot (never in the bot itself): at least log it
        custom_id = interaction.data.get("custom_id") if interaction.data else None
        log.error("button %r failed", custom_id, exc_info=error)
        return
    await report(interaction, error)


class ReportsErrors:
    """Base of every button: an exception raised by a subclass's ``callback`` goes to the bot's one error
    handler, like a slash command's.

    discord.py does not send component errors to ``tree.on_error``: a ``DynamicItem``'s are only logged
    ("Ignoring exception in dynamic item callback"), a live ``View``'s go to ``View.on_error``; either
    way the member saw "This interaction failed". Each subclass's own ``callback`` is wrapped when the
    class is made, so a new button cannot forget it. Put it first:
    ``class B(ReportsErrors, DynamicItem[...], template=...)``.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("callback")
        if own is None or getattr(own, "__reports_errors__", False):
            return

        @functools.wraps(own)
        async def callback(self: Any, interaction: discord.Interaction[Any]) -> None:
            try:
                await own(self, interaction)
            except Exception as exc:
                await report_error(interaction, exc)

        callback.__reports_errors__ = True  # type: ignore[attr-defined]
        cls.callback = callback  # type: ignore[attr-defined]


class ConfirmButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    # the shape every subclass's template has; the base itself is never registered
    template=r"(?P<prefix>[a-z]+):(?P<member>\d+):(?P<until>\d+):(?P<action>yes|no)",
):
    """A yes/no confirmation whose custom id is ``PREFIX:member:until:yes|no``: who asked, and until when
    (Unix seconds) it may be confirmed. Subclasses set ``PREFIX``, ``YES_LABEL``, a matching ``template``
    and ``callback``."""

    PREFIX = ""
    YES_LABEL = ""

    def __init__(self, member_id: int, until: int, action: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=self.YES_LABEL if action == "yes" else "Cancel",
                style=discord.ButtonStyle.danger if action == "yes" else discord.ButtonStyle.secondary,
                custom_id=f"{self.PREFIX}:{member_id}:{until}:{action}",
            )
        )
        self.member_id = member_id
        self.until = until
        self.action = action

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Self:
        """Rebuild the button from its custom id."""
        return cls(int(match["member"]), int(match["until"]), match["action"])
