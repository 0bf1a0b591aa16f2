"""Progress charts as PNG bytes (matplotlib's Agg renderer: no display, no network); slow, so off the loop."""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from bot.stats import PROGRESS_WEEKS, WeekPoint, week_of

log = logging.getLogger(__name__)

#: Pixel size of the chart: 1000 x 500.
WIDTH_IN, HEIGHT_IN, DPI = 10.0, 5.0, 100
#: At most this many topics get their own line (those answered most); the rest are left out.
MAX_TOPICS = 6
#: Colour-blind-safe line colours (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
BAR_COLOUR = "#D9D9D9"


def chart_weeks(today: date, weeks: int = PROGRESS_WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks up to ``today``'s, oldest first."""
    last = week_of(today)
    return [last - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def render_progress(points: Sequence[WeekPoint], weeks: Sequence[date], title: str) -> bytes:
    """A PNG: accuracy per topic per week as lines, answers per week as grey bars behind them."""
    # imported here: matplotlib takes about a second to import, which start-up need not pay
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    answered: dict[str, int] = defaultdict(int)
    for point in points:
        answered[point.topic] += point.accuracy.answered
    topics = sorted(answered, key=lambda t: (-answered[t], t))[:MAX_TOPICS]
    index = {week: i for i, week in enumerate(weeks)}

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white", layout="constrained")
    FigureCanvasAgg(figure)
    volume = figure.add_subplot()
    accuracy = volume.twinx()
    volume.yaxis.tick_right()
    volume.yaxis.set_label_position("right")
    accuracy.yaxis.tick_left()
    accuracy.yaxis.set_label_position("left")

    per_week = [0] * len(weeks)
    for point in points:
        if point.week in index:
            per_week[index[point.week]] += point.accuracy.answered
    volume.bar(range(len(weeks)), per_week, color=BAR_COLOUR, width=0.6, label="answers", zorder=1)
    volume.set_ylabel("answers per week", color="#777777")
    volume.yaxis.set_major_locator(MaxNLocator(integer=True))
    volume.set_ylim(0, max(4, max(per_week) * 1.15))

    for colour, topic in zip(PALETTE, topics, strict=False):
        mine = sorted(
            (index[p.week], p.accuracy.ratio) for p in points if p.topic == topic and p.week in index
        )
        if not mine:
            continue
        xs, ys = zip(*mine, strict=True)
        accuracy.plot(xs, ys, color=colour, marker="o", linewidth=2.5, markersize=7, label=topic, zorder=3)
    accuracy.set_ylim(-0.03, 1.05)
    accuracy.yaxis.set_major_formatter(PercentFormatter(1.0))
    accuracy.set_ylabel("right answers")
    accuracy.grid(axis="y", color="#EEEEEE", zorder=0)
    accuracy.set_zorder(volume.get_zorder() + 1)
    accuracy.patch.set_visible(False)

    volume.set_xticks(range(len(weeks)), [w.strftime("%d %b") for w in weeks])
    volume.set_xlim(-0.6, len(weeks) - 0.4)
    volume.set_xlabel("week starting")
    accuracy.set_title(title, loc="left", fontsize=13, fontweight="bold")
    if topics:
        accuracy.legend(loc="lower left", fontsize=9, framealpha=0.9, ncols=min(3, len(topics)))

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
