"""``/review`` in the console: the same cards and database, driven by typed lines."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from bot.cli.console import run_console
from bot.cli.console.review import CONSOLE_GUILD_ID, CONSOLE_MEMBER_ID, ConsoleReview
from bot.clock import FakeClock
from bot.review import ReviewRepository
from bot.storage import Store
from tests.dbutil import run_sync, sqlite_url
from tests.review.conftest import make_kb

KB = make_kb({"Virtualization": ["Hypervisor", "Container", "Sandbox"]})


def console(lines: str, review: ConsoleReview) -> str:
    out = io.StringIO()
    run_console(KB, stdin=io.StringIO(lines), stdout=out, extra_commands=review.commands())
    return out.getvalue()


async def _card_reps(url: str, term: str) -> int | None:
    store = await Store.open(url)
    try:
        card = await ReviewRepository(store.cards).card_for(CONSOLE_GUILD_ID, CONSOLE_MEMBER_ID, term)
        return None if card is None else card.reps
    finally:
        await store.close()


def test_review_in_the_console_shows_rates_and_stops(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "console.db")
    clock = FakeClock()
    with ConsoleReview(url, clock=clock) as review:
        out = console("/help\n/review\n\n3\n\nmaybe\n4\nq\n", review)
    assert "/review" in out.split("What is")[0]  # listed by /help
    assert "What is Hypervisor?  [Virtualization (1.1), new]" in out
    assert "Hypervisor: Meaning of Hypervisor." in out
    assert "3 good (10m)" in out
    assert "Type 1 (again), 2 (hard), 3 (good) or 4 (easy)" in out
    assert "What is Sandbox?" in out
    assert "Stopped after 2 cards." in out
    assert run_sync(_card_reps(url, "Hypervisor")) == 1
    assert run_sync(_card_reps(url, "Container")) == 1
    assert run_sync(_card_reps(url, "Sandbox")) == 0  # shown, not rated

    clock.advance(timedelta(minutes=11).total_seconds())
    with ConsoleReview(url, clock=clock) as review:
        out = console("/review\n\n3\n\n3\n", review)
    assert out.index("What is Sandbox?") < out.index("What is Hypervisor?")  # the new one was due first
    assert "What is Container?" not in out  # rated Easy: due in days
    assert out.endswith("Reviewed 2 cards. No cards due, next one in 10m (2026-01-05 12:21 UTC).\n")


def test_review_says_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with ConsoleReview(sqlite_url(blocker / "sub" / "db.sqlite")) as review:
        out = console("/review\n", review)
    assert out.startswith("Cannot open the database:")
