"""``python -m bot run``: start the Discord bot (or the offline console when no token is set)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from pathlib import Path
from typing import Any

from bot.collector import tune_for_serving
from bot.config import TOKEN_ENV, ConfigError, KnowledgeSettings, Settings, hide_tokens, load_settings
from bot.knowledge import KnowledgeError
from bot.shutdown import run_until_signalled

log = logging.getLogger(__name__)

#: Exit code for configuration errors (bad config file, bad environment, missing token).
EXIT_CONFIG = 2
#: Exit code for knowledge files with problems, or Discord refusing the login.
EXIT_FAILURE = 1


def register(subparsers: Any) -> None:
    """Add the ``run`` sub-command."""
    parser = subparsers.add_parser("run", help="start the Discord bot", description=__doc__)
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="PATH",
        help="settings file (default: config.yaml if present; see config.example.yaml)",
    )
    parser.add_argument(
        "--console-without-token",
        action="store_true",
        help=f"without {TOKEN_ENV}, start the offline console instead of failing",
    )
    parser.set_defaults(func=run)


def configure_logging(level: str) -> None:
    """Log to stderr at ``level``, with discord.py's own logs one notch quieter and Alembic's
    plugin set-up lines (seven at every start) only at DEBUG."""
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)-8s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if level == "DEBUG":
        logging.getLogger("discord").setLevel(logging.INFO)
    else:
        logging.getLogger("alembic").setLevel(logging.WARNING)


def start_console(settings: Settings) -> int:
    """The offline console (the same as ``python -m bot console``) on the services of the configuration."""
    from bot.cli.console import serve_services
    from bot.services import build_services

    return serve_services(build_services(settings), stdin=sys.stdin, stdout=sys.stdout)


def run(args: argparse.Namespace) -> int:
    """Start the bot; configuration problems are one line on stderr and exit code 2.

    SIGTERM or SIGINT closes the bot (exit code 0); if that takes over ``SHUTDOWN_TIMEOUT`` (8) seconds,
    what was still running is logged and the process exits at once with code 1.
    """
    try:
        settings = load_settings(args.config, os.environ)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if not settings.discord.token:
        if args.console_without_token:
            paths = settings.knowledge.paths
            notes = (
                "the bundled knowledge base"
                if paths == KnowledgeSettings().paths
                else "the notes in " + hide_tokens(", ".join(paths))
            )
            print(
                f"No {TOKEN_ENV} is set: starting the offline console on {notes} (Ctrl-D to quit).",
                file=sys.stderr,
            )
            try:
                return start_console(settings)
            except KnowledgeError as exc:
                print(hide_tokens(str(exc)), file=sys.stderr)  # a path of the config may hold one
                return EXIT_FAILURE
        print(
            f"error: no {TOKEN_ENV} is set: export {TOKEN_ENV}=<your bot token> "
            "(or use --console-without-token for the offline console)",
            file=sys.stderr,
        )
        return EXIT_CONFIG

    configure_logging(settings.log_level)
    from bot.discord_bot import StartupRefused, create_bot, run_bot

    try:
        bot = create_bot(settings)
    except KnowledgeError as exc:
        print(hide_tokens(str(exc)), file=sys.stderr)
        return EXIT_FAILURE
    # The knowledge base and the matcher's index live as long as the process: move them out of the
    # collector's reach so full collections (70-180 ms with a big index) do not stall the event loop.
    # Each server's own matcher is frozen the same way when it is built.
    gc.freeze()
    tune_for_serving()  # fewer, larger collections: the full ones were the event loop's worst pauses
    bot.notes.freeze = True
    runner = asyncio.Runner()
    try:
        clean = runner.run(run_until_signalled(run_bot(bot), bot.close))
    except StartupRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        runner.close()
        return EXIT_CONFIG if exc.config_problem else EXIT_FAILURE
    if not clean:
        # what is still running was logged; waiting for it (asyncio's own teardown would) could hang
        logging.shutdown()
        os._exit(EXIT_FAILURE)
    runner.close()
    return 0
