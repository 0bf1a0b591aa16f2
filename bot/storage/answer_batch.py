"""A batch of quiz answers and its totals in a handful of statements, without per-row SQLAlchemy work.

The quiz writer stores thousands of answers a second, so this path hands the driver plain tuples:
SQLAlchemy's per-row work (bind processing of every column, compiling ``insertmanyvalues`` chunks) cost
more CPU on the event loop than the database spent storing the rows. Every statement is fixed text,
so both databases keep it prepared: the answers in one multi-row INSERT ... RETURNING (PostgreSQL:
one INSERT from ``unnest`` of column arrays), then each totals table in one ``executemany`` of upserts
keyed by what the batch adds up in Python (a member's answers in a batch make one row per total).

PostgreSQL's column arrays are sent as array text (``'{1,2,3}'``, cast in the statement with
``$1::text::bigint[]``), not as Python lists: asyncpg's array encoder tests every element against
``collections.abc`` (several ``isinstance`` calls through ``ABCMeta`` per value, 86 per answer), which
was the largest single cost of the writer process on PostgreSQL; joining the values' text is a fraction
of it, and the server parses array text in C.

Values are written as SQLAlchemy's own types would store them (SQLite: UTC datetimes as
``YYYY-MM-DD HH:MM:SS.ffffff`` text, dates as ISO text, booleans as 0/1), so the tables read back
the same through the rest of the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage.leaderboards import ALL_TIME_START, NAME_LENGTH


class AnswerFields(Protocol):
    """What this module reads of an answer (``bot.storage.rounds.AnswerRecord`` has them)."""

    @property
    def round_id(self) -> int: ...
    @property
    def question_index(self) -> int: ...
    @property
    def guild_id(self) -> int: ...
    @property
    def channel_id(self) -> int: ...
    @property
    def member_id(self) -> int: ...
    @property
    def term(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def correct(self) -> bool: ...
    @property
    def points(self) -> int: ...
    @property
    def ms(self) -> int: ...
    @property
    def answered_at(self) -> datetime: ...


#: Answers per SQLite INSERT statement (11 parameters each; SQLite allows 32,766 per statement).
SQLITE_ROWS_PER_STATEMENT = 2000

AnswerKey = tuple[int, int, int]  # (round_id, question_index, member_id)

_COLUMNS = (
    "round_id, question_index, guild_id, channel_id, member_id, term, topic, correct, points, ms, answered_at"
)
_PG_INSERT_ANSWERS = (
    f"INSERT INTO answers ({_COLUMNS}) "
    "SELECT * FROM unnest($1::text::bigint[], $2::text::int[], $3::text::bigint[], $4::text::bigint[], "
    "$5::text::bigint[], $6::text::varchar[], $7::text::varchar[], $8::text::bool[], $9::text::int[], "
    "$10::text::int[], $11::text::timestamptz[]) "
    "ON CONFLICT (round_id, question_index, member_id) DO NOTHING "
    "RETURNING round_id, question_index, member_id"
)


def sqlite_datetime(moment: datetime) -> str:
    """``moment`` as SQLAlchemy stores a UTC datetime in SQLite (naive UTC text, microseconds)."""
    if moment.tzinfo is UTC:  # the common case, in one call: "YYYY-MM-DD HH:MM:SS.ffffff+00:00"
        return moment.isoformat(" ", "microseconds")[:26]
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the database; use timezone-aware UTC")
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def parse_sqlite_datetime(value: Any) -> datetime | None:
    """A datetime read from SQLite text (or already a datetime) as aware UTC; None stays None."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _element(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use timezone-aware UTC")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)  # int, float, bool ('True'), Decimal: PostgreSQL reads their text as such


def pg_array(column: Sequence[Any]) -> str:
    """``column`` as PostgreSQL array text, for a ``$n::text::TYPE[]`` parameter: numbers and booleans
    as their text, strings double-quoted (backslash and quote escaped), datetimes (timezone-aware) and
    dates in ISO form, None as NULL. A column of one type is joined in one go (a batch's columns are)."""
    kinds = set(map(type, column))
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind in (int, bool, float):
            return "{" + ",".join(map(str, column)) + "}"
        if kind is str:
            text = '","'.join(column)
            if '"' not in text and "\\" not in text:
                return '{"' + text + '"}'
        elif kind is date:
            return "{" + ",".join(map(date.isoformat, column)) + "}"
        elif kind is datetime and all(v.tzinfo is not None for v in column):
            return "{" + ",".join(map(datetime.isoformat, column)) + "}"
    return "{" + ",".join(map(_element, column)) + "}"


