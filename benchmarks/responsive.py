"""Start-up and event-loop responsiveness: first answer, /kb reload, five charts at once.

``python -m benchmarks.responsive [--kb PATH] [--json] [--index-cache DIR] [--runs N] [--console | --run]
[--question TEXT [--answer-holds WORD]] [--cached-reload | --reload-in-thread] [startup] [reload] [charts]``

* ``startup``: fresh ``python -m bot ask QUESTION --kb PATH [--index-cache DIR]`` processes (or, with
  ``--console``, the question piped to ``python -m bot console``; with ``--run``, to ``python -m bot run
  --console-without-token``, as ``make run`` without a token): seconds from process start to the
  answer's first line on stdout (imports, loading or reading the notes, the first answer), and to exit;
  each process's CPU time and peak memory to its exit.
* ``reload``: ``Knowledge.reload`` (the bot's ``/kb reload``) on a running event loop while a probe task
  asks to wake every 5 ms: lag p50/p99/max during the reload and in the 2 s after it, then the time of a
  full collection (``gc.collect()``) with the new objects frozen as the bot does, and without freezing
  for comparison. The reload builds the notes in a child process (or in a thread with
  ``--reload-in-thread``, the old way), or reads them from ``--index-cache`` with ``--cached-reload``.
* ``charts``: five progress charts at once through ``ChartRenderer`` (worker process) and through
  ``asyncio.to_thread`` (the old way), lag p50/p99 while they render.

Every figure comes with the load average (2 shared cores: above 2, other work competes).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from bot.chart import ChartRenderer, chart_weeks, render_progress
from bot.loader import DEFAULT_KNOWLEDGE_PATH
from bot.services import Knowledge, build_knowledge
from bot.storage.stats import Accuracy, WeekPoint

REPO = Path(__file__).resolve().parents[1]


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


async def _with_lag_probe(work: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
    """Run ``work`` while a probe sleeps 5 ms at a time; how late the probe woke, in ms."""
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    done = False

    async def probe() -> None:
        while not done:
            start = loop.time()
            await asyncio.sleep(0.005)
            lags.append(max(0.0, loop.time() - start - 0.005) * 1000)

    prober = asyncio.create_task(probe())
    started = time.perf_counter()
    await work()
    seconds = time.perf_counter() - started
    done = True
    await prober
    lags.sort()
    return {
        "seconds": round(seconds, 3),
        "lag_samples": len(lags),
        "lag_p50_ms": round(lags[len(lags) // 2], 2) if lags else None,
        "lag_p99_ms": round(lags[min(len(lags) - 1, int(len(lags) * 0.99))], 2) if lags else None,
        "lag_max_ms": round(lags[-1], 2) if lags else None,
    }


def startup(
    kb: Path,
    runs: int = 5,
    cache: Path | None = None,
    console: bool = False,
    run: bool = False,
    question: str | None = None,
    answer_holds: str | None = None,
) -> dict[str, Any]:
    """Fresh processes, process start to the first answer's first line on stdout (and to their exit),
    with each one's CPU time (user + system, seconds) and peak resident memory (MB) to its exit.

    ``python -m bot ask QUESTION --kb PATH [--index-cache DIR]``, or with ``console`` the question
    piped to ``python -m bot console --kb PATH``, or with ``run`` piped to ``python -m bot run
    --console-without-token`` (``make run`` without a token: the settings, the services, the index
    cache of ``knowledge.index_cache`` or ``cache``; the notes through ``STUDYBOT_KNOWLEDGE_PATHS``).
    ``question``: asked (default: "what is a hypervisor" of the bundled notes, else "what is it");
    the console's answer is the first line holding ``answer_holds`` (default: its last word).
    """
    if question is None:
        question = "what is a hypervisor" if kb == DEFAULT_KNOWLEDGE_PATH else "what is it"
    holds = (answer_holds or question.split()[-1]).casefold()
    env = dict(os.environ)
    if run:
        console = True
        command = [sys.executable, "-m", "bot", "run", "--console-without-token"]
        env.pop("DISCORD_TOKEN", None)
        env["STUDYBOT_KNOWLEDGE_PATHS"] = str(kb.resolve())
        if cache is not None:
            env["STUDYBOT_KNOWLEDGE_INDEX_CACHE"] = str(cache.resolve())
    elif console:
        command = [sys.executable, "-m", "bot", "console", "--kb", str(kb)]
    else:
        command = [sys.executable, "-m", "bot", "ask", question, "--kb", str(kb)]
        if cache is not None:
            command += ["--index-cache", str(cache)]
    first: list[float] = []
    exits: list[float] = []
    cpu: list[float] = []
    peak_mb: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as child:
            assert child.stdin is not None
            assert child.stdout is not None
            child.stdin.write(question + "\n" if console else "")
            child.stdin.close()
            while True:  # the console prints a greeting first: wait for the answer's line
                line = child.stdout.readline()
                if not line or not console or holds in line.casefold():
                    break
            first.append(time.perf_counter() - t0)
            child.stdout.read()
            _, status, usage = os.wait4(child.pid, 0)  # this child's own CPU time and peak memory
            child.returncode = os.waitstatus_to_exitcode(status)
        exits.append(time.perf_counter() - t0)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peak_mb.append(usage.ru_maxrss / 1024)
    return {
        "kb": str(kb),
        "question": question,
        "command": " ".join(command[1:]),
        "runs": runs,
        "first_answer_s": [round(t, 2) for t in first],
        "first_answer_median_s": round(statistics.median(first), 3),
        "first_answer_max_s": round(max(first), 3),
        "exit_median_s": round(statistics.median(exits), 3),
        "cpu_s_to_exit": [round(t, 2) for t in cpu],
        "peak_rss_mb": [round(m, 1) for m in peak_mb],
        "load_average": _load(),
    }


async def reload(
    kb: Path, *, in_thread: bool = False, cache: Path | None = None, cached_reload: bool = False
) -> dict[str, Any]:
    """``Knowledge.reload`` (the bot's /kb reload) on a live loop, then full collections with and without
    freezing. ``in_thread``: build in a thread whatever the size (the old way); ``cache``: an index cache
    directory for the first load; ``cached_reload``: the reload reads it too (unchanged notes), else
    it builds them afresh as after an edit."""
    paths = [kb]
    built = await asyncio.to_thread(build_knowledge, paths, cache)
    knowledge = Knowledge(
        paths,
        *built,
        cache_dir=cache if cached_reload else None,
        subprocess_build_bytes=1 << 62 if in_thread else 0,
    )
    del built
    gc.freeze()  # start-up's objects, as the bot freezes them
    during = await _with_lag_probe(knowledge.reload)
    after = await _with_lag_probe(lambda: asyncio.sleep(2))
    t0 = time.perf_counter()
    gc.collect()
    frozen_ms = (time.perf_counter() - t0) * 1000
    gc.unfreeze()  # the old behaviour: the reloaded objects stay where the collector walks them
    t0 = time.perf_counter()
    gc.collect()
    unfrozen_ms = (time.perf_counter() - t0) * 1000
    return {
        "kb": str(kb),
        "terms": len(knowledge.kb.entries),
        "built": "in a thread"
        if in_thread
        else ("read from the index cache" if cached_reload else "in a child process"),
        "during_reload": during,
        "two_seconds_after": after,
        "full_collection_after_ms_frozen": round(frozen_ms, 1),
        "full_collection_after_ms_not_frozen": round(unfrozen_ms, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average": _load(),
    }


def _points() -> tuple[list[WeekPoint], list[date]]:
    weeks = chart_weeks(date(2026, 6, 1))
    topics = ["Virtualization", "Cloud", "Networking", "Cryptography", "Identity", "Governance"]
    points = [
        WeekPoint(week, topic, Accuracy(answered=10 + i + j, correct=5 + (i * j) % 7))
        for i, week in enumerate(weeks)
        for j, topic in enumerate(topics)
    ]
    return points, weeks


async def charts(n: int = 5) -> dict[str, Any]:
    """``n`` charts at once, in the worker process and in threads; lag while they render."""
    points, weeks = _points()
    renderer = ChartRenderer()
    try:
        await renderer.ready()
        await renderer.progress(points, weeks, "warm-up")
        in_process = await _with_lag_probe(
            lambda: asyncio.gather(*(renderer.progress(points, weeks, f"chart {i}") for i in range(n)))
        )
    finally:
        renderer.close()
    await asyncio.to_thread(render_progress, points, weeks, "warm-up")
    in_threads = await _with_lag_probe(
        lambda: asyncio.gather(
            *(asyncio.to_thread(render_progress, points, weeks, f"chart {i}") for i in range(n))
        )
    )
    return {"charts": n, "worker_process": in_process, "threads": in_threads, "load_average": _load()}


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    parts = args.parts or ["startup", "reload", "charts"]
    report: dict[str, Any] = {"cpus": os.cpu_count(), "load_average_at_start": _load()}
    if "startup" in parts:
        report["startup"] = startup(
            args.kb,
            args.runs,
            args.index_cache,
            console=args.console,
            run=args.run,
            question=args.question,
            answer_holds=args.answer_holds,
        )
    if "reload" in parts:
        report["reload"] = await reload(
            args.kb, in_thread=args.reload_in_thread, cache=args.index_cache, cached_reload=args.cached_reload
        )
    if "charts" in parts:
        report["charts"] = await charts()
    report["load_average_at_end"] = _load()
    return report


def main() -> int:
    """Run the chosen parts and print JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.responsive", description=__doc__.splitlines()[0]
    )
    parser.add_argument("parts", nargs="*", choices=["startup", "reload", "charts", []], help="default: all")
    parser.add_argument(
        "--kb", type=Path, default=DEFAULT_KNOWLEDGE_PATH, help="the notes (default: bundled)"
    )
    parser.add_argument("--json", action="store_true", help="JSON (the only output)")
    parser.add_argument(
        "--reload-in-thread",
        action="store_true",
        help="reload: build in a thread whatever the size (the old way)",
    )
    parser.add_argument(
        "--index-cache", type=Path, help="startup (ask) and reload (first load): through this index cache"
    )
    parser.add_argument("--runs", type=int, default=5, help="startup: fresh processes (default: %(default)s)")
    parser.add_argument("--console", action="store_true", help="startup: through the console, not ask")
    parser.add_argument(
        "--run", action="store_true", help="startup: through `bot run --console-without-token` (make run)"
    )
    parser.add_argument("--question", help="startup: the question asked (default: see startup())")
    parser.add_argument(
        "--answer-holds", help="startup: a word of the answer's line (default: the question's last word)"
    )
    parser.add_argument("--cached-reload", action="store_true", help="reload: read them from it again too")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(_run(args)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
