"""OS-level locks on an SQLite database file: one bot process per file, one migrator at a time.

SQLite is one process's database: two bots on one file would each take the other's live rounds for
crashed ones. The bot holds an exclusive ``flock`` on the database file itself (so a symbolic or
hard link to it is the same lock; its pid is written in ``<real path>.lock``) for as long as it
runs; a second process is refused with :class:`DatabaseInUse`. The lock belongs to the process:
stores opened again in the same process (a restart simulated in tests) share it.
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


def _open(path: Path, *, create: bool = True) -> int:
    flags = os.O_RDWR | getattr(os, "O_CLOEXEC", 0) | (os.O_CREAT if create else 0)
    return os.open(path, flags, 0o644)


def _pid_file(database: Path) -> Path:
    """Where the holder writes its pid (for the message; the lock itself is on the database file)."""
    return Path(f"{os.path.realpath(database)}.lock")


def _key(info: os.stat_result) -> tuple[int, int]:
    """One file however it is named: a symbolic or hard link to it has the same key."""
    return (info.st_dev, info.st_ino)


def _flock_pid(info: os.stat_result) -> int | None:
    """The pid holding a flock on the file (Linux ``/proc/locks``), whatever name it was opened by."""
    wanted = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            for line in locks:
                fields = line.split()
                if "FLOCK" in fields and wanted in fields and "->" not in fields:
                    pid = fields[fields.index(wanted) - 1]
                    if pid.isdigit():
                        return int(pid)
    except OSError:
        return None
    return None


def _holder_pid(database: Path, info: os.stat_result) -> int | None:
    pid = _flock_pid(info)
    if pid:
        return pid
    try:
        fd = os.open(_pid_file(database), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        return _read_pid(fd)
    finally:
        os.close(fd)


def holder(database: Path) -> int | None:
    """The pid of the process holding ``database``'s bot lock, or None when it is free."""
    if fcntl is None:
        return None
    try:
        info = os.stat(database)
    except OSError:
        return None
    if _key(info) in _HELD:  # this process: never open and close the file under its own SQLite
        return os.getpid()
    fd = _open(database, create=False)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder_pid(database, os.fstat(fd)) or -1
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


#: The locks this process holds: (st_dev, st_ino) of the database file -> [file descriptor, stores using it].
_HELD: dict[tuple[int, int], list[int]] = {}


class ProcessLock:
    """This process's exclusive lock on one SQLite file; ``release()`` (or exit) frees it.

    The ``flock`` is taken on the database file itself (created empty if missing; SQLite's own locks
    are ``fcntl`` locks, which ``flock`` does not touch), so a symbolic or hard link to the file is
    the same lock. Its pid is also written to ``<real path>.lock`` for systems without ``/proc/locks``.
    """

    def __init__(self, database: Path, shown: str) -> None:
        self.path = _pid_file(database)
        self._key: tuple[int, int] | None = None
        if fcntl is None:  # pragma: no cover - Windows
            return
        # held by this process already: share it, without opening (and closing) the file again,
        # as closing any descriptor of a file drops the process's fcntl locks on it (SQLite's)
        with contextlib.suppress(OSError):
            held = _HELD.get(_key(os.stat(database)))
            if held is not None:
                held[1] += 1
                self._key = _key(os.stat(database))
                return
        fd = _open(database)
        try:
            info = os.fstat(fd)
            key = _key(info)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _holder_pid(database, info)
                os.close(fd)
                raise DatabaseInUse(shown, pid) from None
        except DatabaseInUse:
            raise
        except BaseException:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):
            pid_fd = _open(self.path)
            try:
                os.ftruncate(pid_fd, 0)
                os.pwrite(pid_fd, f"{os.getpid()}\n".encode(), 0)
            finally:
                os.close(pid_fd)
        _HELD[key] = [fd, 1]
        self._key = key
        log.info("holding %s (pid %d)", database, os.getpid())

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
            os.truncate(self.path, 0)
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
