"""``python -m bot import NOTES.md [-o FILE.yaml] [--topic TITLE] [--merge]``: Markdown notes to YAML.

Prints the knowledge file to stdout (or writes it to ``-o FILE``) and a one-line summary to stderr.
Bad input (missing, empty, binary or too large notes, no terms found) is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bot.importer import MAX_NOTES_BYTES, ImportResult, NotesError, import_file
from bot.importer.merge import merge_into
from bot.knowledge import KnowledgeError
from bot.loader import DEFAULT_KNOWLEDGE_PATH, display_path, load_knowledge, normalize_name
from bot.wording import plural

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    """Add the ``import`` sub-command (the module is ``importer`` because ``import`` is a keyword)."""
    parser = subparsers.add_parser(
        "import",
        help="turn Markdown notes (or Quizlet/Anki/CSV flash cards) into a knowledge file to polish",
        description="Read Markdown study notes, a Quizlet or Anki text export (term<TAB>definition lines) "
        "or a CSV file with a header row (term, definition, optional aliases and examples) and write a "
        "knowledge YAML file. In Markdown, headings become the topic "
        "and subjects, 'Definition:' lines, 'Term - explanation' lines and bullets, a term line followed "
        "by its explanation, '(OBJ 2.2)' tags, lists of details and examples. Guesses are marked "
        "'# check:'; lines that fit nowhere are kept under 'unplaced:'.",
        epilog=f"Notes files are limited to {MAX_NOTES_BYTES // (1024 * 1024)} MB. "
        "Exit status: 0 on success; 2 for unreadable notes, notes without any term, or a usage error.",
    )
    parser.add_argument(
        "notes",
        type=Path,
        metavar="NOTES.md",
        help="the notes file: Markdown, .tsv/.txt (term<TAB>definition) or .csv with a header row",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE.yaml",
        help="write the knowledge file here (default: stdout)",
    )
    parser.add_argument(
        "--topic", metavar="TITLE", help="the topic's title (default: the notes' main heading)"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="add to the existing -o FILE instead of replacing it: new terms are appended, existing "
        "entries win, new aliases are added to them",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the notes named in ``args``; return the exit code."""
    output: Path | None = args.output
    try:
        if args.merge and output is None:
            raise NotesError("--merge needs -o FILE.yaml (the knowledge file to add to)")
        if output is not None and output.is_dir():
            raise NotesError(
                f"{output} is a directory; give the knowledge file to write, e.g. {output}/notes.yaml"
            )
        result = import_file(args.notes, title=args.topic)
        if output is None:
            sys.stdout.write(result.text)
            sys.stdout.flush()
            print(result.summary(), file=sys.stderr)
            return EXIT_OK
        if args.merge and output.exists():
            try:
                existing = output.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise NotesError(f"cannot read {output}: {exc}") from None
            merged = merge_into(existing, output, result)
            if merged.changed:
                _write(output, merged.text)
            print(result.summary(), file=sys.stderr)
            print(merged.summary(str(output)), file=sys.stderr)
            return EXIT_OK
        clashes = _clashes_with_knowledge(output, result)
        _write(output, result.text)
        print(f"{result.summary()} -> {output}", file=sys.stderr)
        if clashes:
            files = sorted({file for _, file in clashes})
            shown = ", ".join(name for name, _ in clashes[:5]) + (", ..." if len(clashes) > 5 else "")
            print(
                f"warning: {plural(len(clashes), 'name')} {'is' if len(clashes) == 1 else 'are'} already in "
                f"{', '.join(files)} ({shown}); "
                f"`python -m bot check` will report them: polish them away, or import with "
                f"--merge -o {files[0]} instead",
                file=sys.stderr,
            )
        return EXIT_OK
    except NotesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _clashes_with_knowledge(output: Path, result: ImportResult) -> list[tuple[str, str]]:
    """Imported names that other files of the bundled knowledge base already use, with those files."""
    try:
        output.resolve().relative_to(DEFAULT_KNOWLEDGE_PATH.resolve())
    except (ValueError, OSError):
        return []
    try:
        kb = load_knowledge([DEFAULT_KNOWLEDGE_PATH])
    except KnowledgeError:
        return []  # `check` reports those problems itself
    target = output.resolve()
    claimed = {
        normalize_name(name): display_path(entry.topic.path)
        for entry in kb.entries
        if entry.topic.path.resolve() != target
        for name in entry.names
    }
    return [
        (name, claimed[normalize_name(name)])
        for entry in result.draft.entries
        for name in entry.names()
        if normalize_name(name) in claimed
    ]


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a half-written knowledge file never exists)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise NotesError(f"cannot write {path}: {exc.strerror or exc}") from None
    log.info("wrote %s", path)
