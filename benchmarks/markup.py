"""Markup benchmark: ``plain_text`` on ordinary and adversarial Discord messages of the longest size.

``python -m benchmarks.markup [--json] [--length 4000] [--repeat 5]``

A message holds at most 4,000 characters (2,000 without Nitro). Each case is ``--length`` characters of
one shape: ordinary prose with markup, and adversarial text full of unmatched delimiters (the inputs
that make naive regular expressions quadratic). For each case the best of ``--repeat`` runs is
reported in milliseconds, and as a ratio to the ordinary case measured in the same run: a ratio that
grows with ``--length`` means super-linear time.
"""

from __future__ import annotations

import argparse
import json
import time

from bot.markup import plain_text

ORDINARY = "<@123456789012345678> what is **vm escape** in ||type 2|| hypervisors? <:think:1> "


def cases(length: int) -> dict[str, str]:
    """Inputs of about ``length`` characters."""

    def fill(unit: str) -> str:
        return (unit * (length // len(unit) + 1))[:length]

    return {
        "ordinary": fill(ORDINARY),
        "commas": fill(","),
        "spaces then ?": fill(" \t") + "?",
        "underscores": fill("_a "),
        "stars": fill("*a"),
        "brackets": fill("[a](http://"),
        "backticks": fill("`"),
        "escapes": fill("\\*"),
        "mentions": fill("<@1> "),
        "quotes": fill("> \n"),
        "delimiters": fill("**__||~~`"),
        "shortcodes": fill(":ab"),
    }


def best_ms(text: str, repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        plain_text(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    """Run and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    timings = {name: best_ms(text, args.repeat) for name, text in cases(args.length).items()}
    base = timings["ordinary"] or 1e-9
    rows = [{"case": n, "ms": round(ms, 3), "ratio": round(ms / base, 1)} for n, ms in timings.items()]
    if args.json:
        print(json.dumps({"length": args.length, "rows": rows}))
        return 0
    print(f"plain_text on {args.length}-character messages (best of {args.repeat})")
    for row in rows:
        print(f"  {row['case']:<16} {row['ms']:8.2f} ms  x{row['ratio']:.1f} of ordinary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
