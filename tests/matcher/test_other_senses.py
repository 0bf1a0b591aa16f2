"""Questions about something else that only looks like a term of the notes are refused.

A tester's fresh notes (a cell biology sheet, macroeconomics bullets, a networking glossary) and the
bundled notes, asked about a different real thing: another word one letter away ("nucleolus" is not
a nucleus), or the term's word in another subject ("the nucleus of an atom", "a container in
shipping"). Each is a confident wrong answer today; a wrong definition is worse than none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.loader import load_knowledge
from bot.matching import Answer, Matcher, NotFound

NOTES = """\
topic:
  title: Cell biology
entries:
  - term: Nucleus
    definition: The membrane-bound compartment that holds the cell's DNA and controls gene expression.
  - term: Chloroplast
    definition: The organelle in plant cells that captures light energy for photosynthesis.
  - term: Ribosome
    definition: A small structure that builds proteins by reading messenger RNA.
  - term: Inflation
    definition: A general rise in the price level of goods and services over time.
  - term: Elasticity
    definition: How strongly the quantity demanded responds to a change in price.
"""


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    path: Path = tmp_path_factory.mktemp("notes") / "fresh.yaml"
    path.write_text(NOTES, encoding="utf-8")
    return Matcher(load_knowledge([path]))


@pytest.mark.parametrize(
    ("question", "term_of_the_notes"),
    [
        ("what is a nucleolus", "Nucleus"),
        ("nucleolus", "Nucleus"),
        ("what is a chromoplast", "Chloroplast"),
        ("what is the nucleus of an atom", "Nucleus"),
        ("what is the inflation of the universe", "Inflation"),
        ("what is elasticity in physics", "Elasticity"),
        ("what is a nucleotide", "Nucleus"),
        ("what is the atomic nucleus", "Nucleus"),
        ("what is a chlorophyll", "Chloroplast"),
    ],
)
def test_another_thing_on_fresh_notes_is_refused(
    fresh: Matcher, question: str, term_of_the_notes: str
) -> None:
    result = fresh.lookup(question)
    got = result.entry.term if isinstance(result, Answer) else None
    assert isinstance(result, NotFound), (question, got, term_of_the_notes)


@pytest.mark.parametrize(
    "question",
    [
        "what is the host of a party",
        "what is a host in biology",
        "what is a container in shipping",
        "what is virtualization in psychology",
        # already refused
        "what is a container ship",
        "what is a snapshot in photography",
        "what is migration of birds",
    ],
)
def test_another_subject_on_the_bundled_notes_is_refused(matcher: Matcher, question: str) -> None:
    result = matcher.lookup(question)
    got = result.entry.term if isinstance(result, Answer) else None
    assert isinstance(result, NotFound), (question, got)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what is the nucleus of a cell", "Nucleus"),  # a setting the notes speak of
        ("what is a ribosome in a cell", "Ribosome"),
        ("nucleus", "Nucleus"),
    ],
)
def test_the_notes_own_setting_is_answered(fresh: Matcher, question: str, term: str) -> None:
    result = fresh.lookup(question)
    assert isinstance(result, Answer), question
    assert result.entry.term == term


GLOSSARY = """\
topic:
  title: Accounting
entries:
  - term: Temporary Account
    definition: "Accounts used for one period only, closed at its end: cost of goods sold, revenue."
  - term: Inflation
    definition: A general rise in the price level of goods and services over time.
"""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a phrase a definition names among others is not what that entry defines
        ("what is cost of goods sold", None),
        # a definition's opening typed back describes its entry
        ("what is a general rise in the price level", "Inflation"),
    ],
)
def test_a_thing_a_definition_only_mentions_is_refused(
    tmp_path: Path, question: str, expected: str | None
) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = Matcher(load_knowledge([path])).lookup(question)
    got = result.entry.term if isinstance(result, Answer) else None
    assert got == expected, question
    if isinstance(result, NotFound):
        assert [s.entry.term for s in result.suggestions] == ["Temporary Account"]


BASES = """\
topic:
  title: Accounting
entries:
  - term: Accrual basis of accounting assumption
    definition: States that the effects of all transactions and other events are recognized in the accounting
      records when they occur, rather than when cash or its equivalent are exchanged.
  - term: Ledger
    definition: The book of all the accounts of a business.
  - term: Trial Balance
    definition: A list of every account and its balance, to check that debits equal credits.
  - term: Transposition
    definition: Accidentally switching the order of digits in a number.
"""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the cash basis of accounting", None),  # another sort of the named kind
        ("what is the accrual basis of accounting assumption", "Accrual basis of accounting assumption"),
    ],
)
def test_another_sort_of_a_named_kind_is_refused(tmp_path: Path, question: str, expected: str | None) -> None:
    path = tmp_path / "bases.yaml"
    path.write_text(BASES, encoding="utf-8")
    result = Matcher(load_knowledge([path])).lookup(question)
    got = result.entry.term if isinstance(result, Answer) else None
    assert got == expected, question


SWITCHES = """\
topic:
  title: Networking
entries:
  - term: Switch
    definition: A device that forwards frames between the hosts of one network by their MAC addresses.
  - term: Hypervisor
    definition: Software that creates and runs virtual machines.
"""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is a witch", None),  # a common English word is meant, not a slip of "switch"
        ("what is a swich", "Switch"),  # a slip is still forgiven
        ("what is a hypervisr", "Hypervisor"),
        ("what is a hyprevisor", "Hypervisor"),
    ],
)
def test_a_common_word_typed_is_not_a_slip_of_a_name(
    tmp_path: Path, question: str, expected: str | None
) -> None:
    path = tmp_path / "switches.yaml"
    path.write_text(SWITCHES, encoding="utf-8")
    result = Matcher(load_knowledge([path])).lookup(question)
    got = result.entry.term if isinstance(result, Answer) else None
    assert got == expected, question
