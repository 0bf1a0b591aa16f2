"""The console keeps answers like the bot: another process holding the SQLite write lock
longer than the busy timeout is a message; the answers (and ratings, and the round's end) are kept and
saved once the database answers; never a traceback."""

from __future__ import annotations

import asyncio
import io
import logging
import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli.console import run_console
from bot.cli.console.quiz import ConsoleQuiz
from bot.cli.console.review import ConsoleReview
from bot.clock import FakeClock
from bot.storage import RoundStatus, Store
from tests.dbutil import sqlite_url
from tests.quiz.conftest import make_kb

KB = make_kb({"Solo": [("Hypervisor", "Software that shares a host's hardware among virtual machines.")]})
#: A round never asks the same question twice: three questions need three entries (seed 1 asks Emulator,
#: Hypervisor, Container).
QUIZ_KB = make_kb(
    {
        "Solo": [
            ("Hypervisor", "Software that shares a host's hardware among virtual machines."),
            ("Container", "An isolated user space that shares the host's kernel."),
            ("Emulator", "Software that imitates another machine's processor in full."),
        ]
    }
)


class Script(io.StringIO):
    """Input lines for the console; a callable in the script runs when the console reaches it."""

    def __init__(self, *steps: str | Callable[[], None]) -> None:
        super().__init__()
        self.steps = list(steps)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        while self.steps and callable(self.steps[0]):
            self.steps.pop(0)()  # type: ignore[operator]
        if not self.steps:
            return ""
        return f"{self.steps.pop(0)}\n"


class WriteLock:
    """Another process's connection holding the database's write lock (as long as a test wants)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None

    def take(self) -> None:
        self.connection = sqlite3.connect(self.path, isolation_level=None)
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        assert self.connection is not None
        self.connection.execute("COMMIT")
        self.connection.close()


def stored(url: str) -> tuple[int, int, RoundStatus]:
    """(points, answered) of the console player and the status of round 1."""

    async def read() -> tuple[int, int, RoundStatus]:
        store = await Store.open(url)
        try:
            rank = await store.leaderboards.rank(0, 0)
            first = await store.rounds.get_round(1)
            assert first is not None
            return (rank.points if rank else 0, rank.answered if rank else 0, first.status)
        finally:
            await store.close()

    return asyncio.run(read())


def test_answers_won_while_the_database_is_locked_are_kept_and_saved(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    path = tmp_path / "console.db"
    url = sqlite_url(path)
    lock = WriteLock(path)
    out = io.StringIO()
    script = Script(
        "/quiz questions=3 seconds=20 mode=typed",
        lock.take,
        "emulator",
        "hypervisor",
        lock.release,
        "container",
    )
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1), busy_ms=50) as quiz:
        run_console(QUIZ_KB, stdin=script, stdout=out, extra_commands=quiz.commands())
    text = out.getvalue()
    assert "Traceback" not in text
    assert text.count("Right! +") == 3
    assert "(the database is unavailable: 1 answer kept, saved as soon as it answers)" in text
    assert "(the database is unavailable: 2 answers kept, saved as soon as it answers)" in text
    assert "(the database answers again: 2 kept answers saved)" in text
    assert "(s)" not in text
    # one line says what is kept: no near-duplicate "1 console write(s) kept" warning beside it
    assert not [r for r in caplog.records if "kept" in r.getMessage()]
    points = int(re.search(r"Quiz over: (\d+) points, 3/3 right.", text).group(1))  # type: ignore[union-attr]
    assert stored(url) == (points, 3, RoundStatus.FINISHED)


def test_the_round_end_is_kept_too_and_saved_when_the_console_closes(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    url = sqlite_url(path)
    lock = WriteLock(path)
    out = io.StringIO()
    script = Script("/quiz questions=2 seconds=20 mode=typed", "emulator", lock.take, "hypervisor")
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1), busy_ms=50) as quiz:
        run_console(QUIZ_KB, stdin=script, stdout=out, extra_commands=quiz.commands())
        text = out.getvalue()
        assert "(the database is unavailable: 2 writes of this round are kept" in text
        assert [what for what, _ in quiz.unsaved] == ["answer to question 2", "end of round 1"]
        lock.release()  # the console is still open: closing it saves what was kept
    points = int(re.search(r"Quiz over: (\d+) points, 2/2 right.", text).group(1))  # type: ignore[union-attr]
    assert stored(url) == (points, 2, RoundStatus.FINISHED)


def test_a_quiz_cannot_start_while_locked_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    url = sqlite_url(path)
    lock = WriteLock(path)
    out = io.StringIO()
    script = Script(
        "/quiz questions=1 seconds=20 mode=typed",
        "q",
        lock.take,
        "/quiz questions=1",
        lock.release,
        "what is a hypervisor",
    )
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1), busy_ms=50) as quiz:
        run_console(KB, stdin=script, stdout=out, extra_commands=quiz.commands())
    text = out.getvalue()
    assert (
        "Cannot start a quiz now: the database is unavailable (database is locked); try again soon." in text
    )
    assert "Hypervisor: Software that shares" in text.split("try again soon.")[1], "the console goes on"


def test_a_review_rating_is_kept_while_locked(tmp_path: Path) -> None:
    path = tmp_path / "console.db"
    url = sqlite_url(path)
    lock = WriteLock(path)
    out = io.StringIO()
    script = Script("/review", "", lock.take, "3", "/review", lock.release, "/review")
    with ConsoleReview(url, clock=FakeClock(), busy_ms=50) as review:
        run_console(KB, stdin=script, stdout=out, extra_commands=review.commands())
    text = out.getvalue()
    assert "Traceback" not in text
    assert "(the database is unavailable: the rating is kept, saved as soon as it answers)" in text
    assert "The database is unavailable (database is locked); /review again soon (1 rating kept" in text
    assert text.rstrip().splitlines()[-1].startswith("No cards due, next one in"), text


def test_writes_still_unsaved_when_the_session_ends_are_named_not_dropped_silently(tmp_path: Path) -> None:
    """The lock outlasts the session: the end waits (here: no patience), then names what is not saved."""
    path = tmp_path / "console.db"
    url = sqlite_url(path)
    lock = WriteLock(path)
    out = io.StringIO()
    script = Script("/quiz questions=2 seconds=20 mode=typed", "emulator", lock.take, "hypervisor")
    with ConsoleQuiz(url, clock=FakeClock(), rng=random.Random(1), busy_ms=50) as quiz:
        run_console(QUIZ_KB, stdin=script, stdout=out, extra_commands=quiz.commands())
        assert not quiz.save_waiting(out, patience_s=0)
        text = out.getvalue()
        assert "Saving 2 kept writes: waiting up to 0 s for the database" in text
        assert "Not saved: 2 writes (answer to question 2, end of round 1); the database did not" in text
        assert "locked" in text
        assert quiz.save_waiting(out, patience_s=0) is False  # still kept: a later try may still save them
        lock.release()
        assert quiz.save_waiting(out, patience_s=0)
        assert out.getvalue().endswith("Saved 2 kept writes.\n")
    points = int(re.search(r"Quiz over: (\d+) points, 2/2 right.", text).group(1))  # type: ignore[union-attr]
    assert stored(url) == (points, 2, RoundStatus.FINISHED)
