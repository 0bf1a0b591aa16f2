"""Look-ups: /define with autocomplete, "did you mean" buttons, natural questions, /topics."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock
from bot.config import Settings
from bot.discord_bot import StudyBot
from bot.knowledge import Entry, Topic
from bot.markup import plain_text
from bot.matching import Answer, NotFound
from bot.notes import NotesLibrary
from bot.wording import plural
from cogs._buttons import ReportsErrors, short_hash
from cogs._render import (
    CHOICE_LIMIT,
    CHOICES_LIMIT,
    ELLIPSIS,
    EMBED_COLOUR,
    EMBED_DESCRIPTION_LIMIT,
    button_label,
    choice_text,
    entry_embed,
    entry_embeds,
    paginate,
    truncate,
)

log = logging.getLogger(__name__)


class LookupCooldown:
    """At most ``rate`` look-ups per member in ``per`` seconds, measured on ``clock``.

    The buckets count seconds since the epoch, as discord.py's own cooldowns do (``time.time()``).
    """

    def __init__(self, rate: int, per: float, clock: Clock) -> None:
        self.cooldown = app_commands.Cooldown(rate, per)
        self._mapping: commands.CooldownMapping[tuple[int, int]] = commands.CooldownMapping(
            self.cooldown, lambda key: key
        )
        self._clock = clock

    def hit(self, guild_id: int | None, user_id: int) -> float | None:
        """Count one look-up; the seconds to wait if over the limit, else None."""
        now = self._clock.now().timestamp()
        bucket = self._mapping.get_bucket((guild_id or 0, user_id), now)
        return bucket.update_rate_limit(now) if bucket is not None else None


def not_found_text(result: NotFound) -> str:
    """The short refusal, e.g. '"foo" is not in the notes. Did you mean:'."""
    query = discord.utils.escape_markdown(truncate(" ".join(result.query.split()), 100))
    text = f"“{query}” is not in the notes."
    return f"{text} Did you mean:" if result.suggestions else text


def entry_key(entry: Entry) -> str:
    """What a "did you mean" button's custom id says about its entry: the term, or a hash if too long."""
    term = entry.term.casefold()
    plain = len(term) <= 80 and term.isprintable() and not term.startswith("#")
    return term if plain else "#" + short_hash(term)


def entry_for_key(entries: Sequence[Entry], key: str) -> Entry | None:
    """The entry whose :func:`entry_key` is ``key`` (None if the notes no longer have it)."""
    if key.startswith("#"):
        return next((e for e in entries if entry_key(e) == key), None)
    return next((e for e in entries if e.term.casefold() == key), None)


