"""Question generation from the knowledge base."""

from __future__ import annotations

import itertools
import random

import pytest

from bot.knowledge import KnowledgeBase
from bot.quiz import (
    QuestionGenerator,
    QuestionKind,
    QuizMode,
    QuizSettingsError,
    RoundSettings,
    select_entries,
)
from tests.quiz.conftest import make_kb


def _gen(kb: KnowledgeBase, seed: int = 1, **settings: object) -> list:  # type: ignore[type-arg]
    return QuestionGenerator(kb, random.Random(seed)).generate(RoundSettings.validated(**settings))  # type: ignore[arg-type]


def test_typed_questions_hide_the_answer(seed_kb: KnowledgeBase) -> None:
    questions = _gen(seed_kb, questions=16, mode="typed")
    assert {q.kind for q in questions} == {QuestionKind.WHICH_TERM}
    for q in questions:
        assert q.typed
        for name in q.entry.names:
            assert f" {name.lower()} " not in f" {q.prompt.lower()} ", (name, q.prompt)
        assert q.is_correct(q.entry.term)
        assert q.hint.replace(" ", "").replace("_", "") != ""


def test_no_entry_repeats_within_a_round(seed_kb: KnowledgeBase) -> None:
    questions = _gen(seed_kb, questions=len(seed_kb), mode="mixed")
    assert len({q.entry.term for q in questions}) == len(seed_kb)


def test_longer_rounds_reuse_entries_only_after_all_were_asked(seed_kb: KnowledgeBase) -> None:
    n = len(seed_kb)
    questions = _gen(seed_kb, questions=n + 5)
    assert len({q.entry.term for q in questions[:n]}) == n
    for a, b in itertools.pairwise(questions):
        assert a.entry != b.entry


def test_same_seed_same_round(seed_kb: KnowledgeBase) -> None:
    a = [(q.kind, q.entry.term, q.prompt, q.choices) for q in _gen(seed_kb, seed=7, mode="mixed")]
    b = [(q.kind, q.entry.term, q.prompt, q.choices) for q in _gen(seed_kb, seed=7, mode="mixed")]
    c = [(q.kind, q.entry.term, q.prompt, q.choices) for q in _gen(seed_kb, seed=8, mode="mixed")]
    assert a == b
    assert a != c


def test_meaning_offers_the_definition_and_three_distractors(seed_kb: KnowledgeBase) -> None:
    gen = QuestionGenerator(seed_kb, random.Random(2))
    entry = seed_kb.by_term("Hypervisor")
    assert entry is not None
    q = gen.make(entry, QuestionKind.MEANING)
    assert len(q.choices) == 4
    assert len(set(q.choices)) == 4
    assert q.answer.startswith("Software that manages")
    assert q.is_correct(q.answer_index)  # type: ignore[arg-type]
    assert not q.is_correct((q.answer_index + 1) % 4)  # type: ignore[operator]
    assert "**Hypervisor**" in q.prompt


def test_distractors_prefer_the_same_topic_then_fall_back() -> None:
    kb = make_kb(
        {
            "Small": [("Alpha", "first small definition here"), ("Beta", "second small definition here")],
            "Big": [(f"Term{i}", f"big definition number {i} " + "x" * i) for i in range(6)],
        }
    )
    gen = QuestionGenerator(kb, random.Random(0))
    alpha = kb.by_term("Alpha")
    assert alpha is not None
    q = gen.make(alpha, QuestionKind.MEANING)
    assert len(q.choices) == 4
    assert "second small definition here" in q.choices  # the same-topic one is always there
    big = kb.by_term("Term0")
    assert big is not None
    q2 = gen.make(big, QuestionKind.MEANING)
    assert all(c.startswith("big definition") for c in q2.choices)
    # similar length preferred: Term0's distractors are among the 5 closest lengths, never the longest
    assert not any(c.endswith("x" * 5) for c in q2.choices)


def test_example_question(seed_kb: KnowledgeBase) -> None:
    gen = QuestionGenerator(seed_kb, random.Random(4))
    entry = seed_kb.by_term("Type II hypervisor")
    assert entry is not None
    q = gen.make(entry, QuestionKind.EXAMPLE)
    assert q.answer in entry.examples
    wrong = [c for i, c in enumerate(q.choices) if i != q.answer_index]
    assert len(wrong) == 3
    assert not set(wrong) & set(entry.examples)


def test_true_false_question(seed_kb: KnowledgeBase) -> None:
    gen = QuestionGenerator(seed_kb, random.Random(5))
    entry = seed_kb.by_term("Elasticity")
    assert entry is not None
    seen = set()
    for _ in range(20):
        q = gen.make(entry, QuestionKind.TRUE_FALSE)
        assert q.choices == ("True", "False")
        seen.add(q.answer)
        if q.answer == "True":
            assert "scale virtual resources" in q.prompt
        else:
            assert "scale virtual resources" not in q.prompt
    assert seen == {"True", "False"}


