"""``HashedMap``: a dict's look-ups from two flat arrays, read back from a pickle as they were."""

from __future__ import annotations

import pickle

import pytest

from bot.matching import hashed
from bot.matching.hashed import HashedMap


def _words(n: int) -> dict[str, int]:
    return {f"c:word {i} é{chr(0x4E00 + i % 500)}": (i * 7919) % 100_003 - 50_000 for i in range(n)}


def test_it_answers_every_key_as_the_dict_does_and_nothing_else() -> None:
    items = _words(5000)
    found = HashedMap(items)
    assert len(found) == len(items)
    for key, value in items.items():
        assert found.get(key) == value
        assert key in found
    for missing in ("", "c:word", "c:word 5000 é", "s:word 1", "C:WORD 1 é\u4e01"):
        assert found.get(missing) is None
        assert found.get(missing, -7) == -7
        assert missing not in found
    assert 3 not in found  # type: ignore[operator]


def test_it_pickles_as_flat_arrays_and_reads_back_the_same() -> None:
    items = _words(2000)
    found = HashedMap(items)
    data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(data) < 16 * len(items) + 1000  # 8 + 4 bytes a key, no strings
    back = pickle.loads(data)
    assert all(back.get(key) == value for key, value in items.items())
    assert back.get("c:not there") is None


def test_keys_whose_hashes_clash_keep_their_own_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashed, "_hash", len)  # a clash the real 64-bit hash would take ~10^9 keys to show
    found = HashedMap({"ab": 1, "cd": 2, "xyz": 3})
    assert (found.get("ab"), found.get("cd"), found.get("xyz")) == (1, 2, 3)
    assert found.get("ef") is None  # same length as the clashing keys, in neither
    assert len(found) == 3
    back = pickle.loads(pickle.dumps(found))
    assert (back.get("ab"), back.get("cd"), back.get("ef")) == (1, 2, None)


def test_a_value_outside_32_bits_is_refused() -> None:
    with pytest.raises(OverflowError):
        HashedMap({"big": 2**31})
