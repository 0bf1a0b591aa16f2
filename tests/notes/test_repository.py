"""The notes tables on SQLite and PostgreSQL: versions, keeping 10, rollback, removal, switches, limits."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.storage.notes import EntryLimitReached, NotesRepository

GUILD = 111 << 22
OTHER = 222 << 22


async def _publish(
    repo: NotesRepository, clock: FakeClock, key: str, entries: int, *, guild: int = GUILD
) -> int:
    return await repo.publish(
        guild,
        key,
        title=key.title(),
        body=f'{{"v": {entries}}}',
        entries=entries,
        filename=f"{key}.md",
        member_id=7,
        now=clock.advance(60),
        max_entries=5000,
    )


async def test_a_server_without_notes_has_defaults(repo: NotesRepository) -> None:
    state, topics = await repo.current(GUILD)
    assert (state.revision, state.shared, state.editor_role_id, topics) == (0, True, None, [])
    assert await repo.revisions() == {}


async def test_versions_count_up_and_only_the_newest_serves(repo: NotesRepository, clock: FakeClock) -> None:
    assert await _publish(repo, clock, "cells", 3) == 1
    assert await _publish(repo, clock, "cells", 4) == 2
    assert await _publish(repo, clock, "plants", 2) == 1
    state, topics = await repo.current(GUILD)
    assert state.revision == 3
    assert sorted((t.topic_key, t.version, t.entries) for t in topics) == [("cells", 2, 4), ("plants", 1, 2)]
    assert topics[0].topic_key == "plants"  # newest upload first
    assert (await repo.current(OTHER))[1] == []  # another server sees none of it
    assert await repo.revisions([GUILD, OTHER]) == {GUILD: 3}


async def test_only_the_last_ten_versions_are_kept(repo: NotesRepository, clock: FakeClock) -> None:
    for n in range(1, 14):
        await _publish(repo, clock, "cells", n)
    versions = await repo.versions(GUILD, "cells")
    assert [v.version for v in versions] == list(range(13, 3, -1))


async def test_rollback_serves_the_previous_version_until_none_is_left(
    repo: NotesRepository, clock: FakeClock
) -> None:
    await _publish(repo, clock, "cells", 3)
    await _publish(repo, clock, "cells", 5)
    previous = await repo.rollback(GUILD, "cells", now=clock.advance(1), max_entries=5000)
    assert previous is not None
    assert (previous.version, previous.entries) == (1, 3)
    _, topics = await repo.current(GUILD)
    assert [(t.version, t.body) for t in topics] == [(1, '{"v": 3}')]
    revision = (await repo.state(GUILD)).revision
    assert await repo.rollback(GUILD, "cells", now=clock.advance(1), max_entries=5000) is None
    assert (await repo.state(GUILD)).revision == revision  # nothing changed
    assert [t.version for t in (await repo.current(GUILD))[1]] == [1]


async def test_remove_hides_the_topic_and_rollback_brings_it_back(
    repo: NotesRepository, clock: FakeClock
) -> None:
    await _publish(repo, clock, "cells", 3)
    removed = await repo.remove(GUILD, "cells", member_id=9, now=clock.advance(1))
    assert removed is not None
    assert removed.version == 1
    assert (await repo.current(GUILD))[1] == []
    assert await repo.remove(GUILD, "cells", member_id=9, now=clock.advance(1)) is None
    assert await repo.remove(GUILD, "nothing", member_id=9, now=clock.advance(1)) is None
    back = await repo.rollback(GUILD, "cells", now=clock.advance(1), max_entries=5000)
    assert back is not None
    assert back.entries == 3
    assert [t.topic_key for t in (await repo.current(GUILD))[1]] == ["cells"]


async def test_the_entry_limit_counts_the_other_topics_and_stores_nothing_over_it(
    repo: NotesRepository, clock: FakeClock
) -> None:
    await _publish(repo, clock, "cells", 3)
    with pytest.raises(EntryLimitReached) as raised:
        await repo.publish(
            GUILD,
            "plants",
            title="Plants",
            body="{}",
            entries=8,
            filename="p.md",
            member_id=1,
            now=clock.advance(1),
            max_entries=10,
        )
    assert (raised.value.total, raised.value.limit) == (11, 10)
    # replacing a topic does not count its old version
    await repo.publish(
        GUILD,
        "cells",
        title="Cells",
        body="{}",
        entries=10,
        filename="c.md",
        member_id=1,
        now=clock.advance(1),
        max_entries=10,
    )
    _, topics = await repo.current(GUILD)
    assert [(t.topic_key, t.entries) for t in topics] == [("cells", 10)]


async def test_switches_bump_the_revision(repo: NotesRepository, clock: FakeClock) -> None:
    assert await repo.set_shared(GUILD, False, clock.now()) == 1
    assert await repo.set_editor_role(GUILD, 555, clock.now()) == 2
    state = await repo.state(GUILD)
    assert (state.revision, state.shared, state.editor_role_id) == (2, False, 555)
    await repo.set_editor_role(GUILD, None, clock.now())
    assert (await repo.state(GUILD)).editor_role_id is None
    assert (await repo.state(GUILD)).shared is False


async def test_a_pending_upload_is_taken_once_and_only_in_its_server(
    repo: NotesRepository, clock: FakeClock
) -> None:
    pending = await repo.add_pending(
        GUILD,
        7,
        "cells",
        title="Cells",
        body="{}",
        entries=3,
        filename="cells.md",
        expires_at=clock.now() + timedelta(minutes=15),
        now=clock.now(),
    )
    assert await repo.take_pending(pending, OTHER, 7) is None
    assert await repo.take_pending(pending, GUILD, 8) is None  # someone else's
    taken = await repo.take_pending(pending, GUILD, 7)
    assert taken is not None
    assert (taken.member_id, taken.title, taken.entries) == (7, "Cells", 3)
    assert await repo.take_pending(pending, GUILD, 7) is None


async def test_expired_pending_uploads_are_cleared(repo: NotesRepository, clock: FakeClock) -> None:
    old = await repo.add_pending(
        GUILD,
        7,
        "cells",
        title="Cells",
        body="{}",
        entries=3,
        filename="cells.md",
        expires_at=clock.now() + timedelta(minutes=1),
        now=clock.now(),
    )
    clock.advance(minutes=2)
    await repo.add_pending(
        GUILD,
        7,
        "plants",
        title="Plants",
        body="{}",
        entries=1,
        filename="p.md",
        expires_at=clock.now() + timedelta(minutes=15),
        now=clock.now(),
    )
    assert await repo.take_pending(old, GUILD, 7) is None


async def test_forgetting_a_member_unnames_their_uploads_and_drops_their_pending_ones(
    repo: NotesRepository, clock: FakeClock
) -> None:
    await _publish(repo, clock, "cells", 3)  # uploaded by member 7
    await _publish(repo, clock, "cells", 3, guild=OTHER)
    pending = await repo.add_pending(
        GUILD,
        7,
        "plants",
        title="Plants",
        body="{}",
        entries=1,
        filename="p.md",
        expires_at=clock.now() + timedelta(minutes=15),
        now=clock.now(),
    )
    assert await repo.forget_member(GUILD, 7) == 1
    _, topics = await repo.current(GUILD)
    assert [(t.topic_key, t.uploaded_by, t.entries) for t in topics] == [("cells", 0, 3)]  # notes stay
    assert await repo.take_pending(pending, GUILD, 7) is None
    assert [t.uploaded_by for t in (await repo.current(OTHER))[1]] == [7]  # another server untouched
