"""Wording shared by every message the bot writes (Discord, console, command line)."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` with ``word`` in the right number: ``1 question``, ``2 questions``, ``0 entries``.

    ``many`` is the plural when it is not ``word + "s"`` (``plural(n, "entry", "entries")``).
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"
