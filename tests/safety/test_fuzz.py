"""Property tests over generated knowledge files and configs: ``bot check`` and config loading
never raise a traceback and stay within their limits (size limits before parsing, aliases and anchors
refused, nesting bounded), whatever the file holds: anchors and aliases, tokens, huge or odd values,
random bytes. Time is bounded by those limits in the code, not by timed assertions here."""

from __future__ import annotations

import io
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.config import SCHEMA, ConfigError, Settings, load_settings
from bot.loader import ENTRY_KEYS, TOPIC_KEYS
from tests.hardening.support import TOKEN

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Scalars a careless or hostile writer puts anywhere.
SCALARS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            TOKEN,
            f"Bot {TOKEN}",
            "9" * 5000,
            "1e999",
            ".nan",
            "2024-02-30",
            "yes",
            "~",
            "x" * 20_000,
            "caf\udce9",  # not encodable: written with surrogateescape as a Latin-1 byte
            "<@&123456789012345678>",
        ]
    ),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
)

PIECES = st.sampled_from(
    [
        "&a ",
        "*a",
        "&b [*a, *a, *a]",
        "<<: *a",
        "!!binary zz",
        "!!python/object:os.system ",
        "? ",
        "---",
        "[",
        "]",
        "{",
        "}",
        "- ",
        ": ",
        "\n",
        "  ",
        "\t",
        "'",
        '"',
        "|",
        ">-",
        "#",
        TOKEN,
        "9" * 5000,
        "topic:",
        "entries:",
        "  - term: ",
        "definition: ",
        "aliases: [",
        "quiz:",
        "  seconds: ",
        "discord:",
        "  token: ",
        "database:",
        "  url: ",
        "knowledge:",
        "  paths: [",
    ]
)


def documents(keys: list[str]) -> st.SearchStrategy[Any]:
    """Nearly right documents: known and unknown keys, scalars and nested lists of them."""
    leaf = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4), max_leaves=12)
    key = st.one_of(st.sampled_from(keys), st.text(max_size=12), st.just(TOKEN))
    return st.dictionaries(key, st.one_of(leaf, st.dictionaries(key, leaf, max_size=5)), max_size=6)


def dumped(document: Any, anchors: bool) -> bytes:
    text = yaml.safe_dump(document, allow_unicode=True)
    if anchors and ": " in text:  # make the first value an anchor and refer to it from the end
        text = text.replace(": ", ": &x ", 1) + "zz: *x\n"
    return text.encode("utf-8", errors="surrogateescape")


CONTENT = st.one_of(
    st.binary(max_size=300),
    st.lists(PIECES, max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
    st.tuples(documents(list(TOPIC_KEYS) + list(ENTRY_KEYS) + ["topic", "entries"]), st.booleans()).map(
        lambda pair: dumped(*pair)
    ),
    st.tuples(
        documents([f"{s}.{k}" if s else k for s, ks in SCHEMA.items() for k in ks] + list(SCHEMA)),
        st.booleans(),
    ).map(lambda pair: dumped(*pair)),
)


@FUZZ
@given(content=CONTENT)
def test_bot_check_never_raises(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "notes.yaml")
        path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", str(path)])
    assert code in (0, 1)
    if code == 1:
        lines = out.getvalue().splitlines()
        assert lines
        assert all(line.startswith(str(path)) for line in lines), lines
    assert "Traceback" not in err.getvalue()


@FUZZ
@given(
    content=CONTENT,
    env=st.dictionaries(
        st.sampled_from(["STUDYBOT_QUIZ_SECONDS", "STUDYBOT_X", "DISCORD_TOKEN", f"STUDYBOT_{TOKEN}"]),
        SCALARS.map(str),
        max_size=2,
    ),
)
def test_config_loading_is_settings_or_one_line_naming_the_problem(
    content: bytes, env: dict[str, str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "config.yaml")
        path.write_bytes(content)
        env = {k: v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for k, v in env.items()}
        try:
            result = load_settings(path, env)
        except ConfigError as exc:
            message = str(exc)
            assert "\n" not in message
            assert len(message) < 600, message
            for part in TOKEN.split("."):
                assert part not in message, message
            return
    assert isinstance(result, Settings)
