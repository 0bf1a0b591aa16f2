"""Properties of the matcher on arbitrary text: never crashes, keeps its limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matcher import Answer, Matcher, NotFound
from bot.text import fold, key_of, words


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_lookup_and_friends_accept_any_text(matcher: Matcher, text: str) -> None:
    result = matcher.lookup(text)
    assert isinstance(result, Answer | NotFound)
    assert result.query == text
    if isinstance(result, Answer):
        assert 0 <= result.score <= 100
        assert result.via in {"name", "alias", "fuzzy", "description"}
    else:
        assert len(result.suggestions) <= 3
    found = matcher.complete(text)
    assert len(found) <= 25
    assert len(set(found)) == len(found)
    assert len(matcher.suggest(text)) <= 3
    assert isinstance(matcher.is_question(text), bool)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalisation_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert words(" ".join(words(text))) == words(text)
    key = key_of(text)
    assert key_of(key) == key or not key
