"""Messages and Discord event windows of schedules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.schedule.repository import Schedule
from bot.schedule.spec import parse_spec
from bot.schedule.texts import event_plan, reminder_text, round_length, schedule_line, skipped_note, timestamp

AT = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


def make(**changes: object) -> Schedule:
    values: dict[str, object] = {
        "id": 3,
        "guild_id": 1,
        "channel_id": 55,
        "created_by": 7,
        "spec": parse_spec("tue,thu 19:00 Europe/Berlin"),
        "topic": "2.2",
        "questions": 10,
        "seconds": 30,
        "mode": "typed",
        "role_id": 99,
        "paused": False,
        "next_run_at": AT,
        "event_id": None,
        "last_run_at": None,
        "reminded_for": None,
        "created_at": AT - timedelta(days=3),
    }
    values.update(changes)
    return Schedule(**values)  # type: ignore[arg-type]


def test_timestamp_tags() -> None:
    assert timestamp(AT) == f"<t:{int(AT.timestamp())}:F>"
    assert timestamp(AT, "R") == f"<t:{int(AT.timestamp())}:R>"


def test_event_window_covers_the_longest_round() -> None:
    assert round_length(make()) == timedelta(minutes=6)  # 10 x (30 + 3) s = 330 s -> 6 min
    assert round_length(make(questions=1, seconds=5)) == timedelta(minutes=5)  # at least 5 minutes
    plan = event_plan(make(), AT, "study-hall")
    assert (plan.name, plan.location, plan.start, plan.end) == (
        "Quiz: 2.2",
        "#study-hall",
        AT,
        AT + timedelta(minutes=6),
    )
    assert "tue,thu 19:00 Europe/Berlin" in plan.description
    assert event_plan(make(topic=None), AT, "x").name == "Quiz: all topics"


def test_list_line_shows_next_run_and_state() -> None:
    line = schedule_line(make())
    assert f"<t:{int(AT.timestamp())}:F>" in line
    assert f"<t:{int(AT.timestamp())}:R>" in line
    assert "<#55>" in line
    assert "<@&99>" in line
    assert "**paused**" in schedule_line(make(paused=True))
    assert "finished" in schedule_line(make(next_run_at=None))


def test_skip_and_reminder_texts() -> None:
    note = skipped_note(make(), AT, 2, AT + timedelta(days=2))
    assert "missed the scheduled quiz" in note
    assert "and 2 earlier runs" in note
    assert timestamp(AT + timedelta(days=2)) in note
    assert "Next one" not in skipped_note(make(), AT, 0, None)
    assert timestamp(AT, "R") in reminder_text(make(), AT)
