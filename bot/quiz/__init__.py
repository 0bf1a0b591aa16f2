"""Timed quiz rounds built from the knowledge base (no Discord here)."""

from bot.quiz.answers import AnswerChecker, Verdict, hint_mask, mask_names, normalize
from bot.quiz.questions import Question, QuestionGenerator, QuestionKind, select_entries
from bot.quiz.round import (
    WRONG_GUESSES,
    HintShown,
    QuestionAsked,
    QuestionClosed,
    QuizRound,
    RoundFinished,
    RoundState,
    RoundStateError,
    ScoredAnswer,
    Standing,
    SubmitResult,
    SubmitStatus,
)
from bot.quiz.scoring import points_for
from bot.quiz.settings import QuizMode, QuizSettingsError, RoundSettings

__all__ = [
    "WRONG_GUESSES",
    "AnswerChecker",
    "HintShown",
    "Question",
    "QuestionAsked",
    "QuestionClosed",
    "QuestionGenerator",
    "QuestionKind",
    "QuizMode",
    "QuizRound",
    "QuizSettingsError",
    "RoundFinished",
    "RoundSettings",
    "RoundState",
    "RoundStateError",
    "ScoredAnswer",
    "Standing",
    "SubmitResult",
    "SubmitStatus",
    "Verdict",
    "hint_mask",
    "mask_names",
    "normalize",
    "points_for",
    "select_entries",
]
