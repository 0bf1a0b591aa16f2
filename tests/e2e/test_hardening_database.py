"""Hardening, the database unavailable during a round: PostgreSQL cut off (through a TCP proxy this test
owns; the shared server is never stopped) and the SQLite file made read-only (``chattr +i``: the tests
run as root, for whom chmod alone is not enough).

The choice, documented here and in the README: answers won while the database is down are kept in
memory by the round and written, once, at the next write after it is back (storing is idempotent per
round, question and member). The channel is told that they are not saved yet; if the round ends before
the database is back, the standings say how many answers could not be saved. Commands that need the
database answer with a short message instead of "something went wrong".
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from sqlalchemy.engine import make_url

from bot.storage import DATABASE_DOWN
from tests.dbutil import create_postgres_database, drop_postgres_database, sqlite_url
from tests.e2e.conftest import Harness, StartBot
from tests.e2e.test_hardening_privacy import play
from tests.hardening.support import (
    TcpProxy,
    assert_no_send_may_ping,
    open_term,
    quiz_cog,
    start_quiz,
    titles,
)

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


class Outage(Protocol):
    """A way to take the database away and bring it back."""

    url: str
    reads_work: bool

    async def cut(self) -> None:
        """Make the database unavailable."""

    async def restore(self) -> None:
        """Make it available again."""


@dataclass
class PostgresCut:
    """PostgreSQL behind a proxy: cut drops every connection and refuses new ones."""

    proxy: TcpProxy
    url: str
    reads_work = False

    async def cut(self) -> None:
        """Drop and refuse connections."""
        await self.proxy.cut()

    async def restore(self) -> None:
        """Forward connections again."""
        self.proxy.restore()


async def chattr(flag: str, file: Path) -> None:
    """Set or clear a file attribute (``+i``: immutable)."""
    process = await asyncio.create_subprocess_exec("chattr", flag, str(file))
    assert await process.wait() == 0, f"chattr {flag} {file} failed"


@dataclass
class SqliteReadOnly:
    """The SQLite file (and its write-ahead log) made read-only, even for root."""

    path: Path
    url: str
    reads_work = True  # a read-only file still serves the leaderboard

    def _files(self) -> list[Path]:
        return [p for p in (self.path, Path(f"{self.path}-wal")) if p.exists()]

    async def cut(self) -> None:
        """chmod a-w and chattr +i."""
        for file in self._files():
            file.chmod(0o444)
            await chattr("+i", file)

    async def restore(self) -> None:
        """chattr -i and chmod u+w."""
        for file in self._files():
            await chattr("-i", file)
            file.chmod(0o644)


@pytest.fixture(params=["postgresql", "sqlite"])
async def outage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Outage]:
    """A database the test can take away: PostgreSQL through a proxy, or an SQLite file."""
    if request.param == "sqlite":
        assert shutil.which("chattr"), "chattr (e2fsprogs) is needed to make a file read-only for root"
        sqlite = SqliteReadOnly(tmp_path / "studybot.db", sqlite_url(tmp_path / "studybot.db"))
        try:
            yield sqlite
        finally:
            await sqlite.restore()
        return
    url = create_postgres_database("studybot_outage")
    parsed = make_url(url)
    proxy = await TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432).start()
    try:
        via = parsed.set(host="127.0.0.1", port=proxy.listen_port).render_as_string(hide_password=False)
        yield PostgresCut(proxy, via)
    finally:
        await proxy.close()
        drop_postgres_database(url)


def points_of(card: dict[str, Any]) -> int:
    """The points a typed answer card announces."""
    found = re.search(r"got it \(\+(\d+) points", card["embeds"][0]["description"])
    assert found is not None, card
    return int(found.group(1))


def field_names(message: dict[str, Any]) -> list[str]:
    """The embed's field names."""
    return [f["name"] for f in message["embeds"][0].get("fields") or []]


async def win_question(h: Harness, cog: Any) -> dict[str, Any]:
    """The member answers the open question right; returns the answer card."""
    w = h.world
    await h.fake.send_message(w.member, w.study, open_term(cog, w.guild.id, w.study.id))
    return await h.fake.next_message(w.study)


