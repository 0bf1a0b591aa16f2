"""When a scheduled quiz runs: weekly or one-off specs, the parser for them and ``next_run``.

Wall-clock times are resolved in the spec's IANA time zone with these rules (documented in
the README and tested):

* **Spring-forward gap** - a wall time that does not exist that day (e.g. 02:30 on the
  night clocks jump from 02:00 to 03:00) is *shifted forward by the gap*: it runs at 03:30
  local time. This is PEP 495 ``fold=0`` resolution: the pre-transition offset is used.
* **Fall-back overlap** - a wall time that happens twice (e.g. 02:30 in Berlin or 01:30 in
  New York on the last night of summer time) runs once, at the *first* occurrence
  (``fold=0``, the summer-time offset).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import process

from bot.errors import UserError

log = logging.getLogger(__name__)

DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_WORDS: dict[str, int] = {}
for _index, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    for _word in (_name, _name[:3], _name + "s", _name[:3] + "s"):
        _DAY_WORDS[_word] = _index
_DAY_WORDS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
_DAY_GROUPS: dict[str, frozenset[int]] = {
    "daily": frozenset(range(7)),
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
}
_FILLER = frozenset({"every", "on", "at", "and", "each"})
_TIME_RE = re.compile(r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>am|pm)?$", re.IGNORECASE)
_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_EXAMPLES = '"tue,thu 19:00 Europe/Berlin", "daily 07:00 UTC" or "2026-12-01 19:00 Europe/London"'


class ScheduleSpecError(UserError, ValueError):
    """A schedule text that cannot be understood; ``str(error)`` is ``user_message``."""


class UnknownTimeZoneError(ScheduleSpecError):
    """The time zone is not an IANA name."""

    def __init__(self, zone: str, suggestion: str | None) -> None:
        self.zone = zone
        self.suggestion = suggestion
        hint = f" (did you mean {suggestion}?)" if suggestion else " (use an IANA name such as Europe/Berlin)"
        super().__init__(f"unknown time zone '{zone}'{hint}")


class BadDayError(ScheduleSpecError):
    """A word where a day of the week was expected."""

    def __init__(self, word: str) -> None:
        self.word = word
        super().__init__(
            f"unknown day '{word}' (use mon, tue, wed, thu, fri, sat, sun, daily, weekdays or weekends)"
        )


class BadTimeError(ScheduleSpecError):
    """A time of day that is not HH:MM on a 24-hour clock (or 7pm style)."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"bad time '{text}' (use HH:MM on a 24-hour clock, e.g. 19:00)")


class BadDateError(ScheduleSpecError):
    """A one-off date that is not a real YYYY-MM-DD date."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"bad date '{text}' (use YYYY-MM-DD, e.g. 2026-12-01)")


class MissingPartError(ScheduleSpecError):
    """The text lacks the days, the time or the time zone."""

    def __init__(self, part: str) -> None:
        self.part = part
        super().__init__(f"missing {part}: write e.g. {_EXAMPLES}")


class TimeInPastError(ScheduleSpecError):
    """A one-off time that has already passed."""

    def __init__(self, when: datetime) -> None:
        self.when = when
        super().__init__(f"{when:%Y-%m-%d %H:%M} {when.tzname()} is in the past")


@dataclass(frozen=True, slots=True)
class WeeklySpec:
    """Runs on the given weekdays (0 = Monday) at a wall-clock time in a time zone."""

    days: frozenset[int]
    at: time
    zone: str

    @property
    def zone_info(self) -> ZoneInfo:
        """The time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.zone)

    def __str__(self) -> str:
        if self.days == frozenset(range(7)):
            days = "daily"
        else:
            days = ",".join(DAY_NAMES[d] for d in sorted(self.days))
        return f"{days} {self.at:%H:%M} {self.zone}"


@dataclass(frozen=True, slots=True)
class OneOffSpec:
    """Runs once, on a date at a wall-clock time in a time zone."""

    on: date
    at: time
    zone: str

    @property
    def zone_info(self) -> ZoneInfo:
        """The time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.zone)

    def __str__(self) -> str:
        return f"{self.on.isoformat()} {self.at:%H:%M} {self.zone}"


ScheduleSpec = WeeklySpec | OneOffSpec


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone name by its case-folded form."""
    return {name.casefold(): name for name in available_timezones()}


def resolve_zone(text: str) -> str:
    """The canonical IANA name for ``text`` (case-insensitive), or ``UnknownTimeZoneError``."""
    names = _zone_names()
    found = names.get(text.casefold())
    if found is not None:
        try:
            ZoneInfo(found)
        except (ZoneInfoNotFoundError, ValueError):
            found = None
    if found is not None:
        return found
    best = process.extractOne(text.casefold(), list(names), score_cutoff=70)
    raise UnknownTimeZoneError(text, names[best[0]] if best else None)


