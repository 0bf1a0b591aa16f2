"""Progress charts as PNG bytes (matplotlib's Agg renderer: no display, no network); slow, so off the loop."""

from __future__ import annotations

import asyncio
import io
import logging
import multiprocessing
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, timedelta

from bot.storage.stats import PROGRESS_WEEKS, WeekPoint, week_of

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


class ChartRenderer:
    """Renders charts in a worker process, so matplotlib (tens of ms of CPU per chart, holding the
    interpreter lock all along) never stalls the event loop; five charts at once queue there."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._ready: asyncio.Future[None] | None = None

    def start(self) -> None:
        """Start the worker process and its matplotlib import in the background (a second or more)."""
        if self._pool is None:
            # spawn: a fresh interpreter (forking a process that runs threads and an event loop is unsafe)
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
            self._ready = asyncio.wrap_future(self._pool.submit(_import_matplotlib))

    async def ready(self) -> bool:
        """Start the worker if needed and wait until it has imported matplotlib; False if it cannot."""
        self.start()
        ready = self._ready
        if ready is None:
            return False
        try:
            await asyncio.shield(ready)
        except Exception as exc:
            log.warning("the chart process could not start (%s); charts are drawn in a thread", exc)
            self.close()
            return False
        return True

    async def progress(self, points: Sequence[WeekPoint], weeks: Sequence[date], title: str) -> bytes:
        """``render_progress`` off the event loop: in the worker process (a worker that died is
        replaced), or in a thread if no worker can start."""
        args = (list(points), list(weeks), title)
        if await self.ready() and self._pool is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self._pool, render_progress, *args)
            except BrokenProcessPool:
                log.warning("the chart process died; drawing in a thread and starting a new one")
                self.close()
        return await asyncio.to_thread(render_progress, *args)

    def close(self) -> None:
        """Stop the worker process (charts being drawn are abandoned)."""
        pool, self._pool, self._ready = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _import_matplotlib() -> None:
    """Run in the worker process at its start: the first chart need not wait for the import."""
    import matplotlib.backends.backend_agg  # noqa: F401
