"""English word frequencies (wordfreq's Zipf values) from a compact copy shipped beside this module.

The typo checks ask how common a typed word is in English ("witch" is meant, not a slip of "switch").
Asking wordfreq costs the first such typo about 0.6 s of CPU: importing it (regex, langcodes, msgpack:
0.25 s) and turning its 321,180-word English list into a dictionary (0.3 s). Building any dictionary
of that many words costs about as much, so the copy is never parsed: ``english_words.txt.gz`` holds
the 289,023 words of wordfreq's English list spelt with the letters a-z alone, sorted, one
``word zipf*100`` a line; a look-up decompresses it once (3.5 MB, about 20 ms) and binary-searches the
bytes. A word with any other character (an accent, an apostrophe, a capital) asks wordfreq itself, so
every answer is wordfreq's. ``english_beginnings.txt`` holds the 3-5 letter beginnings of the 30,000
commonest English words (the typo checks' known word parts).

Both files are made from the installed wordfreq by ``python -m bot.matching.english``;
``tests/matcher/test_english.py`` checks them against it word for word.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("english_words.txt.gz")
BEGINNINGS_FILE = Path(__file__).with_name("english_beginnings.txt")
#: The words the copy holds (all of wordfreq's English words of this shape, no other).
_PLAIN = re.compile(r"[a-z]+")
#: The English words whose beginnings are known word parts ("chrom-", "chlor-").
COMMON_WORDS = 30_000


@cache
def _words() -> bytes:
    """The sorted ``word zipf*100`` lines, decompressed (read on the first look-up)."""
    return gzip.decompress(WORDS_FILE.read_bytes())


def _centizipf(word: bytes) -> int | None:
    """The word's Zipf value times 100 as the copy holds it, None when the word is not in it."""
    data = _words()
    low, high = 0, len(data)  # both always at the start of a line (or the end)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.find(b"\n", middle)
        found, _, value = data[start:end].partition(b" ")
        if found == word:
            return int(value)
        if word < found:
            high = start
        else:
            low = end + 1
    return None


def zipf(word: str) -> float:
    """The word's Zipf frequency in English (log10 of uses per billion words; 0.0 when unknown), exactly
    ``wordfreq.zipf_frequency(word, "en")``."""
    if _PLAIN.fullmatch(word):
        found = _centizipf(word.encode("ascii"))
        return 0.0 if found is None else found / 100
    from wordfreq import zipf_frequency  # deferred: only words the copy cannot hold come here

    return float(zipf_frequency(word, "en"))


@cache
def word_beginnings() -> frozenset[str]:
    """The 3-5 letter beginnings of the 30,000 commonest English words, each shorter than its word."""
    return frozenset(BEGINNINGS_FILE.read_text(encoding="utf-8").split())


def wordfreq_words() -> dict[str, int]:
    """From wordfreq (imported here): its English words of the letters a-z, each with its Zipf value
    times 100, as ``wordfreq.zipf_frequency`` gives it."""
    from wordfreq import iter_wordlist, zipf_frequency

    return {
        word: round(zipf_frequency(word, "en") * 100)
        for word in iter_wordlist("en")
        if _PLAIN.fullmatch(word)
    }


def wordfreq_beginnings() -> frozenset[str]:
    """From wordfreq (imported here): the 3-5 letter beginnings of its 30,000 commonest English words."""
    from wordfreq import top_n_list

    common = top_n_list("en", COMMON_WORDS)
    return frozenset(word[:k] for word in common if word.isalpha() for k in range(3, min(6, len(word))))


def write_files() -> None:
    """Write both files from the installed wordfreq (the same bytes for the same wordfreq)."""
    lines = "".join(f"{word} {value}\n" for word, value in sorted(wordfreq_words().items()))
    WORDS_FILE.write_bytes(gzip.compress(lines.encode("ascii"), compresslevel=9, mtime=0))
    beginnings = "".join(f"{part}\n" for part in sorted(wordfreq_beginnings()))
    BEGINNINGS_FILE.write_text(beginnings, encoding="utf-8")


if __name__ == "__main__":
    write_files()
