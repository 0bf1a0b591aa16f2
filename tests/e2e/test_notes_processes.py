"""Two bot processes (``python -m bot run``) on one PostgreSQL database: an upload confirmed through one
is served by the other, which had the server's old notes in memory, within 5 seconds.

Process 1 runs unsharded; process 2 runs the server's shard of two, so the loopback Discord hands the
server's interactions to process 2 while it runs (the newest session owning the server) and back to
process 1 once process 2 has closed its gateway session, as after a shard handover.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dbutil import postgres_database
from tests.e2e.conftest import build_world
from tests.e2e.test_hardening_kill import STEP, BotProcess
from tests.fakediscord import FakeDiscord, Upload

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

CELLS_MD = b"# Cell biology\n\n- **Ribosome**: the site where proteins are made from amino acids.\n"
#: What the issue promises: another process serves an upload within this many seconds.
SERVED_WITHIN = 5.0


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A private PostgreSQL database (fails, never skips, when the server is down)."""
    with postgres_database("studybot_notes_processes") as url:
        yield url


def _write_config(path: Path, fake: FakeDiscord, guild_id: int, pg_url: str, **discord: Any) -> Path:
    settings = {
        "database": {"url": pg_url},
        "discord": {
            "api_base_url": fake.api_base_url,
            "gateway_url": fake.gateway_url,
            "sync": [guild_id],
            **discord,
        },
        "notes": {"refresh_seconds": 1},
        "log_level": "INFO",
    }
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return path


async def _define(fake: FakeDiscord, member: Any, channel: Any, term: str) -> dict[str, Any]:
    return await (await fake.slash(member, channel, "define", term=term)).message(STEP)


async def _interrupt(process: BotProcess) -> None:
    """Ctrl-C: the bot closes its gateway session cleanly (code 1000) and exits."""
    assert process.process is not None
    process.process.send_signal(signal.SIGINT)
    await asyncio.wait_for(process.process.wait(), STEP)


async def test_an_upload_through_one_process_is_served_by_the_other(tmp_path: Path, pg_url: str) -> None:
    fake = FakeDiscord()
    w = build_world(fake)
    await fake.start()
    first = BotProcess(_write_config(tmp_path / "one.yaml", fake, w.guild.id, pg_url), fake.token)
    shard = w.guild.shard_id(2)
    second_config = _write_config(
        tmp_path / "two.yaml", fake, w.guild.id, pg_url, shard_count=2, shard_ids=[shard]
    )
    second = BotProcess(second_config, fake.token)
    try:
        await first.start()
        before = await _define(fake, w.member, w.general, "ribosome")
        assert "not in the notes" in before["content"]  # process 1 now has the server's notes in memory

        await second.start()
        handle = await fake.slash(w.moderator, w.general, "notes upload", file=Upload("cells.md", CELLS_MD))
        preview = await handle.message(STEP)
        confirm = next(
            c["custom_id"]
            for row in preview["components"]
            for c in row["components"]
            if c["label"] == "Confirm"
        )
        done = await (await fake.click(w.moderator, w.general, preview, confirm)).response(STEP)
        confirmed_at = datetime.now()  # the processes log local wall-clock times
        assert done["data"]["content"].startswith("Stored **Cell biology**")
        card = await _define(fake, w.member, w.general, "ribosome")
        assert card["embeds"][0]["title"] == "Ribosome"  # served at once by the process that stored it

        await _interrupt(second)  # the server's interactions go back to process 1
        deadline = time.monotonic() + STEP
        while not (answer := await _define(fake, w.member, w.general, "ribosome")).get("embeds"):
            assert time.monotonic() < deadline, "process 1 never served the new notes"
            await asyncio.sleep(0.2)
        assert answer["embeds"][0]["title"] == "Ribosome"
        # When process 1 dropped its old copy (the time process 2 took to shut down does not count):
        [seen] = [line for line in first.lines if "notes changed elsewhere" in line]
        noticed_at = datetime.strptime(seen[:23], "%Y-%m-%d %H:%M:%S,%f")
        assert (noticed_at - confirmed_at).total_seconds() < SERVED_WITHIN, seen
    finally:
        await second.stop()
        await first.stop()
        await fake.close()
    assert fake.violations == [], fake.violations
