"""A round decides typed answers as a checker made afresh for its question would.

Questions share one checker per entry (``shared_checker``) and ``QuizRound.submit`` calls it
directly; this replays a varied set of answers (the names, their case, typos, number forms, wrong
numbers, aliases, mentions, question frames, other entries' names) through a round and through an
``AnswerChecker`` built per question from the entry's names, the notes' keys and the look-up's
context, as questions were made before, and expects the same verdict for every one.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta

from bot.clock import FakeClock
from bot.knowledge import Entry, KnowledgeBase
from bot.matching.names import key_of
from bot.matching.query import QueryContext, subjects_of
from bot.quiz import (
    AnswerChecker,
    QuestionGenerator,
    QuestionKind,
    QuizRound,
    RoundSettings,
    SubmitStatus,
    Verdict,
)
from tests.quiz.conftest import make_kb

NUMBERED = make_kb(
    {
        "Networking": [
            ("Layer 2 switch", "A switch that forwards frames by MAC address."),
            ("Layer 3 switch", "A switch that also routes packets between subnets."),
            ("802.11a", "A wireless standard in the 5 GHz band."),
            ("C#", "A language of the .NET platform."),
            ("HTTPS", "HTTP over TLS."),
            ("HTTP", "The protocol of the web."),
        ],
        "Virtualization": [
            ("Type II hypervisor", "A hypervisor that runs on a host operating system."),
            ("Type I hypervisor", "A hypervisor that runs on the hardware."),
            ("Virtual machine", "A computer emulated in software."),
        ],
    }
)


#: (digit, word, Roman numeral, another digit)
NUMBERS = (("2", "two", "II", "3"), ("3", "three", "III", "2"), ("1", "one", "I", "2"))


def _typos(word: str) -> list[str]:
    """A letter dropped, two swapped, one doubled and one changed, past the first letter."""
    if len(word) < 4:
        return []
    mid = len(word) // 2
    return [
        word[:mid] + word[mid + 1 :],
        word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :],
        word[:mid] + word[mid] + word[mid:],
        word[:mid] + ("x" if word[mid] != "x" else "y") + word[mid + 1 :],
        word[:1] + word[2:] + "zz",
    ]


def _answers(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """Right, nearly right and wrong answers to a question about ``entry``."""
    out: list[str] = []
    for name in entry.names:
        out += [name, name.upper(), name.lower(), name.title(), f"  {name}  ", f"{name}s", f"{name}!"]
        out += [f"what is a {name}?", f"<@1234567890> {name}", f"@StudyBot {name}", f"||{name}||"]
        out += [f"{name} in {entry.topic.title}", f"the {name}", f"{name} please"]
        out += _typos(name) + _typos(name.lower()) + [t.upper() for t in _typos(name)]
        for digit, word, roman, wrong in NUMBERS:
            if digit in name.split() or roman in name.split():
                out += [name.replace(digit, word), name.replace(digit, wrong), name.replace(roman, wrong)]
                out += [name.replace(roman, digit), name.replace(roman, word), name.replace(digit, roman)]
        out += [name[:-1], name + " switch", name.split()[0]]
    out += [other for e in kb.entries if e is not entry for other in e.names]
    out += ["", "?", "banana", "firewall 123456", "vm", "kernel", "x" * 300, "type 2", "802.11b", "C++"]
    return list(dict.fromkeys(out))


def _replay(kb: KnowledgeBase) -> Counter[Verdict | None]:
    """Every answer to every entry's typed question, round against a fresh checker; the verdicts' counts."""
    context = QueryContext.of_subjects(subjects_of(kb))
    taken = frozenset(key_of(name) for entry in kb.entries for name in entry.names)
    settings = RoundSettings.validated(questions=1, seconds=30, mode="typed")
    generator = QuestionGenerator(kb, random.Random(5))
    verdicts: Counter[Verdict | None] = Counter()
    for entry in kb.entries:
        question = generator.make(entry, QuestionKind.WHICH_TERM)
        fresh = AnswerChecker(entry.names, taken=taken, context=context)
        for text in _answers(entry, kb):
            verdict = fresh.judge(text)
            expected = verdict is not None
            assert question.checker is not None
            assert question.checker.judge(text) is verdict, (entry.term, text)
            assert question.is_correct(text) is expected, (entry.term, text)
            # a fresh round per answer: a member's earlier wrong guesses or a won question change nothing
            clock = FakeClock()
            quiz = QuizRound([question], settings)
            quiz.start(clock.now())
            result = quiz.submit(7, text, clock.now() + timedelta(seconds=1))
            # a wrong answer without a letter or digit ("", "?") is no guess at all
            blank = not expected and not any(ch.isalnum() for ch in text)
            status = SubmitStatus.CORRECT if expected else SubmitStatus.BLANK if blank else SubmitStatus.WRONG
            assert result.status is status, (entry.term, text)
            assert result.correct is (None if blank else expected)
            verdicts[verdict] += 1
    return verdicts


def test_a_round_decides_the_seed_notes_answers_as_a_fresh_checker(seed_kb: KnowledgeBase) -> None:
    verdicts = _replay(seed_kb)
    # every verdict is exercised (about 1,100 exact, 900 typos and 1,900 wrong)
    assert verdicts[Verdict.EXACT] > 800
    assert verdicts[Verdict.TYPO] > 600
    assert verdicts[None] > 1500


def test_a_round_decides_numbered_and_symbol_names_as_a_fresh_checker() -> None:
    verdicts = _replay(NUMBERED)
    assert verdicts[Verdict.EXACT] > 100
    assert verdicts[Verdict.TYPO] > 30
    assert verdicts[None] > 200


def test_questions_of_all_rounds_share_one_checker_per_entry(seed_kb: KnowledgeBase) -> None:
    first = QuestionGenerator(seed_kb, random.Random(1))
    second = QuestionGenerator(seed_kb, random.Random(2))
    for entry in seed_kb.entries:
        one = first.make(entry, QuestionKind.WHICH_TERM).checker
        assert one is not None
        assert second.make(entry, QuestionKind.WHICH_TERM).checker is one
    # the same name in other notes: another entry's names are taken there, so another checker
    term = seed_kb.entries[0].term
    other = make_kb({"Virtualization": [(term, "Something else."), ("Banana", "A fruit.")]})
    mine = QuestionGenerator(other, random.Random(1)).make(other.entries[0], QuestionKind.WHICH_TERM).checker
    assert mine is not first.make(seed_kb.entries[0], QuestionKind.WHICH_TERM).checker
