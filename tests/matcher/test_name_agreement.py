"""Look-ups and typed quiz answers agree: one name model decides both.

For any text: the look-up resolves it exactly to an entry if and only if the quiz's checker for
that entry takes it as an exact (typo-free) answer; a text the checker forgives as a typo is
never another entry's exact name; and an exact resolution is what ``lookup`` answers.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import Entry, KnowledgeBase
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher
from bot.matching.names import key_of
from bot.quiz.answers import AnswerChecker, Verdict
from bot.quiz.questions import QuestionGenerator, QuestionKind
from tests.matcher.conftest import SEED
from tests.matcher.test_names_table import NOTES


def _notes() -> KnowledgeBase:
    """The bundled notes plus the name table's notes (symbols, numbers, letters as labels)."""
    kb = load_knowledge([SEED])
    extra = KnowledgeBase()
    topic = kb.topics[0]
    taken = {key_of(name) for entry in kb.entries for name in entry.names}
    for term, (aliases, definition) in NOTES.items():
        if taken & {key_of(name) for name in (term, *aliases)}:
            continue  # "Virtual machine" is in both: the loader would refuse the clash
        extra.entries.append(Entry(term=term, aliases=tuple(aliases), definition=definition, topic=topic))
    kb.entries.extend(extra.entries)
    return kb


KB = _notes()
MATCHER = Matcher(KB)
GENERATOR = QuestionGenerator(KB, random.Random(0))
CHECKERS: dict[Entry, AnswerChecker] = {}
for _entry in KB.entries:
    _checker = GENERATOR.make(_entry, QuestionKind.WHICH_TERM).checker
    assert _checker is not None
    CHECKERS[_entry] = _checker
NAMES = [name for entry in KB.entries for name in entry.names]

_NUMBER_FORMS = {"2": ["two", "II", "ii"], "II": ["2", "two"], "I": ["1", "one"], "3": ["three", "III"]}


@st.composite
def variants(draw: st.DrawFn) -> str:
    """A name of the notes as someone might type it: case, plurals, articles, number forms, frames."""
    words = draw(st.sampled_from(NAMES)).split()
    words = [draw(st.sampled_from([w, *_NUMBER_FORMS.get(w, [])])) for w in words]
    if draw(st.booleans()):
        words[-1] += draw(st.sampled_from(["s", "es", "'s", "?", "!", "."]))
    text = draw(st.sampled_from([" ", "-", "  "])).join(words)
    text = "".join(c.upper() if draw(st.booleans()) else c for c in text) if draw(st.booleans()) else text
    lead = draw(
        st.sampled_from(["", "a ", "the ", "an ", "what is a ", "define ", "what's ", "in virtualization "])
    )
    tail = draw(st.sampled_from(["", "?", " pls", " in the cloud", " attack", " for the exam"]))
    return lead + text + tail


WORDS = sorted(
    {w for name in NAMES for w in name.split()} | {"a", "the", "plus", "sharp", "type", "two", "is"}
)
TEXTS = st.one_of(
    variants(),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
    st.text(alphabet="acvmtypeI2#+. -/", max_size=16),
    st.text(max_size=20),
)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_exact_look_ups_and_exact_quiz_answers_are_the_same_texts(text: str) -> None:
    resolved = MATCHER.exact(text)
    for entry, checker in CHECKERS.items():
        verdict = checker.judge(text)
        assert (resolved is entry) == (verdict is Verdict.EXACT), (entry.term, verdict, resolved)
        if verdict is Verdict.TYPO:
            assert resolved is None, (entry.term, resolved.term if resolved else None)
    if resolved is not None:
        answer = MATCHER.lookup(text)
        assert isinstance(answer, Answer)
        assert answer.entry is resolved
        assert answer.score == 100.0


def test_the_generated_texts_hit_many_entries() -> None:
    """The strategy is not vacuous: plain variants of every name resolve and are right answers."""
    for entry in KB.entries:
        for name in entry.names:
            for text in (name, name.upper(), f"what is a {name}?", f"the {name}"):
                assert MATCHER.exact(text) is entry, text
                assert CHECKERS[entry].judge(text) is Verdict.EXACT, text
