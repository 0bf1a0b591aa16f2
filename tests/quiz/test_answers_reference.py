"""The fast answer checker decides exactly as the plain, regex-based definition of the rules."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from bot.quiz.answers import AnswerChecker, allowed_typos, normalize

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_ARTICLE = re.compile(r"^(?:(?:a|an|the) )+")


def reference_normalize(text: str) -> str:
    """The documented normalisation, spelt out with regular expressions."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", words) or words


def reference_check(names: list[str], text: str) -> bool:
    """The documented rules: exact name, or within the typo budget with the first letter right."""
    guess = reference_normalize(text)
    if not guess:
        return False
    for name in filter(None, map(reference_normalize, names)):
        if guess == name:
            return True
        typos = allowed_typos(name)
        if typos and guess[0] == name[0] and OSA.distance(guess, name) <= typos:
            return True
    return False


NAMES = ["Hypervisor", "Virtual machine monitor", "VMM", "The Cloud", "élan vital", "Type-1 hypervisor"]
_words = st.sampled_from(["the", "a", "an", "hypervisor", "hypervisr", "vmm", "cloud", "elan", "Élan", "1"])
_texts = st.one_of(
    st.text(max_size=40),
    st.lists(_words, max_size=6).map(" ".join),
    st.text(alphabet="aehinoprstvy -.!THE", max_size=25),
)


@settings(max_examples=600)
@given(_texts)
def test_normalize_matches_the_reference(text: str) -> None:
    assert normalize(text) == reference_normalize(text)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3), _texts)
def test_check_matches_the_reference(names: list[str], text: str) -> None:
    assert AnswerChecker(names).check(text) is reference_check(names, text)


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
            letters[i] = data.draw(st.sampled_from("xyzq"))
        else:
            letters.insert(i, data.draw(st.sampled_from("xyzq")))
    guess = "".join(letters)
    assert AnswerChecker([name]).check(guess) is reference_check([name], guess)
