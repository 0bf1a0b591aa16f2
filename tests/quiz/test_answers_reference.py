"""The fast answer checker decides exactly as the plain definition of the rules.

The rules, spelt out naively: a guess is right when its key (or its key once a question frame
is stripped) is the key of a name; or when it is within the name's typo budget with the same
first character, the same numbers and symbols, and is not another entry's name.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from bot.matching.names import fixed_parts, key_of, typo_budget
from bot.matching.query import parse_query
from bot.quiz.answers import AnswerChecker


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance, by the textbook dynamic programme."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def reference_check(names: list[str], text: str, taken: frozenset[str] = frozenset()) -> bool:
    guesses = {key_of(text), parse_query(text).key} - {""}
    keys = {key_of(n) for n in names} - {""}
    if guesses & keys:
        return True
    for guess in guesses - taken:
        for name in keys:
            budget = typo_budget(name)
            if (
                budget
                and guess[0] == name[0]
                and fixed_parts(guess) == fixed_parts(name)
                and _osa(guess, name) <= budget
            ):
                return True
    return False


NAMES = ["Hypervisor", "Virtual machine monitor", "VMM", "The Cloud", "élan vital", "Type-1 hypervisor", "C#"]
TAKEN = frozenset({"hypervisors", "type 2 hypervisor", "c++", "cloud"})
_words = st.sampled_from(
    [
        "the",
        "a",
        "an",
        "hypervisor",
        "hypervisr",
        "vmm",
        "cloud",
        "elan",
        "Élan",
        "1",
        "II",
        "C#",
        "c",
        "type",
    ]
)
_texts = st.one_of(
    st.text(max_size=40),
    st.lists(_words, max_size=6).map(" ".join),
    st.text(alphabet="aehinoprstvy -.!THE#+12", max_size=25),
)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3), _texts)
def test_check_matches_the_reference(names: list[str], text: str) -> None:
    assert AnswerChecker(names).check(text) is reference_check(names, text)
    taken = TAKEN | {key_of(n) for n in NAMES}
    assert AnswerChecker(names, taken).check(text) is reference_check(
        names, text, taken - set(map(key_of, names))
    )


@settings(max_examples=400)
@given(st.sampled_from(NAMES), st.data())
def test_edits_of_a_name_are_judged_as_the_reference(name: str, data: st.DataObject) -> None:
    letters = list(name.lower())
    for _ in range(data.draw(st.integers(0, 4))):
        op = data.draw(st.sampled_from(["drop", "swap", "replace", "add"]))
        i = data.draw(st.integers(0, max(0, len(letters) - 2)))
        if op == "drop" and letters:
            del letters[i]
        elif op == "swap" and len(letters) > 1:
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
        elif op == "replace" and letters:
            letters[i] = data.draw(st.sampled_from("xyzq2"))
        else:
            letters.insert(i, data.draw(st.sampled_from("xyzq3")))
    guess = "".join(letters)
    assert AnswerChecker([name]).check(guess) is reference_check([name], guess)


def test_the_textbook_distance_agrees_with_levenshtein_without_swaps() -> None:
    assert _osa("hypervisor", "hpyervisor") == 1
    assert _osa("abc", "xyz") == Levenshtein.distance("abc", "xyz") == 3
