"""Per-server notes at scale: 1,000 servers x 200 terms, resident memory and the cold first look-up.

``python -m benchmarks.notes_memory [--servers 1000] [--terms 200] [--budget-mb 256,0] [--json]``

Each server gets its own seeded synthetic topic (``benchmarks.lookup.generate_entries``), stored
through the real repository in a real SQLite database (as ``/notes upload`` + Confirm stores it). Then,
for each budget, in a fresh process: a ``NotesLibrary`` over that database (shared notes on, as by
default) answers one question for every server in turn, each the server's first look-up (read its
topics, build its matcher, answer). Reported:

* the cold first look-up (read + build + answer) per server: median, p95, max, in ms, and the same
  as a ratio to a warm look-up on the shared matcher timed in the same process (the baseline);
* resident memory (RSS) after the shared notes were loaded and after all servers were served, and
  the library's own estimate of what it keeps; the number of servers kept and evicted;
* with budget 0 (no limit): what keeping every server would cost, for comparison.

Targets: a 200-term server's cold first look-up <= 50 ms; <= 1 GB for all with the default budget.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import gc
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from benchmarks.lookup import generate_entries
from bot.knowledge import Entry, Topic
from bot.loader import load_knowledge
from bot.matching import Answer, Matcher
from bot.notes import NotesLibrary
from bot.notes.library import DEFAULT_BUDGET_BYTES
from bot.notes.topics import topic_body, topic_key, topic_path
from bot.storage import Store
from bot.storage.notes import NotesRepository

MB = 1024 * 1024


def _guild(n: int) -> int:
    return (1_000_000 + n) << 22


async def populate(url: str, servers: int, terms: int, seed: int) -> list[str]:
    """Store one synthetic topic per server; the question asked of each server (one of its terms)."""
    store = await Store.open(url)
    repo = NotesRepository(store.engine)
    now = datetime.now(UTC)
    questions = []
    try:
        for n in range(servers):
            rng = random.Random(seed * 100_003 + n)
            generated = generate_entries(terms, rng)
            title = f"Server {n} notes"
            topic = Topic(title, topic_path(topic_key(title)))
            entries = [Entry(e.term, e.definition, topic, aliases=e.aliases) for e in generated]
            await repo.publish(
                _guild(n),
                topic_key(title),
                title=title,
                body=topic_body(topic, entries),
                entries=len(entries),
                filename="notes.md",
                member_id=1,
                now=now,
                max_entries=5000,
            )
            questions.append(f"what is {rng.choice(entries).term.lower()}?")
    finally:
        await store.close()
    return questions


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _serve_all(url: str, questions: list[str], budget_bytes: int) -> dict[str, Any]:
    rss = psutil.Process().memory_info
    kb = load_knowledge()
    shared = Matcher(kb)
    shared.prepare()
    gc.collect()
    rss_shared = rss().rss
    baseline = []
    for _ in range(5):
        for entry in kb.entries:
            started = time.perf_counter()
            shared.lookup(f"what is {entry.term.lower()}?")
            baseline.append(time.perf_counter() - started)
    warm = statistics.median(baseline)
    store = await Store.open(url)
    gc.freeze()  # as ``python -m bot run`` does with the shared notes
    library = NotesLibrary(
        (kb, shared), NotesRepository(store.engine), budget_bytes=budget_bytes or 1 << 62, freeze=True
    )
    cold: list[float] = []
    answered = 0
    try:
        for n, question in enumerate(questions):
            started = time.perf_counter()
            notes = await library.for_guild(_guild(n))
            result = notes.matcher.lookup(question)
            cold.append(time.perf_counter() - started)
            answered += isinstance(result, Answer)
        gc.collect()
        rss_all = rss().rss
    finally:
        await store.close()
    return {
        "budget_mb": budget_bytes / MB if budget_bytes else 0,
        "servers": len(questions),
        "answered": answered,
        "cold_ms": {
            "median": statistics.median(cold) * 1000,
            "p95": _percentile(cold, 0.95) * 1000,
            "max": max(cold) * 1000,
        },
        "warm_shared_lookup_ms": warm * 1000,
        "cold_to_warm_ratio": statistics.median(cold) / warm,
        "rss_mb": {"shared_loaded": rss_shared / MB, "all_served": rss_all / MB},
        "cache": {
            "kept": len(library.cached_guilds()),
            "estimate_mb": library.cached_bytes / MB,
            "evicted": library.evictions,
            "built": library.builds,
        },
    }


def _run(url: str, questions: list[str], budget_bytes: int) -> dict[str, Any]:
    return asyncio.run(_serve_all(url, questions, budget_bytes))


def render(report: dict[str, Any]) -> str:
    """The report as text."""
    lines = [
        f"notes_memory: {report['servers']} servers x {report['terms']} terms, SQLite, shared notes on "
        f"(python {report['python']}, {report['cpus']} CPUs)",
    ]
    for run in report["runs"]:
        cold = run["cold_ms"]
        budget = f"{run['budget_mb']:.0f} MB" if run["budget_mb"] else "unlimited"
        lines += [
            f"budget {budget}:",
            f"  cold first look-up per server: median {cold['median']:.1f} ms, p95 {cold['p95']:.1f} ms, "
            f"max {cold['max']:.1f} ms ({run['cold_to_warm_ratio']:.0f}x a warm shared look-up of "
            f"{run['warm_shared_lookup_ms'] * 1000:.0f} us); answered {run['answered']}/{run['servers']}",
            f"  RSS: {run['rss_mb']['shared_loaded']:.0f} MB with the shared notes, "
            f"{run['rss_mb']['all_served']:.0f} MB after serving every server",
            f"  cache: {run['cache']['kept']} servers kept (estimate {run['cache']['estimate_mb']:.0f} MB), "
            f"{run['cache']['evicted']} evicted, {run['cache']['built']} matchers built",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Populate the database once, serve every server once per budget (each in a fresh process)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.notes_memory", description=__doc__)
    parser.add_argument("--servers", type=int, default=1000)
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument(
        "--budget-mb",
        default=f"{DEFAULT_BUDGET_BYTES // MB},0",
        help="comma-separated cache budgets in MB; 0 = unlimited (default: the default budget, then 0)",
    )
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    budgets = [int(b) * MB for b in args.budget_mb.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'notes.db'}"
        started = time.perf_counter()
        questions = asyncio.run(populate(url, args.servers, args.terms, args.seed))
        print(f"stored {args.servers} servers in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        runs = []
        context = multiprocessing.get_context("spawn")
        for budget in budgets:
            with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
                runs.append(pool.submit(_run, url, questions, budget).result())
    report = {
        "servers": args.servers,
        "terms": args.terms,
        "python": sys.version.split()[0],
        "cpus": psutil.cpu_count(),
        "runs": runs,
    }
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
