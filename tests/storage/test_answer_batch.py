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


async def test_all_time_scores_of_batches_equal_one_answer_at_a_time(store: Store) -> None:
    """Streaks that run across batches, members new and already stored in one batch: the all-time scores
    (PostgreSQL: one UPDATE from column arrays, then an upsert per new member) are those of the same
    answers stored one at a time in another guild."""
    from bot.storage import AnswerRecord

    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    pattern = "RRWRRRWWRRRRWR"  # each member's answers, in order, shifted per member
    answers: list[tuple[int, bool]] = []
    for step in range(len(pattern)):
        for member in range(1, 6):
            if (step + member) % 4 != 0:  # not every member answers every question
                answers.append((member, pattern[(step + member) % len(pattern)] == "R"))

    def records(guild: int, round_id: int) -> list[AnswerRecord]:
        return [
            AnswerRecord(round_id, i, guild, 1, member, f"term{i}", "topic", right, 7 * right, 5, now)
            for i, (member, right) in enumerate(answers)
        ]

    one_by_one = records(1, await store.rounds.start_round(1, 1, 1, {}, now))
    for record in one_by_one:
        await store.rounds.record_answers([record])
    batched = records(2, await store.rounds.start_round(2, 1, 1, {}, now))
    for start, size in ((0, 3), (3, 1), (4, 9), (13, 20), (33, 100)):
        await store.rounds.record_answers(batched[start : start + size])

    async def scores(guild: int) -> list[tuple[int, ...]]:
        async with store.engine.connect() as conn:
            rows = await conn.exec_driver_sql(
                "SELECT member_id, points, answered, correct, streak, best_streak FROM scores "
                f"WHERE guild_id = {guild} ORDER BY member_id"
            )
            return [tuple(int(v) for v in row) for row in rows.all()]

    assert await scores(2) == await scores(1)
    assert len(await scores(1)) == 5
