"""Hardening, hostile text end to end: mentions, 10,000 characters, invisible and right-to-left characters,
code-block breakers and SQL in notes, questions and answers. Nothing pings, nothing crashes, every message
fits Discord's limits (the fake refuses and records anything too big), the database is intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dbutil import create_postgres_database, drop_postgres_database, sqlite_url
from tests.e2e.conftest import Harness, StartBot
from tests.hardening.support import (
    HOSTILE_TEXTS,
    SQL,
    assert_no_send_may_ping,
    open_term,
    quiz_cog,
    titles,
)
from tests.hardening.test_properties import hostile_notes

pytestmark = pytest.mark.e2e


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "hostile.db")
        return
    url = create_postgres_database("studybot_hardening")
    try:
        yield url
    finally:
        drop_postgres_database(url)


async def hostile_bot(start_bot: StartBot, tmp_path: Path, database: str) -> Harness:
    """The bot serving only the hostile notes, on ``database``."""
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_notes(), allow_unicode=True), encoding="utf-8")
    return await start_bot(
        {
            "knowledge": {"paths": [str(path)]},
            "database": {"url": database},
            "lookup": {"cooldown_rate": 1000},  # the cooldown has its own test
        },
        quiz_seed=1,
    )


def within_limits(message: dict[str, Any]) -> None:
    """What the fake stored is within Discord's limits (it would have refused it otherwise)."""
    assert len(message.get("content") or "") <= 2000
    for embed in message.get("embeds") or []:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= 4096


async def test_hostile_notes_and_questions_never_ping_and_stay_within_limits(
    start_bot: StartBot, tmp_path: Path
) -> None:
    h = await hostile_bot(start_bot, tmp_path, sqlite_url(tmp_path / "lookups.db"))
    w = h.world
    for entry in h.bot.kb.entries:
        choices = await h.fake.autocomplete(w.member, w.general, "define", "term", term=entry.term[:50])
        assert choices, entry.term[:50]
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
        value = next(c["value"] for c in choices if entry.term.startswith(c["value"].rstrip("…")))
        card = await (await h.fake.slash(w.member, w.general, "define", term=value)).message()
        within_limits(card)
        assert card["embeds"], f"no card for {entry.term[:50]!r}: {card.get('content')!r}"
    topics = await (await h.fake.slash(w.member, w.general, "topics")).message()
    within_limits(topics)
    for text in HOSTILE_TEXTS:
        choices = await h.fake.autocomplete(w.member, w.general, "define", "term", term=text[:6000])
        assert len(choices) <= 25
        await h.fake.send_message(w.member, w.study, f"what is {text}?")
        await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} what is {text}?")
    # a term longer than Discord's option limit is refused by Discord itself; 200 characters are taken
    card = await (await h.fake.slash(w.member, w.general, "define", term="@everyone " * 20)).message()
    within_limits(card)
    # a last, answerable question: once it is answered, every hostile one before it was handled
    await h.fake.send_message(w.member, w.general, f"{h.fake.bot_user.mention} what is an @everyone storm?")

    def answered() -> bool:
        return any(
            (m.get("embeds") or [{}])[0].get("title") == "@everyone storm"
            for m in h.fake.unread_messages(w.general)
        )

    await h.fake.wait_for(answered, 10, "the answer to the last question")
    for message in h.fake.unread_messages(w.general) + h.fake.unread_messages(w.study):
        within_limits(message)
    h.assert_alive()
    assert h.fake.violations == []
    assert_no_send_may_ping(h.fake)


async def test_a_quiz_on_hostile_notes_with_hostile_answers_stores_every_point(
    start_bot: StartBot, tmp_path: Path, database: str
) -> None:
    h = await hostile_bot(start_bot, tmp_path, database)
    w = h.world
    cog, _clock = quiz_cog(h.bot)
    total = len(h.bot.kb.entries)
    handle = await h.fake.slash(w.member, w.study, "quiz start", questions=total, seconds=30, mode="typed")
    assert "started a quiz" in (await handle.message())["content"]
    for number in range(1, total + 1):
        question = await h.fake.next_message(w.study)
        within_limits(question)
        assert question["embeds"][0]["title"] == f"Question {number}/{total}"
        term = open_term(cog, w.guild.id, w.study.id)
        asked = cog.running_in(w.guild.id, w.study.id).runner.quiz.current
        for text in HOSTILE_TEXTS:  # wrong answers from the moderator: SQL, pings, 10,000 characters...
            if not asked.is_correct(text):
                await h.fake.send_message(w.moderator, w.study, text)
        await h.fake.send_message(w.member, w.study, term)
        answer = await h.fake.next_message(w.study)
        within_limits(answer)
        assert f"<@{w.member.id}> got it" in answer["embeds"][0]["description"], titles([answer])
    final = await h.fake.next_message(w.study)
    assert final["embeds"][0]["title"] == "Quiz over"
    h.assert_alive()

    store = h.bot.store
    mine = await store.leaderboards.rank(w.guild.id, w.member.id)
    theirs = await store.leaderboards.rank(w.guild.id, w.moderator.id)
    assert mine is not None
    assert (mine.correct, mine.answered) == (total, total)
    assert theirs is not None
    assert (theirs.correct, theirs.points) == (0, 0)
    assert theirs.answered == total  # wrong tries count once per question
    stored = await store.rounds.answers_of(w.guild.id, w.member.id)
    assert sum(a.points for a in stored) == mine.points
    assert any(a.term == SQL for a in stored), "SQL text is stored as text"
    board = await (await h.fake.slash(w.member, w.study, "leaderboard show")).message()
    within_limits(board)
    assert board["embeds"][0]["description"].startswith(f"**1.** <@{w.member.id}>")
    assert h.fake.violations == []
    assert_no_send_may_ping(h.fake)
