"""/notes: a server's own notes, managed from Discord (upload with preview and Confirm, list, remove,
rollback, shared-notes switch, editor role, export). The work is done by ``bot.notes.manager``.

Confirm and Cancel are ``DynamicItem`` buttons whose custom id names the stored upload and the member
who made it, so they keep working after a restart and in any shard process until the upload expires.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import StudyBot
from bot.notes import NotesLibrary
from bot.notes.export import FORMATS
from bot.notes.manager import NotesActionError, NotesManager, StoredPreview
from bot.notes.upload import NotesLimits
from cogs._buttons import ReportsErrors, disabled_view
from cogs._render import MESSAGE_LIMIT, truncate

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
#: Terms shown in a preview.
PREVIEW_TERMS = 8
#: Problems shown inline before the full list goes into an attached text file.
INLINE_PROBLEMS = 12


def _escape(text: str) -> str:
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def preview_text(stored: StoredPreview) -> tuple[str, str | None]:
    """The private preview message, and the full problem list as text when it does not fit."""
    preview = stored.preview
    lines: list[str] = []
    if preview.entries:
        what = "replaces the server's topic" if preview.replaces else "a new topic"
        lines.append(
            f"**{_escape(preview.title)}** from `{_escape(preview.filename)}`: "
            f"{len(preview.entries)} {'entry' if len(preview.entries) == 1 else 'entries'} ({what})."
        )
        first = ", ".join(_escape(t) for t in preview.first_terms(PREVIEW_TERMS))
        more = len(preview.entries) - PREVIEW_TERMS
        lines.append(f"First terms: {first}" + (f" and {more} more." if more > 0 else "."))
    else:
        lines.append(f"`{_escape(preview.filename)}` cannot be stored.")
    listing = [*preview.problems, *(f"warning: {w}" for w in preview.warnings)]
    attachment = None
    if preview.problems:
        count = len(preview.problems)
        lines.append(
            f"**{count} problem{'s' if count != 1 else ''}**: fix {'them' if count != 1 else 'it'} and "
            "upload again; nothing was changed and the current notes keep serving."
        )
    elif preview.warnings:
        lines.append(
            f"{len(preview.warnings)} note{'s' if len(preview.warnings) != 1 else ''} (not blocking):"
        )
    if listing:
        shown = listing[:INLINE_PROBLEMS]
        block = "\n".join(truncate(line, 300) for line in shown).replace("```", "'''")
        if len(listing) > len(shown):
            block += f"\n... and {len(listing) - len(shown)} more (all in problems.txt)"
            attachment = "\n".join(listing) + "\n"
        lines.append(f"```\n{block}\n```")
    if stored.pending_id is not None:
        until = discord.utils.format_dt(stored.expires_at, "R")
        lines.append(f"Nothing is stored until you press **Confirm** (before {until}).")
    text = "\n".join(lines)
    if len(text) > MESSAGE_LIMIT:
        attachment = "\n".join(listing) + "\n"
        text = truncate(text, MESSAGE_LIMIT - 40).rstrip("`\n") + "\n```\n(full list in problems.txt)"
    return text, attachment


class UploadButton(
    ReportsErrors,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"notes:(?P<action>confirm|cancel):(?P<pending>\d+):(?P<member>\d+)",
):
    """Confirm or Cancel a previewed upload; the upload and its uploader are in the custom id."""

    def __init__(self, action: str, pending_id: int, member_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Confirm" if action == "confirm" else "Cancel",
                style=discord.ButtonStyle.success if action == "confirm" else discord.ButtonStyle.secondary,
                custom_id=f"notes:{action}:{pending_id}:{member_id}",
            )
        )
        self.action = action
        self.pending_id = pending_id
        self.member_id = member_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> UploadButton:
        """Rebuild the button from its custom id."""
        return cls(match["action"], int(match["pending"]), int(match["member"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Hand the click to the notes cog."""
        cog = interaction.client.get_cog("Notes")
        if not isinstance(cog, Notes):
            await interaction.response.send_message("Notes uploads are turned off here.", ephemeral=True)
            return
        # the database down, Discord refusing: ReportsErrors hands it to the one error handler
        await cog.decide(interaction, self.action, self.pending_id, self.member_id)


