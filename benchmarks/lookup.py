"""Look-up benchmark: the bot's matcher on any notes and any query file, wall clock, naive scan beside it.

``python -m benchmarks.lookup --kb PATH --queries FILE --json`` loads the notes at PATH (a file or a
directory) with ``load_knowledge``, builds every index the bot builds at start-up (``Matcher(kb)``
and ``prepare()``), looks up each line of FILE once to warm up, then times each line again with the
wall clock (``time.perf_counter_ns``), in this process. A line is ``KIND<TAB>QUERY``; KIND only
groups the figures. Blank lines and lines of another shape are not looked up or timed (their answer is
null; the malformed ones are listed on stderr with their numbers). With ``--json`` it prints one JSON
object, else a table of the same figures::

    {"terms", "load_s", "index_s", "rss_mb", "peak_rss_mb", "load_average",
     "by_kind": {KIND: {"n", "p50_ms", "p99_ms"}}, "all": {"n", "p50_ms", "p99_ms"},
     "answers": [term or null per line, in order], "malformed_lines": [line numbers],
     "blank_lines": [line numbers], "cpu_by_kind": {KIND: {...}}}

``cpu_by_kind`` is no target: the same look-ups' CPU time, which tells the matcher's own cost from
waiting for a shared CPU.

``--expected FILE.json`` (a JSON list, term or null per line, as ``benchmarks.queries`` writes it)
adds top-1 accuracy per kind. ``--naive N`` also times the naive approach on the first N lines of
each kind, in the same run: ``rapidfuzz.process.extractOne`` over every term and alias (WRatio,
cut-off 85), else over every definition (token_set_ratio, cut-off 70), else no answer; with
``--expected`` its accuracy is given on the same lines as ours.

``python -m benchmarks.lookup --make-kb DIR --terms 100000`` writes seeded synthetic notes
(multi-word technical terms, 0-3 aliases, 20-60-word definitions) as YAML files.
Queries come from ``python -m benchmarks.queries`` (independent of the matcher's index).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import yaml
from rapidfuzz import fuzz, process, utils

from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import load_knowledge, normalize_name
from bot.matching import Answer, Matcher
from bot.wording import plural

ENTRIES_PER_FILE = 2000

# ---------------------------------------------------------------- synthetic notes


def _word_list(text: str) -> list[str]:
    """The whitespace-separated words of ``text``."""
    return text.split()


_REAL_NOUNS = _word_list(
    """
access account adapter address agent algorithm analysis anomaly appliance application architecture
archive array artifact asset attack audit authentication authority authorization backup bandwidth
baseline beacon benchmark binary blockchain boundary bridge broker browser buffer bus cache
capability certificate channel checksum cipher circuit claim client cloud cluster code collector
compiler compliance component compression configuration connection console container context
control controller cookie credential cryptography cursor daemon dashboard data database dataset
deployment descriptor device dictionary digest directory disk dispatcher domain driver encryption
endpoint engine enumeration environment event exchange exploit extension failover feed field file
filter firewall firmware flag framework function gateway generator governance graph handler handshake
hash header heap host identity image incident index infrastructure injection instance integrity
interface inventory isolation kernel key keystore label latency layer ledger library license link
listener load log loop machine malware manifest map marker matrix memory message metadata metric
middleware migration mirror model module monitor namespace network node notification object operator
orchestrator packet page parser partition password patch payload peer perimeter permission pipeline
platform policy pool port portal posture privilege probe process profile protocol provider proxy
queue quota record recovery redundancy registry relay replica replication repository request resolver
resource response role root router rule runtime sandbox scanner schedule schema scope script
secret segment sensor sequence server service session shell signature snapshot socket software
spool stack storage stream subnet supervisor switch system table tenant thread threshold ticket token
topology trace transaction transport trigger trust tunnel user utility validation vault vector
version virtualization volume vulnerability wallet watchdog webhook window workflow workload zone
"""
)

_REAL_ADJECTIVES = _word_list(
    """
