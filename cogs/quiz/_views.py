"""The quiz's answer buttons: persistent (``DynamicItem``), the round and question in the custom id."""

from __future__ import annotations

import re
from typing import Any, Protocol, runtime_checkable

import discord
from discord.ext import commands

from bot.quiz import QuestionAsked
from cogs._buttons import ReportsErrors
from cogs.quiz._embeds import choice_label


@runtime_checkable
class AnswerChooser(Protocol):
    """What an answer button calls: the loaded quiz cog."""

    async def choose(self, interaction: discord.Interaction[Any], key: str, number: int, choice: int) -> None:
        """Record the click, or say (privately) why not."""
        ...


def answer_chooser(interaction: discord.Interaction[Any]) -> AnswerChooser:
    """The loaded quiz cog (checked by shape: a reloaded extension's class is another class)."""
    client = interaction.client
    cog = client.get_cog("Quiz") if isinstance(client, commands.Bot) else None
    assert isinstance(cog, AnswerChooser), "the quiz cog is not loaded"
    return cog


class AnswerButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"quiz:(?P<key>\d+-\d+):(?P<number>\d+):(?P<choice>\d)",
):
    """One choice of a button question: round key, question number and choice are in the custom id."""

    def __init__(self, key: str, number: int, choice: int, label: str = "?") -> None:
        super().__init__(
            discord.ui.Button(
                label=label, style=discord.ButtonStyle.primary, custom_id=f"quiz:{key}:{number}:{choice}"
            )
        )
        self.key = key
        self.number = number
        self.choice = choice

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        """Rebuild the button from its custom id."""
        return cls(match["key"], int(match["number"]), int(match["choice"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Submit this choice for the clicking member."""
        await answer_chooser(interaction).choose(interaction, self.key, self.number, self.choice)


def answer_view(event: QuestionAsked, key: str) -> discord.ui.View:
    """The buttons of one button question."""
    view = discord.ui.View(timeout=None)
    choices = event.question.choices
    for i in range(len(choices)):
        view.add_item(AnswerButton(key, event.number, i, choice_label(choices, i)))
    return view
