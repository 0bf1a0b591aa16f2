"""The cyclic garbage collector paused while many small objects are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects (loading notes, building
    or reading their indexes); it resumes afterwards only if it was running.

    Composing a large file creates hundreds of thousands of nodes, and the collector's repeated
    full passes over them made loading five times slower; any cycles are collected once it resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
