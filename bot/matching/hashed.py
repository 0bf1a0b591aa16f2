"""A read-only map from text to a small integer held in two flat arrays, for indexes read from the cache.

A ``dict`` of half a million strings is half a million string objects to rebuild whenever it is unpickled
(0.36 s of CPU for the loose forms of 100,000 terms); ``HashedMap`` holds a 64-bit hash of every key
(BLAKE2b, the same in every process, unlike ``hash``) in one sorted ``array`` and the values in another,
so it pickles as two byte strings and is read back in microseconds. A look-up hashes the key and
bisects (about 1 us). Two keys of the map with the same hash are kept in a small ``dict`` beside it; a
key not in the map is taken for one only if its 64-bit hash equals a key's (for 500,000 keys, odds of
about 3 in 10^14 a look-up).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Mapping
from hashlib import blake2b


def _hash(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class HashedMap:
    """``key -> int`` (a 32-bit signed value) of a mapping, read-only: ``get``, ``in`` and ``len``."""

    __slots__ = ("_clashes", "_hashes", "_values")

    def __init__(self, items: Mapping[str, int]) -> None:
        """``items``: the keys and their values (each within a signed 32-bit int, else ``OverflowError``)."""
        by_hash: dict[int, list[tuple[str, int]]] = {}
        for key, value in items.items():
            by_hash.setdefault(_hash(key), []).append((key, value))
        self._clashes: dict[str, int] = {}
        hashes = array("Q")
        values = array("i")
        for hashed in sorted(by_hash):
            held = by_hash[hashed]
            if len(held) == 1:
                hashes.append(hashed)
                values.append(held[0][1])
            else:
                self._clashes.update(held)
        self._hashes = hashes
        self._values = values

    def get(self, key: str, default: int | None = None) -> int | None:
        """The value of ``key``, ``default`` when it has none."""
        if self._clashes:
            found = self._clashes.get(key)
            if found is not None:
                return found
        hashed = _hash(key)
        at = bisect_left(self._hashes, hashed)
        if at < len(self._hashes) and self._hashes[at] == hashed:
            return self._values[at]
        return default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._hashes) + len(self._clashes)

    def __getstate__(self) -> tuple[bytes, bytes, dict[str, int]]:
        return self._hashes.tobytes(), self._values.tobytes(), self._clashes

    def __setstate__(self, state: tuple[bytes, bytes, dict[str, int]]) -> None:
        hashes, values, self._clashes = state
        self._hashes = array("Q", hashes)
        self._values = array("i", values)