active adaptive administrative anonymous asymmetric asynchronous automated autonomous backup
centralized certified client cloud cold composite conditional containerized continuous cross
cryptographic default dedicated delegated distributed dynamic elastic embedded encrypted ephemeral
external federated forensic full global granular hardware hashed heuristic hierarchical hosted hot
hybrid immutable incremental inline internal isolated lateral layered legacy lightweight local
logical malicious managed mandatory manual mobile multi mutual native nested offline online open
passive persistent physical private privileged proactive public quantum random read redundant
remote replicated reverse rogue role scheduled secure segmented serverless shadow shared signed
single software stateful stateless static strong symmetric synthetic temporary tiered transparent
trusted unified untrusted virtual volatile weak wireless zero
"""
)

_VERBS = _word_list(
    """
allows blocks captures checks collects compares controls copies creates decrypts defines deletes
delivers detects distributes enables encrypts enforces exchanges executes exposes filters grants
handles hides identifies isolates limits logs maps measures monitors moves protects provides
records reduces replaces restores routes runs scans separates shares signs stores tracks transfers
updates validates verifies
"""
)

_FUNCTION_WORDS = _word_list(
    """
a an the of to in on for by with from that which when where and or as into over between without
within across through its their each every any
"""
)

_ONSETS = ["b", "br", "c", "cr", "d", "dr", "f", "fl", "g", "gr", "k", "kr", "l", "m", "n", "p", "pl", "pr"]
_ONSETS += ["q", "r", "s", "sk", "sl", "st", "t", "tr", "v", "z", "x", "h", "j", "w"]
_VOWELS = ["a", "e", "i", "o", "u", "y", "ai", "ea", "ou", "io"]
_CODAS = ["", "", "n", "x", "r", "l", "s", "t", "m", "k", "nd", "rk"]
_SUFFIXES = ["", "", "", "ex", "or", "ix", "ium", "ant", "ary", "ware", "net", "flow", "gate", "sync", "core"]


def _pseudo_word(rng: random.Random) -> str:
    """A pronounceable made-up product/technology word."""
    syllables = rng.choice((2, 2, 3))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return word + rng.choice(_SUFFIXES)


def _zipf_weights(n: int, offset: float = 8.0) -> list[float]:
    """Zipf-like weights for ranks 0..n-1 (cumulative, for ``random.choices``)."""
    total = 0.0
    cumulative = []
    for rank in range(n):
        total += 1.0 / (rank + offset)
        cumulative.append(total)
    return cumulative


@dataclass(frozen=True, slots=True)
class SyntheticEntry:
    """A generated entry: its term, aliases and definition."""

    term: str
    aliases: tuple[str, ...]
    definition: str


def generate_entries(count: int, rng: random.Random) -> list[SyntheticEntry]:
    """``count`` entries with unique names (terms and aliases compared as the loader does)."""
    pseudo = sorted({_pseudo_word(rng) for _ in range(max(400, count // 8))})
    rng.shuffle(pseudo)
    nouns = _REAL_NOUNS + pseudo[: len(pseudo) // 2]
    modifiers = _REAL_ADJECTIVES + _REAL_NOUNS[::3] + pseudo[len(pseudo) // 2 :]
    rng.shuffle(nouns)
    rng.shuffle(modifiers)
    noun_weights = _zipf_weights(len(nouns))
    modifier_weights = _zipf_weights(len(modifiers))
    content = _REAL_NOUNS + _REAL_ADJECTIVES + pseudo
    rng.shuffle(content)
    content_weights = _zipf_weights(len(content), offset=30.0)
    claimed: set[str] = set()
    entries: list[SyntheticEntry] = []
    while len(entries) < count:
        size = rng.choices((1, 2, 3, 4), weights=(5, 45, 38, 12))[0]
        words = rng.choices(modifiers, cum_weights=modifier_weights, k=size - 1)
        words.append(rng.choices(nouns, cum_weights=noun_weights)[0])
        if len(set(words)) < len(words):
            continue
        if size == 1:
            words = [rng.choice(pseudo)]
        term = " ".join(words).capitalize()
        if normalize_name(term) in claimed:
            continue
        claimed.add(normalize_name(term))
        aliases: list[str] = []
        options: list[str] = []
        if size >= 2:
            options.append("".join(w[0] for w in words).upper() + ("" if rng.random() < 0.7 else "s"))
            options.append(f"{words[-1]} of {' '.join(words[:-1])}")
        options.append(term.lower() + ("es" if term.endswith(("s", "x")) else "s"))
        if "ization" in term:
            options.append(term.replace("ization", "isation"))
        if size >= 3:
            options.append(" ".join(words[1:]) + " " + rng.choice(("system", "service", "tool")))
        rng.shuffle(options)
        for option in options[: rng.choice((0, 1, 1, 2, 2, 3))]:
            if normalize_name(option) not in claimed:
                claimed.add(normalize_name(option))
                aliases.append(option)
        length = rng.randint(20, 60)
        body: list[str] = []
        for _ in range(length):
            roll = rng.random()
            if roll < 0.38:
                body.append(rng.choice(_FUNCTION_WORDS))
            elif roll < 0.48:
                body.append(rng.choice(_VERBS))
            else:
                body.append(rng.choices(content, cum_weights=content_weights)[0])
        body.insert(rng.randrange(len(body)), rng.choice(words).lower())
        definition = " ".join(body).capitalize() + "."
        entries.append(SyntheticEntry(term, tuple(aliases), definition))
    return entries


def write_yaml(entries: Sequence[SyntheticEntry], directory: Path) -> list[Path]:
    """Write ``entries`` as knowledge YAML files of at most ``ENTRIES_PER_FILE`` entries each."""
    paths = []
    for number, start in enumerate(range(0, len(entries), ENTRIES_PER_FILE), 1):
        chunk = entries[start : start + ENTRIES_PER_FILE]
        document = {
            "topic": {"title": f"Synthetic topic {number}", "tags": ["synthetic"]},
            "entries": [
                {"term": e.term, "aliases": list(e.aliases), "definition": e.definition}
                if e.aliases
                else {"term": e.term, "definition": e.definition}
                for e in chunk
            ],
        }
        path = directory / f"synthetic-{number:03d}.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- queries drawn from the generator
# The generator's own queries (typos never on the first letter, descriptions copied in order): the
# matcher's regression tests use them (tests/matcher). The benchmark's figures come from
# ``benchmarks.queries`` instead, which knows nothing of the index.


def _misspell(word: str, rng: random.Random) -> str:
    """``word`` with one edit (delete, insert, substitute, transpose), never the first letter."""
    i = rng.randrange(1, len(word))
    kind = rng.choice(("delete", "insert", "substitute", "transpose"))
    letter = rng.choice(string.ascii_lowercase)
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + letter + word[i:]
    if kind == "substitute":
        return word[:i] + letter + word[i + 1 :]
    if i == len(word) - 1:
        i -= 1
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if i >= 1 else word


def make_typo(name: str, rng: random.Random) -> str | None:
    """``name`` with one or two typing mistakes in one of its longer words, or None if it has none."""
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 6]
    if not long_words:
        return None
    i = rng.choice(long_words)
    typo = _misspell(words[i], rng)
    if rng.random() < 0.25 and len(words[i]) >= 9:
        typo = _misspell(typo, rng)
    words[i] = typo
    return " ".join(words)


_STOP = set(_FUNCTION_WORDS) | set(_VERBS[::2])
_DESCRIPTION_FRAMES = ("", "", "what is it called when ", "whats the term for ", "the thing that ")


def make_description(definition: str, rng: random.Random) -> str:
    """5-7 content words of ``definition`` in order, sometimes behind a question frame."""
    words = [w.strip(".,").lower() for w in definition.split()]
    content = [w for w in words if w not in _STOP]
    size = min(len(content), rng.randint(5, 7))
    picked = sorted(rng.sample(range(len(content)), size))
    return rng.choice(_DESCRIPTION_FRAMES) + " ".join(content[i] for i in picked)


@dataclass(frozen=True, slots=True)
class Query:
    """A benchmark query and the term it is about."""

    kind: str  # "exact", "typo", "prefix", "description"
    text: str
    term: str


def make_queries(entries: Sequence[SyntheticEntry], per_kind: int, rng: random.Random) -> list[Query]:
    """``per_kind`` seeded queries of each kind about random entries."""
    queries: list[Query] = []
    chosen = [rng.choice(entries) for _ in range(per_kind * 3)]
    exact = typo = prefix = description = 0
    for entry in chosen:
        name = rng.choice((entry.term, *entry.aliases))
        if exact < per_kind:
            text = rng.choice((name, name.lower(), name.upper() if len(name) < 8 else name.title()))
            queries.append(Query("exact", text, entry.term))
            exact += 1
        misspelt = make_typo(entry.term, rng)
        if typo < per_kind and misspelt is not None:
            queries.append(Query("typo", misspelt.lower(), entry.term))
            typo += 1
        if prefix < per_kind:
            cut = rng.randint(min(4, len(entry.term)), min(len(entry.term), 14))
            queries.append(Query("prefix", entry.term[:cut].lower(), entry.term))
            prefix += 1
        if description < per_kind:
            queries.append(Query("description", make_description(entry.definition, rng), entry.term))
            description += 1
    return queries


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True, slots=True)
class QueryFile:
    """A queries file: ``(kind, query)`` per line, in order (kind "" for a line not looked up), and the
    numbers (from 1) of its lines that are not ``KIND<TAB>QUERY`` and of its blank lines."""

    lines: list[tuple[str, str]]
    malformed: list[int]
    blank: list[int]


def read_queries(path: Path) -> QueryFile:
    """The lines of ``path``, each ``KIND<TAB>QUERY``.

    Every line keeps its place, so that ``answers`` has one item per line of the file, in order; a
    blank line, a line without a tab and one with a second tab (``exact<TAB>Hypervisor<TAB>extra``) are
    not looked up (their answer is null) nor timed, and the last two are listed in ``malformed``.
    An empty query after the tab is looked up (the bot refuses it) and timed.
    """
    lines: list[tuple[str, str]] = []
    malformed: list[int] = []
    blank: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        kind, tab, query = line.partition("\t")
        if not line.strip():
            blank.append(number)
        elif not tab or not kind or "\t" in query:
            malformed.append(number)
        else:
            lines.append((kind, query))
            continue
        lines.append(("", line))
    return QueryFile(lines, malformed, blank)


def _summary(samples_ns: Sequence[int]) -> dict[str, Any]:
    """n, median and p99 (nearest rank) of wall-clock samples, in milliseconds."""
    ordered = sorted(samples_ns)
    if not ordered:
        return {"n": 0, "p50_ms": None, "p99_ms": None}
    p99 = ordered[min(len(ordered) - 1, max(0, -(-99 * len(ordered) // 100) - 1))]
    return {
        "n": len(ordered),
        "p50_ms": round(ordered[len(ordered) // 2] / 1e6, 4),
        "p99_ms": round(p99 / 1e6, 4),
    }


def _timed(
    fn: Callable[[str], str | None], queries: Sequence[tuple[str, str]], cpu: list[int] | None = None
) -> tuple[list[int], list[str | None]]:
    """Wall-clock ns and the answer per query; this thread's CPU ns too, into ``cpu`` when given."""
    times: list[int] = []
    answers: list[str | None] = []
    clock, thread_clock = time.perf_counter_ns, time.thread_time_ns
    for _kind, query in queries:
        start, start_cpu = clock(), thread_clock()
        answer = fn(query)
        end_cpu, end = thread_clock(), clock()
        times.append(end - start)
        if cpu is not None:
            cpu.append(end_cpu - start_cpu)
        answers.append(answer)
    return times, answers


