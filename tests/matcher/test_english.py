"""The compact copy of wordfreq's English list gives wordfreq's own values, word for word."""

from __future__ import annotations

import gzip
import random
import sys

import pytest
import wordfreq

from bot.loader import DEFAULT_KNOWLEDGE_PATH, load_knowledge
from bot.matching import english
from bot.matching.names import key_of
from bot.matching.typos import other_real_word, zipf


@pytest.fixture(scope="module")
def copied() -> dict[str, int]:
    lines = gzip.decompress(english.WORDS_FILE.read_bytes()).decode("ascii").splitlines()
    assert lines == sorted(lines)  # the binary search needs them sorted
    return {word: int(value) for word, value in (line.split(" ") for line in lines)}


def test_the_copy_holds_every_plain_english_word_of_wordfreq_and_no_other(copied: dict[str, int]) -> None:
    plain = {word for word in wordfreq.iter_wordlist("en") if english._PLAIN.fullmatch(word)}
    assert len(plain) > 280_000
    assert set(copied) == plain


def test_every_copied_value_is_wordfreqs(copied: dict[str, int]) -> None:
    """wordfreq's value of a word of a-z is a function of its list's frequency alone (one token, no digits):
    every word of one frequency has one copied value, wordfreq's for that frequency (asked of one word of
    each), and 3,000 words picked at random give wordfreq's value through ``english.zipf`` as well."""
    frequencies = wordfreq.get_frequency_dict("en")
    by_frequency: dict[float, set[int]] = {}
    first: dict[float, str] = {}
    for word, value in copied.items():
        by_frequency.setdefault(frequencies[word], set()).add(value)
        first.setdefault(frequencies[word], word)
    assert all(len(values) == 1 for values in by_frequency.values())
    for frequency, word in first.items():
        assert by_frequency[frequency] == {round(wordfreq.zipf_frequency(word, "en") * 100)}
        assert english.zipf(word) == wordfreq.zipf_frequency(word, "en")
    for word in random.Random(17).sample(sorted(copied), 3000):
        assert english.zipf(word) == wordfreq.zipf_frequency(word, "en"), word


def test_the_words_the_matcher_asks_about_give_wordfreqs_values() -> None:
    """Every word of the bundled notes' names and definitions, the typo tests' words, words not in the
    list (0.0) and words the copy cannot hold (asked of wordfreq): the same value as wordfreq's."""
    knowledge = load_knowledge(DEFAULT_KNOWLEDGE_PATH)
    texts = [text for entry in knowledge.entries for text in (*entry.names, entry.definition)]
    words = {word for text in texts for word in key_of(text).split()}
    words |= {
        "witch", "switch", "nucleolus", "nucleus", "chromoplast", "chloroplast", "recieve", "receive",
        "hypervisr", "hypervisor", "ypervisor", "kubernetis", "kubernetes", "drier", "driver", "continuos",
        "zzqxv", "a", "café", "naïve", "o'brien", "Will", "HTTP", "rose", "marx", "truman", "",
    }  # fmt: skip
    assert len(words) > 150
    for word in sorted(words):
        assert english.zipf(word) == wordfreq.zipf_frequency(word, "en"), word
        assert type(english.zipf(word)) is float


def test_the_copied_beginnings_are_wordfreqs() -> None:
    assert english.word_beginnings() == english.wordfreq_beginnings()


def test_a_typo_reads_the_copy_without_importing_wordfreq() -> None:
    """The first typo check of plain words answers from the copy: wordfreq (0.6 s of CPU) is not imported."""
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "wordfreq"}
    for name in saved:
        del sys.modules[name]
    try:
        zipf.cache_clear()  # what earlier tests asked, wordfreq may have answered
        assert other_real_word("witch", "switch") is True
        assert other_real_word("chromoplast", "chloroplast") is True
        assert english.zipf("nucleolus") == 1.82
        assert english.zipf("zzqxv") == 0.0
        assert "wordfreq" not in sys.modules
    finally:
        sys.modules.update(saved)
