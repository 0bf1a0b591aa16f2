"""The composition root: one clock, one random source, one database and one quiz service per process."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.config import Settings, load_settings
from bot.knowledge import KnowledgeError
from bot.quiz import RoundSettings
from bot.quiz.round import QuestionAsked
from bot.services import ServicesNotOpen, build_services
from tests.dbutil import sqlite_url
from tests.presenters import Recorder


def settings_for(tmp_path: Path, knowledge: str | None = None) -> Settings:
    config = tmp_path / "config.yaml"
    lines = [f"database:\n  url: {sqlite_url(tmp_path / 'bot.db')}\n", "quiz:\n  pause_seconds: 0\n"]
    if knowledge is not None:
        lines.append(f"knowledge:\n  paths: [{knowledge}]\n")
    config.write_text("".join(lines), encoding="utf-8")
    return load_settings(config, {})


async def test_the_clock_and_the_random_source_reach_the_database_and_the_quiz(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 18, 0, tzinfo=UTC))
    services = build_services(settings_for(tmp_path), clock=clock, rng=random.Random(7))
    with pytest.raises(ServicesNotOpen):
        services.store  # noqa: B018 - the property raises before open()
    await services.open()
    try:
        assert services.store.clock is clock
        assert services.quiz.clock is clock
        assert services.quiz.rng is services.rng
        settings = RoundSettings.validated(2, 10, None, "typed")
        first = services.quiz.start(1, 2, Recorder(), settings, 3, key="a")
        await first.runner.wait_started()
        with pytest.raises(Exception, match="already running"):
            services.quiz.start(1, 2, Recorder(), settings, 3, key="b")
        assert services.quiz.running_in(1, 2) is first
        stored = await services.store.rounds.get_round(first.runner.round_id or 0)
        assert stored is not None
        assert stored.started_at == clock.now()
    finally:
        await services.close()
    assert first.task.cancelled(), "closing the services stops the rounds still running"
    assert not services.is_open


async def test_the_same_seed_asks_the_same_questions(tmp_path: Path) -> None:
    async def first_terms(seed: int, directory: Path) -> list[str]:
        services = build_services(settings_for(directory), clock=FakeClock(), rng=random.Random(seed))
        await services.open()
        try:
            recorder = Recorder()
            state = services.quiz.start(
                1, 1, recorder, RoundSettings.validated(3, 10, None, "typed"), 1, key="k"
            )
            await state.runner.wait_started()
            await asyncio.sleep(0)
            return [e.question.entry.term for e in recorder.events if isinstance(e, QuestionAsked)]
        finally:
            await services.close()

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    terms = await first_terms(5, tmp_path / "a")
    assert len(terms) == 1, "the first question is asked and waits on the fake clock"
    assert await first_terms(5, tmp_path / "b") == terms


async def test_a_failed_reload_keeps_serving_the_old_notes(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        "topic:\n  title: T\nentries:\n  - term: Alpha\n    definition: The first letter.\n", encoding="utf-8"
    )
    services = build_services(settings_for(tmp_path, str(notes)))
    before = services.knowledge.kb
    assert services.knowledge.matcher.lookup("alpha") is not None
    notes.write_text("entries: [", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        await services.knowledge.reload()
    assert services.knowledge.kb is before
