"""An uploaded notes file as a preview: entries, first terms, every problem as ``file:line: message``.

Accepted: Markdown (``.md``, ``.markdown``, ``.txt``) and CSV/TSV flash cards (``.csv``, ``.tsv``) through
the importer (``bot.importer``, the same code as ``python -m bot import``), and the knowledge YAML
(``.yaml``, ``.yml``) through the loader (the same checks as ``python -m bot check``). Nothing here
stores anything: the preview carries the topic as the JSON body the database keeps once confirmed.

Limits come first: a file over ``NotesLimits.max_file_bytes`` is refused by its declared size before
it is downloaded (:func:`check_size`), and again by its real size before it is decoded.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import UserError
from bot.knowledge import Entry, KnowledgeError, Topic
from bot.loader import KNOWLEDGE_SUFFIXES, load_knowledge_text, normalize_name
from bot.notes.topics import topic_body, topic_key, topic_path

log = logging.getLogger(__name__)

#: File endings read by the importer (Markdown notes, flash-card exports).
IMPORTED_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt", ".csv", ".tsv")
#: Every file ending an upload may have.
UPLOAD_SUFFIXES: tuple[str, ...] = (*IMPORTED_SUFFIXES, *KNOWLEDGE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class NotesLimits:
    """Per-server limits: bytes per uploaded file, entries of a server's own topics together."""

    max_file_bytes: int = 2 * 1024 * 1024
    max_entries: int = 5000


class UploadRefused(UserError):
    """An upload refused as a whole (too big, wrong kind, not text); the message is for the user."""

    @property
    def user_message(self) -> str:
        """What the uploader reads."""
        return str(self)


@dataclass(frozen=True, slots=True)
class UploadPreview:
    """What an upload would store: one topic, its entries, and what is wrong or was left out.

    ``problems`` block the upload (nothing can be confirmed); ``warnings`` do not (lines the importer
    could not place, names the shared notes also have).
    """

    filename: str
    title: str
    key: str
    entries: tuple[Entry, ...]
    body: str
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    replaces: bool = False
    total_entries: int = 0

    @property
    def ok(self) -> bool:
        """Whether it may be confirmed."""
        return not self.problems and bool(self.entries)

    def first_terms(self, count: int = 5) -> list[str]:
        """The first ``count`` terms, in file order."""
        return [e.term for e in self.entries[:count]]


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size / 1024:.0f} KB"


def check_size(filename: str, size: int, limits: NotesLimits) -> None:
    """Refuse a file by its declared ``size`` in bytes or its name, before anything is read."""
    suffix = Path(filename).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise UploadRefused(
            f"{filename}: I can read Markdown (.md, .markdown, .txt), flash cards (.csv, .tsv) "
            "and knowledge files (.yaml, .yml); nothing was changed."
        )
    if size > limits.max_file_bytes:
        raise UploadRefused(
            f"{filename} is {_mb(size)}; uploads are limited to {_mb(limits.max_file_bytes)} "
            "(split the notes into one file per topic); nothing was changed."
        )


