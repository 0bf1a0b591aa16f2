"""The notes and their indexes cached on disk, so start-up and ``/kb reload`` skip the build.

The cache file holds the notes and their matcher in two parts (see ``_MAGIC``): the **core** (the
notes and the name index, what an exact answer needs) and the **rest** (every other index). Start-up
reads the core and returns; a background thread reads the rest (``Matcher.deferred``: exact names
answer at once, other look-ups wait for it). The file is named after a **key**: the SHA-256 of
every knowledge file's path and bytes (in the loader's order), of the source of the code that
builds and reads them (``bot/knowledge.py``, ``bot/loader.py``, ``bot/matching/``, this module) and
of the Python version. Changed notes, another version of the bot or another Python get another key, so a stale
cache is never read; it is rebuilt and the old file removed. A cache that cannot be read (truncated,
corrupt, unreadable) is logged and rebuilt; one that cannot be written is logged and skipped: the
cache never stops the bot from starting (a rest part that cannot be read is rebuilt in the background
thread, and written again, while exact names answer from the core).

Only the bot writes this directory: unpickling runs code, so it must not be shared with others.

``build_in_subprocess`` is the same for a process with an event loop to keep responsive (``/kb reload``):
the notes are built in a child process (``python -m bot.index_cache``), which holds the interpreter
lock for the tens of seconds a large build takes, and only read here, from the cache file, by an
unpickler that lets other threads run between its reads.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import logging
import os
import pickle
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, BinaryIO

from bot.collector import collector_paused
from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import knowledge_files, load_knowledge
from bot.matching import Matcher

log = logging.getLogger(__name__)

_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent
#: The code whose objects are pickled: another version of it gets another key.
_CODE = ("knowledge.py", "loader.py", "matching", "index_cache.py")

Built = tuple[KnowledgeBase, Matcher]


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for name in _CODE:
        path = _PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(_PACKAGE)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.digest()


def cache_key(paths: Iterable[str | Path]) -> str | None:
    """The hex key of the notes at ``paths`` with this code and Python; None when a path is missing,
    is not a knowledge file or cannot be read (the loader then reports why)."""
    files = knowledge_files(paths)
    if files is None:
        return None
    digest = hashlib.sha256(_code_digest())
    digest.update(sys.version.encode() + b"\0")
    try:
        for file in files:
            digest.update(str(file.resolve()).encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    except (OSError, RuntimeError):  # RuntimeError: Path.resolve on a symlink loop (Python < 3.13)
        return None
    return digest.hexdigest()


def load_or_build(
    paths: Iterable[str | Path],
    cache_dir: Path | None,
    build: Callable[[], Built],
    *,
    deferred: bool = False,
    yielding: bool = False,
) -> Built:
    """The notes and matcher from ``cache_dir`` if cached under the notes' key, else ``build()``,
    cached for next time.

    ``build`` raises what it raises (``KnowledgeError``: nothing is cached then). ``cache_dir``
    None: no cache, just ``build()``. Any cache file of other notes in ``cache_dir`` is removed
    once the new one is written. ``deferred``: return as soon as the notes and the name index are
    read, the other indexes read by a background thread (``Matcher.deferred``: exact answers at once,
    other look-ups wait for them); else everything is read before returning. ``yielding``: the reads
    hand the interpreter lock to other threads every 64 KB (a worker thread beside an event loop).
    """
    if cache_dir is None:
        return build()
    key = cache_key(paths)
    if key is None:
        return build()
    file = cache_dir / f"{key}{_SUFFIX}"
    cached = _read(file, deferred=deferred, yielding=yielding)
    if cached is not None:
        log.info("Knowledge base and indexes read from the cache %s", file)
        return cached
    built = build()
    _write(cache_dir, file, built)
    return built


def build_indexed(
    paths: Iterable[str | Path],
    cache_dir: Path | None = None,
    *,
    deferred: bool = False,
    yielding: bool = False,
) -> Built:
    """The notes at ``paths`` and a matcher with every index built (lazy ones too), through the cache
    in ``cache_dir`` (None: none; ``deferred`` and ``yielding`` as in ``load_or_build``). Raises
    ``KnowledgeError`` listing every problem of the notes."""
    paths = list(paths)

    def build() -> Built:
        kb = load_knowledge(paths)
        matcher = Matcher(kb)
        matcher.prepare()
        return kb, matcher

    return load_or_build(paths, cache_dir, build, deferred=deferred, yielding=yielding)


class _Yielding:
    """A binary file whose reads hand the interpreter lock over: the unpickler calls them every frame
    (64 KB), so a waiting thread (the event loop) runs between frames, instead of one C call holding
    the lock for the whole file (seconds at 100,000 terms). ``now``: hand it over at every read (a
    reload beside a busy event loop); else only when the switch interval says so (a read in the
    background at start-up: ``time.sleep(0)`` 5,000 times cost a second of wall time under load)."""

    def __init__(self, stream: io.BufferedReader, *, now: bool = True) -> None:
        self._stream = stream
        self._now = now

    def read(self, size: int = -1) -> bytes:
        if self._now:
            time.sleep(0)  # hand the lock over now if another thread waits (not only every switch interval)
        return self._stream.read(size)

    def readinto(self, buffer: bytearray | memoryview) -> int:
        if self._now:
            time.sleep(0)
        return self._stream.readinto(buffer)

    def readline(self) -> bytes:
        return self._stream.readline()

    def tell(self) -> int:
        return self._stream.tell()

    def seek(self, offset: int) -> int:
        return self._stream.seek(offset)


def _unpickle(file: Path) -> Any:
    """The object pickled in ``file``, the collector paused (millions of new containers: collecting
    meanwhile would more than double the time). Raises what opening or unpickling raises."""
    with collector_paused(), file.open("rb") as stream:
        return pickle.load(_Yielding(stream))  # noqa: S301 - files only the bot writes (module docstring)


#: The first bytes of a cache file, then the core part's length (8 bytes, big-endian), the core part
#: (a pickle of ``(KnowledgeBase, {name: value})``, the matcher's ``CORE_STATE``) and the rest (a pickle
#: of the matcher's other attributes, whose references to the core's objects are persistent ids:
#: indexes into ``_shared``).
_MAGIC = b"studybot index cache 2\n"
_LENGTH = struct.Struct(">Q")


def _shared(kb: KnowledgeBase, matcher: Matcher, core: dict[str, Any]) -> list[Any]:
    """The core part's objects the rest may refer to, in an order both the writer and the reader
    (straight after reading the core) compute alike: the notes, their entries and topics, the
    matcher, its core attributes and their attributes."""
    found: list[Any] = [kb, matcher, *_attributes(kb)]
    for value in core.values():
        found.append(value)
        if not isinstance(value, (list, dict, tuple, str, bytes, bytearray)):
            found.extend(_attributes(value))
    # plain values are pickled as they are (a persistent id for None would stand for every None)
    found = [obj for obj in found if not isinstance(obj, (int, float, str, bytes, type(None)))]
    return [*found, *kb.entries, *kb.topics]


def _dump_built(file: Path, built: Built) -> None:
    """Write ``built`` (every index of its matcher in place, awaited or not) into ``file`` in the format
    above, whole or not at all."""
    kb, matcher = built
    state = {name: value for name, value in vars(matcher).items() if name != "_pending"}
    core = {name: state[name] for name in Matcher.CORE_STATE}
    rest = {name: value for name, value in state.items() if name not in core}
    ids = {id(obj): index for index, obj in enumerate(_shared(kb, matcher, core))}
    head = pickle.dumps((kb, core), protocol=pickle.HIGHEST_PROTOCOL)

    def write(stream: BinaryIO) -> None:
        stream.write(_MAGIC + _LENGTH.pack(len(head)))
        stream.write(head)
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: ids.get(id(obj))  # type: ignore[method-assign]
        pickler.dump(rest)

    _atomic(file, write)


def _read_core(stream: BinaryIO) -> tuple[KnowledgeBase, dict[str, Any]]:
    """The core part of the cache file open in ``stream``; leaves it at the rest. Raises ``ValueError``
    for another format, or what unpickling raises."""
    if stream.read(len(_MAGIC)) != _MAGIC:
        raise ValueError("not an index cache of this format")
    (length,) = _LENGTH.unpack(stream.read(_LENGTH.size))
    start = stream.tell()
    kb, core = pickle.load(stream)  # noqa: S301 - files only the bot writes (module docstring)
    stream.seek(start + length)
    if (
        not isinstance(kb, KnowledgeBase)
        or not isinstance(core, dict)
        or set(core) != set(Matcher.CORE_STATE)
    ):
        raise ValueError("the core part holds no notes and name index")
    return kb, core


def _read_rest(stream: BinaryIO, shared: list[Any]) -> dict[str, Any]:
    """The rest part of the cache file open in ``stream`` (at the rest), its references into
    ``shared`` resolved. Raises ``ValueError`` for something else, or what unpickling raises."""
    unpickler = pickle.Unpickler(stream)  # noqa: S301 - files only the bot writes (module docstring)
    unpickler.persistent_load = shared.__getitem__  # type: ignore[method-assign]
    rest = unpickler.load()
    if not isinstance(rest, dict) or any(name in rest for name in Matcher.CORE_STATE):
        raise ValueError("the rest part holds no indexes")
    return rest


def _read(file: Path, *, deferred: bool = False, yielding: bool = False) -> Built | None:
    """The notes and matcher cached in ``file``; None (logged) when missing or unreadable.

    The collector is paused while they are read (millions of new containers: collecting meanwhile
    more than doubled the time). ``deferred`` (start-up): what was read is frozen out of its reach
    before it resumes (``gc.freeze``; the notes live as long as they are served, and the first
    collection walking them took 0.2-0.5 s at 100,000 terms), after a collection of what is garbage
    already, so no garbage is frozen with them; otherwise the caller freezes them once they are served
    (``Knowledge.reload``). ``deferred`` and ``yielding`` as in ``load_or_build``.
    """
    if deferred:
        gc.collect()  # before the notes are read: cheap, and nothing unreachable is frozen below
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO would block the open until a writer came
            raise OSError(f"{file} is not a regular file")
        with collector_paused(), file.open("rb") as raw:
            stream: BinaryIO = _Yielding(raw) if yielding else raw  # type: ignore[assignment]
            kb, core = _read_core(stream)
            if deferred:
                rest: Future[None] = Future()
                matcher = Matcher.deferred(core, rest)
                shared = _shared(kb, matcher, core)
                offset = raw.tell()
            else:
                matcher = Matcher.deferred(core, None)
                matcher.complete_state(_read_rest(stream, _shared(kb, matcher, core)))
            if deferred:
                gc.freeze()
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or truncated file can raise almost anything from pickle
        log.warning("Index cache %s cannot be read (%s: %s); rebuilding it", file, type(exc).__name__, exc)
        return None
    if deferred:
        threading.Thread(
            target=_read_rest_later,
            args=(file, offset, kb, matcher, shared, rest),
            name="index-cache",
            daemon=True,
        ).start()
    return kb, matcher


def _read_rest_later(
    file: Path, offset: int, kb: KnowledgeBase, matcher: Matcher, shared: list[Any], rest: Future[None]
) -> None:
    """The background thread of a deferred read: put the rest of ``matcher``'s indexes in place from
    ``file`` (at ``offset``), or, if it cannot be read, build them (and cache them again); then
    resolve ``rest`` (with the exception, should the build fail)."""
    try:
        try:
            gc.collect()  # as in ``_read``: the core is frozen already, so this walks little
            with collector_paused(), file.open("rb") as raw:
                raw.seek(offset)
                matcher.complete_state(_read_rest(_Yielding(raw, now=False), shared))  # type: ignore[arg-type]
                gc.freeze()
        except Exception as exc:  # as in ``_read``: rebuilt, never fatal
            log.warning(
                "Index cache %s cannot be read (%s: %s); rebuilding it", file, type(exc).__name__, exc
            )
            fresh = Matcher(kb)
            fresh.prepare()
            # all of it: the rebuilt indexes refer to the rebuilt name index, which is then the core's
            matcher.complete_state(fresh.__getstate__())
            _write(file.parent, file, (kb, matcher))
    except BaseException as exc:
        rest.set_exception(exc)
        raise
    rest.set_result(None)


def _atomic(file: Path, write: Callable[[BinaryIO], None]) -> None:
    """``write`` into ``file`` whole or not at all (a temporary file, then renamed)."""
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".writing-", suffix=_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
        os.replace(tmp, file)  # readers see the whole file or none
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _dump(file: Path, value: object) -> None:
    """Pickle ``value`` into ``file`` whole or not at all."""
    _atomic(file, lambda stream: pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL))


def _write(cache_dir: Path, file: Path, built: Built) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _dump_built(file, built)
        for old in cache_dir.glob(f"*{_SUFFIX}"):
            if old != file and not old.name.startswith(".writing-"):
                old.unlink(missing_ok=True)
    except (OSError, ValueError, pickle.PicklingError, RecursionError) as exc:
        log.warning("Index cache not written to %s: %s", cache_dir, exc)


def build_in_subprocess(paths: Iterable[str | Path], cache_dir: Path | None = None) -> Built:
    """``build_indexed(paths, cache_dir)`` with the build in a child process: blocking, for a worker thread.

    Notes cached in ``cache_dir`` are read here; otherwise ``python -m bot.index_cache`` builds them
    (and caches them in ``cache_dir``) and this process reads the result, an unpickler that lets other
    threads run every 64 KB. Raises ``KnowledgeError`` listing every problem of the notes; if the
    child process fails otherwise (killed, out of memory), that is logged and the notes are built here.
    """
    paths = list(paths)
    key = cache_key(paths) if cache_dir is not None else None
    cache_file = cache_dir / f"{key}{_SUFFIX}" if cache_dir is not None and key is not None else None
    if cache_file is not None:
        cached = _read(cache_file, yielding=True)
        if cached is not None:
            log.info("Knowledge base and indexes read from the cache %s", cache_file)
            return cached
    with tempfile.TemporaryDirectory(prefix="studybot-build-") as tmp:
        out = Path(tmp) / f"built{_SUFFIX}"
        command = [sys.executable, "-m", "bot.index_cache", "--out", str(out)]
        if cache_dir is not None:
            command += ["--cache-dir", str(cache_dir)]
        command += ["--", *(str(path) for path in paths)]
        env = dict(os.environ)
        root = str(_PACKAGE.parent)  # the checkout holding ``bot``, installed or not
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        try:
            child = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, check=False)  # noqa: S603
            code: int | str = child.returncode
        except (OSError, ValueError) as exc:  # no interpreter to start, a path with a NUL in it
            code = f"{type(exc).__name__}: {exc}"
        try:
            outcome = _unpickle(out) if code == 0 else None
        except Exception as exc:  # a child killed while writing: the file is whole or missing
            log.warning("The notes' build result %s cannot be read (%s: %s)", out, type(exc).__name__, exc)
            outcome = None
    if isinstance(outcome, tuple) and len(outcome) == 2:
        kind, value = outcome
        if kind == "problems":
            raise KnowledgeError(value)
        if kind == "cached" and cache_file is not None:
            cached = _read(cache_file, yielding=True)
            if cached is not None:
                return cached
        elif kind == "built" and isinstance(value, tuple):
            return value[0], value[1]
    log.warning("Building the notes in a child process failed (exit code %s); building them here", code)
    return build_indexed(paths, cache_dir, yielding=True)


#: Containers with more items than this are emptied piece by piece by ``release_gradually``.
_RELEASE_BATCH = 2000


def release_gradually(holder: list[Any]) -> None:
    """Free what ``holder`` holds (an old knowledge base and matcher) piece by piece; ``holder`` ends empty.

    Blocking, for a worker thread: freeing 100,000 terms' notes and indexes at once is one C call of
    about 0.4 s that holds the interpreter lock (and stalls the event loop). Here every big container
    and index object that only this structure holds is emptied ``_RELEASE_BATCH`` items at a time, in
    Python, so other threads run in between. An object anyone else still references (a round holding
    an entry, a look-up holding the old matcher) is only let go of, never emptied.
    """
    stack: list[Any] = list(holder)
    holder.clear()
    while stack:
        obj = stack.pop()
        # references: ``obj`` and getrefcount's argument; any more is someone else's: leave it whole
        if sys.getrefcount(obj) <= 2:
            _take_apart(obj, stack)
        del obj
        time.sleep(0)  # let a waiting thread (the event loop) run


def _take_apart(obj: Any, stack: list[Any]) -> None:
    """Empty ``obj`` (held by nobody else) a batch at a time, pushing its big parts onto ``stack``."""
    if isinstance(obj, dict):
        # index dicts hold one kind of value: when the first is small, so are the rest
        mixed = len(obj) <= _RELEASE_BATCH or _worth_releasing(next(iter(obj.values()), None))
        pop = obj.popitem
        while obj:
            time.sleep(0)
            if not mixed:
                for _ in range(min(_RELEASE_BATCH, len(obj))):
                    pop()
                continue
            for _ in range(min(_RELEASE_BATCH, len(obj))):
                value = pop()[1]
                if _worth_releasing(value):
                    stack.append(value)
                del value
    elif isinstance(obj, list):
        mixed = bool(obj) and _worth_releasing(obj[0])  # index lists hold one kind of item
        while obj:
            time.sleep(0)
            if mixed:
                stack.extend(item for item in obj[-_RELEASE_BATCH:] if _worth_releasing(item))
            del obj[-_RELEASE_BATCH:]
    elif isinstance(obj, tuple):
        stack.extend(item for item in obj if _worth_releasing(item))
    elif not isinstance(obj, type):
        found = getattr(obj, "__dict__", None)
        if found is not None:
            _take_apart(found, stack)  # only ``obj`` holds it
        for name in _slots(type(obj)):
            value = getattr(obj, name, stack)
            if value is not stack:
                object.__delattr__(obj, name)  # a frozen dataclass too: nobody else sees it any more
                if _worth_releasing(value):
                    stack.append(value)
            del value


_SLOTS: dict[type, tuple[str, ...]] = {}


def _slots(cls: type) -> tuple[str, ...]:
    """The slot names of ``cls`` and its bases."""
    found = _SLOTS.get(cls)
    if found is None:
        names: list[str] = []
        for klass in cls.__mro__:
            slots = klass.__dict__.get("__slots__", ())
            names.extend((slots,) if isinstance(slots, str) else slots)
        found = _SLOTS[cls] = tuple(name for name in names if name not in ("__dict__", "__weakref__"))
    return found


def _attributes(value: object) -> list[Any]:
    if isinstance(value, type):
        return []
    found = list(getattr(value, "__dict__", {}).values())
    found.extend(getattr(value, name, None) for name in _slots(type(value)))
    return found


def _worth_releasing(value: object, depth: int = 2) -> bool:
    """Whether freeing ``value`` at once could take long: a big container, or an object or tuple holding
    one (``depth`` levels down): an index, not one entry of the notes."""
    if isinstance(value, (dict, list, set)):
        return len(value) > _RELEASE_BATCH
    if depth == 0 or isinstance(value, (str, bytes, int, float, array)):
        return False
    parts = value if isinstance(value, tuple) else _attributes(value)
    return any(_worth_releasing(part, depth - 1) for part in parts)


def main(argv: Sequence[str] | None = None) -> int:
    """The child of ``build_in_subprocess``: build the notes, write the outcome to ``--out``.

    The outcome is ``("cached", None)`` when the build is in the cache directory, ``("built", (kb,
    matcher))`` when it could not be cached there, ``("problems", [Problem, ...])`` for notes with errors.
    """
    parser = argparse.ArgumentParser(prog="python -m bot.index_cache", description=main.__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s: %(message)s")
    outcome: tuple[str, object]
    try:
        built = build_indexed(args.paths, args.cache_dir)
    except KnowledgeError as exc:
        outcome = ("problems", list(exc.problems))
    else:
        key = cache_key(args.paths) if args.cache_dir is not None else None
        cached = (
            args.cache_dir is not None and key is not None and (args.cache_dir / f"{key}{_SUFFIX}").is_file()
        )
        outcome = ("cached", None) if cached else ("built", built)
    _dump(args.out, outcome)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
