"""Persistent quiz data: rounds, answers, scores and leaderboards (SQLAlchemy async)."""

from bot.storage.lock import DatabaseInUse
from bot.storage.store import (
    DEFAULT_DATABASE_PATH,
    AnswerRecord,
    LeaderboardPage,
    LeaderboardRow,
    MemberRank,
    Period,
    RoundStatus,
    Store,
    StoredRound,
    database_unavailable,
    database_url,
)

__all__ = [
    "DEFAULT_DATABASE_PATH",
    "AnswerRecord",
    "DatabaseInUse",
    "LeaderboardPage",
    "LeaderboardRow",
    "MemberRank",
    "Period",
    "RoundStatus",
    "Store",
    "StoredRound",
    "database_unavailable",
    "database_url",
]
