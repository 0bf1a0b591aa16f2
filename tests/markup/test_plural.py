"""plural: the right number in every message."""

from __future__ import annotations

import pytest

from bot.wording import plural


@pytest.mark.parametrize(
    ("count", "word", "many", "expected"),
    [
        (0, "question", None, "0 questions"),
        (1, "question", None, "1 question"),
        (2, "question", None, "2 questions"),
        (1, "alias", "aliases", "1 alias"),
        (73, "alias", "aliases", "73 aliases"),
        (-1, "point", None, "-1 points"),
    ],
)
def test_plural(count: int, word: str, many: str | None, expected: str) -> None:
    assert plural(count, word, many) == expected
