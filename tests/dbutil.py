"""Test databases: a uniquely named PostgreSQL database per test session, or an SQLite file.

Usable from any test folder::

    from tests.dbutil import postgres_database, sqlite_url

    with postgres_database("myarea") as url:  # fails (does not skip) when PostgreSQL is down
        ...

``STUDYBOT_TEST_PG`` overrides the admin URL (default ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``).
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

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

PG_ADMIN_URL = os.environ.get("STUDYBOT_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion in a fresh event loop on a worker thread (safe inside pytest-asyncio)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def sqlite_url(path: str | Path) -> str:
    """The async SQLAlchemy URL of an SQLite file."""
    return f"sqlite+aiosqlite:///{Path(path).resolve()}"


async def _admin(statement: str) -> None:
    engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def create_postgres_database(prefix: str = "studybot_test") -> str:
    """Create a uniquely named database next to the admin database; returns its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}".lower()
    try:
        run_sync(_admin(f'CREATE DATABASE "{name}"'))
    except OSError as exc:  # connection refused: fail loudly, never skip
        raise RuntimeError(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}") from exc
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    """Drop a database made by ``create_postgres_database`` (closing leftover connections)."""
    name = make_url(url).database
    assert name
    assert name != make_url(PG_ADMIN_URL).database
    run_sync(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def postgres_database(prefix: str = "studybot_test") -> Iterator[str]:
    """A fresh PostgreSQL database for the duration of the block."""
    url = create_postgres_database(prefix)
    try:
        yield url
    finally:
        drop_postgres_database(url)