def pg_arrays(columns: Sequence[Sequence[Any]]) -> tuple[str, ...]:
    """Each of ``columns`` as ``pg_array`` text: a statement's parameters."""
    return tuple(pg_array(column) for column in columns)


def params(dialect: str, sql: str) -> str:
    """``sql`` with ``{1}``, ``{2}``... made the dialect's numbered parameters (``?1`` or ``$1``)."""
    mark = "$" if dialect == "postgresql" else "?"
    return sql.replace("{", mark).replace("}", "")


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def insert_answers(
    conn: AsyncConnection, dialect: str, records: Sequence[AnswerFields]
) -> set[AnswerKey]:
    """Insert the answers not stored yet (one per round, question and member); returns the keys inserted."""
    inserted: set[AnswerKey] = set()
    if dialect == "postgresql":
        columns: list[list[Any]] = [[] for _ in range(11)]
        for r in records:
            for column, value in zip(columns, _values(r), strict=True):
                column.append(value)
        result = await conn.exec_driver_sql(_PG_INSERT_ANSWERS, pg_arrays(columns))
        inserted.update(_keys(result.all()))
        return inserted
    row = "(" + ",".join("?" * 11) + ")"
    for chunk in _chunks(records, SQLITE_ROWS_PER_STATEMENT):
        flat: list[Any] = []
        for r in chunk:
            values = _values(r)
            values[7] = 1 if r.correct else 0
            values[10] = sqlite_datetime(r.answered_at)
            flat.extend(values)
        result = await conn.exec_driver_sql(
            f"INSERT INTO answers ({_COLUMNS}) VALUES {','.join([row] * len(chunk))} "
            "ON CONFLICT (round_id, question_index, member_id) DO NOTHING "
            "RETURNING round_id, question_index, member_id",
            tuple(flat),
        )
        inserted.update(_keys(result.all()))
    return inserted


def _keys(rows: Sequence[Any]) -> Iterator[AnswerKey]:
    for round_id, question_index, member_id in rows:
        yield int(round_id), int(question_index), int(member_id)


def _values(r: AnswerFields) -> list[Any]:
    # PostgreSQL refuses text longer than the columns (SQLite does not): clip over-long note names
    return [
        r.round_id,
        r.question_index,
        r.guild_id,
        r.channel_id,
        r.member_id,
        r.term[:NAME_LENGTH],
        r.topic[:NAME_LENGTH],
        r.correct,
        r.points,
        r.ms,
        r.answered_at,
    ]


class _Run:
    """One member's answers within a batch, in order: totals and the runs of right answers."""

    __slots__ = ("answered", "best", "correct", "lead", "points", "trail")

    def __init__(self) -> None:
        self.points = self.answered = self.correct = 0
        self.lead = 0  # right answers before the first wrong one
        self.trail = 0  # right answers after the last wrong one (the streak at the end)
        self.best = 0  # the longest run of right answers

    def add(self, points: int, correct: bool) -> None:
        if correct:
            if self.trail == self.answered:
                self.lead += 1
            self.trail += 1
            self.correct += 1
            self.best = max(self.best, self.trail)
        else:
            self.trail = 0
        self.points += points
        self.answered += 1


def _add(totals: dict[Any, list[int]], key: Any, points: int, correct: int) -> None:
    found = totals.get(key)
    if found is None:
        totals[key] = [points, 1, correct]
    else:
        found[0] += points
        found[1] += 1
        found[2] += correct


# all-time score: the streak continues only if every answer of the batch was right ({8} = 1); the best
# streak is the longest of the old best, the old streak continued by the batch's leading right answers
# ({9}), and the batch's own longest run (excluded.best_streak)
_SCORES = (
    "INSERT INTO scores (guild_id, member_id, points, answered, correct, streak, best_streak) "
    "VALUES ({1}, {2}, {3}, {4}, {5}, {6}, {7}) ON CONFLICT (guild_id, member_id) DO UPDATE SET "
    "points = scores.points + excluded.points, answered = scores.answered + excluded.answered, "
    "correct = scores.correct + excluded.correct, streak = scores.streak * {8} + excluded.streak, "
    "best_streak = CASE WHEN scores.best_streak >= scores.streak + {9} "
    "AND scores.best_streak >= excluded.best_streak THEN scores.best_streak "
    "WHEN scores.streak + {9} > excluded.best_streak THEN scores.streak + {9} "
    "ELSE excluded.best_streak END"
)
#: The points part of a totals upsert's SET (what ``_without_points`` takes out)
_SUMS_POINTS = re.compile(r"points = \w+\.points \+ excluded\.points, ")
_SUMS = (
    "points = {table}.points + excluded.points, answered = {table}.answered + excluded.answered, "
    "correct = {table}.correct + excluded.correct"
)
_DAILY = (
    "INSERT INTO daily_scores (guild_id, day, topic, member_id, points, answered, correct) "
    "VALUES ({1}, {2}, {3}, {4}, {5}, {6}, {7}) ON CONFLICT (guild_id, day, topic, member_id) "
    "DO UPDATE SET " + _SUMS.replace("{table}", "daily_scores")
)
_PERIODS = (
    "INSERT INTO period_scores (guild_id, period_kind, period_start, member_id, points, answered, correct) "
    "VALUES ({1}, {2}, {3}, {4}, {5}, {6}, {7}) "
    "ON CONFLICT (guild_id, period_kind, period_start, member_id) "
    "DO UPDATE SET " + _SUMS.replace("{table}", "period_scores")
)
_TOPICS = (
    "INSERT INTO period_topic_scores "
    "(guild_id, period_kind, period_start, topic, member_id, points, answered, correct) "
    "VALUES ({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}) "
    "ON CONFLICT (guild_id, period_kind, period_start, topic, member_id) "
    "DO UPDATE SET " + _SUMS.replace("{table}", "period_topic_scores")
)