async def test_answers_won_while_the_database_is_down_are_saved_once_it_is_back(
    start_bot: StartBot, outage: Outage, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    h = await start_bot({"database": {"url": outage.url}}, quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h.bot)
    await start_quiz(h.fake, w.member, w.study, questions=3, seconds=30, mode="typed")
    await h.fake.next_message(w.study)
    points = [points_of(await win_question(h, cog))]
    await h.fake.next_message(w.study)  # question 2

    await outage.cut()
    card = await win_question(h, cog)
    points.append(points_of(card))
    assert "Not saved yet" in field_names(card)
    assert "database is unavailable: 1 answer is kept" in str(card["embeds"][0]["fields"])
    assert any(
        "database unavailable" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records
    )
    for command in ("leaderboard show", "rank"):  # commands that need the database say so, briefly
        reply = await (await h.fake.slash(w.moderator, w.general, command)).message()
        if outage.reads_work:
            assert reply["content"] != DATABASE_DOWN
        else:
            assert reply["flags"] & EPHEMERAL
            assert reply["content"] == DATABASE_DOWN
    await h.fake.next_message(w.study)  # question 3: the round goes on

    await outage.restore()
    card = await win_question(h, cog)
    points.append(points_of(card))
    assert "Not saved yet" not in field_names(card)
    final = await h.fake.next_message(w.study)
    assert titles([final]) == ["Quiz over"]
    assert "Not saved" not in field_names(final)
    assert any("database back: stored 2 waiting answers" in r.getMessage() for r in caplog.records)

    store = h.bot.store
    rank = await store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert (rank.points, rank.correct, rank.answered) == (sum(points), 3, 3), "every point, once"
    stored = await store.rounds.answers_of(w.guild.id, w.member.id)
    assert sorted(a.question_index for a in stored) == [0, 1, 2]
    board = await (await h.fake.slash(w.member, w.general, "leaderboard show")).message()
    assert board["embeds"][0]["description"] == f"**1.** <@{w.member.id}>: {sum(points)} points (3/3 right)"
    h.assert_alive()
    assert_no_send_may_ping(h.fake)


async def test_a_round_that_ends_before_the_database_is_back_says_what_was_not_saved(
    start_bot: StartBot, outage: Outage
) -> None:
    h = await start_bot({"database": {"url": outage.url}}, quiz_seed=1)
    w = h.world
    cog, _clock = quiz_cog(h.bot)
    await start_quiz(h.fake, w.member, w.study, questions=2, seconds=30, mode="typed")
    await h.fake.next_message(w.study)
    saved = points_of(await win_question(h, cog))
    await h.fake.next_message(w.study)  # question 2
    await outage.cut()
    card = await win_question(h, cog)
    assert "Not saved yet" in field_names(card)
    final = await h.fake.next_message(w.study)
    assert titles([final]) == ["Quiz over"]
    fields = {f["name"]: f["value"] for f in final["embeds"][0]["fields"]}
    assert fields["Not saved"] == (
        "The database is still unavailable: 1 answer of this round could not be saved "
        "(not on the leaderboard)."
    )
    await outage.restore()
    rank = await h.bot.store.leaderboards.rank(w.guild.id, w.member.id)
    assert rank is not None
    assert (rank.points, rank.answered) == (saved, 1), "what the channel was told is what was kept"
    # the bot works normally afterwards: a new round in another channel stores its points
    await start_quiz(h.fake, w.moderator, w.general, questions=1, seconds=30, mode="typed")
    await h.fake.next_message(w.general)
    await h.fake.send_message(w.moderator, w.general, open_term(cog, w.guild.id, w.general.id))
    await h.fake.next_message(w.general)
    assert titles([await h.fake.next_message(w.general)]) == ["Quiz over"]
    assert (await h.bot.store.leaderboards.rank(w.guild.id, w.moderator.id)) is not None
    h.assert_alive()


async def test_a_round_started_while_the_database_is_down_fails_with_a_clear_message(
    start_bot: StartBot, outage: Outage, caplog: pytest.LogCaptureFixture
) -> None:
    h = await start_bot({"database": {"url": outage.url}}, quiz_seed=1)
    w = h.world
    quiz_cog(h.bot)
    # a server in use has its notes in memory (a server first seen during the outage: see the next test)
    await (await h.fake.slash(w.member, w.general, "define", term="vm escape")).message()
    await outage.cut()
    await start_quiz(h.fake, w.member, w.study, questions=2, seconds=30, mode="typed")
    failed = await h.fake.next_message(w.study)
    assert "database is unavailable" in failed["content"], failed
    assert any("database unavailable" in r.getMessage() for r in caplog.records)
    await outage.restore()
    cog = h.bot.get_cog("Quiz")
    await start_quiz(h.fake, w.moderator, w.study, questions=1, seconds=30, mode="typed")
    await h.fake.next_message(w.study)
    await h.fake.send_message(w.moderator, w.study, open_term(cog, w.guild.id, w.study.id))
    assert "got it" in (await h.fake.next_message(w.study))["embeds"][0]["description"]
    h.assert_alive()


async def test_a_server_first_seen_while_the_database_is_down_gets_a_clear_message(
    start_bot: StartBot, outage: Outage
) -> None:
    h = await start_bot({"database": {"url": outage.url}})
    w = h.world
    await outage.cut()
    answer = await (await h.fake.slash(w.member, w.general, "define", term="vm escape")).message()
    if outage.reads_work:  # a read-only SQLite file still tells which notes the server has
        assert answer["embeds"][0]["title"] == "VM escape"
    else:
        assert answer["flags"] & 64
        assert "database is unavailable" in answer["content"]
    await outage.restore()
    card = await (await h.fake.slash(w.member, w.general, "define", term="vm escape")).message()
    assert card["embeds"][0]["title"] == "VM escape"
    h.assert_alive()


async def test_confirming_an_upload_while_the_database_is_down_loses_nothing(
    start_bot: StartBot, outage: Outage
) -> None:
    from tests.fakediscord import Upload

    h = await start_bot({"database": {"url": outage.url}})
    w = h.world
    notes = b"# Cell biology\n\n- **Ribosome**: the site where proteins are made.\n"
    upload = await h.fake.slash(w.moderator, w.general, "notes upload", file=Upload("cells.md", notes))
    preview = await upload.message()
    confirm = next(
        c["custom_id"] for row in preview["components"] for c in row["components"] if c["label"] == "Confirm"
    )
    await outage.cut()
    refused = await (await h.fake.click(w.moderator, w.general, preview, confirm)).message()
    assert refused["content"] == DATABASE_DOWN
    assert refused["flags"] & 64
    await outage.restore()
    done = await (await h.fake.click(w.moderator, w.general, preview, confirm)).response()
    assert done["data"]["content"].startswith("Stored **Cell biology** (version 1, 1 entry)")
    card = await (await h.fake.slash(w.member, w.general, "define", term="ribosome")).message()
    assert card["embeds"][0]["title"] == "Ribosome"
    h.assert_alive()


async def test_a_button_whose_callback_fails_gets_the_one_error_handlers_reply(
    start_bot: StartBot, outage: Outage
) -> None:
    """discord.py only logs a DynamicItem callback's exception ("This interaction failed" for the member);
    ReportsErrors (cogs/_buttons.py) hands it to the bot's one error handler, as for a slash command."""
    h = await start_bot({"database": {"url": outage.url}})
    w = h.world
    await play(h.bot.store, w.guild.id, w.study.id, [(w.member.id, "Hypervisor", True, 30)])  # data to delete
    ask = await (await h.fake.slash(w.member, w.general, "privacy delete-my-data")).message()
    confirm = next(
        c["custom_id"]
        for row in ask["components"]
        for c in row["components"]
        if c["label"] == "Delete my data"
    )
    await outage.cut()
    refused = await (await h.fake.click(w.member, w.general, ask, confirm)).message()
    assert refused["content"] == DATABASE_DOWN
    assert refused["flags"] & 64
    h.assert_alive()
