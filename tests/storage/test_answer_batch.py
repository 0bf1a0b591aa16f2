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


async def test_awkward_names_and_cards_round_trip_through_array_text(store: Store) -> None:
    """PostgreSQL gets a batch's columns as array text: quotes, backslashes, braces, commas, spaces,
    NULL-like words and non-ASCII in terms and topics come back exactly (SQLite: the same statements'
    plain parameters), and so do the cards rated in the same transaction."""
    from bot.review.quiz import review_quiz_answers_in
    from bot.storage import AnswerRecord

    names = ['say "hi"', "back\\slash", "{braces}, commas", "  spaced  ", "NULL", "", "Ünïcödé ✓", 'a\\"b']
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    round_id = await store.rounds.start_round(77, 1, 1, {}, now)
    records = [
        AnswerRecord(
            round_id, i, 77, 1, 100 + i, name, name or "topic", i % 2 == 0, 10 * (i % 2 == 0), 5, now
        )
        for i, name in enumerate(names)
    ]
    assert await store.rounds.record_answers(records, also=review_quiz_answers_in) == [True] * len(names)
    stored = await store.rounds.answers_of(77)
    assert sorted((r.member_id, r.term, r.topic, bool(r.correct), r.points) for r in stored) == [
        (r.member_id, r.term, r.topic, r.correct, r.points) for r in records
    ]
    async with store.engine.connect() as conn:
        terms = (await conn.exec_driver_sql("SELECT member_id, term FROM cards WHERE guild_id = 77")).all()
    assert sorted((int(m), t) for m, t in terms) == [(r.member_id, r.term) for r in records]
    # a second batch rates the stored cards (locked by key and updated from array text)
    again = [
        AnswerRecord(round_id, 100 + i, 77, 1, 100 + i, name, "t", True, 10, 5, now + timedelta(hours=1))
        for i, name in enumerate(names)
    ]
    assert await store.rounds.record_answers(again, also=review_quiz_answers_in) == [True] * len(names)
    async with store.engine.connect() as conn:
        reps = (await conn.exec_driver_sql("SELECT reps FROM cards WHERE guild_id = 77")).all()
    assert sorted(r[0] for r in reps) == [2] * len(names)
