"""Settings of one quiz round, validated with readable errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from bot.errors import UserError

MIN_QUESTIONS, MAX_QUESTIONS = 1, 50
MIN_SECONDS, MAX_SECONDS = 5, 120
DEFAULT_QUESTIONS, DEFAULT_SECONDS = 10, 30


class QuizMode(StrEnum):
    """How members answer: typing in chat, pressing buttons, or both in turn."""

    TYPED = "typed"
    BUTTONS = "buttons"
    MIXED = "mixed"


class QuizSettingsError(UserError, ValueError):
    """A round setting is out of range or unknown; ``user_message`` (also ``message``) says which."""

    @property
    def message(self) -> str:
        """The same as ``user_message``."""
        return self.user_message


@dataclass(frozen=True, slots=True)
class RoundSettings:
    """Questions per round, seconds per question, optional topic filter and answer mode."""

    questions: int = DEFAULT_QUESTIONS
    seconds: int = DEFAULT_SECONDS
    topic: str | None = None
    mode: QuizMode = QuizMode.TYPED

    @classmethod
    def validated(
        cls,
        questions: int | None = None,
        seconds: int | None = None,
        topic: str | None = None,
        mode: str | QuizMode | None = None,
    ) -> RoundSettings:
        """Build settings from user input, raising ``QuizSettingsError`` with a clear message."""
        q = DEFAULT_QUESTIONS if questions is None else questions
        s = DEFAULT_SECONDS if seconds is None else seconds
        if not isinstance(q, int) or not MIN_QUESTIONS <= q <= MAX_QUESTIONS:
            raise QuizSettingsError(f"questions must be between {MIN_QUESTIONS} and {MAX_QUESTIONS}")
        if not isinstance(s, int) or not MIN_SECONDS <= s <= MAX_SECONDS:
            raise QuizSettingsError(f"seconds must be between {MIN_SECONDS} and {MAX_SECONDS}")
        try:
            m = QuizMode(str(mode).strip().lower()) if mode is not None else QuizMode.TYPED
        except ValueError:
            choices = ", ".join(m.value for m in QuizMode)
            raise QuizSettingsError(f"mode must be one of: {choices}") from None
        t = topic.strip() if topic else None
        return cls(questions=q, seconds=s, topic=t or None, mode=m)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly copy (stored with the round)."""
        data = asdict(self)
        data["mode"] = self.mode.value
        return data
