"""The index cache's two parts: answers read from it equal a fresh build's, exact answers before the rest
is read, a cut or corrupt rest rebuilt, another version of the code another key."""

from __future__ import annotations

import logging
import random
import shutil
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path

import pytest

import bot.index_cache as index_cache
from benchmarks import queries
from benchmarks.lookup import generate_entries, write_yaml
from bot.index_cache import build_indexed, cache_key
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher
from bot.matching import matcher as matcher_module
from bot.matching.bm25 import DescriptionIndex
from bot.matching.results import Result

Shown = tuple[str, str | None, float | None, str | None, tuple[str, ...], tuple[str, ...]]


def _shown(result: Result) -> Shown:
    """Everything a look-up's result shows: its kind, entry, score, how it was found, the entries
    shown with it and the suggestions."""
    if isinstance(result, Answer):
        also = tuple(e.term for e in result.also)
        return ("answer", result.entry.term, result.score, result.via, also, ())
    return ("not found", None, None, None, (), tuple(f"{s.entry.term} {s.score}" for s in result.suggestions))


def _questions(matcher: Matcher, per_kind: int) -> list[str]:
    """Questions of every kind (``benchmarks.queries``: exact, typos, question frames, descriptions,
    out of scope), from a generator independent of the matcher's indexes."""
    made = queries.make(matcher.kb.entries, per_kind, random.Random(7))
    return [text for _, text, _ in made]


def _fresh(paths: Iterable[Path]) -> Matcher:
    matcher = Matcher(load_knowledge(paths))
    matcher.prepare()
    return matcher


