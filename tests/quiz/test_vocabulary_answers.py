"""Typed answers on vocabulary notes (issue 14): a learner types the noun without its article, as a
look-up takes it ("Brot" for "das Brot"); a fresh tester's typed round refused "Glas", "Löffel", "brot"."""

from __future__ import annotations

import random

import pytest

from bot.quiz.questions import QuestionGenerator, QuestionKind
from tests.quiz.conftest import entry_of, make_kb

KB = make_kb(
    {
        "Kitchen": [
            ("das Brot", "Bread"),
            ("der Löffel", "Spoon"),
            ("das Glas", "Glass"),
            ("die Pfanne", "Pan"),
            ("la manzana", "Apple"),
        ]
    }
)


@pytest.mark.parametrize(
    ("term", "typed"),
    [
        ("das Brot", "Brot"),
        ("das Brot", "brot"),
        ("der Löffel", "Löffel"),
        ("der Löffel", "loffel"),  # the umlaut left out, as the name model folds it
        ("das Glas", "Glas"),
        ("die Pfanne", "Pfanne"),
        ("die Pfanne", "die Pfanne"),
        ("la manzana", "manzana"),
    ],
)
def test_a_noun_typed_without_its_article_is_right(term: str, typed: str) -> None:
    generator = QuestionGenerator(KB, random.Random(1))
    question = generator.make(entry_of(KB, term), QuestionKind.WHICH_TERM)
    assert question.checker is not None
    assert question.checker.check(typed)


@pytest.mark.parametrize(
    ("term", "typed"), [("das Brot", "Glas"), ("der Löffel", "Pfanne"), ("das Glas", "das")]
)
def test_another_word_or_the_article_alone_is_still_wrong(term: str, typed: str) -> None:
    generator = QuestionGenerator(KB, random.Random(1))
    question = generator.make(entry_of(KB, term), QuestionKind.WHICH_TERM)
    assert question.checker is not None
    assert not question.checker.check(typed)
