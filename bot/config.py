"""Settings: a YAML file (``config.yaml``) overridden by ``STUDYBOT_<SECTION>_<KEY>`` environment variables.

Every value is validated here; a bad one raises :class:`ConfigError` whose message is one line naming the
key and what is wrong. The bot token comes from ``DISCORD_TOKEN`` (or ``discord.token`` in a git-ignored
``config.yaml``) and never appears in a repr or an error message; neither does any token-shaped text,
wherever it was pasted (a value, a key, a variable's name).

Any file is read in bounded time and memory: at most ``MAX_CONFIG_BYTES``, UTF-8, no YAML anchors or
aliases (a few hundred bytes of aliases expand to gigabytes), nesting at most ``MAX_DEPTH`` deep, text
values of at most ``MAX_VALUE_CHARS``; each refusal is one line naming the key.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.quiz.settings import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    MAX_QUESTIONS,
    MAX_SECONDS,
    MIN_QUESTIONS,
    MIN_SECONDS,
    QuizMode,
)

log = logging.getLogger(__name__)

_BaseSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The file read when no path is given, relative to the working directory.
DEFAULT_CONFIG_PATH = Path("config.yaml")
#: Environment variables that override file values start with this.
ENV_PREFIX = "STUDYBOT_"
#: The environment variable holding the bot token.
TOKEN_ENV = "DISCORD_TOKEN"  # noqa: S105 - a variable name, not a secret

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
QUIZ_MODES = tuple(mode.value for mode in QuizMode)


#: Largest config file read, in bytes (the example is about 3 KB).
MAX_CONFIG_BYTES = 1024 * 1024
#: Deepest nesting of lists and mappings accepted (sections hold keys that hold lists).
MAX_DEPTH = 8
#: Longest text value accepted, in characters (a token is about 72, a URL or path a few hundred).
MAX_VALUE_CHARS = 4096

#: A Discord bot token (id . timestamp . HMAC) pasted into the wrong place must not be echoed either.
#: Matches start only where a run of word characters starts, and never backtrack (possessive), so
#: a megabyte of letters is scanned once, not once per position.
_TOKEN_SHAPE = re.compile(r"(?<![\w-])[\w-]{20,}+\.[\w-]{5,}+\.[\w-]{20,}+")
_HIDDEN = "<token-shaped text hidden>"
#: In an environment variable's *name* a token may have had its dots turned into underscores: no
#: setting's variable has a part of 20 letters or digits, so such a run (and all after it) is hidden.
_SECRET_RUN = re.compile(r"[A-Za-z0-9-]{20,}.*", re.DOTALL)


def hide_tokens(text: str) -> str:
    """``text`` with every token-shaped part replaced by a placeholder."""
    return _TOKEN_SHAPE.sub(_HIDDEN, text)


class ConfigError(Exception):
    """A missing or invalid setting; the message is one line naming the key (token-shaped text hidden)."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(hide_tokens(message).splitlines()))


@dataclass(frozen=True, slots=True)
class KnowledgeSettings:
    """Where the notes are: YAML files or directories searched recursively."""

    paths: tuple[str, ...] = ("knowledge",)
    #: Directory of the index cache (``bot.index_cache``), "" for none.
    index_cache: str = "data/index-cache"


