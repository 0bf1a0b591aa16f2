"""Typed words that are other English words, not slips of a name's word."""

from __future__ import annotations

import pytest

from bot.matching.typos import other_real_word


@pytest.mark.parametrize(
    ("said", "name_word", "other"),
    [
        ("witch", "switch", True),  # a common word is meant
        ("nucleolus", "nucleus", True),  # a rarer word, two slips away
        ("chromoplast", "chloroplast", True),  # "chrom-" and "chlor-" both begin common words
        ("recieve", "receive", False),  # a common misspelling, one slip away
        ("hypervisr", "hypervisor", False),
        ("cholroplast", "chloroplast", False),  # a swap of two letters is a slip
        ("hyprevisor", "hypervisor", False),
        ("kubernetis", "kubernetes", False),
        ("handle", "handler", False),  # another form of the word
        ("mitochondrion", "mitochondria", False),
        ("polyphonic", "polyphony", False),
        ("trial", "trail", False),  # two letters swapped
        ("drier", "driver", False),  # a real word, but not common enough to be surely meant
        ("continuo", "continuous", False),  # "continuos" typed, its "s" read as a plural's
    ],
)
def test_other_real_word(said: str, name_word: str, other: bool) -> None:
    assert other_real_word(said, name_word) is other
