"""The batch path writes values exactly as SQLAlchemy's types would (SQLite keeps datetimes as text, so a
different format would sort and compare wrongly against the rows SQLAlchemy writes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import insert

from bot.storage import Store
from bot.storage.answer_batch import parse_sqlite_datetime, sqlite_datetime
from bot.storage.schema import rounds


async def test_sqlite_datetimes_are_written_as_sqlalchemy_writes_them(sqlite_file_url: str) -> None:
    store = await Store.open(sqlite_file_url)
    moments = [
        datetime(2026, 1, 5, 12, 0, tzinfo=UTC),  # no microseconds: still six digits
        datetime(2026, 1, 5, 12, 0, 0, 7, tzinfo=UTC),
        datetime(2026, 1, 5, 14, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),  # not UTC
    ]
    try:
        async with store.engine.begin() as conn:
            for n, moment in enumerate(moments, start=1):
                await conn.execute(
                    insert(rounds).values(
                        id=n,
                        guild_id=1,
                        channel_id=1,
                        started_by=1,
                        started_at=moment,
                        status="x",
                        settings={},
                    )
                )
            stored = (await conn.exec_driver_sql("SELECT started_at FROM rounds ORDER BY id")).scalars().all()
    finally:
        await store.close()
    assert stored == [sqlite_datetime(m) for m in moments]
    assert [parse_sqlite_datetime(s) for s in stored] == moments
