"""``python -m bot import NOTES.md [-o FILE.yaml] [--topic TITLE] [--merge | --force]``: notes to YAML.

Prints the knowledge file to stdout (or writes it to ``-o FILE``) and a one-line summary to stderr.
Bad input (missing, empty, binary or too large notes, no terms found) is one line on stderr and exit 2.
``-o`` never destroys anything by accident: it refuses the notes file itself, anything that is not a
regular file (a device, a directory, a socket) and names not ending in ``.yaml``/``.yml``; an existing
file is only added to (``--merge``) or replaced (``--force``) when asked. Every write is atomic.
"""

from __future__ import annotations

import argparse
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from bot.importer import (
    MAX_NOTES_BYTES,
    ImportResult,
    NotesError,
    decode_notes,
    import_file,
    import_notes,
)
from bot.importer.merge import merge_into_as_written
from bot.knowledge import KnowledgeError
from bot.loader import (
    DEFAULT_KNOWLEDGE_PATH,
    KNOWLEDGE_SUFFIXES,
    display_path,
    load_knowledge,
    normalize_name,
)
from bot.wording import plural

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
#: How the notes read from standard input (``bot import -``) are named in messages and the file's header.
STDIN_NAME = "stdin"


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
        "'# check:'; lines that fit nowhere are kept under 'unplaced:'. An existing -o FILE is never "
        "replaced unless --merge or --force is given.",
        epilog=f"Notes files are limited to {MAX_NOTES_BYTES // (1024 * 1024)} MB. "
        "Exit status: 0 on success; 2 for unreadable notes, notes without any term, or a usage error.",
    )
    parser.add_argument(
        "notes",
        type=Path,
        metavar="NOTES.md",
        help="the notes file: Markdown, .tsv/.txt (term<TAB>definition) or .csv with a header row; "
        "- reads the notes from standard input",
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
    replace = parser.add_mutually_exclusive_group()
    replace.add_argument(
        "--merge",
        action="store_true",
        help="add to the existing -o FILE instead of replacing it: new terms are appended, existing "
        "entries win, new aliases are added to them",
    )
    replace.add_argument("--force", action="store_true", help="replace an existing -o FILE with the import")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the notes named in ``args``; return the exit code."""
    output: Path | None = args.output
    try:
        if args.merge and output is None:
            raise NotesError("--merge needs -o FILE.yaml (the knowledge file to add to)")
        if args.force and output is None:
            raise NotesError("--force needs -o FILE.yaml (the knowledge file to replace)")
        from_stdin = str(args.notes) == "-"
        if output is not None:
            output = check_output(
                None if from_stdin else args.notes, output, merge=args.merge, force=args.force
            )
        if from_stdin:  # the Unix convention: `bot import - < notes.md`, `pbpaste | bot import -`
            data = sys.stdin.buffer.read(MAX_NOTES_BYTES + 1)
            text = decode_notes(data, STDIN_NAME)
            result = import_notes(text, notes_name=STDIN_NAME, title=args.topic)
        else:
            result = import_file(args.notes, title=args.topic)
        for reason in result.rejected:  # the rest was imported: a warning each, not an error
            print(f"warning: {reason} (moved to unplaced)", file=sys.stderr)
        if output is None:
            sys.stdout.write(result.text)
            sys.stdout.flush()
            print(result.summary(), file=sys.stderr)
            return EXIT_OK
        if args.merge and output.exists():
            existing = _read_target(output)
            if _nothing_yet(existing):  # an empty knowledge base: the import is its content
                kept = existing.removeprefix("\ufeff").rstrip()
                _write(output, f"{kept}\n{result.text}" if kept else result.text)
                print(f"{result.summary()} -> {output} (it was empty)", file=sys.stderr)
                return EXIT_OK
            merged = merge_into_as_written(existing, output, result)
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


def _nothing_yet(text: str) -> bool:
    """Whether a knowledge file has no YAML in it yet: blank, or only comments (a byte-order mark allowed)."""
    return all(
        not line.strip() or line.lstrip().startswith("#") for line in text.removeprefix("\ufeff").splitlines()
    )


def _read_target(output: Path) -> str:
    """The ``--merge`` target's whole text as written (byte-order mark and CRLF kept); ``NotesError``,
    worded as ``bot check`` words it, when it cannot be read or is not UTF-8."""
    try:
        data = output.read_bytes()
    except OSError as exc:
        raise NotesError(
            f"{output}: cannot read the file: {exc.strerror or exc}; nothing was changed"
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotesError(
            f"{output}:{line}: the file is not UTF-8 text; save it as UTF-8 (nothing was changed)"
        ) from None


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


def check_output(notes: Path | None, output: Path, *, merge: bool, force: bool) -> Path:
    """The file ``-o`` may write (a symlink resolved to its target), or ``NotesError`` saying why not.

    Refused: a name not ending in ``.yaml``/``.yml``; the notes file itself (also through a link; ``notes``
    is None for notes read from standard input);
    anything existing that is not a regular file (``/dev/null``, a directory, a FIFO); an existing file
    without ``merge`` or ``force``.
    """
    try:
        info: os.stat_result | None = output.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a symlink loop, a path through a file, no permission
        raise NotesError(f"cannot write {output}: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise NotesError(
            f"{output} is a directory; give the knowledge file to write, e.g. {output}/notes.yaml"
        )
    if output.suffix.lower() not in KNOWLEDGE_SUFFIXES:
        raise NotesError(
            f"{output}: a knowledge file must end in .yaml or .yml (nothing was written); "
            f"e.g. -o {output.with_suffix('.yaml').name}"
        )
    if info is None:
        return output
    if not stat.S_ISREG(info.st_mode):
        raise NotesError(f"{output} is not a regular file (a device, socket or pipe); nothing was written")
    try:
        same = notes is not None and os.path.samefile(notes, output)
    except OSError:
        same = False
    if same:
        raise NotesError(f"{output} is the notes file being imported; write the knowledge file elsewhere")
    if not merge and not force:
        raise NotesError(
            f"{output} already exists; add --merge to add the new terms to it, "
            "or --force to replace it (nothing was written)"
        )
    return Path(os.path.realpath(output))


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a half-written knowledge file never exists).

    The text goes to a temporary file in the same directory, which then replaces ``path`` in one
    rename; a replaced file keeps its permission bits, a new one gets the usual ones (umask).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise NotesError(f"cannot write {path}: {exc.strerror or exc}") from None
    log.info("wrote %s", path)
