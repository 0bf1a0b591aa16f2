"""The matcher against realistic questions about the seed notes: every one must be right."""

from __future__ import annotations

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.matcher.conftest import grade, load_cases

QUESTIONS = load_cases("questions.yaml")


def test_question_set_is_big_and_balanced() -> None:
    negatives = [c for c in QUESTIONS if c["expect"] is None]
    assert len(QUESTIONS) >= 130
    assert len(negatives) >= 40


def test_every_question_is_answered_right(matcher: Matcher) -> None:
    right, wrong = grade(matcher, QUESTIONS)
    print(f"matcher question set: {right}/{len(QUESTIONS)} right ({100 * right / len(QUESTIONS):.1f}%)")
    assert wrong == []


@pytest.mark.parametrize("case", [c for c in QUESTIONS if c["expect"] is None], ids=lambda c: c["q"])
def test_out_of_scope_question_is_refused(matcher: Matcher, case: dict[str, object]) -> None:
    result = matcher.lookup(str(case["q"]))
    assert isinstance(result, NotFound), f"confident wrong answer: {result}"
    assert len(result.suggestions) <= 3


def test_answers_say_how_they_were_found(matcher: Matcher) -> None:
    cases = {
        "Hypervisor": "name",
        "VMM": "alias",
        "hypervisr": "fuzzy",
        "attack that breaks out of a VM to the hypervisor": "description",
    }
    for question, via in cases.items():
        result = matcher.lookup(question)
        assert isinstance(result, Answer), question
        assert result.via == via, question
        assert 0 <= result.score <= 100
        assert result.query == question


def test_held_out_questions(matcher: Matcher) -> None:
    # Written before the matcher was tuned and first checked at the end (51/51); kept as a regression test.
    cases = load_cases("heldout.yaml")
    right, wrong = grade(matcher, cases)
    print(f"matcher held-out set: {right}/{len(cases)} right")
    assert wrong == []
