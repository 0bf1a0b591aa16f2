"""The quiz's embeds: a question, its answer, the final standings."""

from __future__ import annotations

from collections.abc import Sequence

import discord
from discord.utils import format_dt

from bot.quiz import WRONG_GUESSES, QuestionAsked, QuestionClosed, RoundFinished
from bot.wording import plural
from cogs._render import EMBED_COLOUR, blanks_shown, truncate

LETTERS = "ABCD"


def mention(member_id: int) -> str:
    """A member mention (never pings: every send uses AllowedMentions.none())."""
    return f"<@{member_id}>"


def choice_label(choices: Sequence[str], index: int) -> str:
    """A button's label: the letter, or True/False."""
    return choices[index] if tuple(choices) == ("True", "False") else LETTERS[index]


def question_embed(event: QuestionAsked, hint: str | None = None) -> discord.Embed:
    """The question card: "3/10", the prompt, the choices or how to answer, the countdown."""
    q = event.question
    embed = discord.Embed(
        title=f"Question {event.number}/{event.total}",
        description=truncate(blanks_shown(q.prompt), 3000),
        colour=EMBED_COLOUR,
    )
    if q.typed:
        embed.add_field(
            name="Answer",
            value=f"Type the term in this channel ({WRONG_GUESSES} wrong guesses each).",
            inline=False,
        )
    else:
        lines = [
            f"**{LETTERS[i]}.** {truncate(blanks_shown(choice), 900 // len(q.choices))}"
            for i, choice in enumerate(q.choices)
        ]
        if q.choices == ("True", "False"):
            lines = ["Press **True** or **False**."]
        embed.add_field(name="Choices", value="\n".join(lines), inline=False)
    if hint:
        embed.add_field(name="Hint", value=f"`{hint}`", inline=False)
    embed.add_field(name="Time", value=f"ends {format_dt(event.deadline, 'R')}", inline=False)
    embed.set_footer(text=f"Topic: {q.entry.topic.label}")
    return embed


def closed_embed(event: QuestionClosed) -> discord.Embed:
    """The answer, who got it and the definition."""
    q = event.question
    entry = q.entry
    if q.typed:
        if event.winners:
            w = event.winners[0]
            who = f"{mention(w.member_id)} got it (+{plural(w.points, 'point')}, {w.ms / 1000:.1f} s)."
        else:
            who = "Time's up: nobody got it."
    else:
        right = ", ".join(f"{mention(w.member_id)} (+{w.points})" for w in event.winners)
        who = f"Right: {right}." if right else "Time's up: nobody got it right."
    answer = (
        q.answer if q.typed else f"{LETTERS[q.answer_index or 0] if len(q.choices) > 2 else ''} {q.answer}"
    )
    embed = discord.Embed(
        title=f"Answer {event.number}/{event.total}: {truncate(entry.term, 200)}",
        description=truncate(f"{who}\n\n**{entry.term}**: {entry.definition}", 4000),
        colour=discord.Colour.green() if event.winners else discord.Colour.orange(),
    )
    if not q.typed and q.kind.value != "meaning":
        embed.add_field(name="Right answer", value=truncate(answer.strip(), 1000), inline=False)
    return embed


def standings_embed(event: RoundFinished) -> discord.Embed:
    """The final standings of a round."""
    title = "Quiz stopped" if event.stopped else "Quiz over"
    lines = [
        f"**{i}.** {mention(s.member_id)}: {plural(s.points, 'point')} ({s.correct}/{s.answered} right)"
        for i, s in enumerate(event.standings[:15], start=1)
    ]
    text = "\n".join(lines) if lines else "Nobody scored this time."
    stopped = (
        f"Stopped by {mention(event.stopped_by)} after {event.asked} of "
        f"{plural(event.total, 'question')}.\n\n"
        if (event.stopped and event.stopped_by)
        else ""
    )
    embed = discord.Embed(title=title, description=truncate(stopped + text, 4000), colour=EMBED_COLOUR)
    embed.set_footer(text="Points are kept on this server's /leaderboard.")
    return embed
