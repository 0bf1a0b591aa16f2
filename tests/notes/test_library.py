"""Per-server notes end to end below Discord: upload preview, Confirm, serving, rollback, shared switch,
limits, cache budget and another process's change, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.config import ConfigError, load_settings
from bot.knowledge import Entry, KnowledgeBase, Topic
from bot.matching import Answer, Matcher
from bot.notes import NotesLibrary, NotesLimits
from bot.notes.library import BYTES_PER_SERVER
from bot.notes.manager import NotesActionError, NotesManager
from bot.notes.topics import topic_body, topic_path
from bot.storage.notes import NotesRepository
from tests.notes.conftest import CELLS_MD

A = 1001 << 22
B = 2002 << 22
MEMBER = 42


def _manager(
    repo: NotesRepository, shared: tuple[KnowledgeBase, Matcher], clock: FakeClock, **kw: object
) -> NotesManager:
    budget = kw.pop("budget_bytes", 64 * 1024 * 1024)
    library = NotesLibrary(shared, repo, budget_bytes=int(budget), build_in_thread=False)  # type: ignore[call-overload]
    return NotesManager(library, repo, clock, **kw)  # type: ignore[arg-type]


async def _upload(manager: NotesManager, guild: int, name: str, data: bytes) -> None:
    stored = await manager.preview(guild, MEMBER, name, data)
    assert stored.preview.ok, stored.preview.problems
    assert stored.pending_id is not None
    await manager.confirm(guild, MEMBER, stored.pending_id)


def _answers(notes_matcher: Matcher, question: str) -> str | None:
    result = notes_matcher.lookup(question)
    return result.entry.term if isinstance(result, Answer) else None


async def test_nothing_is_served_before_confirm_and_only_in_its_server(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    stored = await manager.preview(A, MEMBER, "cells.md", CELLS_MD)
    assert stored.preview.ok
    assert stored.preview.first_terms(2) == ["Mitochondrion", "Ribosome"]
    notes = await manager.library.for_guild(A)
    assert _answers(notes.matcher, "what is a ribosome") is None  # previewed, not stored
    assert stored.pending_id is not None
    await manager.confirm(A, MEMBER, stored.pending_id)
    a = await manager.library.for_guild(A)
    b = await manager.library.for_guild(B)
    assert _answers(a.matcher, "what is a ribosome") == "Ribosome"
    assert _answers(a.matcher, "what is a hypervisor") == "Hypervisor"  # shared notes still there
    assert _answers(b.matcher, "what is a ribosome") is None
    assert b.kb is shared_notes[0]  # a server without notes is served the shared matcher itself
    with pytest.raises(NotesActionError):  # a second Confirm of the same upload
        await manager.confirm(A, MEMBER, stored.pending_id)


async def test_a_bad_file_changes_nothing(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    await _upload(manager, A, "cells.md", CELLS_MD)
    bad = b"topic:\n  title: Cell biology\nentries:\n  - term: Ribosome\n    definitoin: typo\n"
    stored = await manager.preview(A, MEMBER, "cells.yaml", bad)
    assert not stored.preview.ok
    assert stored.pending_id is None
    assert any(p.startswith("cells.yaml:5:") for p in stored.preview.problems), stored.preview.problems
    notes = await manager.library.for_guild(A)
    assert _answers(notes.matcher, "what is a mitochondrion") == "Mitochondrion"


async def test_rollback_and_remove(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    await _upload(manager, A, "cells.md", CELLS_MD)
    clock.advance(60)
    await _upload(manager, A, "cells.md", b"# Cell biology\n\n- **Vacuole**: stores water in plant cells.\n")
    notes = await manager.library.for_guild(A)
    assert (_answers(notes.matcher, "vacuole"), _answers(notes.matcher, "ribosome")) == ("Vacuole", None)
    [summary] = await manager.topics(A)
    assert (summary.title, summary.entries, summary.version, summary.uploaded_by) == (
        "Cell biology",
        1,
        2,
        MEMBER,
    )
    previous = await manager.rollback(A, "cell biology")
    assert previous.version == 1
    notes = await manager.library.for_guild(A)
    assert (_answers(notes.matcher, "vacuole"), _answers(notes.matcher, "ribosome")) == (None, "Ribosome")
    await manager.remove(A, MEMBER, "Cell biology")
    notes = await manager.library.for_guild(A)
    assert _answers(notes.matcher, "ribosome") is None
    assert notes.kb is shared_notes[0]
    with pytest.raises(NotesActionError, match="no topic called"):
        await manager.remove(A, MEMBER, "Astronomy")


async def test_the_shared_switch(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    await _upload(manager, A, "cells.md", CELLS_MD)
    await manager.set_shared(A, False)
    notes = await manager.library.for_guild(A)
    assert _answers(notes.matcher, "what is a hypervisor") is None
    assert [t.title for t in notes.kb.topics] == ["Cell biology"]
    await manager.set_shared(A, True)
    notes = await manager.library.for_guild(A)
    assert _answers(notes.matcher, "what is a hypervisor") == "Hypervisor"
    # with no notes of its own and the shared notes off, a server sees nothing
    await manager.set_shared(B, False)
    assert len((await manager.library.for_guild(B)).kb.entries) == 0


async def test_names_clashing_with_another_topic_block_the_upload(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    await _upload(manager, A, "cells.md", CELLS_MD)
    stored = await manager.preview(
        A, MEMBER, "organelles.md", b"# Organelles\n\n- **Ribosome**: makes proteins.\n"
    )
    assert not stored.preview.ok
    assert stored.preview.problems == (
        "organelles.md:3: 'Ribosome' is already in this server's topic 'Cell biology' (as 'Ribosome'); "
        "remove it from one of them",
    )
    own = await manager.preview(A, MEMBER, "hv.md", b"# Mine\n\n- **Hypervisor**: our own definition here.\n")
    assert own.preview.ok
    assert own.preview.warnings
    assert "shared notes" in own.preview.warnings[0]
    assert own.pending_id is not None
    await manager.confirm(A, MEMBER, own.pending_id)
    notes = await manager.library.for_guild(A)
    result = notes.matcher.lookup("hypervisor")
    assert isinstance(result, Answer)
    assert result.entry.definition == "Our own definition here."


async def test_limits(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock, limits=NotesLimits(max_file_bytes=2048, max_entries=5))
    from bot.notes.upload import UploadRefused

    with pytest.raises(UploadRefused, match="limited to 2 KB"):
        manager.check_size("big.md", 4096)
    with pytest.raises(UploadRefused, match="limited"):
        await manager.preview(A, MEMBER, "big.md", b"- **A**: b\n" * 400)
    with pytest.raises(UploadRefused, match="I can read"):
        manager.check_size("notes.pdf", 10)
    await _upload(manager, A, "cells.md", CELLS_MD)  # 4 entries
    stored = await manager.preview(
        A, MEMBER, "more.md", b"# More\n\n- **Cilium**: a hair.\n- **Flagellum**: a tail.\n"
    )
    assert not stored.preview.ok
    assert "would have 6 entries; the limit is 5" in stored.preview.problems[-1]


async def test_the_cache_keeps_to_its_budget_least_recently_used_first(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    manager = _manager(repo, shared_notes, clock)
    guilds = [(100 + n) << 22 for n in range(4)]
    for guild in guilds:
        await _upload(manager, guild, "cells.md", CELLS_MD)
    library = manager.library
    one = (await library.for_guild(guilds[0])).size
    assert one > BYTES_PER_SERVER
    library.budget_bytes = 2 * one
    library.clear()
    for guild in guilds:
        await library.for_guild(guild)
    assert library.cached_guilds() == guilds[2:]
    assert library.cached_bytes <= library.budget_bytes
    await library.for_guild(guilds[2])  # used: now the most recent
    await library.for_guild(guilds[0])  # rebuilt, evicting guilds[3]
    assert library.cached_guilds() == [guilds[2], guilds[0]]
    assert _answers((await library.for_guild(guilds[3])).matcher, "ribosome") == "Ribosome"


async def test_another_process_change_is_seen_after_refresh(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    here = _manager(repo, shared_notes, clock)
    there = _manager(NotesRepository(repo.engine), shared_notes, clock)  # another process's library
    before = await there.library.for_guild(A)
    assert _answers(before.matcher, "ribosome") is None
    await _upload(here, A, "cells.md", CELLS_MD)
    assert _answers((await there.library.for_guild(A)).matcher, "ribosome") is None  # cached
    assert await there.library.refresh() == [A]
    assert _answers((await there.library.for_guild(A)).matcher, "ribosome") == "Ribosome"
    assert await there.library.refresh() == []


async def test_the_refresher_checks_every_interval_and_survives_database_errors(
    shared_notes: tuple[KnowledgeBase, Matcher],
) -> None:
    class Flaky:
        def __init__(self) -> None:
            self.calls = 0

        async def current(self, guild_id: int) -> tuple[object, list[object]]:
            raise AssertionError("not used")

        async def revisions(self, guild_ids: object = None) -> dict[int, int]:
            self.calls += 1
            if self.calls == 1:
                raise ConnectionError("database down")
            return {A: 5}

    source = Flaky()
    library = NotesLibrary(shared_notes, source, build_in_thread=False)  # type: ignore[arg-type]
    library._keep(A, library.shared)  # a cached server at revision 0
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 3:
            raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        await library.run_refresher(2.0, sleep=sleep)
    assert slept == [2.0, 2.0, 2.0]
    assert source.calls == 2  # the first check failed (logged), the second dropped the stale server
    assert library.cached_guilds() == []


def test_notes_settings_come_from_the_file_and_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("notes:\n  max_entries: 300\n  cache_mb: 64\n", encoding="utf-8")
    settings = load_settings(config, {"STUDYBOT_NOTES_MAX_FILE_BYTES": "4096"})
    assert (settings.notes.max_entries, settings.notes.cache_mb, settings.notes.max_file_bytes) == (
        300,
        64,
        4096,
    )
    assert settings.notes.refresh_seconds == 2.0
    config.write_text("notes:\n  max_entries: lots\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notes\.max_entries"):
        load_settings(config, {})


async def test_a_refresh_with_many_cached_servers_asks_for_every_changed_server_at_once(
    repo: NotesRepository, shared_notes: tuple[KnowledgeBase, Matcher], clock: FakeClock
) -> None:
    from bot.notes import library as library_module

    here = _manager(repo, shared_notes, clock)
    there = _manager(NotesRepository(repo.engine), shared_notes, clock)
    guilds = [(500 + n) << 22 for n in range(library_module.REFRESH_BY_ID + 1)]
    for guild in guilds:
        await there.library.for_guild(guild)
    await _upload(here, guilds[-1], "cells.md", CELLS_MD)
    assert await there.library.refresh() == [guilds[-1]]
    assert len(there.library.cached_guilds()) == len(guilds) - 1


async def test_stored_notes_with_an_alias_no_longer_allowed_keep_the_entry_without_it(
    repo: NotesRepository,
    shared_notes: tuple[KnowledgeBase, Matcher],
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Notes stored before lower-case letters and function words were refused as aliases still load:
    the entry stays (by its term and its other aliases), the alias goes, and the log says so."""
    topic = Topic(title="Cell biology", path=topic_path("cell-biology"))
    entries = [
        Entry(
            "Ribosome",
            "the site where proteins are made from amino acids.",
            topic,
            aliases=("on", "rRNA body"),
        ),
        Entry("Nucleus", "controls the cell and holds the DNA.", topic, aliases=("a",)),
    ]
    await repo.publish(
        A,
        "cell-biology",
        title="Cell biology",
        body=topic_body(topic, entries),
        entries=len(entries),
        filename="cells.yaml",
        member_id=MEMBER,
        now=clock.advance(60),
        max_entries=5000,
    )
    library = NotesLibrary(shared_notes, repo, budget_bytes=64 * 1024 * 1024, build_in_thread=False)
    with caplog.at_level(logging.WARNING, logger="bot.notes.library"):
        notes = await library.for_guild(A)
    assert {e.term: e.aliases for e in notes.own_entries} == {"Ribosome": ("rRNA body",), "Nucleus": ()}
    assert _answers(notes.matcher, "ribosome") == "Ribosome"
    assert _answers(notes.matcher, "rrna body") == "Ribosome"
    assert _answers(notes.matcher, "nucleus") == "Nucleus"
    assert _answers(notes.matcher, "what is a") is None
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 2
    assert all(str(A) in w and "cell-biology" in w for w in warned), warned
    assert any("'on'" in w and "Ribosome" in w for w in warned), warned
    assert any("'a'" in w and "Nucleus" in w for w in warned), warned
