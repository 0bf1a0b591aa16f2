"""/kb reload off the event loop: notes built in a child process, old notes freed piece by piece."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

import pytest

from bot.index_cache import build_in_subprocess, release_gradually
from bot.knowledge import KnowledgeError
from bot.loader import load_knowledge
from bot.services import Knowledge, build_knowledge
from tests.knowledge.conftest import add_zorbling, answered


def _break(notes: Path) -> None:
    next(notes.rglob("*.yaml")).write_text("entries: [\n", encoding="utf-8")


@pytest.mark.parametrize("cached", [True, False])
def test_a_child_process_builds_the_notes_answered_here(notes: Path, tmp_path: Path, cached: bool) -> None:
    cache = tmp_path / "cache" if cached else None
    kb, matcher = build_in_subprocess([notes], cache)
    assert [e.term for e in kb.entries] == [e.term for e in load_knowledge([notes]).entries]
    assert answered(matcher, "what is vm escape") == "VM escape"
    assert answered(matcher, "hypervisr") == "Hypervisor"
    if cache is not None:
        assert len(list(cache.glob("*.pickle"))) == 1  # cached by the child for the next start


def test_notes_already_cached_are_read_without_a_child(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    build_knowledge([notes], cache)

    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child process was started for cached notes")

    monkeypatch.setattr(subprocess, "run", no_child)
    _, matcher = build_in_subprocess([notes], cache)
    assert answered(matcher, "what is vm escape") == "VM escape"


def test_broken_notes_raise_the_loaders_problems_from_the_child(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - term: Alpha\n", encoding="utf-8")  # no definition
    with pytest.raises(KnowledgeError) as in_process:
        load_knowledge([bad])
    with pytest.raises(KnowledgeError) as from_child:
        build_in_subprocess([bad], tmp_path / "cache")
    assert from_child.value.problems == in_process.value.problems
    assert list((tmp_path / "cache").glob("*.pickle")) == [] if (tmp_path / "cache").exists() else True


def test_a_child_that_cannot_run_falls_back_to_building_here(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    with caplog.at_level(logging.WARNING, logger="bot.index_cache"):
        _, matcher = build_in_subprocess([notes], None)
    assert answered(matcher, "what is vm escape") == "VM escape"
    assert "building them here" in caplog.text


async def test_reload_through_a_child_serves_the_new_notes_and_keeps_the_old_on_errors(
    notes: Path, tmp_path: Path
) -> None:
    kb, matcher = build_knowledge([notes])
    knowledge = Knowledge([notes], kb, matcher, tmp_path / "cache", subprocess_build_bytes=0)
    add_zorbling(notes)
    new = await knowledge.reload()
    assert "Zorbling" in [e.term for e in new.entries]
    assert answered(knowledge.matcher, "what is zorbling") == "Zorbling"
    served = knowledge.kb
    _break(notes)
    with pytest.raises(KnowledgeError):
        await knowledge.reload()
    assert knowledge.kb is served
    assert answered(knowledge.matcher, "what is zorbling") == "Zorbling"


class _Box:
    """An object with attributes, as an index is."""

    def __init__(self, **parts: object) -> None:
        self.__dict__.update(parts)


def test_release_frees_what_only_it_holds() -> None:
    inner = _Box(data=list(range(10_000)), table={i: [i] for i in range(10_000)})
    box = _Box(inner=inner, pairs=(inner, {i: str(i) for i in range(5_000)}))
    freed = weakref.ref(box)
    inner_freed = weakref.ref(inner)
    holder: list[Any] = [box]
    del box, inner
    gc.disable()  # freed by reference counting, not by a collection
    try:
        release_gradually(holder)
        assert holder == []
        assert freed() is None
        assert inner_freed() is None
    finally:
        gc.enable()


def test_release_leaves_whole_what_someone_else_still_uses(notes: Path) -> None:
    kb, matcher = build_knowledge([notes])
    still_used = matcher  # a look-up still running on the old matcher
    table = {i: [i] for i in range(10_000)}
    shared_list = list(range(10_000))
    holder: list[Any] = [(kb, _Box(table=table, items=shared_list))]
    del kb, matcher
    release_gradually(holder)
    assert holder == []
    assert len(table) == 10_000
    assert len(shared_list) == 10_000
    assert answered(still_used, "what is vm escape") == "VM escape"
    assert len(still_used.kb.entries) > 0
