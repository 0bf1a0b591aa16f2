"""``python -m bot ask QUESTION``: answer one question from the notes (or one per stdin line with ``-``).

Prints the term, definition, details and topic, or "Not in the notes." with up to three suggestions.
``--json`` prints one object per question::

    {"query": ..., "answer": {"term", "definition", "topic", "score"} | null,
     "suggestions": [{"term", "score"}, ...]}

Exit status 0 (also when nothing is found), 2 when the knowledge files cannot be loaded.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import DEFAULT_KNOWLEDGE_PATH, display_path, format_problem, load_knowledge
from bot.markup import plain_text, without_wiki_links
from bot.matching import Answer, Matcher, Result

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_KNOWLEDGE = 2


def add_kb_argument(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--kb PATH`` option (default: the bundled knowledge/ directory)."""
    parser.add_argument(
        "--kb",
        action="append",
        type=Path,
        metavar="PATH",
        help=f"knowledge file or directory, repeatable "
        f"(default: the bundled notes, {display_path(DEFAULT_KNOWLEDGE_PATH)})",
    )


def load_kb_or_report(paths: Sequence[Path] | None, stderr: TextIO | None = None) -> KnowledgeBase | None:
    """The knowledge base at ``paths``, or None after printing every problem to stderr."""
    err = stderr if stderr is not None else sys.stderr
    try:
        return load_knowledge(list(paths) if paths else [DEFAULT_KNOWLEDGE_PATH])
    except KnowledgeError as exc:
        _report(exc, err)
        return None


def _report(exc: KnowledgeError, err: TextIO) -> None:
    print("error: cannot load the knowledge base:", file=err)
    for problem in exc.problems:
        print(f"  {format_problem(problem)}", file=err)


def register(subparsers: Any) -> None:
    """Add the ``ask`` sub-command."""
    parser = subparsers.add_parser(
        "ask",
        help="answer a question from the notes",
        description="Answer a question (or a term, or a description) from the notes. "
        "Use - to read one question per line from stdin.",
        epilog="Exit status: 0 (also when the answer is not in the notes); 2 when the knowledge "
        "files cannot be loaded.",
    )
    parser.add_argument(
        "question", metavar="QUESTION", help='the question, e.g. "what is a hypervisor?", or -'
    )
    parser.add_argument("--json", action="store_true", help="print JSON (JSON Lines when reading stdin)")
    add_kb_argument(parser)
    parser.add_argument(
        "--index-cache",
        type=Path,
        metavar="DIR",
        help="read the notes and their indexes from this cache while the notes are unchanged, "
        "else build and cache them (as the bot does at start-up)",
    )
    parser.set_defaults(func=run)


def result_json(result: Result) -> dict[str, Any]:
    """The JSON object for one look-up result."""
    if isinstance(result, Answer):
        entry = result.entry
        shown: dict[str, Any] = {
            "term": entry.term,
            "definition": entry.definition,
            "topic": entry.topic.title,
            "score": result.score,
            "via": result.via,
        }
        if result.example:
            shown["example"] = result.example  # the question named this example of the entry
        if result.also:  # a comparison: the other entries asked about
            shown["also"] = [
                {"term": e.term, "definition": e.definition, "topic": e.topic.title} for e in result.also
            ]
        answer: dict[str, Any] | None = shown
        suggestions: list[dict[str, Any]] = []
    else:
        answer = None
        suggestions = [{"term": s.entry.term, "score": s.score} for s in result.suggestions]
    return {"query": result.query, "answer": answer, "suggestions": suggestions}


def not_found_text(result: Result) -> str:
    """ "Not in the notes." with the suggestions, if any."""
    if isinstance(result, Answer):
        return ""
    if not result.suggestions:
        return "Not in the notes."
    names = ", ".join(s.entry.term for s in result.suggestions)
    return f"Not in the notes. Did you mean: {names}?"


def result_text(result: Result) -> str:
    """A readable, multi-line answer: term, definition, details, examples, see also and topic."""
    if not isinstance(result, Answer):
        return not_found_text(result)
    lines = [result.lead] if result.lead else []
    for entry in result.entries:
        lines.append(f"{entry.term}: {without_wiki_links(entry.definition)}")
        lines += [f"  - {without_wiki_links(detail)}" for detail in entry.details]
        if entry.examples:
            lines.append(f"  Examples: {without_wiki_links(', '.join(entry.examples))}")
        if entry.see_also:
            lines.append(f"  See also: {', '.join(entry.see_also)}")
        lines.append(f"  Topic: {entry.topic.label}")
    return "\n".join(lines)


def result_line(result: Result) -> str:
    """A one-line answer for batch use: ``Term: definition`` or the not-found text."""
    if isinstance(result, Answer):
        said = " | ".join(f"{e.term}: {e.definition}" for e in result.entries)
        return f"{result.lead} {said}" if result.lead else said
    return not_found_text(result)


def run(args: argparse.Namespace) -> int:
    """Answer the question (or each stdin line) and return the exit code."""
    if args.index_cache is not None:
        from bot.index_cache import build_indexed

        try:
            matcher = build_indexed(args.kb or [DEFAULT_KNOWLEDGE_PATH], args.index_cache, deferred=True)[1]
        except KnowledgeError as exc:
            _report(exc, sys.stderr)
            return EXIT_KNOWLEDGE
    else:
        loaded = load_kb_or_report(args.kb)
        if loaded is None:
            return EXIT_KNOWLEDGE
        matcher = Matcher(loaded)
    if args.question != "-":
        result = matcher.lookup(plain_text(args.question))
        print(json.dumps(result_json(result), ensure_ascii=False) if args.json else result_text(result))
        return EXIT_OK
    for raw in sys.stdin:
        question = raw.rstrip("\r\n")
        if not question.strip():
            continue
        result = matcher.lookup(plain_text(question))
        print(
            json.dumps(result_json(result), ensure_ascii=False) if args.json else result_line(result),
            flush=True,
        )
    return EXIT_OK