def _parse_time(text: str) -> time:
    """``19:00``, ``7:05``, ``7pm`` or ``7:30pm`` as a ``time``."""
    match = _TIME_RE.match(text)
    if not match:
        raise BadTimeError(text)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise BadTimeError(text)
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif match["minute"] is None:
        raise BadTimeError(text)  # a bare "19" is too ambiguous
    if hour > 23 or minute > 59:
        raise BadTimeError(text)
    return time(hour, minute)


def _parse_days(words: list[str]) -> frozenset[int]:
    """Day words such as ``tue thu``, ``mon-fri``, ``daily`` or ``every day`` as weekday numbers."""
    days: set[int] = set()
    for word in words:
        word = word.casefold().strip(".")
        if word in _FILLER:
            continue
        if word in ("day", "days"):
            days.update(range(7))
        elif word in _DAY_GROUPS:
            days.update(_DAY_GROUPS[word])
        elif "-" in word:
            first, _, last = word.partition("-")
            if first not in _DAY_WORDS or last not in _DAY_WORDS:
                raise BadDayError(word)
            start, end = _DAY_WORDS[first], _DAY_WORDS[last]
            days.update((start + i) % 7 for i in range((end - start) % 7 + 1))
        elif word in _DAY_WORDS:
            days.add(_DAY_WORDS[word])
        else:
            raise BadDayError(word)
    if not days:
        raise MissingPartError("days")
    return frozenset(days)


def parse_spec(text: str, now: datetime | None = None) -> ScheduleSpec:
    """Parse what a user types, e.g. ``tue,thu 19:00 Europe/Berlin`` or ``2026-12-01 19:00 Europe/London``.

    With ``now`` given, a one-off time that is not after ``now`` raises ``TimeInPastError``.
    """
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if not words:
        raise MissingPartError("days and time")
    time_at = next((i for i, w in enumerate(words) if ":" in w or _TIME_RE.match(w)), None)
    if time_at is None:
        bad = next((w for w in words if any(c.isdigit() for c in w) and not _DATE_RE.match(w)), None)
        if bad is not None:
            raise BadTimeError(bad)
        raise MissingPartError("time (HH:MM)")
    at = _parse_time(words[time_at])
    rest = words[time_at + 1 :]
    if not rest:
        raise MissingPartError("time zone")
    if len(rest) > 1:
        raise ScheduleSpecError(f"unexpected '{' '.join(rest[1:])}' after the time zone")
    zone = resolve_zone(rest[0])
    head = words[:time_at]
    spec: ScheduleSpec
    if len(head) == 1 and _DATE_RE.match(head[0]):
        try:
            on = date.fromisoformat("-".join(part.zfill(2) for part in head[0].split("-")))
        except ValueError:
            raise BadDateError(head[0]) from None
        spec = OneOffSpec(on, at, zone)
    else:
        for word in head:
            if _DATE_RE.match(word) or (word[:1].isdigit() and "-" in word):
                raise BadDateError(word)
        spec = WeeklySpec(_parse_days(head), at, zone)
    if now is not None and next_run(spec, now) is None:
        assert isinstance(spec, OneOffSpec)
        raise TimeInPastError(local_datetime(spec.on, spec.at, spec.zone))
    return spec


def local_datetime(on: date, at: time, zone: str) -> datetime:
    """The wall time ``on at`` in ``zone``, resolved with ``fold=0`` (see the module docstring)."""
    return datetime.combine(on, at).replace(tzinfo=ZoneInfo(zone), fold=0)


def occurrence_utc(on: date, at: time, zone: str) -> datetime:
    """The UTC instant of the wall time ``on at`` in ``zone``: gaps shift forward, overlaps take the first."""
    return local_datetime(on, at, zone).astimezone(UTC)


def next_run(spec: ScheduleSpec, after: datetime) -> datetime | None:
    """The first run strictly after ``after`` as an aware UTC datetime, or None if there is none."""
    if after.tzinfo is None or after.utcoffset() is None:
        raise ValueError("next_run needs an aware datetime")
    if isinstance(spec, OneOffSpec):
        when = occurrence_utc(spec.on, spec.at, spec.zone)
        return when if when > after else None
    if not spec.days:
        return None
    start = after.astimezone(ZoneInfo(spec.zone)).date() - timedelta(days=1)
    for offset in range(9):
        day = start + timedelta(days=offset)
        if day.weekday() in spec.days:
            when = occurrence_utc(day, spec.at, spec.zone)
            if when > after:
                return when
    raise AssertionError(f"no run found for {spec} after {after}")  # unreachable: 9 days cover a week


def runs_between(spec: ScheduleSpec, after: datetime, until: datetime) -> list[datetime]:
    """Every run in ``(after, until]``, oldest first."""
    runs: list[datetime] = []
    when = next_run(spec, after)
    while when is not None and when <= until:
        runs.append(when)
        when = next_run(spec, when)
    return runs
