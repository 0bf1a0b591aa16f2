"""Settings: a YAML file (``config.yaml``) overridden by ``STUDYBOT_<SECTION>_<KEY>`` environment variables.

Every value is validated here; a bad one raises :class:`ConfigError` whose message is one line naming the
key and what is wrong. The bot token comes from ``DISCORD_TOKEN`` (or ``discord.token`` in a git-ignored
``config.yaml``) and never appears in a repr or an error message.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

log = logging.getLogger(__name__)

#: The file read when no path is given, relative to the working directory.
DEFAULT_CONFIG_PATH = Path("config.yaml")
#: Environment variables that override file values start with this.
ENV_PREFIX = "STUDYBOT_"
#: The environment variable holding the bot token.
TOKEN_ENV = "DISCORD_TOKEN"  # noqa: S105 - a variable name, not a secret

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
QUIZ_MODES = ("typed", "buttons", "mixed")


class ConfigError(Exception):
    """A missing or invalid setting; the message is one line naming the key."""


@dataclass(frozen=True, slots=True)
class KnowledgeSettings:
    """Where the notes are: YAML files or directories searched recursively."""

    paths: tuple[str, ...] = ("knowledge",)


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

    questions: int = 10
    seconds: int = 30
    mode: str = "mixed"
    start_cooldown_seconds: int = 60


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """Scheduled quizzes: how late a missed run may still start, and an optional reminder."""

    grace_minutes: int = 10
    reminder_minutes: int = 0


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
    log_level: str = "INFO"
    source: Path | None = field(default=None, compare=False)


# --- value parsers: each takes the raw value and returns the typed one or raises _Invalid -------------


class _Invalid(Exception):
    """A value failed validation; the message says what was expected."""


Parser = Callable[[Any], Any]


#: A Discord bot token (id . timestamp . HMAC) pasted into the wrong key must not be echoed either.
_TOKEN_SHAPE = re.compile(r"[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}")


def _shown(value: Any) -> str:
    """The raw value for an error message, kept short (token-shaped text is not shown)."""
    text = repr(value)
    if _TOKEN_SHAPE.search(text):
        return "a token-shaped value (not shown)"
    return text if len(text) <= 60 else text[:57] + "..."


def _integer(low: int, high: int) -> Parser:
    def parse(value: Any) -> int:
        expected = f"must be an integer from {low} to {high}, got {_shown(value)}"
        if isinstance(value, bool):
            raise _Invalid(expected)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
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


def _url(schemes: tuple[str, ...]) -> Parser:
    def parse(value: Any) -> str:
        expected = f"must be a {' or '.join(schemes)} URL, got {_shown(value)}"
        if not isinstance(value, str):
            raise _Invalid(expected)
        parts = urlsplit(value.strip())
        if parts.scheme not in schemes or not parts.netloc:
            raise _Invalid(expected)
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
    "knowledge": {"paths": _paths},
    "database": {"url": _database_url},
    "discord": {
        "token": _token,
        "api_base_url": _url(("https", "http")),
        "gateway_url": _url(("wss", "ws")),
        "sync": _sync,
        "message_content": _boolean,
        "shard_count": _optional(_integer(1, 10_000)),
        "shard_ids": _optional(lambda v: tuple(_integer(0, 9_999)(i) for i in _as_list(v))),
    },
    "lookup": {"cooldown_rate": _integer(1, 1000), "cooldown_seconds": _number(0, 86_400)},
    "quiz": {
        "questions": _integer(1, 50),
        "seconds": _integer(5, 120),
        "mode": _choice(QUIZ_MODES),
        "start_cooldown_seconds": _integer(0, 86_400),
    },
    "schedule": {"grace_minutes": _integer(0, 1440), "reminder_minutes": _integer(0, 10_080)},
    "": {"study_channels": _snowflakes, "log_level": _log_level},
}


def _dotted(section: str, key: str) -> str:
    return f"{section}.{key}" if section else key


def _all_keys() -> list[str]:
    return [_dotted(s, k) for s, keys in SCHEMA.items() for k in keys] + [s for s in SCHEMA if s]


def _did_you_mean(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _read_file(path: Path) -> dict[str, Any]:
    """The YAML mapping in ``path``, or ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of sections (knowledge:, discord:, ...)")
    return data


def _values_from_file(path: Path, data: dict[str, Any]) -> dict[tuple[str, str], tuple[str, Any]]:
    """(section, key) -> (where, raw value) for every key in the file; unknown keys raise."""
    found: dict[tuple[str, str], tuple[str, Any]] = {}
    for name, value in data.items():
        name = str(name)
        if name in SCHEMA[""]:
            found[("", name)] = (f"{path}: {name}", value)
            continue
        if name not in SCHEMA or not name:
            raise ConfigError(f"{path}: {name}: unknown key{_did_you_mean(name, _all_keys())}")
        if value is None:
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: {name}: must be a mapping of keys, got {_shown(value)}")
        for key, item in value.items():
            key = str(key)
            if key not in SCHEMA[name]:
                hint = _did_you_mean(key, list(SCHEMA[name])) or _did_you_mean(f"{name}.{key}", _all_keys())
                raise ConfigError(f"{path}: {name}.{key}: unknown key{hint}")
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
            raise ConfigError(f"{name}: unknown setting{_did_you_mean(name, sorted(known))}")
        found[known[name]] = (name, env[name])
    if env.get(TOKEN_ENV, "").strip():
        found[("discord", "token")] = (TOKEN_ENV, env[TOKEN_ENV])
    return found


def load_settings(path: Path | str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from ``path`` (default: ``config.yaml`` if present) overridden by ``env``."""
    env = {} if env is None else env
    if path is None and DEFAULT_CONFIG_PATH.is_file():
        path = DEFAULT_CONFIG_PATH
    source = Path(path) if path is not None else None
    raw: dict[tuple[str, str], tuple[str, Any]] = {}
    if source is not None:
        raw.update(_values_from_file(source, _read_file(source)))
    raw.update(_values_from_env(env))

    parsed: dict[tuple[str, str], Any] = {}
    for (section, key), (where, value) in raw.items():
        try:
            parsed[(section, key)] = SCHEMA[section][key](value)
        except _Invalid as exc:
            raise ConfigError(f"{where}: {exc}") from None

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
    return (
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
