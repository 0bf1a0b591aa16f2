"""Timed quiz rounds in a channel: /quiz start, /quiz stop, typed answers and answer buttons.

The rounds themselves are ``bot.quiz`` state machines driven by ``RoundRunner`` on the quiz service
(``bot.quiz.rounds.QuizRounds``, shared with scheduled rounds); this package only turns interactions and
chat messages into ``runner.answer`` calls and round events into embeds.

Modules: ``_cog`` (the cog), ``_channel`` (a round shown in a channel), ``_embeds``, ``_views`` (buttons).
"""

from __future__ import annotations

from cogs.quiz._channel import QuizBusyError, start_channel_round
from cogs.quiz._cog import OUT_OF_GUESSES, Mode, QuizCog, setup

__all__ = ["OUT_OF_GUESSES", "Mode", "QuizBusyError", "QuizCog", "setup", "start_channel_round"]
