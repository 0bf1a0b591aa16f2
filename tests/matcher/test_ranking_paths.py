"""The description index ranks the same way on large notes (numpy) as on small ones (Python).

Large notes search postings with numpy; the answers, their order and their coverage must be the very
ones the row-by-row code gives, or a look-up would answer differently once the notes grow.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import bm25
from bot.matching.bm25 import DescriptionIndex
from bot.matching.text import content_stems

TOPIC = Topic(title="Synthetic", path=Path("/notes/synthetic.yaml"))
WORDS = [f"w{i:03d}" for i in range(60)]  # few words: many entries share two, ties in every pool


def _index(rng: random.Random, count: int) -> DescriptionIndex:
    entries = [
        Entry(
            term=f"Term {i}",
            definition=" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))),
            details=tuple(" ".join(rng.sample(WORDS, 2)) for _ in range(rng.randint(0, 1))),
            topic=TOPIC,
        )
        for i in range(count)
    ]
    kb = KnowledgeBase(topics=[TOPIC], files=[TOPIC.path])
    kb.entries.extend(entries)
    index = DescriptionIndex(entries, [["term", str(i)] for i in range(count)], [])
    index.prepare()
    return index


def test_numpy_and_python_rank_every_question_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    index = _index(rng, 400)
    questions = [content_stems(" ".join(rng.sample(WORDS, rng.randint(1, 6)))) for _ in range(300)]
    by_rows = [index.rank(q) for q in questions]  # 400 entries: below the numpy threshold
    monkeypatch.setattr(bm25, "_VECTOR_MIN_ENTRIES", 0)
    monkeypatch.setattr(bm25, "_VECTOR_MIN_POOL", 0)
    monkeypatch.setattr(bm25, "_VECTOR_MIN_ROWS", 0)
    by_numpy = [index.rank(q) for q in questions]
    assert sum(1 for ranked, _ in by_rows if len(ranked) == 10) > 200  # full pools, not trivial cases
    assert by_numpy == by_rows
