"""``python -m bot export --format yaml|anki|csv [-o FILE] [--topic TITLE] [--kb PATH]``: notes out.

Anki writes one ``.apkg`` deck (stable ids: importing a newer export updates the notes), CSV one file
with a header row, YAML one knowledge file per topic (into the ``-o`` directory when there are several).
A missing or broken knowledge path is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.knowledge import Entry, KnowledgeError, Topic
from bot.loader import DEFAULT_KNOWLEDGE_PATH, display_path, format_problem, load_knowledge
from bot.notes.export import FORMATS, SUFFIXES, export_files
from bot.notes.topics import topic_key

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    """Add the ``export`` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="export the notes as an Anki deck, CSV or knowledge YAML",
        description="Export the shared notes (the knowledge/ files, or --kb PATH): an Anki deck (.apkg, one "
        "note per entry, the term on the front; re-importing a newer export updates the cards), a CSV file "
        "(term, definition, aliases, examples, topic) or knowledge YAML (one file per topic).",
        epilog="Exit status: 0 on success; 2 for unreadable notes, an unknown topic or an unwritable file.",
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="yaml, anki or csv")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write (default: a file named after the deck in the working directory; for YAML "
        "with several topics, a directory)",
    )
    parser.add_argument("--topic", metavar="TITLE", help="export only this topic")
    parser.add_argument(
        "--kb",
        action="append",
        type=Path,
        metavar="PATH",
        help=f"knowledge files or directories "
        f"(default: the bundled notes, {display_path(DEFAULT_KNOWLEDGE_PATH)})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export the notes named in ``args``; return the exit code."""
    try:
        kb = load_knowledge(args.kb or [DEFAULT_KNOWLEDGE_PATH])
    except KnowledgeError as exc:
        print(f"error: {format_problem(exc.problems[0])}", file=sys.stderr)
        return EXIT_BAD_INPUT
    grouped: dict[Topic, list[Entry]] = {t: [] for t in kb.topics}
    for entry in kb.entries:
        grouped.setdefault(entry.topic, []).append(entry)
    topics = [(t, es) for t, es in grouped.items() if es]
    if args.topic:
        topics = [(t, es) for t, es in topics if topic_key(t.title) == topic_key(args.topic)]
        if not topics:
            titles = ", ".join(t.title for t in kb.topics)
            print(f"error: no topic called {args.topic!r}; the topics are: {titles}", file=sys.stderr)
            return EXIT_BAD_INPUT
    if not topics:
        print("error: there are no notes to export", file=sys.stderr)
        return EXIT_BAD_INPUT
    deck = topics[0][0].title if len(topics) == 1 else "Study notes"
    files = export_files(args.format, topics, deck)
    output: Path | None = args.output
    try:
        as_directory = output is None or output.is_dir()
        if args.format == "yaml" and output is not None:
            as_directory = output.suffix.lower() not in (".yaml", ".yml")
        if len(files) == 1:
            target = (output or Path()) / files[0][0] if as_directory else output
            assert target is not None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[0][1])
            written = [target]
        else:
            directory = output or Path()
            if directory.suffix.lower() == SUFFIXES["yaml"]:
                print(
                    f"error: {len(files)} topics give {len(files)} YAML files; give a directory as -o, "
                    "or one --topic",
                    file=sys.stderr,
                )
                return EXIT_BAD_INPUT
            directory.mkdir(parents=True, exist_ok=True)
            written = []
            for name, data in files:
                (directory / name).write_bytes(data)
                written.append(directory / name)
    except OSError as exc:
        print(f"error: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    entries = sum(len(es) for _, es in topics)
    where = ", ".join(display_path(p) for p in written)
    kinds = "topic" if len(topics) == 1 else "topics"
    counted = f"{entries} {'entry' if entries == 1 else 'entries'} of {len(topics)} {kinds}"
    print(f"exported {counted} as {args.format} -> {where}", file=sys.stderr)
    return EXIT_OK
