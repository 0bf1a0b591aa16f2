"""Look-up queries made from the notes alone, independent of the matcher and its index.

``python -m benchmarks.queries --kb PATH --out FILE [--per-kind 2000] [--seed 1]`` writes FILE
(``KIND<TAB>QUERY`` per line, shuffled) and FILE.expected.json (the right term, or null, per line),
for ``python -m benchmarks.lookup --kb PATH --queries FILE --expected FILE.expected.json``.

Nothing here imports the matcher or its normalisation; it reads the entries (term, aliases,
definition) and makes, per kind:

* ``exact``: a term or alias, in its own, lower, upper or title case;
* ``typo``: a term or alias with one typing slip (two in words of 9+ letters, a third of the
  time) in any word of 4+ letters, at any position including the first letter: a dropped,
  doubled or swapped letter, or a neighbouring key on a QWERTY keyboard;
* ``question``: a term or alias inside a question frame ("what's a ...?", "define ...",
  "can you explain ... please", "tell me about the ...", "what does ... mean?");
* ``description``: 4-7 content words of the definition, shuffled, some put in another form
  (plural, -ing), behind a frame sometimes ("what do you call ...", "term for ...");
* ``out_of_scope``: 1-3 words of the notes' own definitions and names, from different entries,
  in a question frame, that are no term or alias (nor a plural of one): the right answer is none.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.knowledge import Entry
from bot.loader import load_knowledge

KINDS = ("exact", "typo", "question", "description", "out_of_scope")

_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_KEYBOARD):
    for _c, _key in enumerate(_row):
        near = []
        for dr in (-1, 0, 1):
            row = _r + dr
            if 0 <= row < len(_KEYBOARD):
                for dc in (-1, 0, 1):
                    col = _c + dc
                    if (dr or dc) and 0 <= col < len(_KEYBOARD[row]):
                        near.append(_KEYBOARD[row][col])
        _NEIGHBOURS[_key] = "".join(near)

_QUESTION_FRAMES = (
    "what is {}?",
    "what's a {}",
    "what is an {}",
    "define {}",
    "define: {}",
    "can you explain {} please",
    "tell me about the {}",
    "what does {} mean?",
    "{}?",
    "explain {}",
)
_DESCRIPTION_FRAMES = (
    "{}",
    "{}",
    "what do you call {}",
    "term for {}",
    "the one that {}",
    "{} - what is it called?",
)
_SCOPE_FRAMES = ("what is {}?", "what's a {}", "define {}", "tell me about {}", "{}")


def _split(text: str) -> list[str]:
    return text.split()


_STOP = frozenset(
    _split(
        """a an the of to in on for by with from that which when where and or as into over between without
    within across through its their each every any is are be it this these those can may not no than then
    so such also other more most"""
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


def _slip(word: str, rng: random.Random) -> str:
    """``word`` with one typing slip anywhere (the first letter included)."""
    i = rng.randrange(len(word))
    kind = rng.choice(("drop", "double", "swap", "neighbour"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap":
        i = min(i, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = _NEIGHBOURS.get(word[i].lower())
    if not near:
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice(near) + word[i + 1 :]


def typo(name: str, rng: random.Random) -> str | None:
    """``name`` with a slip in one of its words of 4+ letters (None if it has none)."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    slipped = _slip(words[i], rng)
    if len(words[i]) >= 9 and rng.random() < 0.33:
        slipped = _slip(slipped, rng)
    if slipped.casefold() == words[i].casefold():
        return None
    words[i] = slipped
    return " ".join(words)


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _STOP]


def _other_form(word: str, rng: random.Random) -> str:
    if word.endswith("s") or rng.random() < 0.5:
        return word
    return word + ("es" if word.endswith(("x", "sh", "ch")) else "s") if rng.random() < 0.7 else word + "ing"


def description(entry: Entry, rng: random.Random) -> str | None:
    """4-7 content words of the definition, shuffled, some in another form, maybe in a frame."""
    words = list(dict.fromkeys(_content_words(entry.definition)))
    if len(words) < 4:
        return None
    picked = rng.sample(words, min(len(words), rng.randint(4, 7)))
    rng.shuffle(picked)
    picked = [_other_form(w, rng) if rng.random() < 0.3 else w for w in picked]
    return rng.choice(_DESCRIPTION_FRAMES).format(" ".join(picked))


def _cased(name: str, rng: random.Random) -> str:
    return rng.choice((name, name.lower(), name.upper() if len(name) <= 10 else name.title(), name.title()))


def make(entries: Sequence[Entry], per_kind: int, rng: random.Random) -> list[tuple[str, str, str | None]]:
    """``per_kind`` (kind, query, expected term or None) of each kind."""
    taken = {n.casefold() for e in entries for n in e.names}
    taken |= {n + "s" for n in taken} | {n + "es" for n in taken}
    vocabulary = sorted({w for e in entries for w in _content_words(" ".join((e.definition, *e.names)))})
    out: list[tuple[str, str, str | None]] = []
    counts = dict.fromkeys(KINDS, 0)
    attempts = 0
    while min(counts.values()) < per_kind:
        attempts += 1
        if attempts > per_kind * 200:
            raise SystemExit(f"could not make {per_kind} queries of every kind from these notes: {counts}")
        entry = rng.choice(entries)
        name = rng.choice(entry.names)
        if counts["exact"] < per_kind:
            out.append(("exact", _cased(name, rng), entry.term))
            counts["exact"] += 1
        slipped = typo(name, rng)
        if counts["typo"] < per_kind and slipped is not None and slipped.casefold() not in taken:
            out.append(("typo", rng.choice((slipped, slipped.lower())), entry.term))
            counts["typo"] += 1
        if counts["question"] < per_kind:
            out.append(("question", rng.choice(_QUESTION_FRAMES).format(_cased(name, rng)), entry.term))
            counts["question"] += 1
        described = description(entry, rng)
        if counts["description"] < per_kind and described is not None:
            out.append(("description", described, entry.term))
            counts["description"] += 1
        if counts["out_of_scope"] < per_kind and vocabulary:
            phrase = " ".join(rng.sample(vocabulary, rng.choice((1, 2, 2, 3))))
            if phrase.casefold() not in taken:
                out.append(("out_of_scope", rng.choice(_SCOPE_FRAMES).format(phrase), None))
                counts["out_of_scope"] += 1
    rng.shuffle(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Write the queries and their expected answers."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.queries", description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=Path, required=True, help="the notes: a YAML file or a directory")
    parser.add_argument("--out", type=Path, required=True, help="the query file to write")
    parser.add_argument(
        "--per-kind", type=int, default=2000, help="queries of each kind (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: %(default)s)")
    args = parser.parse_args(argv)
    kb = load_knowledge([args.kb])
    queries = make(kb.entries, args.per_kind, random.Random(args.seed))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{k}\t{q}\n" for k, q, _t in queries), encoding="utf-8")
    expected = args.out.with_name(args.out.name + ".expected.json")
    expected.write_text(json.dumps([t for _k, _q, t in queries]) + "\n", encoding="utf-8")
    print(f"wrote {len(queries):,} queries to {args.out} and their answers to {expected}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
