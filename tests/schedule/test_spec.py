"""The schedule parser and ``next_run``, including daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.schedule.spec import (
    BadDateError,
    BadDayError,
    BadTimeError,
    MissingPartError,
    OneOffSpec,
    ScheduleSpecError,
    TimeInPastError,
    UnknownTimeZoneError,
    WeeklySpec,
    next_run,
    parse_spec,
    runs_between,
)

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tue,thu 19:00 Europe/Berlin", WeeklySpec(frozenset({1, 3}), time(19, 0), "Europe/Berlin")),
        ("tue, thu 19:00 Europe/Berlin", WeeklySpec(frozenset({1, 3}), time(19, 0), "Europe/Berlin")),
        ("every monday 18:30 America/New_York", WeeklySpec(frozenset({0}), time(18, 30), "America/New_York")),
        ("daily 07:00 UTC", WeeklySpec(frozenset(range(7)), time(7, 0), "UTC")),
        ("every day 7:05 utc", WeeklySpec(frozenset(range(7)), time(7, 5), "UTC")),
        ("weekdays 8pm europe/london", WeeklySpec(frozenset(range(5)), time(20, 0), "Europe/London")),
        ("fri-mon 12:00 Asia/Tokyo", WeeklySpec(frozenset({4, 5, 6, 0}), time(12, 0), "Asia/Tokyo")),
        (
            "Tuesdays and Thursdays at 7:30pm Europe/Paris",
            WeeklySpec(frozenset({1, 3}), time(19, 30), "Europe/Paris"),
        ),
        ("2026-12-01 19:00 Europe/London", OneOffSpec(date(2026, 12, 1), time(19, 0), "Europe/London")),
        ("2026-12-1 00:00 UTC", OneOffSpec(date(2026, 12, 1), time(0, 0), "UTC")),
    ],
)
def test_parses_valid_specs(text: str, expected: WeeklySpec | OneOffSpec) -> None:
    spec = parse_spec(text, NOW)
    assert spec == expected
    assert parse_spec(str(spec)) == spec  # the stored text form round-trips


def test_canonical_text() -> None:
    assert str(parse_spec("thursday,tue 19:00 europe/berlin")) == "tue,thu 19:00 Europe/Berlin"
    assert str(parse_spec("every day 07:00 UTC")) == "daily 07:00 UTC"


def test_unknown_time_zone_suggests_the_closest() -> None:
    with pytest.raises(UnknownTimeZoneError) as info:
        parse_spec("tue,thu 19:00 Europe/Berlinn")
    assert str(info.value) == "unknown time zone 'Europe/Berlinn' (did you mean Europe/Berlin?)"
    assert info.value.suggestion == "Europe/Berlin"


def test_unknown_time_zone_without_a_close_match() -> None:
    with pytest.raises(UnknownTimeZoneError) as info:
        parse_spec("tue 19:00 Qqqqq")
    assert info.value.suggestion is None
    assert "unknown time zone 'Qqqqq'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "error", "fragment"),
    [
        ("blursday 19:00 UTC", BadDayError, "unknown day 'blursday'"),
        ("mon-blursday 19:00 UTC", BadDayError, "unknown day"),
        ("tue 25:00 UTC", BadTimeError, "bad time '25:00'"),
        ("tue 19:60 UTC", BadTimeError, "bad time '19:60'"),
        ("tue 19 UTC", BadTimeError, "bad time '19'"),
        ("tue 13pm UTC", BadTimeError, "bad time '13pm'"),
        ("tue 19h00 UTC", BadTimeError, "bad time '19h00'"),
        ("2026-02-30 10:00 UTC", BadDateError, "bad date '2026-02-30'"),
        ("tue 19:00", MissingPartError, "missing time zone"),
        ("19:00 UTC", MissingPartError, "missing days"),
        ("tue UTC", MissingPartError, "missing time"),
        ("", MissingPartError, "missing"),
        ("tue 19:00 UTC extra", ScheduleSpecError, "unexpected 'extra'"),
    ],
)
def test_rejects_invalid_specs(text: str, error: type[ScheduleSpecError], fragment: str) -> None:
    with pytest.raises(error) as info:
        parse_spec(text, NOW)
    assert fragment in str(info.value)


def test_one_off_in_the_past_is_rejected() -> None:
    with pytest.raises(TimeInPastError) as info:
        parse_spec("2026-11-28 09:59 Europe/Berlin", NOW)  # 08:59 UTC, a minute ago
    assert str(info.value) == "2026-11-28 09:59 CET is in the past"
    assert parse_spec("2026-11-28 10:01 Europe/Berlin", NOW) == OneOffSpec(
        date(2026, 11, 28), time(10, 1), "Europe/Berlin"
    )
    # without ``now`` (reading a stored spec) the past is fine
    assert isinstance(parse_spec("2020-01-01 10:00 UTC"), OneOffSpec)


def test_weekly_next_run_in_the_zone() -> None:
    spec = parse_spec("tue,thu 19:00 Europe/Berlin")
    # Saturday 2026-11-28 -> Tuesday 2026-12-01 19:00 CET = 18:00 UTC
    assert next_run(spec, NOW) == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    first = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    assert next_run(spec, first) == datetime(2026, 12, 3, 18, 0, tzinfo=UTC)  # strictly after
    assert next_run(spec, first.replace(second=1)) == datetime(2026, 12, 3, 18, 0, tzinfo=UTC)
    assert next_run(spec, first.replace(minute=0, hour=17, second=59)) == first


def test_next_run_result_is_utc_and_needs_aware_input() -> None:
    result = next_run(parse_spec("daily 07:00 Asia/Tokyo"), NOW)
    assert result is not None
    assert result.tzinfo is UTC
    assert result == datetime(2026, 11, 28, 22, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="aware"):
        next_run(parse_spec("daily 07:00 UTC"), datetime(2026, 1, 1))


def test_next_run_accepts_any_aware_input_zone() -> None:
    spec = parse_spec("daily 07:00 UTC")
    after = datetime(2026, 11, 28, 7, 30, tzinfo=BERLIN)  # 06:30 UTC
    assert next_run(spec, after) == datetime(2026, 11, 28, 7, 0, tzinfo=UTC)


def test_one_off_runs_once() -> None:
    spec = parse_spec("2026-12-01 19:00 Europe/London")
    when = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    assert next_run(spec, NOW) == when
    assert next_run(spec, when) is None


def test_weekly_across_year_end() -> None:
    spec = parse_spec("tue,thu 19:00 Europe/Berlin")
    after = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)  # Thursday 31 Dec 19:00 CET exactly
    assert next_run(spec, after) == datetime(2027, 1, 5, 18, 0, tzinfo=UTC)
    sunday = parse_spec("sun 23:30 America/New_York")
    runs = runs_between(sunday, datetime(2026, 12, 20, tzinfo=UTC), datetime(2027, 1, 12, tzinfo=UTC))
    assert [r.astimezone(NEW_YORK).date() for r in runs] == [
        date(2026, 12, 20),
        date(2026, 12, 27),
        date(2027, 1, 3),
        date(2027, 1, 10),
    ]
    assert {r.astimezone(NEW_YORK).time() for r in runs} == {time(23, 30)}
    assert runs[-1] == datetime(2027, 1, 11, 4, 30, tzinfo=UTC)  # UTC already on Monday


# Spring forward: Berlin 2026-03-29 02:00 CET -> 03:00 CEST; New York 2026-03-08 02:00 EST -> 03:00 EDT.
@pytest.mark.parametrize(
    ("zone", "day", "gap_run_utc"),
    [
        ("Europe/Berlin", date(2026, 3, 29), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        ("America/New_York", date(2026, 3, 8), datetime(2026, 3, 8, 7, 30, tzinfo=UTC)),
    ],
)
def test_spring_forward_gap_shifts_forward_by_the_gap(zone: str, day: date, gap_run_utc: datetime) -> None:
    tz = ZoneInfo(zone)
    spec = parse_spec(f"daily 02:30 {zone}")
    runs = runs_between(
        spec,
        datetime.combine(day - timedelta(days=2), time(12, 0), tz),
        datetime.combine(day + timedelta(days=2), time(0, 0), tz),
    )
    local = [r.astimezone(tz) for r in runs]
    assert [(t.date(), t.time()) for t in local] == [
        (day - timedelta(days=1), time(2, 30)),
        (day, time(3, 30)),  # 02:30 does not exist that night: runs at 03:30, shifted by the one-hour gap
        (day + timedelta(days=1), time(2, 30)),
    ]
    assert runs[1] == gap_run_utc
    assert runs[2] - runs[1] == timedelta(hours=23)


# Fall back: Berlin 2026-10-25 03:00 CEST -> 02:00 CET; New York 2026-11-01 02:00 EDT -> 01:00 EST.
@pytest.mark.parametrize(
    ("zone", "day", "wall", "first_utc"),
    [
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("America/New_York", date(2026, 11, 1), time(1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
)
def test_fall_back_overlap_runs_once_at_the_first(
    zone: str, day: date, wall: time, first_utc: datetime
) -> None:
    tz = ZoneInfo(zone)
    spec = parse_spec(f"daily {wall:%H:%M} {zone}")
    second_utc = datetime.combine(day, wall, tz).replace(fold=1).astimezone(UTC)
    assert second_utc - first_utc == timedelta(hours=1)  # the wall time really happens twice
    runs = runs_between(
        spec,
        datetime.combine(day - timedelta(days=1), time(12, 0), tz),
        datetime.combine(day + timedelta(days=1), time(12, 0), tz),
    )
    assert runs == [first_utc, datetime.combine(day + timedelta(days=1), wall, tz).astimezone(UTC)]
    assert runs[0].astimezone(tz).fold == 0
    assert next_run(spec, first_utc) == runs[1]  # not the repeat an hour later
    assert next_run(spec, second_utc - timedelta(minutes=1)) == runs[1]


def test_weekly_run_keeps_local_time_across_dst() -> None:
    spec = parse_spec("tue,thu 19:00 Europe/Berlin")
    runs = runs_between(spec, datetime(2026, 3, 20, tzinfo=UTC), datetime(2026, 4, 3, tzinfo=UTC))
    assert {r.astimezone(BERLIN).time() for r in runs} == {time(19, 0)}
    assert [r.hour for r in runs] == [18, 18, 17, 17]  # CET then CEST in UTC


def test_midnight_gap_in_santiago_and_southern_spring_in_sydney() -> None:
    santiago = ZoneInfo("America/Santiago")  # 2026-09-06 00:00 -04 -> 01:00 -03
    runs = runs_between(
        parse_spec("daily 00:30 America/Santiago"),
        datetime(2026, 9, 5, 12, tzinfo=UTC),
        datetime(2026, 9, 7, 12, tzinfo=UTC),
    )
    assert [r.astimezone(santiago).replace(tzinfo=None) for r in runs] == [
        datetime(2026, 9, 6, 1, 30),
        datetime(2026, 9, 7, 0, 30),
    ]
    sydney = ZoneInfo("Australia/Sydney")  # 2026-10-04 02:00 +10 -> 03:00 +11
    runs = runs_between(
        parse_spec("daily 02:30 Australia/Sydney"),
        datetime(2026, 10, 3, 12, tzinfo=UTC),
        datetime(2026, 10, 5, 12, tzinfo=UTC),
    )
    assert [r.astimezone(sydney).replace(tzinfo=None) for r in runs] == [
        datetime(2026, 10, 4, 3, 30),
        datetime(2026, 10, 5, 2, 30),
    ]
