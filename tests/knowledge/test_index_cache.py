"""The index cache: read back while the notes are unchanged, rebuilt when they change, safe when broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.index_cache import cache_key
from bot.knowledge import KnowledgeError
from bot.services import build_knowledge
from tests.knowledge.conftest import add_zorbling, answered


def _pickles(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def test_a_second_start_reads_the_cache_and_answers_the_same(notes: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    kb, matcher = build_knowledge([notes], cache)
    assert len(_pickles(cache)) == 1
    kb2, matcher2 = build_knowledge([notes], cache)
    assert matcher2 is not matcher  # read back, not the same objects
    assert [e.term for e in kb2.entries] == [e.term for e in kb.entries]
    for text in ("what is vm escape", "hypervisr", "attack that breaks out of a VM to the hypervisor"):
        assert answered(matcher2, text) == answered(matcher, text) is not None


def test_changed_notes_are_rebuilt_and_the_old_cache_removed(notes: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_knowledge([notes], cache)
    before = _pickles(cache)
    add_zorbling(notes)
    kb, matcher = build_knowledge([notes], cache)
    assert "Zorbling" in [e.term for e in kb.entries]
    assert answered(matcher, "what is zorbling") == "Zorbling"
    after = _pickles(cache)
    assert len(after) == 1
    assert after != before


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05\x95garbage", None])
def test_a_corrupt_cache_is_rebuilt(notes: Path, tmp_path: Path, content: bytes | None) -> None:
    cache = tmp_path / "cache"
    build_knowledge([notes], cache)
    (file,) = _pickles(cache)
    if content is None:  # a pickle of something else (another version's objects, say)
        import pickle

        file.write_bytes(pickle.dumps({"not": "notes"}))
    else:
        file.write_bytes(content)
    _, matcher = build_knowledge([notes], cache)
    assert answered(matcher, "what is vm escape") == "VM escape"
    assert file.read_bytes() != content  # written again


def test_a_fifo_in_place_of_the_cache_is_rebuilt_not_waited_on(notes: Path, tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: a start-up must not hang on one (a fresh
    tester's ``mkfifo`` over the cache file hung ``make run``)."""
    cache = tmp_path / "cache"
    build_knowledge([notes], cache)
    (file,) = _pickles(cache)
    file.unlink()
    os.mkfifo(file)
    _, matcher = build_knowledge([notes], cache)
    assert answered(matcher, "what is vm escape") == "VM escape"
    assert file.is_file()  # written again, over the FIFO


def test_an_unwritable_cache_does_not_stop_the_build(notes: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    _, matcher = build_knowledge([notes], blocked / "cache")
    assert answered(matcher, "what is vm escape") == "VM escape"


def test_broken_notes_are_reported_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert cache_key([tmp_path / "missing"]) is None
    with pytest.raises(KnowledgeError):
        build_knowledge([tmp_path / "missing"], cache)
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries: [\n")
    with pytest.raises(KnowledgeError):
        build_knowledge([bad], cache)
    assert _pickles(cache) == [] if cache.exists() else True


def test_ask_with_an_index_cache_answers_from_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    cache = tmp_path / "cache"
    for _ in range(2):  # built and cached, then read back
        assert main(["ask", "what's a hypervisor?", "--index-cache", str(cache)]) == 0
        assert capsys.readouterr().out.startswith("Hypervisor: Software that manages the distribution")
        assert len(_pickles(cache)) == 1
    assert main(["ask", "x", "--kb", str(tmp_path / "missing"), "--index-cache", str(cache)]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_a_cache_path_the_system_refuses_does_not_stop_the_build(notes: Path) -> None:
    _, matcher = build_knowledge([notes], Path("bad\0dir"))
    assert answered(matcher, "what is vm escape") == "VM escape"


def test_an_entry_pickles_every_field_it_has(tmp_path: Path) -> None:
    import dataclasses
    import pickle

    from bot.knowledge import Entry, Topic

    topic = Topic("T", tmp_path / "t.yaml", objective="1.1", source="src", tags=("a",))
    values = {
        "term": "Alpha",
        "definition": "The first letter.",
        "topic": topic,
        "aliases": ("A",),
        "details": ("d",),
        "examples": ("e",),
        "see_also": ("Beta",),
        "line": 7,
        "checks": ("check me",),
    }
    assert {f.name for f in dataclasses.fields(Entry)} == set(values)  # a new field must be pickled too
    back = pickle.loads(pickle.dumps(Entry(**values), protocol=pickle.HIGHEST_PROTOCOL))
    assert {name: getattr(back, name) for name in values} == values


def test_a_symlink_loop_is_a_problem_not_a_traceback_of_the_cache(notes: Path, tmp_path: Path) -> None:
    """With the cache on (the bot's and ``make run``'s default), a self-referencing symlink among the
    notes is the same ``file: message`` problem as in ``bot check``: Python 3.11's ``Path.resolve``
    raises ``RuntimeError("Symlink loop ...")``, which the cache key must not let through."""
    (notes / "x.yaml").symlink_to("x.yaml")
    assert cache_key([notes]) is None
    with pytest.raises(KnowledgeError) as raised:
        build_knowledge([notes], tmp_path / "cache")
    assert "Too many levels of symbolic links" in str(raised.value)