def _decode(filename: str, data: bytes, limits: NotesLimits) -> str:
    check_size(filename, len(data), limits)
    if b"\x00" in data:
        raise UploadRefused(f"{filename} is binary data, not text; nothing was changed.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UploadRefused(f"{filename}:{line}: not UTF-8 text; save the file as UTF-8.") from None
    if not text.strip():
        raise UploadRefused(f"{filename} is empty; nothing was changed.")
    return text


def _located(filename: str, line: int | None, message: str) -> str:
    return f"{filename}:{line}: {message}" if line else f"{filename}: {message}"


def _clashes(
    filename: str,
    entries: Sequence[Entry],
    lines: Mapping[str, int],
    own: Mapping[str, Entry],
    shared: Mapping[str, Entry],
) -> tuple[list[str], list[str]]:
    """Names another of the server's topics has (problems) or the shared notes have (warnings)."""
    problems: list[str] = []
    warnings: list[str] = []
    for entry in entries:
        for name in entry.names:
            norm = normalize_name(name)
            line = lines.get(entry.term)
            if norm in own:
                other = own[norm]
                problems.append(
                    _located(
                        filename,
                        line,
                        f"'{name}' is already in this server's topic '{other.topic.title}' "
                        f"(as '{other.term}'); remove it from one of them",
                    )
                )
            elif norm in shared:
                other = shared[norm]
                warnings.append(
                    _located(
                        filename,
                        line,
                        f"'{name}' is also in the shared notes ('{other.term}', {other.topic.title}); "
                        "this server's entry is used",
                    )
                )
    return problems, warnings


def preview_upload(
    filename: str,
    data: bytes,
    *,
    limits: NotesLimits,
    own_entries: Sequence[Entry] = (),
    shared_entries: Sequence[Entry] = (),
) -> UploadPreview:
    """Read an uploaded file as one topic; ``UploadRefused`` for a file that cannot be read at all.

    ``own_entries`` are the server's current topics' entries (a topic with the same title is being
    replaced and does not count), ``shared_entries`` the shared notes it sees. Problems in the file
    are returned in the preview, not raised.
    """
    filename = " ".join(Path(filename).name.split()) or "notes.md"
    text = _decode(filename, data, limits)
    suffix = Path(filename).suffix.lower()
    warnings: list[str] = []
    notes_lines: dict[str, int] = {}
    notes_title = ""
    if suffix in KNOWLEDGE_SUFFIXES:
        yaml_text = text
    else:
        from bot.importer import NotesError, import_notes  # over a hundred patterns: only for Markdown

        try:
            result = import_notes(text, notes_name=filename)
        except NotesError as exc:
            return _refused(filename, str(exc))
        yaml_text = result.text
        notes_title = result.draft.title
        notes_lines = {d.term: d.line for d in result.draft.entries}
        warnings.extend(
            _located(filename, line, f"not imported: {what[:150]}") for line, what in result.draft.unplaced
        )
    try:
        kb = load_knowledge_text(yaml_text, Path(filename))
    except KnowledgeError as exc:
        return _refused(filename, *(_located(filename, p.line, _message(p)) for p in exc.problems))
    if not kb.topics or not kb.entries:
        return _refused(filename, "no entries to store")
    topic = kb.topics[0]
    if len(kb.topics) > 1:
        # a server keeps one topic per uploaded file: the file's topics become one, named after the
        # notes (or the first topic of a knowledge file), the others' titles its tags
        title = notes_title or topic.title
        tags = tuple(dict.fromkeys(t for each in kb.topics for t in (each.title, *each.tags) if t != title))
        topic = Topic(title, topic.path, topic.objective, topic.source, tags)
        warnings.append(
            f"{filename}: its {len(kb.topics)} topics are stored as one topic, '{title}' "
            "(a server keeps one topic per file); the other titles are its tags"
        )
    key = topic_key(topic.title)
    stored_topic = Topic(topic.title, topic_path(key), topic.objective, topic.source, topic.tags)
    entries = tuple(kb.entries)
    if suffix in KNOWLEDGE_SUFFIXES:
        notes_lines = {e.term: e.line for e in entries if e.line is not None}
    others = [e for e in own_entries if topic_key(e.topic.title) != key]
    own_names = {normalize_name(n): e for e in others for n in e.names}
    shared_names = {normalize_name(n): e for e in shared_entries for n in e.names}
    problems, clash_warnings = _clashes(filename, entries, notes_lines, own_names, shared_names)
    warnings.extend(clash_warnings)
    total = len(others) + len(entries)
    if total > limits.max_entries:
        problems.append(
            f"{filename}: this server's notes would have {total} entries; the limit is "
            f"{limits.max_entries} (remove a topic with /notes remove first)"
        )
    body = topic_body(stored_topic, entries)
    return UploadPreview(
        filename=filename,
        title=topic.title,
        key=key,
        entries=entries,
        body=body,
        problems=tuple(problems),
        warnings=tuple(warnings),
        replaces=len(others) != len(own_entries),
        total_entries=total,
    )


def _message(problem: object) -> str:
    key = getattr(problem, "key", None)
    message = str(getattr(problem, "message", problem))
    return f"{key}: {message}" if key else message


def _refused(filename: str, *problems: str) -> UploadPreview:
    return UploadPreview(
        filename=filename, title="", key="", entries=(), body="", problems=tuple(problems) or ("unreadable",)
    )
