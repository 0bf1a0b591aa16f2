"""Totals of notes kept outside the repository, scored as ``benchmarks.corpus`` scores its files.

``python -m benchmarks.wild DIR SPLIT [--show]``

``DIR`` holds notes files and their expectation files (the corpus's format, ``split`` naming the part
each belongs to); only files of ``SPLIT`` are scored. Prints per file and in total: terms captured /
wrong / missed / garbage of the raw import and look-ups right / refused / wrong. ``--show`` lists the
misses: never pass it for a part set aside for measuring.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from benchmarks.corpus import evaluate

_COUNTS = ("terms", "captured", "wrong", "missed", "garbage", "right", "refused", "answered wrong")


def main(argv: list[str] | None = None) -> None:
    """Score the files of one split of a directory of notes and expectations."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("split")
    parser.add_argument("--show", action="store_true", help="list the misses (tuning parts only)")
    args = parser.parse_args(argv)
    total = dict.fromkeys(_COUNTS, 0)
    for path in sorted(args.directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if str(data.get("split")) != args.split:
            continue
        report, _ = evaluate(path, corpus=args.directory)
        counts = (report.terms, report.captured, report.wrong, report.missed, report.garbage)
        counts += (report.raw.right, report.raw.refused, report.raw.wrong)
        for name, value in zip(_COUNTS, counts, strict=True):
            total[name] += value
        print(f"{path.stem:<34} " + " ".join(f"{n} {v}" for n, v in zip(_COUNTS, counts, strict=True)))
        if args.show:
            for line in (*report.missed_terms, *report.wrong_terms, *report.garbage_entries):
                print(f"    import: {line}")
            for line in report.raw.misses:
                print(f"    {line}")
    print("total " + " ".join(f"{name} {value}" for name, value in total.items()))


if __name__ == "__main__":
    main()
