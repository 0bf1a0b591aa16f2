"""The tests' PostgreSQL: an embedded server when none is configured or answers, one line when the
configured one does not answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.storage import Store
from bot.storage.engine import create_engine, dispose_engine
from tests.pgserver import (
    DEFAULT_URL,
    EMBEDDED,
    ENV,
    SERVER_USER,
    PostgresUnavailable,
    SessionPostgres,
    answers,
    start_embedded,
)

REPO = Path(__file__).resolve().parents[1]
UNREACHABLE = "postgresql+asyncpg://postgres@127.0.0.1:9/test"  # the discard port: nothing listens


def test_the_choice_of_server() -> None:
    assert SessionPostgres({ENV: EMBEDDED}).mode == EMBEDDED
    unset = SessionPostgres({})
    if answers("127.0.0.1", 5432):
        assert (unset.mode, unset.admin_url()) == ("local", DEFAULT_URL)
    else:
        assert unset.mode == EMBEDDED
    with pytest.raises(PostgresUnavailable, match=r"no PostgreSQL answers at 127\.0\.0\.1:9"):
        SessionPostgres({ENV: UNREACHABLE})


async def test_the_embedded_server_starts_serves_the_store_and_is_gone_after_stop(tmp_path: Path) -> None:
    server = start_embedded()
    try:
        if os.geteuid() == 0:
            assert server.run_as == SERVER_USER  # PostgreSQL refuses to run as root
        engine = create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as conn:
                version = (await conn.execute(text("SHOW server_version"))).scalar_one()
                await conn.execute(text("CREATE DATABASE studybot_embedded_check"))
        finally:
            await dispose_engine(engine)
        assert version.startswith("18")
        store = await Store.open(server.admin_url.replace("/test", "/studybot_embedded_check"))
        try:
            assert store.dialect == "postgresql"
            assert await store.revision() is not None
        finally:
            await store.close()
    finally:
        server.stop()
    assert not server.root.exists()
    assert not answers("127.0.0.1", server.port, timeout=1)


def test_an_unreachable_configured_server_stops_the_session_with_one_line() -> None:
    env = {**os.environ, ENV: UNREACHABLE}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/storage/test_store.py"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"ERROR: {ENV}={UNREACHABLE} but no PostgreSQL answers at 127.0.0.1:9"), lines
    assert "set STUDYBOT_TEST_PG=embedded" in lines[0]