class Notes(commands.Cog):
    """A server's own notes: what it studies, managed by its moderators."""

    notes = app_commands.Group(name="notes", description="This server's own notes.", guild_only=True)

    def __init__(self, bot: StudyBot, *, manager: NotesManager, notes: NotesLibrary) -> None:
        self.bot = bot
        self.manager = manager
        self.notes_library = notes

    async def cog_load(self) -> None:
        """Register the Confirm / Cancel buttons (they work after a restart until the upload expires)."""
        self.bot.add_dynamic_items(UploadButton)

    async def cog_unload(self) -> None:
        """Forget the buttons."""
        self.bot.remove_dynamic_items(UploadButton)

    # -- who may edit ----------------------------------------------------------------------------

    async def _is_manager(self, interaction: discord.Interaction[Any]) -> bool:
        return bool(interaction.permissions.manage_guild) or await self.bot.is_owner(interaction.user)

    async def check_editor(self, interaction: discord.Interaction[Any]) -> None:
        """Manage Server, the bot's owner, or the server's notes-editor role; else NotesActionError."""
        if await self._is_manager(interaction):
            return
        assert interaction.guild_id is not None
        role_id = await self.manager.editor_role(interaction.guild_id)
        roles = getattr(interaction.user, "roles", [])
        if role_id is not None and any(role.id == role_id for role in roles):
            return
        raise NotesActionError(
            "Only members with Manage Server"
            + (" or the notes-editor role" if role_id is not None else "")
            + " can change this server's notes."
        )

    async def check_manager(self, interaction: discord.Interaction[Any]) -> None:
        """Manage Server or the bot's owner; else NotesActionError."""
        if not await self._is_manager(interaction):
            raise NotesActionError("Only members with Manage Server can change that.")

    # -- upload ----------------------------------------------------------------------------------

    @notes.command(name="upload")
    @app_commands.describe(file="Markdown (.md, .txt), flash cards (.csv, .tsv) or a knowledge file (.yaml)")
    async def upload(self, interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        """Upload this server's notes: a preview first, stored on Confirm (Manage Server or notes editors)."""
        assert interaction.guild_id is not None
        await self.check_editor(interaction)
        self.manager.check_size(file.filename, file.size)  # before downloading anything
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            data = await file.read()
        except discord.HTTPException as exc:
            log.warning("could not download upload %s: %s", file.filename, exc)
            raise NotesActionError(
                f"I could not download `{_escape(file.filename)}` from Discord; upload it again. "
                "Nothing was changed."
            ) from None
        stored = await self.manager.preview(interaction.guild_id, interaction.user.id, file.filename, data)
        text, problems = preview_text(stored)
        view = discord.ui.View(timeout=None)
        if stored.pending_id is not None:
            view.add_item(UploadButton("confirm", stored.pending_id, interaction.user.id))
            view.add_item(UploadButton("cancel", stored.pending_id, interaction.user.id))
        files = [discord.File(io.BytesIO(problems.encode()), "problems.txt")] if problems else []
        await interaction.followup.send(
            text, view=view, files=files, ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def decide(
        self, interaction: discord.Interaction[Any], action: str, pending_id: int, member_id: int
    ) -> None:
        """Store (Confirm) or drop (Cancel) a previewed upload; only its uploader may."""
        if interaction.user.id != member_id or interaction.guild_id is None:
            await interaction.response.send_message("This upload is not yours.", ephemeral=True)
            return
        done = disabled_view(interaction.message) if interaction.message is not None else None
        if action == "cancel":
            await self.manager.cancel(interaction.guild_id, member_id, pending_id)
            await interaction.response.edit_message(
                content="Cancelled: nothing was changed.",
                view=done,
                attachments=[],
                allowed_mentions=NO_MENTIONS,
            )
            return
        try:
            await self.check_editor(interaction)
            published = await self.manager.confirm(interaction.guild_id, member_id, pending_id)
        except NotesActionError as exc:
            await interaction.response.edit_message(
                content=exc.user_message, view=done, attachments=[], allowed_mentions=NO_MENTIONS
            )
            return
        await interaction.response.edit_message(
            content=(
                f"Stored **{_escape(published.title)}** (version {published.version}, "
                f"{published.entries} {'entry' if published.entries == 1 else 'entries'}); "
                "it answers in this server now."
            ),
            view=done,
            attachments=[],
            allowed_mentions=NO_MENTIONS,
        )

    # -- the server's topics -------------------------------------------------------------------------

    @notes.command(name="list")
    async def list_topics(self, interaction: discord.Interaction[Any]) -> None:
        """This server's own topics: terms, version, who uploaded them and when."""
        assert interaction.guild_id is not None
        topics = await self.manager.topics(interaction.guild_id)
        state = await self.manager.state(interaction.guild_id)
        shared = self.notes_library.shared.kb
        lines = [
            f"**{_escape(t.title)}**: {t.entries} {'term' if t.entries == 1 else 'terms'}, "
            f"version {t.version}, "
            + (f"by <@{t.uploaded_by}> " if t.uploaded_by else "")
            + discord.utils.format_dt(t.uploaded_at, "R")
            for t in topics
        ] or ["This server has no notes of its own yet: upload some with `/notes upload`."]
        if state.shared:
            lines.append(
                f"Shared notes: **on** ({len(shared.topics)} topics, {len(shared.entries)} terms); "
                "`/notes shared` switches them off."
            )
        else:
            lines.append("Shared notes: **off** (only this server's topics are used).")
        if state.editor_role_id is not None:
            lines.append(f"Notes editors: <@&{state.editor_role_id}> and members with Manage Server.")
        await interaction.response.send_message(
            truncate("\n".join(lines), MESSAGE_LIMIT), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    async def own_topic_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """This server's topics (removed ones too) containing what was typed."""
        if interaction.guild_id is None:
            return []
        wanted = current.strip().casefold()
        titles = await self.manager.topic_titles(interaction.guild_id)
        return [app_commands.Choice(name=t[:100], value=t[:100]) for t in titles if wanted in t.casefold()][
            :25
        ]

    @notes.command(name="remove")
    @app_commands.describe(topic="The topic to stop using (rollback brings it back)")
    @app_commands.autocomplete(topic=own_topic_choices)
    async def remove(
        self, interaction: discord.Interaction[Any], topic: app_commands.Range[str, 1, 200]
    ) -> None:
        """Stop using one of this server's topics (Manage Server or notes editors)."""
        assert interaction.guild_id is not None
        await self.check_editor(interaction)
        removed = await self.manager.remove(interaction.guild_id, interaction.user.id, topic)
        await interaction.response.send_message(
            f"Removed **{_escape(removed.title)}** ({removed.entries} entries). "
            "`/notes rollback` brings it back.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @notes.command(name="rollback")
    @app_commands.describe(topic="The topic to take back to its previous version")
    @app_commands.autocomplete(topic=own_topic_choices)
    async def rollback(
        self, interaction: discord.Interaction[Any], topic: app_commands.Range[str, 1, 200]
    ) -> None:
        """Go back to a topic's previous version; the last 10 are kept (Manage Server or notes editors)."""
        assert interaction.guild_id is not None
        await self.check_editor(interaction)
        previous = await self.manager.rollback(interaction.guild_id, topic)
        await interaction.response.send_message(
            f"**{_escape(previous.title)}** is back to version {previous.version} "
            f"({previous.entries} entries, uploaded {discord.utils.format_dt(previous.uploaded_at, 'R')}).",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @notes.command(name="shared")
    @app_commands.describe(
        enabled="On: this server's topics are added to the shared notes; off: only its own"
    )
    async def shared(self, interaction: discord.Interaction[Any], enabled: bool) -> None:
        """Use the shared notes that come with the bot in this server, or not (Manage Server)."""
        assert interaction.guild_id is not None
        await self.check_manager(interaction)
        await self.manager.set_shared(interaction.guild_id, enabled)
        text = (
            "Shared notes **on**: this server's topics are added to them."
            if enabled
            else "Shared notes **off**: only this server's own topics are used."
        )
        await interaction.response.send_message(text, ephemeral=True)

    @notes.command(name="editors")
    @app_commands.describe(role="Members with this role may upload, remove and roll back (leave out: nobody)")
    async def editors(self, interaction: discord.Interaction[Any], role: discord.Role | None = None) -> None:
        """Choose the role that may manage the notes besides Manage Server (Manage Server)."""
        assert interaction.guild_id is not None
        await self.check_manager(interaction)
        await self.manager.set_editor_role(interaction.guild_id, role.id if role else None)
        text = (
            f"Members with {role.mention} may now manage this server's notes."
            if role
            else "Only members with Manage Server may manage this server's notes now."
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    # -- export --------------------------------------------------------------------------------------

    async def seen_topic_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """Every topic this server sees containing what was typed."""
        wanted = current.strip().casefold()
        kb = (await self.notes_library.for_guild(interaction.guild_id)).kb
        titles = sorted({t.title for t in kb.topics}, key=str.casefold)
        return [app_commands.Choice(name=t[:100], value=t[:100]) for t in titles if wanted in t.casefold()][
            :25
        ]

    @notes.command(name="export")
    @app_commands.describe(
        topic="Only this topic (all if left out)",
        format="yaml (re-uploadable), anki (.apkg deck) or csv",
    )
    @app_commands.autocomplete(topic=seen_topic_choices)
    async def export(
        self,
        interaction: discord.Interaction[Any],
        format: Literal["yaml", "anki", "csv"],
        topic: str | None = None,
    ) -> None:
        """Download this server's notes as knowledge YAML, an Anki deck or CSV."""
        assert interaction.guild_id is not None
        assert format in FORMATS
        await interaction.response.defer(ephemeral=True, thinking=True)
        files = await self.manager.export(interaction.guild_id, topic, format)
        if len(files) > 10:
            raise NotesActionError(
                f"That is {len(files)} files and Discord allows 10 per message: choose a topic, or "
                "export as anki or csv (one file)."
            )
        limit = interaction.guild.filesize_limit if interaction.guild is not None else 10 * 1024 * 1024
        if sum(len(data) for _, data in files) > limit:
            raise NotesActionError("The export is larger than this server's upload limit; choose one topic.")
        await interaction.followup.send(
            f"{len(files)} file{'s' if len(files) != 1 else ''} ({format}).",
            files=[discord.File(io.BytesIO(data), name) for name, data in files],
            ephemeral=True,
        )


async def setup(bot: commands.Bot) -> None:
    """Add the notes cog with the services it uses (the servers' notes, their repository, the clock)."""
    assert isinstance(bot, StudyBot), "cogs.notes needs a StudyBot"
    services = bot.services
    settings = services.settings.notes
    manager = NotesManager(
        services.notes,
        services.store.notes,
        services.clock,
        limits=NotesLimits(settings.max_file_bytes, settings.max_entries),
        confirm_minutes=settings.confirm_minutes,
    )
    await bot.add_cog(Notes(bot, manager=manager, notes=services.notes))
