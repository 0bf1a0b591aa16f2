"""The collector's settings while the bot serves (``bot.collector``)."""

from __future__ import annotations

import gc

from bot.collector import SERVING_THRESHOLDS, tune_for_serving


def test_serving_thresholds_make_fewer_larger_collections() -> None:
    before = gc.get_threshold()
    try:
        tune_for_serving()
        assert gc.get_threshold() == SERVING_THRESHOLDS
        assert SERVING_THRESHOLDS[0] > before[0]  # young collections far rarer than CPython's 700
    finally:
        gc.set_threshold(*before)
