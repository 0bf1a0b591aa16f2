"""OS-level locks on an SQLite database file: one bot process per file, one migrator at a time.

SQLite is one process's database: two bots on one file would each take the other's live rounds for
crashed ones. The bot holds an exclusive ``flock`` on ``<db>.lock`` (with its pid written in it) for as
long as it runs; a second process is refused with :class:`DatabaseInUse`. The lock belongs to the
process: stores opened again in the same process (a restart simulated in tests) share it.
Creating and migrating a file is serialised by a blocking ``flock`` on ``<db>.migrate.lock``, so
processes starting at the same moment never both create the tables. The OS releases the locks when
a process dies, so a crash never leaves a stale lock behind. Without ``fcntl`` (Windows) no lock is
taken.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


class DatabaseInUse(Exception):
    """Another process holds the bot's lock on this SQLite file; the message is one line for the user."""

    def __init__(self, database: str, pid: int | None) -> None:
        who = f"another studybot process (pid {pid})" if pid else "another studybot process"
        super().__init__(f"{who} is using {database}; use PostgreSQL to run several")
        self.database = database
        self.pid = pid


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)


def holder(database: Path) -> int | None:
    """The pid of the process holding ``database``'s bot lock, or None when it is free."""
    path = Path(f"{database}.lock")
    if fcntl is None or not path.exists():
        return None
    fd = _open(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_pid(fd) or -1
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


#: The locks this process holds: real path of the lock file -> [file descriptor, stores using it].
_HELD: dict[str, list[int]] = {}


class ProcessLock:
    """This process's exclusive lock on one SQLite file; ``release()`` (or exit) frees it."""

    def __init__(self, database: Path, shown: str) -> None:
        self.path = Path(f"{database}.lock")
        self._key: str | None = None
        if fcntl is None:  # pragma: no cover - Windows
            return
        key = os.path.realpath(self.path)
        held = _HELD.get(key)
        if held is not None:
            held[1] += 1
            self._key = key
            return
        fd = _open(self.path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise DatabaseInUse(shown, pid) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD[key] = [fd, 1]
        self._key = key
        log.info("holding %s (pid %d)", self.path, os.getpid())

    def release(self) -> None:
        """Free the lock once no store of this process uses it (closing the file releases the flock)."""
        key, self._key = self._key, None
        held = _HELD.get(key) if key is not None else None
        if held is None:
            return
        held[1] -= 1
        if held[1] > 0:
            return
        del _HELD[key]  # type: ignore[arg-type]
        with contextlib.suppress(OSError):
            os.ftruncate(held[0], 0)
        os.close(held[0])


@contextlib.contextmanager
def migration_lock(database: Path) -> Iterator[None]:
    """Hold the (blocking) lock that serialises creating and migrating ``database``."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = _open(Path(f"{database}.migrate.lock"))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