def _grouped(kinds: Sequence[str], values: Sequence[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for kind, value in zip(kinds, values, strict=True):
        out.setdefault(kind, []).append(value)
    return out


def naive_finder(kb: KnowledgeBase) -> Callable[[str], str | None]:
    """The naive look-up: a rapidfuzz scan of every name, then of every definition."""
    names: list[str] = []
    owners: list[str] = []
    for entry in kb.entries:
        for name in entry.names:
            names.append(name)
            owners.append(entry.term)
    definitions = [e.definition for e in kb.entries]

    def find(query: str) -> str | None:
        best = process.extractOne(
            query, names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=85
        )
        if best is not None:
            return owners[best[2]]
        best = process.extractOne(
            query, definitions, scorer=fuzz.token_set_ratio, processor=utils.default_process, score_cutoff=70
        )
        return kb.entries[best[2]].term if best is not None else None

    return find


def _accuracy(
    kinds: Sequence[str], got: Sequence[str | None], expected: Sequence[str | None]
) -> dict[str, Any]:
    right = [g == e for g, e in zip(got, expected, strict=True)]
    out = {kind: round(sum(r) / len(r), 4) for kind, r in _grouped(kinds, right).items()}
    out["all"] = round(sum(right) / len(right), 4) if right else None
    return out


def measure(
    kb_path: Path, queries_path: Path, *, naive: int = 0, expected_path: Path | None = None
) -> dict[str, Any]:
    """Load, index, warm up and time every query; the report as described in the module docstring."""
    read = read_queries(queries_path)
    looked_up = [i for i, (kind, _q) in enumerate(read.lines) if kind]
    queries = [read.lines[i] for i in looked_up]
    expected: list[str | None] | None = None
    if expected_path is not None:
        every_line = json.loads(expected_path.read_text(encoding="utf-8"))
        if len(every_line) != len(read.lines):
            raise ValueError(
                f"{expected_path}: {len(every_line)} expected answers for {len(read.lines)} lines of queries"
            )
        expected = [every_line[i] for i in looked_up]
    me = psutil.Process()
    start = time.perf_counter()
    kb = load_knowledge([kb_path])
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    matcher = Matcher(kb)
    matcher.prepare()
    index_s = time.perf_counter() - start
    gc.collect()
    gc.freeze()  # as the bot does after start-up: the notes and the index are out of the collector's way

    def ours(query: str) -> str | None:
        result = matcher.lookup(query)
        return result.entry.term if isinstance(result, Answer) else None

    _timed(ours, queries)  # warm-up: every line once
    cpu: list[int] = []
    times, answers = _timed(ours, queries, cpu)
    kinds = [kind for kind, _q in queries]
    report: dict[str, Any] = {
        "terms": len(kb.entries),
        "load_s": round(load_s, 3),
        "index_s": round(index_s, 3),
        "rss_mb": round(me.memory_info().rss / 2**20, 1),
        # the kernel's high-water mark lags the current size by a page or so: never report it below that
        "peak_rss_mb": round(
            max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, me.memory_info().rss) / 2**20, 1
        ),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "by_kind": {kind: _summary(t) for kind, t in _grouped(kinds, times).items()},
        "all": _summary(times),
        "answers": _on_every_line(len(read.lines), looked_up, answers),
        "malformed_lines": read.malformed,
        "blank_lines": read.blank,
        # not a target: the CPU time of the same look-ups, to tell the matcher's cost from waiting for a
        # shared CPU (on a loaded machine the wall-clock tail is mostly the latter)
        "cpu_by_kind": {kind: _summary(t) for kind, t in _grouped(kinds, cpu).items()},
    }
    if expected is not None:
        report["accuracy"] = _accuracy(kinds, answers, expected)
    if naive:
        find = naive_finder(kb)
        picked: list[int] = []
        for indexes in _grouped(kinds, list(range(len(queries)))).values():
            picked.extend(indexes[:naive])
        picked.sort()
        sample = [queries[i] for i in picked]
        naive_times, naive_answers = _timed(find, sample)
        ours_times = [times[i] for i in picked]
        sample_kinds = [kinds[i] for i in picked]
        by_kind = {kind: _summary(t) for kind, t in _grouped(sample_kinds, naive_times).items()}
        ours_by_kind = {kind: _summary(t) for kind, t in _grouped(sample_kinds, ours_times).items()}
        naive_report: dict[str, Any] = {
            "by_kind": by_kind,
            "all": _summary(naive_times),
            "speedup_p99": {
                kind: round(by_kind[kind]["p99_ms"] / ours_by_kind[kind]["p99_ms"], 1)
                for kind in by_kind
                if ours_by_kind[kind]["p99_ms"]
            },
            "speedup_p50": {
                kind: round(by_kind[kind]["p50_ms"] / ours_by_kind[kind]["p50_ms"], 1)
                for kind in by_kind
                if ours_by_kind[kind]["p50_ms"]
            },
        }
        if expected is not None:
            naive_report["accuracy"] = _accuracy(sample_kinds, naive_answers, [expected[i] for i in picked])
            naive_report["ours_accuracy_same_lines"] = _accuracy(
                sample_kinds, [answers[i] for i in picked], [expected[i] for i in picked]
            )
        report["naive"] = naive_report
        report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return report


def _on_every_line(count: int, looked_up: Sequence[int], answers: Sequence[str | None]) -> list[str | None]:
    """The answers of the lines looked up, at their places among ``count`` lines (null elsewhere)."""
    out: list[str | None] = [None] * count
    for index, answer in zip(looked_up, answers, strict=True):
        out[index] = answer
    return out


def _numbers(lines: Sequence[int], shown: int = 20) -> str:
    """``3, 6, 9`` (the first ``shown`` of them, then how many more)."""
    more = f" and {len(lines) - shown} more" if len(lines) > shown else ""
    return ", ".join(str(n) for n in lines[:shown]) + more


def table(report: dict[str, Any]) -> str:
    """The report for reading: the load and index figures, then a row per kind (milliseconds)."""
    out = [
        f"{report['terms']:,} terms: loaded in {report['load_s']} s, indexed in {report['index_s']} s, "
        f"RSS {report['rss_mb']} MB (peak {report['peak_rss_mb']} MB), load average "
        + " ".join(str(x) for x in report["load_average"]),
        "",
    ]
    accuracy = report.get("accuracy", {})
    naive = report.get("naive", {}).get("by_kind", {})
    header = f"{'kind':<16} {'n':>7} {'p50 ms':>9} {'p99 ms':>9}"
    header += f" {'accuracy':>9}" if accuracy else ""
    header += f" {'naive p50':>10} {'naive p99':>10}" if naive else ""
    out.append(header)
    rows = [*report["by_kind"].items(), ("all", report["all"])]
    for kind, figures in rows:
        row = f"{kind:<16} {figures['n']:>7} {figures['p50_ms'] or 0:>9.3f} {figures['p99_ms'] or 0:>9.3f}"
        if accuracy:
            row += f" {accuracy[kind]:>9.1%}" if kind in accuracy else " " * 10
        if naive:
            slow = naive.get(kind) or (report["naive"]["all"] if kind == "all" else None)
            row += f" {slow['p50_ms']:>10.3f} {slow['p99_ms']:>10.3f}" if slow else ""
        out.append(row)
    answered = sum(answer is not None for answer in report["answers"])
    out.append("")
    out.append(f"{answered:,} of {len(report['answers']):,} lines answered (--json lists the answers)")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure (``--kb`` and ``--queries``) or write synthetic notes (``--make-kb``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lookup", description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=Path, help="the notes: a YAML file or a directory of them")
    parser.add_argument("--queries", type=Path, help="KIND<TAB>QUERY per line")
    parser.add_argument("--json", action="store_true", help="print the JSON object (default: a table)")
    parser.add_argument("--expected", type=Path, help="JSON list: the right term (or null) per line")
    parser.add_argument(
        "--naive", type=int, default=0, help="time the naive scan on the first N lines of each kind"
    )
    parser.add_argument("--make-kb", type=Path, help="write synthetic notes into this directory")
    parser.add_argument(
        "--terms", type=int, default=100_000, help="entries of --make-kb (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of --make-kb (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.make_kb is not None:
        args.make_kb.mkdir(parents=True, exist_ok=True)
        files = write_yaml(generate_entries(args.terms, random.Random(args.seed)), args.make_kb)
        print(f"wrote {args.terms:,} entries in {len(files)} files to {args.make_kb}", file=sys.stderr)
        return 0
    if args.kb is None or args.queries is None:
        parser.error("give --kb PATH and --queries FILE (or --make-kb DIR)")
    try:
        report = measure(args.kb, args.queries, naive=args.naive, expected_path=args.expected)
    except KnowledgeError as exc:  # the notes: every problem with its file and line, as `bot check` says them
        print(f"error: cannot load the notes at {args.kb}:", file=sys.stderr)
        for problem in exc.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # the queries or expected file
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if report["malformed_lines"]:
        lines = report["malformed_lines"]
        print(
            f"warning: {args.queries}: {plural(len(lines), 'line')} not KIND<TAB>QUERY, not looked up "
            f"(answered null): {'line' if len(lines) == 1 else 'lines'} {_numbers(lines)}",
            file=sys.stderr,
        )
    print(json.dumps(report) if args.json else table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