# PostgreSQL: each sums table in one statement from column arrays (an ``executemany`` is a statement per
# row for the server: several per answer); the keys are unique within a batch, as ON CONFLICT requires
_SUMS_FROM = "ON CONFLICT ({keys}) DO UPDATE SET {sums}"
_PG_DAILY = (
    "INSERT INTO daily_scores (guild_id, day, topic, member_id, points, answered, correct) "
    "SELECT * FROM unnest($1::text::bigint[], $2::text::date[], $3::text::varchar[], $4::text::bigint[], "
    "$5::text::int[], $6::text::int[], $7::text::int[]) "
    + _SUMS_FROM.format(keys="guild_id, day, topic, member_id", sums=_SUMS.replace("{table}", "daily_scores"))
)
_PG_PERIODS = (
    "INSERT INTO period_scores (guild_id, period_kind, period_start, member_id, points, answered, correct) "
    "SELECT * FROM unnest($1::text::bigint[], $2::text::varchar[], $3::text::date[], $4::text::bigint[], "
    "$5::text::int[], $6::text::int[], $7::text::int[]) "
    + _SUMS_FROM.format(
        keys="guild_id, period_kind, period_start, member_id", sums=_SUMS.replace("{table}", "period_scores")
    )
)
_PG_TOPICS = (
    "INSERT INTO period_topic_scores "
    "(guild_id, period_kind, period_start, topic, member_id, points, answered, correct) "
    "SELECT * FROM unnest($1::text::bigint[], $2::text::varchar[], $3::text::date[], $4::text::varchar[], "
    "$5::text::bigint[], $6::text::int[], $7::text::int[], $8::text::int[]) "
    + _SUMS_FROM.format(
        keys="guild_id, period_kind, period_start, topic, member_id",
        sums=_SUMS.replace("{table}", "period_topic_scores"),
    )
)


# PostgreSQL, all-time scores: the members already stored updated in one statement from column arrays (the
# streak rule needs each row's {8} and {9}, which an upsert's ``excluded`` row cannot carry); the keys it
# did not find (new members, or one deleted meanwhile by a reset) then go through ``_SCORES`` row by row, so
# a member another process inserted in between is still added to, not lost
_PG_SCORES_UPDATE = (
    "UPDATE scores SET points = scores.points + u.points, answered = scores.answered + u.answered, "
    "correct = scores.correct + u.correct, streak = scores.streak * u.continued + u.streak, "
    "best_streak = GREATEST(scores.best_streak, scores.streak + u.lead, u.best_streak) "
    "FROM unnest($1::text::bigint[], $2::text::bigint[], $3::text::int[], $4::text::int[], $5::text::int[], "
    "$6::text::int[], $7::text::int[], $8::text::int[], $9::text::int[]) "
    "AS u(guild_id, member_id, points, answered, correct, streak, best_streak, continued, lead) "
    "WHERE scores.guild_id = u.guild_id AND scores.member_id = u.member_id "
    "RETURNING scores.guild_id, scores.member_id"
)


async def _pg_scores(conn: AsyncConnection, rows: Sequence[tuple[int, ...]]) -> None:
    """Add ``rows`` (``_SCORES``'s nine values each, one per member) to PostgreSQL's all-time scores: one
    UPDATE from column arrays for the members stored already, an upsert for each of the others."""
    if not rows:
        return
    rows = sorted(rows)  # the same lock order in every writer
    result = await conn.exec_driver_sql(_PG_SCORES_UPDATE, pg_arrays(columns_of(rows, 9)))
    back: list[Any] = list(result.all())
    found = {(int(g), int(m)) for g, m in back}
    missing = [row for row in rows if (row[0], row[1]) not in found]
    if missing:
        await conn.exec_driver_sql(params("postgresql", _SCORES), missing)


