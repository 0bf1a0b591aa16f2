"""Session-wide test set-up: the PostgreSQL the tests use, per-test timeouts that name what hung, and a
check that no SQLite connection outlives the session."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bot.storage.engine import SQLITE_THREAD_NAME
from tests.pgserver import PostgresUnavailable, session_postgres, stop_session_postgres
from tests.timeouts import pytest_runtest_teardown, pytest_timeout_set_timer

__all__ = ["pytest_runtest_teardown", "pytest_timeout_set_timer"]  # hooks: names of this conftest

#: Seconds the session waits at its end for SQLite connection threads to finish.
THREAD_GRACE = 5.0


def pytest_configure(config: pytest.Config) -> None:
    """Choose the PostgreSQL now, so a configured server that does not answer stops the session here."""
    try:
        session_postgres()
    except PostgresUnavailable as exc:
        raise pytest.UsageError(str(exc)) from None


def pytest_report_header(config: pytest.Config) -> str:
    """Which PostgreSQL this session uses."""
    return session_postgres().describe()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """How long the embedded PostgreSQL took to start, when one was used."""
    embedded = session_postgres().embedded or _stopped.get("embedded")
    if embedded is not None:
        terminalreporter.write_line(
            f"embedded PostgreSQL 18 (127.0.0.1:{embedded.port}): started in {embedded.started_in:.2f} s "
            "(initdb, start, createdb); stopped and deleted at the end"
        )


_stopped: dict[str, Any] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop the embedded PostgreSQL; fail the session if an SQLite connection was never closed."""
    _stopped["embedded"] = stop_session_postgres()
    left = [t for t in threading.enumerate() if t.name == SQLITE_THREAD_NAME]
    for thread in left:
        thread.join(THREAD_GRACE / max(1, len(left)))
    left = [t for t in left if t.is_alive()]
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(
                f"error: {len(left)} SQLite connection(s) were never closed (their threads still run): "
                "some engine was not disposed"
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
