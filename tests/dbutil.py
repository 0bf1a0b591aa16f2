"""Test databases: a uniquely named PostgreSQL database per test session, or an SQLite file.

Usable from any test folder::

    from tests.dbutil import postgres_database, sqlite_url

    with postgres_database("myarea") as url:  # fails (does not skip) when PostgreSQL is down
        ...

Which PostgreSQL: ``STUDYBOT_TEST_PG`` (see ``tests/pgserver.py``): the server at 127.0.0.1:5432 when one
answers, otherwise an embedded one started for the session; ``embedded`` forces that; a URL names a server.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from tests.pgserver import PostgresUnavailable, session_postgres

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion in a fresh event loop on a worker thread (safe inside pytest-asyncio)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def sqlite_url(path: str | Path) -> str:
    """The async SQLAlchemy URL of an SQLite file."""
    return f"sqlite+aiosqlite:///{Path(path).resolve()}"


def pg_admin_url() -> str:
    """The admin URL of the session's PostgreSQL (an embedded server is started on the first call).

    When that PostgreSQL cannot be had, the test session stops with one line saying why.
    """
    try:
        return session_postgres().admin_url()
    except PostgresUnavailable as exc:
        pytest.exit(f"error: {exc}", returncode=3)


async def _admin(statement: str) -> None:
    engine = create_async_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def create_postgres_database(prefix: str = "studybot_test") -> str:
    """Create a uniquely named database next to the admin database; returns its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}".lower()
    admin = pg_admin_url()
    try:
        run_sync(_admin(f'CREATE DATABASE "{name}"'))
    except OSError as exc:  # it answered at the start of the session, and no longer: fail, never skip
        raise RuntimeError(f"PostgreSQL is not reachable at {admin}: {exc}") from exc
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    """Drop a database made by ``create_postgres_database`` (closing leftover connections)."""
    name = make_url(url).database
    assert name
    assert name != make_url(pg_admin_url()).database
    run_sync(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def postgres_database(prefix: str = "studybot_test") -> Iterator[str]:
    """A fresh PostgreSQL database for the duration of the block."""
    url = create_postgres_database(prefix)
    try:
        yield url
    finally:
        drop_postgres_database(url)