def _without_points(upsert: str) -> str:
    """A totals upsert whose update leaves ``points`` alone (for rows that add none)."""
    return _SUMS_POINTS.sub("", upsert, count=1)


def columns_of(rows: Sequence[Sequence[Any]], width: int) -> tuple[list[Any], ...]:
    """``rows`` of ``width`` values as ``width`` lists of values (PostgreSQL's ``unnest`` arguments)."""
    if not rows:
        return tuple([] for _ in range(width))
    return tuple(list(column) for column in zip(*rows, strict=True))


async def add_totals(conn: AsyncConnection, dialect: str, stored: Sequence[AnswerFields]) -> None:
    """Add new answers to the all-time, daily, week, month and topic totals: one statement each (SQLite:
    one ``executemany`` each; PostgreSQL: the all-time scores one UPDATE from column arrays and an upsert
    per new member (``_pg_scores``), each other table one INSERT from column arrays).

    A batch's answers are added up per key in Python first, in order (streaks count consecutive right
    answers), so each total row is written once per batch.
    """
    members: dict[tuple[int, int], _Run] = {}
    days: dict[tuple[int, date, str, int], list[int]] = {}
    periods: dict[tuple[int, str, date, int], list[int]] = {}
    topics: dict[tuple[int, str, date, str, int], list[int]] = {}
    starts: dict[date, tuple[date, date]] = {}  # day -> start of its week and month
    for r in stored:
        correct = 1 if r.correct else 0
        points = r.points
        guild, member = r.guild_id, r.member_id
        topic = r.topic[:NAME_LENGTH]
        run = members.get((guild, member))
        if run is None:
            run = members[(guild, member)] = _Run()
        run.add(points, r.correct)
        moment = r.answered_at
        day = (moment if moment.tzinfo is UTC else moment.astimezone(UTC)).date()
        mine = starts.get(day)
        if mine is None:
            mine = starts[day] = (day - timedelta(days=day.weekday()), day.replace(day=1))
        week, month = mine
        _add(days, (guild, day, topic, member), points, correct)
        _add(periods, (guild, "week", week, member), points, correct)
        _add(periods, (guild, "month", month, member), points, correct)
        _add(topics, (guild, "week", week, topic, member), points, correct)
        _add(topics, (guild, "month", month, topic, member), points, correct)
        _add(topics, (guild, "all", ALL_TIME_START, topic, member), points, correct)
    day_value: Any = date.isoformat if dialect == "sqlite" else (lambda d: d)
    score_rows = [
        (
            g,
            m,
            run.points,
            run.answered,
            run.correct,
            run.trail,
            run.best,
            1 if run.trail == run.answered else 0,
            run.lead,
        )
        for (g, m), run in members.items()
    ]
    day_rows = [(g, day_value(d), t, m, p, n, c) for (g, d, t, m), (p, n, c) in days.items()]
    period_rows = [(g, k, day_value(s), m, p, n, c) for (g, k, s, m), (p, n, c) in periods.items()]
    topic_rows = [(g, k, day_value(s), t, m, p, n, c) for (g, k, s, t, m), (p, n, c) in topics.items()]
    if dialect == "postgresql":
        await _pg_scores(conn, score_rows)
        await conn.exec_driver_sql(_PG_DAILY, pg_arrays(columns_of(day_rows, 7)))
        await conn.exec_driver_sql(_PG_PERIODS, pg_arrays(columns_of(period_rows, 7)))
        await conn.exec_driver_sql(_PG_TOPICS, pg_arrays(columns_of(topic_rows, 8)))
        return
    # SQLite rewrites a table's board index (points first) on every upsert whose SET names points, even
    # when they do not change: the rows of answers without points (wrong tries, most of them) are
    # upserted by statements that leave points out, so only the table's own b-tree row changes
    await conn.exec_driver_sql(params(dialect, _DAILY), day_rows)  # no index of it holds points
    for sql, rows, points_at in (
        (_SCORES, score_rows, 2),
        (_PERIODS, period_rows, 4),
        (_TOPICS, topic_rows, 5),
    ):
        scored = [row for row in rows if row[points_at]]
        if scored:
            await conn.exec_driver_sql(params(dialect, sql), scored)
        if len(scored) < len(rows):
            await conn.exec_driver_sql(
                params(dialect, _without_points(sql)), [row for row in rows if not row[points_at]]
            )
