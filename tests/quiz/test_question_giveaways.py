"""Faults found grading seed-2 questions on notes nobody tuned on, each kind on a small knowledge base:
wiki links shown raw, an option that is another entry the question's entry contains, an acronym whose
expansion spells it, typed answers nobody would type, prompts left unreadable by blanks."""

from __future__ import annotations

import random

from bot.knowledge import KnowledgeBase
from bot.quiz import QuestionGenerator, QuizMode, RoundSettings
from tests.quiz.conftest import make_kb

FILLERS = [
    ("Borrowing", "References to values without taking ownership."),
    ("Crate", "A compilation unit, a library or a binary, with its own root module."),
    ("Enum", "A sum type with a finite set of named variants that may carry data."),
    ("Trait", "A collection of function signatures over Self that types implement."),
]


def _rounds(kb: KnowledgeBase, seeds: range, count: int = 30, mode: QuizMode = QuizMode.MIXED):
    """Every question of rounds of ``count`` with each seed."""
    for seed in seeds:
        generator = QuestionGenerator(kb, random.Random(seed))
        yield from generator.generate(RoundSettings(questions=count, mode=mode))


def test_wiki_links_show_their_text_in_prompts_and_options() -> None:
    kb = make_kb(
        {
            "Morphology": [
                ("Bound Morphemes", "[[Prefixes]] or [[Suffixes|suffix]] that must be attached to a word."),
                ("Free Morphemes", "Words that can stand alone, see [[Morphology#Free]] ![[tree.png]]."),
                *FILLERS,
            ]
        }
    )
    shown = [text for q in _rounds(kb, range(6)) for text in (q.prompt, *q.choices)]
    assert any("Prefixes or suffix that must" in text for text in shown)
    assert any("stand alone, see Morphology." in text for text in shown)
    assert not any("[[" in text or "]]" in text or "tree.png" in text for text in shown)
