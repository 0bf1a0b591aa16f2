"""Prefix indexes for autocomplete: sorted terms, all names, and names from their 2nd word on."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator

from bot.matching.names_index import PrefixLists


class SortedNames:
    """Names in sorted order with their name indexes, for prefix searches by binary search."""

    __slots__ = ("_ids", "_keys")

    def __init__(self, items: Iterable[tuple[str, int]] = ()) -> None:
        ordered = sorted(items)
        self._keys: list[str] = [key for key, _ in ordered]
        self._ids: array[int] = array("i", (index for _, index in ordered))

    @classmethod
    def of(cls, keys: list[str], ids: list[int]) -> SortedNames:
        """Sorted names from parallel lists, ``ids`` ascending (a stable sort keeps ties in id order)."""
        order = sorted(range(len(keys)), key=keys.__getitem__)
        made = cls()
        made._keys = list(map(keys.__getitem__, order))
        made._ids = array("i", map(ids.__getitem__, order))
        return made

    def starting_with(self, prefix: str) -> Iterator[int]:
        """Name indexes whose name starts with ``prefix``, in alphabetical order of the names."""
        keys = self._keys
        for i in range(bisect.bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                return
            yield self._ids[i]


class PrefixIndex:
    """The three prefix indexes, sorted on first use from a name index's prefix lists."""

    def __init__(self, lists: PrefixLists) -> None:
        self._pending: PrefixLists | None = lists
        self._indexes: tuple[SortedNames, SortedNames, SortedNames] = (SortedNames(),) * 3

    def indexes(self) -> tuple[SortedNames, SortedNames, SortedNames]:
        """Terms, all names, names from their 2nd word on: searched in this order."""
        pending = self._pending
        if pending is not None:
            term_keys, term_ids, prefix_keys, prefix_ids, inner_keys, inner_ids = pending
            self._indexes = (
                SortedNames.of(term_keys, term_ids),
                SortedNames.of(prefix_keys, prefix_ids),
                SortedNames.of(inner_keys, inner_ids),
            )
            self._pending = None
        return self._indexes