def _same_answers(read: Matcher, fresh: Matcher, texts: list[str]) -> None:
    for text in texts:
        assert _shown(read.lookup(text)) == _shown(fresh.lookup(text)), text
    for text in texts[:50]:
        assert [s.entry.term for s in read.suggest(text)] == [s.entry.term for s in fresh.suggest(text)], text
        prefix = text[:4]
        assert [e.term for e in read.complete(prefix)] == [e.term for e in fresh.complete(prefix)], prefix


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic notes of 3,000 terms (``benchmarks.lookup``'s generator) in two files."""
    folder = tmp_path_factory.mktemp("synthetic")
    write_yaml(generate_entries(3000, random.Random(3)), folder)
    return folder


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_answers_read_from_the_cache_equal_a_fresh_builds(
    which: str, notes: Path, synthetic: Path, tmp_path: Path
) -> None:
    paths = [notes if which == "bundled" else synthetic]
    fresh = _fresh(paths)
    cache = tmp_path / "cache"
    build_indexed(paths, cache)  # built and written
    for deferred in (True, False):
        kb, read = build_indexed(paths, cache, deferred=deferred)
        assert read is not fresh
        assert [e.term for e in kb.entries] == [e.term for e in fresh.kb.entries]
        _same_answers(read, fresh, _questions(fresh, 60))


class _NotYet(Exception):
    """The rest of the indexes, never read in this test."""


def test_before_the_rest_is_read_exact_names_answer_and_other_look_ups_wait_for_it(notes: Path) -> None:
    fresh = _fresh([notes])
    state = fresh.__getstate__()
    rest: Future[None] = Future()
    rest.set_exception(_NotYet())  # a look-up that waits for the rest raises this
    early = Matcher.deferred({name: state[name] for name in Matcher.CORE_STATE}, rest)
    names = [name for entry in fresh.kb.entries for name in entry.names]
    asked = [*names, *(f"what is {name}?" for name in names), *_questions(fresh, 40)]
    answered_early = 0
    for text in asked:
        try:
            result = early.lookup(text)
        except _NotYet:
            continue
        assert _shown(result) == _shown(fresh.lookup(text)), text
        answered_early += 1
    assert answered_early >= len(names)  # every name as written (at least) without the rest
    assert early.exact("what is a hypervisor?") is fresh.kb.by_term("Hypervisor") is not None
    with pytest.raises(_NotYet):
        early.lookup("hypervisr")
    with pytest.raises(_NotYet):
        early.complete("hyp")


def _cache_file(cache: Path) -> Path:
    (file,) = sorted(cache.glob("*.pickle"))
    return file


def _core_end(file: Path) -> int:
    """Where the rest part of the cache file begins."""
    data = file.read_bytes()
    head = len(index_cache._MAGIC) + index_cache._LENGTH.size
    (length,) = index_cache._LENGTH.unpack(data[len(index_cache._MAGIC) : head])
    return head + length


@pytest.mark.parametrize("damage", ["cut", "garbage"])
@pytest.mark.parametrize("deferred", [True, False])
def test_a_cut_or_corrupt_rest_part_is_rebuilt_and_written_again(
    notes: Path, tmp_path: Path, damage: str, deferred: bool, caplog: pytest.LogCaptureFixture
) -> None:
    fresh = _fresh([notes])
    cache = tmp_path / "cache"
    build_indexed([notes], cache)
    file = _cache_file(cache)
    whole = file.read_bytes()
    end = _core_end(file)
    damaged = (
        whole[: end + (len(whole) - end) // 2] if damage == "cut" else whole[:end] + b"\x80\x05garbage" * 50
    )
    file.write_bytes(damaged)
    with caplog.at_level(logging.WARNING, logger="bot.index_cache"):
        _, matcher = build_indexed([notes], cache, deferred=deferred)
        _same_answers(matcher, fresh, _questions(fresh, 30))  # waits for the rebuild when deferred
    assert "cannot be read" in caplog.text
    assert _cache_file(cache).read_bytes() != damaged  # written again
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.index_cache"):
        _, again = build_indexed([notes], cache)
    assert caplog.text == ""  # read back whole this time
    _same_answers(again, fresh, _questions(fresh, 10))


def test_a_cut_core_part_is_rebuilt(notes: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_indexed([notes], cache)
    file = _cache_file(cache)
    cut = file.read_bytes()[: _core_end(file) // 2]
    file.write_bytes(cut)
    _, matcher = build_indexed([notes], cache, deferred=True)
    assert matcher.lookup("hypervisr").entry.term == "Hypervisor"  # type: ignore[union-attr]
    assert _cache_file(cache).read_bytes() != cut


def test_another_version_of_the_code_gets_another_key(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(index_cache.__file__).parent
    copy = tmp_path / "bot"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_key([notes])
    monkeypatch.setattr(index_cache, "_PACKAGE", copy)
    assert cache_key([notes]) == before  # the same code elsewhere: the same key
    for changed in ("matching/typos.py", "knowledge.py", "loader.py", "index_cache.py"):
        source = copy / changed
        original = source.read_text(encoding="utf-8")
        source.write_text(original + "\n# another version\n", encoding="utf-8")
        assert cache_key([notes]) != before, changed
        source.write_text(original, encoding="utf-8")
    assert cache_key([notes]) == before


_VOCABULARY = """\
topic:
  title: Spanish and physics
entries:
  - term: La escuela
    definition: School (noun, feminine).
  - term: Sonreír
    definition: To smile, to grin (verb).
  - term: El libro
    definition: Book; volume (noun, masculine).
  - term: Luminous intensity
    definition: The power a light source emits in one direction; its SI unit is the candela (cd).
  - term: Limiting factors
    definition: What keeps a population from growing without bound.
    details:
      - "Density-dependent limiting factors: competition, predation and disease."
"""


@pytest.mark.parametrize("deferred", [True, False])
def test_descriptions_glosses_and_units_are_read_from_the_cache_not_built(
    deferred: bool, synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every index a first question may need is in the cache's rest part: a description, a vocabulary
    or a unit question asked first after a start-up reads it and builds nothing (at 100,000 terms the
    gloss index alone took 11 s of CPU on the first vocabulary question), answering as a fresh build."""
    vocabulary = tmp_path / "vocabulary.yaml"
    vocabulary.write_text(_VOCABULARY, encoding="utf-8")
    paths = [synthetic, vocabulary]
    fresh = _fresh(paths)
    made = queries.make(fresh.kb.entries, 40, random.Random(11))
    asked = [text for kind, text, _ in made if kind in ("description", "out_of_scope")]
    asked += [
        "how do you say school in spanish",
        "what is the spanish for smile",
        "book in spanish",
        "how do you say smile in german",
        "what is measured in candela",
        "candela",
        "density-dependent limiting factors",
    ]
    expected = [_shown(fresh.lookup(text)) for text in asked]
    assert expected[-7][:2] == ("answer", "La escuela")
    assert expected[-3][:2] == ("answer", "Luminous intensity")
    cache = tmp_path / "cache"
    build_indexed(paths, cache)

    def no_build(*_: object) -> None:
        raise AssertionError("an index was built after the cache was read")

    monkeypatch.setattr(matcher_module, "GlossIndex", no_build)
    monkeypatch.setattr(matcher_module, "UnitIndex", no_build)
    monkeypatch.setattr(matcher_module, "LooseIndex", no_build)
    monkeypatch.setattr(DescriptionIndex, "_build", no_build)
    _, read = build_indexed(paths, cache, deferred=deferred)
    assert [_shown(read.lookup(text)) for text in asked] == expected
    built = vars(read)
    assert [name for name, value in built.items() if value is None and name != "_pending"] == []
