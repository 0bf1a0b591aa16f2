"""End to end on the loopback Discord: a server's own notes, uploaded as real attachments served at signed,
expiring loopback CDN URLs, previewed, confirmed, served only in that server, rolled back and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.dbutil import sqlite_url
from tests.e2e.conftest import StartBot, World, build_world
from tests.fakediscord import Channel, FakeDiscord, Member, Permissions, Upload
from tests.schedule.e2e_support import assert_clean, start_bot_on

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
CORPUS = Path(__file__).resolve().parents[1] / "corpus"

CELLS_MD = b"""# Cell biology

- **Mitochondrion**: the organelle that releases energy by aerobic respiration.
- **Ribosome**: the site where proteins are made from amino acids.
- **Nucleus**: controls the cell and holds the DNA.
- **Chloroplast**: the organelle where photosynthesis happens in plant cells.
"""

CELLS_V2_MD = b"""# Cell biology

- **Vacuole**: a sac that stores water and keeps plant cells firm.
"""

BROKEN_YAML = b"""topic:
  title: Cell biology
entries:
  - term: Ribosome
    definitoin: typo in the key
"""


class TwoServers(World):
    """The usual world plus a second server, B, with a member of its own."""

    other: Any
    other_channel: Channel
    other_member: Member


def two_servers(fake: FakeDiscord) -> World:
    world = build_world(fake)
    other = fake.add_guild("Biology Club")
    world.extra_guild = other  # type: ignore[attr-defined]
    world.extra_channel = next(iter(other.channels.values()))  # type: ignore[attr-defined]
    mods = other.add_role("Club moderators", Permissions.MANAGE_GUILD)
    world.extra_member = fake.add_member(other, "bea", [mods])  # type: ignore[attr-defined]
    return world


def with_note_takers(fake: FakeDiscord) -> World:
    world = build_world(fake)
    editors = world.guild.add_role("Note takers")
    world.extra_role = editors  # type: ignore[attr-defined]
    world.extra_member = fake.add_member(world.guild, "nora", [editors])  # type: ignore[attr-defined]
    return world


def _config(world: World) -> dict[str, Any]:
    return {"discord": {"sync": [world.guild.id, world.extra_guild.id]}}  # type: ignore[attr-defined]


def _buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in message.get("components") or [] for c in row.get("components") or []]


async def _upload(h: Any, member: Member, name: str, data: bytes) -> dict[str, Any]:
    handle = await h.fake.slash(member, h.world.general, "notes upload", file=Upload(name, data))
    assert (await handle.response())["type"] == 5  # deferred while downloading and reading
    message = await handle.message()
    assert message["flags"] & EPHEMERAL
    return message


async def _confirm(h: Any, member: Member, preview: dict[str, Any]) -> dict[str, Any]:
    confirm = next(b for b in _buttons(preview) if b["label"] == "Confirm")
    handle = await h.fake.click(member, h.world.general, preview, confirm["custom_id"])
    response = await handle.response()
    assert response["type"] == 7  # the preview is edited in place
    return response["data"]


async def _define(h: Any, member: Member, channel: Channel, term: str) -> dict[str, Any]:
    return await (await h.fake.slash(member, channel, "define", term=term)).message()


def _title(message: dict[str, Any]) -> str | None:
    return message["embeds"][0]["title"] if message.get("embeds") else None


async def test_upload_preview_confirm_serves_the_new_terms_only_in_that_server(start_bot: StartBot) -> None:
    h = await start_bot(_config, world=two_servers)
    w = h.world
    b_member, b_channel = w.extra_member, w.extra_channel  # type: ignore[attr-defined]

    preview = await _upload(h, w.moderator, "cells.md", CELLS_MD)
    assert preview["content"].startswith("**Cell biology** from `cells.md`: 4 entries (a new topic).")
    assert "First terms: Mitochondrion, Ribosome, Nucleus, Chloroplast." in preview["content"]
    assert [b["label"] for b in _buttons(preview)] == ["Confirm", "Cancel"]
    assert [status for _, status in h.fake.cdn.downloads] == [200]  # fetched from the loopback CDN
    assert "not in the notes" in (await _define(h, w.member, w.general, "ribosome"))["content"]  # not yet

    done = await _confirm(h, w.moderator, preview)
    assert done["content"].startswith("Stored **Cell biology** (version 1, 4 entries)")
    assert all(b["disabled"] for b in _buttons(done))

    assert _title(await _define(h, w.member, w.general, "ribosome")) == "Ribosome"
    assert _title(await _define(h, w.member, w.general, "hypervisor")) == "Hypervisor"  # shared notes stay
    assert "not in the notes" in (await _define(h, b_member, b_channel, "ribosome"))["content"]
    a_choices = await h.fake.autocomplete(w.member, w.general, "define", term="ribo")
    b_choices = await h.fake.autocomplete(b_member, b_channel, "define", term="ribo")
    assert "Ribosome" in [c["name"] for c in a_choices]
    assert "Ribosome" not in [c["name"] for c in b_choices]
    a_topics = await (await h.fake.slash(w.member, w.general, "topics")).message()
    b_topics = await (await h.fake.slash(b_member, b_channel, "topics")).message()
    assert "Cell biology" in a_topics["embeds"][0]["description"]
    assert "Cell biology" not in b_topics["embeds"][0]["description"]

    await h.fake.send_message(w.member, w.study, "what is a mitochondrion?")
    reply = await h.fake.next_message(w.study)
    assert _title(reply) == "Mitochondrion"
    h.assert_alive()


async def test_a_bad_file_leaves_the_old_notes_and_rollback_goes_back(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await _confirm(h, w.moderator, await _upload(h, w.moderator, "cells.md", CELLS_MD))

    bad = await _upload(h, w.moderator, "cells.yaml", BROKEN_YAML)
    assert "cannot be stored" in bad["content"]
    assert "cells.yaml:5: definitoin:" in bad["content"] or "cells.yaml:5:" in bad["content"]
    assert "nothing was changed and the current notes keep serving" in bad["content"]
    assert _buttons(bad) == []
    assert _title(await _define(h, w.member, w.general, "ribosome")) == "Ribosome"

    done = await _confirm(h, w.moderator, await _upload(h, w.moderator, "cells.md", CELLS_V2_MD))
    assert "version 2, 1 entry" in done["content"]
    assert _title(await _define(h, w.member, w.general, "vacuole")) == "Vacuole"
    assert "not in the notes" in (await _define(h, w.member, w.general, "ribosome"))["content"]

    listed = await (await h.fake.slash(w.member, w.general, "notes list")).message()
    assert "**Cell biology**: 1 term, version 2, by <@" in listed["content"]
    back = await (
        await h.fake.slash(w.moderator, w.general, "notes rollback", topic="Cell biology")
    ).message()
    assert back["content"].startswith("**Cell biology** is back to version 1 (4 entries")
    assert _title(await _define(h, w.member, w.general, "ribosome")) == "Ribosome"
    assert "not in the notes" in (await _define(h, w.member, w.general, "vacuole"))["content"]
    again = await (
        await h.fake.slash(w.moderator, w.general, "notes rollback", topic="Cell biology")
    ).message()
    assert "no earlier version" in again["content"]
    h.assert_alive()


async def _download(attachment: dict[str, Any]) -> bytes:
    async with aiohttp.ClientSession() as session, session.get(attachment["url"]) as response:
        assert response.status == 200
        return await response.read()


async def test_export_and_reupload_round_trips(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    await _confirm(h, w.moderator, await _upload(h, w.moderator, "cells.md", CELLS_MD))

    exported = await (
        await h.fake.slash(w.member, w.general, "notes export", format="yaml", topic="Cell biology")
    ).message()
    [attachment] = exported["attachments"]
    assert attachment["filename"] == "cell-biology.yaml"
    yaml_bytes = await _download(attachment)

    removed = await (
        await h.fake.slash(w.moderator, w.general, "notes remove", topic="Cell biology")
    ).message()
    assert removed["content"].startswith("Removed **Cell biology** (4 entries)")
    assert "not in the notes" in (await _define(h, w.member, w.general, "ribosome"))["content"]

    preview = await _upload(h, w.moderator, "cell-biology.yaml", yaml_bytes)
    assert "4 entries (a new topic)" in preview["content"]
    await _confirm(h, w.moderator, preview)
    card = await _define(h, w.member, w.general, "ribosome")
    assert card["embeds"][0]["description"].startswith("The site where proteins are made")

    anki = await (await h.fake.slash(w.member, w.general, "notes export", format="anki")).message()
    [deck] = anki["attachments"]
    assert deck["filename"].endswith(".apkg")
    assert (await _download(deck))[:2] == b"PK"  # a zip package, as Anki wants
    h.assert_alive()


async def test_who_may_upload_and_the_buttons_belong_to_the_uploader(start_bot: StartBot) -> None:
    h = await start_bot(world=with_note_takers)
    w = h.world
    nora = w.extra_member  # type: ignore[attr-defined]
    refused = await (
        await h.fake.slash(w.member, w.general, "notes upload", file=Upload("c.md", CELLS_MD))
    ).message()
    assert refused["content"] == "Only members with Manage Server can change this server's notes."
    assert h.fake.cdn.downloads == []  # refused before downloading

    refused = await (
        await h.fake.slash(nora, w.general, "notes upload", file=Upload("c.md", CELLS_MD))
    ).message()
    assert refused["content"] == "Only members with Manage Server can change this server's notes."
    editors = w.extra_role  # type: ignore[attr-defined]
    set_role = await (await h.fake.slash(w.moderator, w.general, "notes editors", role=editors)).message()
    assert "may now manage this server's notes" in set_role["content"]
    preview = await _upload(h, nora, "cells.md", CELLS_MD)
    cancel = next(b for b in _buttons(preview) if b["label"] == "Cancel")
    other = await h.fake.click(w.moderator, w.general, preview, cancel["custom_id"])
    assert (await other.message())["content"] == "This upload is not yours."
    mine = await h.fake.click(nora, w.general, preview, cancel["custom_id"])
    assert (await mine.response())["data"]["content"] == "Cancelled: nothing was changed."
    assert "not in the notes" in (await _define(h, w.member, w.general, "ribosome"))["content"]
    again = await h.fake.click(
        nora,
        w.general,
        preview,
        next(b for b in _buttons(preview) if b["label"] == "Confirm")["custom_id"],
    )
    assert "no longer waiting" in (await again.response())["data"]["content"]
    h.assert_alive()


async def test_limits_refuse_before_anything_is_read(start_bot: StartBot) -> None:
    h = await start_bot({"notes": {"max_file_bytes": 2048, "max_entries": 3}})
    w = h.world
    big = await (
        await h.fake.slash(w.moderator, w.general, "notes upload", file=Upload("big.md", CELLS_MD * 20))
    ).message()
    assert big["content"].startswith("big.md is 6 KB; uploads are limited to 2 KB")
    assert h.fake.cdn.downloads == []  # refused by its declared size, never downloaded
    wrong = await (
        await h.fake.slash(w.moderator, w.general, "notes upload", file=Upload("notes.pdf", b"%PDF"))
    ).message()
    assert wrong["content"].startswith("notes.pdf: I can read Markdown")
    too_many = await _upload(h, w.moderator, "cells.md", CELLS_MD)
    assert "would have 4 entries; the limit is 3" in too_many["content"]
    assert _buttons(too_many) == []
    h.assert_alive()


async def test_quizzes_reviews_and_schedules_use_the_server_notes(start_bot: StartBot) -> None:
    h = await start_bot(_config, world=two_servers)
    w = h.world
    await _confirm(h, w.moderator, await _upload(h, w.moderator, "cells.md", CELLS_MD))
    off = await (await h.fake.slash(w.moderator, w.general, "notes shared", enabled=False)).message()
    assert off["content"].startswith("Shared notes **off**")
    assert "not in the notes" in (await _define(h, w.member, w.general, "hypervisor"))["content"]

    choices = await h.fake.autocomplete(w.member, w.study, "quiz start", topic="")
    assert [c["name"] for c in choices] == ["Cell biology"]
    started = await (
        await h.fake.slash(
            w.member, w.study, "quiz start", topic="Cell biology", questions=2, seconds=30, mode="buttons"
        )
    ).message()
    assert "started a quiz on **Cell biology**" in started["content"]
    b_quiz = await (
        await h.fake.slash(w.extra_member, w.extra_channel, "quiz start", topic="Cell biology", questions=2)  # type: ignore[attr-defined]
    ).message()
    assert "Cell biology" in b_quiz["content"]
    assert b_quiz["flags"] & EPHEMERAL

    review = await (await h.fake.slash(w.member, w.general, "review")).message()
    card = review["embeds"][0]
    assert card["footer"]["text"].endswith(
        "Cell biology"
    )  # the first new card comes from this server's notes
    assert any(term in card["title"] for term in ("Mitochondrion", "Ribosome", "Nucleus", "Chloroplast"))

    scheduled = await (
        await h.fake.slash(
            w.moderator,
            w.study,
            "schedule add",
            channel=w.study,
            when="daily 07:00 UTC",
            topic="Cell biology",
        )
    ).message()
    assert "Scheduled quiz" in scheduled["content"]
    b_scheduled = await (
        await h.fake.slash(
            w.extra_member,  # type: ignore[attr-defined]
            w.extra_channel,  # type: ignore[attr-defined]
            "schedule add",
            channel=w.extra_channel,  # type: ignore[attr-defined]
            when="daily 07:00 UTC",
            topic="Cell biology",
        )
    ).message()
    assert "Cell biology" in b_scheduled["content"]
    assert "Scheduled quiz" not in b_scheduled["content"]
    h.assert_alive()


async def test_confirm_works_after_a_restart(tmp_path: Path) -> None:
    fake = FakeDiscord()
    w = build_world(fake)
    await fake.start()
    url = sqlite_url(tmp_path / "studybot.db")
    first = await start_bot_on(fake, w, tmp_path, url, name="first")
    try:
        handle = await fake.slash(w.moderator, w.general, "notes upload", file=Upload("cells.md", CELLS_MD))
        preview = await handle.message()
    finally:
        await first.stop()
    second = await start_bot_on(fake, w, tmp_path, url, name="second")
    try:
        confirm = next(b for b in _buttons(preview) if b["label"] == "Confirm")
        done = await (await fake.click(w.moderator, w.general, preview, confirm["custom_id"])).response()
        assert done["data"]["content"].startswith("Stored **Cell biology** (version 1, 4 entries)")
        card = await (await fake.slash(w.member, w.general, "define", term="ribosome")).message()
        assert _title(card) == "Ribosome"
        second.assert_alive()
    finally:
        await second.stop()
        await fake.close()
    assert_clean(fake)


async def test_flash_card_exports_upload_like_notes(start_bot: StartBot) -> None:
    h = await start_bot()
    w = h.world
    tsv = (CORPUS / "quizlet_server_attacks.tsv").read_bytes()
    preview = await _upload(h, w.moderator, "server-attacks.tsv", tsv)
    cards = len([line for line in tsv.decode().splitlines() if line.strip()])
    assert f": {cards} entries (a new topic)." in preview["content"]
    await _confirm(h, w.moderator, preview)
    assert _title(await _define(h, w.member, w.general, "replay attack")) == "Replay attack"

    csv_preview = await _upload(
        h, w.moderator, "networking.csv", (CORPUS / "networking_terms.csv").read_bytes()
    )
    assert csv_preview["content"].startswith("**Networking")
    await _confirm(h, w.moderator, csv_preview)
    assert _title(await _define(h, w.member, w.general, "packet switching")) == "Packet Switching"
    h.assert_alive()
