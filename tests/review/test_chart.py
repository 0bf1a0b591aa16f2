"""The progress chart is a real PNG of a sensible size that shows something (not a blank image)."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date

from PIL import Image

from bot.chart import MAX_TOPICS, PALETTE, chart_weeks, render_progress
from bot.storage.stats import Accuracy, WeekPoint

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ihdr(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk (checked against its CRC)."""
    assert png[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", png[8:16])
    assert (kind, length) == (b"IHDR", 13)
    data = png[16:29]
    (crc,) = struct.unpack(">I", png[29:33])
    assert zlib.crc32(kind + data) == crc
    width, height = struct.unpack(">II", data[:8])
    return width, height


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def history(topics: list[str], weeks: list[date]) -> list[WeekPoint]:
    return [
        WeekPoint(week, topic, Accuracy(8 + n, (3 * i + 2 * n) % (9 + n)))
        for i, week in enumerate(weeks)
        for n, topic in enumerate(topics)
        if i % 3 != n % 3  # some weeks without answers on a topic
    ]


def test_the_chart_is_a_valid_png_with_lines_in_several_colours() -> None:
    weeks = chart_weeks(date(2026, 1, 7))
    assert weeks[-1] == date(2026, 1, 5)
    assert len(weeks) == 12
    png = render_progress(history(["Virtualization", "Cloud", "Cryptography"], weeks), weeks, "alice")
    width, height = ihdr(png)
    assert 800 <= width <= 1600
    assert 400 <= height <= 1000
    assert len(png) < 300_000
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.size == (width, height)
    rgb = image.convert("RGB")
    colours = {count_colour[1] for count_colour in rgb.getcolors(maxcolors=width * height) or []}
    assert len(colours) > 20  # anti-aliased lines, text, bars
    for line in PALETTE[:3]:  # one line per topic in the first three palette colours
        assert hex_rgb(line) in colours
    assert hex_rgb(PALETTE[3]) not in colours  # and no fourth topic


def test_more_topics_than_colours_keep_the_most_answered() -> None:
    weeks = chart_weeks(date(2026, 1, 5))
    topics = [f"Topic {i}" for i in range(MAX_TOPICS + 3)]
    png = render_progress(history(topics, weeks), weeks, "many topics")
    assert ihdr(png) == (1000, 500)
    assert len(png) < 300_000


def test_a_single_week_still_draws() -> None:
    weeks = chart_weeks(date(2026, 1, 5))
    png = render_progress([WeekPoint(weeks[-1], "Cloud", Accuracy(4, 3))], weeks, "one week")
    rgb = Image.open(io.BytesIO(png)).convert("RGB")
    assert hex_rgb(PALETTE[0]) in {c for _, c in rgb.getcolors(maxcolors=1_000_000) or []}
