"""End to end: /kb reload (permissions, broken files keep the old notes) and the central error handler."""

from __future__ import annotations

import gc

import pytest

from bot.discord_bot import GENERIC_ERROR
from bot.errors import UserError
from tests.e2e.conftest import StartBot, copy_bundled_knowledge

pytestmark = pytest.mark.e2e

EPHEMERAL = 64

NEW_TOPIC = """\
topic:
  title: Cloud models
  objective: "3.1"
entries:
  - term: Community cloud
    definition: Infrastructure shared by several organizations with common concerns.
"""

BROKEN_TOPIC = """\
topic:
  title: Cloud models
entries:
  - term: Community cloud
  - term: Hybrid cloud
    definition: [not, a, string]
"""


async def test_reload_picks_up_new_notes_and_keeps_the_old_ones_when_broken(
    start_bot: StartBot, tmp_path
) -> None:
    notes = copy_bundled_knowledge(tmp_path)
    h = await start_bot({"knowledge": {"paths": [str(notes)]}})
    w = h.world
    before = len(h.bot.kb)

    (notes / "cloud.yaml").write_text(NEW_TOPIC, encoding="utf-8")
    frozen_before = gc.get_freeze_count()
    handle = await h.fake.slash(w.moderator, w.general, "kb reload")
    assert (await handle.response())["type"] == 5  # deferred while loading
    done = await handle.message()
    assert done["flags"] & EPHEMERAL
    assert done["content"] == f"Reloaded the notes: {h.bot.kb.summary()}."
    assert len(h.bot.kb) == before + 1
    # the new notes and index are out of the collector's reach, as at start-up; collection is back on
    assert gc.get_freeze_count() > frozen_before
    assert gc.isenabled()
    card = await (await h.fake.slash(w.member, w.general, "define", term="community cloud")).message()
    assert card["embeds"][0]["title"] == "Community cloud"

    (notes / "cloud.yaml").write_text(BROKEN_TOPIC, encoding="utf-8")
    kb_before_break = h.bot.kb
    failed = await (await h.fake.slash(w.moderator, w.general, "kb reload")).message()
    assert failed["flags"] & EPHEMERAL
    assert failed["content"].startswith("Reload failed with 2 problems; still serving the previous notes")
    assert "cloud.yaml:4" in failed["content"]  # file:line of the entry without a definition
    assert "cloud.yaml:6" in failed["content"]
    assert len(failed["content"]) <= 2000
    assert h.bot.kb is kb_before_break
    card = await (await h.fake.slash(w.member, w.general, "define", term="community cloud")).message()
    assert card["embeds"][0]["title"] == "Community cloud"
    h.assert_alive()


async def test_reload_errors_are_truncated_to_one_message(start_bot: StartBot, tmp_path) -> None:
    notes = copy_bundled_knowledge(tmp_path)
    h = await start_bot({"knowledge": {"paths": [str(notes)]}})
    w = h.world
    entries = "\n".join(f"  - term: Term {i}\n    definition: [{i}]" for i in range(300))
    (notes / "many.yaml").write_text(f"topic:\n  title: Many\nentries:\n{entries}\n", encoding="utf-8")
    failed = await (await h.fake.slash(w.moderator, w.general, "kb reload")).message()
    assert failed["content"].startswith("Reload failed with 300 problems")
    assert len(failed["content"]) <= 2000
    assert "more" in failed["content"]
    assert gc.isenabled(), "a failed reload turns the collector back on"
    h.assert_alive()


async def test_reload_is_refused_for_a_normal_member(start_bot: StartBot, tmp_path) -> None:
    h = await start_bot()
    w = h.world
    refused = await (await h.fake.slash(w.member, w.general, "kb reload")).message()
    assert refused["flags"] & EPHEMERAL
    assert refused["content"] == "You need the Manage Server permission for that."
    # The command is hidden from members without Manage Server by default, too.
    kb = next(c for c, _ in h.fake.commands_for(w.guild) if c["name"] == "kb")
    assert int(kb["default_member_permissions"]) == 1 << 5
    h.assert_alive()


async def test_reload_is_allowed_for_the_guild_owner_and_the_bot_owner(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    owner = w.guild.members[w.guild.owner_id]
    done = await (await h.fake.slash(owner, w.general, "kb reload")).message()
    assert done["content"].startswith("Reloaded the notes:")
    app_owner = w.guild.add_member(h.fake.owner)
    done = await (await h.fake.slash(app_owner, w.general, "kb reload")).message()
    assert done["content"].startswith("Reloaded the notes:")
    h.assert_alive()


async def test_a_crashing_command_gets_a_short_ephemeral_message_and_the_bot_lives(
    start_bot: StartBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    h = await start_bot()
    w = h.world

    def explode(text: str) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(h.bot.matcher, "lookup", explode)
    answer = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert answer["flags"] & EPHEMERAL
    assert answer["content"] == "Something went wrong on my side; the error has been logged."
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    monkeypatch.undo()
    card = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert card["embeds"][0]["title"] == "Hypervisor"
    h.assert_alive()


async def test_domain_errors_with_a_user_message_are_shown_as_is(
    start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = await start_bot()
    w = h.world

    class QuizAlreadyRunning(UserError):
        """A domain refusal: the one user-facing error type."""

    class LooksFriendly(Exception):
        user_message = "not a UserError: a bug"

    def refuse(text: str) -> None:
        raise QuizAlreadyRunning("A quiz is already running in this channel.")

    monkeypatch.setattr(h.bot.matcher, "lookup", refuse)
    answer = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert answer["content"] == "A quiz is already running in this channel."

    def crash(text: str) -> None:
        raise LooksFriendly

    monkeypatch.setattr(h.bot.matcher, "lookup", crash)
    answer = await (await h.fake.slash(w.member, w.general, "define", term="hypervisor")).message()
    assert answer["content"] == GENERIC_ERROR, "only UserError is shown to users; anything else is a bug"
    h.assert_alive()
