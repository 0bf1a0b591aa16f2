"""Typed answers: normalizing, typo budget, hints and masking."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.matching.names import typo_budget
from bot.quiz.answers import AnswerChecker, Verdict, hint_mask, mask_names, normalize

HYPERVISOR = AnswerChecker(["Hypervisor", "virtual machine monitor", "VMM", "virtual machine manager"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hypervisor", True),
        ("  the HYPERVISOR!! ", True),
        ("a hypervisor.", True),
        ("hypervisr", True),  # one letter missing
        ("hyperviosr", True),  # two letters swapped
        ("hpyervisr", True),
        ("Virtual-Machine Monitor", True),
        ("vmm", True),
        ("VMN", False),  # 3-letter acronym: exact only
        ("vm", False),
        ("hyp", False),
        ("supervisor", False),
        ("hypervisor vm escape elasticity data remnants", False),
        ("the hypervisor is the answer", False),
        ("", False),
        ("!!!", False),
    ],
)
def test_checker(text: str, expected: bool) -> None:
    assert HYPERVISOR.check(text) is expected


def test_normalize() -> None:
    assert normalize("The  Type-I  Hypervisors!") == "type 1 hypervisor"
    assert normalize("an élan") == "elan"
    assert normalize("The") == "the"  # an answer that is only an article keeps it
    assert normalize("C#") == "c#"


def test_typo_budget_grows_with_length() -> None:
    assert [typo_budget(w) for w in ("vmm", "host", "sprawl", "hypervisor", "virtualization sprawl")] == [
        0,
        0,
        1,
        2,
        3,
    ]


@given(st.sampled_from(["Hypervisor", "Type I hypervisor", "VM escape", "Data remnants"]), st.data())
def test_any_casing_and_punctuation_of_a_name_is_accepted(name: str, data: st.DataObject) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    cased = "".join(c.upper() if f else c.lower() for c, f in zip(name, flips, strict=True))
    tail = data.draw(st.sampled_from(["", ".", "!", "?"]))
    assert AnswerChecker([name]).check(f"the {cased}{tail}")


def test_hint_shows_first_letter_and_keeps_spaces_and_hyphens() -> None:
    hint = hint_mask("bare-metal hypervisor", random.Random(3))
    words = hint.split("   ")
    assert len(words) == 2
    assert words[0].startswith("b ")
    assert "-" in words[0]
    symbols = hint.replace(" ", "")
    assert len(symbols) == len("bare-metalhypervisor")
    assert 0 < sum(ch != "_" and ch != "-" for ch in symbols) < len(symbols) // 2


def test_hint_reveals_some_letters_in_place() -> None:
    hint = hint_mask("hypervisor", random.Random(0))
    letters = hint.split(" ")
    assert len(letters) == 10
    assert letters[0] == "h"
    for shown, real in zip(letters, "hypervisor", strict=True):
        assert shown in ("_", real)
    assert 2 <= sum(s != "_" for s in letters) <= 4


def test_mask_hides_term_aliases_and_term_words() -> None:
    masked = mask_names(
        "A hypervisor that runs directly on the host's hardware (bare metal); unlike a Type II hypervisor.",
        ["Type I hypervisor", "bare metal", "Type I"],
    )
    assert "hypervisor" not in masked.lower()
    assert "bare metal" not in masked
    assert "Type II" in masked  # a different term is not mistaken for the alias "Type I"
    assert masked.startswith("A ____ that runs")


def test_mask_hides_plural_and_word_family() -> None:
    assert (
        mask_names("Two VMs and one virtual resource.", ["VM", "Virtualization"])
        == "Two ____ and one ____ resource."
    )


@pytest.mark.parametrize("term", ["C", "C#", "C++", "VMM", "A+", "F#", "OS"])
def test_hint_of_an_answer_of_three_characters_or_less_shows_only_its_length(term: str) -> None:
    hint = hint_mask(term, random.Random(1))
    assert hint == " ".join("_" * len(term))


@given(
    st.text(alphabet=st.characters(categories=["L", "N", "P", "S"]) | st.sampled_from(" -"), max_size=40),
    st.integers(0, 2**32),
)
def test_a_hint_never_shows_more_than_half_of_the_letters(term: str, seed: int) -> None:
    hint = hint_mask(term, random.Random(seed))
    letters = [ch for ch in term if not ch.isspace() and ch != "-"]
    shown = [ch for ch in hint if not ch.isspace() and ch not in "_-"]
    assert len(shown) <= len(letters) // 2
    if len(letters) <= 3:
        assert shown == []
    assert hint.replace(" ", "").replace("_", "").replace("-", "") == "".join(shown)


def test_hint_of_a_symbol_name_hides_the_symbols() -> None:
    hint = hint_mask("802.11a", random.Random(2))
    assert "." not in hint
    assert hint.startswith("8 ")
    assert sum(ch != "_" for ch in hint.replace(" ", "")) <= 3


@given(st.integers(0, 2**32))
def test_a_hint_never_spells_the_acronym_of_the_term(seed: int) -> None:
    hint = hint_mask("Virtual private network", random.Random(seed))
    words = [w.split(" ") for w in hint.split("   ")]
    assert words[0][0] == "V"
    assert words[1][0] == "_"
    assert words[2][0] == "_"


def test_the_initials_of_a_name_are_hidden_only_where_written_in_capitals() -> None:
    names = ["Audio Signal", "audio sample", "Address translation"]
    text = "Sound, such as a recording. At most one AT per file, AS for short."
    shown = mask_names(text, names, single_words=False)
    assert shown == "Sound, such as a recording. At most one ____ per file, ____ for short."


@pytest.mark.parametrize(
    ("names", "typed"),
    [
        (("IPv4",), "ip v4"),
        (("IPv4",), "IP-v4"),
        (("IPv4",), "ipv 4"),
        (("802.11a",), "802 11a"),
        (("802.11a",), "802.11 a"),
        (("802.11a",), "802-11a"),
    ],
)
def test_a_name_spaced_or_joined_otherwise_is_right(names: tuple[str, ...], typed: str) -> None:
    """A tester typed 'ip v4' and '802 11a', which a look-up resolves: the quiz said 'Not quite'."""
    assert AnswerChecker(names).judge(typed) in (Verdict.EXACT, Verdict.SPACING)


@pytest.mark.parametrize(
    ("names", "typed"),
    [
        (("802.11a",), "80211a"),
        (("802.11a",), "802.11ac"),
        (("IPv4",), "ipv 6"),
        (("Windows 10",), "windows 1 0"),
        (("HTTP/1.1",), "http 11"),
    ],
)
def test_joining_never_makes_another_number(names: tuple[str, ...], typed: str) -> None:
    assert AnswerChecker(names).judge(typed) is None
