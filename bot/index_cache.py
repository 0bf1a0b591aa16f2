"""The notes and their indexes cached on disk, so start-up and ``/kb reload`` skip the build.

The cache file is a pickle of ``(KnowledgeBase, Matcher)`` named after a **key**: the SHA-256 of
every knowledge file's path and bytes (in the loader's order), of the source of the code that
builds and reads them (``bot/knowledge.py``, ``bot/loader.py``, ``bot/matching/``) and of the Python
version. Changed notes, another version of the bot or another Python get another key, so a stale
cache is never read; it is rebuilt and the old file removed. A cache that cannot be read (truncated,
corrupt, unreadable) is logged and rebuilt; one that cannot be written is logged and skipped: the
cache never stops the bot from starting.

Only the bot writes this directory: unpickling runs code, so it must not be shared with others.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.knowledge import KnowledgeBase
from bot.loader import knowledge_files, load_knowledge
from bot.matching import Matcher

log = logging.getLogger(__name__)

_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent
#: The code whose objects are pickled: another version of it gets another key.
_CODE = ("knowledge.py", "loader.py", "matching")

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
    except OSError:
        return None
    return digest.hexdigest()


def load_or_build(paths: Iterable[str | Path], cache_dir: Path | None, build: Callable[[], Built]) -> Built:
    """The notes and matcher from ``cache_dir`` if cached under the notes' key, else ``build()``,
    cached for next time.

    ``build`` raises what it raises (``KnowledgeError``: nothing is cached then). ``cache_dir``
    None: no cache, just ``build()``. Any cache file of other notes in ``cache_dir`` is removed
    once the new one is written.
    """
    if cache_dir is None:
        return build()
    key = cache_key(paths)
    if key is None:
        return build()
    file = cache_dir / f"{key}{_SUFFIX}"
    cached = _read(file)
    if cached is not None:
        log.info("Knowledge base and indexes read from the cache %s", file)
        return cached
    built = build()
    _write(cache_dir, file, built)
    return built


def build_indexed(paths: Iterable[str | Path], cache_dir: Path | None = None) -> Built:
    """The notes at ``paths`` and a matcher with every index built (lazy ones too), through the cache
    in ``cache_dir`` (None: none). Raises ``KnowledgeError`` listing every problem of the notes."""
    paths = list(paths)

    def build() -> Built:
        kb = load_knowledge(paths)
        matcher = Matcher(kb)
        matcher.prepare()
        return kb, matcher

    return load_or_build(paths, cache_dir, build)


def _read(file: Path) -> Built | None:
    was_enabled = gc.isenabled()
    gc.disable()  # millions of new containers: collecting meanwhile would more than double the time
    try:
        with file.open("rb") as stream:
            found = pickle.load(stream)  # noqa: S301 - a directory only the bot writes (module docstring)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or truncated file can raise almost anything from pickle
        log.warning("Index cache %s cannot be read (%s: %s); rebuilding it", file, type(exc).__name__, exc)
        return None
    finally:
        if was_enabled:
            gc.enable()
    if (
        not isinstance(found, tuple)
        or len(found) != 2
        or not isinstance(found[0], KnowledgeBase)
        or not isinstance(found[1], Matcher)
    ):
        log.warning("Index cache %s does not hold notes and a matcher; rebuilding it", file)
        return None
    return found[0], found[1]


def _write(cache_dir: Path, file: Path, built: Built) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".writing-", suffix=_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(built, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, file)  # readers see the whole file or none
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in cache_dir.glob(f"*{_SUFFIX}"):
            if old != file and not old.name.startswith(".writing-"):
                old.unlink(missing_ok=True)
    except (OSError, ValueError, pickle.PicklingError, RecursionError) as exc:
        log.warning("Index cache not written to %s: %s", cache_dir, exc)
