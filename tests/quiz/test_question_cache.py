"""What questions need from the notes as a whole is worked out once per knowledge base, not per round."""

from __future__ import annotations

import gc
import random
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge
from bot.quiz import QuestionGenerator, QuizMode, RoundSettings
from bot.quiz import questions as questions_module
from tests.quiz.conftest import SEED, make_kb

CORPUS = Path(__file__).parents[1] / "corpus"


def _round(kb: KnowledgeBase, seed: int, mode: QuizMode) -> list[tuple[object, ...]]:
    generated = QuestionGenerator(kb, random.Random(seed)).generate(RoundSettings(questions=25, mode=mode))
    return [(q.kind, q.entry.term, q.prompt, q.choices, q.answer_index, q.hint) for q in generated]


def _corpus_kb() -> KnowledgeBase:
    from benchmarks.questions import imported

    return imported(CORPUS / "aplus_memory_cheatsheet.md")  # a tune file


@pytest.mark.parametrize("load", [lambda: load_knowledge([SEED]), _corpus_kb], ids=["bundled", "corpus"])
@pytest.mark.parametrize("mode", list(QuizMode))
def test_a_round_asks_the_same_questions_whether_the_notes_were_worked_out_before_or_not(
    load, mode: QuizMode
) -> None:
    first, again = load(), load()
    cold = _round(first, 1, mode)
    _round(again, 2, mode)  # works the notes out with another seed first
    assert _round(again, 1, mode) == cold
    assert _round(first, 1, mode) == cold
    assert cold


def test_the_notes_are_worked_out_once_per_knowledge_base(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[KnowledgeBase] = []
    real = questions_module._Facts.of

    def counted(kb: KnowledgeBase) -> questions_module._Facts:
        made.append(kb)
        return real(kb)

    monkeypatch.setattr(questions_module._Facts, "of", staticmethod(counted))
    kb = load_knowledge([SEED])
    settings = RoundSettings(questions=5, mode=QuizMode.MIXED)
    for seed in range(3):
        QuestionGenerator(kb, random.Random(seed)).generate(settings)
    assert made == [kb]
    # a reloaded knowledge base is another object, worked out anew even though it holds the same notes
    reloaded = load_knowledge([SEED])
    QuestionGenerator(reloaded, random.Random(0)).generate(settings)
    assert len(made) == 2
    assert made[1] is reloaded


def test_an_entry_changed_in_place_is_seen_by_the_next_round() -> None:
    kb = make_kb(
        {
            "Shells": [
                ("bash", "Bourne Again SHell, the usual login shell"),
                ("zsh", "Z SHell with many plugins"),
                ("fish", "Friendly Interactive SHell"),
            ]
        }
    )
    settings = RoundSettings(questions=10, mode=QuizMode.TYPED)
    assert {q.entry.term for q in QuestionGenerator(kb, random.Random(0)).generate(settings)} == {
        "bash",
        "zsh",
        "fish",
    }
    kb.entries[0] = type(kb.entries[0])(
        term="ksh", definition="Korn SHell from Bell Labs", topic=kb.topics[0]
    )
    asked = {q.entry.term for q in QuestionGenerator(kb, random.Random(0)).generate(settings)}
    assert asked == {"ksh", "zsh", "fish"}


def test_a_knowledge_base_that_is_gone_leaves_nothing_behind() -> None:
    kb = load_knowledge([SEED])
    QuestionGenerator(kb, random.Random(0)).generate(RoundSettings(questions=3, mode=QuizMode.MIXED))
    key = id(kb)
    assert key in questions_module._FACTS
    del kb
    gc.collect()
    assert key not in questions_module._FACTS
