"""Spaced repetition of the notes: FSRS flashcards per (server, member, term), reviews and reminders."""

from bot.review.cards import (
    NEW_CARDS_PER_DAY,
    SCHEDULER,
    CardSource,
    Rating,
    StudyCard,
    previews,
    review,
    short_interval,
)
from bot.review.desk import CardPrompt, NothingDue, ReviewDesk, ReviewStep, entries_by_term
from bot.review.quiz import review_quiz_answer
from bot.review.repository import DueReminder, ReminderSetting, ReviewRepository

__all__ = [
    "NEW_CARDS_PER_DAY",
    "SCHEDULER",
    "CardPrompt",
    "CardSource",
    "DueReminder",
    "NothingDue",
    "Rating",
    "ReminderSetting",
    "ReviewDesk",
    "ReviewRepository",
    "ReviewStep",
    "StudyCard",
    "entries_by_term",
    "previews",
    "review",
    "review_quiz_answer",
    "short_interval",
]
