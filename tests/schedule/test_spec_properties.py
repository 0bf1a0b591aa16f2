"""Properties of ``next_run`` over random zones, days, times and instants (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.schedule.spec import WeeklySpec, next_run, occurrence_utc, parse_spec

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC", "America/Santiago"]

weekly_specs = st.builds(
    WeeklySpec,
    days=st.frozensets(st.integers(0, 6), min_size=1),
    at=st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59])),
    zone=st.sampled_from(ZONES),
)
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)


def exists(local: datetime) -> bool:
    """Whether a naive wall time exists in its zone (it survives a round trip through UTC)."""
    return local.astimezone(UTC).astimezone(local.tzinfo).replace(tzinfo=None) == local.replace(tzinfo=None)


@settings(max_examples=400, deadline=None)
@given(spec=weekly_specs, after=instants)
def test_next_run_is_the_next_wall_time_on_a_chosen_day(spec: WeeklySpec, after: datetime) -> None:
    run = next_run(spec, after)
    assert run is not None
    assert run.tzinfo is UTC
    assert after < run <= after + timedelta(days=8)
    local = run.astimezone(ZoneInfo(spec.zone))
    assert local.weekday() in spec.days
    wall = datetime.combine(local.date(), spec.at, ZoneInfo(spec.zone))
    if exists(wall):
        assert local.time() == spec.at
        assert local.fold == 0  # the first of two, in an overlap
    else:
        assert local.time() > spec.at  # shifted forward by the gap
        assert run == wall.replace(fold=0).astimezone(UTC)
    # no chosen day between ``after`` and ``run`` has a run in between
    tz = ZoneInfo(spec.zone)
    day = after.astimezone(tz).date() - timedelta(days=1)
    while day <= local.date():
        if day.weekday() in spec.days:
            assert not after < occurrence_utc(day, spec.at, spec.zone) < run
        day += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(spec=weekly_specs)
def test_the_text_form_round_trips(spec: WeeklySpec) -> None:
    assert parse_spec(str(spec)) == spec
