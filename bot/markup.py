"""Discord message markup to plain text, so a question is read the way a person reads it.

A member's message arrives as typed: ``@everyone what is **vm escape**?``, ``<@123> what's a
||hypervisor||``, ``> quoted`` lines, ``# headings``, ``- lists``, custom emoji ``<:name:id>``,
timestamps ``<t:1700000000:R>`` and masked links ``[text](url)``. :func:`plain_text` turns that into
the words a reader sees (``what is vm escape?``), which the question detector and the matcher then
read. It is a pure function over the message text (no discord import), used by the chat-question cog
and the command line (``bot ask``, the console) alike.

Markup handled (https://support.discord.com/hc/en-us/articles/210298617 and the API's message
formatting reference):

- mentions: users ``<@id>``/``<@!id>``, roles ``<@&id>``, ``@everyone``/``@here`` before the first
  or after the last word are addressees, not words of the question (dropped); inside the sentence
  user and role mentions are dropped and ``@everyone``/``@here`` read as the words; channels
  ``<#id>`` (dropped before the first word, elsewhere their name when known, else dropped); slash
  command mentions ``</name sub:id>`` (``/name sub``); guild navigation ``<id:customize>`` (dropped);
- custom emoji ``<:name:id>``, animated ``<a:name:id>`` and ``:shortcode:`` emoji (dropped);
- timestamps ``<t:unix>`` and ``<t:unix:style>`` (dropped);
- inline markdown: bold, italics (``*`` and ``_``), underline, spoilers, inline code (their text
  kept), strike-through (its text dropped: the writer took it back), backslash escapes;
- block markdown: fenced code blocks (the language tag dropped, the text kept), block quotes ``>``
  and ``>>>`` (dropped when the message has other text: that is the question; kept otherwise),
  headings ``#``..``###``, subtext ``-#``, bulleted and numbered lists;
- links: masked ``[text](url)`` (the text), suppressed ``<https://...>`` and bare URLs (dropped).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["answer_text", "plain_text", "without_wiki_links"]

_FENCE = re.compile(r"```(?:[\w+#.-]*[ \t]*\n)?(.*?)```", re.DOTALL)
_MULTI_QUOTE = re.compile(r"^>>> ?(.*)\Z", re.DOTALL | re.MULTILINE)
_QUOTE_LINE = re.compile(r"^ {0,3}> ?")
_BLOCK_PREFIX = re.compile(
    r"^[ \t]*(?:"
    r"-#[ \t]+"  # subtext
    r"|#{1,3}[ \t]+"  # headings
    r"|[-*+][ \t]+"  # bulleted list items
    r"|\d{1,9}[.)][ \t]+"  # numbered list items
    r")+"
)
_USER = re.compile(r"<@!?\d+>")
_ROLE = re.compile(r"<@&\d+>")
_CHANNEL = re.compile(r"<#(\d+)>")
_EVERYONE = re.compile(r"(?<![\w@])@(?:everyone|here)\b")
_SLASH = re.compile(r"</([\w -]{1,100}):\d+>")
_GUILD_NAV = re.compile(r"<id:\w+>")
_EMOJI = re.compile(r"<a?:\w{1,32}:\d+>")
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,32}:(?![\w:])")
_TIMESTAMP = re.compile(r"<t:-?\d+(?::[tTdDfFRsS])?>")
_MASKED_LINK = re.compile(
    r"\[([^\]\n]{0,256})\]\(\s*<?[a-z][\w+.-]{0,20}://[^()\[\]\s<>]{0,512}>?(?:\s+\"[^\"\n]{0,256}\")?\s*\)",
    re.IGNORECASE,
)
_URL = re.compile(r"<?\b(?:https?|ftp|discord)://[^\s<>]+>?", re.IGNORECASE)
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\([^A-Za-z0-9\s])")
#: Struck-out text was taken back by its writer: a reader skips it.
_STRIKE = re.compile(r"~~(.{1,500}?)~~", re.DOTALL)
#: Emphasis spans are bounded (a message holds at most 4,000 characters), so that text full of
#: unmatched delimiters costs linear time, not quadratic.
_PAIRED = (
    re.compile(r"\|\|(.{1,500}?)\|\|", re.DOTALL),  # spoiler
    re.compile(r"\*\*(.{1,500}?)\*\*", re.DOTALL),  # bold
    re.compile(r"__(.{1,500}?)__", re.DOTALL),  # underline
    re.compile(r"(?<![\w*])\*(?!\s)([^*]{1,500}?)(?<!\s)\*(?![\w*])"),  # italics
    re.compile(r"(?<![\w_])_(?!\s)([^_]{1,500}?)(?<!\s)_(?![\w_])"),  # italics
)
#: Who a message is addressed to, before its first word: people, roles, channels, everyone.
_ADDRESS = re.compile(r"^(?:\s*(?:<@[!&]?\d+>|<#\d+>|@everyone\b|@here\b)[\s,:;]*)+")
#: ... and after its last word, before the closing punctuation: "what is X, @everyone?"
_LAST_ADDRESS = re.compile(r"(?:<@[!&]?\d{1,20}>|(?<![\w@])@everyone|(?<![\w@])@here)\Z")
#: A name typed after "@" without picking the member (plain text, not a mention), first or last in a message.
_PLAIN_FIRST = re.compile(r"^(?:@\w(?:[\w.]{0,30}\w)?(?![\w@])[\s,:;]*)+")
_PLAIN_LAST = re.compile(r"(?<=[\s,:;])@\w(?:[\w.]{0,30}\w)?\Z")
_SPACES = re.compile(r"[ \t\u00a0]+")
#: Private-use characters that stand in for protected text while the markdown is taken apart.
_HOLD = "\ue000"
_HELD = re.compile(_HOLD + r"(\d+)" + _HOLD)


def plain_text(content: str, *, channels: Mapping[int, str] | None = None) -> str:
    """The words of a Discord message as a reader sees them, markup removed (see the module docstring).

    ``content`` is the raw ``message.content``; ``channels`` maps channel ids to names for ``<#id>``
    mentions (unknown channels are dropped). Lines are joined with single spaces and the result is
    stripped; an empty string means the message had no words (only mentions, emoji and the like).
    Never raises for any input.
    """
    held: list[str] = []

    def hold(text: str) -> str:
        held.append(text)
        return f"{_HOLD}{len(held) - 1}{_HOLD}"

    text = content.replace(_HOLD, " ").replace("\r\n", "\n").replace("\r", "\n")
    # code first: nothing inside it is markup
    text = _FENCE.sub(lambda m: "\n" + hold(m.group(1).strip()) + "\n", text)
    text = _INLINE_CODE.sub(lambda m: hold(m.group(2).strip()), text)
    text = _ESCAPE.sub(lambda m: hold(m.group(1)), text)
    text = _ADDRESS.sub("", text.lstrip())
    text = _drop_last_addressees(text)
    text = _drop_quotes(text)
    text = "\n".join(_BLOCK_PREFIX.sub("", line) for line in text.split("\n"))
    text = _MASKED_LINK.sub(lambda m: m.group(1), text)
    text = _URL.sub(" ", text)
    text = _TIMESTAMP.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    text = _GUILD_NAV.sub(" ", text)
    text = _SLASH.sub(lambda m: "/" + m.group(1), text)
    text = _USER.sub(" ", text)
    text = _ROLE.sub(" ", text)
    names = channels or {}
    text = _CHANNEL.sub(lambda m: f" {names.get(int(m.group(1)), '')} ", text)
    text = _EVERYONE.sub(lambda m: m.group(0)[1:], text)  # mid-sentence: the word ("an @everyone storm")
    text = _SHORTCODE.sub(" ", text)
    text = _STRIKE.sub(" ", text)
    for _ in range(3):  # nested emphasis: ***bold italics***, ||**spoiled bold**||
        before = text
        for pattern in _PAIRED:
            text = pattern.sub(lambda m: m.group(1), text)
        if text == before:
            break
    text = _HELD.sub(lambda m: held[int(m.group(1))], text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    joined = " ".join(line for line in lines if line)
    return _tidy(joined)


def answer_text(content: str) -> str:
    """A typed quiz answer as its writer means it: :func:`plain_text`, and a plain ``@Name`` (typed, not
    picked as a mention) before the first or after the last word dropped too: "@Sam VM escape" answers
    "VM escape". Used only for answers, where a name is never the answer's first word (a term that
    starts with "@" is still right typed as is: callers try the raw text first). "" when nothing is left.
    """
    text = plain_text(content)
    if "@" not in text:
        return text
    text = _PLAIN_FIRST.sub("", text)
    body = text.rstrip("?!.")
    closing = text[len(body) :]
    while (match := _PLAIN_LAST.search(body[-40:])) is not None:
        body = body[: len(body) - len(match.group(0))].rstrip(" \t,:;")
    return body + closing if body else ""


def _drop_last_addressees(text: str) -> str:
    """``text`` without the mentions after its last word (the closing ``?!.`` is kept)."""
    core = text.rstrip()
    body = core.rstrip("?!.")
    closing = core[len(body) :]
    found = False
    while True:
        body = body.rstrip(" \t\n,:;")
        match = _LAST_ADDRESS.search(body[-30:])
        if match is None:
            break
        body = body[: len(body) - len(match.group(0))]
        found = True
    return body.rstrip(" \t\n,:;") + closing if found else text


def _drop_quotes(text: str) -> str:
    """Block quotes without their markers; dropped entirely when the message has other text."""
    multi = _MULTI_QUOTE.search(text)
    quoted: list[str] = []
    rest: list[str] = []
    before = text[: multi.start()] if multi else text
    for line in before.split("\n"):
        if _QUOTE_LINE.match(line):
            quoted.append(_QUOTE_LINE.sub("", line))
        else:
            rest.append(line)
    if multi:
        quoted.extend(multi.group(1).split("\n"))
    if any(_has_words(line) for line in rest):
        return "\n".join(rest)
    return "\n".join(rest + quoted)


def _has_words(line: str) -> bool:
    """Whether a line says anything once mentions, emoji and timestamps are gone."""
    for pattern in (_USER, _ROLE, _CHANNEL, _EVERYONE, _EMOJI, _TIMESTAMP, _GUILD_NAV, _SHORTCODE):
        line = pattern.sub(" ", line)
    return any(c.isalnum() for c in line)


_SPACE_BEFORE_PUNCT = re.compile(r"(?<! ) +([?!.,;:])")
_DANGLING = re.compile(r"(?<![,;:])[,;:]+(?=[?!.]|$)")


def _tidy(text: str) -> str:
    """Close the gaps left where markup was removed before punctuation (``escape ?`` -> ``escape?``)."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip()
    return _DANGLING.sub("", text).strip(" ,;:")


#: A wiki link (Obsidian, Foam, ...): ``[[target]]``, ``[[target#heading]]``, ``[[target|text]]``; group 1
#: is the target, group 2 the text shown where there is one.
_WIKI_LINK = re.compile(r"\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
#: A wiki embed (an image, another note) and the space before it: it shows no words.
_WIKI_EMBED = re.compile(r"\s*!\[\[[^\[\]]*\]\]")


def without_wiki_links(text: str) -> str:
    """Notes' text as a reader sees it rendered: a wiki link as its text ("[[Prefixes]]" -> "Prefixes",
    "[[Morphemes|morpheme]]" -> "morpheme", "[[Syntax#Order]]" -> "Syntax"), an embed ("![[diagram.png]]")
    as nothing. Discord shows ``[[...]]`` as typed, so answers and questions show it this way."""
    if "[[" not in text:
        return text
    return _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), _WIKI_EMBED.sub("", text))
