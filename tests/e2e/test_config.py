"""Settings: YAML plus STUDYBOT_* overrides, one-line errors naming the key, the token never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import (
    SCHEMA,
    ConfigError,
    Settings,
    _schema_matches_dataclasses,
    describe,
    load_settings,
    settings_keys,
)

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path | None, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_settings(path, env or {})
    message = str(info.value)
    assert "\n" not in message
    return message


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None, {})
    assert settings == Settings()
    assert settings.knowledge.paths == ("knowledge",)
    assert settings.database.url == "sqlite+aiosqlite:///data/studybot.db"
    assert settings.discord.api_base_url == "https://discord.com/api/v10"
    assert settings.discord.gateway_url == "wss://gateway.discord.gg"
    assert settings.discord.sync == "global"
    assert settings.discord.message_content is True
    assert settings.discord.shard_count is None
    assert not settings.discord.sharded
    assert (settings.quiz.questions, settings.quiz.seconds, settings.quiz.mode) == (10, 30, "mixed")
    assert (settings.schedule.grace_minutes, settings.schedule.reminder_minutes) == (10, 0)
    assert settings.log_level == "INFO"


def test_config_yaml_in_the_working_directory_is_read_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "quiz:\n  seconds: 45\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings(None, {}).quiz.seconds == 45


def test_every_key_from_a_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
knowledge:
  paths: [notes, more/notes.yaml]
database:
  url: postgresql+asyncpg://bot:secret@db/studybot
discord:
  api_base_url: http://127.0.0.1:8080/api/v10/
  gateway_url: ws://127.0.0.1:8080/gateway
  sync: [123456789012345678]
  message_content: no
  shard_count: 4
  shard_ids: [0, 1]
study_channels: [111111111111111111, "222222222222222222"]
lookup:
  cooldown_rate: 3
  cooldown_seconds: 10.5
quiz:
  questions: 50
  seconds: 5
  mode: Typed
  start_cooldown_seconds: 0
schedule:
  grace_minutes: 0
  reminder_minutes: 15
log_level: debug
""",
    )
    s = load_settings(path, {})
    assert s.knowledge.paths == ("notes", "more/notes.yaml")
    assert s.database.url == "postgresql+asyncpg://bot:secret@db/studybot"
    assert s.discord.api_base_url == "http://127.0.0.1:8080/api/v10"
    assert s.discord.gateway_url == "ws://127.0.0.1:8080/gateway"
    assert s.discord.sync == (123456789012345678,)
    assert s.discord.message_content is False
    assert (s.discord.shard_count, s.discord.shard_ids, s.discord.sharded) == (4, (0, 1), True)
    assert s.study_channels == (111111111111111111, 222222222222222222)
    assert (s.lookup.cooldown_rate, s.lookup.cooldown_seconds) == (3, 10.5)
    assert (s.quiz.questions, s.quiz.seconds, s.quiz.mode, s.quiz.start_cooldown_seconds) == (
        50,
        5,
        "typed",
        0,
    )
    assert (s.schedule.grace_minutes, s.schedule.reminder_minutes) == (0, 15)
    assert s.log_level == "DEBUG"
    assert s.source == path


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "quiz:\n  seconds: 45\ndiscord:\n  message_content: true\n")
    env = {
        "STUDYBOT_QUIZ_SECONDS": "60",
        "STUDYBOT_DATABASE_URL": "sqlite+aiosqlite:///elsewhere.db",
        "STUDYBOT_DISCORD_API_BASE_URL": "http://localhost:1/api/v10",
        "STUDYBOT_DISCORD_MESSAGE_CONTENT": "off",
        "STUDYBOT_DISCORD_SYNC": "1,2",
        "STUDYBOT_STUDY_CHANNELS": "5, 6",
        "STUDYBOT_KNOWLEDGE_PATHS": "a,b",
        "STUDYBOT_LOG_LEVEL": "warning",
        "UNRELATED": "ignored",
    }
    s = load_settings(path, env)
    assert s.quiz.seconds == 60
    assert s.database.url == "sqlite+aiosqlite:///elsewhere.db"
    assert s.discord.api_base_url == "http://localhost:1/api/v10"
    assert s.discord.message_content is False
    assert s.discord.sync == (1, 2)
    assert s.study_channels == (5, 6)
    assert s.knowledge.paths == ("a", "b")
    assert s.log_level == "WARNING"