class SuggestionButton(
    ReportsErrors, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"define:(?P<key>.{1,93})"
):
    """One "did you mean" button; clicking it posts that entry's definition, also after a restart."""

    def __init__(self, key: str, label: str = "?") -> None:
        super().__init__(
            discord.ui.Button(
                label=button_label(label), style=discord.ButtonStyle.secondary, custom_id=f"define:{key}"
            )
        )
        self.key = key

    @classmethod
    def of(cls, entry: Entry) -> SuggestionButton:
        """The button for ``entry``."""
        return cls(entry_key(entry), entry.term)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SuggestionButton:
        """Rebuild the button from its custom id."""
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Post the chosen definition (or say that the notes no longer have it)."""
        await lookup_cog(interaction).post_suggestion(interaction, self.key)


def lookup_cog(interaction: discord.Interaction[Any]) -> Lookup:
    """The loaded look-up cog."""
    cog = interaction.client.get_cog("Lookup")
    assert isinstance(cog, Lookup), "the look-up cog is not loaded"
    return cog


def suggestion_view(entries: Sequence[Entry]) -> discord.ui.View:
    """Up to three "did you mean" buttons (persistent: their state is in the custom ids)."""
    view = discord.ui.View(timeout=None)
    keys: set[str] = set()
    for entry in entries:
        button = SuggestionButton.of(entry)
        if button.key not in keys:
            keys.add(button.key)
            view.add_item(button)
        if len(keys) == 3:
            break
    return view


class Lookup(commands.Cog):
    """Answers from the notes: /define, natural questions, /topics."""

    def __init__(self, bot: StudyBot, *, settings: Settings, notes: NotesLibrary, clock: Clock) -> None:
        self.bot = bot
        self.notes = notes
        lookup = settings.lookup
        self.cooldown = LookupCooldown(lookup.cooldown_rate, lookup.cooldown_seconds, clock)
        self.study_channels = frozenset(settings.study_channels)

    async def cog_load(self) -> None:
        """Register the "did you mean" buttons, so old ones work after a restart."""
        self.bot.add_dynamic_items(SuggestionButton)

    async def cog_unload(self) -> None:
        """Forget the buttons."""
        self.bot.remove_dynamic_items(SuggestionButton)

    async def post_suggestion(self, interaction: discord.Interaction[Any], key: str) -> None:
        """Post the definition a "did you mean" button names by ``key`` (or say the notes lost it)."""
        notes = await self.notes.for_guild(interaction.guild_id)
        entry = entry_for_key(notes.kb.entries, key)
        if entry is None:
            await interaction.response.send_message(
                "That term is no longer in the notes; try `/define` again.", ephemeral=True
            )
            return
        await interaction.response.send_message(embed=entry_embed(entry))

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Apply the per-member look-up cooldown to /define."""
        command = interaction.command
        if command is not None and command.name == "define":
            retry_after = self.cooldown.hit(interaction.guild_id, interaction.user.id)
            if retry_after is not None:
                raise app_commands.CommandOnCooldown(self.cooldown.cooldown, retry_after)
        return True

    @app_commands.command(name="define")
    @app_commands.describe(term="The term to look up")
    async def define(
        self, interaction: discord.Interaction[Any], term: app_commands.Range[str, 1, 200]
    ) -> None:
        """Look up a term in the notes."""
        notes = await self.notes.for_guild(interaction.guild_id)
        chosen = self.chosen_entry(notes.kb.entries, term)
        if chosen is not None:
            await interaction.response.send_message(embed=entry_embed(chosen))
            return
        result = notes.matcher.lookup(term)
        if isinstance(result, Answer):
            await interaction.response.send_message(result.lead or None, embeds=entry_embeds(result.entries))
            return
        if result.suggestions:
            view = suggestion_view([s.entry for s in result.suggestions])
            await interaction.response.send_message(not_found_text(result), view=view, ephemeral=True)
        else:
            await interaction.response.send_message(not_found_text(result), ephemeral=True)

    @staticmethod
    def chosen_entry(entries: Sequence[Entry], value: str) -> Entry | None:
        """The entry behind an autocomplete value that had to be shortened to 100 characters."""
        if not value.endswith(ELLIPSIS):
            return None
        found = [e for e in entries if len(e.term) > CHOICE_LIMIT and choice_text(e.term) == value]
        return found[0] if len(found) == 1 else None

    @define.autocomplete("term")
    async def define_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Terms that start like (or look like) what is typed so far (in this server's notes)."""
        notes = await self.notes.for_guild(interaction.guild_id)
        if current.strip():
            entries = notes.matcher.complete(current, limit=CHOICES_LIMIT)
        else:
            entries = sorted(notes.kb.entries, key=lambda e: e.term.casefold())
        choices: list[app_commands.Choice[str]] = []
        seen: set[str] = set()
        for entry in entries:
            value = choice_text(entry.term)
            if value in seen:
                continue
            seen.add(value)
            choices.append(app_commands.Choice(name=value, value=value))
            if len(choices) == CHOICES_LIMIT:
                break
        return choices

    @app_commands.command(name="topics")
    async def topics(self, interaction: discord.Interaction[Any]) -> None:
        """List the topics in the notes with their objectives and term counts."""
        kb = (await self.notes.for_guild(interaction.guild_id)).kb
        counts: dict[Topic, int] = {}
        for entry in kb.entries:
            counts[entry.topic] = counts.get(entry.topic, 0) + 1
        lines = [
            f"**{discord.utils.escape_markdown(t.title)}**"
            + (f" (objective {t.objective})" if t.objective else "")
            + f": {plural(counts.get(t, 0), 'term')}"
            for t in sorted(kb.topics, key=lambda t: t.title.casefold())
        ] or ["No topics loaded."]
        pages = paginate(lines, EMBED_DESCRIPTION_LIMIT)
        embeds = [
            discord.Embed(
                title=f"Topics ({len(kb.topics)})" + (f", page {i}/{len(pages)}" if len(pages) > 1 else ""),
                description=page,
                colour=EMBED_COLOUR,
            )
            for i, page in enumerate(pages, start=1)
        ]
        await interaction.response.send_message(embed=embeds[0])
        for embed in embeds[1:]:
            await interaction.followup.send(embed=embed)

    @staticmethod
    def _channel_names(message: discord.Message) -> dict[int, str]:
        """Names of the channels mentioned in ``message`` that the bot knows."""
        guild = message.guild
        names: dict[int, str] = {}
        for channel_id in message.raw_channel_mentions:
            channel = guild.get_channel_or_thread(channel_id) if guild is not None else None
            if channel is not None:
                names[channel_id] = channel.name
        return names

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer definition questions when mentioned or in a study channel; ignore chatter."""
        me = self.bot.user
        if me is None or message.author.bot or message.guild is None:
            return
        mentioned = me.id in message.raw_mentions
        channel = message.channel
        parent_id = getattr(channel, "parent_id", None)
        in_study = channel.id in self.study_channels or parent_id in self.study_channels
        if not (mentioned or in_study):
            return
        text = plain_text(message.content, channels=self._channel_names(message))
        if not text:
            return
        matcher = (await self.notes.for_guild(message.guild.id)).matcher
        is_question = matcher.is_question(text)
        if not (is_question or mentioned):
            return
        result = matcher.lookup(text)
        if isinstance(result, NotFound) and not (mentioned and is_question):
            return
        if self.cooldown.hit(message.guild.id, message.author.id) is not None:
            log.debug("Look-up cooldown: ignoring a question from %s", message.author.id)
            return
        if isinstance(result, Answer):
            await message.reply(
                result.lead or None, embeds=entry_embeds(result.entries), mention_author=False
            )
        else:
            entries = [s.entry for s in result.suggestions]
            if entries:
                view = suggestion_view(entries)
                await message.reply(not_found_text(result), view=view, mention_author=False)
            else:
                await message.reply(not_found_text(result), mention_author=False)


async def setup(bot: commands.Bot) -> None:
    """Add the look-up cog."""
    assert isinstance(bot, StudyBot), "cogs.lookup needs a StudyBot"
    services = bot.services
    await bot.add_cog(Lookup(bot, settings=services.settings, notes=services.notes, clock=services.clock))
