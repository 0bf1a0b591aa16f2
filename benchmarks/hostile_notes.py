"""Hostile knowledge files of about 2 MB: load + index + first look-ups, wall time per shape.

``python -m benchmarks.hostile_notes [SHAPE ...] [--json]``

Each shape is a generator of one knowledge file's text, the worst of its kind that we could think
of: many aliases on one entry, many aliases everywhere, many tiny entries, one huge definition, very
long names, names of one huge word, many examples and details, every per-file budget filled at once
with 24,900 different random words (``full_budget``), deep nesting. For each: the loader's time
(refused files stop there, with the first problem), building the ``Matcher``, the first description
look-up (which builds the lazy indexes) and a first fuzzy look-up. Target: load + index + first
look-ups <= 3 s for every shape at a load average of about 2. The load average is printed, since on 2
shared CPUs the wall times scale with it, and so is the CPU time (about the wall time on an idle
CPU). ``tests/knowledge/test_budgets.py`` checks the same shapes stay within the loader's budgets
(work, not time).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys
import time
from collections.abc import Callable

TWO_MB = 2_000_000
_LETTERS = string.ascii_lowercase


def _words(rng: random.Random, count: int, low: int = 4, high: int = 9) -> list[str]:
    """``count`` random lower-case words (they almost never repeat: the stemmer's cache cannot help)."""
    pool = "".join(rng.choices(_LETTERS, k=count * high))
    out, at = [], 0
    for size in rng.choices(range(low, high + 1), k=count):
        out.append(pool[at : at + size])
        at += size
    return out


def many_aliases() -> str:
    """One entry with 200,000 short aliases (the tester's probe packed 140,000)."""
    aliases = ", ".join(f"a{n}b" for n in range(TWO_MB // 7))
    return (
        f"topic: {{title: T}}\nentries:\n  - term: Base\n    definition: a thing\n    aliases: [{aliases}]\n"
    )


def aliases_everywhere() -> str:
    """2,000 entries with 50 two-word aliases each (the per-entry maximum)."""
    rng = random.Random(1)
    rows = []
    for e in range(2_100):
        aliases = ", ".join(f"w{e}x{j} {w}" for j, w in enumerate(_words(rng, 50)))
        rows.append(f"  - term: T{e}\n    definition: the thing number {e}\n    aliases: [{aliases}]\n")
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def many_entries() -> str:
    """50,000 one-line entries."""
    rows = (f"- {{term: t{e}, definition: d{e} w{e % 97}}}\n" for e in range(50_000))
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def huge_definition() -> str:
    """One definition of 2 MB of words that never repeat."""
    words = " ".join(_words(random.Random(2), TWO_MB // 7))
    return f"topic: {{title: T}}\nentries:\n  - term: A\n    definition: {words}\n"


def long_names() -> str:
    """170 terms of 12,000 characters (1,500 words each)."""
    rng = random.Random(3)
    rows = [
        f"  - term: {' '.join(_words(rng, 1500, 6, 7))[:11_990]}\n    definition: d {e}\n" for e in range(170)
    ]
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def long_words() -> str:
    """170 terms that are one 12,000-letter word each."""
    rng = random.Random(4)
    rows = [
        f"  - term: {''.join(rng.choices(_LETTERS, k=11_990))}\n    definition: d {e}\n" for e in range(167)
    ]
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def many_examples() -> str:
    """350 entries with 200 examples and 200 details each."""
    rng = random.Random(5)
    rows = []
    for e in range(350):
        items = ", ".join(f"{w} y{j}" for j, w in enumerate(_words(rng, 200)))
        rows.append(
            f"  - term: T{e}\n    definition: d {e}\n    examples: [{items}]\n    details: [{items}]\n"
        )
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def full_budget() -> str:
    """Every per-file budget nearly full at once: 1,990 entries of four three-word names (7,960 names,
    23,880 name words) and 75-word definitions (149,250 words) drawn from 24,900 different random words."""
    rng = random.Random(6)
    vocabulary = list(dict.fromkeys(_words(rng, 26_000)))[:24_900]
    rows = []
    for e in range(1_990):
        names = [f"{' '.join(rng.choices(vocabulary, k=2))} n{e}x{j}" for j in range(4)]
        definition = " ".join(vocabulary[(e * 75 + i) % len(vocabulary)] for i in range(75))
        rows.append(f"  - term: {names[0]}\n    aliases: [{', '.join(names[1:])}]\n")
        rows.append(f"    definition: {definition}\n")
    return "topic: {title: T}\nentries:\n" + "".join(rows)


def deep_nesting() -> str:
    """A million nested flow lists."""
    depth = TWO_MB // 2 - 20
    return "topic: {title: T}\nentries: " + "[" * depth + "]" * depth + "\n"


SHAPES: dict[str, Callable[[], str]] = {
    f.__name__: f
    for f in (
        many_aliases,
        aliases_everywhere,
        many_entries,
        huge_definition,
        long_names,
        long_words,
        many_examples,
        full_budget,
        deep_nesting,
    )
}


def measure(shape: str) -> dict[str, object]:
    """Wall times of one shape: load, index, first description look-up, first fuzzy look-up (seconds)."""
    from bot.knowledge import KnowledgeError
    from bot.loader import load_knowledge_text
    from bot.matching import Matcher

    text = SHAPES[shape]()
    row: dict[str, object] = {"shape": shape, "bytes": len(text.encode())}
    cpu = time.process_time()
    started = time.perf_counter()
    try:
        kb = load_knowledge_text(text, f"{shape}.yaml")
    except KnowledgeError as error:
        row.update(load_s=round(time.perf_counter() - started, 2), refused=str(error.problems[0])[:160])
        row["total_s"] = row["load_s"]
        row["total_cpu_s"] = round(time.process_time() - cpu, 2)
        return row
    loaded = time.perf_counter()
    matcher = Matcher(kb)
    indexed = time.perf_counter()
    matcher.lookup("what is the thing that keeps the other things apart from each other")
    described = time.perf_counter()
    matcher.lookup("hypervisr")
    fuzzy = time.perf_counter()
    row.update(
        load_s=round(loaded - started, 2),
        index_s=round(indexed - loaded, 2),
        first_description_s=round(described - indexed, 2),
        first_fuzzy_s=round(fuzzy - described, 2),
        total_s=round(fuzzy - started, 2),
        total_cpu_s=round(time.process_time() - cpu, 2),
        summary=kb.summary(),
    )
    return row


def main(argv: list[str] | None = None) -> int:
    """Measure the shapes named (default: all), one line or one JSON object each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("shapes", nargs="*", choices=[[], *SHAPES], default=[])
    parser.add_argument("--json", action="store_true", help="one JSON document instead of lines")
    args = parser.parse_args(argv)
    rows = []
    for shape in args.shapes or SHAPES:
        row = measure(shape)
        row["load_average"] = [round(x, 2) for x in os.getloadavg()]
        rows.append(row)
        if not args.json:
            print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if args.json:
        json.dump({"cpus": os.cpu_count(), "shapes": rows}, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
