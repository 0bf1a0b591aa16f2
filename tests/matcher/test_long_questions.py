"""A long text costs the matcher in proportion to its length, not its length squared."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from bot.matching.matcher import MAX_QUERY_CHARS
from bot.matching.variants import LooseIndex

TWO_LETTER_WORDS = [
    "go",
    "to",
    "is",
    "up",
    "on",
    "by",
    "ab",
    "cd",
    "ef",
    "gh",
    "ij",
    "kl",
    "mn",
    "op",
    "qr",
    "st",
    "uv",
    "wx",
    "yz",
]


@pytest.mark.parametrize("chars", [2_000, 4_000, MAX_QUERY_CHARS])
def test_leaving_out_each_word_of_a_long_question_is_not_tried(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch, chars: int
) -> None:
    """Each word left out in turn is one loose look-up of the rest: a 4,000-character question of
    two-letter words made about 1,000 of them, each as long as the question."""
    words = (TWO_LETTER_WORDS * (chars // 3 // len(TWO_LETTER_WORDS) + 1))[: chars // 3]
    text = " ".join(words)[:chars]
    calls = 0
    real_hit = LooseIndex.hit

    def counted(self: LooseIndex, key: str) -> int | None:
        nonlocal calls
        calls += 1
        return real_hit(self, key)

    monkeypatch.setattr(LooseIndex, "hit", counted)
    assert isinstance(matcher.lookup(text), NotFound)
    assert calls <= 30  # the question as parsed and as typed, each with at most 12 words to leave out


def test_a_word_is_still_left_out_of_a_question_of_ordinary_length(matcher: Matcher) -> None:
    """The bound leaves real questions as they were: "application software containerization"."""
    found = matcher.lookup("what is application software containerization")
    assert isinstance(found, Answer)
    assert found.entry.term == "Application containerization"
