"""Two ways a qualified name misleads (issue 14): an entry whose text describes several kinds of itself
("An equilateral triangle ..., an isosceles triangle ...") is not the answer for one kind the notes do
not define as an entry; and a name written out where the notes write it as another entry's acronym
("process virtual machine" for Process VM, where VM is Virtual Machine) names that entry."""

from __future__ import annotations

import dataclasses

import pytest

from bot.matching import Answer, Matcher, NotFound
from tests.quiz.conftest import make_kb

ENTRIES = [
    (
        "Triangle",
        "A polygon with three sides. An equilateral triangle has three equal sides; an isosceles triangle"
        " has two.",
    ),
    ("Polygon", "A closed figure made of straight sides."),
    ("Virtual Machine", "A computer emulated in software."),
    ("Process VM", "A virtual machine that runs one program."),
    ("System VM", "A virtual machine that runs a whole operating system."),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    kb = make_kb({"Notes": ENTRIES})
    kb.entries[2] = dataclasses.replace(kb.entries[2], aliases=("VM",))
    return Matcher(kb)


@pytest.mark.parametrize(
    "question",
    ["equilateral triangle", "what is an isosceles triangle", "equilateral vs isosceles triangle"],
)
def test_a_kind_the_entry_only_describes_is_offered_not_given(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, NotFound), result


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("triangle", "Triangle"),
        ("process virtual machine", "Process VM"),
        ("what is a system virtual machine", "System VM"),
        ("virtual machine", "Virtual Machine"),
    ],
)
def test_a_name_or_its_acronym_written_out_is_answered(matcher: Matcher, question: str, term: str) -> None:
    result = matcher.lookup(question)
    assert isinstance(result, Answer), result
    assert result.entry.term == term
