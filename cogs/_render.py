"""Rendering shared by the cogs: entries as embeds, and text cut to Discord's limits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import discord

from bot.knowledge import Entry
from bot.markup import without_wiki_links

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
MESSAGE_LIMIT = 2000
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_FIELD_NAME_LIMIT = 256
EMBED_FIELD_VALUE_LIMIT = 1024
EMBED_FIELDS_LIMIT = 25
EMBED_FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
CHOICES_LIMIT = 25
CHOICE_LIMIT = 100
BUTTON_LABEL_LIMIT = 80

ELLIPSIS = "…"
EMBED_COLOUR = discord.Colour.blurple()


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary, ending with "…"."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def paginate(lines: Iterable[str], limit: int) -> list[str]:
    """Join lines into pages of at most ``limit`` characters; an over-long line is truncated."""
    pages: list[str] = []
    current = ""
    for line in lines:
        line = truncate(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pages.append(current)
            candidate = line
        current = candidate
    if current or not pages:
        pages.append(current)
    return pages


def fit_lines(lines: Sequence[str], limit: int) -> str:
    """Lines joined within ``limit`` characters; what does not fit becomes "… and N more"."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        rest = len(lines) - index - 1
        if len("\n".join([*kept, line])) + len(_more(rest)) <= limit:
            kept.append(line)
            continue
        room = limit - len("\n".join(kept)) - (1 if kept else 0) - len(_more(rest))
        if room >= 20:
            kept.append(truncate(line, room))
        else:
            rest += 1
        if rest:
            kept.append(_more(rest).lstrip("\n"))
        break
    return truncate("\n".join(kept), limit)


def _more(count: int) -> str:
    return f"\n… and {count} more" if count else ""


def bullets(items: Sequence[str], limit: int) -> str:
    """A bullet list within ``limit`` characters."""
    return fit_lines([f"• {item}" for item in items], limit)


def _present(items: Sequence[str]) -> list[str]:
    """Items that are not blank (Discord refuses blank field values)."""
    return [item.strip() for item in items if item.strip()]


def entry_embeds(entries: Sequence[Entry]) -> list[discord.Embed]:
    """One card per entry (a comparison shows several), all of them within one message's 6,000 characters."""
    share = EMBED_TOTAL_LIMIT // max(1, len(entries))
    return [fit_embed(entry_embed(entry), share) for entry in entries]


def entry_embed(entry: Entry) -> discord.Embed:
    """The card for one entry: term, definition, details, examples, topic and objective, see-also."""
    embed = discord.Embed(
        title=truncate(entry.term.strip() or "(no term)", EMBED_TITLE_LIMIT),
        description=truncate(
            without_wiki_links(entry.definition.strip()) or "(no definition)", EMBED_DESCRIPTION_LIMIT
        ),
        colour=EMBED_COLOUR,
    )
    # wiki links as their text (an embed is dropped before blanks are: Discord refuses blank values)
    details = _present([without_wiki_links(d) for d in entry.details])
    examples = _present([without_wiki_links(e) for e in entry.examples])
    if details:
        embed.add_field(name="Details", value=bullets(details, EMBED_FIELD_VALUE_LIMIT), inline=False)
    if examples:
        embed.add_field(name="Examples", value=bullets(examples, EMBED_FIELD_VALUE_LIMIT), inline=False)
    topic = entry.topic.label.strip()
    if topic:
        embed.add_field(name="Topic", value=truncate(topic, EMBED_FIELD_VALUE_LIMIT), inline=True)
    see_also = _present(entry.see_also)
    if see_also:
        embed.add_field(
            name="See also", value=truncate(", ".join(see_also), EMBED_FIELD_VALUE_LIMIT), inline=True
        )
    aliases = _present(entry.aliases)
    if aliases:
        embed.set_footer(text=truncate("Also called: " + ", ".join(aliases), EMBED_FOOTER_LIMIT))
    return fit_embed(embed)


def fit_embed(embed: discord.Embed, total: int = EMBED_TOTAL_LIMIT) -> discord.Embed:
    """Shrink the longest parts until the whole embed is within ``total`` characters and 25 fields."""
    while len(embed.fields) > EMBED_FIELDS_LIMIT:
        embed.remove_field(-1)
    while len(embed) > total:
        excess = len(embed) - total
        parts: list[tuple[int, str]] = [(len(embed.description or ""), "description")]
        parts += [(len(f.value or ""), f"field:{i}") for i, f in enumerate(embed.fields)]
        parts.append((len(embed.footer.text or ""), "footer"))
        size, which = max(parts)
        target = max(size - excess, min(size // 2, 200)) if size > 200 else 0
        if which == "description":
            embed.description = truncate(embed.description or "", target)
        elif which == "footer":
            if target:
                embed.set_footer(text=truncate(embed.footer.text or "", target))
            else:
                embed.remove_footer()
        else:
            index = int(which.split(":")[1])
            field = embed.fields[index]
            if target:
                embed.set_field_at(index, name=field.name or "", value=truncate(field.value or "", target))
            else:
                embed.remove_field(index)
    return embed


def choice_text(text: str) -> str:
    """An autocomplete choice name or value within 100 characters."""
    return truncate(text, CHOICE_LIMIT)


def button_label(text: str) -> str:
    """A button label within 80 characters."""
    return truncate(text, BUTTON_LABEL_LIMIT)


def message_text(text: str) -> str:
    """Message content within 2,000 characters."""
    return truncate(text, MESSAGE_LIMIT)


def blanks_shown(text: str) -> str:
    """``text`` with its fill-in blanks (runs of underscores) escaped, so Discord shows them.

    Discord reads ``__x__`` as underline and ``_x_`` as italics: an unescaped ``____`` is taken as
    markup and the blank the question is about may be drawn as a short italic mark or nothing at all.
    """
    return _UNDERSCORE_RUN.sub(lambda m: "\\_" * len(m.group()), text)


_UNDERSCORE_RUN = re.compile(r"(?<!\\)_{3,}")


def code_block(lines: Sequence[str], limit: int) -> str:
    """Lines inside a code block of at most ``limit`` characters."""
    fence = "```"
    safe = [line.replace(fence, "'''") for line in lines]
    body = fit_lines(safe, limit - 2 * len(fence) - 2)
    return f"{fence}\n{body}\n{fence}"
