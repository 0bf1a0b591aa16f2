"""What the bot says about schedules, and the time window of a schedule's Discord event (no Discord here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.schedule.repository import Schedule
from bot.wording import plural

#: Seconds between questions the round runner pauses, used to estimate a round's length.
PAUSE_SECONDS = 3
#: Discord wants an end time for external events; rounds are given at least this long.
MIN_EVENT_LENGTH = timedelta(minutes=5)
EVENT_NAME_LIMIT = 100
EVENT_DESCRIPTION_LIMIT = 1000


def timestamp(when: datetime, style: str = "F") -> str:
    """A Discord timestamp tag (``<t:...:F>``) every member sees in their own time zone."""
    return f"<t:{int(when.timestamp())}:{style}>"


def topic_label(schedule: Schedule) -> str:
    """The quiz topic, or ``all topics``."""
    return schedule.topic or "all topics"


def round_length(schedule: Schedule) -> timedelta:
    """The longest a scheduled round can take, rounded up to whole minutes, at least 5 minutes."""
    seconds = schedule.questions * (schedule.seconds + PAUSE_SECONDS)
    minutes = -(-seconds // 60)
    return max(MIN_EVENT_LENGTH, timedelta(minutes=minutes))


@dataclass(frozen=True, slots=True)
class EventPlan:
    """The Discord scheduled event announcing one run of a schedule."""

    name: str
    description: str
    start: datetime
    end: datetime
    location: str


def event_plan(schedule: Schedule, start: datetime, channel_name: str) -> EventPlan:
    """The event for the run at ``start`` in ``#channel_name``."""
    name = f"Quiz: {topic_label(schedule)}"[:EVENT_NAME_LIMIT]
    description = (
        f"{plural(schedule.questions, 'question')}, {schedule.seconds} s each, in #{channel_name}. "
        f"Schedule #{schedule.id}: {schedule.spec}."
    )[:EVENT_DESCRIPTION_LIMIT]
    return EventPlan(name, description, start, start + round_length(schedule), f"#{channel_name}"[:100])


def schedule_line(schedule: Schedule) -> str:
    """One line of ``/schedule list``."""
    parts = [f"**#{schedule.id}** `{schedule.spec}` in <#{schedule.channel_id}>"]
    parts.append(f"{topic_label(schedule)}, {schedule.questions} × {schedule.seconds} s, {schedule.mode}")
    if schedule.role_id:
        parts.append(f"reminds <@&{schedule.role_id}>")
    if schedule.paused:
        parts.append("**paused**")
    elif schedule.next_run_at is not None:
        parts.append(f"next {timestamp(schedule.next_run_at, 'F')} ({timestamp(schedule.next_run_at, 'R')})")
    else:
        parts.append("finished")
    return " · ".join(parts)


def skipped_note(schedule: Schedule, at: datetime, missed: int, next_at: datetime | None) -> str:
    """The note posted when a run was missed by more than the grace period."""
    runs = f"the scheduled quiz of {timestamp(at)}"
    if missed:
        runs += f" (and {missed} earlier run{'s' if missed != 1 else ''})"
    following = f" Next one: {timestamp(next_at)} ({timestamp(next_at, 'R')})." if next_at else ""
    return f"⏭️ I was offline and missed {runs} on {topic_label(schedule)}.{following}"


def reminder_text(schedule: Schedule, at: datetime) -> str:
    """The reminder posted before a run (the role mention is added by the caller)."""
    return (
        f"⏰ Quiz on {topic_label(schedule)} starts {timestamp(at, 'R')} here: "
        f"{plural(schedule.questions, 'question')}, {schedule.seconds} s each."
    )


def starting_text(schedule: Schedule) -> str:
    """The line posted when a scheduled round begins."""
    return f"📅 Scheduled quiz (#{schedule.id}) on {topic_label(schedule)} is starting now!"