def test_buttons_mode_asks_only_button_questions(seed_kb: KnowledgeBase) -> None:
    questions = _gen(seed_kb, questions=30, mode="buttons")
    assert all(not q.typed for q in questions)
    assert len({q.kind for q in questions}) >= 3


def test_mixed_mode_alternates(seed_kb: KnowledgeBase) -> None:
    questions = _gen(seed_kb, questions=10, mode=QuizMode.MIXED)
    assert [q.typed for q in questions] == [True, False] * 5


def test_topic_filter_by_title_or_objective(seed_kb: KnowledgeBase) -> None:
    kb = make_kb({"Crypto": [("Hash", "a one-way function")], "Networks": [("Router", "forwards packets")]})
    assert [e.term for e in select_entries(kb, "crypto")] == ["Hash"]
    assert [e.term for e in select_entries(kb, "2.1")] == ["Router"]
    assert len(select_entries(seed_kb, "VIRTUALIZATION")) == len(seed_kb)
    with pytest.raises(QuizSettingsError, match="no topic called 'Biology'; topics: Crypto, Networks"):
        select_entries(kb, "Biology")
    questions = _gen(kb, topic="networks", questions=3, mode="typed")
    assert {q.entry.term for q in questions} == {"Router"}


def test_a_one_entry_base_still_makes_typed_questions() -> None:
    kb = make_kb({"Solo": [("Only", "the only term")]})
    questions = _gen(kb, questions=3, mode="buttons")
    assert all(q.typed for q in questions)


@pytest.mark.parametrize("mode", ["typed", "buttons", "mixed"])
def test_a_one_entry_base_asks_its_one_question_once(mode: str) -> None:
    kb = make_kb({"Solo": [("Only", "the only term")]})
    questions = _gen(kb, questions=10, mode=mode)
    assert [(q.kind, q.entry.term) for q in questions] == [(QuestionKind.WHICH_TERM, "Only")]


#: Naming the term typed and picking it among options ask the same way round (definition to term), as do
#: its meaning picked and a true-or-false statement of it (term to definition).
_NAMING = {QuestionKind.WHICH_TERM, QuestionKind.PICK_TERM}
_MEANING = {QuestionKind.MEANING, QuestionKind.TRUE_FALSE}


def _way(kind: QuestionKind) -> str:
    return "name the term" if kind in _NAMING else "its meaning" if kind in _MEANING else kind.value


@pytest.mark.parametrize("mode", ["typed", "buttons", "mixed"])
def test_a_round_never_asks_the_same_question_twice(seed_kb: KnowledgeBase, mode: str) -> None:
    """Nor the same entry the same way round: typed after picked, a true-or-false statement after its
    meaning was picked, or the reverse."""
    questions = _gen(seed_kb, questions=50, mode=mode)
    asked = [(q.entry.term, _way(q.kind)) for q in questions]
    assert len(asked) == len(set(asked))
    generator = QuestionGenerator(seed_kb, random.Random(1))
    distinct = sum(len({_way(k) for k in generator.kinds_for(e, QuizMode(mode))}) for e in seed_kb.entries)
    assert len(questions) == min(50, distinct)


_WORDS = [
    "router",
    "switch",
    "packet",
    "frame",
    "kernel",
    "memory",
    "cache",
    "disk",
    "layer",
    "port",
    "cable",
    "signal",
    "node",
    "graph",
    "key",
    "lock",
]


def _small_kb(rng: random.Random) -> KnowledgeBase:
    """One to three topics of one to six entries: some share a definition, some have examples."""
    topics: dict[str, list[tuple[str, str]]] = {}
    for t in range(rng.randint(1, 3)):
        items = []
        for i in range(rng.randint(1, 6)):
            words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 9)))
            definition = items[-1][1] if items and rng.random() < 0.15 else f"{words.capitalize()}."
            items.append((f"Term{t}x{i}", definition))
        topics[f"Topic {t}"] = items
    return make_kb(topics)


@pytest.mark.parametrize("mode", ["typed", "buttons", "mixed"])
def test_no_entry_comes_back_while_an_unasked_one_remains(mode: str) -> None:
    # whatever the notes, the round kind and the length (a scheduled round is generated the same way):
    # the first questions, as many as there are entries to ask, are about different entries
    for seed in range(40):
        rng = random.Random(seed)
        kb = _small_kb(rng)
        for topic in (None, "Topic 0"):
            settings = RoundSettings.validated(questions=rng.randint(1, 20), mode=mode, topic=topic)
            questions = QuestionGenerator(kb, random.Random(seed)).generate(settings)
            askable = len(select_entries(kb, topic))
            first = [q.entry for q in questions[:askable]]
            assert len({id(e) for e in first}) == len(first) == min(askable, settings.questions), seed
