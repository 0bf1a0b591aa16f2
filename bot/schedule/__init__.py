"""Scheduled quiz rounds: specs and ``next_run``, the schedules table, and the scheduler (no Discord)."""

from bot.schedule.repository import Schedule, ScheduleRepository, ShardFilter
from bot.schedule.runner import Occurrence, ScheduleRunner, TickResult
from bot.schedule.spec import (
    BadDateError,
    BadDayError,
    BadTimeError,
    MissingPartError,
    OneOffSpec,
    ScheduleSpec,
    ScheduleSpecError,
    TimeInPastError,
    UnknownTimeZoneError,
    WeeklySpec,
    next_run,
    parse_spec,
)

__all__ = [
    "BadDateError",
    "BadDayError",
    "BadTimeError",
    "MissingPartError",
    "Occurrence",
    "OneOffSpec",
    "Schedule",
    "ScheduleRepository",
    "ScheduleRunner",
    "ScheduleSpec",
    "ScheduleSpecError",
    "ShardFilter",
    "TickResult",
    "TimeInPastError",
    "UnknownTimeZoneError",
    "WeeklySpec",
    "next_run",
    "parse_spec",
]
