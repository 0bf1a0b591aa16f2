"""The typed-answer check's shortcuts (first-letter reject, cached keys) change no decision.

``reference_judge`` is the check as the name model states it, parsing every text in full; the
checker must give the same verdict for every text and every entry of the agreement test's notes.
"""

from __future__ import annotations

from hypothesis import given, settings

from bot.matching.names import key_initials, key_of, plural_of_key, within_typos
from bot.matching.query import parse_query
from bot.quiz.answers import AnswerChecker, Verdict
from tests.matcher.test_name_agreement import CHECKERS, TEXTS


def reference_judge(checker: AnswerChecker, text: str) -> Verdict | None:
    """The verdict without shortcuts: both keys of ``text`` parsed afresh, then compared."""
    if len(text) > checker._longest + 80:
        return None
    parsed = parse_query(text, checker._context)
    guesses = [key for key in dict.fromkeys((key_of(text), parsed.key)) if key]
    if any(key in checker._exact for key in guesses):
        return Verdict.EXACT
    if plural_of_key(parsed.plain, parsed.key) and parsed.plain in checker._exact:
        return Verdict.EXACT
    for key in guesses:
        if key in checker._taken:
            continue
        for name in checker._exact:
            if within_typos(key, name):
                return Verdict.TYPO
    return None


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_the_checker_decides_as_the_reference(text: str) -> None:
    for entry, checker in CHECKERS.items():
        assert checker.judge(text) is reference_judge(checker, text), (entry.term, text)
        assert checker.judge(text) is reference_judge(checker, text), (entry.term, text)  # cached


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_every_key_starts_with_one_of_the_key_initials(text: str) -> None:
    initials = key_initials(text)
    parsed = parse_query(text)
    for key in (key_of(text), parsed.key, parsed.plain):
        assert not key or key[0] in initials, (text, key, initials)


def test_texts_the_first_letters_cannot_name_are_rejected_and_the_rest_still_answer() -> None:
    checker = AnswerChecker(["Type II hypervisor", "hosted hypervisor"])
    assert key_initials("banana 123456").isdisjoint({"t", "h"})
    assert checker.judge("banana 123456") is None
    assert checker.judge("type two hypervisors") is Verdict.EXACT
    assert checker.judge("what is a hosted hypervisr") is Verdict.TYPO
    assert key_initials("type two") == {"t", "2"}
    assert "a" in key_initials("x vs y")  # "vs" reads "and"
