"""The domain never imports discord: every ``bot`` module imports with discord made unimportable."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import bot

REPO = Path(__file__).resolve().parents[2]

#: The only modules of ``bot`` allowed to import discord at import time.
ALLOWED = {"bot.discord_bot"}
#: Alembic's env scripts only run inside alembic (they read ``alembic.context.config``).
NOT_IMPORTABLE_ALONE = {"bot.storage.migrations.env"}

BLOCKER = """
import importlib, importlib.abc, json, sys

class NoDiscord(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "discord" or name.startswith("discord."):
            raise ImportError(f"{name} is blocked: the domain must not import discord")
        return None

sys.meta_path.insert(0, NoDiscord())
failed = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
leaked = sorted(m for m in sys.modules if m == "discord" or m.startswith("discord."))
print(json.dumps({"failed": failed, "leaked": leaked}))
"""


def domain_modules() -> list[str]:
    """Every module of the ``bot`` package except the ones allowed to import discord."""
    names = [m.name for m in pkgutil.walk_packages(bot.__path__, prefix="bot.")]
    skip = ALLOWED | NOT_IMPORTABLE_ALONE
    return sorted(n for n in names if n not in skip)


def test_the_domain_imports_with_discord_blocked() -> None:
    modules = domain_modules()
    for required in ("bot.knowledge", "bot.loader", "bot.matching", "bot.config", "bot.cli", "bot.cli.run"):
        assert required in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, json.dumps(modules)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"failed": {}, "leaked": []}


def test_the_blocker_really_blocks_discord() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, json.dumps(["bot.discord_bot"])],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "discord is blocked" in report["failed"]["bot.discord_bot"]