@dataclass(frozen=True, slots=True)
class DatabaseSettings:
    """The SQLAlchemy async database URL."""

    url: str = "sqlite+aiosqlite:///data/studybot.db"


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    """How the bot connects to Discord; the token is kept out of the repr."""

    token: str | None = field(default=None, repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    gateway_url: str = DEFAULT_GATEWAY_URL
    sync: str | tuple[int, ...] = "global"
    message_content: bool = True
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    #: how long logging in (the first HTTP call to the API) may take before ``bot run`` gives up
    login_timeout_seconds: float = 30.0

    @property
    def sharded(self) -> bool:
        """Whether shard settings were given (the bot then runs as an AutoShardedBot)."""
        return self.shard_count is not None or self.shard_ids is not None


@dataclass(frozen=True, slots=True)
class LookupSettings:
    """Per-member cooldown on look-ups: at most ``cooldown_rate`` in ``cooldown_seconds``."""

    cooldown_rate: int = 5
    cooldown_seconds: float = 30.0


@dataclass(frozen=True, slots=True)
class QuizSettings:
    """Defaults for quizzes."""

    questions: int = DEFAULT_QUESTIONS
    seconds: int = DEFAULT_SECONDS
    mode: str = QuizMode.MIXED.value
    start_cooldown_seconds: int = 60
    pause_seconds: int = 3


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """Scheduled quizzes: how late a missed run may still start, and an optional reminder."""

    grace_minutes: int = 10
    reminder_minutes: int = 0


@dataclass(frozen=True, slots=True)
class NotesSettings:
    """Each server's own notes: upload and entry limits, the matcher cache budget, cross-process refresh."""

    max_file_bytes: int = 2 * 1024 * 1024
    max_entries: int = 5000
    cache_mb: int = 256
    refresh_seconds: float = 2.0
    confirm_minutes: int = 15


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot is configured with."""

    knowledge: KnowledgeSettings = field(default_factory=KnowledgeSettings)
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    study_channels: tuple[int, ...] = ()
    lookup: LookupSettings = field(default_factory=LookupSettings)
    quiz: QuizSettings = field(default_factory=QuizSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    notes: NotesSettings = field(default_factory=NotesSettings)
    log_level: str = "INFO"
    source: Path | None = field(default=None, compare=False)


# --- value parsers: each takes the raw value and returns the typed one or raises _Invalid -------------


class _Invalid(Exception):
    """A value failed validation; the message says what was expected."""


Parser = Callable[[Any], Any]


def _shown(value: Any) -> str:
    """The raw value for an error message, kept short (token-shaped text is not shown)."""
    text = repr(value)
    if _TOKEN_SHAPE.search(text):
        return "a token-shaped value (not shown)"
    if len(text) <= 60:
        return text
    if isinstance(value, str):
        return repr(value[:50]) + "..."  # the quote stays closed
    return text[:57] + "..."


def _name(key: Any) -> str:
    """A key or variable name as written, for a message: one short line (token-shaped text hidden)."""
    text = hide_tokens(str(key))
    if text.isprintable() and len(text) <= 60:
        return text
    return _shown(text)


def _integer(low: int, high: int) -> Parser:
    def parse(value: Any) -> int:
        expected = f"must be an integer from {low} to {high}, got {_shown(value)}"
        if isinstance(value, bool):
            raise _Invalid(expected)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,30}\s*", value):
            value = int(value)
        if not isinstance(value, int) or not low <= value <= high:
            raise _Invalid(expected)
        return value

    return parse


def _number(low: float, high: float) -> Parser:
    def parse(value: Any) -> float:
        expected = f"must be a number from {low:g} to {high:g}, got {_shown(value)}"
        if isinstance(value, bool):
            raise _Invalid(expected)
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise _Invalid(expected) from None
        if not isinstance(value, int | float) or not low <= value <= high:
            raise _Invalid(expected)
        return float(value)

    return parse


def _optional(parse: Parser) -> Parser:
    def parse_optional(value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
            return None
        return parse(value)

    return parse_optional


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise _Invalid(f"must be true or false, got {_shown(value)}")


def _choice(options: tuple[str, ...], *, upper: bool = False) -> Parser:
    def parse(value: Any) -> str:
        if isinstance(value, str):
            text = value.strip().upper() if upper else value.strip().lower()
            if text in options:
                return text
        raise _Invalid(f"must be one of {', '.join(options)}, got {_shown(value)}")

    return parse


def _as_list(value: Any) -> list[Any]:
    """A YAML list as is; an environment string split on commas."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return list(value)
    raise _Invalid(f"must be a list, got {_shown(value)}")


def _snowflake(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**64:
        raise _Invalid(f"must be a Discord id (a number), got {_shown(value)}")
    return value


def _snowflakes(value: Any) -> tuple[int, ...]:
    if value is None:
        return ()
    return tuple(_snowflake(item) for item in _as_list(value))


def _paths(value: Any) -> tuple[str, ...]:
    items = _as_list(value)
    if not items:
        raise _Invalid("must list at least one file or directory")
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise _Invalid(f"must be a list of paths, got {_shown(item)}")
    return tuple(item.strip() for item in items)


def _directory_or_none(value: Any) -> str:
    if value is None or value is False:
        return ""
    if not isinstance(value, str) or "\0" in value:
        raise _Invalid(f'must be a directory path or "" for none, got {_shown(value)}')
    return value.strip()


def _url(schemes: tuple[str, ...]) -> Parser:
    def parse(value: Any) -> str:
        expected = f"must be a {' or '.join(schemes)} URL, got {_shown(value)}"
        if not isinstance(value, str):
            raise _Invalid(expected)
        parts = urlsplit(value.strip())
        if parts.scheme not in schemes or not parts.netloc:
            raise _Invalid(expected)
        try:
            port = parts.port  # ValueError when out of range or not a number
        except ValueError:
            port = -1
        if not parts.hostname or port == -1 or port == 0:
            raise _Invalid(f"{expected} (bad host or port)")
        return value.strip().rstrip("/")

    return parse


def _database_url(value: Any) -> str:
    expected = (
        "must be a database URL such as sqlite+aiosqlite:///data/studybot.db "
        f"or postgresql+asyncpg://user@host/db, got {_shown(value)}"
    )
    if not isinstance(value, str) or not re.match(r"(sqlite|postgresql)(\+\w+)?://", value.strip()):
        raise _Invalid(expected)
    return value.strip()


def _sync(value: Any) -> str | tuple[int, ...]:
    if isinstance(value, str) and value.strip().lower() == "global":
        return "global"
    try:
        ids = _snowflakes(value)
    except _Invalid:
        raise _Invalid(f'must be "global" or a list of guild ids, got {_shown(value)}') from None
    if not ids:
        raise _Invalid('must be "global" or a non-empty list of guild ids')
    return ids


def _token(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid("must be a string (value not shown)")
    token = value.strip()
    if token.lower().startswith("bot "):
        raise _Invalid('must be the bare token, without the "Bot " prefix (value not shown)')
    if any(ch.isspace() for ch in token):
        raise _Invalid("must not contain spaces (value not shown)")
    return token or None


def _log_level(value: Any) -> str:
    return str(_choice(LOG_LEVELS, upper=True)(value))


#: section -> key -> parser; the section "" holds top-level keys.
SCHEMA: dict[str, dict[str, Parser]] = {
    "knowledge": {"paths": _paths, "index_cache": _directory_or_none},
    "database": {"url": _database_url},
    "discord": {
        "token": _token,
        "api_base_url": _url(("https", "http")),
        "gateway_url": _url(("wss", "ws")),
        "sync": _sync,
        "message_content": _boolean,
        "shard_count": _optional(_integer(1, 10_000)),
        "shard_ids": _optional(lambda v: tuple(_integer(0, 9_999)(i) for i in _as_list(v))),
        "login_timeout_seconds": _number(1, 600),
    },
    "lookup": {"cooldown_rate": _integer(1, 1000), "cooldown_seconds": _number(0, 86_400)},
    "quiz": {
        "questions": _integer(MIN_QUESTIONS, MAX_QUESTIONS),
        "seconds": _integer(MIN_SECONDS, MAX_SECONDS),
        "mode": _choice(QUIZ_MODES),
        "start_cooldown_seconds": _integer(0, 86_400),
        "pause_seconds": _integer(0, 60),
    },
    "schedule": {"grace_minutes": _integer(0, 1440), "reminder_minutes": _integer(0, 10_080)},
    "notes": {
        "max_file_bytes": _integer(1024, 100 * 1024 * 1024),
        "max_entries": _integer(1, 1_000_000),
        "cache_mb": _integer(1, 1_000_000),
        "refresh_seconds": _number(0.1, 3600),
        "confirm_minutes": _integer(1, 1440),
    },
    "": {"study_channels": _snowflakes, "log_level": _log_level},
}


def _dotted(section: str, key: str) -> str:
    return f"{section}.{key}" if section else key


def _all_keys() -> list[str]:
    return [_dotted(s, k) for s, keys in SCHEMA.items() for k in keys] + [s for s in SCHEMA if s]


def _did_you_mean(name: str, candidates: list[str]) -> str:
    if len(name) > 100:  # no key is that long, and difflib's time grows with the product of lengths
        return ""
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _ConfigLoader(_BaseSafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader; a number or date YAML cannot build (5,000 digits, 2024-02-30) stays text.

    The validators then name the key and say what was expected, instead of a ``ValueError``.
    """

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        """An int, or the text when it has too many digits for Python."""
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return str(node.value)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date or datetime, or the text when it is no real date."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return str(node.value)


_ConfigLoader.add_constructor("tag:yaml.org,2002:int", _ConfigLoader.construct_yaml_int)
_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", _ConfigLoader.construct_yaml_timestamp)


def _events(text: str) -> Iterator[tuple[yaml.Event, str, bool]]:
    """The YAML events of ``text``, each with the dotted key it belongs to (``quiz.seconds``, or "") and
    whether it is a mapping's key."""
    # each open collection: [is_mapping, its current key, whether a key comes next]
    stack: list[list[Any]] = []

    def where() -> str:
        return ".".join(str(frame[1]) for frame in stack if frame[0] and frame[1] is not None)

    def value_done() -> None:
        if stack and stack[-1][0]:
            frame = stack[-1]
            frame[2] = not frame[2]
            if frame[2]:
                frame[1] = None

    for event in yaml.parse(text, Loader=_BaseSafeLoader):
        if isinstance(event, yaml.ScalarEvent):
            top = stack[-1] if stack else None
            is_key = bool(top is not None and top[0] and top[2])
            if top is not None and is_key:
                top[1] = _name(event.value)
            yield event, where(), is_key
            value_done()
        elif isinstance(event, yaml.AliasEvent):
            yield event, where(), False
            value_done()
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            yield event, where(), False
            stack.append([isinstance(event, yaml.MappingStartEvent), None, True])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()
            yield event, where(), False
            value_done()
        else:
            yield event, where(), False


def _check_events(path: Path, text: str) -> None:
    """Refuse anchors, aliases, repeated keys and deep nesting before anything is built, naming the key.

    A key given twice in one mapping is refused rather than letting the second silently win: the
    first is usually the one the owner edits and then wonders why nothing changed.
    """
    depth = 0
    seen: list[dict[str, int]] = []  # per open mapping: key -> its line (1-based)
    for event, key, is_key in _events(text):
        mark = event.start_mark
        line = mark.line + 1 if mark is not None else 0
        where = f"{path}:{line}" if mark is not None else str(path)
        named = f"{where}: {key}" if key else where
        if is_key and seen and isinstance(event, yaml.ScalarEvent):
            first = seen[-1].setdefault(str(event.value), line)
            if first != line:
                raise ConfigError(f"{named}: given twice (first on line {first}); keep one")
        if isinstance(event, yaml.AliasEvent):
            raise ConfigError(
                f"{named}: YAML aliases (*{_name(event.anchor)}) are not supported in the config; "
                "write the value out"
            )
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise ConfigError(
                f"{named}: YAML anchors (&{_name(anchor)}) are not supported in the config; "
                "write the value out"
            )
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(f"{named}: nested too deeply (at most {MAX_DEPTH} levels)")
            if isinstance(event, yaml.MappingStartEvent):
                seen.append({})
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
            if isinstance(event, yaml.MappingEndEvent):
                seen.pop()


def _key_at(text: str, index: int) -> str:
    """The dotted key of the text holding character ``index`` of ``text`` (a key or its value), or ""
    when no key or value holds it (a comment, a blank)."""
    try:
        for event, key, _ in _events(text):
            start, end = event.start_mark, event.end_mark
            if start is None or end is None:
                continue
            if start.index > index:
                break
            if isinstance(event, yaml.ScalarEvent) and key and start.index <= index < end.index:
                return key
    except yaml.YAMLError:
        pass
    return ""


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path`` (a regular file of at most ``MAX_CONFIG_BYTES``), or ConfigError."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
                raise ConfigError(f"{path}: cannot read: {what}")
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{path}: the file is too large (a config file has at most {MAX_CONFIG_BYTES:,} bytes)"
        )
    return data


#: Longest text re-parsed by the pure-Python parser for its clearer message: its scanner is quadratic
#: in open flow collections ("[[[[..."), 50,000 of them took minutes.
_PYTHON_PARSER_MAX_CHARS = 64_000


def _python_parser_error(text: str) -> yaml.YAMLError | None:
    """The pure-Python parser's error for ``text`` (it says what it expected and what it got, where
    libyaml says less); only read once the fast parser has failed."""
    if len(text) > _PYTHON_PARSER_MAX_CHARS:
        return None
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError as exc:
        return exc if getattr(exc, "problem_mark", None) is not None else None
    except RecursionError:
        return None
    return None


def _read_file(path: Path) -> dict[str, Any]:
    """The YAML mapping in ``path``, or ConfigError."""
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start)
        # the bad byte's place as a character index of the text decoded with replacements
        index = len(data[: exc.start].decode("utf-8-sig", errors="replace"))
        text = data.decode("utf-8-sig", errors="replace")
        key = _key_at(text, index)
        named = f"{path}:{line + 1}: {key}" if key else f"{path}:{line + 1}"
        start = text.rfind("\n", 0, index) + 1
        where = " in a comment" if not key and "#" in text[start:index] else ""
        raise ConfigError(
            f"{named}: not UTF-8 text{where} (byte {data[exc.start]:#04x}); save the file as UTF-8"
        ) from None
    try:
        _check_events(path, text)
        loaded = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a safe loader (SafeConstructor)
    except yaml.YAMLError as exc:
        if "nesting depth" not in str(getattr(exc, "problem", "")):
            exc = _python_parser_error(text) or exc
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path}: must be a mapping of sections (knowledge:, discord:, ...)")
    return loaded


def _values_from_file(path: Path, data: dict[str, Any]) -> dict[tuple[str, str], tuple[str, Any]]:
    """(section, key) -> (where, raw value) for every key in the file; unknown keys raise."""
    found: dict[tuple[str, str], tuple[str, Any]] = {}
    for raw_name, value in data.items():
        name = str(raw_name)
        if name in SCHEMA[""]:
            found[("", name)] = (f"{path}: {name}", value)
            continue
        if name not in SCHEMA or not name:
            shown = _name(raw_name)
            raise ConfigError(f"{path}: {shown}: unknown key{_did_you_mean(name, _all_keys())}")
        if value is None:
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: {name}: must be a mapping of keys, got {_shown(value)}")
        for raw_key, item in value.items():
            key = str(raw_key)
            if key not in SCHEMA[name]:
                hint = _did_you_mean(key, list(SCHEMA[name])) or _did_you_mean(f"{name}.{key}", _all_keys())
                raise ConfigError(f"{path}: {name}.{_name(raw_key)}: unknown key{hint}")
            found[(name, key)] = (f"{path}: {name}.{key}", item)
    return found


def _env_name(section: str, key: str) -> str:
    return ENV_PREFIX + (f"{section}_{key}" if section else key).upper()


def _values_from_env(env: Mapping[str, str]) -> dict[tuple[str, str], tuple[str, Any]]:
    """(section, key) -> (where, raw value) for every STUDYBOT_* variable; unknown names raise."""
    known = {_env_name(s, k): (s, k) for s, keys in SCHEMA.items() for k in keys}
    found: dict[tuple[str, str], tuple[str, Any]] = {}
    for name in sorted(env):
        if not name.startswith(ENV_PREFIX):
            continue
        if name not in known:
            shown = _name(_SECRET_RUN.sub(_HIDDEN, name))
            raise ConfigError(f"{shown}: unknown setting{_did_you_mean(name, sorted(known))}")
        found[known[name]] = (name, env[name])
    if env.get(TOKEN_ENV, "").strip():
        found[("discord", "token")] = (TOKEN_ENV, env[TOKEN_ENV])
    return found


def load_settings(path: Path | str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from ``path`` (default: ``config.yaml`` if present) overridden by ``env``.

    A ``config.yaml`` that is there in any form (a dangling or looping symlink, a directory) is read,
    so a config that cannot be read is a ``ConfigError``, never silently the defaults."""
    env = {} if env is None else env
    if path is None and os.path.lexists(DEFAULT_CONFIG_PATH):
        path = DEFAULT_CONFIG_PATH
    source = Path(path) if path is not None else None
    raw: dict[tuple[str, str], tuple[str, Any]] = {}
    if source is not None:
        raw.update(_values_from_file(source, _read_file(source)))
    raw.update(_values_from_env(env))

    parsed: dict[tuple[str, str], Any] = {}
    for (section, key), (where, value) in raw.items():
        try:
            _check_size(value)
            parsed[(section, key)] = SCHEMA[section][key](value)
        except _Invalid as exc:
            message = f"{where}: {exc}"
            for secret in _raw_tokens(raw):  # the token itself, whatever its shape
                message = message.replace(secret, "<token hidden>")
            raise ConfigError(message) from None

    settings = Settings(source=source)
    for section in SCHEMA:
        if not section:
            continue
        values = {k: v for (s, k), v in parsed.items() if s == section}
        if values:
            settings = replace(settings, **{section: replace(getattr(settings, section), **values)})
    top = {k: v for (s, k), v in parsed.items() if not s}
    if top:
        settings = replace(settings, **top)
    _check_consistency(settings, raw)
    return settings


def _check_size(value: Any) -> None:
    """Refuse text longer than ``MAX_VALUE_CHARS`` anywhere in ``value`` (a string or a list of them)."""
    items = value if isinstance(value, list | tuple) else [value]
    for item in items:
        if isinstance(item, str) and len(item) > MAX_VALUE_CHARS:
            raise _Invalid(f"is {len(item):,} characters long; at most {MAX_VALUE_CHARS:,} are accepted")


def _raw_tokens(raw: Mapping[tuple[str, str], tuple[str, Any]]) -> list[str]:
    """The token as given (file and environment), to keep out of any message."""
    token = raw.get(("discord", "token"))
    if token is None or not isinstance(token[1], str) or len(token[1].strip()) < 8:
        return []
    return [token[1], token[1].strip()]


def _check_consistency(settings: Settings, raw: Mapping[tuple[str, str], tuple[str, Any]]) -> None:
    """Rules that involve more than one key."""
    shards = settings.discord
    if shards.shard_ids is not None:
        where = raw[("discord", "shard_ids")][0]
        if shards.shard_count is None:
            raise ConfigError(f"{where}: needs discord.shard_count to be set too")
        bad = [i for i in shards.shard_ids if i >= shards.shard_count]
        if bad:
            count = shards.shard_count
            raise ConfigError(f"{where}: shard id {bad[0]} is not below discord.shard_count ({count})")


def knowledge_paths(settings: Settings) -> list[Path]:
    """The configured knowledge paths; the default ``knowledge`` falls back to the bundled notes."""
    from bot.loader import DEFAULT_KNOWLEDGE_PATH

    paths = [Path(p) for p in settings.knowledge.paths]
    if settings.knowledge.paths == KnowledgeSettings().paths and not paths[0].exists():
        return [DEFAULT_KNOWLEDGE_PATH]
    return paths


def describe(settings: Settings) -> str:
    """One log line summarising the settings (never the token)."""
    d = settings.discord
    sync = d.sync if isinstance(d.sync, str) else "guilds " + ",".join(str(g) for g in d.sync)
    return hide_tokens(
        f"knowledge={list(settings.knowledge.paths)} database={_without_password(settings.database.url)} "
        f"token={'set' if d.token else 'missing'} sync={sync} message_content={d.message_content} "
        f"study_channels={len(settings.study_channels)}"
    )


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def settings_keys() -> list[str]:
    """Every dotted key the file accepts, e.g. ``quiz.seconds``."""
    return [_dotted(s, k) for s, keys in SCHEMA.items() for k in keys]


def _schema_matches_dataclasses() -> bool:
    """Whether SCHEMA and the dataclasses list the same keys (checked by a test)."""
    for section, keys in SCHEMA.items():
        if not section:
            continue
        cls = type(getattr(Settings(), section))
        if {f.name for f in fields(cls)} != set(keys):
            return False
    return True
