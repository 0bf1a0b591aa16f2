"""Index building: lazy parts give the same answers, and the benchmark's accuracy does not drop."""

from __future__ import annotations

import random
import threading
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import lookup
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher, NotFound, Result

#: Right answers out of 500 queries per kind on the benchmark's 2,000-term notes (seed 1). They may
#: rise, never drop. Re-recorded when the one name model (bot.matching.names) came: the generator now skips
#: names the loader refuses as clashes ("DE" and "DEs" on two entries), so the notes differ from
#: before (then: exact 500, typo 500, prefix 465, description 500). The one description missed
#: is refused, not answered wrong: two entries cover the described words equally (80 each).
RECORDED_2K = {"exact": 500, "typo": 500, "prefix": 469, "description": 499}


def _kb(*entries: tuple[str, tuple[str, ...], str]) -> KnowledgeBase:
    """A small knowledge base from (term, aliases, definition) triples."""
    topic = Topic(title="Test", path=Path("test.yaml"))
    kb = KnowledgeBase(topics=[topic], files=[topic.path])
    kb.entries = [Entry(term=t, aliases=a, definition=d, topic=topic) for t, a, d in entries]
    return kb


def _summary(result: Result) -> tuple[object, ...]:
    """What a look-up answered, comparable across matchers."""
    if isinstance(result, Answer):
        return ("answer", result.entry.term, result.score, result.via)
    return ("refused", tuple((s.entry.term, s.score) for s in result.suggestions))


def _generated(terms: int, seed: int, tmp_path: Path) -> tuple[KnowledgeBase, list[lookup.Query]]:
    """The benchmark's synthetic notes (loaded through the loader) and its queries about them."""
    rng = random.Random(seed * 1_000_003 + terms)
    entries = lookup.generate_entries(terms, rng)
    queries = lookup.make_queries(entries, 500, rng)
    lookup.write_yaml(entries, tmp_path)
    return load_knowledge([tmp_path]), queries


def test_benchmark_accuracy_at_2000_terms_is_kept(tmp_path: Path) -> None:
    kb, queries = _generated(2000, 1, tmp_path)
    matcher = Matcher(kb)
    right: Counter[str] = Counter()
    for query in queries:
        if query.kind == "prefix":
            right[query.kind] += any(e.term == query.term for e in matcher.complete(query.text))
        else:
            result = matcher.lookup(query.text)
            right[query.kind] += isinstance(result, Answer) and result.entry.term == query.term
    assert Counter(q.kind for q in queries) == dict.fromkeys(RECORDED_2K, 500)
    for kind, recorded in RECORDED_2K.items():
        assert right[kind] >= recorded, (kind, right[kind])


def test_indexes_built_on_first_use_answer_like_prepared_ones(tmp_path: Path) -> None:
    kb, queries = _generated(400, 3, tmp_path)
    lazy, prepared = Matcher(kb), Matcher(kb)
    prepared.prepare()
    for query in queries[:400]:
        text = query.text
        assert _summary(lazy.lookup(text)) == _summary(prepared.lookup(text)), text
        assert lazy.complete(text) == prepared.complete(text), text
        assert lazy.suggest(text) == prepared.suggest(text), text
        assert lazy.is_question(text) == prepared.is_question(text), text


def test_prepare_in_a_thread_while_looking_up(tmp_path: Path) -> None:
    kb, queries = _generated(1500, 4, tmp_path)
    reference = Matcher(kb)
    reference.prepare()
    expected = [_summary(reference.lookup(q.text)) for q in queries[:300]]
    matcher = Matcher(kb)
    worker = threading.Thread(target=matcher.prepare)
    worker.start()
    got = [_summary(matcher.lookup(q.text)) for q in queries[:300]]
    worker.join()
    assert got == expected
    matcher.prepare()  # a second call does nothing
    assert [_summary(matcher.lookup(q.text)) for q in queries[:50]] == expected[:50]


# ---------------------------------------------------------------- lone typos

_NOTES = (
    ("Lyrkjak", (), "A made-up scheduler that moves jobs between hosts."),
    ("Healkrercore", (), "A made-up storage engine."),
    ("Drandrout", (), "A made-up router."),
    ("Cloud broker", (), "A service that picks a cloud provider for each workload."),
)


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("lwrkjak", "Lyrkjak"),  # one slip in a 7-letter name
        ("what is a lwrkjak", "Lyrkjak"),
        ("healkrexcove", "Healkrercore"),  # two slips in a 12-letter name
        ("dradrotu", "Drandrout"),  # a dropped and a swapped letter in a 9-letter name
    ],
)
def test_a_lone_typo_of_one_name_is_answered(typed: str, term: str) -> None:
    result = Matcher(_kb(*_NOTES)).lookup(typed)
    assert isinstance(result, Answer), typed
    assert (result.entry.term, result.via) == (term, "fuzzy")


@pytest.mark.parametrize(
    "typed",
    [
        "kyrkjak",  # the first letter is wrong
        "lwrkjaq",  # two slips in a name of up to 8 letters
        "heaxkrexcove",  # three slips
    ],
)
def test_not_a_lone_typo_is_refused(typed: str) -> None:
    assert isinstance(Matcher(_kb(*_NOTES)).lookup(typed), NotFound), typed


def test_a_typo_as_close_to_two_names_is_refused() -> None:
    notes = (*_NOTES, ("Lwrkjax", (), "Another made-up scheduler."))
    result = Matcher(_kb(*notes)).lookup("lwrkjak")  # one slip from both Lyrkjak and Lwrkjax
    assert isinstance(result, NotFound)
    assert {s.entry.term for s in result.suggestions} >= {"Lyrkjak", "Lwrkjax"}
