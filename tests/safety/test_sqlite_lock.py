"""SQLite is one process's database: the bot's lock, and creating a new file from several
processes at the same moment."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.storage import DatabaseInUse, Store, database_url
from bot.storage.lock import holder

REPO = Path(__file__).resolve().parents[2]


HOLD = textwrap.dedent(
    """
    import asyncio, sys
    from bot.storage import Store
    async def main():
        store = await Store.open(sys.argv[1], exclusive=True)
        print("holding", flush=True)
        sys.stdin.readline()  # until the test says so
        await store.close()
    asyncio.run(main())
    """
)


def test_another_process_is_refused_with_its_pid_and_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = "sqlite+aiosqlite:///data/studybot.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, url],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "holding"
        assert holder(Path("data/studybot.db")) == other.pid
        with pytest.raises(DatabaseInUse) as refused:
            asyncio.run(Store.open(url, exclusive=True))
        assert str(refused.value) == (
            f"another studybot process (pid {other.pid}) is using data/studybot.db; "
            "use PostgreSQL to run several"
        )
        # a console (not exclusive) shares the file: SQLite serialises its writes
        asyncio.run(open_and_close(url))
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.wait(timeout=60) == 0
    assert holder(Path("data/studybot.db")) is None

    async def twice_in_this_process() -> None:
        first = await Store.open(url, exclusive=True)  # free again once the other one closed its store
        again = await Store.open(url, exclusive=True)  # the same process shares its own lock (a restart)
        await first.close()
        assert holder(Path("data/studybot.db")) == os.getpid()
        await again.close()

    asyncio.run(twice_in_this_process())
    assert holder(Path("data/studybot.db")) is None


async def open_and_close(url: str) -> None:
    store = await Store.open(url)
    await store.close()


def test_a_killed_bot_leaves_no_stale_lock(tmp_path: Path) -> None:
    database = tmp_path / "studybot.db"
    script = textwrap.dedent(
        f"""
        import asyncio, os
        from bot.storage import Store
        async def main():
            await Store.open({database_url(database)!r}, exclusive=True)
            os._exit(0)  # dies holding the lock, without closing anything
        asyncio.run(main())
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    assert holder(database) is None


def test_processes_creating_a_new_file_at_the_same_moment_all_succeed(tmp_path: Path) -> None:
    """The issue's probe (4 of 6 tries failed with "table rounds already exists"): 3 files x 3 processes."""
    script = textwrap.dedent(
        """
        import asyncio, sys, time
        from bot.storage import Store
        async def main(url, start):
            time.sleep(max(0.0, start - time.time()))  # all start migrating at the same moment
            store = await Store.open(url)
            print(await store.revision())
            await store.close()
        asyncio.run(main(sys.argv[1], float(sys.argv[2])))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = f"{time.time() + 4:.3f}"  # after every interpreter has imported SQLAlchemy
    urls = [database_url(tmp_path / f"new-{attempt}.db") for attempt in range(3)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, url, start],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url in urls
        for _ in range(3)
    ]
    results = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.strip(), err
    assert len({out.strip() for out, _ in results}) == 1


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_to_a_held_file_is_the_same_lock(tmp_path: Path, link: str) -> None:
    """a second bot on ``alias.db``, a symbolic or hard link to the running bot's ``two.db``,
    was not refused (the lock was on ``alias.db.lock``, another file)."""
    database = tmp_path / "two.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, database_url(database)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "holding"
        alias = tmp_path / "alias.db"
        if link == "symlink":
            alias.symlink_to(database)
        else:
            os.link(database, alias)
        assert holder(alias) == other.pid
        with pytest.raises(DatabaseInUse) as refused:
            asyncio.run(Store.open(f"sqlite+aiosqlite:///{alias}", exclusive=True))
        assert str(alias) in str(refused.value)
        assert f"(pid {other.pid})" in str(refused.value)
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.wait(timeout=60) == 0
    assert holder(alias) is None
