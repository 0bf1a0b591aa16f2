"""studybot's domain: knowledge base, matcher, quiz engine, scheduler and storage.

Nothing in this package imports discord except ``bot.discord_bot`` (the Bot class)
and the ``run`` entry point.
"""

__version__ = "0.1.0"
