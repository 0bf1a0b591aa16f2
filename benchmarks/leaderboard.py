"""Leaderboard benchmark: top-10 reads over 1,000,000 stored answers while the bot's writer stores more.

``python -m benchmarks.leaderboard --store sqlite|postgresql [--json] [--rows 1000000] [--rate 5000]
[--samples 2000] [--save]``

A fresh database (an SQLite file, or a new PostgreSQL database) is seeded with ``--rows`` answers (90 %
in one guild of 5,000 members, over 90 days) and their totals. Then, on one event loop, as in the bot:
``--channels`` writer tasks hand questions' worth of answers (12 answers by different members, one right)
to one shared ``AnswerWriter`` (the quiz's group commit: answers, totals and flashcards in one
transaction) at ``--rate`` answers per second in all, while a reader times ``--samples`` top-10 reads
(``Store.leaderboard``), one every ``--read-every`` seconds (5 ms), cycling through every board a member
can pick (week, month, all time; overall and one topic). Wall-clock times; p50/p95/p99 per board and over
all, and of the reads that waited on the database (first loads of a board); the answers written
meanwhile; the event loop's lag; afterwards, whether every kept board still equals the database's own
query (``kept_boards_match_database``) and what moving them costs the writer's task
(``board_update_us_per_answer``, against ``writer_us_per_answer``); then with the writer stopped the same
reads as cold reads (the kept boards dropped before each: the page query) and the whole-board load each
starts in the background, and the naive baseline, a top 10 summed from the raw answers table.
Target: p95 < 5 ms while writing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from benchmarks.quiz import (
    BOARDS,
    GUILD,
    MEMBERS,
    RESULTS,
    TOPICS,
    _database,
    _load,
    _rows,
    load_average,
    report_header,
    top10_from_answers,
)
from bot.quiz.writer import AnswerWriter
from bot.storage import AnswerRecord, Store
from bot.storage.board_cache import LiveBoards
from bot.storage.leaderboards import board_keys

TARGET_P95_MS = 5.0


def _summary(times_ms: list[float]) -> dict[str, float]:
    ordered = sorted(times_ms)
    n = len(ordered)

    def at(q: float) -> float:
        return round(ordered[min(n - 1, int(n * q))], 3)

    return {"n": n, "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": at(1.0)}


async def _read(
    store: Store,
    samples: int,
    now: datetime,
    *,
    every_s: float = 0.0,
    uncached: bool = False,
    loads: list[float] | None = None,
) -> tuple[list[float], dict[str, list[float]], list[float]]:
    """``samples`` top-10 reads cycling through the boards, one after another: all times, per board, and
    the reads that waited on the database (not answered from a kept board).

    ``every_s``: a read starts every so many seconds (an absolute schedule, as members asking), or
    right after the previous one. ``uncached``: every read is a cold read (the kept boards are dropped
    before each: the page comes from the database), and the whole board's load that it starts in the
    background is waited for after it, untimed, its time appended to ``loads``.
    """
    loop = asyncio.get_running_loop()
    due = loop.time()
    every: list[float] = []
    by_board: dict[str, list[float]] = {name: [] for _, _, name in BOARDS}
    database: list[float] = []
    for i in range(samples):
        period, topic, name = BOARDS[i % len(BOARDS)]
        due += every_s
        if due > loop.time():
            await asyncio.sleep(due - loop.time())
        if uncached:
            store.boards.changed([GUILD])
        misses = store.boards.misses
        t0 = time.perf_counter()
        page = await store.leaderboards.leaderboard(GUILD, period=period, topic=topic, now=now)
        ms = (time.perf_counter() - t0) * 1000
        assert page.rows, f"board {name} is empty"
        every.append(ms)
        by_board[name].append(ms)
        if store.boards.misses != misses:
            database.append(ms)
        if uncached:
            t0 = time.perf_counter()
            await store.leaderboards.settled()
            if loads is not None:
                loads.append((time.perf_counter() - t0) * 1000)
    return every, by_board, database


async def _board_update_cost(store: Store, now: datetime) -> float:
    """Microseconds of the writer's task an answer costs to move the kept boards: the best of 300
    batches of 500 answers (12 a question, one right, as the writer's) added to copies of this run's
    kept boards, so the real ones stay as the database has them."""
    copies = LiveBoards(board_keys)
    for key in board_keys(GUILD, TOPICS[0], now.date()):
        kept, _ = store.boards.get(GUILD, key)
        if kept is not None:
            rows = [(m, *totals) for m, totals in kept.totals.items()]
            copies.finish_load(copies.start_load(GUILD, key), rows)
    rng = random.Random(0)
    batch = [
        AnswerRecord(
            0,
            i,
            GUILD,
            1,
            rng.randrange(1, MEMBERS + 1),
            "Term",
            TOPICS[0],
            i % 12 == 11,
            20 if i % 12 == 11 else 0,
            1500,
            now,
        )
        for i in range(500)
    ]
    best = float("inf")
    for _ in range(300):
        t0 = time.perf_counter()
        async with copies.writing() as write:
            write.committed(batch)
        best = min(best, time.perf_counter() - t0)
    return round(1e6 * best / len(batch), 2)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    """Seed, then read while writing, then read idle; the report."""
    report = {
        **report_header(store=args.store),
        "rows": args.rows,
        "offered_writes_per_s": args.rate,
        "target_p95_ms": TARGET_P95_MS,
    }
    now = datetime.now(UTC)
    async with _database(args.store) as url:
        store = await Store.open(url)
        try:
            report["seed_s"] = round(await _load(store, _rows(args.rows, now), now), 2)
            report["members_in_guild"] = (await store.leaderboards.leaderboard(GUILD, now=now)).total_members
            writer = AnswerWriter(store)
            rounds = [await store.rounds.start_round(GUILD, c + 1, 1, {}, now) for c in range(args.channels)]
            written = 0
            lags: list[float] = []
            stopping = False
            loop = asyncio.get_running_loop()

            async def channel(c: int) -> None:
                """One channel's questions: 12 answers by different members, paced, then committed."""
                nonlocal written
                rng = random.Random(c)
                gap = 12 * args.channels / args.rate  # seconds per question per channel
                due = loop.time() + rng.random() * gap
                question = 0
                while not stopping:
                    due += gap
                    delay = due - loop.time()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    question += 1
                    at = datetime.now(UTC)
                    topic = rng.choice(TOPICS)
                    members = rng.sample(range(1, MEMBERS + 1), 12)
                    batch = [
                        AnswerRecord(
                            round_id=rounds[c],
                            question_index=question,
                            guild_id=GUILD,
                            channel_id=c + 1,
                            member_id=m,
                            term=f"Term {rng.randrange(500)}",
                            topic=topic,
                            correct=k == 11,
                            points=20 if k == 11 else 0,
                            ms=1500,
                            answered_at=at + timedelta(microseconds=k),
                        )
                        for k, m in enumerate(members)
                    ]
                    await writer.write(batch)
                    written += len(batch)

            async def monitor() -> None:
                while not stopping:
                    start = loop.time()
                    await asyncio.sleep(0.005)
                    lags.append(max(0.0, loop.time() - start - 0.005))

            channels = [asyncio.create_task(channel(c)) for c in range(args.channels)]
            watcher = asyncio.create_task(monitor())
            await asyncio.sleep(1.0)  # the writer reaches its pace
            written_before, t0 = written, time.perf_counter()
            every, by_board, database = await _read(store, args.samples, now, every_s=args.read_every)
            elapsed = time.perf_counter() - t0
            written_meanwhile = written - written_before
            stopping = True
            await asyncio.gather(*channels, watcher)
            await writer.close(within=60)
            lags.sort()
            report["while_writing"] = {
                "all": _summary(every),
                "by_board": {name: _summary(times) for name, times in by_board.items()},
                "database_reads": _summary(database) if database else {"n": 0},
                "seconds": round(elapsed, 2),
                "answers_written": written_meanwhile,
                "answers_written_per_s": round(written_meanwhile / elapsed),
                "writer_transactions": writer.stats.batches,
                "loop_lag_p99_ms": round(1000 * lags[min(len(lags) - 1, int(len(lags) * 0.99))], 2),
                "writer_us_per_answer": round(1e6 * writer.stats.seconds / max(1, writer.stats.answers), 1),
            }
            report["board_update_us_per_answer"] = await _board_update_cost(store, now)
            report["kept_boards_match_database"] = all(
                [
                    await store.leaderboards.leaderboard(GUILD, period=period, topic=topic, now=now)
                    == await store.leaderboards.from_database(GUILD, period=period, topic=topic, now=now)
                    for period, topic, _ in BOARDS
                ]
            )
            loads: list[float] = []
            idle, _, _ = await _read(store, args.samples, now, uncached=True, loads=loads)
            report["idle_every_read_from_database"] = {"all": _summary(idle)}
            report["idle_whole_board_load_in_background"] = {"all": _summary(loads)}

            naive = []
            for _ in range(args.baseline_samples):
                t0 = time.perf_counter()
                await top10_from_answers(store)
                naive.append((time.perf_counter() - t0) * 1000)
            report["baseline_top10_from_answers"] = _summary(naive)
        finally:
            await store.close()
    p95 = report["while_writing"]["all"]["p95_ms"]
    report["p95_vs_baseline_p50"] = round(report["baseline_top10_from_answers"]["p50_ms"] / max(p95, 1e-6), 1)
    report["target_met"] = p95 < TARGET_P95_MS and report["kept_boards_match_database"]
    report["load_average_at_end"] = load_average()
    return report


def render(report: dict[str, Any]) -> str:
    """The report as a few lines of text."""
    w = report["while_writing"]
    lines = [
        f"leaderboard top 10 on {report['store']} over {report['rows']:,} answers "
        f"({report['members_in_guild']:,} members on the all-time board; {report['cpus']} CPUs, load average "
        f"{report['load_average_at_start']} -> {report['load_average_at_end']})",
        f"  while writing {w['answers_written_per_s']:,} answers/s "
        f"(offered {report['offered_writes_per_s']:,}; "
        f"loop lag p99 {w['loop_lag_p99_ms']} ms): p50 {w['all']['p50_ms']} p95 {w['all']['p95_ms']} "
        f"p99 {w['all']['p99_ms']} ms (n={w['all']['n']}; target p95 < {report['target_p95_ms']:g} ms: "
        f"{'met' if report['target_met'] else 'NOT met'})",
    ]
    for name, s in w["by_board"].items():
        lines.append(f"    {name:<16} p50 {s['p50_ms']:>8} p95 {s['p95_ms']:>8} p99 {s['p99_ms']:>8} ms")
    idle = report["idle_every_read_from_database"]["all"]
    loads = report["idle_whole_board_load_in_background"]["all"]
    base = report["baseline_top10_from_answers"]
    db = w["database_reads"]
    lines += [
        f"  of which waited on the database (before the board's first load in the background): n={db['n']}"
        + (f", p50 {db['p50_ms']} p95 {db['p95_ms']} ms" if db["n"] else ""),
        f"  kept boards equal the database's query afterwards: {report['kept_boards_match_database']}",
        f"  moving the kept boards: {report['board_update_us_per_answer']} us an answer of the writer's task "
        f"(the writer: {w['writer_us_per_answer']} us an answer inside its transactions, wall clock)",
        f"  writer stopped, every read a cold read (the page query): p50 {idle['p50_ms']} "
        f"p95 {idle['p95_ms']} p99 {idle['p99_ms']} ms (n={idle['n']})",
        f"  each then loading its whole board in the background: p50 {loads['p50_ms']} "
        f"p95 {loads['p95_ms']} p99 {loads['p99_ms']} ms",
        f"  baseline, top 10 summed from the answers: p50 {base['p50_ms']} ms (n={base['n']})",
    ]
    return "\n".join(lines)


def main() -> int:
    """Parse arguments, run, print (and optionally save) the report."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.leaderboard", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--store", choices=["sqlite", "postgresql"], required=True)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--rows", type=int, default=1_000_000, help="answers seeded first")
    parser.add_argument("--rate", type=int, default=5000, help="answers/s offered to the writer meanwhile")
    parser.add_argument("--channels", type=int, default=100, help="concurrent writing channels")
    parser.add_argument("--samples", type=int, default=2000, help="top-10 reads timed (each phase)")
    parser.add_argument(
        "--read-every", type=float, default=0.005, help="seconds between the starts of two reads"
    )
    parser.add_argument("--baseline-samples", type=int, default=5)
    parser.add_argument(
        "--save", action="store_true", help="also write benchmarks/results/leaderboard-STORE.json"
    )
    args = parser.parse_args()
    report = asyncio.run(run(args))
    print(json.dumps(report, indent=2) if args.json else render(report))
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"leaderboard-{args.store}.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