def test_every_key_has_an_environment_variable() -> None:
    # any string is valid there
    free_text = {("discord", "token"), ("knowledge", "paths"), ("knowledge", "index_cache")}
    for section, keys in SCHEMA.items():
        for key in keys:
            if (section, key) in free_text:
                continue
            name = "STUDYBOT_" + (f"{section}_{key}" if section else key).upper()
            assert error_of(None, {name: "<not valid>"}).startswith(f"{name}: must"), name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("quiz:\n  seconds: abc\n", "config.yaml: quiz.seconds: must be an integer from 5 to 120, got 'abc'"),
        ("quiz:\n  seconds: 121\n", "config.yaml: quiz.seconds: must be an integer from 5 to 120, got 121"),
        ("quiz:\n  seconds: true\n", "config.yaml: quiz.seconds: must be an integer from 5 to 120, got True"),
        ("quiz:\n  questions: 0\n", "config.yaml: quiz.questions: must be an integer from 1 to 50, got 0"),
        ("quiz:\n  mode: oral\n", "config.yaml: quiz.mode: must be one of typed, buttons, mixed, got 'oral'"),
        ("quiz:\n  secs: 5\n", "config.yaml: quiz.secs: unknown key (did you mean 'seconds'?)"),
        ("quizz: {}\n", "config.yaml: quizz: unknown key (did you mean 'quiz'?)"),
        ("colour: red\n", "config.yaml: colour: unknown key"),
        ("quiz: 5\n", "config.yaml: quiz: must be a mapping of keys, got 5"),
        ("- a\n- b\n", "config.yaml: must be a mapping of sections (knowledge:, discord:, ...)"),
        (
            "knowledge:\n  paths: []\n",
            "config.yaml: knowledge.paths: must list at least one file or directory",
        ),
        ("database:\n  url: mysql://x\n", "config.yaml: database.url: must be a database URL such as"),
        (
            "discord:\n  api_base_url: discord.com\n",
            "config.yaml: discord.api_base_url: must be a https or http URL",
        ),
        ("discord:\n  gateway_url: https://x\n", "config.yaml: discord.gateway_url: must be a wss or ws URL"),
        ("discord:\n  sync: guilds\n", 'config.yaml: discord.sync: must be "global" or a list of guild ids'),
        (
            "discord:\n  message_content: maybe\n",
            "config.yaml: discord.message_content: must be true or false",
        ),
        (
            "discord:\n  shard_ids: [0]\n",
            "config.yaml: discord.shard_ids: needs discord.shard_count to be set too",
        ),
        (
            "discord:\n  shard_count: 2\n  shard_ids: [0, 2]\n",
            "config.yaml: discord.shard_ids: shard id 2 is not below discord.shard_count (2)",
        ),
        (
            "study_channels: [general]\n",
            "config.yaml: study_channels: must be a Discord id (a number), got 'general'",
        ),
        (
            "lookup:\n  cooldown_rate: 0\n",
            "config.yaml: lookup.cooldown_rate: must be an integer from 1 to 1000",
        ),
        ("log_level: loud\n", "config.yaml: log_level: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("quiz: [\n", "config.yaml:2: invalid YAML"),
    ],
)
def test_invalid_values_name_the_key_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    write(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    assert error_of(Path("config.yaml")).startswith(message)


def test_invalid_environment_values_name_the_variable() -> None:
    assert error_of(None, {"STUDYBOT_QUIZ_SECONDS": "abc"}) == (
        "STUDYBOT_QUIZ_SECONDS: must be an integer from 5 to 120, got 'abc'"
    )
    assert error_of(None, {"STUDYBOT_QUIZ_SECOND": "5"}) == (
        "STUDYBOT_QUIZ_SECOND: unknown setting (did you mean 'STUDYBOT_QUIZ_SECONDS'?)"
    )


def test_missing_file_given_explicitly(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: file not found"


def test_the_token_comes_from_discord_token_and_is_never_shown(tmp_path: Path) -> None:
    secret = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123"
    s = load_settings(None, {"DISCORD_TOKEN": secret})
    assert s.discord.token == secret
    assert secret not in repr(s)
    assert secret not in str(s)
    assert secret not in describe(s)
    assert "token=set" in describe(s)
    # In the (git-ignored) config.yaml too, and the environment wins.
    path = write(tmp_path, f"discord:\n  token: {secret}\n")
    assert load_settings(path, {}).discord.token == secret
    assert load_settings(path, {"DISCORD_TOKEN": "other.token.value"}).discord.token == "other.token.value"
    for bad in (f"Bot {secret}", "has space"):
        message = error_of(None, {"DISCORD_TOKEN": bad})
        assert secret not in message
        assert "has space" not in message
        assert message.startswith("DISCORD_TOKEN: must")


def test_database_password_is_not_described() -> None:
    s = load_settings(None, {"STUDYBOT_DATABASE_URL": "postgresql+asyncpg://bot:hunter2@db/studybot"})
    assert "hunter2" not in describe(s)


def test_schema_and_dataclasses_list_the_same_keys() -> None:
    assert _schema_matches_dataclasses()


def test_config_example_documents_every_key_and_loads() -> None:
    example = REPO / "config.example.yaml"
    text = example.read_text(encoding="utf-8")
    settings = load_settings(example, {})
    assert settings.discord.token is None, "the example must not carry a token"
    lines = text.splitlines()
    for key in settings_keys():
        name = key.split(".")[-1]
        matching = [i for i, line in enumerate(lines) if line.lstrip("# ").startswith(f"{name}:")]
        assert matching, f"config.example.yaml does not mention {key}"
        i = matching[0]
        assert lines[i - 1].lstrip().startswith("#"), f"{key} has no comment above it"
