"""The one error type a user reads: every face shows ``user_message`` and nothing else.

Domain code raises a subclass when a request cannot be done (a bad setting, a busy channel, notes with
problems, the database down); the Discord bot's one error handler replies with ``user_message`` privately,
the console prints it. Anything else is a bug: logged with its traceback, and the user gets a generic line.
"""

from __future__ import annotations


class UserError(Exception):
    """A request that cannot be done; ``user_message`` is one short line fit to show the user."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self._user_message = user_message

    @property
    def user_message(self) -> str:
        """What the user is told (subclasses may build it from their fields)."""
        return self._user_message
